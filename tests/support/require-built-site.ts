import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DIST } from './paths.ts';

/** Build and browser tests inspect the real build; `npm test` makes it before they run. */
export default function requireBuiltSite(): void {
  for (const file of ['index.html', 'pagefind/pagefind.js']) {
    if (!existsSync(join(DIST, file))) {
      throw new Error(
        `There is no built site at ${DIST} (missing ${file}). Run \`npm test\`, which builds it, or \`npm run build\` first.`,
      );
    }
  }
}
