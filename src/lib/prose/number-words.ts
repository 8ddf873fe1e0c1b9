/** Numbers written as words, one list for every module that reads or writes them. */

/** zero to nineteen, by value. */
export const SMALL_NUMBERS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
] as const;

/** twenty to ninety, by value / 10 (the first two unused). */
export const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'] as const;

/** The value of a number word ("seven", "twenty") or undefined. */
export function wordValue(word: string): number | undefined {
  const w = word.toLowerCase();
  const small = (SMALL_NUMBERS as readonly string[]).indexOf(w);
  if (small >= 0) return small;
  const tens = (TENS as readonly string[]).indexOf(w);
  return tens >= 2 ? tens * 10 : undefined;
}
