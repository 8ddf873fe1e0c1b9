import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, connectBrowser, newPage, runAxe, settle, visit } from '../support/browser.ts';

// Each test opens a page of its own: they run a few at a time.
describe.skipIf(!hasChromium)('citations in the browser', { concurrent: true }, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await connectBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const javaScriptEnabled of [true, false]) {
    it(`following a citation lands on the highlighted passage (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const site = await newPage(browser, { javaScriptEnabled });
      try {
        await visit(site, '/explainers/exclusivity/');
        const marker = site.page.locator('sup.cite-ref a').nth(4);
        const href = (await marker.getAttribute('href')) as string;
        const id = href.split('#')[1]?.split(':~:')[0] as string;
        await marker.click();
        await site.page.waitForURL((url) => url.pathname === href.split('#')[0]);
        await settle(site);
        const target = site.page.locator(`[id="${id}"]`);
        // The browser scrolled to the quoted words (text fragment), inside the cited passage.
        const box = await target.boundingBox();
        const header = await site.page.locator('.site-header').boundingBox();
        expect(box && header && box.y >= header.y + header.height - 1).toBe(true);
        expect(box && box.y < 720).toBe(true);
        if (javaScriptEnabled) {
          // With a text fragment the element is not :target; the page marks the passage itself.
          const [background, edge] = await target.evaluate((el) => [
            getComputedStyle(el).backgroundColor,
            getComputedStyle(el).borderLeftColor,
          ]);
          expect(await target.evaluate((el) => el.matches(':target, .is-targeted'))).toBe(true);
          expect(background).not.toBe('rgba(0, 0, 0, 0)');
          expect(edge).not.toBe('rgba(0, 0, 0, 0)');
        }
      } finally {
        await site.close();
      }
    });
  }

  it.for(['light', 'dark'] as const)(
    'an open preview card has no axe violations (%s)',
    async (colorScheme, { expect }) => {
      const site = await newPage(browser, { colorScheme, axe: true });
      try {
        await visit(site, '/explainers/exclusivity/');
        const marker = site.page.locator('sup.cite-ref a').nth(2);
        await marker.focus();
        const card = site.page.locator('#cite-preview');
        await card.waitFor({ state: 'visible' });
        await expect.poll(() => card.locator('mark').count(), { timeout: 10_000 }).toBeGreaterThan(0);
        expect(await runAxe(site.page)).toEqual([]);
      } finally {
        await site.close();
      }
    },
  );

  it('previews the cited passage on hover, with the quote marked, and Esc closes it', async ({ expect }) => {
    const site = await newPage(browser);
    try {
      await visit(site, '/explainers/financial-terms/');
      const marker = site.page.locator('sup.cite-ref a').first();
      const note = await marker.getAttribute('data-note');
      const quote = (await site.page.locator(`#note-${note} q`).textContent())?.trim() as string;
      await marker.hover();
      const card = site.page.locator('#cite-preview');
      await card.waitFor({ state: 'visible' });
      await expect.poll(() => card.locator('mark').textContent(), { timeout: 10_000 }).toBe(quote);
      expect(await card.locator('.cite-preview__source').textContent()).toMatch(/ · ¶ \d+$/u);
      expect(await marker.getAttribute('aria-describedby')).toBe('cite-preview');

      // The pointer can move onto the card without it disappearing (WCAG 1.4.13 hoverable).
      await card.hover();
      await site.page.waitForTimeout(500);
      expect(await card.isVisible()).toBe(true);

      await site.page.keyboard.press('Escape');
      expect(await card.isVisible()).toBe(false);
      expect(site.foreignRequests).toEqual([]);
    } finally {
      await site.close();
    }
  });

  it('previews on keyboard focus, stays while focused, and closes on Esc', async () => {
    const site = await newPage(browser);
    try {
      await visit(site, '/explainers/timeline/');
      const marker = site.page.locator('sup.cite-ref a').nth(2);
      await marker.focus();
      const card = site.page.locator('#cite-preview');
      await card.waitFor({ state: 'visible' });
      await site.page.waitForTimeout(600);
      expect(await card.isVisible()).toBe(true);
      expect(await card.locator('p').nth(1).textContent()).not.toBe('Loading the passage…');
      await site.page.keyboard.press('Escape');
      expect(await card.isVisible()).toBe(false);
      // Focus stays on the marker, so the reader can go on.
      expect(await site.page.evaluate('document.activeElement?.closest("sup")?.className')).toBe('cite-ref');
    } finally {
      await site.close();
    }
  });

  it('previews on the first tap and follows the link on the second', async () => {
    const site = await newPage(browser, { viewport: { width: 390, height: 844 } });
    const page = site.page;
    try {
      await visit(site, '/explainers/exclusivity/');
      const marker = page.locator('sup.cite-ref a').first();
      await marker.scrollIntoViewIfNeeded();
      const href = (await marker.getAttribute('href')) as string;
      // A touch tap: pointer events with pointerType "touch", then a click.
      const tap = () =>
        marker.evaluate((el) => {
          const init = { bubbles: true, cancelable: true, pointerType: 'touch', isPrimary: true } as PointerEventInit;
          el.dispatchEvent(new PointerEvent('pointerdown', init));
          el.dispatchEvent(new PointerEvent('pointerup', init));
          el.dispatchEvent(new PointerEvent('click', init));
        });
      await tap();
      await page.locator('#cite-preview').waitFor({ state: 'visible' });
      expect(new URL(page.url()).pathname).toBe('/explainers/exclusivity/');
      await tap();
      await page.waitForURL((url) => url.pathname === href.split('#')[0]);
    } finally {
      await site.close();
    }
  });
});
