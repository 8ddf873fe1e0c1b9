import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, type ExpectStatic } from 'vitest';
import { contentPaths, loadCatalog } from '../../src/lib/catalog-files.ts';
import { ROOT } from '../support/paths.ts';
import searchQueries from '../support/search-queries.json' with { type: 'json' };
import {
  connectBrowser,
  hasChromium,
  newPage,
  RESULTS_IN_VIEW_LOADED,
  runAxe,
  settle,
  visit,
  type SitePage,
} from '../support/browser.ts';

const { sources } = loadCatalog(contentPaths(ROOT));

/** The permanent URL of the passage of `slug` that contains `words`. */
function passage(slug: string, words: string): string {
  const source = sources.find((s) => s.slug === slug);
  const found = source?.passages.find((p) => p.text.includes(words));
  if (!found) throw new Error(`No passage of ${slug} contains "${words}"`);
  return `/sources/${slug}/#${found.id}`;
}

/**
 * Realistic queries, each with the page or passage that must be in the top five results. The
 * benchmark (`npm run bench`) times the same queries.
 */
type SearchQuery = { query: string } & ({ page: string } | { source: string; passage: string });
const QUERIES: [query: string, expected: string][] = (searchQueries as SearchQuery[]).map((q) => [
  q.query,
  'page' in q ? q.page : passage(q.source, q.passage),
]);

type Result = { href: string; subs: string[] };

/** The search page for `query`, once Pagefind has filled in the results in view. `expect` is the test's own. */
async function results(site: SitePage, query: string, expect: ExpectStatic): Promise<Result[]> {
  await visit(site, `/search/?q=${encodeURIComponent(query)}`);
  await site.page.waitForSelector('pagefind-results li.pf-result a.pf-result-link', { timeout: 30_000 });
  await expect.poll(() => site.page.evaluate(RESULTS_IN_VIEW_LOADED), { timeout: 30_000 }).toBe(true);
  return (await site.page.evaluate(`[...document.querySelectorAll('pagefind-results li.pf-result')].map((li) => ({
      href: li.querySelector('a.pf-result-link')?.getAttribute('href') ?? '',
      subs: [...li.querySelectorAll('a.pf-heading-link')].map((a) => a.getAttribute('href') ?? ''),
    }))`)) as Result[];
}

/** `/x/?highlight=a#id` → `/x/#id`: what the reader lands on, minus the highlight words. */
const landing = (href: string) => {
  const url = new URL(href, 'http://site.invalid');
  return `${url.pathname}${url.hash}`;
};

