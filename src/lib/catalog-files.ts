import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildCatalog, type Catalog, type SeedFile } from './catalog.ts';
import { ContentError } from './errors.ts';
import { MANIFEST_NAME } from './seed-manifest.ts';

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

/** Where the content lives: what the dev server and the content loaders watch. */
export function contentRoots(paths: ContentPaths): string[] {
  return [paths.contentDir, paths.seedsDir, paths.metadataFile];
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
  const read = (dir: string, prefix: string): SeedFile[] =>
    existsSync(dir)
      ? readdirSync(dir)
          .filter((name) => name.endsWith('.txt'))
          .map((name) => {
            const file = join(dir, name);
            return { name: `${prefix}${name}`, path: relative(paths.root, file), bytes: readFileSync(file) };
          })
      : [];
  const manifest = join(paths.seedsDir, MANIFEST_NAME);
  return buildCatalog({
    seeds: read(paths.seedsDir, ''),
    revisions: read(join(paths.seedsDir, REVISIONS_DIR), `${REVISIONS_DIR}/`),
    metadataText: existsSync(paths.metadataFile) ? readFileSync(paths.metadataFile, 'utf8') : undefined,
    metadataFile: relative(paths.root, paths.metadataFile),
    checksums: {
      text: existsSync(manifest) ? readFileSync(manifest, 'utf8') : undefined,
      file: relative(paths.root, manifest),
    },
  });
}

/** Later versions of articles live in seeds/revisions/, beside the originals they revise. */
export const REVISIONS_DIR = 'revisions';

/** Every file the catalog reads: what a cache or a watcher must follow. */
export function catalogFiles(paths: ContentPaths): string[] {
  const list = (dir: string) => (existsSync(dir) ? readdirSync(dir).map((n) => join(dir, n)) : []);
  return [...list(paths.seedsDir), ...list(join(paths.seedsDir, REVISIONS_DIR)), paths.metadataFile];
}
