// Quality gate: "pages carry a CSP that allows scripts only from the site itself (plus wasm-unsafe-eval for
// Pagefind); no inline event handlers; a browser test confirms no CSP violations on any page."
//
// Two halves: the policy and the markup as built (every page, parsed with linkedom), and every page in
// Chromium with script on, its progressive enhancements exercised, while three independent detectors
// listen for violations: a `securitypolicyviolation` listener installed before any page script runs, the
// DevTools "issues" channel (Audits.issueAdded), and the console. A positive control shows that the
// detectors fire, and the policy bites, on every page.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, type ExpectStatic } from 'vitest';
import { allPagePaths, page as builtPage } from '../support/site.ts';
import {
  baseUrl,
  hasChromium,
  connectBrowser,
  pageFor,
  settle,
  siteUrl,
  statusOf,
  type SitePage,
  type TestHooks,
} from '../support/browser.ts';

const PAGES = allPagePaths();
/** The not-found page is built as /404.html and served, with status 404, for any unknown address. */
const NOT_FOUND_URL = '/no-such-page-for-csp-test/';
const EXPLAINER_PATHS = PAGES.filter((p) => builtPage(p).document.querySelector('main article.explainer'));
const urlFor = (path: string): string => (statusOf(path) === 404 ? NOT_FOUND_URL : path);

// ── The policy as built ─────────────────────────────────────────────────────────────────────

type Policy = Map<string, string[]>;

function parsePolicy(content: string): Policy {
  const policy: Policy = new Map();
  for (const part of content.split(';')) {
    const [name, ...tokens] = part.trim().split(/\s+/u);
    if (!name) continue;
    // Per CSP3 a repeated directive is ignored; the test refuses them outright.
    if (policy.has(name.toLowerCase())) throw new Error(`directive ${name} appears twice in "${content}"`);
    policy.set(name.toLowerCase(), tokens);
  }
  return policy;
}

function cspMetas(document: Document): Element[] {
  return [...document.querySelectorAll('meta[http-equiv]')].filter(
    (m) => (m.getAttribute('http-equiv') ?? '').trim().toLowerCase() === 'content-security-policy',
  );
}

/**
 * Inline `<script>` bodies that are data, not code: the HTML standard never runs a script whose type is
 * not a JavaScript MIME type, "module", "importmap" or "speculationrules". JSON-LD and JSON data blocks,
 * and Pagefind's result template (`text/pagefind-template`, read by its Component UI as text).
 */
const DATA_BLOCK_TYPES = new Set(['application/ld+json', 'application/json', 'text/pagefind-template']);
const JSON_TYPES = new Set(['application/ld+json', 'application/json']);
/** Types under which a `<script src>` is fetched and run: classic (no type) or a module. */
const SCRIPT_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript']);

// ── Violation detectors ──────────────────────────────────────────────────────────────────────

type Violation = { via: string; page: string; directive: string; blocked: string; sample: string; where: string };

/** Installed before any of the page's own scripts run, in every document the page loads. */
const RECORDER = `(() => {
  window.__cspViolations = [];
  window.addEventListener('securitypolicyviolation', (e) => {
    const v = {
      directive: e.effectiveDirective || e.violatedDirective,
      blocked: e.blockedURI,
      sample: e.sample,
      where: (e.sourceFile || '') + ':' + e.lineNumber + ':' + e.columnNumber,
      disposition: e.disposition,
    };
    window.__cspViolations.push(v);
    if (typeof window.__cspReport === 'function') window.__cspReport(v);
  }, true);
})();`;

type Monitor = {
  site: SitePage;
  /** Everything any detector saw since the last `reset()`, in all documents this page loaded. */
  all: () => Violation[];
  /** The current document's own window array. */
  windowArray: () => Promise<Violation[]>;
  reset: () => void;
};

