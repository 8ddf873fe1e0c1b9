import { cpSync, existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './paths.ts';

/** What a project root needs besides its content: copied (small), so each root's Astro sees itself. */
const COPIED = ['src', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json'];

/**
 * Make `dir` a project root of its own for a fixture build or dev server: the site's code copied in,
 * node_modules linked, and `.tmp` linked to the repository's, so that the paths tests give relative to
 * the repository (`RENEGOTIATED_CONTENT=.tmp/content-copies/x/content`) mean the same from here and
 * messages name files as they always have. Astro writes its `.astro/` folder (type declarations, the
 * map of content modules) into the root it builds, so builds in roots of their own never share one and
 * can run side by side. `content/` and `seeds/` are the real ones unless `dir` has its own.
 */
export function makeSiteRoot(dir: string): string {
  mkdirSync(dir, { recursive: true });
  for (const entry of COPIED) {
    // Afresh each time: the code under test is the repository's as it is now.
    rmSync(join(dir, entry), { recursive: true, force: true });
    cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
  }
  for (const entry of ['node_modules', '.tmp', 'content', 'seeds']) {
    if (!existsSync(join(dir, entry))) symlinkSync(join(ROOT, entry), join(dir, entry), 'dir');
  }
  return dir;
}
