// Build one site the way scripts/build.mjs does (Astro build, then Pagefind's Node API), but as
// two measured processes, and read Astro's own log to say where the time went.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { here, runMeasured } from './measure.mjs';

/**
 * Build `root` into `outDir` with a fresh content cache in `cacheDir`.
 * `env` is added to the environment (RENEGOTIATED_SEEDS etc. for synthetic corpora).
 * Returns { ok, astro, pagefind } with times in ms and memory in kB; never throws on a failed build.
 */
export async function buildSite({ root, outDir, cacheDir, env = {}, logDir, echo = false }) {
  rmSync(outDir, { recursive: true, force: true });
  rmSync(cacheDir, { recursive: true, force: true });
  mkdirSync(logDir, { recursive: true });
  const bin = join(root, 'node_modules', '.bin');
  const fullEnv = {
    ...process.env,
    PATH: `${bin}${delimiter}${process.env.PATH ?? ''}`,
    ASTRO_TELEMETRY_DISABLED: '1',
    // Colour codes are stripped anyway; this keeps the log readable as a file too.
    FORCE_COLOR: '0',
    ...env,
    RENEGOTIATED_OUT_DIR: outDir,
    RENEGOTIATED_CACHE_DIR: cacheDir,
  };

  const astroLog = join(logDir, 'astro-build.log');
  const astroRun = await runMeasured(
    process.execPath,
    [join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'],
    { cwd: root, env: fullEnv, logFile: astroLog, echo, label: 'astro' },
  );
  const astro = {
    ok: astroRun.status === 0,
    status: astroRun.status,
    ms: astroRun.ms,
    cpuMs: astroRun.cpuMs,
    maxRssKb: astroRun.maxRssKb,
    peakTreeRssKb: astroRun.peakTreeRssKb,
    log: astroLog,
    ...analyseAstroLog(astroRun.lines, astroRun.ms),
  };
  if (!astro.ok) {
    astro.tail = astroRun.lines.slice(-40).map((l) => l.text);
    return { ok: false, astro, pagefind: undefined };
  }

  const pagefindLog = join(logDir, 'pagefind.log');
  const pagefindRun = await runMeasured(process.execPath, [here('pagefind-index.mjs'), outDir], {
    cwd: root,
    env: fullEnv,
    logFile: pagefindLog,
    echo,
    label: 'pagefind',
  });
  const resultLine = pagefindRun.lines.find((l) => l.text.startsWith('PAGEFIND_RESULT '));
  const detail = resultLine ? JSON.parse(resultLine.text.slice('PAGEFIND_RESULT '.length)) : {};
  const pagefind = {
    ok: pagefindRun.status === 0 && existsSync(join(outDir, 'pagefind')),
    status: pagefindRun.status,
    ms: pagefindRun.ms,
    cpuMs: pagefindRun.cpuMs,
    maxRssKb: pagefindRun.maxRssKb,
    peakTreeRssKb: pagefindRun.peakTreeRssKb,
    log: pagefindLog,
    ...detail,
  };
  if (!pagefind.ok) pagefind.tail = pagefindRun.lines.slice(-40).map((l) => l.text);
  return { ok: astro.ok && pagefind.ok, astro, pagefind };
}

const ROUTE = /[├└]─\s+(\S+)\s+\(\+(\d+(?:\.\d+)?)(ms|s)\)/u;
const DURATION = (value, unit) => Number(value) * (unit === 's' ? 1000 : 1);

/**
 * Where Astro's time went, from the moments its log lines appeared (our clock) and from the
 * figures it prints itself. Phases: startup (config, Vite) → content sync (the loaders) → types
 * and build info → bundling (Vite) → rendering the static routes → finishing (integrations).
 */
export function analyseAstroLog(lines, totalMs) {
  const at = (re, from = 0) => {
    for (let i = from; i < lines.length; i++) if (re.test(lines[i].text)) return i;
    return -1;
  };
  const time = (i) => (i >= 0 ? lines[i].t : undefined);
  const iSync = at(/\[content\] Syncing content/u);
  const iSynced = at(/\[content\] Synced content/u);
  const iBundle = at(/\[build\] Building static entrypoints/u);
  const iRender = at(/generating static routes/u);
  const iRendered = iRender >= 0 ? at(/^\s*(?:\d\d:\d\d:\d\d\s+)?✓ Completed in/u, iRender) : -1;
  const iPages = at(/\[build\] \d+ page\(s\) built in/u);

  const mark = [0, time(iSync), time(iSynced), time(iBundle), time(iRender), time(iRendered), totalMs];
  const span = (a, b) => (mark[a] !== undefined && mark[b] !== undefined ? mark[b] - mark[a] : undefined);
  const phases = {
    startupMs: span(0, 1),
    contentSyncMs: span(1, 2),
    typesAndBuildInfoMs: span(2, 3),
    bundleMs: span(3, 4),
    renderMs: span(4, 5),
    finishMs: span(5, 6),
  };

  const reported = {};
  for (const { text } of lines) {
    let m;
    if ((m = /\[types\] Generated (\d+(?:\.\d+)?)(ms|s)/u.exec(text))) reported.typesMs = DURATION(m[1], m[2]);
    if ((m = /\[build\] (\d+) page\(s\) built in (\d+(?:\.\d+)?)(ms|s)/u.exec(text))) {
      reported.pages = Number(m[1]);
      reported.totalMs = DURATION(m[2], m[3]);
    }
  }
  if (iRendered >= 0) {
    const m = /Completed in (\d+(?:\.\d+)?)(ms|s)/u.exec(lines[iRendered].text);
    if (m) reported.renderMs = DURATION(m[1], m[2]);
  }
  if (iPages < 0 && lines.length > 0) reported.note = 'no "page(s) built" line: the build did not finish';

  // Each generated route, with Astro's own per-route time.
  // A warning printed while a route renders splits its line: "├─ /x/index.html<warning>" then
  // " (+6ms)" on a line of its own.
  const routes = [];
  let pending;
  for (let i = Math.max(iRender, 0); i < lines.length; i++) {
    const text = lines[i].text;
    const m = ROUTE.exec(text);
    if (m) {
      routes.push({ path: m[1], ms: DURATION(m[2], m[3]), t: lines[i].t });
      pending = undefined;
      continue;
    }
    const start = /[├└]─\s+(\/\S*?\.(?:html|txt|json|xml))/u.exec(text);
    if (start) {
      pending = start[1];
      continue;
    }
    const end = /^\s*\(\+(\d+(?:\.\d+)?)(ms|s)\)\s*$/u.exec(text);
    if (end && pending) {
      routes.push({ path: pending, ms: DURATION(end[1], end[2]), t: lines[i].t });
      pending = undefined;
    }
  }
  const warnings = lines.filter((l) => /\[WARN\]/u.test(l.text));
  const warningKinds = {};
  for (const w of warnings) {
    const key = /No explainer, page or timeline event cites the source/u.test(w.text)
      ? 'uncited source'
      : w.text
          .replace(/^.*?\[WARN\]\s*/u, '')
          .replace(/"[^"]*"/gu, '"…"')
          .slice(0, 80);
    warningKinds[key] = (warningKinds[key] ?? 0) + 1;
  }
  return { phases, reported, routes: summariseRoutes(routes), warnings: warnings.length, warningKinds };
}

/** Per kind of route: count, total and mean ms, and the mean of the first and last tenth (does a page cost more late in the build?). */
function summariseRoutes(routes) {
  const kindOf = (path) =>
    /^\/sources\/[^/]+\.txt$/u.test(path)
      ? 'source-txt'
      : /^\/sources\/[^/]+\/index\.html$/u.test(path)
        ? 'source-page'
        : /^\/explainers\/[^/]+\/index\.html$/u.test(path)
          ? 'explainer'
          : path;
  const groups = new Map();
  for (const r of routes) {
    const kind = kindOf(r.path);
    if (!groups.has(kind)) groups.set(kind, []);
    groups.get(kind).push(r);
  }
  const out = {};
  for (const [kind, list] of groups) {
    const total = list.reduce((s, r) => s + r.ms, 0);
    const tenth = Math.max(1, Math.floor(list.length / 10));
    const mean = (xs) => xs.reduce((s, r) => s + r.ms, 0) / xs.length;
    out[kind] = {
      count: list.length,
      totalMs: total,
      meanMs: total / list.length,
      ...(list.length >= 20
        ? { firstTenthMeanMs: mean(list.slice(0, tenth)), lastTenthMeanMs: mean(list.slice(-tenth)) }
        : {}),
    };
  }
  return out;
}
