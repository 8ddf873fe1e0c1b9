// Quality gate: "with JavaScript disabled, every explainer, source page and the timeline show their full
// text, citations, footnotes and passage links". Chromium with `javaScriptEnabled: false` against the
// built site. What to check is read from the build (the pages, dist/data/sources.json and
// dist/data/timeline.json), never from a hard-coded list.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST } from '../support/paths.ts';
import { allPagePaths, fileForUrl, page as builtPage, text } from '../support/site.ts';
import {
  hasChromium,
  connectBrowser,
  newPage,
  pageFor,
  settle,
  sharedPage,
  siteUrl,
  statusOf,
  visit,
  type SitePage,
  type TestHooks,
} from '../support/browser.ts';

// ── What the build holds ───────────────────────────────────────────────────────────────────

type JsonPassage = { id: string; ordinal: number; kind: string; label?: string; text: string };
type JsonSource = { slug: string; title: string; passages: JsonPassage[] };
type JsonEvent = { id: string; date: string; label: string; title: string; summary: string };

const sourcesJson = (JSON.parse(readFileSync(join(DIST, 'data', 'sources.json'), 'utf8')) as { sources: JsonSource[] })
  .sources;
const timelineJson = (JSON.parse(readFileSync(join(DIST, 'data', 'timeline.json'), 'utf8')) as { events: JsonEvent[] })
  .events;

const PAGES = allPagePaths();
/** Explainers: every built page whose main content is an `article.explainer`. */
const EXPLAINERS = PAGES.filter((path) => builtPage(path).document.querySelector('main article.explainer'));
/** Every page that carries citation markers (the explainers and the home page's overview). */
const CITING = PAGES.filter((path) => builtPage(path).document.querySelector('main sup.cite-ref a'));
/** The source pages, as data/sources.json lists them. */
const SOURCES = sourcesJson.map((source) => ({ path: `/sources/${source.slug}/`, source }));
/** The explainer with the ordered list of dated events. */
const TIMELINE = EXPLAINERS.find((path) => builtPage(path).document.querySelector('ol.timeline > li'));
/** Pages with the header's search field (not the search page itself), where "/" would jump to it with script. */
const HEADER_SEARCH = PAGES.filter((path) => builtPage(path).document.querySelector('#site-search-q'));
/** Reading pages: nothing on them may be hidden in a way only JavaScript could undo. */
const READING = [...new Set([...CITING, ...EXPLAINERS, ...SOURCES.map((s) => s.path), '/sources/', '/explainers/'])]
  .filter((path) => PAGES.includes(path))
  .sort();

const fold = (s: string): string => s.replace(/\s+/gu, ' ').trim();
const passageById = new Map(sourcesJson.flatMap((s) => s.passages.map((p) => [`/sources/${s.slug}/#${p.id}`, p])));

/** `/sources/x/#id:~:text=a%20b` → its path, id and the quoted words (start[,end] as written). */
function parseCitation(href: string): { path: string; id: string; quote: string } {
  const url = new URL(href, 'http://site.invalid');
  const [id = '', directive = ''] = url.hash.slice(1).split(':~:');
  const text = directive.startsWith('text=') ? directive.slice('text='.length) : '';
  // [prefix-,]start[,end][,-suffix]: the quote is start (… end). No fragment at all when the words also occur
  // earlier on the source page, where the browser would stop instead (the id alone then leads to the passage).
  const quote = text
    .split(',')
    .filter((part) => part !== '' && !part.endsWith('-') && !part.startsWith('-'))
    .map((part) => decodeURIComponent(part))
    .join(' … ');
  return { path: url.pathname, id: decodeURIComponent(id), quote };
}

// ── Measurements in the page (plain functions: the page runs no script of its own) ─────────

type Box = { visible: boolean; inView: boolean; uncovered: boolean; what: string };

