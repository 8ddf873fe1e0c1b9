import { distance } from 'fastest-levenshtein';

/**
 * How many single-character edits turn one word into another (Levenshtein distance, the same library
 * the search page's typo correction uses), for "did you mean" suggestions of ids and slugs, where
 * whole-word matching sees "renewals" and "renewal" apart.
 */
export const editDistance = (a: string, b: string): number => distance(a, b);

/** The candidate nearest to a word, if it is near enough to be a slip (at most a third of its letters). */
export function closestWord(candidates: readonly string[], word: string): string | undefined {
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const d = editDistance(candidate, word);
    if (!best || d < best.distance) best = { candidate, distance: d };
  }
  return best && best.distance <= Math.max(1, Math.floor(word.length / 3)) ? best.candidate : undefined;
}
