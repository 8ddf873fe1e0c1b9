// Browser tests: Debian's Chromium driven by playwright-core against the built site, which
// tests/support/preview-server.ts serves and `provide`s as `baseUrl`.
// Never `playwright install`: the browser is the system's (CHROMIUM_PATH or /usr/bin/chromium).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
  type Request,
} from 'playwright-core';
import { afterAll, expect, inject, type TestContext } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH, OFFLINE_ARGS } from '../../scripts/chromium.mjs';
import { allPagePaths, page as builtPage, text } from './site.ts';

export { CHROMIUM_ARGS, CHROMIUM_PATH, OFFLINE_ARGS };

/** Browser test files wrap themselves in `describe.skipIf(!hasChromium)`; scripts/test.mjs shouts when it is false. */
export const hasChromium = existsSync(CHROMIUM_PATH);

/** Where the preview server listens, e.g. `http://127.0.0.1:4567` (no trailing slash). */
export function baseUrl(): string {
  const url = inject('baseUrl');
  if (!url) throw new Error('No baseUrl was provided: is tests/support/preview-server.ts in the browser globalSetup?');
  return url.replace(/\/+$/u, '');
}

/** An absolute URL on the site under test for a path such as `/sources/x/#id`. */
export function siteUrl(path: string): string {
  return new URL(path, `${baseUrl()}/`).href;
}

/**
 * The browser run's one Chromium (tests/support/chromium-server.ts starts it). Each test file connects once
 * and opens a fresh context per page; closing the connection closes every context the file opened.
 */
export async function connectBrowser(): Promise<Browser> {
  const endpoint = inject('chromiumEndpoint');
  if (!endpoint) {
    throw new Error('No shared Chromium: is tests/support/chromium-server.ts in the browser globalSetup?');
  }
  return chromium.connect(endpoint);
}

/**
 * A Chromium of the test's own. Only for what one browser shares between all its contexts: the system
 * clipboard is one per browser, and other files copy links at the same time as a test that reads it.
 */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS, ...OFFLINE_ARGS] });
}

export type NewPageOptions = {
  colorScheme?: 'light' | 'dark';
  javaScriptEnabled?: boolean;
  viewport?: { width: number; height: number };
  /** Browser permissions granted to the site's origin only, e.g. `['clipboard-read', 'clipboard-write']`. */
  permissions?: string[];
  /**
   * Load axe-core into every document of the context before its own scripts (an init script, which the page's
   * Content-Security-Policy does not govern), so `runAxe` need not send its 500 kB source for each page.
   */
  axe?: boolean;
  /**
   * A context and page of the test's own instead of one from the pool: for a test that adds routes, bindings,
   * init scripts or a DevTools session, which would outlive it on a pooled page.
   */
  fresh?: boolean;
};

export type SitePage = {
  page: Page;
  context: BrowserContext;
  /** Every request the page (and its workers) made, in order, as absolute URLs. */
  requests: string[];
  /** Requests to any origin other than the site's. They are aborted, never sent, and listed here. */
  foreignRequests: string[];
  /** Uncaught exceptions thrown in the page. */
  pageErrors: string[];
  javaScriptEnabled: boolean;
  /** `console.error` messages, e.g. failed loads and CSP reports. */
  consoleErrors: string[];
  /** Done with the page: a pooled page goes back to its pool (at about:blank), any other is closed. */
  close: () => Promise<void>;
  /** Close it for good, whichever kind it is (after a failure, when its state is unknown). */
  discard: () => Promise<void>;
};

const DEFAULT_VIEWPORT = { width: 1280, height: 720 } as const;

/**
 * Record in `list` every request of the context to another origin. Such a request fails in the test browser
 * (OFFLINE_ARGS: no other host name resolves), with no round trip to the test for the site's own requests; one
 * the page's own Content-Security-Policy stopped before it reached the network is taken off the list again.
 */
