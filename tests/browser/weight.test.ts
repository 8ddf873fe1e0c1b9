// The weight budgets as a browser sees them: every stylesheet and script a page really loads, including
// what script adds later (Pagefind's own stylesheet on the search page), gzipped from the built files.
// tests/build/budgets.test.ts checks what the HTML links; this checks what arrives.
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUDGET, gz } from '../support/budgets.ts';
import { fileForUrl } from '../support/site.ts';
import { hasChromium, connectBrowser, newPage, settle, visit } from '../support/browser.ts';

const gzFile = (path: string) => gz(readFileSync(fileForUrl(path) as string));

/** One page of each type; the search page with results on it, as a reader uses it. */
const PAGES: [path: string, reading: boolean][] = [
  ['/', true],
  ['/explainers/exclusivity/', true],
  ['/explainers/timeline/', true],
  ['/sources/non-exclusive-license-through-2032/', true],
  ['/claims/', true],
  ['/figures/', true],
  ['/search/?q=exclusivity', false],
  ['/404', false],
];

// Each test opens a page of its own: they run a few at a time.
describe.skipIf(!hasChromium)('what a page loads, in the browser', { concurrent: true }, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await connectBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(PAGES)('%s loads at most 10 kB of CSS (and a reading page 6 kB of JS up front)', async (path, reading) => {
    const site = await newPage(browser);
    try {
      await visit(site, path, { status: path === '/404' ? 404 : 200 });
      if (path.startsWith('/search/')) {
        await site.page.waitForSelector('li.pf-result');
      }
      await settle(site);
      const loaded = (ext: RegExp) =>
        [...new Set(site.requests.map((url) => new URL(url).pathname).filter((p) => ext.test(p)))].map(
          (p) => [p, gzFile(p)] as const,
        );
      const css = loaded(/\.css$/u);
      const cssSize = css.reduce((sum, [, n]) => sum + n, 0);
      expect(css.length).toBeGreaterThan(0);
      expect(cssSize, `CSS of ${path}: ${css.map(([p, n]) => `${p} ${n} B`).join(', ')}`).toBeLessThanOrEqual(
        BUDGET.css,
      );
      if (reading) {
        const js = loaded(/\.m?js$/u);
        const jsSize = js.reduce((sum, [, n]) => sum + n, 0);
        expect(jsSize, `JS of ${path}: ${js.map(([p, n]) => `${p} ${n} B`).join(', ')}`).toBeLessThanOrEqual(BUDGET.js);
      }
    } finally {
      await site.close();
    }
  });

  it('counts what script adds: the search page really loads Pagefind’s stylesheet', async () => {
    const site = await newPage(browser);
    try {
      await visit(site, '/search/?q=exclusivity');
      await site.page.waitForSelector('li.pf-result');
      expect(site.requests.some((url) => url.endsWith('/pagefind/pagefind-component-ui.css'))).toBe(true);
    } finally {
      await site.close();
    }
  });
});
