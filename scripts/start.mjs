// npm start: build the site if anything changed since the last build, then serve it on
// http://localhost:4321 (the built site, exactly as it will be published).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { whyRebuild } from './build-stamp.mjs';

// PORT is for running a second copy beside the first (and for the test of this script).
const port = process.env.PORT ?? '4321';

if (process.argv.includes('--no-build')) {
  if (!existsSync('dist/index.html')) {
    console.error('There is no built site in dist/. Run `npm run build` (or `npm start`, which builds) first.');
    process.exit(1);
  }
} else {
  const why = whyRebuild(process.cwd());
  if (why) {
    console.log(why);
    // The build records itself (scripts/build-stamp.mjs), so `npm run build` and `npm test` count too.
    const build = spawnSync('node', ['scripts/build.mjs'], { stdio: 'inherit' });
    if (build.status !== 0) process.exit(build.status ?? 1);
  } else {
    console.log('The build in dist/ is up to date.');
  }
}

console.log(`Serving the built site on http://localhost:${port}/ (Ctrl-C to stop).`);
const serve = spawnSync('astro', ['preview', '--port', port], {
  stdio: 'inherit',
  // Keep the server in the foreground even when the CLI thinks an agent is driving it.
  env: { ASTRO_TELEMETRY_DISABLED: '1', ASTRO_PREVIEW_BACKGROUND: '0', ...process.env },
});
process.exit(serve.status ?? 0);
