import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalog } from './catalog.ts';
import { contentPaths, loadCatalog, type ContentPaths } from './catalog-files.ts';
import { CITING_FOLDERS, CLAIMS_FILE, loadCorpus, TIMELINE_FILE, type Corpus } from './citations/corpus.ts';

/** The sources and everything that cites them, read and checked once. */
export interface SiteCorpus {
  paths: ContentPaths;
  catalog: Catalog;
  corpus: Corpus;
}

/** Every file and folder the corpus is read from. */
export function corpusInputs(paths: ContentPaths): string[] {
  return [
    paths.seedsDir,
    paths.metadataFile,
    ...CITING_FOLDERS.map((f) => join(paths.contentDir, f)),
    join(paths.contentDir, TIMELINE_FILE),
    join(paths.contentDir, CLAIMS_FILE),
  ];
}

/** Names, sizes and modification times of every input: changes when any input changes. */
function signature(paths: ContentPaths): string {
  const parts: string[] = [];
  for (const input of corpusInputs(paths)) {
    if (!existsSync(input)) {
      parts.push(`${input}:-`);
      continue;
    }
    const stat = statSync(input);
    if (!stat.isDirectory()) {
      parts.push(`${input}:${stat.mtimeMs}:${stat.size}`);
      continue;
    }
    for (const name of readdirSync(input).sort()) {
      const file = statSync(join(input, name));
      parts.push(`${name}:${file.mtimeMs}:${file.size}`);
    }
  }
  return parts.join('|');
}

// On globalThis, not in this module: Astro loads the content loaders, the Markdown plugins and the
// pages through different module graphs in one process, and all of them must share one corpus.
const CACHE = Symbol.for('renegotiated.site-corpus');
type Cache = Map<string, { signature: string; value: SiteCorpus }>;
const cache = ((globalThis as Record<symbol, unknown>)[CACHE] ??= new Map()) as Cache;

/** How many times the corpus was read and resolved in this process (the tests and the bench read it). */
export const corpusReads = () =>
  ((globalThis as Record<symbol, unknown>)[Symbol.for('renegotiated.corpus-reads')] as number) ?? 0;

/**
 * The catalog and the citation corpus for a project root, computed once and reused while no input
 * changes: the loaders, the remark plugin and the open-data pages all read this one result, and
 * `astro dev` still sees every edit. Problems are in `corpus.problems`; a seed that cannot be read
 * throws a ContentError from loadCatalog, and nothing is cached then.
 */
export function siteCorpus(root: string, env: NodeJS.ProcessEnv = process.env): SiteCorpus {
  const paths = contentPaths(root, env);
  const key = `${paths.seedsDir}|${paths.metadataFile}|${paths.contentDir}`;
  const sig = signature(paths);
  const hit = cache.get(key);
  if (hit && hit.signature === sig) return hit.value;
  const catalog = loadCatalog(paths);
  const corpus = loadCorpus(root, paths.contentDir, catalog.sources);
  const g = globalThis as Record<symbol, unknown>;
  g[Symbol.for('renegotiated.corpus-reads')] = corpusReads() + 1;
  const value = { paths, catalog, corpus };
  cache.set(key, { signature: sig, value });
  return value;
}
