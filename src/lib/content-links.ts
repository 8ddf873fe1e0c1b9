/**
 * Links written in the content (explainers and pages) to the pages the content makes: a source and
 * its passages, a claim, a timeline event, an explainer and its sections. A pasted link to a passage
 * that no longer exists is a problem with its file and line, not a link that rots once published.
 * (The build also checks every link of the built site: scripts/check-links.mjs.)
 */
import { slug as githubSlug } from 'github-slugger';
import type { Heading, Root } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { Source } from './catalog.ts';
import type { ContentProblem } from './errors.ts';
import { closestStretch } from './quotes.ts';
import { closestWord } from './edit-distance.ts';
import { explainerUrl, FIXED_PAGES, sourceUrl, TIMELINE_URL, urlForContentFile } from './routes.ts';

/** Ids every page has, and those of each kind of page besides its content's own. */
export const PAGE_IDS = {
  every: ['main', 'site-search-q'],
  source: ['full-text', 'supported-claims', 'corrections'],
  claims: ['key', 'matrix', 'differ-only', 'matrix-caption', 'claims'],
  explainer: ['toc-heading', 'notes'],
} as const;

export interface ContentFile {
  /** Repository-relative path, e.g. `content/explainers/exclusivity.mdx`. */
  file: string;
  /** Undefined for a file MDX cannot read (its own problem says why): its links and sections are not checked. */
  tree?: Root;
}

export interface LinkTargets {
  sources: readonly Source[];
  /** Undefined when the ledger or the timeline cannot be read: links into them are then not checked. */
  claimIds: readonly string[] | undefined;
  eventIds: readonly string[] | undefined;
  files: readonly ContentFile[];
}

export interface FoundLink {
  url: string;
  line: number;
  column: number;
}

/** Every link in an MDX tree: Markdown links and definitions, and `href`s of tags. */
export function linksIn(tree: Root): FoundLink[] {
  const links: FoundLink[] = [];
  const at = (node: { position?: { start: { line: number; column: number } } }) => ({
    line: node.position?.start.line ?? 1,
    column: node.position?.start.column ?? 1,
  });
  visit(tree, (node) => {
    if (node.type === 'link' || node.type === 'definition') links.push({ url: node.url, ...at(node) });
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      for (const attribute of (node as MdxJsxFlowElement | MdxJsxTextElement).attributes) {
        if (attribute.type === 'mdxJsxAttribute' && attribute.name === 'href' && typeof attribute.value === 'string') {
          links.push({ url: attribute.value, ...at(node) });
        }
      }
    }
  });
  return links;
}

/** The ids Astro gives a file's headings (github-slugger over the heading's text, as Astro does). */
export function headingIds(tree: Root): string[] {
  const ids: string[] = [];
  const seen = new Map<string, number>();
  visit(tree, 'heading', (node: Heading) => {
    const base = githubSlug(toString(node));
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    ids.push(n === 0 ? base : `${base}-${n}`);
  });
  return ids;
}

