// The end of `npm test`: one summary line, preceded by the name of every failed step, failed test
// and skipped test, so that the last lines of a long log (all a CI page may show) say what went wrong.
import { relative } from 'node:path';

/**
 * @param {object[]} reports Vitest JSON reports (`--reporter=json`).
 * @param {string[]} failedSteps Steps that exited non-zero, e.g. "type check (astro check) (exit 1)".
 * @param {string} root Paths are shown relative to it.
 */
export function summarise(reports, failedSteps, root) {
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
  const lines = [];
  const list = (title, items, mark) => {
    if (items.length > 0) lines.push('', title, ...items.map((item) => `  ${mark} ${item}`));
  };
  list('Skipped:', skippedTests, '-');
  list('Failed tests:', failedTests, '✗');
  list('Failed steps:', failedSteps, '✗');
  lines.push('', `tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
  return { passed, failed, skipped, text: lines.join('\n') };
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
