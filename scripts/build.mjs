// npm run build: the Astro build, then the Pagefind index over its output.
// Prints how long each step took (the benchmark reads the same figures).
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as pagefind from 'pagefind';
import { formatProblem } from '../src/lib/errors.ts';
import { siteAddress } from '../src/lib/site-address.ts';
import { brokenLinks } from '../src/lib/site-links.ts';
import { withAstroLock } from './lock.mjs';
import { recordBuild } from './build-stamp.mjs';
import { writeVocabulary } from './search-vocabulary.mjs';

const outDir = resolve(process.env.RENEGOTIATED_OUT_DIR ?? 'dist');
const extraArgs = process.argv.slice(2);

let astroStart = 0;
const astro = await withAstroLock(process.cwd(), `astro build into ${outDir}`, () => {
  astroStart = performance.now(); // the build's own time, not the wait for the lock
  return spawnSync('astro', ['build', ...extraArgs], {
    stdio: 'inherit',
    env: { ASTRO_TELEMETRY_DISABLED: '1', ...process.env },
  });
});
if (astro.error) {
  console.error(`Could not run astro (${astro.error.message}): run this script through npm (npm run build).`);
  process.exit(1);
}
if (astro.status !== 0) process.exit(astro.status ?? 1);
const astroMs = performance.now() - astroStart;

// Every internal link and #fragment of the built site must resolve: a broken one fails the build.
const linksStart = performance.now();
const broken = brokenLinks(outDir, siteAddress(process.env.SITE_URL));
if (broken.length > 0) {
  console.error(
    `\nThe built site has ${broken.length} broken internal link${broken.length === 1 ? '' : 's'}:\n\n` +
      broken.map(formatProblem).join('\n\n'),
  );
  process.exit(1);
}
const linksMs = performance.now() - linksStart;

const pagefindStart = performance.now();
const { index, errors } = await pagefind.createIndex({});
if (!index) fail(errors);
const added = await index.addDirectory({ path: outDir });
if (added.errors.length > 0) fail(added.errors);
const written = await index.writeFiles({ outputPath: resolve(outDir, 'pagefind') });
if (written.errors.length > 0) fail(written.errors);
await pagefind.close();
// The search page's vocabulary for typo correction, from the index just written.
const vocabulary = writeVocabulary(outDir);
const pagefindMs = performance.now() - pagefindStart;

if (!extraArgs.includes('--outDir')) recordBuild(process.cwd(), outDir);
console.log(
  `\nBuilt ${outDir}: Astro ${(astroMs / 1000).toFixed(1)} s, links checked ${(linksMs / 1000).toFixed(1)} s, Pagefind ${(pagefindMs / 1000).toFixed(1)} s ` +
    `(${added.page_count} pages indexed, ${vocabulary.words} words in the search vocabulary).`,
);

if (!process.env.SITE_URL?.trim()) {
  console.warn(
    'Note: SITE_URL is not set, so canonical links, the sitemap, "Cite this" and /data/ give addresses on ' +
      'http://localhost:4321/. To build for publication: SITE_URL=https://your.domain/ npm run build',
  );
}

function fail(errors) {
  console.error(`Pagefind could not index ${outDir}:\n${errors.join('\n')}`);
  process.exit(1);
}
