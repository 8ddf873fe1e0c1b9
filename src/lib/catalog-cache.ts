import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalog } from './catalog.ts';
import { contentPaths, loadCatalog } from './catalog-files.ts';

let cached: { signature: string; catalog: Catalog } | undefined;

/**
 * The catalog, loaded once and reused while the seeds and metadata are unchanged: the remark
 * plugin asks for it for every file it compiles, and `astro dev` must see edits.
 */
export function sharedCatalog(root: string): Catalog {
  const paths = contentPaths(root);
  const files = existsSync(paths.seedsDir) ? readdirSync(paths.seedsDir).map((n) => join(paths.seedsDir, n)) : [];
  const signature = [...files, paths.metadataFile]
    .map((f) => (existsSync(f) ? `${f}:${statSync(f).mtimeMs}:${statSync(f).size}` : f))
    .join('|');
  if (!cached || cached.signature !== signature) cached = { signature, catalog: loadCatalog(paths) };
  return cached.catalog;
}
