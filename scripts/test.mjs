// npm test: every test, in three steps, then one summary line.
//   1. unit tests (pure core, plugins);
//   2. the real build (Astro + Pagefind) into dist/;
//   3. build tests and browser tests against that build.
// Browser tests need Debian's Chromium. Without it they are skipped LOUDLY; under CI they fail.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM_PATH } from './chromium.mjs';
import { summarise } from './test-summary.mjs';

const reports = '.tmp/test-reports';
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const hasChromium = existsSync(CHROMIUM_PATH);
const inCI = Boolean(process.env.CI);
// Named file by file, so nobody mistakes a run without them for a full one.
const browserTests = readdirSync('tests/browser')
  .filter((name) => name.endsWith('.test.ts'))
  .sort()
  .map((name) => `tests/browser/${name}`);
if (!hasChromium) {
  const banner = [
    '',
    '!'.repeat(78),
    `!! Chromium was not found at ${CHROMIUM_PATH}, so these BROWSER tests cannot run:`,
    ...browserTests.map((file) => `!!   ${file}`),
    '!! Install it with:  apt-get install -y chromium   (or set CHROMIUM_PATH).',
    inCI
      ? '!! CI is set, so this is a FAILURE, not a skip.'
      : '!! They are SKIPPED in this run; every other test runs.',
    '!'.repeat(78),
    '',
  ].join('\n');
  console.error(banner);
  if (inCI) process.exit(1);
}

const failedSteps = [];
const run = (label, command, args, env = {}) => {
  console.log(`\n── ${label} ──`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) failedSteps.push(`${label} (exit ${result.status ?? result.signal})`);
  return result.status === 0;
};
const vitest = (name, projects) =>
  run(`${name} tests`, 'vitest', [
    'run',
    ...projects.flatMap((p) => ['--project', p]),
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${join(reports, `${name}.json`)}`,
  ]);

run('type check (astro check)', 'astro', ['check']);
vitest('unit', ['unit']);
const built = run('build the site (Astro + Pagefind)', 'node', ['scripts/build.mjs', '--force']);
if (built) {
  vitest('build and browser', hasChromium ? ['build', 'browser'] : ['build']);
} else {
  console.error('\nThe build failed, so the build and browser tests did not run.');
}

const reportFiles = ['unit', 'build and browser'].map((name) => join(reports, `${name}.json`)).filter(existsSync);
const summary = summarise(
  reportFiles.map((file) => JSON.parse(readFileSync(file, 'utf8'))),
  failedSteps,
  process.cwd(),
);
if (!hasChromium) console.log(`\nSKIPPED, Chromium not found at ${CHROMIUM_PATH}: ${browserTests.join(', ')}`);
console.log(summary.text);
process.exit(failedSteps.length > 0 ? 1 : 0);
