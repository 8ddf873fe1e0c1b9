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
import { expect, inject } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.mjs';
import { allPagePaths, page as builtPage, text } from './site.ts';

export { CHROMIUM_ARGS, CHROMIUM_PATH };

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

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS] });
}

export type NewPageOptions = {
  colorScheme?: 'light' | 'dark';
  javaScriptEnabled?: boolean;
  viewport?: { width: number; height: number };
  /** Browser permissions granted to the site's origin only, e.g. `['clipboard-read', 'clipboard-write']`. */
  permissions?: string[];
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
  close: () => Promise<void>;
};

/**
 * A fresh context and page. Every request is recorded; a request to any origin other than the
 * site's is aborted and recorded in `foreignRequests`, so a test can assert the list is empty and the
 * machine never reaches the network.
 */
export async function newPage(browser: Browser, options: NewPageOptions = {}): Promise<SitePage> {
  const origin = new URL(baseUrl()).origin;
  const contextOptions: BrowserContextOptions = {
    colorScheme: options.colorScheme ?? 'light',
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    viewport: options.viewport ?? { width: 1280, height: 720 },
    reducedMotion: 'reduce',
    serviceWorkers: 'block',
  };
  const context = await browser.newContext(contextOptions);
  if (options.permissions?.length) await context.grantPermissions(options.permissions, { origin });

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
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (isForeign(url)) {
      foreignRequests.push(url);
      await route.abort('blockedbyclient');
    } else {
      await route.continue();
    }
  });

  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(String(error.stack ?? error)));
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('websocket', (socket) => {
    if (isForeign(socket.url())) foreignRequests.push(socket.url());
  });
  // The context option already sets it; say it again on the page so `emulateMedia` is the source of truth.
  await page.emulateMedia({ colorScheme: contextOptions.colorScheme ?? 'light' });

  return {
    page,
    context,
    requests,
    foreignRequests,
    pageErrors,
    consoleErrors,
    javaScriptEnabled: contextOptions.javaScriptEnabled ?? true,
    close: () => context.close(),
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

/** Close a page a test opened, then check it threw no uncaught error and asked nothing of another origin. */
export async function closeChecked(site: SitePage | undefined): Promise<void> {
  if (!site) return;
  await site.close();
  expect(site.pageErrors, 'uncaught errors in the page').toEqual([]);
  expect(site.foreignRequests, 'requests to origins other than the site').toEqual([]);
}
