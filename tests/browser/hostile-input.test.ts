// The "hostile input" quality gate, browser side: the fixture site built from 70 XSS payloads (in a seed and
// in its metadata; see tests/support/hostile-build.ts) served by Astro's own preview server and opened in
// Chromium with JavaScript on. Every page that shows the payloads is hovered, focused and clicked through;
// afterwards no frame may have `window.__xss`, no dialog may have opened, and the Content-Security-Policy
// may have blocked nothing (a blocked payload is still a payload that became markup).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { preview } from 'astro';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, type ExpectStatic } from 'vitest';
import {
  connectBrowser,
  hasChromium,
  recordForeignRequests,
  RESULTS_IN_VIEW_LOADED,
  type TestHooks,
} from '../support/browser.ts';
import {
  FIXTURE_DIST,
  HOSTILE_CITATION,
  HOSTILE_METADATA,
  HOSTILE_PATH,
  HOSTILE_SLUG,
  SEED_TITLE_LINE,
  hostileBuild,
  hostileMetadataBuild,
  hostileMetaSources,
  hostileSeed,
  readPayloads,
} from '../support/hostile-build.ts';
import { ROOT } from '../support/paths.ts';

const payloads = readPayloads();
const { title, publisher, byline, date } = HOSTILE_METADATA;

// ── In the page: the larger scripts are strings, not functions (Vite rewrites functions; see TOOLCHAIN.md) ──

/**
 * Installed before any page script, in every frame: records every Content-Security-Policy violation.
 * The site's CSP forbids inline script, so a payload that became markup shows up here even when it
 * could not run.
 */
const DETECTOR = `(() => {
  const found = [];
  Object.defineProperty(window, '__hostileDetector', { value: found });
  addEventListener('securitypolicyviolation', (e) => {
    found.push(e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') + ': ' + (e.sample || ''));
  }, true);
})()`;

/** What a frame says about itself once everything is done. */
const FRAME_STATE = `({
  url: location.href,
  xss: typeof window.__xss === 'undefined' ? null : String(window.__xss),
  csp: window.__hostileDetector ? [...window.__hostileDetector] : null,
})`;

/** A passage's own text, in the page: without its ¶ link, marker, furniture label, back-links or button. */
const PASSAGE_TEXTS = `[...document.querySelectorAll('.passages .passage')].map((passage) => {
  const copy = passage.cloneNode(true);
  for (const el of copy.querySelectorAll('.permalink, .marker, .furniture-label, .cited-in, .copy-link, .quote-button')) el.remove();
  return copy.textContent.trim();
})`;

/**
 * Markup a payload could have made, as Chromium's own parser built the page (and the site's scripts
 * changed it): event handler attributes, script URLs, scripts that are not the site's, frames and
 * objects anywhere, and any element but text-level ones inside the places that show hostile text.
 */
const PAYLOAD_BORN_MARKUP = (regions: string) => `(() => {
  const problems = [];
  const describe = (el) => '<' + el.localName + [...el.attributes].map((a) => ' ' + a.name + '="' + a.value.slice(0, 60) + '"').join('') + '>';
  const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'data', 'poster', 'background', 'xlink:href', 'ping'];
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) {
      if (/^on/i.test(a.name)) problems.push('event handler: ' + describe(el));
      const scheme = a.value.replace(/[\\u0000-\\u0020]+/g, '').toLowerCase();
      if (URL_ATTRIBUTES.includes(a.name.toLowerCase()) && /^(?:javascript|data|vbscript):/.test(scheme)) {
        problems.push('script URL: ' + describe(el));
      }
    }
  }
  for (const script of document.querySelectorAll('script')) {
    const src = script.getAttribute('src');
    const own = src !== null && new URL(src, location.href).origin === location.origin &&
      /^\\/(?:_astro|pagefind)\\//.test(new URL(src, location.href).pathname) && script.textContent === '';
    const data = src === null && ['application/ld+json', 'text/pagefind-template'].includes(script.type);
    if (!own && !data) problems.push('script: ' + describe(script) + ' ' + script.textContent.slice(0, 60));
  }
  const foreign = 'iframe, frame, object, embed, applet, base, marquee, xmp, template, [srcdoc], ' +
    'meta[http-equiv]:not([http-equiv="Content-Security-Policy"]), link[rel~="import"]';
  for (const el of document.querySelectorAll(foreign)) problems.push('element: ' + describe(el));
  const textLevel = 'a, span, p, h1, h2, h3, mark, code, pre, abbr, q, cite, sup, dd, dt, li, ul, ol, button, div, summary, strong, em, br';
  for (const region of document.querySelectorAll(${JSON.stringify(regions)})) {
    for (const el of region.querySelectorAll('*')) {
      if (!el.matches(textLevel)) problems.push('element in ' + region.localName + '.' + region.className + ': ' + describe(el));
    }
  }
  return problems;
})()`;

