import { existsSync, statSync } from 'node:fs';
import type { Catalog } from './catalog.ts';
import { catalogFiles, contentPaths, loadCatalog } from './catalog-files.ts';

let cached: { signature: string; catalog: Catalog } | undefined;

/**
 * The catalog, loaded once and reused while the seeds and metadata are unchanged: the remark
 * plugin asks for it for every file it compiles, and `astro dev` must see edits.
 */
export function sharedCatalog(root: string): Catalog {
  const paths = contentPaths(root);
  const signature = catalogFiles(paths)
    .map((f) => (existsSync(f) ? `${f}:${statSync(f).mtimeMs}:${statSync(f).size}` : f))
    .join('|');
  if (!cached || cached.signature !== signature) cached = { signature, catalog: loadCatalog(paths) };
  return cached.catalog;
}
