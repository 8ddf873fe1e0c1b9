/** The months' names as written in English dates, January first. */
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** 1–12 for a month's name or its three-letter abbreviation ("Apr", "Apr."), else undefined. */
export function monthNumber(name: string): number | undefined {
  const n = name.toLowerCase().replace(/\.$/u, '');
  const i = MONTH_NAMES.findIndex((m) => m.toLowerCase() === n || m.slice(0, 3).toLowerCase() === n);
  return i < 0 ? undefined : i + 1;
}

/** The calendar date of an ISO timestamp as the publisher wrote it ("2026-05-03T09:30-04:00" → 2026-05-03). */
export function isoDate(v: string | undefined): string | undefined {
  const match = /^\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/u.exec(v ?? '');
  if (!match) return undefined;
  const [y, mo, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? `${match[1]}-${match[2]}-${match[3]}` : undefined;
}

/** YYYY-MM-DD of a day that exists ("May 32" does not), else undefined. */
const isoOfDay = (year: string, month: number | undefined, day: string): string | undefined =>
  month === undefined ? undefined : isoDate(`${year}-${String(month).padStart(2, '0')}-${day.padStart(2, '0')}`);

const MONTH_WORD = MONTH_NAMES.map((m) => `${m}|${m.slice(0, 3)}\\.?`).join('|');
const MONTH_DAY_YEAR = new RegExp(`\\b(${MONTH_WORD})\\s+(\\d{1,2}),?\\s+(\\d{4})\\b`, 'iu');
const DAY_MONTH_YEAR = new RegExp(`^\\s*(\\d{1,2})\\s+(${MONTH_WORD}),?\\s+(\\d{4})\\s*$`, 'iu');

/** The first date written as "April 29, 2026" or "Apr. 29 2026" in a text: as written, where, and its ISO day. */
export function findMonthDayYear(text: string): { written: string; index: number; iso?: string } | undefined {
  const m = MONTH_DAY_YEAR.exec(text);
  if (!m) return undefined;
  const iso = isoOfDay(m[3] as string, monthNumber(m[1] as string), m[2] as string);
  return { written: m[0], index: m.index, ...(iso ? { iso } : {}) };
}

/** "May 2, 2026", "2 May 2026" or "2026-05-02", the whole text, as YYYY-MM-DD; undefined for anything else. */
export function isoOfStatedDate(date: string): string | undefined {
  if (/^\s*\d{4}-\d{2}-\d{2}\s*$/u.test(date)) return isoDate(date);
  const mdy = findMonthDayYear(date);
  if (mdy && mdy.written === date.trim()) return mdy.iso;
  const dmy = DAY_MONTH_YEAR.exec(date);
  return dmy ? isoOfDay(dmy[3] as string, monthNumber(dmy[2] as string), dmy[1] as string) : undefined;
}
