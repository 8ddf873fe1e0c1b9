// Printing an explainer: the article and its notes on paper, with every link's full address, and none
// of the screen's controls. Chromium with print media emulated.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SITE } from '../support/paths.ts';
import { hasChromium, connectBrowser, newPage, visit } from '../support/browser.ts';

describe.skipIf(!hasChromium)('printing', { concurrent: true }, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await connectBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const printed = (selector: string) => `(() => {
    const el = document.querySelector(${JSON.stringify(selector)});
    if (!el) return null;
    return { display: getComputedStyle(el).display, after: getComputedStyle(el, '::after').content };
  })()`;

  it.each(['/explainers/exclusivity/', '/explainers/timeline/'])(
    '%s prints its text and notes with full link addresses, without the site controls',
    async (path) => {
      const site = await newPage(browser);
      try {
        await visit(site, path);
        await site.page.emulateMedia({ media: 'print' });
        const { page } = site;
        for (const hidden of ['.site-header', '.site-footer', '.toc', '.skip-link']) {
          const style = (await page.evaluate(printed(hidden))) as { display: string } | null;
          expect(style?.display, hidden).toBe('none');
        }
        // The notes are printed, each with the passage's address.
        const note = (await page.evaluate(printed('.notes-list li a[data-print-url]'))) as {
          display: string;
          after: string;
        };
        expect(note.display).not.toBe('none');
        expect(note.after).toMatch(new RegExp(`^" <${SITE}sources/[a-z0-9-]+/#[a-z0-9-]+>"$`, 'u'));
        // A link in the prose prints its address too; a citation marker does not (its note does).
        const prose = path.includes('timeline')
          ? '.timeline-event__sources a'
          : '.explainer__body p > a[href^="/claims/"]';
        const link = (await page.evaluate(printed(prose))) as { after: string };
        expect(link.after).toMatch(new RegExp(`^" <${SITE}[^>]+>"$`, 'u'));
        expect(link.after).not.toContain(':~:');
        expect(((await page.evaluate(printed('sup.cite-ref a'))) as { after: string }).after).toBe('none');
      } finally {
        await site.close();
      }
    },
  );
});
