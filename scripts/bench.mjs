// npm run bench: how fast the site builds, how big it is, how it scores and how fast search is.
//
//   npm run bench                         the real site (content/, seeds/)
//   npm run bench -- --scale 100,1000     synthetic corpora of N sources each
//   npx node scripts/bench.mjs --help     every option
//
// Figures are printed and written to bench/results/<timestamp>.json; nothing is asserted.
// Exits non-zero only when a build fails. Works in .tmp/bench/ only (never dist/).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { buildSite } from './bench/build.mjs';
import { CHROMIUM_PATH, lighthouseScores, searchLatency, startPreview } from './bench/browser.mjs';
import { heading, kB, MB, mbFromKb, msf, num, sec, table } from './bench/format.mjs';
import { buildPlainSite, evaluateOurs, evaluatePlain, searchSettings } from './bench/reader-queries.mjs';
import { expectations } from './bench/reader-recall.mjs';
import { distSummary, pageTransfer, pagefindBreakdown, representativePages, sourcePageStats } from './bench/sizes.mjs';
import { writeCorpus } from './bench/synth.mjs';

const REPO = resolve(import.meta.dirname, '..');
const WORK = join(REPO, '.tmp', 'bench');
const RESULTS = join(REPO, 'bench', 'results');

// The search tests' realistic queries: the figures are for what readers search for.
const SITE_QUERIES = JSON.parse(readFileSync(join(REPO, 'tests/support/search-queries.json'), 'utf8')).map(
  (q) => q.query,
);
// Queries as readers type them (figures, shorthand, punctuation, typos, questions, names, furniture facts), each
// with the source and passage that answer it: our search against a plain Pagefind build of the same pages.
const READER_QUERIES = JSON.parse(readFileSync(join(REPO, 'tests/support/reader-queries.json'), 'utf8'));

const HELP = `npm run bench [-- options]

  (no option)            benchmark the real site: build (Astro, Pagefind), sizes, per-page
                         transfer, Lighthouse (mobile) and search latency
  --scale N[,N…]         benchmark synthetic corpora of N sources each, e.g. --scale 100,1000,10000
  --ref REF              benchmark the committed tree at REF (e.g. HEAD) instead of the working tree:
                         it is extracted with git archive into .tmp/bench/tree-<sha>/
  --compare REF          with --scale: build each corpus with the tree at REF and with the working
                         tree, one after the other in the same run, and print them side by side
                         (each tree writes its corpus with its own scripts/bench/synth.mjs)
  --repeat N             with --scale: build each corpus N times and keep the median build
                         (the machine is shared: wall times vary; CPU times vary less)
  --lighthouse-runs N    Lighthouse runs per page, median reported (default 3: one run is noisy)
  --no-lighthouse        skip Lighthouse
  --no-search            skip the search measurements (latency and reader queries)
  --no-reader-queries    skip the reader queries (our search against a plain Pagefind build)
  --verbose              echo the build's output as it runs
  --help                 this text

Everything is written under .tmp/bench/ (sites, caches, build logs); results go to
bench/results/<timestamp>.json. Peak memory is from /usr/bin/time -v (largest process) and
from polling /proc (sum over the build's process tree).`;

