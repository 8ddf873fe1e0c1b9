// The built site in a browser: served by Astro's own preview server on 127.0.0.1, measured with
// Lighthouse (mobile preset) and with Pagefind's JS API in Chromium via playwright-core.
import { createServer } from 'node:net';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.mjs';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Serve `outDir` with Astro's `preview()`. Returns { url, stop }. */
export async function startPreview(root, outDir) {
  const { preview } = await import('astro');
  const port = await freePort();
  const server = await preview({
    root,
    outDir,
    logLevel: 'error',
    server: { host: '127.0.0.1', port },
  });
  return { url: `http://127.0.0.1:${server.port}`, stop: () => server.stop() };
}

/**
 * Lighthouse scores for each page, mobile preset (Lighthouse's default: emulated Moto G
 * Power, simulated slow 4G and 4× CPU slowdown), one fresh Chromium per run. With `runs` > 1
 * every score and metric is the median of the runs.
 */
export async function lighthouseScores(baseUrl, pages, { runs = 1, tmpDir }) {
  process.env.CHROME_PATH ??= CHROMIUM_PATH;
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const categories = ['performance', 'accessibility', 'best-practices', 'seo'];
  const metrics = {
    fcpMs: 'first-contentful-paint',
    lcpMs: 'largest-contentful-paint',
    tbtMs: 'total-blocking-time',
    cls: 'cumulative-layout-shift',
    speedIndexMs: 'speed-index',
  };
  const out = {};
  for (const [kind, path] of Object.entries(pages)) {
    if (!path) continue;
    const samples = [];
    for (let run = 0; run < runs; run++) {
      const profile = join(tmpDir, `lighthouse-profile-${kind}-${run}`);
      rmSync(profile, { recursive: true, force: true });
      mkdirSync(profile, { recursive: true });
      const chrome = await chromeLauncher.launch({
        chromePath: CHROMIUM_PATH,
        chromeFlags: CHROMIUM_ARGS,
        userDataDir: profile,
        logLevel: 'silent',
      });
      try {
        const result = await lighthouse(`${baseUrl}${path}`, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: categories,
        });
        const lhr = result?.lhr;
        if (!lhr) throw new Error('Lighthouse returned no result');
        const sample = { scores: {}, metrics: {} };
        for (const c of categories)
          sample.scores[c] = lhr.categories[c]?.score == null ? null : Math.round(lhr.categories[c].score * 100);
        for (const [name, audit] of Object.entries(metrics))
          sample.metrics[name] = lhr.audits[audit]?.numericValue ?? null;
        sample.failedAudits = Object.values(lhr.audits)
          .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode === 'binary')
          .map((a) => a.id);
        if (lhr.runtimeError) sample.runtimeError = lhr.runtimeError.message;
        samples.push(sample);
      } catch (error) {
        samples.push({ error: String(error?.message ?? error) });
      } finally {
        chrome.kill();
        rmSync(profile, { recursive: true, force: true });
      }
    }
    const good = samples.filter((s) => !s.error);
    if (good.length === 0) {
      out[kind] = { path, error: samples[0]?.error };
      continue;
    }
    const med = (xs) => median(xs.filter((x) => x !== null && x !== undefined));
    out[kind] = {
      path,
      runs: good.length,
      scores: Object.fromEntries(categories.map((c) => [c, med(good.map((s) => s.scores[c]))])),
      metrics: Object.fromEntries(Object.keys(metrics).map((m) => [m, med(good.map((s) => s.metrics[m]))])),
      failedAudits: [...new Set(good.flatMap((s) => s.failedAudits))],
      ...(good.some((s) => s.runtimeError) ? { runtimeError: good.find((s) => s.runtimeError).runtimeError } : {}),
    };
  }
  return out;
}

export function median(values) {
  const xs = values.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (xs.length === 0) return null;
  const mid = Math.floor(xs.length / 2);
  return xs.length % 2 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
}

/**
 * Search latency with Pagefind's JS API on the search page, in Chromium.
 * For each query: a fresh browser context (empty HTTP cache), load /search/, then time
 *   - import('/pagefind/pagefind.js'),
 *   - cold: the first pf.search(query) (it loads the WebAssembly, the metadata and the index
 *     chunks it needs), and the same plus data() of the first 5 results (their fragments);
 *   - warm: every other query afterwards in the same page.
 * The site's own search UI script is blocked so that it does not load Pagefind first and make
 * the "cold" query warm. Figures are medians over the queries.
 */
export async function searchLatency(baseUrl, queries) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  const cold = [];
  const coldWithData = [];
  const importMs = [];
  const warm = [];
  const warmWithData = [];
  const perQuery = {};
  const errors = [];
  try {
    for (const query of queries) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.route(/\/pagefind\/pagefind-component-ui\.(?:js|css)$/u, (route) => route.abort());
      try {
        const started = performance.now();
        await page.goto(`${baseUrl}/search/`, { waitUntil: 'load' });
        const loadMs = performance.now() - started;
        const others = queries.filter((q) => q !== query);
        const script = `(async () => {
          const first = ${JSON.stringify(query)};
          const others = ${JSON.stringify(others)};
          const now = () => performance.now();
          const t0 = now();
          const pf = await import('/pagefind/pagefind.js');
          const t1 = now();
          const r = await pf.search(first);
          const t2 = now();
          await Promise.all(r.results.slice(0, 5).map((x) => x.data()));
          const t3 = now();
          const warm = [];
          for (const q of others) {
            const a = now();
            const res = await pf.search(q);
            const b = now();
            await Promise.all(res.results.slice(0, 5).map((x) => x.data()));
            warm.push({ q, searchMs: b - a, withDataMs: now() - a, results: res.results.length });
          }
          return { importMs: t1 - t0, searchMs: t2 - t1, withDataMs: t3 - t1, results: r.results.length, warm };
        })()`;
        const result = await page.evaluate(script);
        importMs.push(result.importMs);
        cold.push(result.searchMs);
        coldWithData.push(result.withDataMs);
        perQuery[query] = {
          coldMs: result.searchMs,
          coldWithDataMs: result.withDataMs,
          results: result.results,
          pageLoadMs: loadMs,
        };
        for (const w of result.warm) {
          warm.push(w.searchMs);
          warmWithData.push(w.withDataMs);
        }
      } catch (error) {
        errors.push(`${query}: ${error?.message ?? error}`);
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
  return {
    queries: queries.length,
    importMedianMs: median(importMs),
    coldMedianMs: median(cold),
    coldWithDataMedianMs: median(coldWithData),
    warmMedianMs: median(warm),
    warmWithDataMedianMs: median(warmWithData),
    warmSamples: warm.length,
    warmMaxMs: warm.length ? Math.max(...warm) : null,
    perQuery,
    ...(errors.length ? { errors } : {}),
  };
}
