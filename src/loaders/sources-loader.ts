import type { Loader } from 'astro/loaders';
import { z } from 'astro/zod';
import { fileURLToPath } from 'node:url';
import { ContentError } from '../lib/errors.ts';
import { siteCorpus } from '../lib/site-corpus.ts';
import { PASSAGE_KINDS, type PassageKind } from '../lib/passages/types.ts';
import { syncOrDefer } from './sync.ts';

const passageSchema = z.object({
  id: z.string(),
  ordinal: z.number().int().positive(),
  kind: z.enum(PASSAGE_KINDS as readonly PassageKind[] as [PassageKind, ...PassageKind[]]),
  text: z.string(),
  lines: z.tuple([z.number(), z.number()]),
  label: z.string().optional(),
  marker: z.string().optional(),
  body: z.string().optional(),
  ordered: z.boolean().optional(),
  facts: z.boolean().optional(),
});

const changedSchema = z.object({ id: z.string(), ordinal: z.number(), text: z.string() });

/** A revised source: its versions (without their passages), its former passage ids, and what each revision changed. */
const revisionSchemas = {
  versions: z
    .array(
      z.object({
        version: z.number().int().positive(),
        seed: z.string(),
        sha256: z.string(),
        date: z.string().optional(),
        note: z.string().optional(),
      }),
    )
    .optional(),
  former: z
    .array(
      z.object({
        id: z.string(),
        text: z.string(),
        kind: z.enum(PASSAGE_KINDS as readonly PassageKind[] as [PassageKind, ...PassageKind[]]),
        lastVersion: z.number(),
        revisedIn: z.number(),
        revisedOn: z.string().optional(),
        change: z.enum(['revised', 'removed']),
        successor: z.string(),
      }),
    )
    .optional(),
  log: z
    .array(
      z.object({
        version: z.number(),
        date: z.string().optional(),
        changes: z.array(
          z.discriminatedUnion('type', [
            z.object({ type: z.literal('revised'), from: changedSchema, to: changedSchema }),
            z.object({ type: z.literal('removed'), from: changedSchema, successor: z.string() }),
            z.object({ type: z.literal('added'), to: changedSchema }),
          ]),
        ),
      }),
    )
    .optional(),
};

export const sourceSchema = z.object({
  slug: z.string(),
  title: z.string(),
  titleSupplied: z.boolean(),
  publisher: z.string(),
  byline: z.string(),
  date: z.string(),
  dateIso: z.string().optional(),
  seed: z.string(),
  sha256: z.string(),
  curated: z.boolean(),
  passages: z.array(passageSchema),
  ...revisionSchemas,
});

/**
 * The `sources` collection: one entry per `.txt` in seeds/, curated by content/sources.yaml.
 * All the work happens in the pure catalog module (through the shared site corpus); this only hands
 * its result to Astro.
 */
export function sourcesLoader(): Loader {
  return {
    name: 'renegotiated-sources',
    schema: sourceSchema,
    async load({ store, logger, parseData, config, watcher }) {
      const root = fileURLToPath(config.root);
      const sync = async () => {
        // The same catalog the citations were resolved against, read once.
        const { catalog, problems } = siteCorpus(root);
        // Problems in the seeds or their metadata: nothing to load (the citations loader reports the rest).
        if (!catalog) throw new ContentError(problems, { root });
        for (const warning of catalog.warnings) logger.warn(warning);
        store.clear();
        for (const source of catalog.sources) {
          const data = await parseData({ id: source.slug, data: { ...source } });
          store.set({ id: source.slug, data });
        }
      };
      await syncOrDefer(watcher, sync);
    },
  };
}
