// Queries as readers write them, on the search page: the query is rewritten for the index (figures in one form,
// words that say little left out); a word the site does not have is corrected to the site's nearest word, or left
// out; and when no page has every word, words are dropped until pages match. The rules are pure, in
// src/lib/search/; this runs them against the real Pagefind search. The vocabulary for corrections is fetched only
// when a word of a query matches nothing on the site.
import {
  correctable,
  correctTerms,
  describeOutcome,
  relaxations,
  weakMatch,
  type SearchNote,
  type SearchOutcome,
  type TermMatch,
} from '../lib/search/fallback.ts';
import { withoutAliases } from '../lib/search/aliases.ts';
import { highlightWordsOf, withHighlightWords } from '../lib/search/highlight.ts';
import { rewriteQuery } from '../lib/search/query.ts';

/** What Pagefind gives for a result when it is shown: its excerpt, and its sub-results' (with the rest). */
type ResultData = { url?: string; excerpt?: string; sub_results?: { url?: string; excerpt?: string }[] };
type PagefindResult = { id?: string; score: number; data?: () => Promise<ResultData> };

export type PagefindSearch = (
  term: string | null,
  options?: Record<string, unknown>,
) => Promise<{ results: readonly PagefindResult[] } | null>;

/** Written by the build from the index (scripts/search-vocabulary.mjs). */
export const VOCABULARY_URL = '/search/vocabulary.json';
/** The name of the performance measure each reader search records (read by `npm run bench`). */
export const MEASURE = 'reader-search';

type Corrector = {
  nearest: (word: string) => string | undefined;
  hasKin: (word: string) => boolean;
  pages: (word: string) => number;
};
let corrector: Promise<Corrector> | undefined;

/** The typo corrector and the site's vocabulary, loaded on first need only: most queries never need them. */
function loadCorrector(): Promise<Corrector> {
  corrector ??= Promise.all([
    import('../lib/search/typos.ts'),
    fetch(VOCABULARY_URL)
      .then((response) => (response.ok ? response.json() : {}))
      .catch(() => ({})),
  ]).then(([typos, json]) => {
    const vocabulary = typos.parseVocabulary(json);
    return {
      nearest: (word) => typos.nearestWord(word, vocabulary),
      hasKin: (word) => typos.hasKin(word, vocabulary),
      // A correction keeps the reader's capital; the vocabulary is in lower case.
      pages: (word) => vocabulary.get(word.toLowerCase()) ?? 0,
    };
  });
  return corrector;
}

/**
 * Pagefind's `search`, for readers' queries. `report` is told, for the latest query only, what was searched
 * when it is not what was typed (undefined otherwise).
 */