let args;
try {
  args = parseArgs({
    options: {
      scale: { type: 'string' },
      ref: { type: 'string' },
      compare: { type: 'string' },
      'lighthouse-runs': { type: 'string', default: '3' },
      repeat: { type: 'string', default: '1' },
      'no-lighthouse': { type: 'boolean', default: false },
      'no-search': { type: 'boolean', default: false },
      'no-reader-queries': { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    allowPositionals: false,
  }).values;
} catch (error) {
  console.error(`${error.message}\n\n${HELP}`);
  process.exit(2);
}
if (args.help) {
  console.log(HELP);
  process.exit(0);
}

const startedAt = new Date();
mkdirSync(WORK, { recursive: true });
const root = args.ref ? snapshot(args.ref) : REPO;
const meta = environment(root);

let exitCode = 0;
if (args.scale) {
  const sizes = args.scale.split(',').map((s) => Number(s.trim().replace(/_/gu, '')));
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) {
    console.error(
      `--scale takes positive whole numbers separated by commas, e.g. --scale 100,1000 (got "${args.scale}").`,
    );
    process.exit(2);
  }
  exitCode = args.compare ? await runCompare(sizes, args.compare) : await runScale(sizes);
} else {
  exitCode = await runSite();
}
process.exit(exitCode);

// ─── The real site ────────────────────────────────────────────────────────────────────────

async function runSite() {
  const outDir = join(WORK, 'site');
  console.log(`Building ${relative(REPO, root) || 'the working tree'} into ${relative(REPO, outDir)} …`);
  const build = await buildSite({
    root,
    outDir,
    cacheDir: join(WORK, 'site-cache'),
    logDir: join(WORK, 'logs', 'site'),
    echo: args.verbose,
  });
  const result = { kind: 'site', ...meta, build: trimBuild(build) };
  if (!build.ok) {
    reportFailure('the site', build);
    save(result);
    return 1;
  }

  const dist = distSummary(outDir);
  const pagefind = pagefindBreakdown(outDir);
  const pages = representativePages(outDir);
  const transfer = Object.fromEntries(
    Object.entries(pages).map(([kind, path]) => [kind, path ? pageTransfer(outDir, path) : undefined]),
  );
  Object.assign(result, { dist, pagefind, transfer, sourcePages: sourcePageStats(outDir) });

  const needBrowser = !args['no-lighthouse'] || !args['no-search'];
  if (needBrowser) {
    const server = await startPreview(root, outDir);
    console.log(`Serving the build at ${server.url} (Astro preview)`);
    try {
      if (!args['no-lighthouse']) {
        const runs = Math.max(1, Number(args['lighthouse-runs']) || 1);
        console.log(`Lighthouse (mobile), ${runs} run(s) per page …`);
        result.lighthouse = await lighthouseScores(server.url, pages, { runs, tmpDir: WORK });
      }
      if (!args['no-search']) {
        console.log(`Search latency over ${SITE_QUERIES.length} queries …`);
        result.search = await searchLatency(server.url, SITE_QUERIES);
        if (!args['no-reader-queries']) result.readerQueries = await readerQueries(outDir, server);
      }
    } finally {
      await server.stop();
    }
  }

  printSite(result);
  save(result);
  return 0;
}

function printSite(r) {
  const b = r.build;
  console.log(
    heading(
      `Renegotiated bench — the site (${r.git.commit.slice(0, 10)}${r.git.dirtyFiles ? `, ${r.git.dirtyFiles} uncommitted change(s)` : ''})`,
    ),
  );
  console.log(
    table(
      ['Build step', 'Wall time', 'CPU time', 'Peak RSS (largest process)', 'Peak RSS (process tree)'],
      [
        [
          'Astro build',
          sec(b.astro.ms),
          sec(b.astro.cpuMs),
          mbFromKb(b.astro.maxRssKb),
          mbFromKb(b.astro.peakTreeRssKb),
        ],
        [
          'Pagefind index',
          sec(b.pagefind.ms),
          sec(b.pagefind.cpuMs),
          mbFromKb(b.pagefind.maxRssKb),
          mbFromKb(b.pagefind.peakTreeRssKb),
        ],
        [
          'Total',
          sec(b.astro.ms + b.pagefind.ms),
          sec(b.astro.cpuMs == null ? undefined : b.astro.cpuMs + (b.pagefind.cpuMs ?? 0)),
          mbFromKb(Math.max(b.astro.maxRssKb ?? 0, b.pagefind.maxRssKb ?? 0) || undefined),
          mbFromKb(Math.max(b.astro.peakTreeRssKb ?? 0, b.pagefind.peakTreeRssKb ?? 0) || undefined),
        ],
      ],
    ),
  );
  console.log(`\nAstro phases: ${phaseLine(b.astro.phases)}`);
  console.log(
    `Machine: ${r.machine.cpus} cores, load average ${r.machine.loadAverageAtStart.map((x) => x.toFixed(1)).join(' ')} at start (other work on the machine slows wall times).`,
  );
  console.log(
    `Pages: ${num(b.astro.reported.pages)} built by Astro, ${num(b.pagefind.pageCount)} indexed by Pagefind.`,
  );

  console.log(heading('Output size'));
  console.log(
    table(
      ['Part', 'Files', 'On disk', 'gzip (text parts)'],
      [
        ['dist (everything)', num(r.dist.files), kB(r.dist.bytes), ''],
        ['  HTML pages', num(r.dist.htmlPages), kB(r.dist.htmlBytes), ''],
        ['  without pagefind/', '', kB(r.dist.bytesWithoutPagefind), ''],
        ['pagefind/ (all)', '', kB(r.pagefind.totalBytes), ''],
        ...Object.entries(r.pagefind.parts)
          .filter(([, p]) => p.files > 0)
          .map(([name, p]) => [`  ${name}`, num(p.files), kB(p.bytes), kB(p.gzipBytes)]),
      ],
    ),
  );
  console.log(
    '\n(pagefind parts: index = index/ chunks + filter/ + entry + pf_meta; .pf_* and wasm are compressed by Pagefind already)',
  );
  if (r.sourcePages) {
    console.log(
      `Source pages: ${r.sourcePages.count}, HTML ${kB(r.sourcePages.minBytes)} – ${kB(r.sourcePages.maxBytes)} (median ${kB(r.sourcePages.medianBytes)}) before gzip.`,
    );
  }

  console.log(heading('Transfer per page (gzip -9; JS = scripts loaded up front)'));
  console.log(
    table(
      ['Page', 'Path', 'HTML', 'CSS', 'JS', 'Total', 'Requests'],
      Object.entries(r.transfer).map(([kind, t]) =>
        t && !t.missing
          ? [kind, t.path, kB(t.html.gzip), kB(t.css.gzip), kB(t.js.gzip), kB(t.totalGzip), t.requests]
          : [kind, t?.path ?? '(none)', '—', '—', '—', '—', '—'],
      ),
    ),
  );
  const sp = r.pagefind.parts;
  console.log(
    `Search page on demand (loaded by its script): component UI ${kB(sp.componentUi.gzipBytes)} gzip, ` +
      `Pagefind JS ${kB(sp.coreJs.gzipBytes)} gzip, wasm ${kB(sp.wasm.bytes / Math.max(1, sp.wasm.files))} per language, then index chunks and fragments as needed.`,
  );

  if (r.lighthouse) {
    console.log(heading('Lighthouse (mobile preset, Debian Chromium, Astro preview on 127.0.0.1)'));
    console.log(
      table(
        ['Page', 'Performance', 'Accessibility', 'Best practices', 'SEO', 'FCP', 'LCP', 'TBT', 'CLS'],
        Object.entries(r.lighthouse).map(([kind, l]) =>
          l.error
            ? [kind, `error: ${l.error.slice(0, 60)}`, '', '', '', '', '', '', '']
            : [
                kind,
                l.scores.performance,
                l.scores.accessibility,
                l.scores['best-practices'],
                l.scores.seo,
                msf(l.metrics.fcpMs, 0),
                msf(l.metrics.lcpMs, 0),
                msf(l.metrics.tbtMs, 0),
                l.metrics.cls == null ? '—' : l.metrics.cls.toFixed(3),
              ],
        ),
      ),
    );
    const failing = Object.entries(r.lighthouse).filter(([, l]) => l.failedAudits?.length);
    for (const [kind, l] of failing) console.log(`  ${kind}: failed audits ${l.failedAudits.join(', ')}`);
  }
  if (r.search) printSearch(r.search);
  if (r.readerQueries) printReaderQueries(r.readerQueries);
}

/**
 * Reader queries on our search page and on a plain Pagefind build of the same pages, in one run: recall@5 and
 * passages shown, per category; the settings that make the difference; and what each costs in time.
 */
async function readerQueries(outDir, server) {
  const { loadCatalog, contentPaths } = await import(join(root, 'src/lib/catalog-files.ts'));
  const expected = expectations(READER_QUERIES, loadCatalog(contentPaths(root)).sources);
  const plainDir = join(WORK, 'plain');
  console.log(`Plain Pagefind build of the same pages in ${relative(REPO, plainDir)} …`);
  const plainBuild = await buildPlainSite(outDir, plainDir);
  const plainServer = await startPreview(root, plainDir);
  try {
    const queries = expected.map((q) => q.query);
    console.log(`Reader queries (${expected.length}) on our search page …`);
    const ours = await evaluateOurs(server.url, expected);
    console.log('… on the plain Pagefind build …');
    const plain = await evaluatePlain(plainServer.url, expected);
    console.log('… and Pagefind’s JS API latency over them, on both indexes …');
    const oursApi = await searchLatency(server.url, queries);
    const plainApi = await searchLatency(plainServer.url, queries);
    return { settings: searchSettings(outDir), plainBuild, ours, plain, oursApi, plainApi };
  } finally {
    await plainServer.stop();
  }
}

function printReaderQueries(rq) {
  console.log(heading('Search settings in this build (src/lib/search/ranking.ts)'));
  console.log(
    `Pagefind ranking options: ${rq.settings.ranking ? JSON.stringify(rq.settings.ranking) : 'none (defaults)'}`,
  );
  console.log(
    table(
      ['data-pagefind-weight (page: element = weight)', 'Elements'],
      Object.entries(rq.settings.weights).sort(([a], [b]) => a.localeCompare(b)),
    ),
  );
  console.log('Unweighted text counts 1; headings 7 (h1) to 5 (h3) outside weighted text.');

  const pct = (n, of) => `${n}/${of} ${((100 * n) / Math.max(1, of)).toFixed(0).padStart(3)}%`;
  console.log(
    heading(
      `Reader queries: ours (search page) vs plain Pagefind (${rq.plainBuild.indexedPages} pages, defaults, JS API, query as typed)`,
    ),
  );
  console.log(
    table(
      ['Category', 'Queries', 'Source in top 5: ours', 'plain', 'Passage shown: ours', 'plain'],
      rq.ours.summary.map((o, i) => {
        const p = rq.plain.summary[i];
        return [
          o.category,
          o.queries,
          pct(o.source, o.queries),
          pct(p.source, p.queries),
          pct(o.passage, o.queries),
          pct(p.passage, p.queries),
        ];
      }),
    ),
  );
  console.log(
    'Source in top 5: the source that answers the query is one of the first five results. Passage shown: one of them\n' +
      'shows the answering passage (a result or sub-result landing on it, or an excerpt with its words).',
  );
  const misses = (rows) =>
    rows.filter((r) => !r.source || !r.passage).map((r) => `${r.query} (${!r.source ? 'source' : 'passage'})`);
  console.log(`Ours missed: ${misses(rq.ours.rows).join('; ') || 'nothing'}`);
  console.log(`Plain missed: ${misses(rq.plain.rows).join('; ') || 'nothing'}`);
  const rewritten = rq.ours.rows.filter((r) => r.note);
  if (rewritten.length) {
    console.log('What our search page said it searched:');
    for (const r of rewritten) console.log(`  ${r.query} → ${r.note}`);
  }

  console.log(heading(`Reader-query latency (medians over ${rq.ours.rows.length} queries)`));
  const l = rq.ours.latency;
  console.log(
    table(
      ['Measure', 'cold', 'warm'],
      [
        ['Search page: query to results shown', msf(l.coldShownMedianMs), msf(l.warmShownMedianMs)],
        [
          '  of which the query layer (rewrite, corrections)',
          msf(l.coldQueryLayerMedianMs),
          msf(l.warmQueryLayerMedianMs),
        ],
        ['Pagefind JS API on our index', msf(rq.oursApi.coldMedianMs), msf(rq.oursApi.warmMedianMs)],
        ['Pagefind JS API on the plain index', msf(rq.plainApi.coldMedianMs), msf(rq.plainApi.warmMedianMs)],
      ],
    ),
  );
  console.log(
    'Search page cold: from opening /search/?q=… in a fresh browser to its first results shown (scripts, Pagefind, index,\n' +
      'first fragments); warm: from a search in the open page to its results shown. The query layer includes its Pagefind\n' +
      'searches. JS API: pagefind.search() alone, cold = first search after import (WebAssembly, metadata, index chunks).' +
      (l.coldQueryLayerMedianMs == null ? '\n(This build records no query-layer timing: it predates it.)' : ''),
  );
}

function printSearch(s) {
  console.log(heading(`Search latency (Pagefind JS API in Chromium, ${s.queries} queries, medians)`));
  console.log(
    table(
      ['Measure', 'Median'],
      [
        ["import('/pagefind/pagefind.js')", msf(s.importMedianMs)],
        ['cold: first search after page load', msf(s.coldMedianMs)],
        ['cold + data() of top 5 results', msf(s.coldWithDataMedianMs)],
        [`warm: later searches (${s.warmSamples} samples)`, msf(s.warmMedianMs)],
        ['warm + data() of top 5 results', msf(s.warmWithDataMedianMs)],
        ['warm, slowest sample', msf(s.warmMaxMs)],
      ],
    ),
  );
  const counts = Object.entries(s.perQuery)
    .map(([q, v]) => `${q} (${v.results})`)
    .join(', ');
  console.log(`Results per query: ${counts}`);
  if (s.errors) console.log(`Errors: ${s.errors.join('; ')}`);
}

// ─── Synthetic corpora ────────────────────────────────────────────────────────────────────

async function runScale(sizes) {
  const runs = [];
  let failed = false;
  for (const n of sizes) {
    const dir = join(WORK, `scale-${n}`);
    console.log(`\n── ${num(n)} synthetic sources (${relative(REPO, dir)}) ──`);
    const genStart = performance.now();
    const corpus = writeCorpus(join(dir, 'corpus'), n);
    const generateMs = performance.now() - genStart;
    console.log(
      `Generated ${num(n)} sources, ${num(corpus.totalWords)} words, ${num(corpus.totalPassages)} passages, ${corpus.citations} citations in ${sec(generateMs)}.`,
    );
    const outDir = join(dir, 'dist');
    const rel = (p) => relative(root, p);
    const repeat = Math.max(1, Number(args.repeat) || 1);
    const attempts = [];
    for (let k = 0; k < repeat; k++) {
      if (repeat > 1) console.log(`Build ${k + 1} of ${repeat} …`);
      attempts.push(
        await buildSite({
          root,
          outDir,
          cacheDir: join(dir, 'cache'),
          logDir: join(dir, 'logs', repeat > 1 ? `build-${k + 1}` : ''),
          echo: args.verbose,
          env: {
            RENEGOTIATED_SEEDS: rel(corpus.seedsDir),
            RENEGOTIATED_SOURCES_META: rel(corpus.metadataFile),
            RENEGOTIATED_CONTENT: rel(corpus.contentDir),
          },
        }),
      );
      if (!attempts.at(-1).ok) break;
    }
    // The median build by total wall time (the last one if a build failed).
    const byTime = attempts.every((b) => b.ok)
      ? [...attempts].sort((x, y) => x.astro.ms + x.pagefind.ms - (y.astro.ms + y.pagefind.ms))
      : [attempts.at(-1)];
    const build = byTime[Math.floor((byTime.length - 1) / 2)];
    const run = {
      sources: n,
      corpus: {
        words: corpus.totalWords,
        passages: corpus.totalPassages,
        citations: corpus.citations,
        generateMs,
        dir: relative(REPO, corpus.dir),
      },
      build: trimBuild(build),
      ...(attempts.length > 1
        ? {
            repeats: attempts.map((b) => ({
              astroMs: b.astro.ms,
              astroCpuMs: b.astro.cpuMs,
              pagefindMs: b.pagefind?.ms,
              pagefindCpuMs: b.pagefind?.cpuMs,
            })),
          }
        : {}),
    };
    runs.push(run);
    if (!build.ok) {
      failed = true;
      reportFailure(`${n} sources`, build);
      continue;
    }
    run.dist = distSummary(outDir);
    run.pagefind = pagefindBreakdown(outDir);
    run.sourcesIndex = pageTransfer(outDir, '/sources/');
    run.home = pageTransfer(outDir, '/');
    if (!args['no-search']) {
      const server = await startPreview(root, outDir);
      try {
        run.search = await searchLatency(server.url, corpus.queries);
      } finally {
        await server.stop();
      }
    }
    const a = build.astro;
    console.log(
      `Astro ${sec(a.ms)} (${phaseLine(a.phases)}), Pagefind ${sec(build.pagefind.ms)}, ` +
        `peak ${mbFromKb(Math.max(a.maxRssKb ?? 0, build.pagefind.maxRssKb ?? 0))}, ${num(run.dist.htmlPages)} pages, search cold ${msf(run.search?.coldMedianMs)} / warm ${msf(run.search?.warmMedianMs)}`,
    );
  }
  const result = { kind: 'scale', ...meta, runs, scaling: scaling(runs) };
  printScale(result);
  save(result);
  return failed ? 1 : 0;
}

// ─── Two trees side by side ───────────────────────────────────────────────────────────────

/**
 * The scale benchmark for the tree at REF and for the working tree, in one run on one machine:
 * for each N, REF first and then the working tree, so both meet the same load. Each tree writes its
 * corpus with its own generator, since the content format may differ between them.
 */
async function runCompare(sizes, ref) {
  const trees = [
    { label: `ref ${ref}`, key: 'ref', root: snapshot(ref) },
    { label: 'working tree', key: 'work', root: REPO },
  ];
  for (const tree of trees) {
    tree.synth = await import(pathToFileURL(join(tree.root, 'scripts/bench/synth.mjs')).href);
  }
  const runs = [];
  let failed = false;
  for (const n of sizes) {
    for (const tree of trees) {
      const dir = join(WORK, `compare-${n}-${tree.key}`);
      console.log(`\n── ${num(n)} synthetic sources, ${tree.label} (${relative(REPO, dir)}) ──`);
      const corpus = tree.synth.writeCorpus(join(dir, 'corpus'), n);
      const rel = (p) => relative(tree.root, p);
      const build = await buildSite({
        root: tree.root,
        outDir: join(dir, 'dist'),
        cacheDir: join(dir, 'cache'),
        logDir: join(dir, 'logs'),
        echo: args.verbose,
        env: {
          RENEGOTIATED_SEEDS: rel(corpus.seedsDir),
          RENEGOTIATED_SOURCES_META: rel(corpus.metadataFile),
          RENEGOTIATED_CONTENT: rel(corpus.contentDir),
        },
      });
      runs.push({ sources: n, tree: tree.label, citations: corpus.citations, build: trimBuild(build) });
      if (!build.ok) {
        failed = true;
        reportFailure(`${n} sources (${tree.label})`, build);
        continue;
      }
      console.log(
        `Astro ${sec(build.astro.ms)} (${phaseLine(build.astro.phases)}), Pagefind ${sec(build.pagefind.ms)}`,
      );
    }
  }
  const result = { kind: 'compare', ref, ...meta, runs };
  console.log(heading(`Renegotiated bench — ${ref} against the working tree, same run, same machine`));
  const total = (r) => r.build.astro.ms + r.build.pagefind.ms;
  const cpu = (r) => (r.build.astro.cpuMs ?? 0) + (r.build.pagefind?.cpuMs ?? 0);
  const rows = [];
  for (const n of sizes) {
    const [before, after] = trees.map((t) => runs.find((r) => r.sources === n && r.tree === t.label));
    const cell = (r, f) => (r?.build.ok ? f(r) : 'FAILED');
    const ratio = (f) => (before?.build.ok && after?.build.ok ? `${(f(after) / f(before)).toFixed(2)}×` : '—');
    rows.push([
      num(n),
      cell(before, (r) => sec(r.build.astro.ms)),
      cell(after, (r) => sec(r.build.astro.ms)),
      cell(before, (r) => sec(r.build.astro.phases.contentSyncMs)),
      cell(after, (r) => sec(r.build.astro.phases.contentSyncMs)),
      cell(before, (r) => sec(r.build.astro.phases.renderMs)),
      cell(after, (r) => sec(r.build.astro.phases.renderMs)),
      cell(before, (r) => sec(total(r))),
      cell(after, (r) => sec(total(r))),
      ratio(total),
      ratio(cpu),
      cell(before, (r) => mbFromKb(r.build.astro.peakTreeRssKb)),
      cell(after, (r) => mbFromKb(r.build.astro.peakTreeRssKb)),
    ]);
  }
  console.log(
    table(
      [
        'Sources',
        'Astro (ref)',
        'Astro (now)',
        'Sync (ref)',
        'Sync (now)',
        'Render (ref)',
        'Render (now)',
        'Total (ref)',
        'Total (now)',
        'Total now/ref',
        'CPU now/ref',
        'Peak tree (ref)',
        'Peak tree (now)',
      ],
      rows,
    ),
  );
  console.log('Below 1.00× the working tree is faster. The ref tree builds first at each N; both see the same load.');
  save(result);
  return failed ? 1 : 0;
}

/** Per-source cost between successive N, and a least-squares fit time = fixed + perSource × N. */
function scaling(runs) {
  const ok = runs.filter((r) => r.build.ok);
  const total = (r) => r.build.astro.ms + r.build.pagefind.ms;
  const steps = [];
  for (let i = 1; i < ok.length; i++) {
    const [p, c] = [ok[i - 1], ok[i]];
    const perSource = (f) => f(c) / c.sources / (f(p) / p.sources);
    const marginal = (f) => (f(c) - f(p)) / (c.sources - p.sources);
    steps.push({
      from: p.sources,
      to: c.sources,
      astroPerSourceRatio: perSource((r) => r.build.astro.ms),
      pagefindPerSourceRatio: perSource((r) => r.build.pagefind.ms),
      totalPerSourceRatio: perSource(total),
      astroMarginalMsPerSource: marginal((r) => r.build.astro.ms),
      astroCpuPerSourceRatio:
        c.build.astro.cpuMs && p.build.astro.cpuMs ? perSource((r) => r.build.astro.cpuMs) : undefined,
      astroCpuMarginalMsPerSource:
        c.build.astro.cpuMs && p.build.astro.cpuMs ? marginal((r) => r.build.astro.cpuMs) : undefined,
      pagefindMarginalMsPerSource: marginal((r) => r.build.pagefind.ms),
      renderMarginalMsPerSource: marginal((r) => r.build.astro.phases.renderMs ?? 0),
      contentSyncMarginalMsPerSource: marginal((r) => r.build.astro.phases.contentSyncMs ?? 0),
    });
  }
  let fit;
  if (ok.length >= 2) {
    const xs = ok.map((r) => r.sources);
    const ys = ok.map(total);
    const mx = xs.reduce((s, x) => s + x, 0) / xs.length;
    const my = ys.reduce((s, y) => s + y, 0) / ys.length;
    const sxx = xs.reduce((s, x) => s + (x - mx) ** 2, 0);
    const slope = xs.reduce((s, x, i) => s + (x - mx) * (ys[i] - my), 0) / sxx;
    fit = { fixedMs: my - slope * mx, msPerSource: slope, projected10kMs: my - slope * mx + slope * 10000 };
  }
  return {
    steps,
    linearFit: fit,
    target: '10,000 sources built (Astro + Pagefind) in under 120 s on 2 cores, cost linear in N',
  };
}

function printScale(r) {
  console.log(
    heading(
      `Renegotiated bench — scale (${r.git.commit.slice(0, 10)}, ${r.machine.cpus} cores, load average ${r.machine.loadAverageAtStart[0].toFixed(1)} at start)`,
    ),
  );
  const ok = (run, f) => (run.build.ok ? f(run) : 'FAILED');
  console.log(
    table(
      [
        'Sources',
        'Astro',
        'Pagefind',
        'Total',
        'CPU (A+P)',
        'Peak RSS',
        'Peak tree',
        'Pages',
        'dist',
        'Index',
        'Fragments',
        'Search cold',
        'warm',
      ],
      r.runs.map((run) => [
        num(run.sources),
        sec(run.build.astro.ms),
        ok(run, (x) => sec(x.build.pagefind.ms)),
        ok(run, (x) => sec(x.build.astro.ms + x.build.pagefind.ms)),
        ok(run, (x) => `${sec(x.build.astro.cpuMs)} + ${sec(x.build.pagefind.cpuMs)}`),
        mbFromKb(Math.max(run.build.astro.maxRssKb ?? 0, run.build.pagefind?.maxRssKb ?? 0)),
        mbFromKb(Math.max(run.build.astro.peakTreeRssKb ?? 0, run.build.pagefind?.peakTreeRssKb ?? 0)),
        ok(run, (x) => num(x.dist.htmlPages)),
        ok(run, (x) => MB(x.dist.bytes)),
        ok(run, (x) => MB(x.pagefind.parts.index.bytes)),
        ok(run, (x) => MB(x.pagefind.parts.fragments.bytes)),
        ok(run, (x) => msf(x.search?.coldMedianMs)),
        ok(run, (x) => msf(x.search?.warmMedianMs)),
      ]),
    ),
  );
  console.log(heading('Where Astro’s time went (from the moments its log lines appeared)'));
  console.log(
    table(
      [
        'Sources',
        'Startup',
        'Content sync',
        'Types + info',
        'Bundle',
        'Render',
        'Finish',
        'Source page mean',
        'first/last tenth',
        '/sources/ HTML gz',
      ],
      r.runs.map((run) => {
        const p = run.build.astro.phases;
        const sp = run.build.astro.routes?.['source-page'];
        return [
          num(run.sources),
          sec(p.startupMs),
          sec(p.contentSyncMs),
          sec(p.typesAndBuildInfoMs),
          sec(p.bundleMs),
          sec(p.renderMs),
          sec(p.finishMs),
          sp ? msf(sp.meanMs) : '—',
          sp?.firstTenthMeanMs != null
            ? `${sp.firstTenthMeanMs.toFixed(1)} / ${sp.lastTenthMeanMs.toFixed(1)} ms`
            : '—',
          run.sourcesIndex ? kB(run.sourcesIndex.html.gzip) : '—',
        ];
      }),
    ),
  );
  if (r.scaling.steps.length) {
    console.log(heading('Scaling between successive N (1.00 = linear; above 1 = each source costs more at larger N)'));
    console.log(
      table(
        [
          'Step',
          'Astro per-source ratio',
          'Astro CPU ratio',
          'Pagefind ratio',
          'Total ratio',
          'Astro marginal',
          'Astro CPU marginal',
          'Render marginal',
          'Sync marginal',
          'Pagefind marginal',
        ],
        r.scaling.steps.map((s) => [
          `${num(s.from)} → ${num(s.to)}`,
          s.astroPerSourceRatio.toFixed(2),
          s.astroCpuPerSourceRatio?.toFixed(2),
          s.pagefindPerSourceRatio.toFixed(2),
          s.totalPerSourceRatio.toFixed(2),
          `${s.astroMarginalMsPerSource.toFixed(2)} ms/src`,
          s.astroCpuMarginalMsPerSource == null ? '—' : `${s.astroCpuMarginalMsPerSource.toFixed(2)} ms/src`,
          `${s.renderMarginalMsPerSource.toFixed(2)} ms/src`,
          `${s.contentSyncMarginalMsPerSource.toFixed(2)} ms/src`,
          `${s.pagefindMarginalMsPerSource.toFixed(2)} ms/src`,
        ]),
      ),
    );
    console.log(
      'Per-source ratio = (time/N) at the larger N ÷ (time/N) at the smaller; below 1 when fixed start-up cost dominates the smaller N.',
    );
    console.log('Marginal = extra ms per extra source between the two N: constant when cost is linear.');
  }
  if (r.scaling.linearFit) {
    const f = r.scaling.linearFit;
    console.log(
      `Linear fit (total build): ${sec(f.fixedMs)} fixed + ${f.msPerSource.toFixed(2)} ms per source → ${sec(f.projected10kMs)} projected for 10,000 sources. Target: ${r.scaling.target}.`,
    );
  }
  for (const run of r.runs) {
    const w = run.build.astro.warningKinds;
    if (w && Object.keys(w).length)
      console.log(
        `${num(run.sources)} sources: ${run.build.astro.warnings} warning line(s) from Astro: ${Object.entries(w)
          .map(([k, n]) => `${n} × ${k}`)
          .join('; ')}`,
      );
  }
}

// ─── Shared ───────────────────────────────────────────────────────────────────────────────

function phaseLine(p) {
  return [
    ['startup', p.startupMs],
    ['content sync', p.contentSyncMs],
    ['types+info', p.typesAndBuildInfoMs],
    ['bundle', p.bundleMs],
    ['render', p.renderMs],
    ['finish', p.finishMs],
  ]
    .map(([name, ms]) => `${name} ${sec(ms)}`)
    .join(', ');
}

/** The build result without per-line data, for the JSON. */
function trimBuild(build) {
  const strip = (step) => (step ? { ...step, log: step.log ? relative(REPO, step.log) : undefined } : step);
  return { ok: build.ok, astro: strip(build.astro), pagefind: strip(build.pagefind) };
}

function reportFailure(what, build) {
  const step = !build.astro.ok ? build.astro : build.pagefind;
  const name = !build.astro.ok ? 'Astro build' : 'Pagefind';
  console.error(
    `\n${name} of ${what} FAILED (exit ${step?.status}) after ${sec(step?.ms)}; peak RSS ${mbFromKb(step?.maxRssKb)}. Log: ${step?.log}`,
  );
  for (const line of step?.tail ?? []) console.error(`   ${line}`);
}

function save(result) {
  mkdirSync(RESULTS, { recursive: true });
  const stamp = startedAt
    .toISOString()
    .replace(/:/gu, '-')
    .replace(/\.\d+Z$/u, 'Z');
  const file = join(RESULTS, `${stamp}.json`);
  result.finishedAt = new Date().toISOString();
  // Other work on the machine skews timings: the load averages say how busy it was.
  result.machine.loadAverageAtEnd = loadavg();
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\nResults written to ${relative(REPO, file)}`);
}

function git(argv, cwd = REPO) {
  try {
    return execFileSync('git', argv, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
}

/** Extract a commit's tree into .tmp/bench/tree-<sha>/ with the repository's node_modules linked in. */
function snapshot(ref) {
  const sha = git(['rev-parse', '--verify', `${ref}^{commit}`]);
  if (!sha) {
    console.error(`--ref ${ref}: no such commit.`);
    process.exit(2);
  }
  const dir = join(WORK, `tree-${sha.slice(0, 12)}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync('bash', ['-c', `git archive ${sha} | tar -x -C "${dir}"`], { cwd: REPO, stdio: 'inherit' });
  symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

function environment(treeRoot) {
  let chromium = '';
  try {
    chromium = execFileSync(CHROMIUM_PATH, ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    // reported as empty
  }
  const status = git(['status', '--porcelain'], REPO);
  return {
    startedAt: startedAt.toISOString(),
    git: {
      commit: git(['rev-parse', args.ref ? `${args.ref}^{commit}` : 'HEAD'], REPO) || 'unknown',
      ...(args.ref
        ? { ref: args.ref, tree: relative(REPO, treeRoot) }
        : { dirtyFiles: status ? status.split('\n').length : 0 }),
    },
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model,
      memoryBytes: totalmem(),
      node: process.version,
      chromium,
      timeBinary: existsSync('/usr/bin/time'),
      loadAverageAtStart: loadavg(),
    },
  };
}
