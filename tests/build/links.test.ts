import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/lib/errors.ts';
import { brokenLinks } from '../../src/lib/site-links.ts';
import { DIST, SITE } from '../support/paths.ts';
import { allPagePaths, page } from '../support/site.ts';

/** Every internal href/src on every built page resolves, and so does every #fragment. */
describe('internal links', () => {
  const paths = allPagePaths();

  it('finds the pages to walk', () => {
    expect(paths).toContain('/');
    expect(paths.filter((p) => p.startsWith('/sources/')).length).toBeGreaterThanOrEqual(6);
  });

  // The check `npm run build` runs after Astro (src/lib/site-links.ts), here on the build under test: relative links
  // and absolute ones to the site's own address (canonical, og:url) all resolve, each #fragment to an element.
  it('every link and fragment on every page resolves', () => {
    expect(brokenLinks(DIST, SITE).map(formatProblem)).toEqual([]);
  });
});

/**
 * A browser follows `#id:~:text=…` to the FIRST place on the page where the words occur (case and white
 * space ignored), whatever the id says. So the words must not occur anywhere on the target page before the
 * element the link names: not in its title, its metadata, its claims list, or an earlier passage.
 */
describe('text fragments land where the id does', () => {
  const fold = (s: string) => s.replace(/\s+/gu, ' ').toLowerCase();
  const BLOCK = new Set(
    'address article aside blockquote br dd details div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 header hr li main nav ol p section summary table tbody td tfoot th thead tr ul'.split(
      ' ',
    ),
  );

  /** The page's visible text in document order, and where `el`'s own text starts and ends in it. */
  function textAround(document: Document, el: Element): { all: string; start: number; end: number } {
    let all = '';
    let start = -1;
    let end = -1;
    const walk = (node: Node) => {
      if (node === el) start = all.length;
      if (node.nodeType === 3) all += node.textContent ?? '';
      else if (node.nodeType === 1) {
        const tag = (node as Element).tagName.toLowerCase();
        // Block boundaries separate words, as white space does; inline elements do not.
        const block = BLOCK.has(tag);
        if (block) all += ' ';
        if (!['script', 'style', 'template', 'noscript'].includes(tag) && !(node as Element).hasAttribute('hidden')) {
          for (const child of node.childNodes) walk(child);
        }
        if (block) all += ' ';
      }
      if (node === el) end = all.length;
    };
    walk(document.body);
    // Fold white space while keeping the offsets: fold the pieces on either side separately.
    const before = fold(all.slice(0, start));
    const inside = fold(all.slice(start, end));
    return { all: before + inside + fold(all.slice(end)), start: before.length, end: before.length + inside.length };
  }

  /** `text=[prefix-,]start[,end][,-suffix]` → the start words (what the browser looks for first). */
  function startWords(directive: string): { prefix?: string; start: string } {
    const parts = directive.split(',').map((p) => decodeURIComponent(p));
    const prefix = parts[0]?.endsWith('-') ? parts.shift()?.slice(0, -1) : undefined;
    return { prefix, start: parts[0] ?? '' };
  }

  const linking = allPagePaths().filter((p) => page(p).html.includes(':~:text='));

  it('finds pages with text-fragment links', () => {
    expect(linking.length).toBeGreaterThanOrEqual(4);
  });

  it.each(linking)('every text fragment on %s first matches inside the element its id names', (path) => {
    const problems: string[] = [];
    const base = new URL(path, 'http://site.invalid');
    for (const link of page(path).document.querySelectorAll('a[href*=":~:text="]')) {
      const href = link.getAttribute('href') as string;
      const url = new URL(href, base);
      const [id = '', directive = ''] = url.hash.slice(1).split(':~:text=');
      const target = page(url.pathname).document;
      const el = target.getElementById(decodeURIComponent(id));
      if (!el) continue; // the links test reports it
      const { all, start, end } = textAround(target, el);
      const { prefix, start: words } = startWords(directive);
      const needle = fold(prefix ? `${prefix} ${words}` : words);
      const at = all.indexOf(needle);
      const landed = at + (prefix ? needle.length - fold(words).length : 0);
      if (at < 0) problems.push(`${href}: the words "${words}" are not on ${url.pathname}`);
      else if (landed < start || landed >= end) {
        problems.push(`${href}: "${words}" first occurs outside #${id}: …${all.slice(Math.max(0, at - 40), at + 60)}…`);
      }
    }
    expect(problems).toEqual([]);
  });
});
