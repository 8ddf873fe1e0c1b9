import type { Loader } from 'astro/loaders';
import { z } from 'astro/zod';
import { fileURLToPath } from 'node:url';
import { loadCatalog, contentPaths } from '../lib/catalog-files.ts';
import { PASSAGE_KINDS, type PassageKind } from '../lib/passages/types.ts';
import { reloadOnChange } from './watch.ts';

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
});

/**
 * The `sources` collection: one entry per `.txt` in seeds/, curated by content/sources.yaml.
 * All the work happens in the pure catalog module; this only hands its result to Astro.
 */
export function sourcesLoader(): Loader {
  return {
    name: 'renegotiated-sources',
    schema: sourceSchema,
    async load({ store, logger, parseData, config, watcher }) {
      const root = fileURLToPath(config.root);
      const paths = contentPaths(root);
      const sync = async () => {
        const catalog = loadCatalog(paths);
        for (const warning of catalog.warnings) logger.warn(warning);
        store.clear();
        for (const source of catalog.sources) {
          const data = await parseData({ id: source.slug, data: { ...source } });
          store.set({ id: source.slug, data });
        }
      };
      await sync();
      reloadOnChange(watcher, [paths.seedsDir, paths.metadataFile], sync);
    },
  };
}
