import { defineConfig } from 'vitest/config';

// Three projects, run in this order by scripts/test.mjs:
//   unit    — the pure core and the plugins, no build needed;
//   build   — the real Astro build + Pagefind index, inspected with a real HTML parser;
//   browser — Debian Chromium (playwright-core) against the built site served by `astro preview`.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'build',
          include: ['tests/build/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/require-built-site.ts'],
          testTimeout: 180_000,
          hookTimeout: 240_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/require-built-site.ts', 'tests/support/preview-server.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
