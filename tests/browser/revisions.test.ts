// A revised source in Chromium: a link to a passage that a correction changed (or removed) still lands,
// with JavaScript on and off, on the passage that now stands in its place, with a visible note giving the
// date and the earlier text. Built from a copy of the content with the real `npm run add-source`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { preview } from 'astro';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addSource, buildCopy, copyContent } from '../support/content-copy.ts';
import {
  connectBrowser,
  formatViolations,
  hasChromium,
  recordForeignRequests,
  type AxeViolation,
} from '../support/browser.ts';
import { freePort } from '../support/dev-server.ts';
import { ROOT } from '../support/paths.ts';

const FIXTURES = join(ROOT, 'tests/fixtures/ingest');
const SLUG = 'microsoft-and-openai-rewrite-their-cloud-pact';

describe.skipIf(!hasChromium)('following a link to a passage of an earlier version', () => {
  let browser: Browser;
  let server: { stop: () => Promise<void> };
  let base = '';
  let revisedId = '';
  let removedId = '';
  let successorText = '';

  beforeAll(async () => {
    const copy = copyContent('revisions-browser');
    expect(addSource(copy, join(FIXTURES, 'ledger-wire.html')).status).toBe(0);
    const first = await buildCopy(copy);
    expect(first.status, first.output).toBe(0);
    const v1 = readFileSync(join(first.outDir, `sources/${SLUG}/index.html`), 'utf8');
    revisedId = /id="(openai-will-keep-paying-[0-9a-f]{6})"/u.exec(v1)?.[1] as string;
    removedId = /id="(analysts-said-the-cap-[0-9a-f]{6})"/u.exec(v1)?.[1] as string;
    expect(addSource(copy, '--revise', SLUG, join(FIXTURES, 'ledger-wire-corrected.html')).status).toBe(0);
    const build = await buildCopy(copy);
    expect(build.status, build.output).toBe(0);
    successorText = 'a total cap that the companies have not made public';

    const port = await freePort();
    const previous = process.env['RENEGOTIATED_OUT_DIR'];
    process.env['RENEGOTIATED_OUT_DIR'] = build.outDir;
    try {
      server = await preview({
        root: ROOT,
        outDir: build.outDir,
        logLevel: 'error',
        server: { host: '127.0.0.1', port },
      });
    } finally {
      if (previous === undefined) delete process.env['RENEGOTIATED_OUT_DIR'];
      else process.env['RENEGOTIATED_OUT_DIR'] = previous;
    }
    base = `http://127.0.0.1:${port}`;
    browser = await connectBrowser();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function open(
    options: { javaScriptEnabled?: boolean; colorScheme?: 'light' | 'dark' } = {},
  ): Promise<{ context: BrowserContext; page: Page; errors: string[]; foreign: string[] }> {
    const context = await browser.newContext({
      javaScriptEnabled: options.javaScriptEnabled ?? true,
      colorScheme: options.colorScheme ?? 'light',
      viewport: { width: 1280, height: 720 },
      reducedMotion: 'reduce',
    });
    const errors: string[] = [];
    const foreign: string[] = [];
    recordForeignRequests(context, (url) => !url.startsWith(base) && !/^(?:data|blob|about):/u.test(url), foreign);
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    return { context, page, errors, foreign };
  }

  /** Where the element with `id` is, and what the reader sees around it. */
  const placement = (page: Page, id: string) =>
    page.evaluate(
      `(() => {
        const el = document.getElementById(${JSON.stringify(id)});
        const passage = el.closest('.passage');
        const header = document.querySelector('.site-header').getBoundingClientRect();
        const r = el.getBoundingClientRect();
        return {
          note: el.className,
          noteText: el.textContent.replace(/\\s+/g, ' ').trim(),
          passageText: passage.querySelector(':scope > p:not(.revision-note)').textContent,
          highlighted: getComputedStyle(passage).backgroundColor !== 'rgba(0, 0, 0, 0)',
          visible: el.checkVisibility(),
          top: r.top,
          headerBottom: header.bottom,
          inView: r.top >= 0 && r.top < innerHeight,
        };
      })()`,
    ) as Promise<{
      note: string;
      noteText: string;
      passageText: string;
      highlighted: boolean;
      visible: boolean;
      top: number;
      headerBottom: number;
      inView: boolean;
    }>;

  for (const javaScriptEnabled of [true, false]) {
    it(`an id the correction changed lands on the corrected passage, with the date and the earlier text (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const { context, page, errors, foreign } = await open({ javaScriptEnabled });
      try {
        const response = await page.goto(`${base}/sources/${SLUG}/#${revisedId}`);
        expect(response?.status()).toBe(200);
        await page.waitForTimeout(200);
        const at = await placement(page, revisedId);
        expect(at.note).toMatch(/^revision-note\b/u);
        expect(at.visible).toBe(true);
        expect(at.inView).toBe(true);
        expect(at.top).toBeGreaterThanOrEqual(at.headerBottom - 1);
        expect(at.highlighted).toBe(true);
        expect(at.noteText).toMatch(
          /^Revised on May 4, 2026\. Earlier text: OpenAI will keep paying .*neither company disclosed/u,
        );
        expect(at.passageText).toContain(successorText);
        expect(errors).toEqual([]);
        expect(foreign).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  it('an id the correction removed lands where the passage stood, and says it was removed', async () => {
    const { context, page, errors } = await open({ javaScriptEnabled: false });
    try {
      await page.goto(`${base}/sources/${SLUG}/#${removedId}`);
      await page.waitForTimeout(200);
      const at = await placement(page, removedId);
      expect(at.inView).toBe(true);
      expect(at.noteText).toMatch(
        /^A passage removed on May 4, 2026 stood here\. Earlier text: Analysts said the cap/u,
      );
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the corrections log links to the changed passages, and the page passes axe in both schemes', async () => {
    const axe = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
    for (const colorScheme of ['light', 'dark'] as const) {
      const { context, page, errors } = await open({ colorScheme });
      try {
        await page.goto(`${base}/sources/${SLUG}/#${revisedId}`);
        await page.evaluate(axe);
        const violations = (await page.evaluate(`(async () => {
          const r = await window.axe.run(document, { rules: { 'target-size': { enabled: true } }, resultTypes: ['violations'] });
          return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
            nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })) }));
        })()`)) as AxeViolation[];
        expect(formatViolations(violations)).toEqual([]);
        await page.locator('section.corrections a', { hasText: '¶ 11 revised' }).click();
        await page.waitForTimeout(200);
        expect(await page.evaluate('location.hash')).toMatch(/^#openai-will-keep-paying-[0-9a-f]{6}$/u);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    }
  });
});
