import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseHTML } from 'linkedom';
import { DIST } from './paths.ts';

export type Page = { path: string; document: Document; html: string };

const pages = new Map<string, Page>();

/** Read (once) and parse one built page by its URL path (`/sources/x/`). */
export function page(urlPath: string): Page {
  const file = fileForUrl(urlPath);
  if (!file) throw new Error(`No built page for ${urlPath} in ${DIST}`);
  let parsed = pages.get(file);
  if (!parsed) {
    const html = readFileSync(file, 'utf8');
    parsed = { path: urlPath, html, document: parseHTML(html).document as unknown as Document };
    pages.set(file, parsed);
  }
  return parsed;
}

/** The built file a URL path is served from, or undefined. */
export function fileForUrl(urlPath: string): string | undefined {
  const clean = decodeURIComponent(urlPath.split(/[?#]/u)[0] ?? '/');
  const direct = join(DIST, clean);
  if (existsSync(direct) && statSync(direct).isFile()) return direct;
  const index = join(DIST, clean, 'index.html');
  if (existsSync(index)) return index;
  const page = join(DIST, `${clean.replace(/\/$/u, '')}.html`); // 404.html
  return existsSync(page) ? page : undefined;
}

/** URL paths of every built HTML page, excluding Pagefind's own files. */
export function allPagePaths(dir = DIST): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) {
      if (name === 'pagefind' || name === '_astro') continue;
      out.push(...allPagePaths(full));
    } else if (name.endsWith('.html')) {
      const rel = relative(DIST, full).split(sep).join('/');
      out.push(rel === 'index.html' ? '/' : `/${rel.replace(/(?:^|\/)index\.html$/u, '/').replace(/\.html$/u, '')}`);
    }
  }
  return out.sort();
}

/** Text of an element with white space folded, as a reader sees it. */
export function text(node: Element | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/gu, ' ').trim();
}
