/** How fast an adult reads running prose, in words per minute. */
export const WORDS_PER_MINUTE = 230;

/** The words in a piece of text: runs of non-space characters. */
export function countWords(text: string): number {
  return text.split(/\s+/u).filter(Boolean).length;
}

/** Whole minutes to read `words`, never less than one. */
export function readingMinutes(words: number, wordsPerMinute = WORDS_PER_MINUTE): number {
  return Math.max(1, Math.round(words / wordsPerMinute));
}
