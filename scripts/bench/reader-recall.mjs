// Did a search answer a reader's query? Shared by `npm run bench` (our search against a plain Pagefind build)
// and tests/browser/search-reader-queries.test.ts, so both judge the same way.
//
// A query of tests/support/reader-queries.json names the source that must be among the first five results, and
// words of the passage that answers it. What a reader is shown of a result: its link, its excerpt, and up to
// MAX_SUB_RESULTS sub-results (link and excerpt each), as the search page shows them.

/** The search page shows at most this many sub-results per result (`max-sub-results` on pagefind-results). */
export const MAX_SUB_RESULTS = 4;
/** Recall is counted in the first this many results. */
export const TOP = 5;

/** `/x/?highlight=a#id` → `/x/#id`: where a link lands, without the words to highlight. */
export function landing(href) {
  const url = new URL(href, 'http://site.invalid');
  return `${url.pathname}${url.hash}`;
}

/** Text compared as a reader reads it: case, accents, punctuation and spacing aside. */
export function fold(text) {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The expected page and passage of each query: `sources` as the catalog gives them ({ slug, passages: [{ id,
 * text }] }). Throws when a query names words no passage (or more than one) holds: the query set must be sound.
 */
export function expectations(queries, sources) {
  return queries.map((q) => {
    const source = sources.find((s) => s.slug === q.source);
    if (!source) throw new Error(`Query "${q.query}" names source "${q.source}", which does not exist`);
    const found = source.passages.filter((p) => p.text.includes(q.passage));
    if (found.length !== 1) {
      throw new Error(`Query "${q.query}": ${found.length} passages of ${q.source} hold "${q.passage}" (need one)`);
    }
    const page = `/sources/${q.source}/`;
    return { ...q, page, passageUrl: `${page}#${found[0].id}` };
  });
}

/**
 * Judge the results shown for one query: `shown` is the list of results, best first, each
 * { url, excerpt, subs: [{ url, excerpt }] } as displayed. The source is found when a result among the first
 * five is its page; the passage is found when one of those results shows it: a link that lands on it, or an
 * excerpt with the query's passage words.
 */
export function judge(shown, expected) {
  const top = shown.slice(0, TOP);
  const rankIndex = top.findIndex((r) => landing(r.url).split('#')[0] === expected.page);
  const phrase = fold(expected.passage);
  const shows = (r) => landing(r.url) === expected.passageUrl || fold(r.excerpt ?? '').includes(phrase);
  const passage = top.some((r) => shows(r) || r.subs.slice(0, MAX_SUB_RESULTS).some(shows));
  return { rank: rankIndex === -1 ? null : rankIndex + 1, source: rankIndex !== -1, passage };
}

/** Per category, in the order categories first appear, and overall: queries, sources found, passages shown. */
export function summarise(rows) {
  const categories = [...new Set(rows.map((r) => r.category))];
  const line = (category, list) => ({
    category,
    queries: list.length,
    source: list.filter((r) => r.source).length,
    passage: list.filter((r) => r.passage).length,
  });
  return [
    ...categories.map((c) =>
      line(
        c,
        rows.filter((r) => r.category === c),
      ),
    ),
    line('all', rows),
  ];
}

/**
 * Evaluated in the search page (as a string: see TOOLCHAIN.md on functions passed to page.evaluate): the results
 * as the reader sees them, from pagefind-results.
 */
export const SHOWN_RESULTS = `[...document.querySelectorAll('pagefind-results li.pf-result')].map((li) => ({
  url: li.querySelector('a.pf-result-link')?.getAttribute('href') ?? '',
  excerpt: li.querySelector('.pf-result-excerpt')?.textContent ?? '',
  subs: [...li.querySelectorAll('li.pf-heading-chip')].map((chip) => ({
    url: chip.querySelector('a.pf-heading-link')?.getAttribute('href') ?? '',
    excerpt: chip.querySelector('.pf-heading-excerpt')?.textContent ?? '',
  })),
}))`;

/**
 * Evaluated in the search page: a promise of the moment (performance.now()) the results for `query` are shown —
 * the summary names the query and the first results have their links and excerpts (Pagefind shows placeholders
 * first and fills each result in once its data has loaded) — or null after `timeoutMs`. Checked every frame.
 */
export function resultsShownFor(query, timeoutMs = 15_000) {
  return `new Promise((resolve) => {
    const query = ${JSON.stringify(query)};
    const shown = () => {
      const summary = document.querySelector('pagefind-summary')?.textContent ?? '';
      if (!summary.includes(query) || /searching/i.test(summary)) return false;
      const items = [...document.querySelectorAll('pagefind-results li.pf-result')].slice(0, ${TOP});
      if (items.length === 0) return /no results|\\b0 results/i.test(summary);
      return items.every((li) => li.querySelector('a.pf-result-link')?.getAttribute('href'));
    };
    const until = performance.now() + ${timeoutMs};
    const tick = () => {
      if (shown()) resolve(performance.now());
      else if (performance.now() > until) resolve(null);
      else requestAnimationFrame(tick);
    };
    tick();
  })`;
}

/**
 * Evaluated in the search page: search for `query` as the search box would (the Component UI instance's
 * triggerSearch), and resolve to how long until its results are shown, in ms (null on timeout).
 */
export function searchAndTime(query, timeoutMs = 15_000) {
  return `(async () => {
    const instance = window.PagefindComponents.getInstanceManager().getInstance('default');
    const start = performance.now();
    instance.triggerSearch(${JSON.stringify(query)});
    const shownAt = await ${resultsShownFor(query, timeoutMs)};
    return shownAt === null ? null : shownAt - start;
  })()`;
}