/** Check every internal link in the content to a source, a passage, a claim, an event or an explainer. */
export function checkContentLinks(targets: LinkTargets): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const bySlug = new Map(targets.sources.map((s) => [s.slug, s]));
  const explainers = new Map<string, ContentFile>();
  for (const f of targets.files) {
    const url = urlForContentFile(f.file);
    if (url?.startsWith('/explainers/')) explainers.set(url, f);
  }

  // Every page address the site has besides sources and explainers' sections, sorted for the Fix line.
  const pages = [...new Set([...FIXED_PAGES, ...targets.files.flatMap((f) => urlForContentFile(f.file) ?? [])])].sort();

  for (const { file, tree } of targets.files) {
    if (!tree) continue;
    const here = urlForContentFile(file) ?? '/';
    for (const link of linksIn(tree)) {
      const problem = checkLink(link.url, here);
      if (problem) problems.push({ file, line: link.line, column: link.column, ...problem });
    }
  }
  return problems;

  function checkLink(raw: string, here: string): { message: string; fix: string } | undefined {
    if (!raw.startsWith('/') && !raw.startsWith('#')) return undefined;
    if (raw.startsWith('//')) return undefined;
    let url: URL;
    try {
      url = new URL(raw, `https://site.invalid${here}`);
    } catch {
      return { message: `the link "${raw}" is not a valid address.`, fix: 'correct the link.' };
    }
    const path = decodeURIComponent(url.pathname);
    const fragment = decodeURIComponent(url.hash.slice(1).split(':~:')[0] ?? '');

    const source = /^\/sources\/([^/]+?)(\/|\.txt)?$/u.exec(path);
    if (source) {
      const slug = source[1] as string;
      const target = bySlug.get(slug);
      if (!target) {
        const guess = closestStretch(
          [...bySlug.keys()].map((k) => ({ key: k, text: k.replace(/-/gu, ' ') })),
          slug.replace(/-/gu, ' '),
        );
        return {
          message: `the link "${raw}" goes to source "${slug}", which does not exist.${guess ? ` Did you mean "${guess.key}"?` : ''}`,
          fix: `link to one of the sources: ${[...bySlug.keys()].map((s) => sourceUrl(s)).join(', ')}.`,
        };
      }
      if (source[2] !== '/') {
        if (source[2] === undefined) return trailingSlash(raw, `${sourceUrl(slug)}${url.hash}`);
        return undefined;
      }
      if (!fragment) return undefined;
      const ids = new Set([
        ...target.passages.map((p) => p.id),
        ...(target.former ?? []).map((f) => f.id),
        ...PAGE_IDS.every,
        ...PAGE_IDS.source,
      ]);
      if (ids.has(fragment)) return undefined;
      const guess = closestStretch(
        target.passages.map((p) => ({
          key: p.id,
          text: p.id.replace(/-[0-9a-f]{6,12}(?:-\d+)?$/u, '').replace(/-/gu, ' '),
        })),
        fragment.replace(/-[0-9a-f]{6,12}(?:-\d+)?$/u, '').replace(/-/gu, ' '),
      );
      const passage = guess ? target.passages.find((p) => p.id === guess.key) : undefined;
      return {
        message:
          `the link "${raw}" goes to passage #${fragment}, which "${target.title}" (${slug}) does not have.` +
          (passage ? ` Did you mean #${passage.id} (¶ ${passage.ordinal}): "${preview(passage.text)}"?` : ''),
        fix: `copy the passage's link from its ¶ number on ${sourceUrl(slug)} (a passage id changes only when its own words change).`,
      };
    }

    if (path === '/claims/' || path === '/claims') {
      if (path === '/claims') return trailingSlash(raw, `/claims/${url.hash}`);
      if (!fragment || !targets.claimIds) return undefined;
      const ids = new Set([
        ...targets.claimIds,
        ...targets.claimIds.map((id) => `${id}-title`),
        ...PAGE_IDS.every,
        ...PAGE_IDS.claims,
      ]);
      if (ids.has(fragment)) return undefined;
      const guess = closestStretch(
        targets.claimIds.map((id) => ({ key: id, text: id.replace(/-/gu, ' ') })),
        fragment.replace(/-/gu, ' '),
      );
      return {
        message: `the link "${raw}" goes to claim #${fragment}, which the ledger does not have.${guess ? ` Did you mean #${guess.key}?` : ''}`,
        fix: 'use the `id` of a claim in content/claims.yaml (claim ids are permanent: never rename one).',
      };
    }

    const explainer = /^\/explainers\/([^/]+)(\/?)$/u.exec(path);
    if (explainer) {
      const canonical = explainerUrl(explainer[1] as string);
      const target = explainers.get(canonical);
      if (!target) {
        return {
          message: `the link "${raw}" goes to an explainer that does not exist.`,
          fix: `link to one of: ${[...explainers.keys()].join(', ')}.`,
        };
      }
      if (explainer[2] !== '/') return trailingSlash(raw, `${canonical}${url.hash}`);
      if (!fragment || !target.tree || (canonical === TIMELINE_URL && !targets.eventIds)) return undefined;
      const ids = new Set([
        ...headingIds(target.tree),
        ...(canonical === TIMELINE_URL ? (targets.eventIds ?? []) : []),
        ...PAGE_IDS.every,
        ...PAGE_IDS.explainer,
      ]);
      if (ids.has(fragment) || /^(?:ref|note)-\d+$/u.test(fragment)) return undefined;
      return {
        message: `the link "${raw}" goes to #${fragment}, which ${canonical} does not have.`,
        fix: `link to one of its sections (${
          headingIds(target.tree)
            .map((id) => `#${id}`)
            .join(', ') || 'it has none'
        })${canonical === TIMELINE_URL ? ' or events (the `id`s in content/timeline.yaml)' : ''}.`,
      };
    }
    // Any other page address (a file such as /data/claims.json is left to the build's check of the built site).
    if (/\.[A-Za-z0-9]+$/u.test(path) || path.startsWith('/pagefind/') || path.startsWith('/_astro/')) return undefined;
    if (pages.includes(path)) return undefined;
    if (pages.includes(`${path}/`)) return trailingSlash(raw, `${path}/${url.hash}`);
    const guess = closestWord(pages, path.endsWith('/') ? path : `${path}/`);
    return {
      message: `the link "${raw}" goes to ${path}, which is not a page of the site.${guess ? ` Did you mean ${guess}?` : ''}`,
      fix: `link to one of the site's pages: ${pages.join(', ')}, or a source (/sources/<slug>/).`,
    };
  }
}

function trailingSlash(raw: string, fixed: string): { message: string; fix: string } {
  return {
    message: `the link "${raw}" lacks the trailing slash every page address on the site has.`,
    fix: `write "${fixed}".`,
  };
}

const preview = (text: string, max = 80) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
