/**
 * Every figure a sentence states, and every figure a passage supports, in one comparable form.
 *
 * A figure is anything a reader could check against the source: an amount of money, a percentage,
 * a number (in digits or words), a year, a decade, a month, a day, a weekday, a duration. Each gets
 * a key that is the same however it is written ("27%", "27 percent", "twenty-seven percent" are all
 * `percent:27`; "$50B" and "$50 billion" are `money:50000000000`). A passage also supports what its
 * figures imply: "April 27, 2026" supports "April", "2026", "April 2026" and "April 27", but not
 * "Monday" (a weekday is the site's own computation) and not "late April" (that says more).
 */

import { MONTHS } from '../figures.ts';
import { SMALL_NUMBERS, TENS as TEN_WORDS } from './number-words.ts';

export interface StatedFigure {
  /** As written. */
  text: string;
  /** Offset of `text` in the input. */
  index: number;
  /** What it means, however written: "percent:27", "date:2026-04-27", "weekday:monday". */
  key: string;
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

const UNITS: Record<string, number> = Object.fromEntries(SMALL_NUMBERS.map((w, i) => [w, i]));
const TENS: Record<string, number> = Object.fromEntries(TEN_WORDS.flatMap((w, i) => (w ? [[w, i * 10]] : [])));
const SCALES: Record<string, number> = {
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  mn: 1e6,
  m: 1e6,
  billion: 1e9,
  bn: 1e9,
  b: 1e9,
  trillion: 1e12,
  tn: 1e12,
  t: 1e12,
};

/** A number written in words, "seven" to "ninety-nine": the alternation, longest first. */
const NUMBER_WORD = `(?:(?:${Object.keys(TENS).join('|')})(?:[-\\s](?:${Object.keys(UNITS)
  .filter((w) => UNITS[w]! > 0 && UNITS[w]! < 10)
  .join('|')}))?|${Object.keys(UNITS)
  .sort((a, b) => b.length - a.length)
  .join('|')})`;
/** A number in digits (with thousands separators or a decimal part) or in words. */
const NUMBER = `(?:\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|${NUMBER_WORD})`;
const MONTH_NAME = `(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)`;
const PART = `(?:([Ee]arly|[Mm]id|[Ll]ate)[-\\s]+)?`;

/** The value of a number as written: "27", "1,000", "7.5", "seven", "twenty-seven". */
export function numberValue(written: string): number | undefined {
  const text = written.toLowerCase().trim();
  if (/^[\d,]+(?:\.\d+)?$/u.test(text)) return Number(text.replace(/,/gu, ''));
  const parts = text.split(/[-\s]+/u);
  if (parts.length === 1) return UNITS[parts[0]!] ?? TENS[parts[0]!];
  if (parts.length === 2 && TENS[parts[0]!] !== undefined && (UNITS[parts[1]!] ?? 0) > 0 && UNITS[parts[1]!]! < 10) {
    return TENS[parts[0]!]! + UNITS[parts[1]!]!;
  }
  return undefined;
}

const monthNumber = (name: string) => MONTHS.findIndex((m) => m.startsWith(name.toLowerCase().slice(0, 3))) + 1;
const pad = (n: number) => String(n).padStart(2, '0');
const amountKey = (n: number) => String(Math.round(n * 1e6) / 1e6);

interface Rule {
  pattern: RegExp;
  read(m: RegExpExecArray): string | undefined;
}

/** In priority order: a span claimed by an earlier rule is not read again by a later one. */
const RULES: Rule[] = [
  {
    // $50 billion, $50B, $50bn, $50 bn, $7.5-billion, $1,000
    pattern: new RegExp(
      `(?:US)?\\$\\s?(${NUMBER})(?:[\\s-]*(thousand|million|billion|trillion|bn|mn|tn|[kKmMbBtT])\\b)?`,
      'giu',
    ),
    read: (m) => {
      const value = numberValue(m[1]!);
      if (value === undefined) return undefined;
      const scale = m[2] ? SCALES[m[2].toLowerCase()] : 1;
      return scale === undefined ? undefined : `money:${amountKey(value * scale)}`;
    },
  },
  {
    // 50 billion dollars, fifty billion US dollars, USD 50 billion
    pattern: new RegExp(
      `\\b(?:USD\\s?(${NUMBER})\\s*(thousand|million|billion|trillion|bn|mn)?|(${NUMBER})\\s+(thousand|million|billion|trillion)\\s+(?:US\\s+)?dollars)\\b`,
      'giu',
    ),
    read: (m) => {
      const value = numberValue((m[1] ?? m[3])!);
      const scaleWord = m[2] ?? m[4];
      const scale = scaleWord ? SCALES[scaleWord.toLowerCase()] : 1;
      return value === undefined || scale === undefined ? undefined : `money:${amountKey(value * scale)}`;
    },
  },
  {
    // 27%, 27 percent, 27 per cent, twenty-seven percent
    pattern: new RegExp(`\\b(${NUMBER})\\s?(?:%|percent\\b|per cent\\b|pct\\b)`, 'giu'),
    read: (m) => {
      const value = numberValue(m[1]!);
      return value === undefined ? undefined : `percent:${amountKey(value)}`;
    },
  },
  {
    // 7-year, seven-year, 7 years, a single quarter, year-long, decade-long
    pattern: new RegExp(
      `\\b(?:(${NUMBER}|a single|single)[-\\s]+(year|month|week|day|hour|decade|quarter)s?\\b|(year|month|week|decade)-long\\b)`,
      'giu',
    ),
    read: (m) => {
      if (m[3]) return `duration:1:${m[3].toLowerCase()}`;
      const value = /single/iu.test(m[1]!) ? 1 : numberValue(m[1]!);
      return value === undefined ? undefined : `duration:${amountKey(value)}:${m[2]!.toLowerCase()}`;
    },
  },
  {
    // April 27, 2026 / Apr. 27 2026 / 27 April 2026
    pattern: new RegExp(
      `\\b(?:${MONTH_NAME}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})|(\\d{1,2})\\s+${MONTH_NAME}\\s+(\\d{4}))\\b`,
      'gu',
    ),
    read: (m) => {
      const month = monthNumber((m[1] ?? m[5])!);
      const day = Number(m[2] ?? m[4]);
      const year = m[3] ?? m[6];
      return month && day >= 1 && day <= 31 ? `date:${year}-${pad(month)}-${pad(day)}` : undefined;
    },
  },
  {
    // (late) March 2026
    pattern: new RegExp(`\\b${PART}${MONTH_NAME}\\s+(\\d{4})\\b`, 'gu'),
    read: (m) => {
      const month = monthNumber(m[2]!);
      return month ? `ym:${m[3]}-${pad(month)}${m[1] ? `:${m[1].toLowerCase()}` : ''}` : undefined;
    },
  },
  {
    // April 27 / 27 April (no year)
    pattern: new RegExp(`\\b(?:${MONTH_NAME}\\s+(\\d{1,2})(?:st|nd|rd|th)?|(\\d{1,2})\\s+${MONTH_NAME})\\b`, 'gu'),
    read: (m) => {
      const month = monthNumber((m[1] ?? m[4])!);
      const day = Number(m[2] ?? m[3]);
      return month && day >= 1 && day <= 31 ? `md:${pad(month)}-${pad(day)}` : undefined;
    },
  },
  {
    // the (early) 2030s
    pattern: /\b(?:(early|mid|late)[-\s]+)?((?:19|20)\d0)s\b/giu,
    read: (m) => `decade:${m[2]}${m[1] ? `:${m[1].toLowerCase()}` : ''}`,
  },
  {
    // 2019; not "GPT-2019" or "2019.5"
    pattern: /(?<![\w$.-])((?:19|20)\d{2})(?![\w%-]|\.\d)/gu,
    read: (m) => `year:${m[1]}`,
  },
  {
    pattern: /\b(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)s?\b/gu,
    read: (m) => `weekday:${m[1]!.toLowerCase()}`,
  },
  {
    // A month named alone ("in late March"); "May" alone is the verb far more often than the month.
    pattern:
      /\b(?:([Ee]arly|[Mm]id|[Ll]ate)[-\s]+)?(January|February|March|April|June|July|August|September|October|November|December)\b/gu,
    read: (m) => `month:${pad(monthNumber(m[2]!))}${m[1] ? `:${m[1].toLowerCase()}` : ''}`,
  },
  {
    // Any other number. Digits inside a name ("GPT-5.5", "4o", "B2B") are the name's, not a figure;
    // "one" is too often not a number ("one report", "one of") to count unless a unit follows.
    pattern: new RegExp(`(?<![\\p{L}\\p{N}][-.]?|[-.])\\b(${NUMBER})\\b(?![-.]?[\\p{L}\\p{N}])`, 'giu'),
    read: (m) => {
      const word = m[1]!.toLowerCase();
      if (word === 'one' || word === 'zero') return undefined;
      const value = numberValue(word);
      return value === undefined ? undefined : `number:${amountKey(value)}`;
    },
  },
];

/** Every figure in a text, in order. */
export function statedFigures(text: string): StatedFigure[] {
  const taken: [number, number][] = [];
  const figures: StatedFigure[] = [];
  for (const rule of RULES) {
    rule.pattern.lastIndex = 0;
    for (let m = rule.pattern.exec(text); m; m = rule.pattern.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (m[0].length === 0) {
        rule.pattern.lastIndex++;
        continue;
      }
      if (taken.some(([a, b]) => start < b && end > a)) continue;
      const key = rule.read(m);
      if (!key) continue;
      taken.push([start, end]);
      figures.push({ text: m[0].trim(), index: start, key });
    }
  }
  return figures.sort((a, b) => a.index - b.index);
}

/** What a stated figure also says: a date says its year, month, month and year, and day of the month. */
export function impliedKeys(key: string): string[] {
  const [kind, value = '', part] = key.split(':');
  switch (kind) {
    case 'date': {
      const [y, m, d] = value.split('-');
      return [key, `year:${y}`, `month:${m}`, `ym:${y}-${m}`, `md:${m}-${d}`];
    }
    case 'ym': {
      const [y, m] = value.split('-');
      const partKeys = part ? [`month:${m}:${part}`] : [];
      return [key, `ym:${y}-${m}`, `year:${y}`, `month:${m}`, ...partKeys];
    }
    case 'md': {
      const [m] = value.split('-');
      return [key, `month:${m}`];
    }
    case 'month':
    case 'decade':
      return part ? [key, `${kind}:${value}`] : [key];
    case 'duration':
      // "7-year" also states the number seven.
      return [key, `number:${value}`];
    default:
      return [key];
  }
}

/** Every key a text supports: its figures and what they imply. */
export function supportedKeys(text: string): Set<string> {
  return new Set(statedFigures(text).flatMap((f) => impliedKeys(f.key)));
}

/** Is a figure stated in a sentence supported by these keys? A plain number is also read as a year. */
export function isSupported(key: string, supported: ReadonlySet<string>): boolean {
  if (supported.has(key)) return true;
  const [kind, value] = key.split(':');
  if (kind === 'number' && value && /^(?:19|20)\d{2}$/u.test(value)) return supported.has(`year:${value}`);
  if (kind === 'year') return supported.has(`number:${value}`);
  return false;
}

/** The weekday of a full date, by the calendar (UTC, so no time zone moves it). */
export function weekdayOf(isoDate: string): string | undefined {
  const [y, m, d] = isoDate.split('-').map(Number);
  if (!y || !m || !d) return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return undefined;
  return WEEKDAYS[date.getUTCDay()];
}

/** A key as a reader would write it, for messages: "27%", "April 27, 2026", "Monday". */
export function describeKey(key: string): string {
  const [kind, value = '', part] = key.split(':');
  const month = (m: string) => {
    const name = MONTHS[Number(m) - 1] ?? m;
    return name.charAt(0).toUpperCase() + name.slice(1);
  };
  const prefix = part ? `${part} ` : '';
  switch (kind) {
    case 'money':
      return `$${Number(value).toLocaleString('en-US')}`;
    case 'percent':
      return `${value}%`;
    case 'date': {
      const [y, m, d] = value.split('-');
      return `${month(m!)} ${Number(d)}, ${y}`;
    }
    case 'ym': {
      const [y, m] = value.split('-');
      return `${prefix}${month(m!)} ${y}`;
    }
    case 'md': {
      const [m, d] = value.split('-');
      return `${month(m!)} ${Number(d)}`;
    }
    case 'month':
      return `${prefix}${month(value)}`;
    case 'decade':
      return `${prefix}${value}s`;
    case 'weekday':
      return value.charAt(0).toUpperCase() + value.slice(1);
    case 'duration': {
      const unit = part ?? '';
      return `${value} ${unit}${value === '1' ? '' : 's'}`;
    }
    default:
      return value;
  }
}
