// Picking a quote on a source page, in Chromium: select words with the mouse (or use a passage's Quote
// button from the keyboard, or tap it), copy the citation and the reader's quote, paste the citations
// into an explainer of a copy of the content, and the build passes. Both colour schemes pass axe with
// the panel open; nothing breaks the Content-Security-Policy; without JavaScript there is no picker.
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildCopy, copyContent } from '../support/content-copy.ts';
import {
  closeChecked,
  hasChromium,
  launchBrowser,
  newPage,
  runAxe,
  settle,
  siteUrl,
  visit,
  type SitePage,
} from '../support/browser.ts';

const SOURCE = '/sources/azure-exclusivity-ends/';
/** A passage whose words hold straight double quotation marks: the case that breaks a hand-written <Cite>. */
const QUOTED = 'Both companies said the new terms provide "long-term clarity"';

const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText()) as Promise<string>;

/** Drag the mouse from inside one word to inside another of the passage holding `text`, as a reader selects. */
async function dragSelect(page: Page, text: string, from: string, to: string): Promise<void> {
  // Measured until two measurements agree: on a busy machine the page may still be settling (scroll, layout).
  let points: { x: number; y: number }[] = [];
  for (let attempt = 0; attempt < 20; attempt++) {
    const before = JSON.stringify(points);
    points = await measure(page, text, from, to);
    if (JSON.stringify(points) === before) break;
    await page.waitForTimeout(50);
  }
  const [start, end] = points as [{ x: number; y: number }, { x: number; y: number }];
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(end.x, end.y, { steps: 8 });
  await page.mouse.up();
}

/** Where, on screen, the middle of the first and of the last word of `text` are (scrolled into view). */
async function measure(page: Page, text: string, from: string, to: string): Promise<{ x: number; y: number }[]> {
  return (await page.evaluate(
    `(() => {
      const p = [...document.querySelectorAll('.passage > p')].find((el) => el.textContent.includes(${JSON.stringify(text)}));
      const node = [...p.childNodes].find((n) => n.nodeType === 3 && n.data.includes(${JSON.stringify(text)}));
      p.scrollIntoView({ block: 'center', behavior: 'instant' });
      const at = (word, offset) => {
        const r = document.createRange();
        const i = node.data.indexOf(word) + offset;
        r.setStart(node, i);
        r.setEnd(node, i + 1);
        const box = r.getBoundingClientRect();
        return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
      };
      // From the middle of the first word to the middle of the last: the picker widens to whole words.
      return [at(${JSON.stringify(from)}, 2), at(${JSON.stringify(to)}, 3)];
    })()`,
  )) as { x: number; y: number }[];
}

