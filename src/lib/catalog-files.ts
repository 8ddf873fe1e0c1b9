import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildCatalog, type Catalog, type SeedFile } from './catalog.ts';
import { ContentError } from './errors.ts';

/** Where the content lives. Tests point these at fixtures; the site uses the defaults. */
export interface ContentPaths {
  root: string;
  /** Hand-written content: explainers, pages, the timeline, source metadata. */
  contentDir: string;
  seedsDir: string;
  metadataFile: string;
}

export function contentPaths(root: string, env: NodeJS.ProcessEnv = process.env): ContentPaths {
  const contentDir = join(root, env['RENEGOTIATED_CONTENT'] ?? 'content');
  return {
    root,
    contentDir,
    seedsDir: env['RENEGOTIATED_SEEDS'] ? join(root, env['RENEGOTIATED_SEEDS']) : join(root, 'seeds'),
    metadataFile: env['RENEGOTIATED_SOURCES_META']
      ? join(root, env['RENEGOTIATED_SOURCES_META'])
      : join(contentDir, 'sources.yaml'),
  };
}

/** Read every `.txt` in the seeds folder and the metadata file, and build the catalog. */
export function loadCatalog(paths: ContentPaths): Catalog {
  if (!existsSync(paths.seedsDir)) {
    throw new ContentError([
      {
        file: relative(paths.root, paths.seedsDir) || '.',
        message: 'the seeds folder does not exist, so there are no sources to build.',
        fix: 'create it with the articles as .txt files (or correct RENEGOTIATED_SEEDS if you set it).',
      },
    ]);
  }
  const seeds: SeedFile[] = readdirSync(paths.seedsDir)
    .filter((name) => name.endsWith('.txt'))
    .map((name) => {
      const file = join(paths.seedsDir, name);
      return { name, path: relative(paths.root, file), bytes: readFileSync(file) };
    });
  return buildCatalog({
    seeds,
    metadataText: existsSync(paths.metadataFile) ? readFileSync(paths.metadataFile, 'utf8') : undefined,
    metadataFile: relative(paths.root, paths.metadataFile),
  });
}
