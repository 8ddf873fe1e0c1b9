/**
 * Picking a quote on a source page (src/scripts/quote-picker.ts): whole words from one passage, the
 * `<Cite>` an editor pastes into an explainer, and the quote a reader pastes anywhere. Pure, so the
 * rules are tested without a browser: whatever the words, the citation is valid MDX and resolves.
 */
import { findQuote, normalise, unambiguousTextFragment } from './quotes.ts';

const WORD = /[\p{L}\p{N}]/u;

/**
 * A selection [start, end) of a passage's text, widened to whole words (a quote must start and end
 * on whole words) and trimmed of white space. Undefined when it holds no word.
 */
export function wholeWords(text: string, start: number, end: number): { start: number; end: number } | undefined {
  let s = Math.max(0, Math.min(start, end));
  let e = Math.min(text.length, Math.max(start, end));
  // Widen a cut word; a selection that starts or ends inside a surrogate pair is widened too.
  while (s > 0 && WORD.test(text[s - 1] as string) && WORD.test(text[s] ?? '')) s--;
  while (e < text.length && WORD.test(text[e - 1] ?? '') && WORD.test(text[e] as string)) e++;
  while (s < e && /\s/u.test(text[s] as string)) s++;
  while (e > s && /\s/u.test(text[e - 1] as string)) e--;
  if (s > 0 && /[\uDC00-\uDFFF]/u.test(text[s] as string)) s--;
  if (e < text.length && /[\uDC00-\uDFFF]/u.test(text[e] as string)) e++;
  const words = text.slice(s, e);
  return WORD.test(words) ? { start: s, end: e } : undefined;
}

/**
 * `<Cite source="slug" quote="…" />` for words of a passage, written so that MDX reads it whatever
 * the words hold: between double quotes, or single quotes when the words hold double quotation
 * marks, or — when they hold both kinds — with the double marks written curly (the citation check
 * takes curly and straight quotation marks as the same). White space becomes single spaces, and an
 * `&` that MDX would read as a character reference is written `&amp;`.
 */
export function citationFor(source: string, words: string): string {
  const clean = words
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/&(?=#?[A-Za-z0-9]+;)/gu, '&amp;');
  if (!clean.includes('"')) return `<Cite source="${source}" quote="${clean}" />`;
  if (!clean.includes("'")) return `<Cite source="${source}" quote='${clean}' />`;
  return `<Cite source="${source}" quote="${curlyDoubleQuotes(clean)}" />`;
}

/** Straight double quotation marks made curly: opening after a space or an opening bracket, closing otherwise. */
export function curlyDoubleQuotes(text: string): string {
  return text.replace(/"/gu, (_, at: number) =>
    at === 0 || /[\s([{\u2014\u2013-]/u.test(text[at - 1] as string) ? '\u201c' : '\u201d',
  );
}

/** The ordinals (¶ N) of the other passages the words are also found in: a citation must find one passage. */
export function alsoIn(
  passages: readonly { ordinal: number; text: string }[],
  ordinal: number,
  words: string,
): number[] {
  if (normalise(words) === '') return [];
  return passages.filter((p) => p.ordinal !== ordinal && findQuote(p.text, words)).map((p) => p.ordinal);
}

/**
 * The quote a reader pastes: the words, the source's title, ¶ N and a link to the passage whose text
 * fragment makes the browser highlight the words (left out when the words occur earlier on the page).
 */
export function readerQuote(input: {
  words: string;
  title: string;
  ordinal: number;
  /** Absolute address of the passage, `…/sources/slug/#id`. */
  passageUrl: string;
  /** What the page shows before the passage's own text, and the passage's text before the words. */
  pageBefore: string;
  passageBefore: string;
}): { text: string; url: string } {
  const words = input.words.replace(/\s+/gu, ' ').trim();
  const url = `${input.passageUrl}${unambiguousTextFragment(words, input.pageBefore, input.passageBefore)}`;
  return { text: `“${words}” — ${input.title}, ¶ ${input.ordinal}. ${url}`, url };
}
