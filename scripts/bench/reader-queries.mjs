// Reader queries, side by side: our search page against a plain Pagefind build of the same pages.
//
// The plain build is the built HTML with every data-pagefind-* attribute stripped (and the hidden search aliases
// our build adds for the index), indexed with Pagefind's defaults and searched with its JS API as typed. Ours is
// the real search page: the query goes in the address, as a reader's link would, and what the page shows is
// read back. Both are judged alike (./reader-recall.mjs).
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseHTML } from 'linkedom';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.mjs';
import { median } from './browser.mjs';
import {
  judge,
  MAX_SUB_RESULTS,
  resultsShownFor,
  searchAndTime,
  SHOWN_RESULTS,
  summarise,
  TOP,
} from './reader-recall.mjs';

const htmlFiles = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return name === 'pagefind' ? [] : htmlFiles(full);
    return name.endsWith('.html') ? [full] : [];
  });

/** The built HTML without anything that tells Pagefind more than the page itself does. */
export function plainHtml(html) {
  const { document } = parseHTML(html);
  for (const el of document.querySelectorAll('[data-search-alias]')) el.remove();
  for (const el of document.querySelectorAll('*')) {
    for (const name of el.getAttributeNames()) if (name.startsWith('data-pagefind-')) el.removeAttribute(name);
  }
  return document.toString();
}

/** Copy `fromDir` (a built site) to `toDir` as plain HTML and index it with Pagefind's defaults. */
export async function buildPlainSite(fromDir, toDir) {
  rmSync(toDir, { recursive: true, force: true });
  mkdirSync(toDir, { recursive: true });
  cpSync(fromDir, toDir, { recursive: true, filter: (src) => relative(fromDir, src) !== 'pagefind' });
  let pages = 0;
  for (const file of htmlFiles(toDir)) {
    writeFileSync(file, plainHtml(readFileSync(file, 'utf8')));
    pages += 1;
  }
  const pagefind = await import('pagefind');
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const added = await index.addDirectory({ path: toDir });
  if (added.errors.length) throw new Error(`Pagefind could not index ${toDir}: ${added.errors.join('; ')}`);
  const written = await index.writeFiles({ outputPath: join(toDir, 'pagefind') });
  if (written.errors.length) throw new Error(`Pagefind could not write: ${written.errors.join('; ')}`);
  await pagefind.close();
  return { htmlPages: pages, indexedPages: added.page_count };
}

/** The weights and ranking options a built site gives Pagefind, read from its HTML. */
export function searchSettings(outDir) {
  const weights = {};
  for (const file of htmlFiles(outDir)) {
    const path = `/${relative(outDir, file).replace(/index\.html$/u, '')}`;
    const kind = path.startsWith('/sources/')
      ? 'source pages'
      : path.startsWith('/explainers/')
        ? 'explainers and timeline'
        : path === '/'
          ? 'home'
          : path.replace(/\/$/u, '');
    const { document } = parseHTML(readFileSync(file, 'utf8'));
    for (const el of document.querySelectorAll('[data-pagefind-weight]')) {
      const what = el.classList.contains('passages')
        ? 'passages'
        : el.classList.contains('passage--furniture')
          ? 'furniture with facts'
          : (el.getAttribute('class') ?? el.tagName.toLowerCase()).split(' ')[0];
      const key = `${kind}: ${what} = ${el.getAttribute('data-pagefind-weight')}`;
      weights[key] = (weights[key] ?? 0) + 1;
    }
  }
  let ranking;
  try {
    const { document } = parseHTML(readFileSync(join(outDir, 'search', 'index.html'), 'utf8'));
    ranking = JSON.parse(document.querySelector('[data-ranking]')?.getAttribute('data-ranking') ?? 'null');
  } catch {
    ranking = null;
  }
  return { weights, ranking };
}

const MEASURES = `performance.getEntriesByName('reader-search').map((m) => ({ ms: m.duration, ...(m.detail ?? {}) }))`;
const NOTE = `document.querySelector('[data-search-note]')?.textContent ?? ''`;