/** A page for the running test, with every detector on it; closed and checked when the test ends. */
async function monitored(t: TestHooks, browser: Browser): Promise<Monitor> {
  // A page of its own: the detectors (a binding, an init script, a DevTools session) must not outlive the test.
  const site = await pageFor(t, browser, { permissions: ['clipboard-read', 'clipboard-write'], fresh: true });
  const { page } = site;
  let seen: Violation[] = [];
  // Survives navigations: the in-page listener reports each violation here as well as in its array.
  await page.exposeBinding('__cspReport', (source, v: Omit<Violation, 'via' | 'page'>) => {
    seen.push({ via: 'securitypolicyviolation', page: source.frame.url(), ...v });
  });
  await page.addInitScript(RECORDER);
  // DevTools issues: Chromium files one for each blocked load, inline script, handler or eval.
  const cdp = await page.context().newCDPSession(page);
  cdp.on('Audits.issueAdded', ({ issue }) => {
    if (issue.code !== 'ContentSecurityPolicyIssue') return;
    const d = issue.details.contentSecurityPolicyIssueDetails;
    seen.push({
      via: 'devtools issue',
      page: page.url(),
      directive: d?.violatedDirective ?? '',
      blocked: d?.blockedURL ?? '',
      sample: d?.contentSecurityPolicyViolationType ?? '',
      where: d?.sourceCodeLocation ? `${d.sourceCodeLocation.url}:${d.sourceCodeLocation.lineNumber}` : '',
    });
  });
  await cdp.send('Audits.enable');
  // The console: "Refused to execute…", "violates the following Content Security Policy directive…", and
  // warnings about the policy itself (e.g. a directive a <meta> policy may not carry).
  page.on('console', (message) => {
    if (/content[ -]security[ -]policy/iu.test(message.text()))
      seen.push({
        via: `console.${message.type()}`,
        page: page.url(),
        directive: '',
        blocked: '',
        sample: message.text().slice(0, 300),
        where: message.location().url,
      });
  });
  return {
    site,
    all: () => seen,
    windowArray: () => page.evaluate('window.__cspViolations ?? null') as Promise<Violation[]>,
    reset: () => {
      seen = [];
    },
  };
}

/** Let queued violation reports arrive: they are dispatched as tasks, after the offending action. */
async function quiet(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(250);
}

async function load(m: Monitor, path: string): Promise<void> {
  const response = await m.site.page.goto(siteUrl(urlFor(path)), { waitUntil: 'load' });
  expect(response?.status(), `${urlFor(path)} status`).toBe(statusOf(path));
  await settle(m.site);
  await quiet(m.site.page);
}

/** A compact description of what happened, for failure messages. */
const show = (list: Violation[]): string[] =>
  list.map((v) => `[${v.via}] ${v.directive} blocked ${v.blocked || '-'} on ${v.page} (${v.sample}) ${v.where}`);

// ── Exercising the progressive enhancements ────────────────────────────────────────────────────

/**
 * Use every enhancement the page offers without leaving it; returns what was exercised. `expect` is the running
 * test's own (tests here run concurrently, and `expect.poll` must know its test).
 */
