// Whether dist/ holds a build of the current sources: `npm run build` (and so `npm test`) records
// each build of dist/, and `npm start` rebuilds only when something changed since.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const STAMP = 'node_modules/.cache/renegotiated/last-build.json';
const INPUTS = ['src', 'content', 'seeds', 'public', 'astro.config.mjs', 'package.json', 'package-lock.json'];
export const DEFAULT_OUT_DIR = 'dist';

/** The newest modification time of a file, or of anything in a folder (0 when it does not exist). */
export function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

const siteUrl = () => process.env.SITE_URL?.trim() ?? '';

/** Record a build of `outDir` (only the default dist/ is tracked). */
export function recordBuild(root, outDir) {
  if (resolve(root, outDir) !== resolve(root, DEFAULT_OUT_DIR)) return;
  const file = join(root, STAMP);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify({ builtAt: new Date().toISOString(), siteUrl: siteUrl() }));
}

/** Why dist/ must be (re)built, or undefined when it is up to date. */
export function whyRebuild(root) {
  const file = join(root, STAMP);
  if (!existsSync(join(root, DEFAULT_OUT_DIR, 'index.html')) || !existsSync(file))
    return 'No build yet: building the site.';
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return 'The last build left no readable record: rebuilding.';
  }
  if (stamp.siteUrl !== siteUrl()) return 'SITE_URL changed since the last build: rebuilding.';
  const newest = Math.max(...INPUTS.map((p) => newestMtime(join(root, p))));
  return newest > statSync(file).mtimeMs ? 'Sources changed since the last build: rebuilding.' : undefined;
}