/** Where hostile text is shown, page by page. */
const HOSTILE_REGIONS =
  'main h1, .passages, .source-meta, .cite-this, .card-list, .claims-key, .figures .note, .pf-result, ' +
  '[data-copy-status], .cite-ref, .notes, .cite-preview';

// ── A page that records everything a payload could do ───────────────────────────────────────

type Watched = {
  page: Page;
  context: BrowserContext;
  /** The fixture site's origin, the only one the page may reach. */
  origin: string;
  dialogs: string[];
  pageErrors: string[];
  /** Console messages about the Content-Security-Policy (a second witness besides the event). */
  cspConsole: string[];
  /** Requests to other origins (aborted, never sent). */
  foreign: string[];
  /** Windows opened by the page. */
  popups: string[];
};

type Verdict = {
  xss: string[];
  csp: string[];
  dialogs: string[];
  pageErrors: string[];
  cspConsole: string[];
  foreign: string[];
  popups: string[];
};

const CLEAN: Verdict = { xss: [], csp: [], dialogs: [], pageErrors: [], cspConsole: [], foreign: [], popups: [] };

async function verdict(w: Watched): Promise<Verdict> {
  const frames = (await Promise.all(w.page.frames().map((frame) => frame.evaluate(FRAME_STATE)))) as {
    url: string;
    xss: string | null;
    csp: string[] | null;
  }[];
  return {
    xss: frames.filter((f) => f.xss !== null).map((f) => `${f.url}: window.__xss = ${f.xss}`),
    csp: frames.flatMap((f) => (f.csp ?? [`${f.url}: the detector is missing`]).map((c) => `${f.url}: ${c}`)),
    dialogs: [...w.dialogs],
    pageErrors: [...w.pageErrors],
    cspConsole: [...w.cspConsole],
    foreign: [...w.foreign],
    popups: [...w.popups],
  };
}

/** Serve a built fixture with Astro's own preview server, on a loopback port the system picks. */
function serve(outDir: string) {
  return preview({ root: ROOT, outDir, logLevel: 'error', server: { host: '127.0.0.1', port: 0 } });
}

