/**
 * Every internal link of the built site, checked: each href/src/action on each page must reach a
 * built file, and each #fragment an element with that id on the page it names. `npm run build`
 * fails on a broken one (scripts/build.mjs), whatever made it: content, a component, a template.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseHTML } from 'linkedom';
import type { ContentProblem } from './errors.ts';

/** URL paths of every built HTML page (`/`, `/sources/x/`, `/404`), Pagefind's and Astro's assets left out. */
export function builtPages(outDir: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) {
        if (dir === outDir && (name === 'pagefind' || name === '_astro')) continue;
        walk(full);
      } else if (name.endsWith('.html')) {
        const rel = relative(outDir, full).split(sep).join('/');
        out.push(rel === 'index.html' ? '/' : `/${rel.replace(/(?:^|\/)index\.html$/u, '/').replace(/\.html$/u, '')}`);
      }
    }
  };
  walk(outDir);
  return out.sort();
}

/** The built file a URL path is served from, or undefined. */
export function fileFor(outDir: string, urlPath: string): string | undefined {
  let clean: string;
  try {
    clean = decodeURIComponent(urlPath.split(/[?#]/u)[0] ?? '/');
  } catch {
    return undefined;
  }
  const direct = join(outDir, clean);
  if (existsSync(direct) && statSync(direct).isFile()) return direct;
  const index = join(outDir, clean, 'index.html');
  if (existsSync(index)) return index;
  const page = join(outDir, `${clean.replace(/\/$/u, '')}.html`);
  return existsSync(page) ? page : undefined;
}

/**
 * Broken internal links in a built site. `site` is the address it was built for: absolute links to
 * it (canonical, og:url) are internal too.
 */
export function brokenLinks(outDir: string, site: string): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const documents = new Map<string, Document>();
  const documentOf = (file: string) => {
    let document = documents.get(file);
    if (!document) {
      document = parseHTML(readFileSync(file, 'utf8')).document as unknown as Document;
      documents.set(file, document);
    }
    return document;
  };
  const origin = new URL(site).origin;
  for (const path of builtPages(outDir)) {
    const pageFile = fileFor(outDir, path) as string;
    const document = documentOf(pageFile);
    const base = new URL(path, site);
    const seen = new Set<string>();
    for (const el of document.querySelectorAll('[href], [src], form[action], meta[property="og:url"]')) {
      const raw =
        el.getAttribute('href') ??
        el.getAttribute('src') ??
        el.getAttribute('action') ??
        el.getAttribute('content') ??
        '';
      if (seen.has(raw) || /^(?:mailto:|data:|tel:|javascript:)/iu.test(raw)) continue;
      seen.add(raw);
      let url: URL;
      try {
        url = new URL(raw, base);
      } catch {
        problems.push(problem(outDir, pageFile, path, raw, 'is not a valid address'));
        continue;
      }
      if (url.origin !== origin && url.origin !== base.origin) continue;
      const target = fileFor(outDir, url.pathname);
      if (!target) {
        problems.push(problem(outDir, pageFile, path, raw, `goes to ${url.pathname}, which the build does not have`));
        continue;
      }
      const fragment = safeDecode(url.hash.slice(1).split(':~:')[0] ?? '');
      if (fragment && target.endsWith('.html') && !documentOf(target).getElementById(fragment)) {
        problems.push(
          problem(outDir, pageFile, path, raw, `goes to #${fragment}, which ${url.pathname} does not have`),
        );
      }
    }
  }
  return problems;
}

function problem(outDir: string, file: string, path: string, raw: string, what: string): ContentProblem {
  return {
    file: relative(process.cwd(), file) || join(outDir, 'index.html'),
    message: `the built page ${path} links to "${raw}", which ${what}.`,
    fix: 'correct the link where the page comes from: an explainer or page in content/ (npm run check:content names its line), or a component in src/. Passage ids change only when a passage’s own words change.',
  };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