/**
 * Our search page. Cold: each query in a fresh browser context, opened at /search/?q=… as a shared link would,
 * timed from navigation to its results shown; what is shown is judged. Warm: the same queries one after another
 * in one page (as the search box triggers them), timed from the search to its results shown. Where the page
 * records its reader-search measure, the time inside the query layer is reported too (not on older builds).
 * `{ cold: false }` skips the cold pass and judges the warm one (quicker, for tuning).
 */
export async function evaluateOurs(baseUrl, expected, { cold = true } = {}) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS] });
  const coldRows = [];
  const warmRows = [];
  try {
    if (cold) {
      for (const q of expected) {
        const context = await browser.newContext();
        const page = await context.newPage();
        try {
          await page.goto(`${baseUrl}/search/?q=${encodeURIComponent(q.query)}`, { waitUntil: 'commit' });
          const shownAt = await page.evaluate(resultsShownFor(q.query));
          coldRows.push(await read(page, q, { shownMs: shownAt }));
        } finally {
          await context.close();
        }
      }
    }
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await page.goto(`${baseUrl}/search/`, { waitUntil: 'load' });
      await page.waitForSelector('pagefind-input input');
      // One search first, so that every timed one is warm.
      await page.evaluate(searchAndTime('Microsoft'));
      for (const q of expected) {
        const shownMs = await page.evaluate(searchAndTime(q.query));
        warmRows.push(await read(page, q, { shownMs }));
      }
    } finally {
      await context.close();
    }
  } finally {
    await browser.close();
  }
  const rows = cold ? coldRows : warmRows;
  const med = (list, key) => median(list.map((r) => r[key]).filter((x) => typeof x === 'number'));
  return {
    rows,
    summary: summarise(rows),
    latency: {
      coldShownMedianMs: med(coldRows, 'shownMs'),
      warmShownMedianMs: med(warmRows, 'shownMs'),
      coldQueryLayerMedianMs: med(coldRows, 'queryLayerMs'),
      warmQueryLayerMedianMs: med(warmRows, 'queryLayerMs'),
    },
  };
}

async function read(page, q, extra) {
  await page.waitForTimeout(50);
  const shown = await page.evaluate(SHOWN_RESULTS);
  const measure = (await page.evaluate(MEASURES)).filter((m) => m.query === q.query).at(-1);
  return {
    ...row(q, shown),
    ...extra,
    note: (await page.evaluate(NOTE)).trim(),
    searched: measure?.searched,
    searches: measure?.searches,
    queryLayerMs: measure?.ms,
  };
}

/** The plain build, with Pagefind's JS API and its defaults, the query as typed. */
export async function evaluatePlain(baseUrl, expected) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS] });
  try {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/`, { waitUntil: 'load' });
    const shownPerQuery = await page.evaluate(`(async () => {
      const pf = await import('/pagefind/pagefind.js');
      const out = [];
      for (const query of ${JSON.stringify(expected.map((q) => q.query))}) {
        const search = await pf.search(query);
        out.push(await Promise.all(search.results.slice(0, ${TOP}).map(async (result) => {
          const data = await result.data();
          // As the Component UI displays them: the page's own entry left out, the ${MAX_SUB_RESULTS} with most hits.
          const subs = data.sub_results.filter((s, i) => !(i === 0 && s.url === data.url));
          const top = [...subs].sort((a, b) => (b.locations?.length ?? 0) - (a.locations?.length ?? 0))
            .slice(0, ${MAX_SUB_RESULTS}).map((s) => s.url);
          return {
            url: data.url,
            excerpt: data.plain_excerpt,
            subs: subs.filter((s) => top.includes(s.url)).map((s) => ({ url: s.url, excerpt: s.plain_excerpt })),
          };
        })));
      }
      return out;
    })()`);
    const rows = expected.map((q, i) => row(q, shownPerQuery[i]));
    return { rows, summary: summarise(rows) };
  } finally {
    await browser.close();
  }
}

function row(q, shown) {
  return {
    category: q.category,
    query: q.query,
    expected: q.passageUrl,
    ...judge(shown, q),
    top: shown.slice(0, TOP).map((r) => r.url.replace(/\?[^#]*/u, '')),
  };
}
