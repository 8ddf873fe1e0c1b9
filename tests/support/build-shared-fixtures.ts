// `npm test` runs this beside the build and browser tests: it builds the fixture sites that tests in both
// projects read (the hostile input ones), so that neither waits for the other to build them. Run on their
// own, the tests build them when they first need them (tests/support/hostile-build.ts); either way, at most once.
import { hostileBuild, hostileMetadataBuild } from './hostile-build.ts';

for (const [name, build] of [
  ['hostile input', hostileBuild],
  ['hostile metadata', hostileMetadataBuild],
] as const) {
  const result = await build();
  const how = result.reused ? 'reused (newer than everything it is built from)' : 'built';
  // A failed build is the tests' to report, with its output: they read the same result.
  console.log(
    `The ${name} fixture site: ${result.status === 0 ? how : `FAILED (exit ${result.status})`}, ${result.outDir}`,
  );
}
