// Source pages in a real browser: arriving at a passage, the no-script permalinks, "Copy link",
// keyboard focus, and that nothing is fetched from anywhere but the site itself.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allPagePaths } from '../support/site.ts';
import {
  baseUrl,
  builtSources,
  hasChromium,
  connectBrowser,
  launchBrowser,
  longestSource,
  newPage,
  pageFor,
  settle,
  sharedPage,
  siteUrl,
  statusOf,
  visit,
  type BuiltPassage,
  type BuiltSource,
} from '../support/browser.ts';
import { focusWalk, problemsIn, walkBackUp, walkBackUpFromFooter } from '../support/keyboard.ts';

// ── What to test, read from the real build at collection time ──────────────────────────────

const sources = builtSources();
const longest = longestSource(sources);
/** Its 15th passage: far enough down that arriving at it means scrolling past the sticky header. */
const far = longest.passages[Math.min(14, longest.passages.length - 1)] as BuiltPassage;
/** Another passage, far from it, to compare styles with. */
const near =
  longest.passages.find((p) => p.id !== far.id && p.furniture === far.furniture) ??
  (longest.passages[0] as BuiltPassage);

// ── Measurements taken in the page ─────────────────────────────────────────────────────────

type Placement = {
  targetId: string | null;
  matchesTarget: boolean;
  top: number;
  bottom: number;
  headerTop: number;
  viewportWidth: number;
  headerBottom: number;
  viewportHeight: number;
  scrollY: number;
  documentTop: number;
  background: string;
  otherBackground: string;
  edge: string;
  otherEdge: string;
  dark: boolean;
};

function placement(page: Page, id: string, otherId: string): Promise<Placement> {
  return page.evaluate(
    ([targetId, other]) => {
      const el = document.getElementById(targetId);
      const cmp = document.getElementById(other);
      const header = document.querySelector('.site-header');
      if (!el || !cmp || !header) throw new Error(`missing #${targetId}, #${other} or .site-header`);
      const r = el.getBoundingClientRect();
      const h = header.getBoundingClientRect();
      const s = getComputedStyle(el);
      const o = getComputedStyle(cmp);
      return {
        // With a text fragment (`#id:~:text=…`) Chromium makes the element holding the words the :target,
        // not the passage: the highlighted passage is then the one that has the :target.
        targetId:
          document.querySelector('.passage:target, .passage:has(:target), .passage.is-targeted, :target')?.id ?? null,
        matchesTarget: el.matches(':target'),
        top: r.top,
        bottom: r.bottom,
        headerTop: h.top,
        viewportWidth: window.innerWidth,
        headerBottom: h.bottom,
        viewportHeight: window.innerHeight,
        scrollY: window.scrollY,
        documentTop: r.top + window.scrollY,
        background: s.backgroundColor,
        otherBackground: o.backgroundColor,
        edge: s.borderLeftColor,
        otherEdge: o.borderLeftColor,
        dark: matchMedia('(prefers-color-scheme: dark)').matches,
      };
    },
    [id, otherId] as const,
  );
}

/** The passage is the `:target`, highlighted, and shown whole below the sticky header. */
function expectHighlightedBelowHeader(p: Placement, id: string, dark: boolean): void {
  expect(p.dark, 'prefers-color-scheme as emulated').toBe(dark);
  expect(p.targetId, ':target').toBe(id);
  expect(p.matchesTarget).toBe(true);
  expect(p.background, 'the target passage has a highlight background a plain passage lacks').not.toBe(
    p.otherBackground,
  );
  expect(p.background).not.toMatch(/^(?:transparent|rgba\(0, 0, 0, 0\))$/u);
  expect(p.edge, 'the target passage has a coloured left edge').not.toBe(p.otherEdge);
  // It was below the fold, the page scrolled to it, and the header stayed stuck to the top.
  expect(p.documentTop, 'the chosen passage starts below the first screen').toBeGreaterThan(p.viewportHeight);
  expect(p.scrollY).toBeGreaterThan(0);
  if (p.viewportWidth >= 960) expect(p.headerTop, 'the header is sticky on a wide screen').toBe(0);
  // On a narrow screen the header wraps onto several rows, so it scrolls away with the page instead.
  else expect(p.headerBottom, 'the header scrolled away on a narrow screen').toBeLessThanOrEqual(0);
  expect(p.top, `top of #${id} vs the sticky header's bottom`).toBeGreaterThanOrEqual(p.headerBottom);
  expect(p.top).toBeLessThan(p.viewportHeight);
  if (p.bottom - p.top <= p.viewportHeight - p.headerBottom) expect(p.bottom).toBeLessThanOrEqual(p.viewportHeight);
}

