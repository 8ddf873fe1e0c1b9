// Child process of the benchmark: index one built site with Pagefind's Node API, the same calls
// as scripts/build.mjs, and print one JSON line with what it found and how long each step took.
// Run in its own process so the benchmark can measure its time and peak memory on their own.
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as pagefind from 'pagefind';
import { writeVocabulary } from '../search-vocabulary.mjs';

const outDir = resolve(process.argv[2] ?? 'dist');
const t0 = performance.now();
const { index, errors } = await pagefind.createIndex({});
if (!index) fail(errors);
const t1 = performance.now();
const added = await index.addDirectory({ path: outDir });
if (added.errors.length > 0) fail(added.errors);
const t2 = performance.now();
const written = await index.writeFiles({ outputPath: resolve(outDir, 'pagefind') });
if (written.errors.length > 0) fail(written.errors);
const t3 = performance.now();
await pagefind.close();
// As scripts/build.mjs does: the search page's vocabulary, from the index just written.
const vocabulary = writeVocabulary(outDir);
console.log(
  `PAGEFIND_RESULT ${JSON.stringify({
    pageCount: added.page_count,
    createMs: t1 - t0,
    addDirectoryMs: t2 - t1,
    writeFilesMs: t3 - t2,
    vocabularyWords: vocabulary.words,
    vocabularyBytes: vocabulary.bytes,
    totalMs: performance.now() - t0,
  })}`,
);

function fail(problems) {
  console.error(`Pagefind could not index ${outDir}:\n${problems.join('\n')}`);
  process.exit(1);
}
