import { distance } from 'fastest-levenshtein';
import { indexWord, MIN_CORRECTED_LENGTH } from './words.ts';

/** The site's words and how many pages of the index hold each: made by the build from the index itself. */
export type Vocabulary = ReadonlyMap<string, number>;

/** The vocabulary file the build writes (`/search/vocabulary.json`), read defensively: anything odd is no word. */
export function parseVocabulary(json: unknown): Vocabulary {
  const words = (json as { words?: unknown } | null)?.words;
  const vocabulary = new Map<string, number>();
  if (words === null || typeof words !== 'object') return vocabulary;
  for (const [word, pages] of Object.entries(words)) {
    if (typeof pages === 'number' && Number.isInteger(pages) && pages > 0 && word === indexWord(word)) {
      vocabulary.set(word, pages);
    }
  }
  return vocabulary;
}

/**
 * The site's word nearest to a word that matches nothing, or undefined when none is near enough. Near enough:
 * one edit (a letter added, dropped or changed: "jasy" → "jassy"), or two edits in a word of five letters or
 * more that keeps its first two letters ("clasue" → "clause", but not "expire" → "entire"). Numbers are never
 * corrected. Among equals, the word on more pages wins, then the first in alphabetical order.
 */
export function nearestWord(word: string, vocabulary: Vocabulary): string | undefined {
  const typed = indexWord(word);
  if (typed.length < MIN_CORRECTED_LENGTH || /\p{N}/u.test(typed) || vocabulary.has(typed)) return undefined;
  let best: { word: string; edits: number; pages: number } | undefined;
  for (const [candidate, pages] of vocabulary) {
    if (Math.abs(candidate.length - typed.length) > 2 || candidate.length < MIN_CORRECTED_LENGTH) continue;
    const edits = distance(typed, candidate);
    const near = edits === 1 || (edits === 2 && typed.length >= 5 && candidate.slice(0, 2) === typed.slice(0, 2));
    if (!near) continue;
    if (
      !best ||
      edits < best.edits ||
      (edits === best.edits && (pages > best.pages || (pages === best.pages && candidate < best.word)))
    ) {
      best = { word: candidate, edits, pages };
    }
  }
  return best?.word;
}

/**
 * Does the site have a word of the same family as this one: one that starts with the same letters, all but the
 * last three at most, and at least three ("policies" and "policy", "renewals" and "renewal")? A word Pagefind found
 * only through a shorter word is an inflection then; otherwise ("qwfjkv" found through "q") it is noise.
 */
export function hasKin(word: string, vocabulary: Vocabulary): boolean {
  const typed = indexWord(word);
  const stem = typed.slice(0, Math.max(3, typed.length - 3));
  if (stem.length < 3) return false;
  for (const candidate of vocabulary.keys()) if (candidate.startsWith(stem)) return true;
  return false;
}
