// The end of `npm test`: where the time went (each step, each project, the slowest test files), then one
// summary line, preceded by the name of every failed step, failed test and skipped test, so that the last
// lines of a long log (all a CI page may show) say what went wrong.
import { relative } from 'node:path';

/** How many of the slowest test files to name. */
export const SLOWEST = 10;

/**
 * @typedef {{ label: string, seconds: number, note?: string }} StepTime
 *   A step of `npm test` and its wall time, e.g. `{ label: 'type check (astro check)', seconds: 19.8 }`;
 *   `note` says what ran beside it.
 * @typedef {{ file: string, project: string, start: number, end: number }} FileTime
 *   One test file as scripts/test-timings.mjs records it (start and end in ms since the epoch).
 */

/**
 * @param {object[]} reports Vitest JSON reports (`--reporter=json`).
 * @param {string[]} failedSteps Steps that exited non-zero, e.g. "type check (astro check) (exit 1)".
 * @param {string} root Paths are shown relative to it.
 * @param {{ steps?: StepTime[], files?: FileTime[], notices?: string[] }} [more] Where the time went (nothing is
 *   said of it without), and notices to print after it, before the lists (e.g. that Chromium was missing).
 */
export function summarise(reports, failedSteps, root, more = {}) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const failedTests = [];
  const skippedTests = [];
  for (const report of reports) {
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    skipped += report.numPendingTests + report.numTodoTests;
    for (const suite of report.testResults) {
      const where = relative(root, suite.name);
      // A file that fails to load, or an error thrown outside any test, has no failed test in it.
      if (suite.status === 'failed' && !suite.assertionResults.some((a) => a.status === 'failed')) {
        failedTests.push(`${where}: ${firstLine(suite.message) || 'failed outside any test'}`);
      }
      for (const test of suite.assertionResults) {
        if (test.status === 'failed') {
          failedTests.push(`${where} › ${test.fullName}: ${firstLine(test.failureMessages?.[0])}`);
        } else if (['pending', 'skipped', 'todo'].includes(test.status)) {
          skippedTests.push(`${where} › ${test.fullName}`);
        }
      }
    }
  }
  // A step can fail outside any test (the type check, the build): it still counts as a failure.
  if (failedSteps.length > 0 && failed === 0) failed = 1;
  const lines = timeLines(more);
  for (const notice of more.notices ?? []) lines.push('', notice);
  const list = (title, items, mark) => {
    if (items.length > 0) lines.push('', title, ...items.map((item) => `  ${mark} ${item}`));
  };
  list('Skipped:', skippedTests, '-');
  list('Failed tests:', failedTests, '✗');
  list('Failed steps:', failedSteps, '✗');
  lines.push('', `tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
  return { passed, failed, skipped, text: lines.join('\n') };
}

/** "Where the time went": so that the next slowdown shows the run it starts in. */
function timeLines({ steps = [], files = [] }) {
  if (steps.length === 0 && files.length === 0) return [];
  const s = (ms) => `${(ms / 1000).toFixed(1)} s`;
  const lines = ['', 'Where the time went:'];
  if (steps.length > 0) {
    lines.push('  steps (wall time):');
    const width = Math.max(...steps.map((step) => step.label.length));
    for (const step of steps) {
      lines.push(
        `    ${step.label.padEnd(width)}  ${s(step.seconds * 1000).padStart(7)}${step.note ? `  (${step.note})` : ''}`,
      );
    }
  }
  if (files.length > 0) {
    lines.push(
      '  projects (wall time from the first file taken up to the last one done; the files’ own times added up):',
    );
    const projects = [...new Set(files.map((f) => f.project))];
    const width = Math.max(...projects.map((p) => p.length));
    for (const project of projects) {
      const mine = files.filter((f) => f.project === project);
      const wall = Math.max(...mine.map((f) => f.end)) - Math.min(...mine.map((f) => f.start));
      const sum = mine.reduce((total, f) => total + (f.end - f.start), 0);
      const count = `${mine.length} file${mine.length === 1 ? '' : 's'}`;
      lines.push(
        `    ${project.padEnd(width)}  ${count.padStart(8)}  ${s(wall).padStart(7)} wall  ${s(sum).padStart(7)} in files`,
      );
    }
    const slowest = [...files].sort((a, b) => b.end - b.start - (a.end - a.start)).slice(0, SLOWEST);
    lines.push(`  the ${slowest.length} slowest test files:`);
    for (const f of slowest) lines.push(`    ${s(f.end - f.start).padStart(7)}  ${f.file} (${f.project})`);
  }
  return lines;
}

function firstLine(text) {
  return (
    (text ?? '')
      .split('\n')
      .find((line) => line.trim() !== '')
      ?.trim()
      .slice(0, 300) ?? ''
  );
}