// ── Tests ─────────────────────────────────────────────────────────────────────────────────

// Tests open pages of their own (pageFor), so most suites run a few tests at a time.
describe.skipIf(!hasChromium)('source pages in Chromium', () => {
  let browser: Browser;

  // The tests that read the clipboard get a Chromium of their own: one browser has one clipboard, and
  // other files click "Copy link" in the shared one at the same time.
  let clipboardBrowser: Promise<Browser> | undefined;
  const ownClipboard = () => (clipboardBrowser ??= launchBrowser());

  beforeAll(async () => {
    browser = await connectBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await (await clipboardBrowser)?.close();
  });
  // Every page of every test is closed and checked when its test ends (pageFor, sharedPage): no script errors,
  // nothing fetched from elsewhere.

  it('picked a passage far down a long source from the build', () => {
    expect(sources.length).toBeGreaterThanOrEqual(5);
    expect(longest.passages.length).toBeGreaterThanOrEqual(15);
    expect(far.id).toMatch(/\S/u);
    expect(near.id).not.toBe(far.id);
  });

  describe('arriving at /sources/<slug>/#<id>', { concurrent: true }, () => {
    it.for([
      { scheme: 'light', viewport: { width: 1280, height: 720 } },
      { scheme: 'dark', viewport: { width: 1280, height: 720 } },
      // 320 CSS px (WCAG reflow): the navigation wraps and the sticky header grows to ~100 px.
      { scheme: 'light', viewport: { width: 320, height: 640 } },
      { scheme: 'dark', viewport: { width: 320, height: 640 } },
    ] as const)(
      'highlights the passage and shows it below the sticky header ($scheme, $viewport.width px)',
      async ({ scheme, viewport }, t) => {
        const site = await pageFor(t, browser, { colorScheme: scheme, viewport });
        await visit(site, `/sources/${longest.slug}/#${far.id}`);
        expectHighlightedBelowHeader(await placement(site.page, far.id, near.id), far.id, scheme === 'dark');
      },
    );

    it('uses different highlight colours in light and dark schemes', async () => {
      const colours: string[] = [];
      for (const scheme of ['light', 'dark'] as const) {
        const s = await newPage(browser, { colorScheme: scheme });
        try {
          await visit(s, `/sources/${longest.slug}/#${far.id}`);
          colours.push((await placement(s.page, far.id, near.id)).background);
          expect(s.foreignRequests).toEqual([]);
        } finally {
          await s.close();
        }
      }
      expect(colours[0]).not.toBe(colours[1]);
    });
  });

  describe('without JavaScript', { concurrent: true }, () => {
    it.for(sources.map((s) => [s.path, s] as const))(
      '%s shows every passage with its ¶ permalink',
      async ([path, source], t) => {
        const site = await pageFor(t, browser, { javaScriptEnabled: false });
        await visit(site, path);
        const shown = await site.page.evaluate(() =>
          [...document.querySelectorAll<HTMLElement>('.passage')].map((el) => {
            const link = el.querySelector<HTMLAnchorElement>('a.permalink');
            const box = link?.getBoundingClientRect();
            return {
              id: el.id,
              visible: el.checkVisibility({ opacityProperty: true, visibilityProperty: true }),
              hasText: (el.textContent ?? '').replace(/¶\s*\d+|Passage/gu, '').trim().length > 0,
              href: link?.getAttribute('href') ?? null,
              linkVisible: Boolean(
                link?.checkVisibility({ opacityProperty: true, visibilityProperty: true }) &&
                box &&
                box.width > 0 &&
                box.height > 0,
              ),
              linkText: (link?.textContent ?? '').replace(/\s+/gu, ' ').trim(),
            };
          }),
        );
        expect(shown.map((p) => p.id)).toEqual(source.passages.map((p) => p.id));
        for (const [i, p] of shown.entries()) {
          const ordinal = source.passages[i]?.ordinal;
          expect(p, `#${p.id}`).toEqual({
            id: p.id,
            visible: true,
            hasText: true,
            href: `#${p.id}`,
            linkVisible: true,
            linkText: `Passage ¶ ${ordinal}`,
          });
        }
        // Script really is off: the enhancement did not run.
        expect(await site.page.locator('button.copy-link').count()).toBe(0);
      },
    );

    it('clicking a ¶ permalink changes the hash and highlights that passage', async (t) => {
      const site = await pageFor(t, browser, { javaScriptEnabled: false });
      await visit(site, `/sources/${longest.slug}/`);
      const { page } = site;
      expect(new URL(page.url()).hash).toBe('');
      expect(await page.evaluate(() => document.querySelector(':target'))).toBeNull();

      await page.locator(`[id="${far.id}"] > a.permalink`).click();
      await settle(site);
      expect(new URL(page.url()).hash).toBe(`#${far.id}`);
      expectHighlightedBelowHeader(await placement(page, far.id, near.id), far.id, false);

      // A second click moves the highlight.
      await page.locator(`[id="${near.id}"] > a.permalink`).click();
      await settle(site);
      expect(new URL(page.url()).hash).toBe(`#${near.id}`);
      const moved = await placement(page, near.id, far.id);
      expect(moved.targetId).toBe(near.id);
      expect(moved.background).not.toBe(moved.otherBackground);
    });
  });

  // The clipboard is one per browser: these two take turns, in a Chromium of their own.
  describe('"Copy link" (JavaScript on)', () => {
    it('copies <origin>/sources/<slug>/#<id> to the clipboard, announces it, and the link lands on the passage', async (t) => {
      const site = await pageFor(t, await ownClipboard(), { permissions: ['clipboard-read', 'clipboard-write'] });
      await visit(site, `/sources/${longest.slug}/`);
      const { page } = site;
      const status = page.locator('[data-copy-status]');
      expect(await status.getAttribute('role')).toBe('status');
      expect((await status.textContent())?.trim()).toBe('');

      const copyable = longest.passages.filter((p) => !p.furniture);
      const picks = [copyable[Math.min(10, copyable.length - 1)], copyable[0]] as BuiltPassage[];
      const copied: [BuiltPassage, string][] = [];
      for (const passage of picks) {
        await page.evaluate(() => navigator.clipboard.writeText('nothing copied yet'));
        expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('nothing copied yet');

        const button = page.locator(`[id="${passage.id}"] > button.copy-link`);
        await button.click();
        await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).not.toBe('nothing copied yet');
        const url = await page.evaluate(() => navigator.clipboard.readText());
        // <origin>/sources/<slug>/#<id>, optionally followed by a text fragment (`:~:text=…`) of the
        // passage's opening words, which helps the link land should the id ever change.
        const base = `${baseUrl()}/sources/${longest.slug}/#${passage.id}`;
        expect(base).toBe(siteUrl(`/sources/${longest.slug}/#${passage.id}`));
        expect(url.startsWith(base), `${url} starts with ${base}`).toBe(true);
        const rest = url.slice(base.length);
        expect(rest).toMatch(/^(?::~:text=[^#&\s]+)?$/u);
        if (rest) {
          const words = decodeURIComponent(rest.slice(':~:text='.length));
          const passageText = await page
            .locator(`[id="${passage.id}"]`)
            .evaluate((el) => (el.textContent ?? '').replace(/\s+/gu, ' '));
          expect(passageText, 'the text fragment quotes the passage').toContain(words);
        }
        await expect.poll(() => status.textContent()).toBe(`Link copied: ${url}`);
        expect(await button.textContent()).toBe(`Copied link to passage ${passage.ordinal}`);
        expect(await button.locator('span').first().textContent(), 'the visible part').toBe('Copied');
        // Copying does not navigate.
        expect(new URL(page.url()).hash).toBe('');
        copied.push([passage, url]);
      }

      // Each copied link, opened afresh, lands on and highlights its passage.
      for (const [passage, url] of copied) {
        const other = longest.passages.find((p) => p.id !== passage.id) as BuiltPassage;
        const fresh = await newPage(browser);
        try {
          const response = await fresh.page.goto(url, { waitUntil: 'load' });
          expect(response?.status()).toBe(200);
          await settle(fresh);
          const landed = await placement(fresh.page, passage.id, other.id);
          expect(landed.targetId).toBe(passage.id);
          expect(landed.background).not.toBe(landed.otherBackground);
          expect(landed.top).toBeGreaterThanOrEqual(landed.headerBottom - 1);
          expect(landed.top).toBeLessThan(landed.viewportHeight);
          expect(fresh.foreignRequests).toEqual([]);
        } finally {
          await fresh.close();
        }
      }
    });

    it('copies a link to page furniture that quotes the article, not our "Page furniture" label', async (t) => {
      const source = sources.find((s) => s.passages.some((p) => p.furniture)) as BuiltSource;
      const passage = source.passages.find((p) => p.furniture) as BuiltPassage;
      const site = await pageFor(t, await ownClipboard(), { permissions: ['clipboard-read', 'clipboard-write'] });
      await visit(site, source.path);
      const { page } = site;
      await page.locator(`[id="${passage.id}"] > button.copy-link`).click();
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain(`#${passage.id}`);
      const url = await page.evaluate(() => navigator.clipboard.readText());
      const words = decodeURIComponent(url.split(':~:text=')[1] ?? '');
      const label = (await page.locator(`[id="${passage.id}"] .furniture-label`).textContent()) ?? '';
      expect(label).toMatch(/^Page furniture/u);
      if (words) {
        expect(words).not.toContain('Page furniture');
        const body = await page.locator(`[id="${passage.id}"]`).evaluate((el) => el.textContent ?? '');
        expect(body.replace(/\s+/gu, ' ')).toContain(words);
      }
    });
  });

  // Every page, loaded once with script on (1280 × 720) for several checks, in this order: what it requested;
  // on a source page its Copy link buttons; Tab from the top to the skip link and on into main; on a source
  // page, Shift+Tab from the footer back to the top.
  describe.for(allPagePaths())('%s', { concurrent: true }, (path) => {
    const source = sources.find((s) => s.path === path);
    const loaded = sharedPage(async () => {
      const site = await newPage(browser);
      await visit(site, path, { status: statusOf(path) });
      // Some pages go on loading after "load" (the search page, its index): wait until they are done.
      await site.page.waitForLoadState('networkidle');
      return site;
    });

    it('requests nothing from any other origin', { concurrent: false }, async () => {
      const site = await loaded();
      const origin = new URL(baseUrl()).origin;
      expect(site.requests.length).toBeGreaterThan(1); // the document and at least its stylesheet
      expect(site.requests.filter((url) => new URL(url).origin !== origin)).toEqual([]);
      expect(site.foreignRequests).toEqual([]);
    });

    if (source) {
      it('gives each passage, furniture included, one labelled Copy link button', { concurrent: false }, async () => {
        const site = await loaded();
        const buttons = await site.page.evaluate(() =>
          [...document.querySelectorAll('.passage')].map((el) => ({
            id: el.id,
            labels: [...el.querySelectorAll(':scope > button.copy-link')].map((b) => ({
              // No aria-label: the name is the button's own text, whose visible part comes first.
              label: b.getAttribute('aria-label'),
              text: b.textContent,
              visible: b.firstElementChild?.textContent,
              type: b.getAttribute('type'),
            })),
          })),
        );
        expect(buttons.map((b) => b.id)).toEqual(source.passages.map((p) => p.id));
        for (const [i, b] of buttons.entries()) {
          const passage = source.passages[i] as BuiltPassage;
          expect(b.labels, `#${b.id}`).toEqual([
            { label: null, text: `Copy link to passage ${passage.ordinal}`, visible: 'Copy link', type: 'button' },
          ]);
        }
      });
    }

    it('Tab first reaches a visible skip link, and Enter moves focus to main', { concurrent: false }, async () => {
      const site = await loaded();
      const { page } = site;
      // A page may put focus in its main content once loaded (the search page focuses its search box when
      // its UI has loaded; the shared page waited for the network to go idle). That is allowed only inside
      // main; "from the top" then means after it is dropped.
      const initial = await page.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return 'body';
        return document.getElementById('main')?.contains(el)
          ? 'in main'
          : `outside main: ${el.outerHTML.slice(0, 120)}`;
      });
      expect(['body', 'in main']).toContain(initial);
      if (initial !== 'body') {
        // blur() alone leaves Chromium's focus navigation starting point at the search box; moving focus
        // to the body (as a click on blank page would) makes the next Tab start from the top again.
        await page.evaluate(() => {
          (document.activeElement as HTMLElement | null)?.blur();
          document.body.tabIndex = -1;
          document.body.focus();
          document.body.removeAttribute('tabindex');
        });
      }
      const skip = page.locator('a.skip-link');
      const before = await skip.boundingBox();
      expect(before, 'the skip link is hidden off screen until focused').not.toBeNull();
      expect((before?.y ?? 0) + (before?.height ?? 0)).toBeLessThanOrEqual(0);

      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const r = el.getBoundingClientRect();
        const s = getComputedStyle(el);
        return {
          className: el.className,
          href: el.getAttribute('href'),
          text: el.textContent,
          top: r.top,
          bottom: r.bottom,
          left: r.left,
          visible: el.checkVisibility({ opacityProperty: true, visibilityProperty: true }),
          outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0,
        };
      });
      expect(focused).toMatchObject({
        className: 'skip-link',
        href: '#main',
        text: 'Skip to content',
        visible: true,
        outline: true,
      });
      expect(focused.top).toBeGreaterThanOrEqual(0);
      expect(focused.left).toBeGreaterThanOrEqual(0);
      expect(focused.bottom).toBeLessThanOrEqual(720);

      await page.keyboard.press('Enter');
      await settle(site);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
      expect(new URL(page.url()).hash).toBe('#main');

      // The next Tab continues inside (or after) main, not back in the header.
      await page.keyboard.press('Tab');
      const after = await page.evaluate(() => {
        const main = document.getElementById('main');
        const el = document.activeElement;
        if (!main || !el || el === document.body) return 'nothing focused';
        if (main.contains(el)) return 'in main';
        return main.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING
          ? 'after main'
          : `before main: ${el.outerHTML.slice(0, 120)}`;
      });
      expect(['in main', 'after main']).toContain(after);
    });

    if (source) {
      it(
        'Shift+Tab from the footer to the top: every focused element is clear of the header (1280 px)',
        { concurrent: false },
        async () => {
          const seen = await walkBackUpFromFooter((await loaded()).page);
          expect(problemsIn(seen)).toEqual([]);
          // It really walked the whole page, through every passage's permalink.
          expect(seen.at(-1)?.what).toMatch(/^a\.skip-link/u);
          expect(seen.filter((s) => s.what.startsWith('a.permalink')).length).toBe(source.passages.length);
          expect(seen.filter((s) => s.what.startsWith('button.copy-link')).length).toBe(source.passages.length);
        },
      );
    }
  });

  describe('keyboard', { concurrent: true }, () => {
    it.for([
      { scheme: 'light', width: 1280 },
      { scheme: 'dark', width: 1280 },
      { scheme: 'light', width: 320 },
    ] as const)(
      'Tab from the top of a source page: every focused element shows a focus indicator, clear of the header ($scheme, $width px)',
      async ({ scheme, width }, t) => {
        const site = await pageFor(t, browser, {
          colorScheme: scheme,
          viewport: { width, height: width > 600 ? 720 : 640 },
        });
        await visit(site, `/sources/${longest.slug}/`);
        const seen = await focusWalk(site.page, 'Tab', 30);
        expect(
          problemsIn(seen),
          'focused elements without a visible focus indicator, hidden, or under the sticky header',
        ).toEqual([]);
        // The walk really went through the header and into the passages.
        expect(seen[0]?.what).toMatch(/^a\.skip-link/u);
        expect(new Set(seen.map((s) => s.element)).size).toBe(30);
        expect(seen.some((s) => s.what.startsWith('a.permalink'))).toBe(true);
        expect(seen.some((s) => s.what.startsWith('button.copy-link'))).toBe(true);
      },
    );

    // Narrow screens: the header wraps onto several rows, so there it scrolls away rather than stick;
    // moving focus backwards must never leave the focused element under it (WCAG 2.2 SC 2.4.11).
    it.for(sources.map((s) => s.path))(
      'Shift+Tab from the footer to the top of %s: every focused element is clear of the header (320 px)',
      async (path, t) => {
        const site = await pageFor(t, browser, { viewport: { width: 320, height: 640 } });
        const seen = await walkBackUp(site, path);
        expect(seen.at(-1)?.what).toMatch(/^a\.skip-link/u);
        expect(problemsIn(seen)).toEqual([]);
      },
    );
  });

  it('the harness catches (and blocks) a request to another origin', async () => {
    // The site's Content-Security-Policy stops the page itself from fetching elsewhere, so the
    // harness is shown a navigation, which goes through the same routing.
    const s = await newPage(browser);
    try {
      await visit(s, '/');
      await s.page.goto('https://example.com/tracker').catch(() => undefined);
      expect(s.foreignRequests).toEqual(['https://example.com/tracker']);
      expect(s.requests).toContain('https://example.com/tracker');
    } finally {
      await s.close();
    }
  });
});
