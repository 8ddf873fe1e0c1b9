// axe-core on every built page, in the light and the dark colour scheme: zero violations; and Tab reaches every
// control on every page, each with visible focus. One test per page and scheme, so a failure names both; the
// message lists rule, impact, element and why (see runAxe in tests/support/browser.ts). Pages are checked a few
// at a time; on each, axe looks at the freshly loaded page in the light scheme, then the keyboard walks it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allPagePaths } from '../support/site.ts';
import {
  closeChecked,
  connectBrowser,
  hasChromium,
  longestSource,
  newPage,
  runAxe,
  statusOf,
  visit,
  type AxeRunOptions,
  type SitePage,
} from '../support/browser.ts';
import { END_OF_PAGE, problemsIn, walkFromTop } from '../support/keyboard.ts';
import { DIST } from '../support/paths.ts';

const paths = allPagePaths();
const longest = longestSource();
const copyable = longest.passages.filter((p) => !p.furniture);

describe.skipIf(!hasChromium)('accessibility (axe-core)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await connectBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('found the built pages', () => {
    expect(paths).toContain('/');
    expect(paths.filter((p) => p.startsWith('/sources/')).length).toBeGreaterThanOrEqual(6);
  });

  it('dark mode is CSS alone: no script the site ships reads the colour scheme (so axe may switch a loaded page)', () => {
    const scripts = readdirSync(DIST, { recursive: true, encoding: 'utf8' }).filter((f) => /\.m?js$/u.test(f));
    expect(scripts.length).toBeGreaterThan(0);
    const reading = scripts.filter((f) => /prefers-color-scheme|matchMedia/u.test(readFileSync(join(DIST, f), 'utf8')));
    expect(reading).toEqual([]);
  });

  /** A freshly loaded page in this colour scheme, axe-core already in it. */
  async function opened(path: string, scheme: 'light' | 'dark'): Promise<SitePage> {
    const site = await newPage(browser, { colorScheme: scheme, axe: true });
    await site.page.emulateMedia({ colorScheme: scheme });
    await visit(site, path, { status: statusOf(path) });
    return site;
  }

  async function expectNoAxeViolations(site: SitePage, scheme: 'light' | 'dark'): Promise<void> {
    expect(await site.page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(scheme === 'dark');
    expect(await runAxe(site.page)).toEqual([]);
    expect(site.pageErrors).toEqual([]);
    expect(site.foreignRequests).toEqual([]);
  }

  // Each page is a suite of its own; the suites run a few at a time, the tests in one in order.
  describe.for(paths)('%s', { concurrent: true }, (path) => {
    // One load of the page serves axe in both schemes, then the keyboard walk (which then scrolls back to the
    // top, where a reader starts): two navigations fewer per page. Each test opens it if it is the first.
    let light: Promise<SitePage> | undefined;
    const lightPage = () => (light ??= opened(path, 'light'));
    afterAll(async () => {
      if (light) await closeChecked(await light);
    });

    it('has no axe violations (light)', { concurrent: false }, async () => {
      await expectNoAxeViolations(await lightPage(), 'light');
    });

    // The same load in the dark scheme: the site's dark mode is CSS alone (no script reads the scheme), so the page
    // switched to it is the page a reader in dark mode loads. Back to light for the keyboard walk.
    it('has no axe violations (dark)', { concurrent: false }, async () => {
      const site = await lightPage();
      await site.page.emulateMedia({ colorScheme: 'dark' });
      try {
        await expectNoAxeViolations(site, 'dark');
      } finally {
        await site.page.emulateMedia({ colorScheme: 'light' });
      }
    });

    // Keyboard: from the top of the page, Tab reaches every control a pointer can reach, and each shows focus.
    it('Tab reaches every link, button and field, each with visible focus', { concurrent: false }, async () => {
      const site = await lightPage();
      await site.page.evaluate(() => window.scrollTo(0, 0));
      // Let script finish building what it builds (the search page's field and filters) before counting.
      await site.page.waitForLoadState('networkidle');
      if (path === '/search/') await site.page.waitForSelector('summary.pf-filter-group-title');
      // Every element that takes focus and can be seen, numbered (data-kb) so that focusWalk names it "[node N]"
      // however the page changes as focus moves (a citation preview fills in).
      const focusable = (await site.page.evaluate(`[...document.querySelectorAll(
        'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])')]
        .filter((el) => !el.disabled && el.checkVisibility({ opacityProperty: false, visibilityProperty: true }))
        .map((el, i) => { el.dataset.kb = String(i); return i; })`)) as number[];
      // From the top, as a reader arriving (the search page puts focus in its field; a reader there reaches the
      // rest by Tab past the end and back in at the top: the same stops), to where Tab leaves the page.
      const seen = await walkFromTop(site.page, focusable.length + 20);
      const reached = new Set(seen.map((f) => Number(/\[node (\d+)\]$/u.exec(f.element)?.[1])));
      const missed = focusable.filter((n) => !reached.has(n));
      expect(missed, `elements Tab never reached on ${path}`).toEqual([]);
      expect(seen.at(-1)?.element, `Tab never left ${path} (focus trapped?)`).toBe(END_OF_PAGE);
      expect(problemsIn(seen.slice(0, -1))).toEqual([]);
    });
  });

  // States the static scan does not see: a highlighted :target passage, Copy link buttons shown by
  // :target, hover and keyboard focus, and the status line and button after a copy.
  const target = copyable[Math.min(10, copyable.length - 1)] as (typeof copyable)[number];
  const hovered = copyable[0] as (typeof copyable)[number];
  const focused = copyable[1] as (typeof copyable)[number];

  /** Arrive at `target`, optionally copy its link, hover one passage and focus another's button. */
  async function interactiveState(scheme: 'light' | 'dark', copy: boolean) {
    const site = await newPage(browser, {
      colorScheme: scheme,
      permissions: ['clipboard-read', 'clipboard-write'],
      axe: true,
    });
    await visit(site, `${longest.path}#${target.id}`);
    const { page } = site;
    if (copy) {
      await page.locator(`[id="${target.id}"] > button.copy-link`).click();
      await expect.poll(() => page.locator('[data-copy-status]').textContent()).toMatch(/^Link copied: /u);
      expect(await page.locator(`[id="${target.id}"] > button.copy-link > span:first-child`).textContent()).toBe(
        'Copied',
      );
    }
    await page.hover(`[id="${hovered.id}"]`);
    // Focus by keyboard (a programmatic focus after a mouse click would not match :focus-visible).
    await page.locator(`[id="${focused.id}"] > a.permalink`).focus();
    await page.keyboard.press('Tab');
    expect(
      await page.evaluate(
        () => document.activeElement?.closest('.passage')?.id + ' ' + document.activeElement?.className,
      ),
    ).toBe(`${focused.id} copy-link`);
    const opacities = await page.evaluate(
      (ids) =>
        ids.map((id) => getComputedStyle(document.querySelector(`[id="${id}"] > .copy-link`) as Element).opacity),
      [target.id, hovered.id, focused.id],
    );
    expect(opacities, 'the Copy link buttons axe checks are actually shown').toEqual(['1', '1', '1']);
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe(target.id);
    return site;
  }

  it('picked three different passages for the interactive states', () => {
    expect(new Set([target.id, hovered.id, focused.id]).size).toBe(3);
  });

  it.each(['light', 'dark'] as const)(
    'a source page with a highlighted passage and visible Copy link buttons has no axe violations (%s)',
    async (scheme) => {
      const site = await interactiveState(scheme, false);
      try {
        expect(await runAxe(site.page)).toEqual([]);
        expect(site.foreignRequests).toEqual([]);
      } finally {
        await site.close();
      }
    },
  );

  /**
   * axe on the page just after "Copy link", while the button says "Copied". That state lasts 4 s; on a loaded
   * machine a scan can outlast it and so have looked at the page after it: such a scan does not count, and the
   * whole sequence runs again, up to three times. A violation found on the way fails at once.
   */
  async function axeWhileCopied(scheme: 'light' | 'dark', options?: AxeRunOptions): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const site = await interactiveState(scheme, true);
      try {
        expect(await runAxe(site.page, options)).toEqual([]);
        const shown = await site.page
          .locator(`[id="${target.id}"] > button.copy-link > span:first-child`)
          .textContent();
        if (shown === 'Copied' || attempt === 3) {
          expect(shown, 'the "Copied" state (4 s) lasted through the scan (in one of three tries)').toBe('Copied');
          return;
        }
      } finally {
        await site.close();
      }
    }
  }

  it.each(['light', 'dark'] as const)(
    'the same page just after "Copy link" has no other axe violations (%s)',
    async (scheme) => {
      await axeWhileCopied(scheme);
    },
  );

  // WCAG 2.5.3 Label in Name: the button's visible words ("Copy link", then "Copied") start its name.
  it('just after "Copy link", the button\'s visible text is part of its accessible name', async () => {
    await axeWhileCopied('light', { runOnly: ['label-content-name-mismatch'] });
  });

  it('runAxe reports a violation it is shown', async () => {
    // The check above can fail: a page with an unlabelled image and a low-contrast line is caught, by axe-core
    // loaded as every check here loads it.
    const site = await newPage(browser, { axe: true });
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
