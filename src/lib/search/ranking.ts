/**
 * How search ranks: evidence first. Chosen with `npm run bench`, which prints them beside the recall they give
 * on the reader queries (tests/support/reader-queries.json) and on the older query set.
 *
 * `data-pagefind-weight` multiplies how much a word counts where it stands (1 is Pagefind's default; headings
 * count 7 to 5 unless inside weighted text). A source's own passages state the facts, and the explainers say what
 * they mean; the pages that only repeat them (the figures table, the claims matrix, the home page's overview)
 * count a fifth, so a query naming a figure finds the passages that state it, and the explainer sections that use
 * it, before the tables that list it. Sources count a little more than explainers: a figure's passages come
 * first, yet a topic word ("exclusivity", in every source's title) still finds its explainer.
 */
export const SEARCH_WEIGHTS = {
  /** A source's passages: its own text, headings included. */
  sourceText: 2,
  /** An explainer's text (the timeline's too), headings included: what the sources' facts mean, beside them. */
  explainerText: 1.5,
  /** Facts in a source's page furniture (a related-article teaser): findable, below the article's own text. */
  furnitureFacts: 0.5,
  /** Pages that repeat what the sources and explainers say: figures table, claims matrix, home overview. */
  repeats: 0.2,
} as const;

/**
 * Pagefind's ranking parameters (its defaults: termSimilarity 1, pageLength 0.75, termSaturation 1.4,
 * termFrequency 1, metaWeights { title: 5 }). Pagefind matches every query word as a prefix ("1" finds "15" and
 * "122", "invest" finds "investment"); termSimilarity 6 makes a longer word count far less than the word itself,
 * so "$1 billion" ranks the pages that say "$1 billion" above those full of other numbers.
 */
export const SEARCH_RANKING = { termSimilarity: 6 } as const satisfies {
  termSimilarity?: number;
  pageLength?: number;
  termSaturation?: number;
  termFrequency?: number;
  metaWeights?: Record<string, number>;
};

/**
 * Below this, the best page for a word searched alone was found through a shorter word, not the word itself
 * (src/lib/search/fallback.ts, `weakMatch`). With termSimilarity 6 such pages score 0.001–0.17 on this site and
 * real words 0.35 and up (the bench's typos category and tests/browser/search-reader-queries.test.ts watch it).
 */
export const WEAK_MATCH_SCORE = 0.25;
