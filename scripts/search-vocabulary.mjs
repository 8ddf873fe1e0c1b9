// The site's vocabulary for typo correction on the search page, made from the search index itself once Pagefind
// has written it: /search/vocabulary.json, fetched by the search page only when a query matches nothing.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { buildVocabulary } from '../src/lib/search/vocabulary.ts';

const SIGNATURE = 'pagefind_dcd';

/** The text Pagefind holds for each page: its fragment files are gzip of "pagefind_dcd" followed by JSON. */
export function indexedContents(outDir) {
  const dir = join(outDir, 'pagefind', 'fragment');
  return readdirSync(dir)
    .sort()
    .map((name) => {
      const bytes = gunzipSync(readFileSync(join(dir, name)));
      if (bytes.subarray(0, SIGNATURE.length).toString() !== SIGNATURE) {
        throw new Error(
          `${join(dir, name)} is not a Pagefind fragment this build knows how to read (Pagefind changed?)`,
        );
      }
      return String(JSON.parse(bytes.subarray(SIGNATURE.length).toString()).content ?? '');
    });
}

/** Write `<outDir>/search/vocabulary.json`; returns how many words it holds and its size in bytes. */
export function writeVocabulary(outDir) {
  const vocabulary = buildVocabulary(indexedContents(outDir));
  const json = `${JSON.stringify(vocabulary)}\n`;
  mkdirSync(join(outDir, 'search'), { recursive: true });
  writeFileSync(join(outDir, 'search', 'vocabulary.json'), json);
  return { words: Object.keys(vocabulary.words).length, bytes: Buffer.byteLength(json) };
}
