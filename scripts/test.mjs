// npm test: every test, in three steps, then where the time went and one summary line.
//   1. the type check (astro check) and the unit tests (pure core, plugins), side by side;
//   2. the real build (Astro + Pagefind) into dist/;
//   3. build tests and browser tests against that build, side by side (the build tests are mostly fixture
//      builds, one at a time; the browser tests drive Chromium), and the fixture sites both read.
// Browser tests need Debian's Chromium. Without it they are skipped LOUDLY; under CI they fail.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { CHROMIUM_PATH } from './chromium.mjs';
import { withAstroLock } from './lock.mjs';
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

const runStart = performance.now();
const failedSteps = [];
/** @type {import('./test-summary.mjs').StepTime[]} */
const steps = [];

/**
 * Run one step. Steps that run side by side keep their output (`quiet`) and print it whole when they end (or,
 * with `after`, once that promise settles), so that two logs never interleave; a step on its own prints as
 * it goes.
 */
function run(label, command, args, { quiet = false, after, env = {}, note } = {}) {
  const start = performance.now();
  if (!quiet) console.log(`\n── ${label} ──`);
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
      env: { ...process.env, ...env },
    });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => (output += `\n${error.message}\n`));
    child.on('close', async (status, signal) => {
      const seconds = (performance.now() - start) / 1000;
      steps.push({ label, seconds, note });
      if (status !== 0) failedSteps.push(`${label} (exit ${status ?? signal})`);
      if (quiet) {
        await after;
        process.stdout.write(`\n── ${label} (${seconds.toFixed(1)} s) ──\n${output}`);
      }
      resolve(status === 0);
    });
  });
}
const vitest = (name, projects, options = {}) =>
  run(
    `${name} tests`,
    'vitest',
    [
      'run',
      ...projects.flatMap((p) => ['--project', p]),
      '--reporter=default',
      '--reporter=json',
      '--reporter=./scripts/test-timings.mjs',
      `--outputFile.json=${join(reports, `${name}.json`)}`,
    ],
    { ...options, env: { RENEGOTIATED_TIMINGS_FILE: join(reports, `${name}.timings.json`) } },
  );

// The type check takes the Astro lock: it writes .astro/, as every build does (scripts/lock.mjs).
await Promise.all([
  withAstroLock(process.cwd(), 'astro check (npm test)', () =>
    run('type check (astro check)', 'astro', ['check'], { quiet: true, note: 'beside the unit tests' }),
  ),
  vitest('unit', ['unit'], { quiet: true, note: 'beside the type check' }),
]);
const built = await run('build the site (Astro + Pagefind)', 'node', ['scripts/build.mjs', '--force']);
if (built) {
  // The fixture sites both projects read are built by a step of their own, so neither project's tests wait for
  // the other's to build them. The browser tests print as they go; the other logs follow theirs.
  const browser = hasChromium ? vitest('browser', ['browser'], { note: 'beside the build tests' }) : undefined;
  await Promise.all([
    run('shared fixture sites (hostile input)', 'node', ['tests/support/build-shared-fixtures.ts'], {
      quiet: true,
      after: browser,
      note: 'beside the tests that read them',
    }),
    vitest('build', ['build'], {
      quiet: Boolean(browser),
      after: browser,
      note: browser && 'beside the browser tests',
    }),
    browser,
  ]);
} else {
  console.error('\nThe build failed, so the build and browser tests did not run.');
}
steps.push({ label: 'npm test, in all', seconds: (performance.now() - runStart) / 1000 });

const names = ['unit', 'build', 'browser'];
const readJson = (file) => (existsSync(file) ? [JSON.parse(readFileSync(file, 'utf8'))] : []);
const summary = summarise(
  names.flatMap((name) => readJson(join(reports, `${name}.json`))),
  failedSteps,
  process.cwd(),
  {
    steps,
    files: names.flatMap((name) => readJson(join(reports, `${name}.timings.json`))).flatMap((t) => t.files),
    notices: hasChromium ? [] : [`SKIPPED, Chromium not found at ${CHROMIUM_PATH}: ${browserTests.join(', ')}`],
  },
);
console.log(summary.text);
process.exit(failedSteps.length > 0 ? 1 : 0);
