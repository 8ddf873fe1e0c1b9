// Queries as readers write them, on the search page: the query is rewritten for the index (figures in one form,
// words that say little left out); a word the site does not have is corrected to the site's nearest word, or left
// out; and when no page has every word, words are dropped until pages match. The rules are pure, in
// src/lib/search/; this runs them against the real Pagefind search. The vocabulary for corrections is fetched only
// when a word of a query matches nothing on the site.
import {
  correctTerms,
  describeOutcome,
  relaxations,
  suspectTerms,
  type SearchNote,
  type SearchOutcome,
  type TermMatch,
} from '../lib/search/fallback.ts';
import { rewriteQuery } from '../lib/search/query.ts';

interface PagefindResult {
  data(): Promise<{ content: string; locations: number[] }>;
}
export type PagefindSearch = (
  term: string | null,
  options?: Record<string, unknown>,
) => Promise<{ results: readonly PagefindResult[] } | null>;

/** Written by the build from the index (scripts/search-vocabulary.mjs). */
export const VOCABULARY_URL = '/search/vocabulary.json';
/** The name of the performance measure each reader search records (read by `npm run bench`). */
export const MEASURE = 'reader-search';

type Corrector = { nearest: (word: string) => string | undefined; pages: (word: string) => number };
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
      // A correction keeps the reader's capital; the vocabulary is in lower case.
      pages: (word) => vocabulary.get(word.toLowerCase()) ?? 0,
    };
  });
  return corrector;
}

/** The words the first result was found by. Its data is what the results list shows first, so it is loaded anyway. */
async function matchedWords(found: { results: readonly PagefindResult[] } | null): Promise<string[]> {
  const first = found?.results[0];
  if (!first) return [];
  const { content, locations } = await first.data();
  const words = content.split(/\s+/u);
  return locations.map((at) => words[at] ?? '');
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
      return search(term, options);
    }
    const start = performance.now();
    let searches = 0;
    const run = (query: string, opts = options) => {
      searches += 1;
      return search(query, opts);
    };
    const rewrite = rewriteQuery(term);
    const outcome: SearchOutcome = { rewrite, searched: rewrite.query, corrected: [], unmatched: [], relaxed: [] };
    let result = await run(rewrite.query);
    let terms = rewrite.terms;

    if (!rewrite.exact && result && result.results.length > 0) {
      // Found, but perhaps a word only through a shorter one ("Bedrok" finds "be"), or not at all ("expire"):
      // correct it to the site's nearest word, or, if it is on no page, say so and leave it out.
      // (Only words that could be corrected are suspected: with none, the result's data need not be read here.)
      const suspects = suspectTerms(terms, []).length > 0 ? suspectTerms(terms, await matchedWords(result)) : [];
      if (suspects.length > 0) {
        const { nearest } = await loadCorrector();
        const matches: TermMatch[] = [];
        for (const word of terms) {
          const suspect = suspects.includes(word);
          const alone = suspect && nearest(word) === undefined ? await run(word, {}) : undefined;
          matches.push({ term: word, pages: alone ? alone.results.length : 1, suspect });
        }
        const fixed = correctTerms(matches, nearest);
        const again =
          fixed.terms.length > 0 && (fixed.corrected.length > 0 || fixed.unmatched.length > 0)
            ? await run(fixed.terms.join(' '))
            : null;
        if (again && again.results.length > 0) {
          result = again;
          outcome.corrected = fixed.corrected;
          outcome.unmatched = fixed.unmatched;
          terms = fixed.terms;
        }
      }
    } else if (!rewrite.exact && result) {
      // Nothing found. Which words does the site have at all (whatever the filters), and how widely?
      const matches: TermMatch[] = [];
      for (const word of terms) {
        const alone = await run(word, {});
        const pages = alone?.results.length ?? 0;
        const suspect = pages > 0 && suspectTerms([word], await matchedWords(alone)).length > 0;
        matches.push({ term: word, pages, suspect });
      }
      let pagesOf = (word: string) => matches.find((m) => m.term === word)?.pages ?? 0;
      if (matches.some((m) => m.pages === 0 || m.suspect)) {
        const { nearest, pages: vocabularyPages } = await loadCorrector();
        const fixed = correctTerms(matches, nearest);
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
    if (!rewrite.exact) outcome.searched = terms.join(' ');

    performance.measure(MEASURE, { start, detail: { query: term, searched: outcome.searched, searches } });
    if (id === latest) report(describeOutcome(outcome));
    return result;
  };
}
