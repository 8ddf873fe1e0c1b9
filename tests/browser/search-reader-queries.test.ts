// Reader queries through the real search page in Chromium: every query of tests/support/reader-queries.json
// (figures, shorthand, punctuation, typos, questions, names, furniture facts) must show its source and its
// passage in the first five results, opened as a shared link would (/search/?q=…). Then what the page says it
// searched ("Showing results for …", "Searched for …"), the query kept in the address, the vocabulary fetched
// only when a word matches nothing, the keyboard, and axe on those states. `npm run bench` judges the same way
// (scripts/bench/reader-recall.mjs) and compares with a plain Pagefind build.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectations,
  judge,
  landing,
  resultsShownFor,
  SHOWN_RESULTS,
  TOP,
} from '../../scripts/bench/reader-recall.mjs';
import { contentPaths, loadCatalog } from '../../src/lib/catalog-files.ts';
import { ROOT } from '../support/paths.ts';
import readerQueries from '../support/reader-queries.json' with { type: 'json' };
import {
  closeChecked,
  hasChromium,
  connectBrowser,
  newPage,
  runAxe,
  settle,
  visit,
  type SitePage,
} from '../support/browser.ts';

type Expected = { category: string; query: string; source: string; passage: string; page: string; passageUrl: string };
const EXPECTED = expectations(readerQueries, loadCatalog(contentPaths(ROOT)).sources) as Expected[];
const VOCABULARY = '/search/vocabulary.json';

type Shown = { url: string; excerpt: string; subs: { url: string; excerpt: string }[] };

/** Open the search page at /search/?q=…, as a shared link would, and wait for its results (or for none). */
async function search(site: SitePage, query: string): Promise<Shown[]> {
  await visit(site, `/search/?q=${encodeURIComponent(query)}`);
  expect(await site.page.evaluate(resultsShownFor(query)), `results for "${query}" were shown`).not.toBeNull();
  return (await site.page.evaluate(SHOWN_RESULTS)) as Shown[];
}

const note = (site: SitePage) => site.page.locator('[data-search-note]');

/**
 * On a search page already open: search for `query` as the search box does (the Component UI's triggerSearch,
 * which goes through the page's query layer), after clearing the last results so that none of them is taken
 * for this query's.
 */
async function searchInPage(site: SitePage, query: string): Promise<Shown[]> {
  await site.page.evaluate(`(async () => {
    const instance = window.PagefindComponents.getInstanceManager().getInstance('default');
    instance.triggerSearch('');
    await new Promise((resolve) => {
      const empty = () => document.querySelectorAll('pagefind-results li.pf-result').length === 0;
      const tick = () => (empty() ? resolve() : requestAnimationFrame(tick));
      tick();
    });
    instance.triggerSearch(${JSON.stringify(query)});
  })()`);
  expect(await site.page.evaluate(resultsShownFor(query)), `results for "${query}" were shown`).not.toBeNull();
  return (await site.page.evaluate(SHOWN_RESULTS)) as Shown[];
}

describe.skipIf(!hasChromium)('reader queries on the search page', () => {
  let browser: Browser;
  // One search page, loaded once (/search/?q= and what a shared link shows are tested in search.test.ts and
  // below): each query is searched in it as a reader types one query after another.
  let site: SitePage;
  beforeAll(async () => {
    browser = await connectBrowser();
    site = await newPage(browser);
    await search(site, EXPECTED[0]?.query ?? 'cap');
  });
  afterAll(async () => {
    if (site) await closeChecked(site);
    await browser?.close();
  });

  it('has at least 40 queries, in every category', () => {
    expect(EXPECTED.length).toBeGreaterThanOrEqual(40);
    const categories = new Set(EXPECTED.map((q) => q.category));
    expect([...categories].sort()).toEqual(
      ['figures', 'furniture', 'names', 'punctuation', 'questions', 'shorthand', 'typos'].sort(),
    );
  });

  it.each(EXPECTED.map((q) => [q.category, q.query, q] as const))(
    '%s: "%s" shows its source and the passage that answers it in the first five results',
    async (_category, query, expected) => {
      const shown = await searchInPage(site, query);
      const verdict = judge(shown, expected);
      const seen = shown.slice(0, TOP).map((r) => [landing(r.url), ...r.subs.map((s) => landing(s.url))].join(' '));
      expect(verdict.source, `${expected.page} in the first ${TOP}: ${seen.join(' | ')}`).toBe(true);
      expect(verdict.passage, `${expected.passageUrl} shown in the first ${TOP}: ${seen.join(' | ')}`).toBe(true);
    },
  );
});

