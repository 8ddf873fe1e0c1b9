// axe-core on every built page, in the light and the dark colour scheme: zero violations.
// One test per page and scheme, so a failure names both; the message lists rule, impact,
// element and why (see runAxe in tests/support/browser.ts).
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allPagePaths } from '../support/site.ts';
import { hasChromium, launchBrowser, longestSource, newPage, runAxe, statusOf, visit } from '../support/browser.ts';
import { focusWalk, problemsIn } from '../support/keyboard.ts';

const paths = allPagePaths();
const longest = longestSource();
const copyable = longest.passages.filter((p) => !p.furniture);
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
      await visit(site, path, { status: statusOf(path) });
      expect(await site.page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(
        scheme === 'dark',
      );
      expect(await runAxe(site.page)).toEqual([]);
      expect(site.pageErrors).toEqual([]);
      expect(site.foreignRequests).toEqual([]);
    } finally {
      await site.close();
    }
  });

  // States the static scan does not see: a highlighted :target passage, Copy link buttons shown by
  // :target, hover and keyboard focus, and the status line and button after a copy.
  const target = copyable[Math.min(10, copyable.length - 1)] as (typeof copyable)[number];
  const hovered = copyable[0] as (typeof copyable)[number];
  const focused = copyable[1] as (typeof copyable)[number];

  /** Arrive at `target`, optionally copy its link, hover one passage and focus another's button. */
  async function interactiveState(scheme: 'light' | 'dark', copy: boolean) {
    const site = await newPage(browser, { colorScheme: scheme, permissions: ['clipboard-read', 'clipboard-write'] });
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

  it.each(['light', 'dark'] as const)(
    'the same page just after "Copy link" has no other axe violations (%s)',
    async (scheme) => {
      const site = await interactiveState(scheme, true);
      try {
        expect(await runAxe(site.page)).toEqual([]);
        // The "Copied" state (4 s) lasted through the scan.
        expect(await site.page.locator(`[id="${target.id}"] > button.copy-link > span:first-child`).textContent()).toBe(
          'Copied',
        );
      } finally {
        await site.close();
      }
    },
  );

  // WCAG 2.5.3 Label in Name: the button's visible words ("Copy link", then "Copied") start its name.
  it('just after "Copy link", the button\'s visible text is part of its accessible name', async () => {
    const site = await interactiveState('light', true);
    try {
      expect(await runAxe(site.page, { runOnly: ['label-content-name-mismatch'] })).toEqual([]);
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

  // Keyboard: from the top of the page, Tab reaches every control a pointer can reach, and each shows focus.
  it.each(paths)('Tab on %s reaches every link, button and field, each with visible focus', async (path) => {
    const site = await newPage(browser);
    try {
      await visit(site, path, { status: statusOf(path) });
      // Let script finish building what it builds (the search page's field and filters) before counting.
      await site.page.waitForLoadState('networkidle');
      if (path === '/search/') await site.page.waitForSelector('summary.pf-filter-group-title');
      // Every element that takes focus and can be seen, numbered (data-kb) so that focusWalk names it "[node N]"
      // however the page changes as focus moves (a citation preview fills in).
      const focusable = (await site.page.evaluate(`[...document.querySelectorAll(
        'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])')]
        .filter((el) => !el.disabled && el.checkVisibility({ opacityProperty: false, visibilityProperty: true }))
        .map((el, i) => { el.dataset.kb = String(i); return i; })`)) as number[];
      // Tab to the end of the page, then on round from the top: a page may start with focus in its
      // middle (the search page puts it in the search field).
      const atBody = (f: { element: string }) => f.element === 'body';
      const seen = [
        ...(await focusWalk(site.page, 'Tab', focusable.length + 20, atBody)),
        ...(await focusWalk(site.page, 'Tab', focusable.length + 20, atBody)),
      ];
      const reached = new Set(seen.map((f) => Number(/\[node (\d+)\]$/u.exec(f.element)?.[1])));
      const missed = focusable.filter((n) => !reached.has(n));
      expect(missed, `elements Tab never reached on ${path}`).toEqual([]);
      expect(problemsIn(seen.filter((f) => f.element !== 'body'))).toEqual([]);
    } finally {
      await site.close();
    }
  });
});