export function recordForeignRequests(context: BrowserContext, isForeign: (url: string) => boolean, list: string[]) {
  context.on('request', (request: Request) => {
    if (isForeign(request.url())) list.push(request.url());
  });
  context.on('requestfailed', (request: Request) => {
    if (request.failure()?.errorText !== 'csp') return;
    const at = list.lastIndexOf(request.url());
    if (at >= 0) list.splice(at, 1);
  });
}

/**
 * A fresh context and page, for a test that changes more than a test may leave behind: routes, bindings, init
 * scripts, a DevTools session. Every request is recorded; a request to any origin other than the site's is
 * recorded in `foreignRequests` (and fails: the browser resolves no other host, OFFLINE_ARGS), so a test can
 * assert the list is empty and the machine never reaches the network.
 */
export async function freshPage(browser: Browser, options: NewPageOptions = {}): Promise<SitePage> {
  const site = await openSitePage(browser, options);
  await prepare(site, options);
  return site;
}

/**
 * A page for a test, from a pool kept per browser connection: a new page costs a renderer process (about a
 * second of CPU), navigating one costs a fraction of that. It comes at about:blank, with nothing recorded yet,
 * the mouse outside it, its viewport and colour scheme set as asked and no other media emulated; `close()` gives
 * it back. The options a context fixes (script on or off, permissions, axe-core) each have a pool of their own.
 */
export async function newPage(browser: Browser, options: NewPageOptions = {}): Promise<SitePage> {
  if (options.fresh) return freshPage(browser, options);
  const key = JSON.stringify([
    options.javaScriptEnabled ?? true,
    [...(options.permissions ?? [])].sort(),
    !!options.axe,
  ]);
  let pools = poolsOf.get(browser);
  if (!pools) poolsOf.set(browser, (pools = new Map()));
  let pool = pools.get(key);
  if (!pool) pools.set(key, (pool = []));
  const free = pool;
  const site = free.pop() ?? (await openSitePage(browser, options));
  for (const list of [site.requests, site.foreignRequests, site.pageErrors, site.consoleErrors]) list.length = 0;
  let returned = false;
  site.close = async () => {
    if (returned) return;
    returned = true;
    try {
      // A new document for the next test (a fragment alone would not reload), the pointer off the page.
      await site.page.goto('about:blank');
      await site.page.mouse.move(-1, -1);
      free.push(site);
    } catch {
      await site.discard();
    }
  };
  await prepare(site, options);
  return site;
}
const poolsOf = new WeakMap<Browser, Map<string, SitePage[]>>();

/** What each test sets afresh on a page: its viewport and its media (screen, and the colour scheme). */
async function prepare(site: SitePage, options: NewPageOptions): Promise<void> {
  await site.page.setViewportSize(options.viewport ?? DEFAULT_VIEWPORT);
  await site.page.emulateMedia({ media: null, colorScheme: options.colorScheme ?? 'light', reducedMotion: 'reduce' });
}

async function openSitePage(browser: Browser, options: NewPageOptions): Promise<SitePage> {
  const origin = new URL(baseUrl()).origin;
  const contextOptions: BrowserContextOptions = {
    colorScheme: options.colorScheme ?? 'light',
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    viewport: options.viewport ?? DEFAULT_VIEWPORT,
    reducedMotion: 'reduce',
    serviceWorkers: 'block',
  };
  const context = await browser.newContext(contextOptions);
  if (options.permissions?.length) await context.grantPermissions(options.permissions, { origin });
  if (options.axe) await context.addInitScript({ content: axeScript() });

  const requests: string[] = [];
  const foreignRequests: string[] = [];
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];
  const isForeign = (url: string): boolean => {
    // data: and blob: URLs never leave the page; about:blank is not a request to anyone.
    if (/^(?:data|blob|about):/u.test(url)) return false;
    try {
      return new URL(url).origin !== origin;
    } catch {
      return true;
    }
  };
  context.on('request', (request: Request) => {
    requests.push(request.url());
  });
  recordForeignRequests(context, isForeign, foreignRequests);

  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(String(error.stack ?? error)));
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('websocket', (socket) => {
    if (isForeign(socket.url())) foreignRequests.push(socket.url());
  });

  const discard = () => context.close().catch(() => undefined);
  return {
    page,
    context,
    requests,
    foreignRequests,
    pageErrors,
    consoleErrors,
    javaScriptEnabled: contextOptions.javaScriptEnabled ?? true,
    close: discard,
    discard,
  };
}