/** Scroll each element matching `selector` into view and say whether a sighted reader can see it there. */
function boxes(page: Page, selector: string): Promise<Box[]> {
  return page.evaluate((sel) => {
    const header = document.querySelector('.site-header');
    return [...document.querySelectorAll<HTMLElement>(sel)].map((el) => {
      el.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
      const r = el.getBoundingClientRect();
      const headerBottom = header?.getBoundingClientRect().bottom ?? 0;
      // An inline link may wrap over lines: hit-test the middle of each of its line boxes.
      const hits = [...el.getClientRects()]
        .filter((b) => b.width > 0 && b.height > 0)
        .map((b) => document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2));
      return {
        visible: el.checkVisibility({ opacityProperty: true, visibilityProperty: true }) && r.width > 0 && r.height > 0,
        // Whole on screen below the sticky header; or, for a block taller than the screen, filling it.
        inView:
          r.left >= 0 &&
          r.right <= window.innerWidth + 1 &&
          (r.height > window.innerHeight - headerBottom
            ? r.top < window.innerHeight && r.bottom > headerBottom
            : r.top >= headerBottom - 1 && r.bottom <= window.innerHeight + 1),
        uncovered: hits.some((hit) => hit && el.contains(hit)),
        what: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${(el.textContent ?? '').replace(/\s+/gu, ' ').trim().slice(0, 60)}" → ${el.getAttribute('href') ?? ''}`,
      };
    });
  }, selector);
}

/** One line per box a reader could not see. */
function unseen(list: Box[]): string[] {
  return list
    .filter((b) => !b.visible || !b.inView || !b.uncovered)
    .map(
      (b) =>
        `${b.what}: ${[!b.visible && 'no box / hidden', !b.inView && 'not in the viewport after scrolling', !b.uncovered && 'covered by another element'].filter(Boolean).join(', ')}`,
    );
}

type HiddenAudit = {
  /** Text nobody can see and no native control reveals. */
  hidden: string[];
  /** Text inside a closed <details>: the browser reveals it without any script. */
  inClosedDetails: number;
  /** Text inside .visually-hidden: labels for assistive technology. */
  visuallyHidden: string[];
  /** The text a reader sees (innerText), and the text the page holds, both with all white space removed. */
  seen: string;
  held: string;
};

/** Walk every text node in main and sort it into shown, visually hidden, in closed <details>, or hidden. */
function auditHidden(page: Page): Promise<HiddenAudit> {
  return page.evaluate(() => {
    const main = document.querySelector('main') as HTMLElement;
    const hidden: string[] = [];
    const visuallyHidden: string[] = [];
    let inClosedDetails = 0;
    let held = '';
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement as HTMLElement;
      if (el.closest('script, style, template')) continue;
      const words = (node.textContent ?? '').replace(/\s+/gu, ' ').trim();
      if (!words) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const painted = [...range.getClientRects()].some((r) => r.width > 0 && r.height > 0);
      const shown = painted && el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
      const closed = el.closest('details:not([open])');
      const where = `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(/\s+/u).join('.')}` : ''} in #${el.closest('[id]')?.id ?? ''}`;
      if (el.closest('.visually-hidden')) {
        visuallyHidden.push(words);
        held += node.textContent ?? '';
      } else if (shown) {
        held += node.textContent ?? '';
      } else if (closed && !el.closest('summary')) {
        inClosedDetails++;
      } else {
        const cause = el.closest('[hidden]')
          ? 'inside [hidden]'
          : getComputedStyle(el).display === 'none' || !el.checkVisibility()
            ? 'display: none (or inside it)'
            : 'not painted (visibility, opacity or no box)';
        hidden.push(`${where}: ${cause}: "${words.slice(0, 80)}"`);
      }
    }
    // innerText leaves out what is not rendered and keeps what is; with nothing hidden, it holds the same
    // characters as the text nodes (white space and letter case, which CSS may change, aside).
    const squash = (s: string) => s.replace(/\s+/gu, '').toLowerCase();
    return { hidden, inClosedDetails, visuallyHidden, seen: squash(main.innerText), held: squash(held) };
  });
}

