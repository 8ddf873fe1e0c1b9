// A Vitest reporter for `npm test`: how long each test file took, from the moment a worker took it up
// (importing it, its setup, its beforeAll hooks, such as a fixture build, and its tests) to its end. The
// JSON reporter gives only the span of the tests themselves. Written to the file named by
// RENEGOTIATED_TIMINGS_FILE, which scripts/test-summary.mjs reads.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';

export default class TestTimings {
  /** @type {Map<string, number>} */
  #started = new Map();
  /** @type {{ file: string, project: string, start: number, end: number }[]} */
  #files = [];
  #root = process.cwd();

  /** @param {import('vitest/node').Vitest} vitest */
  onInit(vitest) {
    this.#root = vitest.config.root;
  }

  /** @param {import('vitest/node').TestModule} testModule */
  onTestModuleQueued(testModule) {
    this.#started.set(testModule.moduleId + testModule.project.name, Date.now());
  }

  /** @param {import('vitest/node').TestModule} testModule */
  onTestModuleEnd(testModule) {
    const key = testModule.moduleId + testModule.project.name;
    this.#files.push({
      file: relative(this.#root, testModule.moduleId),
      project: testModule.project.name,
      start: this.#started.get(key) ?? Date.now(),
      end: Date.now(),
    });
  }

  onTestRunEnd() {
    const out = process.env['RENEGOTIATED_TIMINGS_FILE'];
    if (!out) return;
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, JSON.stringify({ files: this.#files }, null, 2));
  }
}
