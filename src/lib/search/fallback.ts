import type { QueryRewrite } from './query.ts';
import { WEAK_MATCH_SCORE } from './ranking.ts';
import { indexWord, MIN_CORRECTED_LENGTH } from './words.ts';

/** A word the query layer may correct: letters only, four or more ("cap", "2032", "GPT-5.5" are left as typed). */
export function correctable(term: string): boolean {
  const word = indexWord(term);
  return word.length >= MIN_CORRECTED_LENGTH && !/\p{N}/u.test(word) && /^\p{L}+$/u.test(term.replace(/[’'-]/gu, ''));
}

/**
 * Did Pagefind find a word, searched alone, only through a shorter word? When no word of the site starts with a
 * query word, Pagefind searches for the longest indexed word the query word starts with ("Bedrok" finds "be",
 * "runtme" finds "run"), and the pages it finds score far below any real match: their word is much shorter than
 * the one searched, which `termSimilarity` (src/lib/search/ranking.ts) punishes. `topScore` is the best page's
 * score. A real word may, rarely, score as low (an inflection found only on a page that counts little): it is
 * then not corrected, since the vocabulary has it.
 */
export function weakMatch(pages: number, topScore: number): boolean {
  return pages > 0 && topScore < WEAK_MATCH_SCORE;
}

/** How a query word fared on its own: pages found, and whether only through a shorter word (suspect). */
export interface TermMatch {
  term: string;
  pages: number;
  suspect: boolean;
}

/**
 * Correct the words of a query that match nothing. Pagefind needs every word of a query on a page, so one word
 * the site does not have ("expire") empties the list, and a mistyped one ("Bedrok") finds pages by a shorter
 * word ("be"). A word that matches no page, or only through a shorter word, is replaced by the site's nearest
 * word when there is one; otherwise a word on no page is left out, and a suspect one is kept as it is when the site
 * has a word of its family (it may be an inflection Pagefind's stemmer matched), and left out when not. A correction keeps the capital the reader typed.
 */
export function correctTerms(
  matches: readonly TermMatch[],
  nearest: (word: string) => string | undefined,
  /** Does the site have a word of its family (typos.ts, `hasKin`)? A suspect word without one is left out. */
  hasKin: (word: string) => boolean = () => true,
): { terms: string[]; corrected: [typed: string, word: string][]; unmatched: string[] } {
  const out: string[] = [];
  const corrected: [string, string][] = [];
  const unmatched: string[] = [];
  for (const { term, pages, suspect } of matches) {
    if (pages > 0 && !suspect) {
      out.push(term);
      continue;
    }
    const found = nearest(term);
    if (found !== undefined) {
      // In the reader's case: "Wilison" → "Willison", "jasy" → "jassy".
      const word = /^\p{Lu}/u.test(term) ? found.replace(/^./u, (c) => c.toUpperCase()) : found;
      corrected.push([term, word]);
      out.push(word);
    } else if (pages > 0 && (!suspect || hasKin(term))) {
      out.push(term);
    } else {
      unmatched.push(term);
    }
  }
  return { terms: out, corrected, unmatched };
}

/**
 * When every word matches somewhere but no page has them all: the queries to try, each with one word fewer,
 * leaving out first the word on the most pages (it says least), so the most telling words stay to the end.
 * Ends with the single most telling word; nothing to try for a query of one word.
 */
export function relaxations(terms: readonly string[], pagesPerTerm: readonly number[]): string[][] {
  const order = terms
    .map((term, i) => ({ term, i, pages: pagesPerTerm[i] ?? 0 }))
    .sort((a, b) => b.pages - a.pages || b.i - a.i);
  const out: string[][] = [];
  const dropped = new Set<number>();
  for (const { i } of order.slice(0, -1)) {
    dropped.add(i);
    out.push(terms.filter((_, j) => !dropped.has(j)));
  }
  return out;
}

/** What happened to a reader's query on its way to the index. */
export interface SearchOutcome {
  rewrite: QueryRewrite;
  /** What was finally searched. */
  searched: string;
  corrected: [typed: string, word: string][];
  /** Words the site does not have and nothing near: left out. */
  unmatched: string[];
  /** Words left out because no page has them together with the rest. */
  relaxed: string[];
}

export interface SearchNote {
  /** "Showing results for" (a word was corrected) or "Searched for". */
  lead: 'Showing results for' | 'Searched for';
  /** What was searched; empty when no word of the query is on the site. */
  query: string;
  /** Short sentences saying why, in the reader's words. */
  details: string[];
}

/** “a”, “b” and “c” (or “a”, “b” or “c”). */
function quoted(words: readonly string[], conjunction: 'and' | 'or' | ',' = ','): string {
  const q = words.map((w) => `“${w}”`);
  if (conjunction === ',' || q.length < 2) return q.join(', ');
  return `${q.slice(0, -1).join(', ')} ${conjunction} ${q.at(-1)}`;
}
const plainForm = (text: string) => text.split(/\s+/u).map(indexWord).filter(Boolean).join(' ');

/**
 * The line the search page shows above the results when it searched something other than what was typed, or
 * undefined when it searched just that (case and punctuation aside).
 */
export function describeOutcome(outcome: SearchOutcome): SearchNote | undefined {
  const { rewrite, searched, corrected, unmatched, relaxed } = outcome;
  if (rewrite.exact ? rewrite.figures.length === 0 : plainForm(searched) === plainForm(rewrite.typed)) return undefined;
  const details: string[] = [];
  for (const [typed, form] of rewrite.figures) details.push(`“${typed}” is searched as “${form}”.`);
  for (const [typed, word] of corrected) details.push(`No page has “${typed}”; the nearest word is “${word}”.`);
  if (unmatched.length > 0) {
    details.push(`No page has ${quoted(unmatched, 'or')}, nor a word near ${unmatched.length === 1 ? 'it' : 'them'}.`);
  }
  if (relaxed.length > 0) details.push(`No page has every word: left out ${quoted(relaxed, 'and')}.`);
  if (rewrite.leftOut.length > 0) details.push(`Left out words that say little: ${quoted(rewrite.leftOut)}.`);
  return { lead: corrected.length > 0 ? 'Showing results for' : 'Searched for', query: searched, details };
}
