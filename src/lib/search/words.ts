/** Words shorter than this are never corrected, nor offered as corrections: "cap" is no typo of "car". */
export const MIN_CORRECTED_LENGTH = 4;

/**
 * Words as Pagefind's index holds them: lower case, letters and digits only ("GPT-5.5" → "gpt55",
 * "Microsoft’s" → "microsofts"), diacritics folded ("café" → "cafe").
 */
export function indexWord(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** A word of a query with the punctuation around it removed ("rights?" → "rights", "“cap”" → "cap"). */
export function trimPunctuation(word: string): string {
  return word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}
