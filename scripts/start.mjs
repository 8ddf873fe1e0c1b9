// npm start: build the site if anything changed since the last build, then serve it on
// http://localhost:4321 (the built site, exactly as it will be published).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const STAMP = 'node_modules/.cache/renegotiated/last-build';
const INPUTS = ['src', 'content', 'seeds', 'public', 'astro.config.mjs', 'package.json', 'package-lock.json'];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

const built = existsSync('dist/index.html') && existsSync(STAMP);
const stale = !built || Math.max(...INPUTS.map(newestMtime)) > statSync(STAMP).mtimeMs;

if (process.argv.includes('--no-build')) {
  if (!existsSync('dist/index.html')) {
    console.error('There is no built site in dist/. Run `npm run build` (or `npm start`, which builds) first.');
    process.exit(1);
  }
} else if (stale) {
  console.log(built ? 'Sources changed since the last build: rebuilding.' : 'No build yet: building the site.');
  const build = spawnSync('node', ['scripts/build.mjs'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  mkdirSync('node_modules/.cache/renegotiated', { recursive: true });
  writeFileSync(STAMP, new Date().toISOString());
} else {
  console.log('The build in dist/ is up to date.');
}

console.log('Serving the built site on http://localhost:4321/ (Ctrl-C to stop).');
const serve = spawnSync('astro', ['preview', '--port', '4321'], {
  stdio: 'inherit',
  // Keep the server in the foreground even when the CLI thinks an agent is driving it.
  env: { ASTRO_TELEMETRY_DISABLED: '1', ASTRO_PREVIEW_BACKGROUND: '0', ...process.env },
});
process.exit(serve.status ?? 0);