/**
 * Wait until the document has loaded, any scroll to its fragment has happened, and two frames have painted.
 * Without page JavaScript, `requestAnimationFrame` and timers never fire in the page, so wait from outside.
 */
export async function settle(site: SitePage): Promise<void> {
  await site.page.waitForLoadState('load');
  if (site.javaScriptEnabled) {
    await site.page.evaluate(
      'new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(undefined))))',
    );
  } else {
    await site.page.waitForTimeout(150);
  }
}

/**
 * Pagefind's results list draws a placeholder per result and fills each in once it scrolls into view (an
 * IntersectionObserver). True once every placeholder in view has been filled in, and at least one result has.
 */
export const RESULTS_IN_VIEW_LOADED = `(() => {
  const results = [...document.querySelectorAll('pagefind-results li.pf-result')];
  const inView = (el) => { const r = el.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; };
  return results.some((li) => li.querySelector('a.pf-result-link')) &&
    !results.some((li) => li.getAttribute('aria-hidden') === 'true' && inView(li));
})()`;

// ───────────────────────────────────────────────── axe-core

const require = createRequire(import.meta.url);
let axeSource: string | undefined;
function axeScript(): string {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

export type AxeNode = { target: unknown[]; html: string; failureSummary?: string };
export type AxeViolation = { id: string; impact?: string | null; help: string; helpUrl: string; nodes: AxeNode[] };

/** Extra options for `axe.run`, e.g. `{ runOnly: ['label-content-name-mismatch'] }`; plain JSON only. */
export type AxeRunOptions = {
  runOnly?: string[] | { type: 'tag' | 'rule'; values: string[] };
  rules?: Record<string, { enabled: boolean }>;
};

/** Raw axe violations for the whole document (axe's default rule set: WCAG 2.x A/AA and best practices, plus target size). */
export async function axeViolations(page: Page, options: AxeRunOptions = {}): Promise<AxeViolation[]> {
  const present = await page.evaluate('typeof window.axe === "object"');
  // Evaluated through the DevTools protocol, which the page's Content-Security-Policy does not
  // govern; a <script> tag would be (rightly) blocked by it.
  if (!present) await page.evaluate(axeScript());
  // WCAG 2.2 AA's target size (2.5.8) is off in axe's default set; we hold every page to it.
  const rules = options.runOnly ? options.rules : { 'target-size': { enabled: true }, ...options.rules };
  const runOptions = JSON.stringify({ ...options, ...(rules ? { rules } : {}), resultTypes: ['violations'] });
  // A string, not a function: Vite would rewrite a function's body (see TOOLCHAIN.md).
  const result = (await page.evaluate(`(async () => {
    const results = await window.axe.run(document, ${runOptions});
    return results.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })),
    }));
  })()`)) as AxeViolation[];
  return result;
}

/**
 * Run axe-core on the page and return one readable line block per violation, so that
 * `expect(await runAxe(page)).toEqual([])` names the rule, its impact, every offending element and why.
 * Without page JavaScript (`javaScriptEnabled: false`) axe cannot be injected.
 */
export async function runAxe(page: Page, options: AxeRunOptions = {}): Promise<string[]> {
  return formatViolations(await axeViolations(page, options));
}

export function formatViolations(violations: AxeViolation[]): string[] {
  return violations.map((v) =>
    [
      `${v.id} (${v.impact ?? 'no impact given'}): ${v.help} — ${v.helpUrl}`,
      ...v.nodes.map((n) =>
        [
          `  at ${n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : String(t))).join(', ')}`,
          `     ${truncate(n.html, 300)}`,
          ...(n.failureSummary ?? '')
            .split('\n')
            .filter(Boolean)
            .map((line) => `     ${line.trim()}`),
        ].join('\n'),
      ),
    ].join('\n'),
  );
}

function truncate(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

/** Navigate to a path on the site and fail loudly unless it answered `status` (200 unless told). */
export async function visit(site: SitePage, path: string, { status = 200 }: { status?: number } = {}): Promise<void> {
  const response = await site.page.goto(siteUrl(servedAt(path)), { waitUntil: 'load' });
  if (!response) throw new Error(`No response for ${path}`);
  if (response.status() !== status) throw new Error(`${path} answered ${response.status()}, not ${status}`);
  await settle(site);
}

/** The status a built page is served with: the not-found page (`404.html`) answers 404. */
export function statusOf(path: string): number {
  return path === '/404' ? 404 : 200;
}

/**
 * Where a reader meets a built page. `404.html` is what the server answers for any unknown address;
 * `/404` itself is not a page a reader visits (Astro's preview answers it with its own trailing-slash notice).
 */
export function servedAt(path: string): string {
  return path === '/404' ? '/no-such-page-here/' : path;
}

// ───────────────────────────────────────────────── what the build holds

export type BuiltPassage = { id: string; ordinal: number; furniture: boolean };
export type BuiltSource = { path: string; slug: string; passages: BuiltPassage[]; textLength: number };

/** Every built source page (`/sources/<slug>/`) and its passages, read from the HTML in the build. */
export function builtSources(): BuiltSource[] {
  return allPagePaths()
    .filter((path) => /^\/sources\/[^/]+\/$/u.test(path))
    .map((path) => {
      const { document } = builtPage(path);
      const passages = [...document.querySelectorAll('.passage')].map((el) => ({
        id: el.id,
        ordinal: Number(text(el.querySelector('a.permalink')).replace(/\D+/gu, '')),
        furniture: el.classList.contains('passage--furniture'),
      }));
      return {
        path,
        slug: path.split('/')[2] ?? '',
        passages,
        textLength: text(document.querySelector('.passages')).length,
      };
    });
}

/** The longest source (most passages, then most text). */
export function longestSource(sources = builtSources()): BuiltSource {
  const longest = [...sources].sort((a, b) => b.passages.length - a.passages.length || b.textLength - a.textLength)[0];
  if (!longest) throw new Error('The build has no source pages under /sources/<slug>/');
  return longest;
}

/** What a page needs of the test that opens it: Vitest's test context (a concurrent test must pass its own). */
export type TestHooks = Pick<TestContext, 'onTestFinished'>;

/**
 * A fresh page for the running test, closed and checked (`closeChecked`) when the test ends, however it ends.
 * Safe in tests that run concurrently, unlike one page variable shared through `afterEach`.
 */
export async function pageFor(test: TestHooks, browser: Browser, options: NewPageOptions = {}): Promise<SitePage> {
  const site = await newPage(browser, options);
  test.onTestFinished(async ({ task }) => {
    // After a failure the page's state is unknown (a timed-out step may still be acting on it): not reused.
    if (task.result?.state === 'fail') await site.discard();
    await closeChecked(site);
  });
  return site;
}

/**
 * One page shared by the tests of a suite: several checks on one load. Opened by whichever test asks first
 * (so each test also runs alone), closed and checked after the suite. Its tests run in order, those that only
 * read the page before those that act on it; `describe(…, { concurrent: true })` then runs such suites side by
 * side with `it(…, { concurrent: false })` inside.
 */
export function sharedPage(open: () => Promise<SitePage>): () => Promise<SitePage> {
  let site: Promise<SitePage> | undefined;
  afterAll(async () => {
    if (site) await closeChecked(await site);
  });
  return () => (site ??= open());
}

/** Close a page a test opened, then check it threw no uncaught error and asked nothing of another origin. */
export async function closeChecked(site: SitePage | undefined): Promise<void> {
  if (!site) return;
  // Read before closing: a pooled page may be lent again (and its lists emptied) as soon as it is back.
  const pageErrors = [...site.pageErrors];
  const foreignRequests = [...site.foreignRequests];
  await site.close();
  expect(pageErrors, 'uncaught errors in the page').toEqual([]);
  expect(foreignRequests, 'requests to origins other than the site').toEqual([]);
}