// Each test opens a page of its own: they run a few at a time.
describe.skipIf(!hasChromium)('search', { concurrent: true }, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await connectBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.for(QUERIES)('"%s" finds %s in the top five results', async ([query, expected], { expect }) => {
    const site = await newPage(browser);
    try {
      const top = (await results(site, query, expect)).slice(0, 5);
      const landings = top.flatMap((r) => [landing(r.href), ...r.subs.map(landing)]);
      expect(landings).toContain(expected);
      expect(site.foreignRequests).toEqual([]);
    } finally {
      await site.close();
    }
  });

  it('does not index page furniture ("Also read: … Cerebras" appears only as furniture)', async ({ expect }) => {
    const site = await newPage(browser);
    try {
      await visit(site, '/search/?q=Cerebras');
      // (No waitForFunction with a string: the page's CSP rightly forbids eval.)
      await expect
        .poll(() => site.page.locator('pagefind-summary').textContent(), { timeout: 30_000 })
        .toMatch(/\b0 results\b|No results/iu);
      expect(await site.page.locator('pagefind-results li.pf-result').count()).toBe(0);
    } finally {
      await site.close();
    }
  });

  it('shows each result with its title, its kind and an excerpt with the words marked', async ({ expect }) => {
    const site = await newPage(browser);
    try {
      await results(site, 'Jassy', expect);
      const first = site.page.locator('li.pf-result').filter({ hasText: 'Source' }).first();
      await expect.poll(() => first.locator('.result-kind').textContent(), { timeout: 10_000 }).toBe('Source');
      expect(
        (await first.locator('.pf-result-excerpt mark, .pf-heading-excerpt mark').first().textContent())?.toLowerCase(),
      ).toBe('jassy');
      expect(await first.locator('a.pf-heading-link').first().textContent()).toMatch(/^¶ \d+ · /u);
    } finally {
      await site.close();
    }
  });

  // The index holds aliases ("27 percent" where a passage writes "27%"), and Pagefind's excerpts quote the index.
  it.for(['27%', 'GPT 5.5'])(
    'shows in its excerpts only what the pages say, never a search alias (%s)',
    async (query, { expect }) => {
      const site = await newPage(browser);
      try {
        await results(site, query, expect);
        const excerpts = (await site.page.evaluate(
          `[...document.querySelectorAll('pagefind-results .pf-result-excerpt, pagefind-results .pf-heading-excerpt')].map((e) => e.textContent)`,
        )) as string[];
        expect(excerpts.filter((e) => e.trim() !== '').length).toBeGreaterThan(2);
        expect(excerpts.filter((e) => /[⟦⟧]/u.test(e))).toEqual([]);
        // The words searched are still marked where the page writes them its own way.
        const marked = (await site.page.evaluate(
          `[...document.querySelectorAll('pagefind-results li.pf-result mark')].map((m) => m.textContent)`,
        )) as string[];
        expect(marked.join(' ')).toMatch(query === '27%' ? /27/u : /GPT/iu);
        // Pagefind marks a word at a time: a mark left open by a cut alias would run over the rest of the excerpt.
        expect(marked.filter((m) => m.trim().split(/\s+/u).length > 1)).toEqual([]);
      } finally {
        await site.close();
      }
    },
  );

  it('opens a result at the passage, highlighted, with the searched words marked', async ({ expect }) => {
    const site = await newPage(browser);
    try {
      const expected = passage('non-exclusive-license-through-2032', 'Andy Jassy celebrated');
      await results(site, 'Jassy', expect);
      await site.page
        .locator(`a.pf-heading-link[href$="${expected.split('#')[1]}"]`)
        .first()
        .click();
      await site.page.waitForURL(/highlight=jassy/iu);
      await settle(site);
      expect(landing(site.page.url())).toBe(expected);
      const target = site.page.locator('.passage:target');
      expect(await target.getAttribute('id')).toBe(expected.split('#')[1]);
      await expect
        .poll(() => target.locator('mark.pagefind-highlight').first().textContent(), { timeout: 10_000 })
        .toBe('Jassy');
      const inView = await target.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return r.top >= 0 && r.top < window.innerHeight;
      });
      expect(inView).toBe(true);
    } finally {
      await site.close();
    }
  });

  // Pagefind's links ask for the words as its index holds them ("gpt55", "75"), which no page contains.
  it.for([
    ['GPT-5.5', 'azure-exclusivity-ends', 'GPT-5.5, Codex, and Managed Agents', 'GPT-5.5'],
    ['$7.5B', 'non-exclusive-license-through-2032', '$7.5 billion in a single quarter', '7.5'],
  ] as const)(
    'marks on the opened page the words as searched: %s',
    async ([query, slug, words, mark], { expect }) => {
      const site = await newPage(browser);
      try {
        const expected = passage(slug, words);
        await results(site, query, expect);
        const link = site.page.locator(`a.pf-heading-link[href$="${expected.split('#')[1]}"]`).first();
        const href = (await link.getAttribute('href')) ?? '';
        expect(new URL(href, 'http://site.invalid').searchParams.getAll('highlight')).toContain(mark);
        await link.click();
        await site.page.waitForURL((url) => url.hash === `#${expected.split('#')[1]}`);
        await settle(site);
        const target = site.page.locator('.passage:target');
        await expect
          .poll(() => target.locator('mark.pagefind-highlight').allTextContents(), { timeout: 10_000 })
          .toContain(mark);
      } finally {
        await site.close();
      }
    },
  );

  it('keeps the query in the URL, and Back restores the results', async ({ expect }) => {
    const site = await newPage(browser);
    try {
      await visit(site, '/search/');
      const input = site.page.locator('pagefind-input input');
      await input.fill('Bedrock');
      await site.page.waitForURL(/\?q=Bedrock$/u);
      await site.page.locator('li.pf-result a.pf-result-link').first().click();
      await site.page.waitForURL((url) => !url.pathname.startsWith('/search/'));
      await site.page.goBack();
      await site.page.waitForURL(/\/search\/\?q=Bedrock$/u);
      await expect
        .poll(() => site.page.locator('pagefind-input input').inputValue(), { timeout: 10_000 })
        .toBe('Bedrock');
      await expect.poll(() => site.page.locator('li.pf-result').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    } finally {
      await site.close();
    }
  });

  it('the 404 page searches: its form opens the search page with results for the words typed', async ({ expect }) => {
    const site = await newPage(browser);
    try {
      await visit(site, '/404', { status: 404 });
      await site.page.locator('#search-404-q').fill('Jassy');
      await site.page.keyboard.press('Enter');
      await site.page.waitForURL(/\/search\/\?q=Jassy$/u);
      await expect.poll(() => site.page.locator('li.pf-result').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    } finally {
      await site.close();
    }
  });

  it.for(['/', '/explainers/exclusivity/', '/sources/azure-exclusivity-ends/'])(
    '%s loads nothing of search until a reader uses it',
    async (path) => {
      const site = await newPage(browser);
      try {
        await visit(site, path);
        // Everything the page loads by itself has loaded (no request for half a second).
        await site.page.waitForLoadState('networkidle');
        expect(site.requests.filter((url) => new URL(url).pathname.startsWith('/pagefind/'))).toEqual([]);
      } finally {
        await site.close();
      }
    },
  );

  it('opens from any page with "/", Ctrl-K or ⌘-K, and works with the keyboard alone', async ({ expect }) => {
    const site = await newPage(browser);
    try {
      await visit(site, '/sources/azure-exclusivity-ends/');
      await site.page.keyboard.press('/');
      expect(await site.page.evaluate('document.activeElement?.id')).toBe('site-search-q');
      await site.page.keyboard.press('Escape');
      await site.page.locator('body').click({ position: { x: 5, y: 300 } });
      await site.page.keyboard.press('Control+k');
      expect(await site.page.evaluate('document.activeElement?.id')).toBe('site-search-q');
      // ⌘-K, as on a Mac.
      await site.page.locator('body').click({ position: { x: 5, y: 300 } });
      expect(await site.page.evaluate('document.activeElement?.id')).not.toBe('site-search-q');
      await site.page.keyboard.press('Meta+k');
      expect(await site.page.evaluate('document.activeElement?.id')).toBe('site-search-q');

      await site.page.keyboard.type('Jassy');
      await site.page.keyboard.press('Enter');
      await site.page.waitForURL(/\/search\/\?q=Jassy$/u);
      await site.page.waitForSelector('li.pf-result a.pf-result-link');
      await expect.poll(() => site.page.evaluate(RESULTS_IN_VIEW_LOADED)).toBe(true);
      await site.page.locator('pagefind-input input').focus();
      await site.page.keyboard.press('ArrowDown');
      const focused = (await site.page.evaluate('document.activeElement?.getAttribute("href")')) as string;
      expect(focused).toMatch(/highlight=jassy/iu);
      // Pagefind shows focus on the result's card (a ring), not on the link itself.
      const ring = await site.page.evaluate(`(() => {
        const el = document.activeElement;
        const card = el.closest('.pf-result-card, .pf-heading-chip');
        return [getComputedStyle(el).outlineStyle, card ? getComputedStyle(card).boxShadow : 'none'];
      })()`);
      expect(ring).not.toEqual(['none', 'none']);
      await site.page.keyboard.press('Enter');
      await site.page.waitForURL((url) => /highlight=jassy/iu.test(url.href) && !url.pathname.startsWith('/search/'));
      expect(landing(site.page.url())).toBe(landing(focused));
    } finally {
      await site.close();
    }
  });

  it('narrows results with a filter', async ({ expect }) => {
    const site = await newPage(browser);
    try {
      const all = await results(site, 'Microsoft', expect);
      expect(all.length).toBeGreaterThan(3);
      await site.page.locator('details[data-filter-name="kind"] summary').click();
      await site.page.locator('details[data-filter-name="kind"] input[value="Explainer"]').check();
      // Results re-render (placeholders first): wait for the filtered links themselves.
      const links = () =>
        site.page
          .locator('li.pf-result a.pf-result-link')
          .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
      await expect
        .poll(
          async () => {
            const hrefs = await links();
            return hrefs.length > 0 && hrefs.length < all.length && hrefs.every((h) => h.startsWith('/explainers/'));
          },
          { timeout: 10_000 },
        )
        .toBe(true);
      const hrefs = await links();
      for (const href of hrefs) expect(href).toMatch(/^\/explainers\//u);
    } finally {
      await site.close();
    }
  });

  it('says plainly that search needs JavaScript when it is off', async () => {
    const site = await newPage(browser, { javaScriptEnabled: false });
    try {
      await visit(site, '/search/');
      const text = await site.page.locator('main').innerText();
      expect(text).toContain('Search runs in your browser and needs JavaScript');
      expect(await site.page.locator('main a[href="/sources/"]').first().isVisible()).toBe(true);
    } finally {
      await site.close();
    }
  });
});

describe.skipIf(!hasChromium)('the search page in every state', { concurrent: true }, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await connectBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`has no axe violations with results, sub-results and open filters (${colorScheme})`, async ({ expect }) => {
      const site = await newPage(browser, { colorScheme, axe: true });
      try {
        await results(site, 'Microsoft', expect);
        for (const group of await site.page.locator('details.pf-filter-group summary').all()) await group.click();
        await site.page.locator('details[data-filter-name="kind"] input[value="Source"]').check();
        await expect
          .poll(() => site.page.locator('li.pf-result a.pf-heading-link').count(), { timeout: 10_000 })
          .toBeGreaterThan(0);
        expect(await runAxe(site.page)).toEqual([]);
      } finally {
        await site.close();
      }
    });
  }

  it('says to run a build when there is no index (as in `astro dev`)', async () => {
    const site = await newPage(browser, { fresh: true }); // its route must not outlive it
    try {
      await site.context.route('**/pagefind/**', (route) => route.fulfill({ status: 404, body: 'Not found' }));
      await visit(site, '/search/?q=Jassy');
      const notice = site.page.locator('[data-search-unavailable]');
      await notice.waitFor({ state: 'visible' });
      expect(await notice.innerText()).toContain('npm run build');
      expect(await site.page.locator('[data-search]').isVisible()).toBe(false);
    } finally {
      await site.close();
    }
  });

  it('offers filters by kind, by source and by date as stated', async ({ expect }) => {
    const site = await newPage(browser);
    try {
      await results(site, 'Microsoft', expect);
      const groups = await site.page
        .locator('details.pf-filter-group')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-filter-name')));
      expect(groups).toEqual(expect.arrayContaining(['kind', 'source', 'date']));
      const dates = await site.page
        .locator('details[data-filter-name="date"] input')
        .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
      expect(dates).toEqual(expect.arrayContaining(['May 2, 2026', 'Not stated']));
    } finally {
      await site.close();
    }
  });
});
