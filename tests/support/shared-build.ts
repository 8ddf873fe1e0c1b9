// A fixture site made at most once and shared by every test that reads it, in whichever worker asks first.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { newestMtime } from '../../scripts/build-stamp.mjs';
import { withLock } from '../../scripts/lock.mjs';
import { ROOT } from './paths.ts';

export interface SharedBuild {
  /** Exit status of `astro build` (then 0 or 1 for the Pagefind index, where there is one). */
  status: number | null;
  output: string;
  outDir: string;
  /** True when an earlier, still fresh, build was reused. */
  reused: boolean;
}

/**
 * Build `.tmp/fixtures/<name>/` with `make`, or reuse it while `dist/index.html` (and `needs`) are newer than
 * `inputs`, these modules and everything the site is built from. A lock per fixture makes a second test that
 * asks while the first is building wait for that build rather than build (and delete) it again.
 */
export async function sharedBuild(
  name: string,
  inputs: string[],
  make: () => Promise<{ status: number | null; output: string }>,
  needs?: string,
): Promise<SharedBuild> {
  const dir = join(ROOT, '.tmp', 'fixtures', name);
  const outDir = join(dir, 'dist');
  const resultFile = join(dir, 'build.json');
  return withLock(join(ROOT, '.tmp', 'fixtures', `${name}.lock`), `the ${name} fixture build`, async () => {
    if (isFresh(outDir, resultFile, inputs, needs)) {
      const saved = JSON.parse(readFileSync(resultFile, 'utf8')) as { status: number | null; output: string };
      return { ...saved, outDir, reused: true };
    }
    const result = await make();
    writeFileSync(resultFile, JSON.stringify(result));
    return { ...result, outDir, reused: false };
  });
}

function isFresh(outDir: string, resultFile: string, inputs: string[], needs?: string): boolean {
  const marker = join(outDir, 'index.html');
  if (!existsSync(marker) || !existsSync(resultFile) || (needs && !existsSync(join(outDir, needs)))) return false;
  const all = [
    ...inputs,
    fileURLToPath(import.meta.url),
    join(ROOT, 'tests/support/fixture-build.ts'),
    join(ROOT, 'astro.config.mjs'),
    join(ROOT, 'package-lock.json'),
    join(ROOT, 'src'),
    join(ROOT, 'content'),
    join(ROOT, 'seeds'),
  ];
  return statSync(marker).mtimeMs > Math.max(...all.map(newestMtime));
}