export function readerSearch(search: PagefindSearch, report: (note: SearchNote | undefined) => void): PagefindSearch {
  let latest = 0;
  return async (term, options) => {
    const id = ++latest;
    if (term === null || term.trim() === '') {
      report(undefined);
      return shownAsOnThePage(await search(term, options), []);
    }
    const start = performance.now();
    let searches = 0;
    const run = (query: string, opts = options) => {
      searches += 1;
      return search(query, opts);
    };
    // A word searched alone (whatever the filters): on how many pages, and found only through a shorter word?
    const alone = async (word: string): Promise<TermMatch> => {
      const found = await run(word, {});
      const pages = found?.results.length ?? 0;
      return { term: word, pages, suspect: weakMatch(pages, found?.results[0]?.score ?? 0) };
    };
    const rewrite = rewriteQuery(term);
    const outcome: SearchOutcome = { rewrite, searched: rewrite.query, corrected: [], unmatched: [], relaxed: [] };
    let result = await run(rewrite.query);
    let terms = rewrite.terms;

    if (!rewrite.exact && result && result.results.length > 0) {
      // Found, but a word perhaps only through a shorter one ("Bedrok" finds "be"), or not at all ("expire",
      // which Pagefind drops when other words match): correct it to the site's nearest word, or leave it out.
      const checked: TermMatch[] = [];
      for (const word of terms.filter(correctable)) checked.push(await alone(word));
      if (checked.some((m) => m.pages === 0 || m.suspect)) {
        const { nearest, hasKin } = await loadCorrector();
        const matches = terms.map(
          (word) => checked.find((m) => m.term === word) ?? { term: word, pages: 1, suspect: false },
        );
        const fixed = correctTerms(matches, nearest, hasKin);
        const again =
          fixed.terms.length > 0 && (fixed.corrected.length > 0 || fixed.unmatched.length > 0)
            ? await run(fixed.terms.join(' '))
            : null;
        if (again && again.results.length > 0) {
          result = again;
          outcome.corrected = fixed.corrected;
          outcome.unmatched = fixed.unmatched;
          terms = fixed.terms;
        } else if (fixed.terms.length === 0) {
          // No word of the query is on the site: what Pagefind found came through shorter words only.
          result = { ...result, results: [] };
          outcome.unmatched = fixed.unmatched;
          terms = [];
        }
      }
    } else if (!rewrite.exact && result) {
      // Nothing found. Which words does the site have at all, and how widely?
      const matches: TermMatch[] = [];
      for (const word of terms) {
        const match = await alone(word);
        matches.push(correctable(word) ? match : { ...match, suspect: false });
      }
      let pagesOf = (word: string) => matches.find((m) => m.term === word)?.pages ?? 0;
      if (matches.some((m) => m.pages === 0 || m.suspect)) {
        const { nearest, hasKin, pages: vocabularyPages } = await loadCorrector();
        const fixed = correctTerms(matches, nearest, hasKin);
        outcome.corrected = fixed.corrected;
        outcome.unmatched = fixed.unmatched;
        const known = pagesOf;
        pagesOf = (word) => known(word) || vocabularyPages(word);
        terms = fixed.terms;
        if (terms.length > 0 && (fixed.corrected.length > 0 || fixed.unmatched.length > 0)) {
          result = await run(terms.join(' '));
        }
      }
      if (terms.length > 1 && result?.results.length === 0) {
        for (const fewer of relaxations(terms, terms.map(pagesOf))) {
          const relaxed = await run(fewer.join(' '));
          if (relaxed && relaxed.results.length > 0) {
            outcome.relaxed = terms.filter((word) => !fewer.includes(word));
            terms = fewer;
            result = relaxed;
            break;
          }
        }
      }
    }
    if (rewrite.exact && result && result.results.length > 1) {
      // Pagefind's phrase search finds the pages that have the phrase, but ranks them without the index's weights:
      // put them in the order the same words rank in (evidence first), keeping the phrase's excerpts.
      const ranked = await run(rewrite.query.replace(/^"|"$/gu, ''));
      const rank = new Map((ranked?.results ?? []).map((r, i) => [r.id, i]));
      const place = (r: PagefindResult) => rank.get(r.id) ?? Number.POSITIVE_INFINITY;
      result = { ...result, results: [...result.results].sort((a, b) => place(a) - place(b)) };
    }
    if (!rewrite.exact) outcome.searched = terms.join(' ');

    performance.measure(MEASURE, { start, detail: { query: term, searched: outcome.searched, searches } });
    if (id === latest) report(describeOutcome(outcome));
    return shownAsOnThePage(result, highlightWordsOf(outcome.searched));
  };
}

const shownAsOnThePage = (found: Awaited<ReturnType<PagefindSearch>>, words: readonly string[]) =>
  found && { ...found, results: found.results.map((result) => showingThePageOnly(result, words)) };

/**
 * A result whose excerpts quote only what its page says (the index's aliases, "⟦27 percent⟧", taken out), and
 * whose links ask the page to mark the words as searched ("GPT-5.5", not the index's "gpt55").
 */
function showingThePageOnly(result: PagefindResult, words: readonly string[]): PagefindResult {
  const { data } = result;
  if (!data) return result;
  const link = (url: string | undefined) => (url === undefined ? {} : { url: withHighlightWords(url, words) });
  const excerpt = (text: string | undefined) => (text === undefined ? {} : { excerpt: withoutAliases(text) });
  return {
    ...result,
    data: async () => {
      const shown = await data.call(result);
      return {
        ...shown,
        ...link(shown.url),
        ...excerpt(shown.excerpt),
        ...(shown.sub_results
          ? { sub_results: shown.sub_results.map((sub) => ({ ...sub, ...link(sub.url), ...excerpt(sub.excerpt) })) }
          : {}),
      };
    },
  };
}
