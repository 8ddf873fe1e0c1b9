import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUDGET, gz, kB } from '../support/budgets.ts';
import { DIST } from '../support/paths.ts';
import { allPagePaths, fileForUrl, page } from '../support/site.ts';

const READING = (path: string) => path !== '/search/' && path !== '/404';

/** A script and every module it imports statically (dynamic import() is lazy and not counted). */
function scriptClosure(src: string, seen = new Set<string>()): Set<string> {
  if (seen.has(src)) return seen;
  seen.add(src);
  const code = readFileSync(join(DIST, src), 'utf8');
  for (const match of code.matchAll(/(?:^|[;\s])import\s*(?:[^'"()]*?from\s*)?["']([^"']+)["']/gu)) {
    const spec = match[1] as string;
    if (spec.startsWith('.') || spec.startsWith('/')) scriptClosure(new URL(spec, `http://x${src}`).pathname, seen);
  }
  return seen;
}

describe('weight budgets (gzipped bytes of the built files)', () => {
  it.each(allPagePaths())('%s stays within its HTML, CSS and JS budgets', (path) => {
    const { document, html } = page(path);
    const over: string[] = [];

    const htmlSize = gz(Buffer.from(html));
    const passages = document.querySelectorAll('.passage').length;
    const claims = document.querySelectorAll('.claims-table tbody tr').length;
    const markers = document.querySelectorAll('sup.cite-ref').length;
    const htmlBudget =
      path.startsWith('/sources/') && passages > 0
        ? BUDGET.sourceBase + passages * BUDGET.sourcePerPassage
        : path === '/claims/'
          ? BUDGET.claimsBase + claims * BUDGET.claimsPerClaim
          : Math.max(BUDGET.html, BUDGET.citingBase + markers * BUDGET.citingPerMarker);
    if (htmlSize > htmlBudget) over.push(`HTML of ${path} is ${kB(htmlSize)}, budget ${kB(htmlBudget)}`);

    const styles = [...document.querySelectorAll('link[rel="stylesheet"]')].map(
      (l) => l.getAttribute('href') as string,
    );
    const cssSize = styles.reduce((sum, href) => sum + gz(readFileSync(fileForUrl(href) as string)), 0);
    if (cssSize > BUDGET.css)
      over.push(`CSS of ${path} (${styles.join(', ')}) is ${kB(cssSize)}, budget ${kB(BUDGET.css)}`);

    if (READING(path)) {
      const entries = [...document.querySelectorAll('script[src]')].map((s) => s.getAttribute('src') as string);
      const scripts = new Set(entries.flatMap((src) => [...scriptClosure(src)]));
      const sizes = [...scripts].map((src) => [src, gz(readFileSync(join(DIST, src)))] as const);
      const jsSize = sizes.reduce((sum, [, n]) => sum + n, 0);
      if (jsSize > BUDGET.js) {
        over.push(
          `JS loaded up front by ${path} is ${kB(jsSize)}, budget ${kB(BUDGET.js)}: ${sizes.map(([s, n]) => `${s} ${kB(n)}`).join(', ')}`,
        );
      }
    }
    expect(over).toEqual([]);
  });

  it('measures what it claims: every page links the site stylesheet and its scripts exist', () => {
    for (const path of allPagePaths()) {
      const { document } = page(path);
      expect(document.querySelectorAll('link[rel="stylesheet"]').length, path).toBeGreaterThan(0);
      for (const s of document.querySelectorAll('script[src]'))
        expect(fileForUrl(s.getAttribute('src') as string), path).toBeDefined();
    }
  });
});
