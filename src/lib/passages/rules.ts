/**
 * The rules that decide what a line of a seed is. They are guesses tuned on real articles;
 * where they guess wrong for a source, its metadata carries an override.
 */

export interface FurnitureRule {
  pattern: RegExp;
  label: string;
  /** Everything after this line is furniture too, up to the next heading that is not furniture. */
  startsBlock?: boolean;
  /** Widgets are short: a longer line that matches is a sentence ("Share prices rose…"). */
  maxWords?: number;
  /**
   * A widget never states a fact (share buttons, language links, comment boxes, datelines): it stays out of
   * search. Furniture that is not a widget (a related-article teaser) may: see `furnitureFacts`.
   */
  widget?: boolean;
}

/** Page furniture: widgets and links copied along with an article's text. */
export const FURNITURE_RULES: readonly FurnitureRule[] = [
  { pattern: /^[\s,;.·|•-]+$/u, label: 'Stray punctuation', widget: true },
  { pattern: /^share(?:\s*:.*|\s+(?:this|on)\b.*)?$/iu, label: 'Share widget', maxWords: 6, widget: true },
  { pattern: /^read (?:this )?in (?:other|another) languages?\b/iu, label: 'Language links', widget: true },
  { pattern: /^(?:also read|read also|read more|see also|recommended)\s*:/iu, label: 'Related link' },
  { pattern: /^related (?:articles?|stories|posts|reading)\s*:?$/iu, label: 'Related articles', startsBlock: true },
  { pattern: /^comments?\s*\(\d+\)$/iu, label: 'Comments widget', widget: true },
  { pattern: /^no comments yet\b/iu, label: 'Comments widget', maxWords: 10, widget: true },
  {
    pattern: /^(?:leave a (?:comment|reply)|post a comment|add a comment)\s*[.!]?$/iu,
    label: 'Comments widget',
    widget: true,
  },
  { pattern: /\b\d+\s+min(?:ute)?s? read\b/iu, label: 'Article details', maxWords: 16, widget: true },
  { pattern: /^sources?\s*:\s*$/iu, label: 'Empty source list', widget: true },
  {
    pattern: /^(?:advertisement|sponsored|subscribe(?: now)?|sign up for our newsletter|follow us\b.*)$/iu,
    label: 'Advertising or promotion',
    widget: true,
  },
];

const LIST_MARKER = /^([•·▪◦‣∙*–—-]|\d{1,3}[.)])\s+(?=\S)/u;

export function matchFurniture(line: string): FurnitureRule | undefined {
  const words = line.split(/\s+/u).length;
  return FURNITURE_RULES.find((rule) => rule.pattern.test(line) && words <= (rule.maxWords ?? Infinity));
}

export function matchListItem(line: string): { marker: string; body: string; ordered: boolean } | undefined {
  const match = LIST_MARKER.exec(line);
  if (!match) return undefined;
  const marker = match[1] as string;
  return { marker, body: line.slice(match[0].length), ordered: /\d/u.test(marker) };
}

const MAX_HEADING_WORDS = 12;
const MAX_HEADING_LENGTH = 100;

/**
 * A heading is a short, title-like line: it starts with a capital or a digit, has no colon
 * inside it ("Source: …" is a sentence), and does not end like a sentence. A short question
 * ("What's new?") or a two- or three-word label ending in a colon ("Key Highlights:") counts.
 */
export function isHeadingLike(line: string): boolean {
  if (line.length > MAX_HEADING_LENGTH) return false;
  if (!/^[\p{Lu}\p{N}]/u.test(line)) return false;
  if (/^[QA]:/u.test(line)) return false;
  const words = line.split(/\s+/u).length;
  if (words > MAX_HEADING_WORDS) return false;
  const body = line.slice(0, -1);
  if (body.includes(':')) return false;
  const last = line.at(-1) as string;
  if (last === '?') return words <= 8;
  if (last === ':') return words <= 3;
  return !/[.,;!…"”’')\]]/u.test(last);
}

/** Does this line end like a finished sentence (so the next line cannot continue it)? */
export function endsSentence(line: string): boolean {
  return /[.!?:;…"”’')\]]$/u.test(line);
}
