/**
 * Sentences of the site's own prose, found by the Unicode sentence rules (Intl.Segmenter, with
 * Node's full ICU) rather than by a regular expression.
 *
 * Two corrections on top of the segmenter:
 * - an abbreviation ("U.S.", "Mr.", "e.g.") does not end a sentence, though ICU's default rules
 *   break after it;
 * - citation marks (private-use placeholders) written right after a sentence's full stop belong to
 *   that sentence, not to the next one.
 */

export interface SentenceRange {
  /** Offsets in the text, end exclusive; leading and trailing white space excluded. */
  start: number;
  end: number;
}

/** Private-use characters: the analysers put one in the text for each citation, count, etc. */
export const isMarker = (ch: string) => ch >= '\uE000' && ch <= '\uF8FF';

/** Stands for a citation: one written after a full stop belongs to the sentence it follows. */
export const CITE_MARK = '\uE000';

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** Words after which a full stop is an abbreviation's, not a sentence's end. */
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'st',
  'sr',
  'jr',
  'inc',
  'corp',
  'co',
  'ltd',
  'vs',
  'etc',
  'approx',
  'no',
  'fig',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
]);

/** Does this segment end with an abbreviation rather than a sentence? */
function endsWithAbbreviation(segment: string): boolean {
  const trimmed = segment.trimEnd();
  if (!trimmed.endsWith('.')) return false;
  // Initialisms: "U.S.", "U.K.", "e.g.", "i.e.", "a.m.".
  if (/(?:^|[\s(])(?:\p{L}\.){2,}$/u.test(trimmed)) return true;
  const word = /(?:^|[\s(])(\p{L}+)\.$/u.exec(trimmed)?.[1];
  return word !== undefined && ABBREVIATIONS.has(word.toLowerCase());
}

/** The sentences of a text, in order. */
export function splitSentences(text: string): SentenceRange[] {
  const raw: SentenceRange[] = [];
  for (const { segment, index } of segmenter.segment(text)) {
    const previous = raw.at(-1);
    if (previous && endsWithAbbreviation(text.slice(previous.start, previous.end))) {
      previous.end = index + segment.length;
    } else {
      raw.push({ start: index, end: index + segment.length });
    }
  }
  // Citation marks (and white space) at the start of a sentence belong to the sentence before.
  for (let i = 1; i < raw.length; i++) {
    const range = raw[i]!;
    let cut = range.start;
    let lastMarker = -1;
    while (cut < range.end && (text[cut] === CITE_MARK || /\s/u.test(text[cut]!))) {
      if (text[cut] === CITE_MARK) lastMarker = cut;
      cut++;
    }
    if (lastMarker >= 0) {
      raw[i - 1]!.end = lastMarker + 1;
      range.start = lastMarker + 1;
    }
  }
  return trimmed(text, raw);
}

/** The ranges with white space trimmed from both ends; empty ones dropped. */
function trimmed(text: string, ranges: SentenceRange[]): SentenceRange[] {
  return ranges
    .map(({ start, end }) => {
      while (start < end && /\s/u.test(text[start]!)) start++;
      while (end > start && /\s/u.test(text[end - 1]!)) end--;
      return { start, end };
    })
    .filter((r) => r.end > r.start);
}
