// `npm test` ends with a summary that CI shows last: it must name what failed, including a step
// that fails outside any test (the type check did once, and the summary only said "1 failed").
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { summarise } from '../../scripts/test-summary.mjs';
import { REPO } from './_support/passages.ts';

const FIXTURE = join(REPO, 'tests/fixtures/test-summary');

describe('the summary at the end of npm test', () => {
  let report: { numPassedTests: number; numFailedTests: number; numPendingTests: number; testResults: unknown[] };
  beforeAll(() => {
    // A real Vitest report: one test passes, one fails.
    const out = join(mkdtempSync(join(tmpdir(), 'test-summary-')), 'report.json');
    spawnSync('vitest', ['run', '--root', FIXTURE, '--reporter=json', `--outputFile.json=${out}`], {
      cwd: REPO,
      encoding: 'utf8',
      env: { ...process.env, PATH: `${join(REPO, 'node_modules/.bin')}:${process.env['PATH'] ?? ''}` },
    });
    report = JSON.parse(readFileSync(out, 'utf8'));
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
});