// Every test watches pages of its own, so they run a few at a time.
describe.skipIf(!hasChromium)(
  'hostile input in Chromium (JavaScript on): no payload runs',
  { concurrent: true },
  () => {
    let browser: Browser;
    let server: Awaited<ReturnType<typeof preview>> | undefined;
    let origin = '';
    const outDirBefore = process.env['RENEGOTIATED_OUT_DIR'];

    beforeAll(async () => {
      const build = await hostileBuild();
      if (build.status !== 0) throw new Error(`The hostile fixture did not build:\n${build.output}`);
      // astro.config.mjs reads the output folder from the environment; say it both ways.
      process.env['RENEGOTIATED_OUT_DIR'] = FIXTURE_DIST;
      server = await serve(FIXTURE_DIST);
      origin = `http://127.0.0.1:${server.port}`;
      browser = await connectBrowser();
    }, 600_000);

    afterAll(async () => {
      await browser?.close();
      await server?.stop();
      if (outDirBefore === undefined) delete process.env['RENEGOTIATED_OUT_DIR'];
      else process.env['RENEGOTIATED_OUT_DIR'] = outDirBefore;
    });

    /** A watched page on `site` (the main fixture unless told), closed when the test ends. */
    async function watchedPage(t: TestHooks, site = origin): Promise<Watched> {
      const context = await browser.newContext({
        viewport: { width: 1280, height: 720 },
        reducedMotion: 'reduce',
        serviceWorkers: 'block',
      });
      t.onTestFinished(async () => {
        await context.close().catch(() => undefined);
      });
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site });
      await context.addInitScript(DETECTOR);
      const w: Watched = {
        page: undefined as unknown as Page,
        context,
        origin: site,
        dialogs: [],
        pageErrors: [],
        cspConsole: [],
        foreign: [],
        popups: [],
      };
      recordForeignRequests(
        context,
        (url) => !/^(?:data|blob|about):/u.test(url) && new URL(url).origin !== new URL(site).origin,
        w.foreign,
      );
      w.page = await context.newPage();
      context.on('page', (popup) => w.popups.push(popup.url() || 'a new window'));
      w.page.on('dialog', (dialog) => {
        w.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
        void dialog.dismiss().catch(() => undefined);
      });
      w.page.on('pageerror', (error) => w.pageErrors.push(String(error.stack ?? error)));
      w.page.on('console', (message) => {
        if (/content security policy/iu.test(message.text())) w.cspConsole.push(message.text());
      });
      return w;
    }

    async function visit(w: Watched, path: string): Promise<void> {
      const response = await w.page.goto(`${w.origin}${path}`, { waitUntil: 'load' });
      expect(response?.status(), path).toBe(200);
      await settle(w);
    }

    async function settle(w: Watched): Promise<void> {
      await w.page.waitForLoadState('load');
      await w.page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
      await w.page.waitForTimeout(200); // let error events, timers and autofocus fire
    }

    /**
     * Hover, focus and click every one of these elements, one after the other, with the real mouse and keyboard
     * focus. Each is scrolled to the middle of the screen (clear of the sticky header) and focused, then the
     * mouse moves onto where it is on top and, to click, presses there: trusted events sent over the DevTools
     * protocol together, so two round trips an element. The rare element covered there goes through
     * Playwright's own checks and waits instead. `then` is a key pressed after each (Escape closes what a
     * click opened). Returns how many elements matched.
     */
    async function touchAll(
      w: Watched,
      selector: string,
      { click = true, force = false, then }: { click?: boolean; force?: boolean; then?: 'Escape' } = {},
    ): Promise<number> {
      const handles = await w.page.locator(selector).elementHandles();
      const session = await w.context.newCDPSession(w.page);
      const mouse = (type: 'mouseMoved' | 'mousePressed' | 'mouseReleased', x: number, y: number) =>
        session.send('Input.dispatchMouseEvent', {
          type,
          x,
          y,
          ...(type === 'mouseMoved'
            ? {}
            : { button: 'left' as const, buttons: type === 'mousePressed' ? 1 : 0, clickCount: 1 }),
        });
      const key = (type: 'rawKeyDown' | 'keyUp') =>
        session.send('Input.dispatchKeyEvent', { type, key: 'Escape', code: 'Escape', windowsVirtualKeyCode: 27 });
      try {
        for (const handle of handles) {
          const point = await handle.evaluate((node) => {
            const el = node as HTMLElement;
            if (!el.checkVisibility()) return 'hidden';
            el.scrollIntoView({ block: 'center', inline: 'center', behavior: 'instant' });
            const box = el.getClientRects()[0];
            if (!box || box.width === 0 || box.height === 0) return 'hidden';
            const x = box.left + box.width / 2;
            const y = box.top + box.height / 2;
            const hit = document.elementFromPoint(x, y);
            if (!hit || !el.contains(hit)) return 'covered';
            el.focus({ preventScroll: true });
            return { x, y };
          });
          if (point === 'hidden') continue;
          if (point === 'covered') {
            const el = w.page.locator(selector).nth(handles.indexOf(handle));
            if (click) {
              await el.focus({ timeout: 10_000 });
              await el.click({ timeout: 10_000, force });
            } else {
              await el.hover({ timeout: 10_000, force });
              await el.focus({ timeout: 10_000 });
            }
            if (then) await w.page.keyboard.press(then);
            continue;
          }
          // In order, each acknowledged once the page has handled it: the next element is measured after.
          await Promise.all([
            mouse('mouseMoved', point.x, point.y),
            ...(click ? [mouse('mousePressed', point.x, point.y), mouse('mouseReleased', point.x, point.y)] : []),
            ...(then ? [key('rawKeyDown'), key('keyUp')] : []),
          ]);
        }
      } finally {
        await session.detach().catch(() => undefined);
        await Promise.all(handles.map((handle) => handle.dispose()));
      }
      return handles.length;
    }

    /** Wait until Pagefind has filled in every result in view (it draws placeholders first). */
    async function resultsInViewLoaded(page: Page, expect: ExpectStatic): Promise<void> {
      await expect.poll(() => page.evaluate(RESULTS_IN_VIEW_LOADED), { timeout: 30_000 }).toBe(true);
    }

    async function markupProblems(w: Watched): Promise<string[]> {
      return (await w.page.evaluate(PAYLOAD_BORN_MARKUP(HOSTILE_REGIONS))) as string[];
    }

    // The hostile source page, touched everywhere, in three parts that run side by side, each on a page of its
    // own and each checked to the end: the passages' text; their ¶ links and Copy buttons; the rest.
    async function hostileSourcePage(t: TestHooks): Promise<Watched> {
      const w = await watchedPage(t);
      await visit(w, HOSTILE_PATH);
      return w;
    }

    /** After touching: still on the page (no refresh, no <base>, no form sent), no markup born, nothing ran. */
    async function expectUntouched(w: Watched): Promise<void> {
      await settle(w);
      expect(new URL(w.page.url()).pathname).toBe(HOSTILE_PATH);
      expect(await markupProblems(w)).toEqual([]);
      expect(await verdict(w)).toEqual(CLEAN);
    }

    it('the hostile source page: every payload is text, and hovering every passage runs nothing', async (t) => {
      const w = await hostileSourcePage(t);
      const { page } = w;

      // Chromium's parser made the same passages as the build test's: one per payload, as text.
      expect(await page.evaluate(PASSAGE_TEXTS)).toEqual([SEED_TITLE_LINE, ...payloads]);
      expect(await page.title()).toBe(`${title} · Renegotiated`);
      expect(await page.locator('main h1').textContent()).toBe(title);
      expect(await page.locator('.source-meta').textContent()).toContain(publisher);
      expect(await page.locator('.source-meta').textContent()).toContain(byline);
      expect(await page.locator('.source-meta').textContent()).toContain(date);

      // Everything in the passages that can be focused or clicked is the site's own: ¶ links, Copy and Quote buttons,
      // and the "Cited in" link of the one passage an explainer cites.
      const interactive = (await page.evaluate(`[...document.querySelectorAll(
      '.passages a, .passages button, .passages input, .passages select, .passages textarea, .passages summary, ' +
      '.passages [tabindex], .passages [contenteditable], .passages [href]')]
      .filter((el) => !(el.matches('a.permalink') && el.getAttribute('href') === '#' + el.closest('.passage').id))
      .filter((el) => !(el.matches('button.copy-link, button.quote-button') && el.parentElement.matches('.passage')))
      .filter((el) => !(el.matches('.cited-in > a') && el.getAttribute('href').startsWith(${JSON.stringify(HOSTILE_CITATION.page)})))
      .map((el) => el.outerHTML.slice(0, 120))`)) as string[];
      expect(interactive).toEqual([]);

      // Hover every passage's text.
      await touchAll(w, '.passages .passage > p, .passages .passage > h3, .passages .passage > .passage__body', {
        click: false,
      });
      await expectUntouched(w);
    }, 300_000);

    it.for([
      ['¶ link', '.passages a.permalink'],
      ['Copy button', '.passages button.copy-link'],
    ] as const)(
      'the hostile source page: hovering, focusing and clicking every %s runs nothing',
      { timeout: 300_000 },
      async ([, selector], t) => {
        const w = await hostileSourcePage(t);
        const { page } = w;
        const passages = await page.locator('.passages .passage').count();
        expect(passages).toBeGreaterThan(payloads.length); // the payloads, and the furniture
        expect(await page.locator('.passages button.copy-link').count()).toBe(passages);
        // A ¶ link and a Copy button each (and nothing else to press in the passages: see the first test).
        expect(await touchAll(w, selector)).toBe(passages);
        // The clicks landed: the last ¶ link clicked is the address's fragment; the last Copy button says so.
        const last = await page.locator('.passages .passage').last().getAttribute('id');
        if (selector.endsWith('permalink')) expect(new URL(page.url()).hash).toBe(`#${last}`);
        else expect(await page.locator(`[id="${last}"] > button.copy-link`).textContent()).toMatch(/Copied/u);
        await expectUntouched(w);
      },
    );

    it("the hostile source page: each Quote button shows the payload's words as text in its panel, and runs nothing", async (t) => {
      const w = await hostileSourcePage(t);
      const { page } = w;
      const passages = await page.locator('.passages .passage').count();
      const quotes = page.locator('.passages button.quote-button');
      expect(await quotes.count()).toBe(passages);
      // Each clicked with the mouse, then closed with Escape.
      expect(await touchAll(w, '.passages button.quote-button', { then: 'Escape' })).toBe(passages);
      await expectUntouched(w);
    }, 300_000);

    it('the hostile source page: its "Cited in" link, "Cite this page" and metadata, hovered and opened, run nothing', async (t) => {
      const w = await hostileSourcePage(t);
      // A "Cited in" link leads away (the explainer test follows it). Playwright's hit test takes its hidden
      // "citation " words for the link's box on every source page, hostile or not: hover it without that check.
      expect(await touchAll(w, '.passages .cited-in a', { click: false, force: true })).toBe(1);
      // And the metadata: open "Cite this page", hover what it shows.
      await w.page.locator('.cite-this summary').click();
      await touchAll(w, 'main h1, .source-meta dd, .cite-this pre', { click: false });
      await expectUntouched(w);
    }, 300_000);

    it('the hostile source page with Pagefind’s highlighter marking "script" and "onerror" in the payloads', async (t) => {
      const { expect } = t;
      const w = await watchedPage(t);
      await visit(w, `${HOSTILE_PATH}?highlight=script&highlight=onerror`);
      await expect
        .poll(() => w.page.locator('.passages mark.pagefind-highlight').count(), { timeout: 30_000 })
        .toBeGreaterThan(10);
      await settle(w);
      expect(await w.page.evaluate(PASSAGE_TEXTS)).toEqual([SEED_TITLE_LINE, ...payloads]);
      expect(await markupProblems(w)).toEqual([]);
      expect(await verdict(w)).toEqual(CLEAN);
    }, 120_000);

    it('an explainer citing a payload: the marker, its hover preview and its note show text, and run nothing', async (t) => {
      const { expect } = t;
      const w = await watchedPage(t);
      const { page } = w;
      await visit(w, HOSTILE_CITATION.page);
      const marker = page.locator(`.cite-ref a[href^="${HOSTILE_PATH}#"]`);
      expect(await marker.count()).toBe(1);
      // Hovering fetches the source page and shows the passage in a card, as text, the quote marked.
      await marker.hover();
      const card = page.locator('#cite-preview');
      await expect.poll(() => card.locator('mark').textContent(), { timeout: 10_000 }).toBe(HOSTILE_CITATION.quote);
      const ordinal = payloads.indexOf(HOSTILE_CITATION.quote) + 2; // ¶ 1 is the seed's title line
      expect(await card.locator('.cite-preview__source').textContent()).toBe(`${title} · ¶ ${ordinal}`);
      await card.hover();
      await marker.focus();
      const note = page.locator(`#note-${await marker.getAttribute('data-note')}`);
      expect(await note.locator('q').textContent()).toBe(HOSTILE_CITATION.quote);
      expect(await note.locator('cite').textContent()).toBe(title);
      await touchAll(w, `${`#note-${await marker.getAttribute('data-note')}`} a[href^="#"]`);
      await settle(w);
      expect(await markupProblems(w)).toEqual([]);
      expect(await verdict(w)).toEqual(CLEAN);

      // Following it lands on the passage, the quote found by a text fragment: still nothing runs.
      await marker.click();
      await page.waitForURL((url) => url.pathname === HOSTILE_PATH);
      await settle(w);
      expect(await page.evaluate(PASSAGE_TEXTS)).toEqual([SEED_TITLE_LINE, ...payloads]);
      expect(await markupProblems(w)).toEqual([]);
      expect(await verdict(w)).toEqual(CLEAN);
    }, 120_000);

    // The metadata fixture is a site of its own: built once (shared with the build test), served here, and
    // watched as the main one, a page per source.
    describe('every payload as a title, publisher, byline or date', () => {
      let metaServer: Awaited<ReturnType<typeof preview>> | undefined;
      let metaOrigin = '';
      beforeAll(async () => {
        const meta = await hostileMetadataBuild();
        if (meta.status !== 0) throw new Error(`The hostile metadata fixture did not build:\n${meta.output}`);
        metaServer = await serve(meta.outDir);
        metaOrigin = `http://127.0.0.1:${metaServer.port}`;
      }, 600_000);
      afterAll(async () => {
        await metaServer?.stop();
      });

      it.for(hostileMetaSources().map((m) => [m.path, m] as const))(
        '%s runs nothing, even when touched',
        { timeout: 120_000 },
        async ([path, m], t) => {
          const w = await watchedPage(t, metaOrigin);
          await visit(w, path);
          expect(await w.page.locator('main h1').textContent()).toBe(m.title);
          await touchAll(w, '.source-meta *, main h1', { click: false });
          await settle(w);
          expect(await markupProblems(w), path).toEqual([]);
          expect(await verdict(w), path).toEqual(CLEAN);
        },
      );

      it('/sources/ lists them all and runs nothing', async (t) => {
        const w = await watchedPage(t, metaOrigin);
        await visit(w, '/sources/');
        for (const m of hostileMetaSources()) {
          expect(await w.page.locator(`main a[href="${m.path}"]`).first().textContent(), m.slug).toBe(m.title);
        }
        expect(await markupProblems(w)).toEqual([]);
        expect(await verdict(w)).toEqual(CLEAN);
      });
    });

    it.for(['/sources/', '/', '/claims/', '/figures/'])(
      '%s shows the hostile metadata as text and runs nothing',
      { timeout: 120_000 },
      async (path, t) => {
        const w = await watchedPage(t);
        await visit(w, path);
        const link = w.page.locator(`main a[href="${HOSTILE_PATH}"]`).first();
        expect(await link.count()).toBe(1);
        const shown = path === '/figures/' ? await link.locator('xpath=..').textContent() : await link.textContent();
        expect(shown).toContain(title);
        if (path === '/sources/' || path === '/') {
          const card = w.page.locator('.card-list > li').filter({ has: w.page.locator(`a[href="${HOSTILE_PATH}"]`) });
          const details = (await card.locator('p').textContent()) ?? '';
          for (const value of [publisher, date, byline]) expect(details).toContain(value);
          await touchAll(w, `.card-list > li:has(a[href="${HOSTILE_PATH}"]) *`, { click: false });
        }
        if (path === '/claims/') {
          const abbrTitles = await w.page
            .locator('abbr')
            .evaluateAll((els) => els.map((el) => el.getAttribute('title')));
          expect(abbrTitles).toContain(title);
          await touchAll(w, 'abbr', { click: false });
          await touchAll(w, '#differ-only');
        }
        await link.hover();
        await link.focus();
        await settle(w);
        expect(await markupProblems(w)).toEqual([]);
        expect(await verdict(w)).toEqual(CLEAN);
        // Following the link lands on the source page, still running nothing.
        await link.click();
        await w.page.waitForURL(`${w.origin}${HOSTILE_PATH}`);
        await settle(w);
        expect(await verdict(w)).toEqual(CLEAN);
      },
    );

    it.for(['script', 'onerror', 'javascript', 'xss'])(
      'search for "%s": the hostile passages are found and shown as text; opening one runs nothing',
      { timeout: 120_000 },
      async (query, t) => {
        const { expect } = t;
        const w = await watchedPage(t);
        const { page } = w;
        await visit(w, `/search/?q=${encodeURIComponent(query)}`);
        const hostile = page.locator('li.pf-result').filter({
          has: page.locator(`a.pf-result-link[href^="${HOSTILE_PATH}"]`),
        });
        await expect.poll(() => hostile.count(), { timeout: 30_000 }).toBe(1);
        await expect.poll(() => hostile.locator('a.pf-result-link').textContent(), { timeout: 10_000 }).toBe(title);
        await resultsInViewLoaded(page, expect);
        // Excerpts are Pagefind's HTML: only its <mark>s may be elements; the payload words are text.
        const excerpts = hostile.locator('.pf-result-excerpt, .pf-heading-excerpt');
        expect(await excerpts.count()).toBeGreaterThan(0);
        const inExcerpts = await excerpts.evaluateAll((els) =>
          els.flatMap((el) =>
            [...el.querySelectorAll('*')].filter((x) => x.localName !== 'mark').map((x) => x.outerHTML.slice(0, 120)),
          ),
        );
        expect(inExcerpts).toEqual([]);
        expect((await excerpts.allTextContents()).join(' ').toLowerCase()).toContain(query);
        for (const sub of await hostile.locator('a.pf-heading-link').allTextContents()) {
          expect(sub).toMatch(new RegExp(`^¶ \\d+ · ${title.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}$`, 'u'));
        }

        // The filter pane lists the source's title and date as filter values: open every group, tick them.
        for (const summary of await page.locator('pagefind-filter-pane summary').all()) await summary.click();
        await touchAll(w, 'pagefind-filter-pane label', { click: false });
        await touchAll(w, 'pagefind-filter-pane input[name="source"], pagefind-filter-pane input[name="date"]');
        await touchAll(w, 'li.pf-result a', { click: false });
        await settle(w);
        expect(await markupProblems(w)).toEqual([]);
        expect(await verdict(w)).toEqual(CLEAN);

        // Open the first matching passage: the page arrives with the words highlighted.
        await hostile.locator('a.pf-heading-link, a.pf-result-link').first().click();
        await page.waitForURL((url) => url.pathname === HOSTILE_PATH);
        await settle(w);
        // Pagefind's highlighter has marked the words: the page is as a reader sees it.
        await expect.poll(() => page.locator('.passages mark.pagefind-highlight').count()).toBeGreaterThan(0);
        expect(await page.evaluate(PASSAGE_TEXTS)).toEqual([SEED_TITLE_LINE, ...payloads]);
        expect(await markupProblems(w)).toEqual([]);
        expect(await verdict(w)).toEqual(CLEAN);
      },
    );

    it('search lists the hostile title and date in its filter pane exactly as written', async (t) => {
      const { expect } = t;
      const w = await watchedPage(t);
      const { page } = w;
      // A filter value is the label's text without its count.
      const filterValues = async (name: string) =>
        page.locator(`pagefind-filter-pane [data-filter-name="${name}"] label`).evaluateAll((labels) =>
          labels.map((label) => {
            const copy = label.cloneNode(true) as Element;
            copy.querySelector('.pf-filter-checkbox-count')?.remove();
            return copy.textContent ?? '';
          }),
        );
      await visit(w, '/search/?q=xss');
      await expect.poll(async () => (await filterValues('source')).length, { timeout: 30_000 }).toBeGreaterThan(1);
      expect(await filterValues('source')).toContain(title);
      expect(await filterValues('date')).toContain(date);
      expect(await verdict(w)).toEqual(CLEAN);
    }, 120_000);

    it('search excerpts show an entity-encoded payload as text, and its result opens on the exact words', async (t) => {
      const { expect } = t;
      const w = await watchedPage(t);
      const { page } = w;
      // The passage whose text is "&lt;script&gt;window.__xss=45&lt;/script&gt;": its excerpt must say that.
      const encoded = payloads.find((p) => p.startsWith('&lt;script&gt;')) as string;
      const data = JSON.parse(readFileSync(join(FIXTURE_DIST, 'data/sources.json'), 'utf8')) as {
        sources: { slug: string; passages: { id: string; text: string }[] }[];
      };
      const id = data.sources.find((s) => s.slug === HOSTILE_SLUG)?.passages.find((p) => p.text === encoded)?.id;
      expect(id).toBeTruthy();
      await visit(w, '/search/?q=lt');
      const chip = page.locator('.pf-heading-chip').filter({ has: page.locator(`a.pf-heading-link[href$="#${id}"]`) });
      await expect.poll(() => chip.count(), { timeout: 30_000 }).toBe(1);
      // Pagefind 1.6 escapes "<" and ">" in an excerpt but not "&", so an excerpt cannot tell the text
      // "&lt;" from an escaped "<": this one reads as the decoded form. A display limitation of Pagefind
      // (reported in the notes), never markup: the excerpt holds no element but Pagefind's own <mark>, and the
      // passage the result opens shows the words exactly as written.
      const excerpt = chip.locator('.pf-heading-excerpt');
      expect(await excerpt.evaluate((el) => [...el.querySelectorAll(':not(mark)')].length)).toBe(0);
      const shown = ((await excerpt.textContent()) ?? '').replace(/\s+/gu, ' ');
      const decoded = encoded.replace(/&lt;/gu, '<').replace(/&gt;/gu, '>');
      expect(
        [encoded, decoded].some((form) => shown.includes(form)),
        shown,
      ).toBe(true);
      await chip.locator('a.pf-heading-link').click();
      await page.waitForURL((url) => url.hash.startsWith(`#${id}`));
      await settle(w);
      expect(((await page.locator(`[id="${id}"] p`).first().textContent()) ?? '').trim()).toBe(encoded);
      expect(await verdict(w)).toEqual(CLEAN);
    }, 120_000);

    it('the .txt view and /data/sources.json are plain text and JSON, and run nothing', async (t) => {
      const w = await watchedPage(t);
      const txt = await w.page.goto(`${w.origin}/sources/${HOSTILE_SLUG}.txt`);
      expect(txt?.headers()['content-type']).toMatch(/^text\/plain\b/u);
      expect(await txt?.text()).toBe(hostileSeed(payloads));
      await settle(w);
      expect(await w.page.evaluate('document.body.textContent')).toBe(hostileSeed(payloads));
      expect(await verdict(w)).toEqual(CLEAN);

      const json = await w.page.goto(`${w.origin}/data/sources.json`);
      expect(json?.headers()['content-type']).toMatch(/^application\/json\b/u);
      await settle(w);
      // Chromium shows JSON in a <pre> (its "pretty print" control, if any, sits beside it).
      const shown = JSON.parse((await w.page.locator('pre').first().textContent()) ?? '') as {
        sources: { slug: string; title: string; passages: { text: string }[] }[];
      };
      const entry = shown.sources.find((s) => s.slug === HOSTILE_SLUG);
      expect(entry?.title).toBe(title);
      expect(entry?.passages.map((p) => p.text)).toEqual([SEED_TITLE_LINE, ...payloads]);
      expect(await verdict(w)).toEqual(CLEAN);
    }, 60_000);

    // ── Positive controls: the detector sees a payload that runs, and a payload the CSP blocks ──

    it('control: the detector sees a payload run (window.__xss, a dialog) on a page without the CSP', async (t) => {
      const { expect } = t;
      const w = await watchedPage(t);
      await w.page.setContent(
        '<p>control</p><img src=x onerror="window.__xss=8"><svg onload="alert(13)"></svg><b onclick="window.__xss=99">b</b>',
      );
      // The image's error and the SVG's load come as events: wait until both have run.
      await expect.poll(async () => (await verdict(w)).xss.length + (await verdict(w)).dialogs.length).toBe(2);
      const seen = await verdict(w);
      expect(seen.xss).toEqual([expect.stringMatching(/window\.__xss = 8$/u)]);
      expect(seen.dialogs).toEqual(['alert: 13']);
      // And clicking an element with a handler is caught too.
      await touchAll(w, 'b');
      expect((await verdict(w)).xss).toEqual([expect.stringMatching(/window\.__xss = 99$/u)]);
      // The markup detector names what the payloads made.
      const problems = ((await w.page.evaluate(PAYLOAD_BORN_MARKUP('body'))) as string[]).join('\n');
      for (const kind of ['event handler: <img', 'event handler: <svg', 'element in body.: <img']) {
        expect(problems).toContain(kind);
      }
    }, 60_000);

    it('control: the detector sees the site’s CSP block a payload that became markup', async (t) => {
      const w = await watchedPage(t);
      // The very CSP the site sends, on a page of the fixture's origin that carries the payloads as markup.
      const built = readFileSync(join(FIXTURE_DIST, HOSTILE_PATH, 'index.html'), 'utf8');
      const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/u.exec(built)?.[1];
      expect(csp).toContain("script-src 'self'");
      const control = `${w.origin}/__hostile-control__/`;
      await w.page.route(control, (route) =>
        route.fulfill({
          contentType: 'text/html; charset=utf-8',
          body: `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${csp}"></head>
          <body><script>window.__xss=1</script><img src=x onerror=window.__xss=8></body></html>`,
        }),
      );
      await w.page.goto(control);
      await settle(w);
      const seen = await verdict(w);
      expect(seen.xss).toEqual([]);
      expect(seen.csp.length).toBeGreaterThanOrEqual(2);
      expect(seen.csp.join('\n')).toMatch(/script-src-elem blocked inline/u);
      expect(seen.csp.join('\n')).toMatch(/script-src-attr blocked inline/u);
      expect(seen.cspConsole.length).toBeGreaterThan(0);
    }, 60_000);
  },
);