async function exercise(page: Page, path: string, expect: ExpectStatic): Promise<string[]> {
  const done: string[] = [];
  const card = page.locator('#cite-preview');

  // Citation preview cards (where the page loads them): keyboard focus on one marker, hover on another.
  const markers = page.locator('main .cite-ref a[data-note]');
  if ((await markers.count()) > 0 && (await card.count()) > 0) {
    await markers.first().focus();
    await card.waitFor({ state: 'visible' });
    await expect
      .poll(() => card.locator('p').nth(1).textContent(), { timeout: 10_000 })
      .not.toMatch(/^Loading the passage…$|could not be (?:loaded|found)/u);
    await page.keyboard.press('Escape');
    await markers.nth(Math.min(3, (await markers.count()) - 1)).hover();
    await card.waitFor({ state: 'visible' });
    await expect.poll(() => card.locator('mark').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    await page.mouse.move(1, 1);
    done.push('citation preview (focus and hover)');
  }

  // "Copy link" on a passage, and a ¶ permalink (hashchange).
  const copy = page.locator('main button.copy-link');
  if ((await copy.count()) > 0) {
    await copy.nth(1).scrollIntoViewIfNeeded();
    await copy.nth(1).click();
    await expect.poll(() => page.locator('[data-copy-status]').textContent()).toMatch(/^Link copied: /u);
    await page.locator('main .passage > a.permalink').nth(2).click();
    done.push('copy link', 'permalink');
  }

  // The claims filter.
  const filter = page.locator('#differ-only');
  if ((await filter.count()) > 0) {
    await filter.check();
    await expect
      .poll(() => page.locator('[data-claims-count]').textContent())
      .toMatch(/^Showing \d+ of \d+ claims\.$/u);
    await filter.uncheck();
    await expect.poll(() => page.locator('[data-claims-count]').textContent()).toMatch(/^Showing all \d+ claims\.$/u);
    done.push('claims filter');
  }

  // Native disclosure ("Cite this page", "Supports N claims"): no script, but it must not need any.
  const summary = page.locator('main details > summary');
  if ((await summary.count()) > 0) {
    await summary.first().click();
    done.push('details');
  }

  // "/" focuses the header's search field from anywhere; type a query into it.
  if ((await page.locator('#site-search-q').count()) > 0) {
    await page.locator('body').click({ position: { x: 2, y: 400 } });
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search-q');
    await page.keyboard.type('revenue share');
    done.push('"/" search field');
  }

  // The search page: Pagefind's UI, a query, its results, and a filter.
  if (path === '/search/') {
    const input = page.locator('pagefind-input input');
    await input.waitFor({ state: 'visible' });
    await input.fill('Bedrock');
    await page.waitForSelector('pagefind-results li.pf-result a.pf-result-link', { timeout: 30_000 });
    const kind = page.locator('details[data-filter-name="kind"] summary');
    if ((await kind.count()) > 0) {
      await kind.click();
      await page.locator('details[data-filter-name="kind"] input:visible').first().check();
      done.push('search filter');
    }
    done.push('search results');
  }
  await quiet(page);
  return done;
}

// ── Tests ─────────────────────────────────────────────────────────────────────────────────

describe('the Content-Security-Policy as built', () => {
  it('covers every built page, including the not-found page', () => {
    expect(PAGES.length).toBeGreaterThan(10);
    expect(PAGES).toContain('/404');
  });

  it.each(PAGES)('%s has exactly one CSP <meta>, first in <head>, allowing scripts from the site only', (path) => {
    const { document } = builtPage(path);
    const metas = cspMetas(document);
    expect(metas, 'one <meta http-equiv="Content-Security-Policy">').toHaveLength(1);
    const meta = metas[0] as Element;
    expect(meta.parentElement?.tagName.toLowerCase(), 'the CSP meta sits in <head>').toBe('head');
    // A <meta> policy governs only what comes after it: no script, style or link may precede it.
    const all = [...document.querySelectorAll('*')];
    const before = all.slice(0, all.indexOf(meta)).filter((el) => /^(?:script|style|link|base)$/iu.test(el.tagName));
    expect(before.map((el) => el.outerHTML)).toEqual([]);

    const policy = parsePolicy(meta.getAttribute('content') ?? '');
    expect([...(policy.get('script-src') ?? [])].sort(), 'script-src').toEqual(["'self'", "'wasm-unsafe-eval'"]);
    // Nothing re-opens scripts through the finer directives either.
    for (const name of ['script-src-elem', 'script-src-attr'])
      if (policy.has(name)) expect([...(policy.get(name) ?? [])].sort(), name).toEqual(["'self'"]);
    expect(["'self'", "'none'"], 'default-src').toContain((policy.get('default-src') ?? []).join(' '));
    expect(policy.get('object-src'), 'object-src').toEqual(["'none'"]);
    expect(["'self'", "'none'"], 'base-uri').toContain((policy.get('base-uri') ?? []).join(' '));
    if (policy.has('form-action')) expect(policy.get('form-action'), 'form-action').toEqual(["'self'"]);
    if (policy.has('worker-src'))
      for (const t of policy.get('worker-src') ?? []) expect(["'self'", 'blob:'], `worker-src ${t}`).toContain(t);

    // No escape hatch anywhere, and no host: every resource comes from the site itself.
    const loose = [...policy].flatMap(([name, tokens]) =>
      tokens
        .filter(
          (t) =>
            !["'self'", "'none'", "'wasm-unsafe-eval'"].includes(t) &&
            !(t === 'data:' && ['img-src', 'font-src'].includes(name)) &&
            !(t === 'blob:' && name === 'worker-src'),
        )
        .map((t) => `${name} ${t}`),
    );
    expect(loose, "tokens other than 'self', 'none', 'wasm-unsafe-eval' (and data: images, blob: workers)").toEqual([]);
    // Directives a <meta> policy cannot carry (the browser ignores them and complains on the console).
    for (const name of ['frame-ancestors', 'report-uri', 'report-to', 'sandbox'])
      expect(policy.has(name), `${name} in a <meta> policy`).toBe(false);
  });

  it.each(PAGES)('%s has no inline event handler and no javascript: URL', (path) => {
    const { document, html } = builtPage(path);
    const handlers = [...document.querySelectorAll('*')].flatMap((el) =>
      [...el.attributes].filter((a) => /^on/iu.test(a.name)).map((a) => `<${el.tagName.toLowerCase()} ${a.name}>`),
    );
    expect(handlers).toEqual([]);
    // The same, read from the raw HTML, in case the parser dropped something (e.g. inside <template>).
    expect(html.match(/<[a-z][^>]*\son[a-z]+\s*=/giu) ?? []).toEqual([]);
    const scriptUrls = [...document.querySelectorAll('[href], [src], [action], [formaction]')].flatMap((el) =>
      ['href', 'src', 'action', 'formaction']
        .map((name) => el.getAttribute(name) ?? '')
        .filter((value) => /^\s*javascript:/iu.test(value)),
    );
    expect(scriptUrls).toEqual([]);
    // style-src 'self' would block these too: none are built.
    expect(document.querySelectorAll('style, [style]').length, '<style> elements or style attributes').toBe(0);
  });

  it.each(PAGES)('%s loads every script from the site itself; inline <script>s are data only', (path) => {
    const { document } = builtPage(path);
    const origin = 'http://site.invalid';
    const problems: string[] = [];
    const scripts = [...document.querySelectorAll('script')];
    for (const script of scripts) {
      const type = (script.getAttribute('type') ?? '').trim().toLowerCase();
      const src = script.getAttribute('src');
      const body = script.textContent ?? '';
      if (src !== null) {
        const url = new URL(src, `${origin}${path}`);
        if (url.origin !== origin) problems.push(`foreign script ${src}`);
        if (!SCRIPT_TYPES.has(type)) problems.push(`script src=${src} of type "${type}"`);
        if (body.trim()) problems.push(`script src=${src} also has an inline body`);
      } else if (!DATA_BLOCK_TYPES.has(type)) {
        problems.push(`inline script of type "${type || '(none: classic JavaScript)'}": ${body.trim().slice(0, 80)}`);
      } else if (JSON_TYPES.has(type)) {
        try {
          JSON.parse(body);
        } catch {
          problems.push(`${type} data block that is not JSON: ${body.trim().slice(0, 80)}`);
        }
      }
    }
    expect(problems).toEqual([]);
    // Every page runs at least the site's own script, loaded by URL.
    expect(scripts.some((s) => s.getAttribute('src')?.startsWith('/_astro/'))).toBe(true);
  });
});

// Each test watches a page of its own: the pages are checked a few at a time.
describe.skipIf(!hasChromium)('no CSP violations in Chromium', { concurrent: true }, () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await connectBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the detectors catch an inline script, an inline handler, eval and a foreign script, and allow WebAssembly', async (t) => {
    const { expect } = t;
    const m = await monitored(t, browser);
    const { page } = m.site;
    await load(m, '/');
    expect(await m.windowArray(), 'the recorder is installed').toEqual([]);
    expect(m.all()).toEqual([]);

    // 1. An inline <script>: blocked, not run.
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true;';
      document.body.append(s);
    });
    await quiet(page);
    expect(await page.evaluate('window.__inlineRan ?? false'), 'the inline script ran').toBe(false);
    let inPage = await m.windowArray();
    expect(inPage.map((v) => v.directive)).toEqual(['script-src-elem']);
    expect(inPage[0]?.blocked).toBe('inline');
    const viaConsole = () => m.all().filter((v) => v.via.startsWith('console.'));
    const viaIssues = () => m.all().filter((v) => v.via === 'devtools issue');
    await expect.poll(() => viaIssues().length, { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
    await expect.poll(() => viaConsole().length, { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
    expect(viaConsole()[0]?.sample).toMatch(/inline script .*Content Security Policy/u);
    expect(m.all().filter((v) => v.via === 'securitypolicyviolation')).toHaveLength(1);

    // 2. An inline event handler attribute: blocked, not run.
    m.reset();
    await page.evaluate(() => {
      const b = document.createElement('button');
      b.id = 'csp-handler-probe';
      b.setAttribute('onclick', 'window.__handlerRan = true');
      document.body.append(b);
      b.click();
    });
    await quiet(page);
    expect(await page.evaluate('window.__handlerRan ?? false'), 'the inline handler ran').toBe(false);
    inPage = await m.windowArray();
    expect(inPage.at(-1)?.directive).toBe('script-src-attr');

    // 3. eval (no 'unsafe-eval'): refused with an EvalError.
    m.reset();
    // (Code evaluated by DevTools itself may eval; a task it schedules runs as the page's own code.)
    await page.evaluate(() => {
      setTimeout(() => {
        try {
          (window as unknown as { __evalResult: string }).__evalResult = String((0, eval)('1 + 1'));
        } catch (error) {
          (window as unknown as { __evalResult: string }).__evalResult = (error as Error).name;
        }
      }, 0);
    });
    await expect.poll(() => page.evaluate('window.__evalResult')).toBe('EvalError');
    await quiet(page);
    expect((await m.windowArray()).at(-1)?.directive).toBe('script-src');

    // 4. A script from another origin: blocked before any request is made.
    m.reset();
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.src = 'https://cdn.example.com/tracker.js';
      document.head.append(s);
    });
    await quiet(page);
    inPage = await m.windowArray();
    expect(inPage.at(-1)).toMatchObject({
      directive: 'script-src-elem',
      blocked: 'https://cdn.example.com/tracker.js',
    });
    // Chromium announces the request to DevTools, but the policy stops it before it reaches the network
    // (the harness, which records every foreign request that leaves the page, takes it off its list).
    expect(m.site.foreignRequests).toEqual([]);

    // 5. WebAssembly, which Pagefind needs, compiles ('wasm-unsafe-eval') without a violation.
    m.reset();
    const wasm = await page.evaluate(() =>
      WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])).then(
        () => 'compiled',
        (error: Error) => error.message,
      ),
    );
    expect(wasm).toBe('compiled');
    await quiet(page);
    expect(show(m.all())).toEqual([]);
  });

  it.for(PAGES)(
    '%s: no violation on load or while its enhancements are used, and the policy is in force',
    async (path, t) => {
      const { expect } = t;
      const m = await monitored(t, browser);
      const { page } = m.site;
      await load(m, path);
      if (statusOf(path) === 404)
        expect(await page.locator('main h1').textContent()).toBe(
          builtPage(path).document.querySelector('main h1')?.textContent,
        );
      const exercised = await exercise(page, path, expect);
      expect(await m.windowArray(), 'securitypolicyviolation events in the page').toEqual([]);
      expect(show(m.all()), 'violations seen by any detector').toEqual([]);
      // Pages with enhancements really had them exercised.
      const html = builtPage(path).html;
      if (await page.locator('#cite-preview').count())
        expect(exercised).toContain('citation preview (focus and hover)');
      if (EXPLAINER_PATHS.includes(path)) expect(exercised).toContain('citation preview (focus and hover)');
      if (html.includes('id="differ-only"')) expect(exercised).toContain('claims filter');
      if (/^\/sources\/[^/]+\/$/u.test(path)) expect(exercised).toContain('copy link');
      if (path === '/search/') expect(exercised).toContain('search results');
      else expect(exercised).toContain('"/" search field');

      // Control: on this very page, an inline script is refused and reported.
      await page.evaluate(() => {
        const s = document.createElement('script');
        s.textContent = 'window.__inlineRan = true;';
        document.body.append(s);
      });
      await expect.poll(async () => (await m.windowArray()).map((v) => v.directive)).toEqual(['script-src-elem']);
      expect(await page.evaluate('window.__inlineRan ?? false')).toBe(false);
    },
  );

  it('searching from a content page, opening a result and following a citation raise no violation', async (t) => {
    const { expect } = t;
    const m = await monitored(t, browser);
    const { page } = m.site;
    const explainer = PAGES.find((p) => builtPage(p).document.querySelector('main article.explainer')) as string;
    await load(m, explainer);

    // "/" → type → Enter: the search page, its results.
    await page.keyboard.press('/');
    await page.keyboard.type('Jassy');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=Jassy$/u);
    await page.waitForSelector('pagefind-results li.pf-result a.pf-result-link', { timeout: 30_000 });
    await quiet(page);

    // A result opens with ?highlight=…, which loads Pagefind's highlighter on the content page.
    await page.locator('li.pf-result a.pf-result-link').first().click();
    await page.waitForURL((url) => url.searchParams.has('highlight') && !url.pathname.startsWith('/search/'));
    await expect.poll(() => page.locator('mark.pagefind-highlight').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(m.site.requests.some((url) => url.endsWith('/pagefind/pagefind-highlight.js'))).toBe(true);
    await quiet(page);

    // Follow a citation marker (a text fragment): the source page marks the passage on arrival.
    await load(m, explainer);
    const marker = page.locator('main sup.cite-ref a').nth(2);
    const href = (await marker.getAttribute('href')) as string;
    await marker.click();
    await page.waitForURL((url) => url.pathname === href.split('#')[0]);
    await quiet(page);
    expect(await page.locator('.passage.is-targeted, .passage:target').count()).toBe(1);

    expect(show(m.all())).toEqual([]);
    expect(new URL(page.url()).origin).toBe(new URL(baseUrl()).origin);
  });
});
