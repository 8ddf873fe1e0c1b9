// Walking a page with the keyboard in Chromium: what has focus after each key press, and whether a
// reader can see it (an indicator, in view, not under the sticky header).
import type { Page } from 'playwright-core';
import { visit, type SitePage } from './browser.ts';

export type Focused = {
  element: string;
  what: string;
  indicator: boolean;
  visible: boolean;
  inView: boolean;
  clearOfHeader: boolean;
};

/** Press `key` `count` times (or until `stop`) and describe the focused element after each press. */
export async function focusWalk(
  page: Page,
  key: string,
  count: number,
  stop?: (f: Focused) => boolean,
): Promise<Focused[]> {
  const seen: Focused[] = [];
  for (let i = 0; i < count && !(stop && seen.length > 0 && stop(seen.at(-1) as Focused)); i++) {
    await page.keyboard.press(key);
    seen.push(
      await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body)
          return {
            element: 'body',
            what: 'body',
            indicator: false,
            visible: false,
            inView: false,
            clearOfHeader: false,
          };
        const s = getComputedStyle(el);
        const transparent = /^(?:transparent|rgba\(\d+, \d+, \d+, 0\))$/u;
        const outline =
          s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 && !transparent.test(s.outlineColor);
        const shadow = s.boxShadow !== 'none' && s.boxShadow !== '';
        const r = el.getBoundingClientRect();
        const header = document.querySelector('.site-header');
        const inHeader = Boolean(header?.contains(el)) || el.classList.contains('skip-link');
        const headerBottom = header?.getBoundingClientRect().bottom ?? 0;
        const label = el.getAttribute('aria-label') ?? (el.textContent ?? '').replace(/\s+/gu, ' ').trim().slice(0, 40);
        const where = el.closest('[id]')?.id ?? '';
        // A test may number the elements it expects (data-kb); otherwise the element's place in the document.
        const position = el.dataset['kb'] ?? [...document.querySelectorAll('*')].indexOf(el);
        const element = `${el.tagName.toLowerCase()}.${el.className} "${label}" in #${where} [node ${position}]`;
        return {
          element,
          what: `${element} (top ${Math.round(r.top)}, header bottom ${Math.round(headerBottom)})`,
          indicator: outline || shadow,
          visible: el.checkVisibility({ opacityProperty: true, visibilityProperty: true }),
          inView: r.bottom > 0 && r.top < window.innerHeight && r.width > 0 && r.height > 0,
          // Not hidden behind the sticky header (WCAG 2.2 SC 2.4.11): some of it shows below it.
          clearOfHeader: inHeader || r.bottom > headerBottom + 1,
        };
      }),
    );
  }
  return seen;
}

/** Open `path`, then from the last link in the footer, Shift+Tab until the skip link has focus. */
export async function walkBackUp(site: SitePage, path: string): Promise<Focused[]> {
  await visit(site, path);
  return walkBackUpFromFooter(site.page);
}

/** On a page already open: from the last link in the footer, Shift+Tab until the skip link has focus. */
export async function walkBackUpFromFooter(page: Page): Promise<Focused[]> {
  await page.locator('.site-footer a').last().focus();
  // A bound, not a target: the longest source page has about 350 focus stops (¶ link, Copy, Quote, "Cited in" links).
  return focusWalk(page, 'Shift+Tab', 800, (f) => f.what.startsWith('a.skip-link'));
}

/** One readable line per focus stop that is not plainly visible with its focus indicator. */
export function problemsIn(seen: Focused[]): string[] {
  return seen.flatMap((s) => {
    const wrong = [
      s.indicator ? '' : 'no focus indicator (outline or box-shadow)',
      s.visible ? '' : 'hidden (display, visibility or opacity)',
      s.inView ? '' : 'outside the viewport',
      s.clearOfHeader ? '' : 'under the sticky header',
    ].filter(Boolean);
    return wrong.length > 0 ? [`${s.what}: ${wrong.join(', ')}`] : [];
  });
}
