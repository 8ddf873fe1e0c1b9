/**
 * Quote matching. A quote must appear in its source verbatim; only typography is forgiven:
 * curly and straight quotes, the various dashes, the ellipsis character, runs of white space.
 * Case is kept.
 */

const TYPOGRAPHY: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u2032': "'",
  '\u00b4': "'",
  '`': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u201f': '"',
  '\u2033': '"',
  '\u00ab': '"',
  '\u00bb': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2015': '-',
  '\u2212': '-',
  '\u2026': '...',
};

export interface NormalisedText {
  text: string;
  /** For each character of `text`, the index in the original it came from. */
  origin: number[];
}

/** Normalise typography, keeping a map back to the original so a match can be cut from it. */
export function normaliseTypography(original: string): NormalisedText {
  let text = '';
  const origin: number[] = [];
  let inSpace = false;
  for (let i = 0; i < original.length; i++) {
    const ch = original[i] as string;
    if (/\s/u.test(ch)) {
      if (!inSpace && text.length > 0) {
        text += ' ';
        origin.push(i);
      }
      inSpace = true;
      continue;
    }
    inSpace = false;
    const replacement = TYPOGRAPHY[ch] ?? ch;
    for (const r of replacement) {
      text += r;
      origin.push(i);
    }
  }
  if (text.endsWith(' ')) {
    text = text.slice(0, -1);
    origin.pop();
  }
  return { text, origin };
}

export function normalise(text: string): string {
  return normaliseTypography(text).text;
}

export interface QuoteMatch {
  /** Start and end (exclusive) of the match in the original text. */
  start: number;
  end: number;
  /** The matched words exactly as the original has them. */
  text: string;
}

/** Find a quote in a text, forgiving typography only. */
export function findQuote(haystack: string, quote: string): QuoteMatch | undefined {
  const needle = normalise(quote);
  if (needle === '') return undefined;
  const hay = normaliseTypography(haystack);
  const at = firstWholeMatch(hay, needle);
  if (at === -1) return undefined;
  const start = hay.origin[at] as number;
  const lastOrigin = hay.origin[at + needle.length - 1] as number;
  const end = lastOrigin + 1;
  return { start, end, text: haystack.slice(start, end) };
}

const WORD = /[\p{L}\p{N}]/u;

/**
 * The first occurrence that starts and ends on whole words and whole characters: "deal" is not
 * found in "ideally", and "wait." does not match the first dot of "wait…".
 */
function firstWholeMatch(hay: NormalisedText, needle: string): number {
  const { text, origin } = hay;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
    const end = at + needle.length;
    const splitsWordBefore = WORD.test(needle[0] as string) && at > 0 && WORD.test(text[at - 1] as string);
    const splitsWordAfter = WORD.test(needle.at(-1) as string) && end < text.length && WORD.test(text[end] as string);
    const splitsCharBefore = at > 0 && origin[at - 1] === origin[at];
    const splitsCharAfter = end < text.length && origin[end - 1] === origin[end];
    if (!splitsWordBefore && !splitsWordAfter && !splitsCharBefore && !splitsCharAfter) return at;
  }
  return -1;
}

/**
 * The stretch of text most like a quote that was not found, for "did you mean …".
 * Scores windows of the quote's length in words by shared words (case-insensitive).
 */
export function closestStretch(
  candidates: readonly { key: string; text: string }[],
  quote: string,
): { key: string; text: string; score: number } | undefined {
  const quoteWords = words(quote);
  if (quoteWords.length === 0) return undefined;
  const wanted = new Set(quoteWords.map(bare));
  let best: { key: string; text: string; score: number } | undefined;
  let bestAligned = 0;
  for (const candidate of candidates) {
    const tokens = words(candidate.text);
    const size = Math.min(tokens.length, quoteWords.length);
    for (let i = 0; i + size <= tokens.length; i++) {
      const window = tokens.slice(i, i + size);
      const shared = window.filter((w) => wanted.has(bare(w))).length;
      const score = shared / Math.max(size, quoteWords.length);
      // Ties go to the window whose words stand where the quote's do ("the share lasts" over "Now the share").
      const aligned = window.filter((w, k) => bare(w) === bare(quoteWords[k] ?? '')).length;
      if (!best || score > best.score || (score === best.score && aligned > bestAligned)) {
        best = { key: candidate.key, text: window.join(' '), score };
        bestAligned = aligned;
      }
    }
  }
  return best && best.score > 0 ? best : undefined;
}

/** A word without case or surrounding punctuation, for comparing ("2019," is "2019"). */
const bare = (word: string) => word.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');

function words(text: string): string[] {
  return normalise(text).split(' ').filter(Boolean);
}

/**
 * A URL text fragment (`:~:text=`) for the matched words, so browsers scroll to and mark them.
 * Long matches use the start,end form to keep links short.
 */
export function textFragment(matched: string, prefix = ''): string {
  const clean = matched.replace(/\s+/gu, ' ').trim();
  const lead = prefix.trim() ? `${encodeFragment(prefix.replace(/\s+/gu, ' ').trim())}-,` : '';
  const tokens = clean.split(' ');
  if (clean.length <= 120 || tokens.length < 10) return `:~:text=${lead}${encodeFragment(clean)}`;
  return `:~:text=${lead}${encodeFragment(tokens.slice(0, 5).join(' '))},${encodeFragment(tokens.slice(-5).join(' '))}`;
}

const encodeFragment = (s: string) =>
  encodeURIComponent(s).replace(/-/gu, '%2D').replace(/,/gu, '%2C').replace(/&/gu, '%26');

/** The words a browser searches for first: the whole match, or the start of a long one. */
function fragmentStart(matched: string): string {
  const clean = matched.replace(/\s+/gu, ' ').trim();
  const tokens = clean.split(' ');
  return clean.length <= 120 || tokens.length < 10 ? clean : tokens.slice(0, 5).join(' ');
}

/** How a browser compares text-fragment words: case and runs of white space ignored. */
const loose = (text: string) => text.replace(/\s+/gu, ' ').toLowerCase();

/**
 * A text fragment that a browser finds FIRST at the match, or '' when none can be made.
 *
 * A browser follows `#id:~:text=…` to the first place on the page where the words occur, whatever the
 * id says. `pageBefore` is what the page shows before the passage (title, metadata, earlier passages);
 * `passageBefore` is the passage's own words up to the match. When the words occur earlier, the words
 * just before the match in the passage become a prefix; when there are none, or that is still not
 * unique, the link goes without a fragment and the id alone brings the reader to the passage.
 */
export function unambiguousTextFragment(matched: string, pageBefore: string, passageBefore: string): string {
  const before = loose(`${pageBefore}\n${passageBefore}`);
  const start = loose(fragmentStart(matched));
  if (!before.includes(start)) return textFragment(matched);
  const prefix = passageBefore.replace(/\s+/gu, ' ').trim().split(' ').slice(-3).join(' ');
  if (prefix && !before.includes(`${loose(prefix)} ${start}`)) return textFragment(matched, prefix);
  return '';
}
