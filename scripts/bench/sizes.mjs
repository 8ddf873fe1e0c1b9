// Sizes of a built site: the whole output, the Pagefind bundle by part, and what each kind of
// page costs a reader to download (gzip level 9, as a static host would serve it).
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';

export const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;

/** Every file under `dir`, with its size. */
export function listFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) out.push({ path: full, bytes: statSync(full).size });
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

/** Bytes and file count of the whole output, of its HTML pages, and of the Pagefind folder. */
export function distSummary(outDir) {
  const files = listFiles(outDir);
  const pagefindDir = join(outDir, 'pagefind') + sep;
  const html = files.filter((f) => f.path.endsWith('.html'));
  const sum = (list) => list.reduce((s, f) => s + f.bytes, 0);
  return {
    bytes: sum(files),
    files: files.length,
    htmlPages: html.length,
    htmlBytes: sum(html),
    bytesWithoutPagefind: sum(files.filter((f) => !f.path.startsWith(pagefindDir))),
  };
}

/**
 * The Pagefind bundle in parts. The index parts (`.pf_*`) are already gzip-compressed by
 * Pagefind, so their size on disk is what travels; scripts and styles also get a gzip figure.
 */
export function pagefindBreakdown(outDir) {
  const dir = join(outDir, 'pagefind');
  const parts = {
    index: { description: 'index/ chunks, filter/, pagefind-entry.json, *.pf_meta' },
    fragments: { description: 'fragment/ (one per page: excerpt text and metadata)' },
    wasm: { description: 'wasm.*.pagefind (search engine)' },
    coreJs: { description: 'pagefind.js + pagefind-worker.js (JS API)' },
    componentUi: { description: 'pagefind-component-ui.js + .css (used on /search/)' },
    highlight: { description: 'pagefind-highlight.js (loaded after a search result click)' },
    unusedUi: { description: 'pagefind-ui.*, pagefind-modular-ui.* (written by Pagefind, not used by the site)' },
    other: { description: 'anything else' },
  };
  for (const p of Object.values(parts)) Object.assign(p, { files: 0, bytes: 0, gzipBytes: 0 });
  for (const f of listFiles(dir)) {
    const rel = relative(dir, f.path).split(sep).join('/');
    const name = rel.split('/').at(-1);
    const key =
      rel.startsWith('index/') ||
      rel.startsWith('filter/') ||
      name === 'pagefind-entry.json' ||
      name.endsWith('.pf_meta')
        ? 'index'
        : rel.startsWith('fragment/')
          ? 'fragments'
          : /^wasm\..*\.pagefind$/u.test(name)
            ? 'wasm'
            : name === 'pagefind.js' || name === 'pagefind-worker.js'
              ? 'coreJs'
              : name.startsWith('pagefind-component-ui.')
                ? 'componentUi'
                : name === 'pagefind-highlight.js'
                  ? 'highlight'
                  : /^pagefind-(?:modular-)?ui\./u.test(name)
                    ? 'unusedUi'
                    : 'other';
    const part = parts[key];
    part.files += 1;
    part.bytes += f.bytes;
    // .pf_* and wasm are compressed already; gzip of text parts is what a host would send.
    part.gzipBytes += /\.(?:js|css|json)$/u.test(name) ? gz(readFileSync(f.path)) : f.bytes;
  }
  const total = Object.values(parts).reduce((s, p) => s + p.bytes, 0);
  return { totalBytes: total, parts };
}

/** The file a site path is served from (`/x/` → x/index.html), or undefined. */
export function fileForPath(outDir, urlPath) {
  const clean = decodeURIComponent(urlPath.split(/[?#]/u)[0]);
  const candidates = clean.endsWith('/')
    ? [join(outDir, clean, 'index.html')]
    : [join(outDir, clean), join(outDir, clean, 'index.html'), join(outDir, `${clean}.html`)];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile());
}

/** A module script and everything it imports statically (dynamic import() is lazy and not counted). */
function scriptClosure(outDir, src, seen = new Set()) {
  if (seen.has(src)) return seen;
  const file = fileForPath(outDir, src);
  if (!file) return seen;
  seen.add(src);
  const code = readFileSync(file, 'utf8');
  for (const match of code.matchAll(/(?:^|[;\s])import\s*(?:[^'"()]*?from\s*)?["']([^"']+)["']/gu)) {
    const spec = match[1];
    if (spec.startsWith('.') || spec.startsWith('/'))
      scriptClosure(outDir, new URL(spec, `http://x${src}`).pathname, seen);
  }
  return seen;
}

/**
 * What a page costs to load: its HTML, the stylesheets it links, and the scripts it loads up
 * front (`<script src>` plus their static imports), each gzipped. Scripts a page adds later
 * (the search UI, the highlighter) are not counted here; the Pagefind breakdown has them.
 */
export function pageTransfer(outDir, urlPath) {
  const file = fileForPath(outDir, urlPath);
  if (!file) return { path: urlPath, missing: true };
  const html = readFileSync(file);
  const { document } = parseHTML(html.toString('utf8'));
  const styles = [...document.querySelectorAll('link[rel~="stylesheet"]')].map((l) => l.getAttribute('href'));
  const scripts = new Set(
    [...document.querySelectorAll('script[src]')].flatMap((s) => [...scriptClosure(outDir, s.getAttribute('src'))]),
  );
  const sizeOf = (list) =>
    [...list].reduce(
      (acc, href) => {
        const f = fileForPath(outDir, href);
        if (!f) return acc;
        const bytes = readFileSync(f);
        return { raw: acc.raw + bytes.length, gzip: acc.gzip + gz(bytes) };
      },
      { raw: 0, gzip: 0 },
    );
  const css = sizeOf(styles);
  const js = sizeOf(scripts);
  const htmlGzip = gz(html);
  return {
    path: urlPath,
    html: { raw: html.length, gzip: htmlGzip },
    css: { ...css, files: styles },
    js: { ...js, files: [...scripts] },
    totalGzip: htmlGzip + css.gzip + js.gzip,
    requests: 1 + styles.length + scripts.size,
  };
}

/**
 * The representative pages of each kind: home, the largest explainer (not the timeline), the
 * largest source page (the worst case), the timeline and search. Largest = most HTML bytes.
 */
export function representativePages(outDir) {
  const largestUnder = (folder, exclude = []) => {
    const dir = join(outDir, folder);
    if (!existsSync(dir)) return undefined;
    let best;
    for (const name of readdirSync(dir)) {
      if (exclude.includes(name)) continue;
      const file = join(dir, name, 'index.html');
      if (!existsSync(file)) continue;
      const bytes = statSync(file).size;
      if (!best || bytes > best.bytes) best = { path: `/${folder}/${name}/`, bytes };
    }
    return best?.path;
  };
  return {
    home: '/',
    explainer: largestUnder('explainers', ['timeline']),
    source: largestUnder('sources'),
    timeline: '/explainers/timeline/',
    search: '/search/',
  };
}

/** gzip sizes of every source page, for min/median/max. */
export function sourcePageStats(outDir) {
  const dir = join(outDir, 'sources');
  if (!existsSync(dir)) return undefined;
  const sizes = [];
  for (const name of readdirSync(dir)) {
    const file = join(dir, name, 'index.html');
    if (existsSync(file)) sizes.push(statSync(file).size);
  }
  sizes.sort((a, b) => a - b);
  if (sizes.length === 0) return undefined;
  return {
    count: sizes.length,
    minBytes: sizes[0],
    medianBytes: sizes[Math.floor(sizes.length / 2)],
    maxBytes: sizes.at(-1),
  };
}
