import { MONTH_NAMES } from './months.ts';
/**
 * Figures in text: amounts of money, percentages, dates and years, each with a canonical key so
 * the same figure written two ways ("27 percent", "27%") is recognised as one.
 */

export type FigureKind = 'money' | 'percent' | 'date' | 'year';

export interface Figure {
  kind: FigureKind;
  /** As written in the text. */
  text: string;
  /** The same for every way of writing the same figure: "money:50000000000", "percent:27", "date:2026-04-27", "decade:2030:early". */
  key: string;
  /** A canonical way to show it: "$50 billion", "27%", "April 27, 2026", "Late March (year not stated)", "Early 2030s". */
  label: string;
  /** Offset of `text` in the input. */
  index: number;
}

/** Month names, January first. */
export const MONTHS: readonly string[] = MONTH_NAMES.map((m) => m.toLowerCase());
const MONTH =
  '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const SCALE: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };

const monthNumber = (name: string) => MONTHS.findIndex((m) => m.startsWith(name.toLowerCase().slice(0, 3))) + 1;
const pad = (n: number) => String(n).padStart(2, '0');
const monthName = (n: number) => (MONTHS[n - 1] as string).replace(/^./u, (c) => c.toUpperCase());

function money(amount: number): string {
  for (const [word, size] of Object.entries(SCALE).reverse()) {
    if (amount >= size) return `$${Number((amount / size).toFixed(3))} ${word}`;
  }
  return `$${amount}`;
}

interface Rule {
  kind: FigureKind;
  pattern: RegExp;
  read(m: RegExpExecArray): { key: string; label: string } | undefined;
}

const RULES: Rule[] = [
  {
    kind: 'money',
    pattern: /\$\s?(\d+(?:[.,]\d+)?)(?:\s*|-)(thousand|million|billion|trillion)?\b/giu,
    read: (m) => {
      const amount = Number((m[1] as string).replace(',', '')) * (m[2] ? (SCALE[m[2].toLowerCase()] as number) : 1);
      return { key: `money:${amount}`, label: money(amount) };
    },
  },
  {
    kind: 'money',
    pattern: /\b(\d+(?:\.\d+)?)\s+(thousand|million|billion|trillion)\s+(?:US\s+)?dollars\b/giu,
    read: (m) => {
      const amount = Number(m[1]) * (SCALE[(m[2] as string).toLowerCase()] as number);
      return { key: `money:${amount}`, label: money(amount) };
    },
  },
  {
    kind: 'percent',
    pattern: /\b(\d+(?:\.\d+)?)\s?(?:%|percent\b|per cent\b)/giu,
    read: (m) => ({ key: `percent:${Number(m[1])}`, label: `${Number(m[1])}%` }),
  },
  {
    kind: 'date',
    pattern: new RegExp(`\\b${MONTH}\\s+(\\d{1,2}),?\\s+(\\d{4})\\b`, 'gu'),
    read: (m) => {
      const [month, day, year] = [monthNumber(m[1] as string), Number(m[2]), Number(m[3])];
      if (!month || day > 31) return undefined;
      return { key: `date:${year}-${pad(month)}-${pad(day)}`, label: `${monthName(month)} ${day}, ${year}` };
    },
  },
  {
    kind: 'date',
    pattern: new RegExp(`\\b(?:(early|mid|late)[-\\s]+)?${MONTH}\\s+(\\d{4})\\b`, 'giu'),
    read: (m) => {
      const month = monthNumber(m[2] as string);
      if (!month) return undefined;
      const part = m[1] ? `${m[1].toLowerCase()} ` : '';
      return {
        key: `date:${m[3]}-${pad(month)}${part ? `:${part.trim()}` : ''}`,
        label: `${part}${monthName(month)} ${m[3]}`.replace(/^./u, (c) => c.toUpperCase()),
      };
    },
  },
  {
    kind: 'date',
    // A month named without a year ("in late March", "In February"): kept, flagged as such.
    pattern: new RegExp(
      `\\b(?:(early|mid|late)[-\\s]+)?(?<![\\w-])(January|February|March|April|June|July|August|September|October|November|December)\\b(?!\\s+\\d)`,
      'gu',
    ),
    read: (m) => {
      const month = monthNumber(m[2] as string);
      const part = m[1] ? `${m[1].toLowerCase()} ` : '';
      return {
        key: `month:${pad(month)}${part ? `:${part.trim()}` : ''}`,
        label: `${part}${monthName(month)} (year not stated)`.replace(/^./u, (c) => c.toUpperCase()),
      };
    },
  },
  {
    kind: 'year',
    // A decade, perhaps narrowed: "the early 2030s", "mid-2020s".
    pattern: /\b(?:(early|mid|late)[-\s]+)?((?:19|20)\d0)s\b/giu,
    read: (m) => {
      const part = m[1] ? m[1].toLowerCase() : '';
      return {
        key: `decade:${m[2]}${part ? `:${part}` : ''}`,
        label: `${part ? `${part} ` : ''}${m[2]}s`.replace(/^./u, (c) => c.toUpperCase()),
      };
    },
  },
  {
    kind: 'year',
    pattern: /(?<![\w$.-])((?:19|20)\d{2})(?![\w%-]|\.\d)/gu,
    read: (m) => ({ key: `year:${m[1]}`, label: m[1] as string }),
  },
];

/** Every figure in a text, in order; a year inside a date counts as the date only. */
export function extractFigures(text: string): Figure[] {
  const taken: [number, number][] = [];
  const figures: Figure[] = [];
  for (const rule of RULES) {
    rule.pattern.lastIndex = 0;
    for (let m = rule.pattern.exec(text); m; m = rule.pattern.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some(([a, b]) => start < b && end > a)) continue;
      const read = rule.read(m);
      if (!read) continue;
      taken.push([start, end]);
      figures.push({ kind: rule.kind, text: m[0].trim(), index: start, ...read });
    }
  }
  return figures.sort((a, b) => a.index - b.index);
}
