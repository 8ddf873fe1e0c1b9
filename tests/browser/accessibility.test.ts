// axe-core on every built page, in the light and the dark colour scheme: zero violations.
// One test per page and scheme, so a failure names both; the message lists rule, impact,
// element and why (see runAxe in tests/support/browser.ts).
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allPagePaths } from '../support/site.ts';
import { hasChromium, launchBrowser, newPage, runAxe, visit } from '../support/browser.ts';

const paths = allPagePaths();
const cases = paths.flatMap((path) => (['light', 'dark'] as const).map((scheme) => ({ path, scheme })));

describe.skipIf(!hasChromium)('accessibility (axe-core)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('found the built pages', () => {
    expect(paths).toContain('/');
    expect(paths.filter((p) => p.startsWith('/sources/')).length).toBeGreaterThanOrEqual(6);
  });

  it.each(cases)('$path has no axe violations ($scheme)', async ({ path, scheme }) => {
    const site = await newPage(browser, { colorScheme: scheme });
    try {
      await site.page.emulateMedia({ colorScheme: scheme });
      await visit(site, path);
      expect(await site.page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(scheme === 'dark');
      expect(await runAxe(site.page)).toEqual([]);
      expect(site.pageErrors).toEqual([]);
      expect(site.foreignRequests).toEqual([]);
    } finally {
      await site.close();
    }
  });

  it('runAxe reports a violation it is shown', async () => {
    // The check above can fail: a page with an unlabelled image and a low-contrast line is caught.
    const site = await newPage(browser);
    try {
      await visit(site, '/');
      await site.page.evaluate(() => {
        const img = document.createElement('img');
        img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
        const p = document.createElement('p');
        p.textContent = 'faint text';
        p.style.color = '#eeeeee';
        p.style.background = '#ffffff';
        document.getElementById('main')?.append(img, p);
      });
      const report = (await runAxe(site.page)).join('\n');
      expect(report).toMatch(/^image-alt \(critical\)/mu);
      expect(report).toMatch(/^color-contrast \(serious\)/mu);
      expect(report).toContain('<p style="color: rgb(238, 238, 238)');
    } finally {
      await site.close();
    }
  });
});
