// npm test: every test, in three steps, then one summary line.
//   1. unit tests (pure core, plugins);
//   2. the real build (Astro + Pagefind) into dist/;
//   3. build tests and browser tests against that build.
// Browser tests need Debian's Chromium. Without it they are skipped LOUDLY; under CI they fail.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const reports = '.tmp/test-reports';
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const hasChromium = existsSync(CHROMIUM);
const inCI = Boolean(process.env.CI);
if (!hasChromium) {
  const banner = [
    '',
    '!'.repeat(78),
    `!! Chromium was not found at ${CHROMIUM}.`,
    '!! The BROWSER tests (tests/browser/*.test.ts: passage highlighting, copy link,',
    '!! accessibility with axe-core, search, previews) cannot run without it.',
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

let failed = false;
const run = (label, command, args, env = {}) => {
  console.log(`\n── ${label} ──`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) failed = true;
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

let passed = 0;
let failures = 0;
let skipped = 0;
for (const name of ['unit', 'build and browser']) {
  const file = join(reports, `${name}.json`);
  if (!existsSync(file)) continue;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  failures += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
}
if (failed && failures === 0) failures = 1; // a step failed outside any test (e.g. the build)
console.log(`\n${hasChromium ? '' : 'Browser tests SKIPPED: Chromium not found. '}`.trimEnd());
console.log(`tests: ${passed} passed, ${failures} failed, ${skipped} skipped`);
process.exit(failed ? 1 : 0);
