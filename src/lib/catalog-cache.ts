import type { Catalog } from './catalog.ts';
import { contentPaths, loadCatalog } from './catalog-files.ts';

let cached: { root: string; catalog: Catalog } | undefined;

/** The catalog, loaded once per process: plugins ask for it for every file they compile. */
export function sharedCatalog(root: string): Catalog {
  if (!cached || cached.root !== root) cached = { root, catalog: loadCatalog(contentPaths(root)) };
  return cached.catalog;
}
