import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, connectBrowser, newPage, runAxe, siteUrl, visit, type SitePage } from '../support/browser.ts';

type ClaimCell = { source: string; status: 'states' | 'differs' | 'silent' | 'unreviewed' };
type ClaimData = { id: string; claim: string; sources: ClaimCell[] };

const LABEL = 'Show only claims where the sources differ';
const fold = (s: string) => s.replace(/\s+/gu, ' ').trim();

/** The ledger as the site exports it: the oracle for which rows the filter keeps. */
async function exportedClaims(page: Page): Promise<ClaimData[]> {
  const response = await page.request.get(siteUrl('/data/claims.json'));
  expect(response.status()).toBe(200);
  return ((await response.json()) as { claims: ClaimData[] }).claims;
}
const differs = (claim: ClaimData) => claim.sources.some((s) => s.status === 'differs');

/** The claim ids of the matrix rows a reader can see, read from each row header's link, in order. */
async function visibleRowIds(page: Page): Promise<string[]> {
  return page
    .locator('.claims-table tbody tr')
    .evaluateAll((rows) =>
      rows
        .filter((row) => row.getClientRects().length > 0 && getComputedStyle(row).visibility !== 'hidden')
        .map((row) => (row.querySelector('th[scope="row"] a')?.getAttribute('href') ?? '').replace(/^#/u, '')),
    );
}

/** The row headers assistive technology is told about (found by role, so hidden rows drop out), as text. */
async function rowHeadersInTheAccessibilityTree(page: Page): Promise<string[]> {
  const table = page.getByRole('table', { name: 'Claims (rows) and what each source (columns) says of them' });
  // One query of the accessibility tree for all of them (each role query computes it afresh).
  return (await table.getByRole('rowheader').allTextContents()).map(fold);
}

/** Press Tab from the top of the page until the filter has focus; fail if the page runs out first. */
async function tabToFilter(site: SitePage): Promise<number> {
  const { page } = site;
  await page.evaluate('document.activeElement?.blur(); window.scrollTo(0, 0)');
  for (let presses = 1; presses <= 80; presses++) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate('document.activeElement?.id ?? ""');
    if (id === 'differ-only') return presses;
    // Past the matrix without meeting the filter: the control is not in the tab order where it should be.
    const inTable = await page.evaluate('Boolean(document.activeElement?.closest(".claims-table"))');
    if (inTable) throw new Error(`Tab reached the matrix before the filter (after ${presses} presses)`);
  }
  throw new Error('80 presses of Tab never reached the "only where sources differ" filter');
}

// Each test opens a page of its own: they run a few at a time.
describe.skipIf(!hasChromium)('the claims matrix in the browser', { concurrent: true }, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await connectBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('filters to the claims where sources differ by keyboard alone, says so, and restores every row', async ({
    expect,
  }) => {
    const site = await newPage(browser);
    const { page } = site;
    try {
      await visit(site, '/claims/');
      const claims = await exportedClaims(page);
      const all = claims.map((c) => c.id);
      const differing = claims.filter(differs).map((c) => c.id);
      // The filter has something to do, and something to keep.
      expect(differing.length).toBeGreaterThan(0);
      expect(differing.length).toBeLessThan(all.length);
      expect(await visibleRowIds(page)).toEqual(all);

      const checkbox = page.getByRole('checkbox', { name: LABEL });
      expect(await checkbox.isVisible()).toBe(true);
      expect(await checkbox.isChecked()).toBe(false);
      const status = page.locator('[data-claims-count]');
      expect(await status.getAttribute('role')).toBe('status');
      expect(fold((await status.textContent()) ?? '')).toBe(`Showing all ${all.length} claims.`);

      await tabToFilter(site);
      // Focus is visible on the control: it matches :focus-visible and draws a real outline.
      const ring = await checkbox.evaluate((el) => {
        const style = getComputedStyle(el);
        return {
          focusVisible: el.matches(':focus-visible'),
          style: style.outlineStyle,
          width: Number.parseFloat(style.outlineWidth),
          color: style.outlineColor,
        };
      });
      expect(ring.focusVisible).toBe(true);
      expect(ring.style).not.toBe('none');
      expect(ring.width).toBeGreaterThanOrEqual(2);
      expect(ring.color).not.toMatch(/^(?:transparent|rgba\(\d+, \d+, \d+, 0\))$/u);

      await page.keyboard.press('Space');
      expect(await checkbox.isChecked()).toBe(true);
      await expect.poll(() => visibleRowIds(page)).toEqual(differing);
      // What is announced (a polite status) and what the accessibility tree holds agree with what is seen.
      expect(fold((await status.textContent()) ?? '')).toBe(`Showing ${differing.length} of ${all.length} claims.`);
      expect(await rowHeadersInTheAccessibilityTree(page)).toHaveLength(differing.length);
      for (const [i, name] of (await rowHeadersInTheAccessibilityTree(page)).entries()) {
        const claim = claims.find((c) => c.id === differing[i]) as ClaimData;
        expect(name.startsWith(fold(claim.claim)), name).toBe(true);
        expect(name).toContain('Sources differ');
      }
      // Focus stays on the control, so the reader can toggle straight back.
      expect(await page.evaluate('document.activeElement?.id')).toBe('differ-only');

      await page.keyboard.press('Space');
      expect(await checkbox.isChecked()).toBe(false);
      await expect.poll(() => visibleRowIds(page)).toEqual(all);
      expect(fold((await status.textContent()) ?? '')).toBe(`Showing all ${all.length} claims.`);
      expect(await rowHeadersInTheAccessibilityTree(page)).toHaveLength(all.length);

      expect(site.pageErrors).toEqual([]);
      expect(site.foreignRequests).toEqual([]);
    } finally {
      await site.close();
    }
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`reads correctly to axe in the ${colorScheme} scheme, with the filter off and on`, async ({ expect }) => {
      const site = await newPage(browser, { colorScheme, axe: true });
      const { page } = site;
      try {
        await visit(site, '/claims/');
        expect(await runAxe(page)).toEqual([]);
        await tabToFilter(site);
        await page.keyboard.press('Space');
        await expect.poll(() => page.locator('#differ-only').isChecked()).toBe(true);
        // The filter really is on while axe looks: fewer rows than the ledger has.
        const shown = (await visibleRowIds(page)).length;
        expect(shown).toBeLessThan(await page.locator('.claims-table tbody tr').count());
        expect(await runAxe(page)).toEqual([]);
      } finally {
        await site.close();
      }
    });
  }

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`marks differences with colour as well as words, and sets a claim's quotes side by side (${colorScheme})`, async () => {
      const site = await newPage(browser, { colorScheme });
      const { page } = site;
      try {
        await visit(site, '/claims/');
        const background = (selector: string) =>
          page
            .locator(selector)
            .first()
            .evaluate((el) => getComputedStyle(el).backgroundColor);
        const [states, differing, silent] = await Promise.all([
          background('td.cell--states'),
          background('td.cell--differs'),
          background('td.cell--silent'),
        ]);
        expect(differing).not.toBe(states);
        expect(differing).not.toBe(silent);
        expect(fold((await page.locator('td.cell--differs').first().innerText()) ?? '')).toContain('Differs');

        // On a wide screen, two sources' quotes on one claim stand next to each other.
        const quotes = page.locator('section.claim').first().locator('li.claim-quote');
        expect(await quotes.count()).toBeGreaterThanOrEqual(2);
        const [a, b] = [await quotes.nth(0).boundingBox(), await quotes.nth(1).boundingBox()];
        expect(a && b && Math.abs(a.y - b.y) < 1).toBe(true);
        expect(a && b && b.x >= a.x + a.width).toBe(true);
      } finally {
        await site.close();
      }
    });
  }

  it('without JavaScript shows every row and offers no filter that cannot work', async () => {
    const site = await newPage(browser, { javaScriptEnabled: false });
    const { page } = site;
    try {
      await visit(site, '/claims/');
      const claims = await exportedClaims(page);
      expect(await visibleRowIds(page)).toEqual(claims.map((c) => c.id));
      expect(await rowHeadersInTheAccessibilityTree(page)).toHaveLength(claims.length);
      // The control and its label are neither shown nor exposed, so no reader tries an inert switch.
      expect(await page.locator('#differ-only').isVisible()).toBe(false);
      expect(await page.getByText(LABEL).isVisible()).toBe(false);
      expect(await page.getByRole('checkbox').count()).toBe(0);
      // Nor is it in the tab order: Tab goes from the page's links straight into the matrix.
      let reachedMatrix = false;
      for (let presses = 0; presses < 80 && !reachedMatrix; presses++) {
        await page.keyboard.press('Tab');
        expect(await page.evaluate('document.activeElement?.id ?? ""')).not.toBe('differ-only');
        reachedMatrix = await page.evaluate('Boolean(document.activeElement?.closest(".table-scroll"))');
      }
      expect(reachedMatrix).toBe(true);
      // No empty live count either: the status line stays hidden with the control.
      expect(await page.locator('[data-claims-count]').isVisible()).toBe(false);
    } finally {
      await site.close();
    }
  });
});
