/**
 * Counts of sources typed by hand ("two reports", "only one", "all five", "none of the reports",
 * "every report"). The site never types one: a count comes from the claims ledger through <Count>,
 * or from the collection in a template. This finds the ones that slipped in.
 *
 * Referring to a single source ("one report says", "another article", "a third") is a reference,
 * not a count, and is not reported; "only one report" is a count.
 */

import { SMALL_NUMBERS } from './number-words.ts';

export interface TypedCount {
  /** As written: "Two reports", "all five". */
  text: string;
  index: number;
  /** The number it states, when it states one: 2 for "two reports", 0 for "none of the reports". */
  value?: number;
  /** "all" and "every" count every source, whatever their number. */
  all?: boolean;
}

/** The number words a count of sources is written with ("one" to "twelve"). */
const NUMBERS: Record<string, number> = Object.fromEntries(SMALL_NUMBERS.slice(1, 13).map((w, i) => [w, i + 1]));
const NUMBER = `(?:${Object.keys(NUMBERS).join('|')}|\\d+)`;
const PLURAL_NUMBER = `(?:${Object.keys(NUMBERS)
  .filter((w) => w !== 'one')
  .join('|')}|\\d+)`;
/** What a source is called on this site and in its prose: one, or several. */
const QUALIFIER = `(?:news\\s+|original\\s+|source\\s+)?`;
const ONE_NOUN = `${QUALIFIER}(?:report|source|article|account|outlet|story|publication|seed)\\b`;
const NOUNS = `${QUALIFIER}(?:reports|sources|articles|accounts|outlets|stories|publications|seeds)\\b`;
const NOUN = `(?:${NOUNS}|${ONE_NOUN})`;

const PATTERNS: { pattern: RegExp; read(m: RegExpExecArray): Omit<TypedCount, 'text' | 'index'> }[] = [
  // "four of the five reports", "two of the five", "all five of them"
  {
    pattern: new RegExp(
      `\\b(${PLURAL_NUMBER}|all|none|both)\\s+of\\s+(?:the|these|those)\\s+(${NUMBER})\\b(?:\\s+${NOUN})?`,
      'giu',
    ),
    read: (m) => ({ value: valueOf(m[1]!) }),
  },
  // "only one report", "just one", "a single source", "only a single article"
  {
    pattern: new RegExp(
      `\\b(?:only|just|but)\\s+(?:one|a\\s+single)\\b(?:\\s+(?:other\\s+)?${NOUN})?|\\ba\\s+single\\s+${NOUN}`,
      'giu',
    ),
    read: () => ({ value: 1 }),
  },
  // "all five", "all the reports", "all of the sources", "all reports"
  {
    pattern: new RegExp(`\\ball\\s+(?:(${NUMBER})\\b(?:\\s+${NOUN})?|(?:of\\s+)?(?:the\\s+)?${NOUN})`, 'giu'),
    read: (m) => ({ all: true, ...(m[1] ? { value: valueOf(m[1]) } : {}) }),
  },
  // "the other three", "the remaining two", "the two other reports"
  {
    pattern: new RegExp(
      `\\bthe\\s+(?:other|remaining)\\s+(${PLURAL_NUMBER})\\b(?:\\s+${NOUNS})?|\\bthe\\s+(${PLURAL_NUMBER})\\s+(?:other\\s+|remaining\\s+)${NOUNS}`,
      'giu',
    ),
    read: (m) => ({ value: valueOf((m[1] ?? m[2])!) }),
  },
  // "two reports", "the five articles", "three news reports", "five sources"
  {
    pattern: new RegExp(`\\b(${PLURAL_NUMBER})\\s+(?:(?:other|different|separate|more|further)\\s+)?${NOUNS}`, 'giu'),
    read: (m) => ({ value: valueOf(m[1]!) }),
  },
  // "every report", "each source", "both reports", "neither article", "no report", "none of the reports",
  // "most reports", "either account"
  {
    pattern: new RegExp(
      `\\b(every|each|neither|no)\\s+(?:(?:other|single)\\s+)?${ONE_NOUN}|\\b(both|most|no|none\\s+of\\s+(?:the|these|those))\\s+(?:other\\s+)?${NOUNS}`,
      'giu',
    ),
    read: (m) => {
      const word = (m[1] ?? m[2] ?? 'none').toLowerCase();
      if (word === 'every' || word === 'each') return { all: true };
      if (word === 'both') return { value: 2 };
      if (word === 'neither' || word === 'no' || word.startsWith('none')) return { value: 0 };
      return {};
    },
  },
];

function valueOf(word: string): number | undefined {
  const w = word.toLowerCase();
  if (/^\d+$/u.test(w)) return Number(w);
  if (w === 'none') return 0;
  if (w === 'both') return 2;
  return NUMBERS[w];
}

/** Every count of sources in a text, in order. */
export function typedCounts(text: string): TypedCount[] {
  const found: TypedCount[] = [];
  const taken: [number, number][] = [];
  for (const { pattern, read } of PATTERNS) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some(([a, b]) => start < b && end > a)) continue;
      taken.push([start, end]);
      const result = read(m);
      found.push({ text: m[0], index: start, ...result });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}
