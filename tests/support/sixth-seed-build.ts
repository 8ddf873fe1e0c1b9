// One fixture site with a sixth seed the ledger does not cover yet, built once and read by the tests of the
// claims ledger (tests/build/claims.test.ts) and of counts of sources (tests/build/prose-checks.test.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFixture } from './fixture-build.ts';
import { ROOT } from './paths.ts';
import { sharedBuild, type SharedBuild } from './shared-build.ts';

const NAME = 'sixth-seed-unreviewed';
export const SIXTH_SEED = join(ROOT, 'tests/fixtures/claims/sixth-source.txt');

export function sixthSeedBuild(): Promise<SharedBuild> {
  return sharedBuild(NAME, [SIXTH_SEED, fileURLToPath(import.meta.url)], async () => {
    const { status, output } = await buildFixture(NAME, {
      extraSeeds: { '005_sixth-source.txt': readFileSync(SIXTH_SEED) },
    });
    return { status, output };
  });
}
