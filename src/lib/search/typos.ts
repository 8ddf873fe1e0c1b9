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
 * Edits between two words, a swap of two neighbouring letters counting as one ("frist" → "first"): the optimal
 * string alignment distance (Levenshtein's, from fastest-levenshtein, where that is 0 or 1: a swap needs two).
 */
export function typoDistance(a: string, b: string): number {
  const lev = distance(a, b);
  if (lev <= 1) return lev;
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i]);
  for (let j = 1; j <= b.length; j++) (rows[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i] as number[];
    const up = rows[i - 1] as number[];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((up[j] as number) + 1, (row[j - 1] as number) + 1, (up[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      }
      row[j] = d;
    }
  }
  return (rows[a.length] as number[])[b.length] as number;
}

/**
 * The site's word nearest to a word that matches nothing, or undefined when none is near enough. Near enough:
 * one edit (a letter added, dropped or changed, or two neighbours swapped: "jasy" → "jassy", "frist" → "first"),
 * except a changed letter in a word of four ("cafe" is not "came"); or two edits in a word of seven letters or
 * more that keeps its first two letters ("finacnial" → "financial", but not "expire" → "entire" nor "naive" →
 * "name"). Numbers are never corrected. Among equals, the word on more pages wins, then the first in
 * alphabetical order.
 */
export function nearestWord(word: string, vocabulary: Vocabulary): string | undefined {
  const typed = indexWord(word);
  if (typed.length < MIN_CORRECTED_LENGTH || /\p{N}/u.test(typed) || vocabulary.has(typed)) return undefined;
  let best: { word: string; edits: number; pages: number } | undefined;
  for (const [candidate, pages] of vocabulary) {
    if (Math.abs(candidate.length - typed.length) > 2 || candidate.length < MIN_CORRECTED_LENGTH) continue;
    const edits = nearness(typed, candidate);
    if (edits === undefined) continue;
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

/** The rule of nearestWord: is `candidate` near enough to `typed` to be what was meant? */
export const isNear = (typed: string, candidate: string): boolean => nearness(typed, candidate) !== undefined;

/** The edits between the two words when `candidate` is near enough to `typed`, else undefined. */
function nearness(typed: string, candidate: string): number | undefined {
  const edits = typoDistance(typed, candidate);
  if (edits === 1) {
    const changedLetter = typed.length === candidate.length && distance(typed, candidate) === 1;
    return changedLetter && typed.length <= MIN_CORRECTED_LENGTH ? undefined : 1;
  }
  return edits === 2 && typed.length >= 7 && candidate.slice(0, 2) === typed.slice(0, 2) ? 2 : undefined;
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
