import type { Catalog } from './catalog.ts';
import { contentPaths } from './catalog-files.ts';
import type { Corpus } from './citations/corpus.ts';
import { checkContent, contentSignature, type ContentCheck } from './content-check.ts';
import { ContentError } from './errors.ts';

// On globalThis, not in this module: Astro loads the content loaders, the Markdown plugins and the
// pages through different module graphs in one process, and all of them must share one corpus.
const CACHE = Symbol.for('renegotiated.site-corpus');
const READS = Symbol.for('renegotiated.corpus-reads');
type Cache = Map<string, { signature: string; value: ContentCheck }>;
const store = globalThis as Record<symbol, unknown>;
const cache = (store[CACHE] ??= new Map()) as Cache;

/** How many times the content was read and checked in this process (the tests and the bench read it). */
export const corpusReads = () => (store[READS] as number | undefined) ?? 0;

/**
 * The checked content of a project root (src/lib/content-check.ts: the catalog, the citation corpus,
 * their problems and warnings), computed once and reused while no input changes: the loaders, the
 * remark plugin, the open-data pages and the dev server all read this one result, and `astro dev`
 * still sees every edit.
 */
export function siteCorpus(root: string, env: NodeJS.ProcessEnv = process.env): ContentCheck {
  const paths = contentPaths(root, env);
  const key = JSON.stringify([root, paths.seedsDir, paths.metadataFile, paths.contentDir]);
  const signature = contentSignature(paths);
  const hit = cache.get(key);
  if (hit && hit.signature === signature) return hit.value;
  const value = checkContent(root, env);
  store[READS] = corpusReads() + 1;
  cache.set(key, { signature, value });
  return value;
}

/** The checked content, or a ContentError listing every problem in every file (what the loaders use). */
export function checkedContent(
  root: string,
  env: NodeJS.ProcessEnv = process.env,
): ContentCheck & { catalog: Catalog; corpus: Corpus } {
  const check = siteCorpus(root, env);
  if (check.problems.length > 0 || !check.catalog || !check.corpus) {
    throw new ContentError(check.problems, { root });
  }
  return check as ContentCheck & { catalog: Catalog; corpus: Corpus };
}
