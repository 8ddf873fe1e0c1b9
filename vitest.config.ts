import { defineConfig } from 'vitest/config';

// Three projects:
//   unit    — the pure core and the plugins, no build needed;
//   build   — the real Astro build + Pagefind index, inspected with a real HTML parser;
//   browser — Debian Chromium (playwright-core) against the built site served by `astro preview`.
// `npm test` (scripts/test.mjs) runs the unit tests beside the type check, then builds, then runs the build
// tests and the browser tests side by side, each project in a Vitest of its own. Run in one Vitest (`npx vitest
// run`), the projects take turns, in this order.
export default defineConfig({
  test: {
    // Waiting longer for a condition never makes a check weaker; a loaded machine can take more than 1 s.
    expect: { poll: { timeout: 10_000 } },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'build',
          include: ['tests/build/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/require-built-site.ts'],
          // A fixture build that takes 5 s alone took 125 s beside the others on a slow run: a safety net, not a limit.
          testTimeout: 360_000,
          hookTimeout: 480_000,
          // Two files at a time: each fixture build has a project root of its own (tests/support/site-root.ts),
          // so builds no longer take turns on one .astro/ folder.
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: [
            'tests/support/require-built-site.ts',
            'tests/support/preview-server.ts',
            'tests/support/chromium-server.ts',
          ],
          // Generous: on a machine others are using too, a test can take several times its usual time.
          testTimeout: 180_000,
          hookTimeout: 240_000,
          // Three files at a time, each in a context of its own in the one Chromium, and within a file the tests
          // that open pages of their own run a few at a time (describe.concurrent): they mostly wait on Chromium,
          // and with two at a time a two-core machine stood idle two fifths of the run.
          maxWorkers: 3,
          maxConcurrency: 3,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
