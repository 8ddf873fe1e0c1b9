// Walking a page with the keyboard in Chromium: what has focus after each key press, and whether a
// reader can see it (an indicator, in view, not under the sticky header).
//
// The keys are real (trusted) key events sent over the DevTools protocol, many at a time; the page notes
// what has focus as each key is released, when the browser has moved focus and scrolled it into view.
// One round trip per batch of keys instead of three per key: the walks cover every focus stop of every
// page, and were the largest part of the browser tests' time.
import type { CDPSession, Page } from 'playwright-core';
import { visit, type SitePage } from './browser.ts';

export type Focused = {
  element: string;
  what: string;
  indicator: boolean;
  visible: boolean;
  inView: boolean;
  clearOfHeader: boolean;
};

/**
 * Where a walk stops: an element matching a selector (that stop included). There is no "until focus leaves the
 * page": Tab past the last control moves focus out of the page, and a key sent after that (a batch sends
 * several) makes the browser bring focus back in at the top, unseen by the page. walkFromTop walks a whole page.
 */
export type Until = { selector: string };

type WalkState = { log: Focused[]; stopped: boolean; remove: () => void };
type WalkWindow = Window & { __focusWalk?: WalkState };

/** Keys sent before the page is asked how far the walk got. */
const BATCH = 64;

/**
 * Press `key` (Tab or Shift+Tab) `count` times, or until focus reaches `until` (that stop included), and
 * describe the focused element after each press. Keys sent after the stop are swallowed by the page, so
 * focus ends where the walk stopped.
 */
export async function focusWalk(
  page: Page,
  key: 'Tab' | 'Shift+Tab',
  count: number,
  until?: Until,
): Promise<Focused[]> {
  await page.evaluate(installRecorder, until?.selector ?? null);
  const session = await page.context().newCDPSession(page);
  try {
    let sent = 0;
    while (sent < count) {
      const n = Math.min(BATCH, count - sent);
      await pressMany(session, key, n);
      sent += n;
      const { recorded, stopped } = await page.evaluate(() => {
        const state = (window as WalkWindow).__focusWalk as WalkState;
        return { recorded: state.log.length, stopped: state.stopped };
      });
      if (stopped) break;
      if (recorded !== sent) {
        throw new Error(`focusWalk: ${sent} ${key} presses sent, but the page saw ${recorded} (did it navigate away?)`);
      }
    }
    return await page.evaluate(() => {
      const state = (window as WalkWindow).__focusWalk as WalkState;
      state.remove();
      return state.log;
    });
  } finally {
    await session.detach().catch(() => undefined);
  }
}

/** What walkFromTop records for the stop after the page's last control, where a reader's Tab leaves the page. */
export const END_OF_PAGE = 'end of page';

/**
 * From the top of the page, as a reader arriving at it: Tab through every control until focus would leave the
 * page. The last entry is END_OF_PAGE unless the walk ran out of presses first (focus trapped, or `count`
 * too small). A focus point before the first control and a catch after the last are added for the walk and
 * removed after it: focus never leaves the page, so batched keys cannot bring it back in behind the walk.
 */
export async function walkFromTop(page: Page, count: number): Promise<Focused[]> {
  await page.evaluate(() => {
    const start = document.createElement('span');
    start.tabIndex = -1;
    start.dataset['focusWalkStart'] = '';
    const end = document.createElement('span');
    end.tabIndex = 0;
    end.dataset['focusWalkEnd'] = '';
    document.body.prepend(start);
    document.body.append(end);
    start.focus({ preventScroll: true });
  });
  try {
    return await focusWalk(page, 'Tab', count, { selector: '[data-focus-walk-end]' });
  } finally {
    await page.evaluate(() => {
      for (const el of document.querySelectorAll('[data-focus-walk-start], [data-focus-walk-end]')) el.remove();
    });
  }
}

/** Send `n` presses of the key without waiting for each: the browser handles them in order. */
async function pressMany(session: CDPSession, key: 'Tab' | 'Shift+Tab', n: number): Promise<void> {
  // As Playwright sends Tab: a raw key down (no text) and a key up; Shift as a modifier (8).
  const common = { key: 'Tab', code: 'Tab', windowsVirtualKeyCode: 9, modifiers: key === 'Shift+Tab' ? 8 : 0 };
  const sends: Promise<unknown>[] = [];
  for (let i = 0; i < n; i++) {
    sends.push(session.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...common }));
    sends.push(session.send('Input.dispatchKeyEvent', { type: 'keyUp', ...common }));
  }
  await Promise.all(sends);
}

/**
 * In the page: on every Tab released, describe what has focus; once `until` has focus, swallow further Tabs.
 * Runs in the browser, so it is self-contained.
 */
function installRecorder(until: string | null): void {
  const w = window as WalkWindow;
  w.__focusWalk?.remove();
  const log: Focused[] = [];
  const describe = (): Focused => {
    const el = document.activeElement as HTMLElement | null;
    if (el?.hasAttribute('data-focus-walk-end'))
      return { element: 'end of page', what: 'end of page', indicator: true, visible: true, inView: true, clearOfHeader: true };
    if (!el || el === document.body)
      return { element: 'body', what: 'body', indicator: false, visible: false, inView: false, clearOfHeader: false };
    const s = getComputedStyle(el);
    const transparent = /^(?:transparent|rgba\(\d+, \d+, \d+, 0\))$/u;
    const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 && !transparent.test(s.outlineColor);
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
  };
  const state: WalkState = {
    log,
    stopped: false,
    remove: () => {
      window.removeEventListener('keydown', onKeyDown, true);
      window.removeEventListener('keyup', onKeyUp, true);
    },
  };
  // Capturing on the window: the walk sees each key before any of the page's own handlers.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Tab' || !state.stopped) return;
    event.preventDefault();
    event.stopImmediatePropagation();
  };
  // On release, focus has moved and the browser has scrolled it into view.
  const onKeyUp = (event: KeyboardEvent) => {
    if (event.key !== 'Tab' || state.stopped) return;
    const focused = describe();
    log.push(focused);
    const el = document.activeElement;
    if (until !== null && el?.matches(until)) state.stopped = true;
  };
  window.addEventListener('keydown', onKeyDown, true);
  window.addEventListener('keyup', onKeyUp, true);
  w.__focusWalk = state;
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
  return focusWalk(page, 'Shift+Tab', 800, { selector: 'a.skip-link' });
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
