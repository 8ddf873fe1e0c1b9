import { indexWord } from './words.ts';

/** Longer "words" are run-together noise, not something a reader mistypes. */
export const MAX_VOCABULARY_WORD = 24;

/**
 * The site's vocabulary for typo correction, from the text the search index holds for each page: every word of
 * four letters or more (no digits), as the index writes it, with the number of pages that hold it. A hyphenated
 * word counts whole and in parts, as Pagefind indexes it ("non-exclusive": "nonexclusive", "exclusive").
 * Sorted, so the same pages give the same bytes.
 */
export function buildVocabulary(pages: readonly string[]): { words: Record<string, number> } {
  const counts = new Map<string, number>();
  for (const content of pages) {
    const seen = new Set<string>();
    for (const token of content.split(/\s+/u)) {
      for (const part of new Set([token, ...token.split(/[^\p{L}\p{N}]+/u)])) {
        const word = indexWord(part);
        if (word.length >= 4 && word.length <= MAX_VOCABULARY_WORD && !/\p{N}/u.test(word)) seen.add(word);
      }
    }
    for (const word of seen) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  const words: Record<string, number> = {};
  for (const word of [...counts.keys()].sort()) words[word] = counts.get(word) as number;
  return { words };
}