/** Where two strings first differ, with some context from each. */
function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i === a.length && i === b.length
    ? ''
    : `at ${i}: seen "…${a.slice(i - 30, i + 50)}…" vs held "…${b.slice(i - 30, i + 50)}…"`;
}

type Target = {
  targetId: string | null;
  /** The `:target`, described, and whether it is the element itself or inside it. */
  target: string;
  targetWithin: boolean;
  background: string;
  edge: string;
  otherBackground: string;
  otherEdge: string;
  top: number;
  headerBottom: number;
  viewportHeight: number;
};

/** The current `:target`, and the highlight of element `id` compared with element `otherId`. */
function targetState(page: Page, id: string, otherId: string): Promise<Target> {
  return page.evaluate(
    ([targetId, other]) => {
      const el = document.getElementById(targetId) as HTMLElement;
      const cmp = document.getElementById(other) as HTMLElement;
      const s = getComputedStyle(el);
      const o = getComputedStyle(cmp);
      return {
        targetId: document.querySelector(':target')?.id ?? null,
        target: (() => {
          const t = document.querySelector(':target');
          return t ? `<${t.tagName.toLowerCase()} id="${t.id}" class="${t.className}">` : 'none';
        })(),
        targetWithin: Boolean(document.querySelector(':target') && el.contains(document.querySelector(':target'))),
        background: s.backgroundColor,
        edge: s.borderLeftColor,
        otherBackground: o.backgroundColor,
        otherEdge: o.borderLeftColor,
        top: el.getBoundingClientRect().top,
        headerBottom: document.querySelector('.site-header')?.getBoundingClientRect().bottom ?? 0,
        viewportHeight: window.innerHeight,
      };
    },
    [id, otherId] as const,
  );
}

// ── Tests ─────────────────────────────────────────────────────────────────────────────────

