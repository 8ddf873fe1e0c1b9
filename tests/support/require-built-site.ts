import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DEFAULT_OUT_DIR, whyRebuild } from '../../scripts/build-stamp.mjs';
import { DIST, ROOT } from './paths.ts';

/**
 * Build and browser tests inspect the real build; `npm test` makes it before they run. Run on their own
 * (`npm run test:build`, `npm run test:browser`) they test the build that is there, and say so.
 */
export default function requireBuiltSite(): void {
  for (const file of ['index.html', 'pagefind/pagefind.js']) {
    if (!existsSync(join(DIST, file))) {
      throw new Error(
        `There is no built site to test at ${DIST} (missing ${file}). Run \`npm run build\` first, or \`npm test\`, which builds it.`,
      );
    }
  }
  if (relative(ROOT, DIST) === DEFAULT_OUT_DIR && whyRebuild(ROOT)) {
    console.warn(
      `\nNote: ${DEFAULT_OUT_DIR}/ is not a build of the current sources (changed since, or another SITE_URL). ` +
        'These tests check the build as it is; run `npm run build` first to test your changes.\n',
    );
  }
}
