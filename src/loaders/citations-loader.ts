import type { Loader } from 'astro/loaders';
import { z } from 'astro/zod';
import { fileURLToPath } from 'node:url';
import { toHtml } from 'hast-util-to-html';
import { CLAIMS_FILE } from '../lib/citations/corpus.ts';
import { countElement, countText, markerElement, proseText, renderProse } from '../lib/citations/render.ts';
import { CELL_STATUSES, claimSummary, unreviewedWarnings } from '../lib/claims.ts';
import { checkedContent } from '../lib/site-corpus.ts';
import { join, relative } from 'node:path';
import { syncOrDefer } from './sync.ts';

/** The one checked content (read and resolved once per build), or every problem in every file at once. */
function corpusFor(root: string) {
  return checkedContent(root);
}

const backlinkSchema = z.object({ href: z.string(), title: z.string(), note: z.number().optional() });

export const citedPassagesSchema = z.object({ passages: z.record(z.string(), z.array(backlinkSchema)) });

/**
 * `citedPassages`: for each source, which places cite which of its passages (the "Cited in"
 * back-links). Built from the one citation index; also where every citation problem in every
 * file is reported at once, before any page is rendered.
 */
export function citedPassagesLoader(): Loader {
  return {
    name: 'renegotiated-cited-passages',
    schema: citedPassagesSchema,
    async load({ store, logger, parseData, config, watcher }) {
      const root = fileURLToPath(config.root);
      const sync = async () => {
        const { catalog, corpus, paths } = corpusFor(root);
        for (const slug of corpus.index.uncited) {
          logger.warn(
            `No explainer, page or timeline event cites the source "${slug}". Cite it, or consider whether it belongs on the site.`,
          );
        }
        store.clear();
        for (const source of catalog.sources) {
          const passages: Record<string, z.infer<typeof backlinkSchema>[]> = {};
          for (const passage of source.passages) {
            const links = corpus.index.backlinks.get(`${source.slug}#${passage.id}`);
            if (links) passages[passage.id] = links;
          }
          store.set({ id: source.slug, data: await parseData({ id: source.slug, data: { passages } }) });
        }
        return paths;
      };
      await syncOrDefer(watcher, sync);
    },
  };
}

const resolvedCitationSchema = z.object({
  source: z.string(),
  sourceTitle: z.string(),
  ordinal: z.number(),
  href: z.string(),
  matched: z.string(),
});

export const timelineSchema = z.object({
  order: z.number(),
  date: z.string(),
  label: z.string(),
  approximate: z.boolean(),
  yearInferred: z.boolean(),
  title: z.string(),
  /** The summary as plain text (reading time, open data) and as HTML with its markers (the page). */
  summary: z.string(),
  summaryHtml: z.string(),
  citations: z.array(resolvedCitationSchema.extend({ marker: z.string(), refId: z.string() })),
});

/** Letters for the markers of a timeline summary, so they are not taken for the page's numbered notes. */
const letter = (n: number) => String.fromCharCode(96 + ((n - 1) % 26) + 1) + (n > 26 ? String(Math.ceil(n / 26)) : '');

/** `timeline`: the dated events of content/timeline.yaml, in order, each summary rendered with its markers. */
export function timelineLoader(): Loader {
  return {
    name: 'renegotiated-timeline',
    schema: timelineSchema,
    async load({ store, parseData, config, watcher }) {
      const root = fileURLToPath(config.root);
      const sync = async () => {
        const { catalog, corpus, paths } = corpusFor(root);
        const slugs = catalog.sources.map((s) => s.slug);
        store.clear();
        for (const [order, { located, tree, analysis, citations }] of corpus.events.entries()) {
          const { event } = located;
          const uses = citations?.uses ?? [];
          // One letter per cited passage and quote, as notes are numbered: [a], [b].
          const letterOf = new Map(uses.map((u) => [u.note, letter(u.note)]));
          const useByNode = new Map((analysis?.citations ?? []).map((c, i) => [c.node, citations?.byRequest[i]]));
          const countByNode = new Map((analysis?.counts ?? []).map((c) => [c.node, c]));
          const rendered = tree
            ? renderProse(tree, {
                marker: (node) => {
                  const use = useByNode.get(node);
                  return use ? markerElement(use, { label: `[${letterOf.get(use.note)}]`, note: false }) : undefined;
                },
                count: (node) => {
                  const count = countByNode.get(node);
                  return count ? countElement(count, countText(count, corpus.ledger, slugs)) : undefined;
                },
                inferencePrefix: `${event.id}-`,
              })
            : [];
          const data = {
            order,
            date: event.date,
            label: event.label,
            approximate: event.approximate,
            yearInferred: event.yearInferred === true,
            title: event.title,
            summary: proseText(rendered),
            summaryHtml: toHtml(rendered),
            citations:
              citations?.notes.map(({ citation: u, number }) => ({
                source: u.source,
                sourceTitle: u.sourceTitle,
                ordinal: u.ordinal,
                href: u.href,
                matched: u.matched.text,
                marker: letter(number),
                refId: event.id,
              })) ?? [],
          };
          store.set({ id: event.id, data: await parseData({ id: event.id, data }) });
        }
        return paths;
      };
      await syncOrDefer(watcher, sync);
    },
  };
}

export const claimSchema = z.object({
  order: z.number(),
  claim: z.string(),
  figures: z.array(z.string()),
  differs: z.number(),
  states: z.number(),
  silent: z.number(),
  singleSource: z.boolean(),
  cells: z.array(
    z.object({
      source: z.string(),
      sourceTitle: z.string(),
      status: z.enum(CELL_STATUSES),
      note: z.string().optional(),
      quote: z.string().optional(),
      href: z.string().optional(),
      passageId: z.string().optional(),
      ordinal: z.number().optional(),
    }),
  ),
});

/** `claims`: the ledger of content/claims.yaml, each cell resolved to its passage. */
export function claimsLoader(): Loader {
  return {
    name: 'renegotiated-claims',
    schema: claimSchema,
    async load({ store, parseData, config, watcher, logger }) {
      const root = fileURLToPath(config.root);
      const sync = async () => {
        const { catalog, corpus, paths } = corpusFor(root);
        for (const warning of unreviewedWarnings(corpus.claims, relative(root, join(paths.contentDir, CLAIMS_FILE)))) {
          logger.warn(warning);
        }
        store.clear();
        for (const [order, { claim, citations }] of corpus.claims.entries()) {
          const uses = corpus.ledger.get(claim.id)?.cells ?? [];
          const cells = catalog.sources.map((source) => {
            const entry = claim.sources[source.slug];
            const i = citations.findIndex((c) => c.source === source.slug);
            const use = i >= 0 ? uses[i] : undefined;
            return {
              source: source.slug,
              sourceTitle: source.title,
              status: entry?.status ?? ('unreviewed' as const),
              ...(entry?.note ? { note: entry.note } : {}),
              ...(use
                ? { quote: use.matched.text, href: use.href, passageId: use.passageId, ordinal: use.ordinal }
                : {}),
            };
          });
          const data = { order, claim: claim.claim, figures: claim.figures ?? [], ...claimSummary(claim), cells };
          store.set({ id: claim.id, data: await parseData({ id: claim.id, data }) });
        }
        return paths;
      };
      await syncOrDefer(watcher, sync);
    },
  };
}