describe.skipIf(!hasChromium)('the quote picker on a source page', () => {
  let browser: Browser;
  let site: SitePage | undefined;
  const copied: string[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterEach(async () => {
    await closeChecked(site);
    site = undefined;
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('selecting words with the mouse offers the citation, with delimiters MDX can read, and copies it', async () => {
    site = await newPage(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
    await visit(site, SOURCE);
    const { page } = site;
    const panel = page.locator('.quote-panel');
    expect(await panel.isHidden()).toBe(true);
    await dragSelect(page, QUOTED, 'companies', 'clarity');
    await panel.waitFor({ state: 'visible' });
    expect(await panel.locator('h2').textContent()).toMatch(/^Quote from ¶ \d+$/u);
    expect(await panel.locator('q').textContent()).toBe('companies said the new terms provide "long-term clarity');
    await panel.getByRole('button', { name: 'Copy citation' }).click();
    await expect.poll(() => clipboard(page)).toContain('<Cite');
    const citation = await clipboard(page);
    expect(citation).toBe(
      `<Cite source="azure-exclusivity-ends" quote='companies said the new terms provide "long-term clarity' />`,
    );
    expect(await panel.getByRole('status').textContent()).toBe('Citation copied.');
    copied.push(citation);
  });

  it('"Copy quote" gives the words, the source, ¶ N and a link that lands on the passage', async () => {
    site = await newPage(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
    await visit(site, SOURCE);
    const { page } = site;
    await dragSelect(page, 'sweeping restructure of their partnership', 'sweeping', 'partnership');
    const panel = page.locator('.quote-panel');
    await panel.waitFor({ state: 'visible' });
    await panel.getByRole('button', { name: 'Copy quote' }).click();
    await expect.poll(() => clipboard(page)).toMatch(/^“/u);
    const quote = await clipboard(page);
    const ordinal = /¶ (\d+)\./u.exec(quote)?.[1];
    expect(quote).toMatch(
      new RegExp(
        `^“sweeping restructure of their partnership” — Microsoft and OpenAI End 7-Year Azure Exclusivity in Partnership Overhaul, ¶ ${ordinal}\\. http://127\\.0\\.0\\.1:\\d+/sources/azure-exclusivity-ends/#[a-z0-9-]+:~:text=`,
        'u',
      ),
    );
    const url = quote.split(' ').at(-1) as string;
    await page.goto(url);
    await settle(site);
    const targeted = await page.evaluate(
      `document.querySelector('.passage:target, .passage:has(:target), .passage.is-targeted')?.querySelector('.permalink')?.textContent`,
    );
    expect(String(targeted).replace(/\D+/gu, '')).toBe(ordinal);
  });

  it('from the keyboard: a passage’s Quote button opens the panel on the whole passage, Enter copies, Escape returns', async () => {
    site = await newPage(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
    await visit(site, SOURCE);
    const { page } = site;
    const passage = page.locator('.passage', { hasText: 'The restructure is the most significant change' });
    const button = passage.locator(':scope > button.quote-button');
    // Label in Name: the visible word starts the accessible name.
    const ordinal = ((await passage.locator('.permalink').textContent()) ?? '').replace(/\D+/gu, '');
    expect(await button.evaluate((b) => b.textContent)).toBe(`Quote passage ${ordinal}`);
    await button.focus();
    expect(await button.evaluate((b) => getComputedStyle(b).opacity)).toBe('1');
    await page.keyboard.press('Enter');
    const panel = page.locator('.quote-panel');
    await panel.waitFor({ state: 'visible' });
    expect(await page.evaluate(`document.activeElement.textContent`)).toBe('Copy citation');
    await page.keyboard.press('Enter');
    await expect.poll(() => clipboard(page)).toContain('<Cite');
    const citation = await clipboard(page);
    // The whole passage: its words hold double quotation marks and an apostrophe, so those marks go curly.
    expect(citation).toBe(
      `<Cite source="azure-exclusivity-ends" quote="The restructure is the most significant change to the Microsoft-OpenAI relationship since the original $1 billion investment in 2019. Both companies said the new terms provide “long-term clarity” while preserving Microsoft's preferred-partner position." />`,
    );
    copied.push(citation);
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'hidden' });
    expect(await page.evaluate(`document.activeElement.className`)).toBe('quote-button');
  });

  it('a selection across two passages is refused, with the reason', async () => {
    site = await newPage(browser);
    await visit(site, SOURCE);
    const { page } = site;
    await page.evaluate(`(() => {
      const ps = [...document.querySelectorAll('.passage > p:not(.revision-note):not(.cited-in)')];
      const a = ps.find((p) => p.textContent.includes('sweeping restructure')).firstChild;
      const b = ps.find((p) => p.textContent.includes('most significant change')).firstChild;
      getSelection().setBaseAndExtent(a, 5, b, 10);
    })()`);
    const panel = page.locator('.quote-panel');
    await panel.waitFor({ state: 'visible' });
    expect(await panel.locator('.quote-panel__warning').textContent()).toMatch(
      /^The selection runs across \d+ passages: a quote must sit within one\./u,
    );
    expect(await panel.getByRole('button', { name: 'Copy citation' }).isDisabled()).toBe(true);
  });

  it('words found in another passage too: says so, so the citation can be made to find one', async () => {
    site = await newPage(browser);
    await visit(site, SOURCE);
    const { page } = site;
    // "Microsoft and OpenAI", the first words of the passage, also open its headline.
    await page.evaluate(`(() => {
      const p = [...document.querySelectorAll('.passage > p')].find((el) => el.textContent.startsWith('Microsoft and OpenAI announced'));
      getSelection().setBaseAndExtent(p.firstChild, 0, p.firstChild, 'Microsoft and OpenAI'.length);
    })()`);
    const warning = page.locator('.quote-panel__warning');
    await warning.waitFor({ state: 'visible' });
    expect(await warning.textContent()).toMatch(/^These words also appear in ¶ \d+/u);
  });

  it('on a touch screen: tapping Quote opens the panel', async () => {
    const context = await browser.newContext({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 760 } });
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(siteUrl(SOURCE));
      const button = page
        .locator('.passage', { hasText: 'The restructure is the most significant change' })
        .locator('.quote-button');
      await button.scrollIntoViewIfNeeded();
      await button.tap();
      const panel = page.locator('.quote-panel');
      await panel.waitFor({ state: 'visible' });
      // Within the screen, and each of its buttons a target of at least 24 × 24 CSS pixels.
      const sizes = (await panel.locator('button').evaluateAll((bs) =>
        bs.map((b) => {
          const r = b.getBoundingClientRect();
          return [Math.round(r.width), Math.round(r.height), r.bottom <= window.innerHeight];
        }),
      )) as [number, number, boolean][];
      for (const [w, h, inside] of sizes) {
        expect(w).toBeGreaterThanOrEqual(24);
        expect(h).toBeGreaterThanOrEqual(24);
        expect(inside).toBe(true);
      }
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it.each(['light', 'dark'] as const)('with the panel open, axe finds nothing (%s scheme)', async (colorScheme) => {
    site = await newPage(browser, { colorScheme });
    await visit(site, SOURCE);
    const { page } = site;
    await dragSelect(page, QUOTED, 'companies', 'clarity');
    await page.locator('.quote-panel').waitFor({ state: 'visible' });
    await page.locator('.passage', { hasText: 'sweeping restructure' }).hover();
    expect(await runAxe(page)).toEqual([]);
    expect(site.consoleErrors, 'CSP reports and failed loads').toEqual([]);
  });

  it('without JavaScript there is no picker, and the page reads the same', async () => {
    site = await newPage(browser, { javaScriptEnabled: false });
    await visit(site, SOURCE);
    expect(await site.page.locator('.quote-button, .quote-panel').count()).toBe(0);
    expect(await site.page.locator('.passage').count()).toBeGreaterThan(10);
  });

  it('pasted into an explainer, the copied citations build', async () => {
    expect(copied).toHaveLength(2);
    const copy = copyContent('quote-picker');
    copy.write(
      'content/explainers/picked.mdx',
      `---\ntitle: Picked quotes\ndescription: Citations copied from a source page.\norder: 4\n---\n\nBoth companies spoke of clarity ${copied[0]}.\n\nThe change is the largest since 2019 ${copied[1]}.\n`,
    );
    const build = await buildCopy(copy);
    expect(build.status, build.output).toBe(0);
  }, 180_000);
});
