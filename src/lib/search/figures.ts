/**
 * One written form for figures, shared by the index and the search box. Readers write "27%", "27 pct", "27 per
 * cent", "$50B", "$50 bn", "50bn"; articles write "27 percent", "27%", "$50 billion". Pagefind can match none of
 * these against each other unaided: it drops "%" but keeps "$" in a query, and it cannot know that "B" is a
 * billion. Both sides write a figure as its number and a word: "27 percent", "50 billion".
 */

import { SMALL_NUMBERS, TENS, wordValue } from '../prose/number-words.ts';

const SCALES: Record<string, string> = {
  k: 'thousand',
  thousand: 'thousand',
  m: 'million',
  mn: 'million',
  mln: 'million',
  million: 'million',
  b: 'billion',
  bn: 'billion',
  bln: 'billion',
  billion: 'billion',
  t: 'trillion',
  tn: 'trillion',
  trn: 'trillion',
  trillion: 'trillion',
};

const NUMBER = String.raw`\d+(?:[.,]\d+)*`;
const CURRENCY = '[$€£]';
const byLength = (words: string[]) => words.sort((a, b) => b.length - a.length).join('|');
/** A one-letter scale only right after the number ("50b", not "50 b": "5 m" may be metres). */
const SCALE = String.raw`(?:\s?(${byLength(Object.keys(SCALES).filter((k) => k.length > 1))})|(${byLength(
  Object.keys(SCALES).filter((k) => k.length === 1),
)}))`;
/** Not inside a word or a version number ("GPT-5.5", "v2.1"). */
const START = String.raw`(?<![\w.-])`;

/** "$50B", "$50 bn", "50bn", "$7.5 billion dollars", "€3m": an amount with a currency sign or a scale. */
const MONEY = new RegExp(
  String.raw`${START}(${CURRENCY}\s?)?(${NUMBER})${SCALE}?(?![\w%])(?:\s+(?:US\s+)?(?:dollars|usd)\b)?`,
  'giu',
);
/** "27%", "27 %", "27 percent", "27 per cent", "27 pct". */
const PERCENT = new RegExp(String.raw`${START}(${NUMBER})\s?(?:%|(?:percent|per\s+cent|pct)\b)`, 'giu');

/** A figure in one written form: its number and the word for its unit ("27 percent", "50 billion"). */
export interface FigureForm {
  /** The text as written. */
  text: string;
  /** The same figure in the one form both the index and the query use. */
  form: string;
  index: number;
}

/**
 * Every amount and percentage in a text, with its one written form. An amount counts only with a currency sign
 * or a scale word ("50bn", "$50"); a bare number ("5.5" in "GPT-5.5") is no figure.
 */
export function figureForms(text: string): FigureForm[] {
  const found: FigureForm[] = [];
  const taken: [number, number][] = [];
  const add = (index: number, written: string, form: string) => {
    const end = index + written.length;
    if (taken.some(([a, b]) => index < b && end > a)) return;
    taken.push([index, end]);
    found.push({ text: written, form, index });
  };
  for (const m of text.matchAll(PERCENT)) add(m.index, m[0], `${m[1]} percent`);
  for (const m of text.matchAll(MONEY)) {
    const [written, currency, number, word, letter] = m;
    const scale = word ?? letter;
    if (!currency && !scale) continue;
    const unit = scale ? SCALES[scale.toLowerCase()] : undefined;
    add(m.index, written.trimEnd(), unit ? `${number} ${unit}` : (number as string));
  }
  return found.sort((a, b) => a.index - b.index);
}

/**
 * The text with every figure in its one written form (or those `keep` keeps; the others stay as written), and no
 * currency sign left (the index has none): "$50B deal" → "50 billion deal".
 */
export function withFigureForms(text: string, keep: (figure: FigureForm) => boolean = () => true): string {
  let out = '';
  let at = 0;
  const signless = (piece: string) => piece.replace(new RegExp(CURRENCY, 'gu'), ' ');
  for (const figure of figureForms(text).filter(keep)) {
    out += signless(text.slice(at, figure.index)) + figure.form;
    at = figure.index + figure.text.length;
  }
  return out + signless(text.slice(at));
}

/** The figures of a text that its one written form changes beyond dropping a currency sign ("$50B", not "$50 billion"). */
export function rewrittenFigures(text: string, keep: (figure: FigureForm) => boolean = () => true): FigureForm[] {
  return figureForms(text).filter((f) => keep(f) && f.text.replace(new RegExp(CURRENCY, 'gu'), '').trim() !== f.form);
}

const SMALL = SMALL_NUMBERS.join('|');
const TEN = TENS.filter(Boolean).join('|');
/** "twenty-seven percent", "fifty billion", "seven-year": a number in words before a unit a figure has. */
const SPELLED = new RegExp(
  String.raw`(?<![\w-])((?:${TEN})(?:[-\s](?:${SMALL}))?|${SMALL})(\s+|-)(percent|per\s+cent|pct|thousand|million|billion|trillion|years?)(?![\w])`,
  'giu',
);

/**
 * Numbers written in words before a unit, in digits: "twenty-seven percent" → "27 percent", "fifty billion" →
 * "50 billion", "seven-year" → "7-year" (as the articles write them). A number word alone ("one report", "two years
 * ago") stays.
 */
export function withSpelledNumbers(text: string): { text: string; changed: [typed: string, form: string][] } {
  const changed: [string, string][] = [];
  const out = text.replace(SPELLED, (written: string, number: string, gap: string, unit: string) => {
    // "seven-year" as the articles write "7-Year"; but "two years ago" is words.
    if (/^years?$/iu.test(unit) && gap !== '-') return written;
    const [tens, ones] = number.toLowerCase().split(/[-\s]/u) as [string, string | undefined];
    const value = (wordValue(tens) ?? 0) + (ones ? (wordValue(ones) ?? 0) : 0);
    const word = /^(?:per\s+cent|pct)$/iu.test(unit) ? 'percent' : unit.toLowerCase();
    const form = `${value}${gap === '-' ? '-' : ' '}${word}`;
    changed.push([written, form]);
    return form;
  });
  return { text: out, changed };
}
