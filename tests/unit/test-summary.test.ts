// `npm test` ends with a summary that CI shows last: it must name what failed, including a step
// that fails outside any test (the type check did once, and the summary only said "1 failed"), and,
// before that, say where the time went, so that the next slowdown is seen in the run it starts in.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SLOWEST, summarise, type FileTime } from '../../scripts/test-summary.mjs';
import { REPO } from './_support/passages.ts';

const FIXTURE = join(REPO, 'tests/fixtures/test-summary');

describe('the summary at the end of npm test', () => {
  let report: { numPassedTests: number; numFailedTests: number; numPendingTests: number; testResults: unknown[] };
  let timings: { files: FileTime[] };
  beforeAll(() => {
    // A real Vitest run, with the reporters npm test uses: one test passes, one fails.
    const dir = mkdtempSync(join(tmpdir(), 'test-summary-'));
    const out = join(dir, 'report.json');
    spawnSync(
      'vitest',
      [
        'run',
        '--root',
        FIXTURE,
        '--reporter=json',
        `--reporter=${join(REPO, 'scripts/test-timings.mjs')}`,
        `--outputFile.json=${out}`,
      ],
      {
        cwd: REPO,
        encoding: 'utf8',
        env: {
          ...process.env,
          PATH: `${join(REPO, 'node_modules/.bin')}:${process.env['PATH'] ?? ''}`,
          RENEGOTIATED_TIMINGS_FILE: join(dir, 'timings.json'),
        },
      },
    );
    report = JSON.parse(readFileSync(out, 'utf8'));
    timings = JSON.parse(readFileSync(join(dir, 'timings.json'), 'utf8'));
  }, 60_000);

  it('counts, then names the failed test with its file and message', () => {
    const summary = summarise([report], [], REPO);
    expect([summary.passed, summary.failed, summary.skipped]).toEqual([1, 1, 0]);
    expect(summary.text).toContain(
      '✗ tests/fixtures/test-summary/sample.test.ts › compares words: AssertionError: the words differ',
    );
    expect(summary.text.trimEnd().split('\n').at(-1)).toBe('tests: 1 passed, 1 failed, 0 skipped');
  });

  it('names a skipped test (Vitest reports it with the status "skipped")', () => {
    // The same report with its passing test skipped, as a `runIf` that does not hold would leave it.
    const skipped = structuredClone(report) as typeof report & {
      numPassedTests: number;
      numPendingTests: number;
      testResults: { assertionResults: { status: string; fullName: string }[] }[];
    };
    const adds = skipped.testResults[0]?.assertionResults.find((a) => a.fullName === 'adds');
    if (adds) adds.status = 'skipped';
    skipped.numPassedTests = 0;
    skipped.numPendingTests = 1;
    const summary = summarise([skipped], [], REPO);
    expect(summary.text).toContain('Skipped:\n  - tests/fixtures/test-summary/sample.test.ts › adds');
    expect(summary.text.trimEnd().split('\n').at(-1)).toBe('tests: 0 passed, 1 failed, 1 skipped');
  });

  it('names a step that failed outside any test, and counts it as a failure', () => {
    const passing = { ...report, numFailedTests: 0, numPendingTests: 0, testResults: [] };
    const summary = summarise([passing], ['type check (astro check) (exit 1)'], REPO);
    expect(summary.text).toContain('Failed steps:\n  ✗ type check (astro check) (exit 1)');
    expect(summary.failed).toBe(1);
    expect(summary.text).not.toContain('Failed tests:');
  });

  it('says nothing but the counts when all is well', () => {
    const passing = { ...report, numFailedTests: 0, numPendingTests: 0, testResults: [] };
    expect(summarise([passing], [], REPO).text.trim()).toBe('tests: 1 passed, 0 failed, 0 skipped');
  });

  it('the timings reporter records each file with its project and how long a worker spent on it', () => {
    expect(timings.files).toHaveLength(1);
    const [file] = timings.files as [FileTime];
    expect(file.file).toBe('sample.test.ts');
    expect(file.project).toBe('sample');
    // Taken up after the run began and done before now; importing Vitest alone takes some milliseconds.
    expect(file.end).toBeGreaterThan(file.start);
    expect(file.end).toBeLessThanOrEqual(Date.now());
  });

  describe('where the time went', () => {
    // The real record (well under ten seconds), and twelve more files in two projects, 10 s to 120 s long, the
    // one after another a second later (so they overlap, as files in parallel workers do).
    const t0 = 1_700_000_000_000;
    const more = (): FileTime[] =>
      Array.from({ length: 12 }, (_, i) => ({
        file: `tests/${i % 2 ? 'browser' : 'build'}/f${i + 1}.test.ts`,
        project: i % 2 ? 'browser' : 'build',
        start: t0 + i * 1000,
        end: t0 + i * 1000 + (i + 1) * 10_000,
      }));
    const steps = [
      { label: 'type check (astro check)', seconds: 19.84, note: 'beside the unit tests' },
      { label: 'unit tests', seconds: 11.02, note: 'beside the type check' },
      { label: 'build the site (Astro + Pagefind)', seconds: 10.2 },
    ];
    const summarised = (failedSteps: string[] = []) =>
      summarise([report], failedSteps, REPO, { steps, files: [...timings.files, ...more()] }).text.split('\n');

    it('gives each step its wall time, and what ran beside it', () => {
      const lines = summarised();
      expect(lines).toContain('Where the time went:');
      expect(lines).toContainEqual(
        expect.stringMatching(/^ {4}type check \(astro check\) +19\.8 s {2}\(beside the unit tests\)$/u),
      );
      expect(lines).toContainEqual(expect.stringMatching(/^ {4}unit tests +11\.0 s {2}\(beside the type check\)$/u));
      expect(lines).toContainEqual(expect.stringMatching(/^ {4}build the site \(Astro \+ Pagefind\) +10\.2 s$/u));
    });

    it('gives each project its file count, its wall time and its files’ times added up', () => {
      const lines = summarised();
      // build: files 1, 3, …, 11 (10 s, 30 s, … 110 s long), starting at 0, 2, … 10 s: the last ends at 120 s.
      expect(lines).toContainEqual(expect.stringMatching(/^ {4}build +6 files +120\.0 s wall +360\.0 s in files$/u));
      // browser: files 2, 4, …, 12 (20 s … 120 s), starting at 1, 3, … 11 s: from 1 s to 131 s.
      expect(lines).toContainEqual(expect.stringMatching(/^ {4}browser +6 files +130\.0 s wall +420\.0 s in files$/u));
      expect(lines).toContainEqual(expect.stringMatching(/^ {4}sample +1 file +\d+\.\d s wall +\d+\.\d s in files$/u));
    });

    it(`names the ${SLOWEST} slowest files, slowest first, with their seconds and project`, () => {
      const lines = summarised();
      const start = lines.indexOf(`  the ${SLOWEST} slowest test files:`);
      expect(start).toBeGreaterThan(0);
      const listed = lines.slice(start + 1, start + 1 + SLOWEST);
      expect(listed).toEqual(
        Array.from({ length: SLOWEST }, (_, i) => {
          const n = 12 - i;
          return `${`${n * 10}.0 s`.padStart(11)}  tests/${n % 2 ? 'build' : 'browser'}/f${n}.test.ts (${n % 2 ? 'build' : 'browser'})`;
        }),
      );
      // The two fastest made-up files and the real one (well under a second) are not named.
      expect(lines.join('\n')).not.toMatch(/f1\.test\.ts|f2\.test\.ts|sample\.test\.ts \(sample\)/u);
    });

    it('still ends with the failures and the counts', () => {
      const lines = summarised(['type check (astro check) (exit 1)']);
      const timeBlock = lines.indexOf('Where the time went:');
      expect(timeBlock).toBeGreaterThanOrEqual(0);
      expect(lines.indexOf('Failed tests:')).toBeGreaterThan(timeBlock);
      expect(lines.indexOf('Failed steps:')).toBeGreaterThan(lines.indexOf('Failed tests:'));
      expect(lines.at(-1)).toBe('tests: 1 passed, 1 failed, 0 skipped');
    });

    it('prints a notice (such as Chromium missing) after the timings and before the lists', () => {
      const text = summarise([report], [], REPO, { steps, notices: ['SKIPPED, Chromium not found: x'] }).text;
      expect(text.indexOf('SKIPPED, Chromium not found: x')).toBeGreaterThan(text.indexOf('Where the time went:'));
      expect(text.indexOf('SKIPPED, Chromium not found: x')).toBeLessThan(text.indexOf('Failed tests:'));
    });
  });
});