describe.skipIf(!hasChromium)('what the search page says it searched', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await connectBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('corrects a word no page has: "Showing results for Jassy", the address keeps "Jasy", highlights use "Jassy"', async () => {
    const site = await newPage(browser);
    try {
      const shown = await search(site, 'Jasy');
      await expect
        .poll(() => note(site).textContent())
        .toBe('Showing results for Jassy. No page has “Jasy”; the nearest word is “Jassy”.');
      expect(await note(site).locator('strong').textContent()).toBe('Jassy');
      expect(await note(site).getAttribute('role')).toBe('status');
      expect(new URL(site.page.url()).searchParams.get('q')).toBe('Jasy');
      expect(shown[0]?.url).toMatch(/[?&]highlight=jassy\b/iu);
      // The vocabulary was needed, so it was fetched: once.
      expect(site.requests.filter((url) => new URL(url).pathname === VOCABULARY)).toHaveLength(1);
    } finally {
      await closeChecked(site);
    }
  });

  it('says nothing, and fetches no vocabulary, when it searched what was typed', async () => {
    const site = await newPage(browser);
    try {
      const shown = await search(site, 'Jassy');
      expect(shown.length).toBeGreaterThan(0);
      expect(await note(site).textContent()).toBe('');
      expect(site.requests.filter((url) => new URL(url).pathname === VOCABULARY)).toEqual([]);
    } finally {
      await closeChecked(site);
    }
  });

  it('leaves out words that say little, and a word no page has: "Searched for license"', async () => {
    const site = await newPage(browser);
    try {
      const shown = await search(site, 'when does the license expire');
      expect(shown.length).toBeGreaterThan(0);
      await expect
        .poll(() => note(site).textContent())
        .toBe(
          'Searched for license. No page has “expire”, nor a word near it. Left out words that say little: “when”, “does”, “the”.',
        );
    } finally {
      await closeChecked(site);
    }
  });

  it('writes a figure as the sources do ("$50B" → "50 billion") and the opened passage highlights it', async () => {
    const site = await newPage(browser);
    try {
      const shown = await search(site, '$50B');
      await expect
        .poll(() => note(site).textContent())
        .toBe('Searched for 50 billion. “$50B” is searched as “50 billion”.');
      const link = shown.flatMap((r) => r.subs).find((s) => landing(s.url).startsWith('/sources/'));
      expect(link?.url).toMatch(/highlight=50&highlight=billion/u);
      await site.page.goto(new URL(link?.url ?? '/', site.page.url()).href);
      await settle(site);
      const marks = site.page.locator('.passage:target mark.pagefind-highlight');
      await expect
        .poll(() => marks.allTextContents(), { timeout: 10_000 })
        .toEqual(expect.arrayContaining(['50', 'billion']));
    } finally {
      await closeChecked(site);
    }
  });

  it('says so when no word of the query is on the site, and shows no results', async () => {
    const site = await newPage(browser);
    try {
      const shown = await search(site, 'xyzzy qwfjkv');
      expect(shown).toEqual([]);
      await expect.poll(() => note(site).textContent()).toBe('No page has “xyzzy” or “qwfjkv”, nor a word near them.');
    } finally {
      await closeChecked(site);
    }
  });

  it('works from the keyboard: type a typo, Arrow Down to the first result, Enter opens it highlighted', async () => {
    const site = await newPage(browser);
    try {
      await visit(site, '/search/');
      const input = site.page.locator('pagefind-input input');
      await expect.poll(() => site.page.evaluate('document.activeElement?.tagName'), { timeout: 10_000 }).toBe('INPUT');
      await site.page.keyboard.type('Antropic');
      await site.page.waitForURL(/\?q=Antropic$/u);
      expect(await site.page.evaluate(resultsShownFor('Antropic'))).not.toBeNull();
      await expect.poll(() => note(site).textContent()).toMatch(/^Showing results for Anthropic\./u);
      await input.focus();
      await site.page.keyboard.press('ArrowDown');
      const focused = (await site.page.evaluate('document.activeElement?.getAttribute("href")')) as string;
      expect(focused).toMatch(/highlight=anthropic/iu);
      await site.page.keyboard.press('Enter');
      await site.page.waitForURL((url) => !url.pathname.startsWith('/search/'));
      await settle(site);
      await expect
        .poll(() => site.page.locator('mark.pagefind-highlight').first().textContent(), { timeout: 10_000 })
        .toMatch(/^anthropic$/iu);
    } finally {
      await closeChecked(site);
    }
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`has no axe violations when it corrects a word or leaves words out (${colorScheme})`, async () => {
      for (const query of ['Simon Wilison', 'how much did amazon invest']) {
        const site = await newPage(browser, { colorScheme });
        try {
          await search(site, query);
          await expect.poll(() => note(site).textContent()).not.toBe('');
          expect(await runAxe(site.page), query).toEqual([]);
        } finally {
          await closeChecked(site);
        }
      }
    });
  }
});