// Each test opens a page of its own, or shares one load of a page with the other tests of its suite
// (sharedPage): the suites run a few at a time.
describe.skipIf(!hasChromium)('with JavaScript disabled', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await connectBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** A page with script off, at `path`, answering 200; closed and checked when the test ends. */
  async function open(t: TestHooks, path: string): Promise<SitePage> {
    const site = await pageFor(t, browser, { javaScriptEnabled: false });
    await visit(site, path, { status: statusOf(path) });
    return site;
  }

  /** The same, shared by the tests of a suite (closed and checked after it). */
  const openShared = (path: string) =>
    sharedPage(async () => {
      const site = await newPage(browser, { javaScriptEnabled: false });
      await visit(site, path, { status: statusOf(path) });
      return site;
    });

  it('found the explainers, the sources and the timeline in the build, and script really is off', async (t) => {
    expect(EXPLAINERS.length).toBeGreaterThanOrEqual(3);
    expect(CITING).toEqual(expect.arrayContaining(EXPLAINERS));
    expect(TIMELINE).toBeDefined();
    expect(timelineJson.length).toBeGreaterThan(0);
    // data/sources.json and the built source pages agree.
    expect(SOURCES.map((s) => s.path).sort()).toEqual(PAGES.filter((p) => /^\/sources\/[^/]+\/$/u.test(p)));
    expect(SOURCES.length).toBeGreaterThanOrEqual(5);
    for (const { path } of SOURCES) expect(fileForUrl(path), path).toBeDefined();
    // Most pages carry the header's search field (the "/" shortcut's target); their tests below check it.
    expect(HEADER_SEARCH.length).toBeGreaterThan(0);

    const site = await open(t, EXPLAINERS[0] as string);
    const { page } = site;
    expect(await page.evaluate(() => matchMedia('(scripting: none)').matches)).toBe(true);
    // The enhancements did not run: no preview card, no copy buttons.
    expect(await page.locator('#cite-preview').count()).toBe(0);
    await page.goto(siteUrl(SOURCES[0]?.path ?? '/'));
    await settle(site);
    expect(await page.locator('button.copy-link').count()).toBe(0);
  });

  // Every page, loaded once with script off, for all that applies to it, in this order: the checks that only
  // look; then those that click (¶ links, notes, contents); then every <details> opened; last, a citation
  // marker followed off the page.
  describe.for(PAGES)('%s', { concurrent: true }, (path) => {
    const loaded = openShared(path);
    const source = SOURCES.find((s) => s.path === path)?.source;
    const citing = CITING.includes(path);

    if (source) {
      it('shows the full text of every passage, as data/sources.json has it', { concurrent: false }, async () => {
        const { page } = await loaded();
        const mainText = fold(await page.locator('main').innerText());
        const shown = await page.evaluate(() =>
          [...document.querySelectorAll<HTMLElement>('main .passage')].map((el) => ({
            id: el.id,
            text: el.innerText.replace(/\s+/gu, ' ').trim(),
            visible: el.checkVisibility({ opacityProperty: true, visibilityProperty: true }),
          })),
        );
        expect(shown.map((p) => p.id)).toEqual(source.passages.map((p) => p.id));
        for (const [i, passage] of source.passages.entries()) {
          const want = fold(passage.text);
          expect(shown[i]?.visible, `#${passage.id} is visible`).toBe(true);
          expect(shown[i]?.text, `#${passage.id} shows its text`).toContain(want);
          expect(mainText.includes(want), `main's rendered text contains ¶ ${passage.ordinal}: "${want}"`).toBe(true);
        }
      });
      it(
        'shows every "Cited in" link, each leading to a place that links back to this passage',
        { concurrent: false },
        async () => {
          const { page } = await loaded();
          const cited = await page.evaluate(() =>
            [...document.querySelectorAll<HTMLAnchorElement>('main .passage .cited-in a')].map((a) => ({
              passage: a.closest('.passage')?.id ?? '',
              href: a.getAttribute('href') ?? '',
            })),
          );
          expect(unseen(await boxes(page, 'main .passage .cited-in a'))).toEqual([]);
          for (const { passage, href } of cited) {
            const url = new URL(href, 'http://site.invalid');
            const id = decodeURIComponent(url.hash.slice(1));
            expect(PAGES, `${href} is a built page`).toContain(url.pathname);
            // A citation marker, a claim or a timeline event: it holds a link to this very passage.
            const place = builtPage(url.pathname).document.getElementById(id);
            expect(place, `${href} exists`).not.toBeNull();
            const back = [...(place?.querySelectorAll('a[href]') ?? [])].map((a) => {
              const c = parseCitation(a.getAttribute('href') ?? '');
              return `${c.path}#${c.id}`;
            });
            expect(back, `${href} links back to #${passage}`).toContain(`${path}#${passage}`);
          }
        },
      );
    }
    if (citing) {
      it(
        'shows every citation marker, each a link to a passage that holds the quoted words',
        { concurrent: false },
        async () => {
          const { page } = await loaded();
          const markers = await page.evaluate(() =>
            [...document.querySelectorAll<HTMLAnchorElement>('main sup.cite-ref a')].map((a) => ({
              ref: a.closest('sup')?.id ?? '',
              href: a.getAttribute('href') ?? '',
              note: a.dataset['note'] ?? '',
              label: (a.textContent ?? '').replace(/\s+/gu, ' ').trim(),
              inEvent: a.closest('.timeline') !== null,
            })),
          );
          expect(markers.length).toBeGreaterThan(0);
          expect(unseen(await boxes(page, 'main sup.cite-ref a'))).toEqual([]);
          for (const marker of markers) {
            const { path: target, id, quote } = parseCitation(marker.href);
            const passage = passageById.get(`${target}#${id}`);
            expect(passage, `${marker.ref} → ${marker.href} names a passage in data/sources.json`).toBeDefined();
            expect(builtPage(target).document.getElementById(id)?.classList.contains('passage')).toBe(true);
            for (const words of quote.split(' … '))
              expect(fold(passage?.text ?? ''), `${marker.ref}: the quoted words are in the passage`).toContain(
                fold(words),
              );
            // A timeline event letters its markers ([a], [b]) after its own sources list; the page's notes are numbered.
            expect(marker.label, `${marker.ref} reads as a marker`).toMatch(
              marker.inEvent ? /^\[[a-z]+\d*\] / : new RegExp(`^\\[${marker.note}\\] `, 'u'),
            );
          }
        },
      );
    }
    it(
      'offers no control that needs script: every visible button or field submits a real form',
      { concurrent: false },
      async () => {
        const { page } = await loaded();
        const inert = await page.evaluate(() =>
          [
            ...document.querySelectorAll<HTMLElement>(
              'button, input:not([type="hidden"]), select, textarea, [role="button"], [role="switch"], [role="tab"], a[href]',
            ),
          ]
            .filter((el) => el.checkVisibility({ opacityProperty: true, visibilityProperty: true }))
            .flatMap((el) => {
              const what = el.outerHTML.slice(0, 120);
              if (el instanceof HTMLAnchorElement) {
                const href = el.getAttribute('href') ?? '';
                return href === '#' || /^\s*javascript:/iu.test(href) ? [`a link that goes nowhere: ${what}`] : [];
              }
              if (el.getAttribute('role') && !(el instanceof HTMLButtonElement)) return [`a scripted widget: ${what}`];
              const form = (el as HTMLButtonElement | HTMLInputElement).form;
              if (!form || !form.getAttribute('action')) return [`a control outside any form with an action: ${what}`];
              if (el instanceof HTMLButtonElement && el.type !== 'submit')
                return [`a button that does not submit: ${what}`];
              return [];
            }),
        );
        expect(inert).toEqual([]);
        // The enhancements' own controls are not there at all.
        expect(await page.locator('button.copy-link, #cite-preview').count(), 'copy-link buttons or preview card').toBe(
          0,
        );
      },
    );
    if (HEADER_SEARCH.includes(path)) {
      it('does not advertise the "/" search shortcut, which needs script', { concurrent: false }, async () => {
        const { page } = await loaded();
        // The shortcut really does nothing without script…
        await page.locator('body').press('/');
        expect(await page.evaluate(() => document.activeElement?.id ?? ''), '"/" focused the search field').not.toBe(
          'site-search-q',
        );
        // …so no "/" key hint may be shown.
        const hints = await page.evaluate(() =>
          [...document.querySelectorAll<HTMLElement>('kbd')]
            .filter((k) => /^\s*\/\s*$/u.test(k.textContent ?? ''))
            .filter((k) => k.checkVisibility({ opacityProperty: true, visibilityProperty: true }))
            .map((k) => k.outerHTML.replace(/\s+/gu, ' ')),
        );
        expect(hints, 'visible key hints for a shortcut that does nothing').toEqual([]);
      });
    }
    if (source) {
      it(
        'shows every ¶ permalink, pointing at its own passage, and following one highlights the passage',
        { concurrent: false },
        async () => {
          const site = await loaded();
          const { page } = site;
          const links = await page.evaluate(() =>
            [...document.querySelectorAll('main .passage')].map((el) => {
              const link = el.querySelector(':scope > a.permalink');
              return {
                id: el.id,
                href: link?.getAttribute('href') ?? null,
                text: (link?.textContent ?? '').replace(/\s+/gu, ' ').trim(),
              };
            }),
          );
          expect(links).toEqual(
            source.passages.map((p) => ({ id: p.id, href: `#${p.id}`, text: `Passage ¶ ${p.ordinal}` })),
          );
          expect(unseen(await boxes(page, 'main .passage > a.permalink'))).toEqual([]);

          // Follow one far down the page: the hash changes and the passage is the highlighted :target.
          const pick = source.passages[Math.floor(source.passages.length * 0.75)] as JsonPassage;
          const other = source.passages.find((p) => p.id !== pick.id && p.kind === pick.kind) as JsonPassage;
          await page.evaluate(() => window.scrollTo(0, 0));
          await page.locator(`[id="${pick.id}"] > a.permalink`).click();
          await settle(site);
          expect(new URL(page.url()).hash).toBe(`#${pick.id}`);
          const state = await targetState(page, pick.id, other.id);
          expect(state.targetId).toBe(pick.id);
          expect(state.background, 'the target passage is highlighted').not.toBe(state.otherBackground);
          expect(state.top).toBeGreaterThanOrEqual(state.headerBottom - 1);
          expect(state.top).toBeLessThan(state.viewportHeight);
        },
      );
    }
    if (citing) {
      it(
        'shows the Sources list: every note with its quote, its source link and working back-links',
        { concurrent: false },
        async () => {
          const site = await loaded();
          const { page } = site;
          const { document } = builtPage(path);
          const notes = [...document.querySelectorAll('main .notes-list > li[id^="note-"]')];
          expect(notes.length).toBeGreaterThan(0);
          expect(unseen(await boxes(page, 'main section.notes'))).toEqual([]);
          expect(unseen(await boxes(page, 'main .notes-list > li[id^="note-"] q'))).toEqual([]);
          expect(unseen(await boxes(page, 'main .notes-list > li[id^="note-"] a:not(.backref)'))).toEqual([]);
          expect(unseen(await boxes(page, 'main .notes-list a.backref'))).toEqual([]);

          const shownQuotes = await page.evaluate(() =>
            [...document.querySelectorAll<HTMLElement>('main .notes-list > li[id^="note-"] q')].map((q) =>
              q.innerText.replace(/\s+/gu, ' ').trim(),
            ),
          );
          expect(shownQuotes).toEqual(notes.map((li) => text(li.querySelector('q'))));
          expect(shownQuotes.every(Boolean)).toBe(true);

          for (const li of notes) {
            const number = li.id.slice('note-'.length);
            const link = li.querySelector('a[href^="/sources/"]')?.getAttribute('href') ?? '';
            const { quote, path: target, id } = parseCitation(link);
            if (quote.includes(' … ')) {
              // A long quote's fragment names its first and last words (start,end).
              const [first = '', last = ''] = quote.split(' … ');
              const shown = text(li.querySelector('q'));
              expect(
                shown.startsWith(fold(first)) && shown.endsWith(fold(last)),
                `#${li.id}: ${shown} is ${quote}`,
              ).toBe(true);
            } else if (quote) {
              expect(fold(quote), `#${li.id}: the quote is the one its link points at`).toBe(
                text(li.querySelector('q')),
              );
            } else {
              const passage = passageById.get(`${target}#${id}`);
              expect(fold(passage?.text ?? ''), `#${li.id}: the passage it links to holds the quote`).toContain(
                fold(text(li.querySelector('q'))),
              );
            }
            const backrefs = [...li.querySelectorAll('a.backref')].map((a) => a.getAttribute('href') ?? '');
            expect(backrefs.length).toBeGreaterThan(0);
            for (const backref of backrefs) {
              const sup = document.getElementById(backref.slice(1));
              expect(sup?.matches('sup.cite-ref'), `${backref} is a marker`).toBe(true);
              expect(sup?.querySelector('a')?.getAttribute('data-note')).toBe(number);
              expect(sup?.querySelector('a')?.getAttribute('href'), `${backref} cites what #${li.id} quotes`).toBe(
                link,
              );
            }
          }
          // Every marker's note exists (an event's lettered markers are listed under the event instead).
          for (const a of document.querySelectorAll('main sup.cite-ref a:not(.timeline a)'))
            expect(
              document.getElementById(`note-${a.getAttribute('data-note')}`),
              a.getAttribute('href') ?? '',
            ).not.toBeNull();

          // A back-link works: it targets its marker.
          const backref = page.locator('main .notes-list a.backref').last();
          const ref = ((await backref.getAttribute('href')) as string).slice(1);
          await backref.click();
          await settle(site);
          expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe(ref);
        },
      );
      it('shows the table of contents, and every entry leads to its heading', { concurrent: false }, async () => {
        const site = await loaded();
        const { page } = site;
        const hrefs = await page.evaluate(() =>
          [...document.querySelectorAll('main nav.toc a')].map((a) => a.getAttribute('href') ?? ''),
        );
        if (!EXPLAINERS.includes(path)) {
          // The home page's overview has no contents list (and so nothing more to follow).
          expect(hrefs).toEqual([]);
          return;
        }
        expect(hrefs.length).toBeGreaterThan(1);
        expect(unseen(await boxes(page, 'main nav.toc a'))).toEqual([]);
        for (const href of hrefs) {
          expect(href).toMatch(/^#./u);
          await page.evaluate(() => window.scrollTo(0, 0));
          await page.locator(`main nav.toc a[href="${href}"]`).click();
          await settle(site);
          const landed = await page.evaluate(() => {
            const el = document.querySelector(':target');
            const header = document.querySelector('.site-header')?.getBoundingClientRect().bottom ?? 0;
            const r = el?.getBoundingClientRect();
            return {
              id: el?.id ?? null,
              heading: Boolean(el?.matches('h2, h3, h4')),
              clear: Boolean(r && r.top >= header - 1 && r.top < window.innerHeight),
            };
          });
          expect(landed, href).toEqual({ id: decodeURIComponent(href.slice(1)), heading: true, clear: true });
        }
      });
    }
    if (READING.includes(path)) {
      it(
        'nothing hidden: every piece of text is shown, or revealed by a native <details> without script',
        { concurrent: false },
        async () => {
          const { page } = await loaded();
          const before = await auditHidden(page);
          expect(before.hidden, 'text hidden in a way only script could undo').toEqual([]);
          // Open every closed <details> by clicking its summary, as a reader would: no script needed.
          const summaries = page.locator('main details:not([open]) > summary');
          for (let n = await summaries.count(); n > 0; n = await summaries.count()) {
            await summaries.first().scrollIntoViewIfNeeded();
            await summaries.first().click();
          }
          const after = await auditHidden(page);
          expect(after.hidden, 'text still hidden with every <details> open').toEqual([]);
          expect(after.inClosedDetails).toBe(0);
          // What is visually hidden is a short label for assistive technology, not reading text.
          expect(after.visuallyHidden.filter((label) => label.length > 160)).toEqual([]);
          // The reader sees everything main holds.
          expect(firstDifference(after.seen, after.held), 'main.innerText vs the text of main').toBe('');
        },
      );
    }
    if (citing) {
      it(
        'following a citation marker lands on its passage, the highlighted :target',
        { concurrent: false },
        async () => {
          const site = await loaded();
          const { page } = site;
          const markers = page.locator('main sup.cite-ref a');
          const marker = markers.nth(Math.floor((await markers.count()) / 2));
          const href = (await marker.getAttribute('href')) as string;
          const { path: target, id } = parseCitation(href);
          await marker.scrollIntoViewIfNeeded();
          await marker.click();
          await page.waitForURL((url) => url.pathname === target);
          await settle(site);
          const source = sourcesJson.find((s) => `/sources/${s.slug}/` === target) as JsonSource;
          const kind = passageById.get(`${target}#${id}`)?.kind;
          const other = source.passages.find((p) => p.id !== id && p.kind === kind) as JsonPassage;
          const state = await targetState(page, id, other.id);
          // The browser scrolled to the cited passage…
          expect(state.top, `#${id} is below the sticky header`).toBeGreaterThanOrEqual(state.headerBottom - 1);
          expect(state.top, `#${id} is on screen`).toBeLessThan(state.viewportHeight);
          // …and it is the target: the passage itself, or (when Chromium finds the quoted words of the text
          // fragment) the element inside it that holds them. Either way the whole passage is highlighted, as it
          // is when a ¶ permalink is followed.
          expect(state.targetWithin, `:target ${state.target} after following ${href} is #${id} or inside it`).toBe(
            true,
          );
          expect(state.background, `#${id} is highlighted unlike #${other.id}`).not.toBe(state.otherBackground);
        },
      );
    }
  });

  describe('the timeline', () => {
    it('shows every event of data/timeline.json in order, with its date as visible <time> text', async (t) => {
      const site = await open(t, TIMELINE as string);
      const { page } = site;
      const events = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('main ol.timeline > li')].map((li) => {
          const time = li.querySelector('time');
          const anchor = li.querySelector('a.timeline-event__anchor');
          return {
            id: li.id,
            datetime: time?.getAttribute('datetime') ?? null,
            time: (time?.innerText ?? '').replace(/\s+/gu, ' ').trim(),
            text: li.innerText.replace(/\s+/gu, ' ').trim(),
            // The summary as read, without its citation markers.
            summary: (() => {
              const copy = li.querySelector('.timeline-event__summary')?.cloneNode(true) as HTMLElement | undefined;
              for (const sup of copy?.querySelectorAll('sup') ?? []) sup.remove();
              return (copy?.textContent ?? '')
                .replace(/\s+/gu, ' ')
                .replace(/\s+([.,;:!?])/gu, '$1')
                .trim();
            })(),
            anchor: anchor?.getAttribute('href') ?? null,
          };
        }),
      );
      expect(events.map((e) => e.id)).toEqual(timelineJson.map((e) => e.id));
      for (const [i, want] of timelineJson.entries()) {
        const got = events[i];
        expect(got?.datetime, `#${want.id} <time datetime>`).toBe(want.date);
        expect(got?.datetime).toMatch(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/u);
        expect(got?.time, `#${want.id} shows its date`).toBe(fold(want.label));
        expect(got?.text).toContain(fold(want.title));
        expect(got?.summary).toBe(fold(want.summary));
        expect(got?.anchor).toBe(`${TIMELINE}#${want.id}`);
      }
      expect(unseen(await boxes(page, 'main ol.timeline > li'))).toEqual([]);
      expect(unseen(await boxes(page, 'main ol.timeline > li time'))).toEqual([]);
      expect(unseen(await boxes(page, 'main ol.timeline > li a'))).toEqual([]);

      // An event's own link targets it.
      const last = timelineJson.at(-1) as JsonEvent;
      await page.evaluate(() => window.scrollTo(0, 0));
      // The "#" a reader sees and clicks (the link's first box is its visually hidden label).
      await page.locator(`[id="${last.id}"] a.timeline-event__anchor > [aria-hidden="true"]`).click();
      await settle(site);
      expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe(last.id);
    });
  });

  it('the hidden-text audit catches text hidden by [hidden], display: none, visibility and opacity', async (t) => {
    const { page } = await open(t, READING[0] as string);
    expect((await auditHidden(page)).hidden).toEqual([]);
    await page.evaluate(() => {
      const main = document.querySelector('main') as HTMLElement;
      const add = (html: string) => main.insertAdjacentHTML('beforeend', html);
      add('<p hidden>Probe one, hidden attribute.</p>');
      add('<div class="probe-none"><span>Probe two, display none.</span></div>');
      add('<p class="probe-vis">Probe three, visibility hidden.</p>');
      add('<p class="probe-op">Probe four, opacity zero.</p>');
      add('<details><summary>Probe summary</summary><p>Probe five, closed details.</p></details>');
      add('<span class="visually-hidden">Probe six, a label.</span>');
      (main.querySelector('.probe-none') as HTMLElement).style.display = 'none';
      (main.querySelector('.probe-vis') as HTMLElement).style.visibility = 'hidden';
      (main.querySelector('.probe-op') as HTMLElement).style.opacity = '0';
    });
    const audit = await auditHidden(page);
    expect(audit.hidden).toHaveLength(4);
    for (const probe of ['one', 'two', 'three', 'four'])
      expect(
        audit.hidden.some((h) => h.includes(`Probe ${probe},`)),
        probe,
      ).toBe(true);
    expect(audit.inClosedDetails).toBe(1);
    expect(audit.visuallyHidden).toContain('Probe six, a label.');
  });
});
