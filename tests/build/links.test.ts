import { describe, expect, it } from 'vitest';
import { allPagePaths, fileForUrl, page } from '../support/site.ts';

/** Every internal href/src on every built page resolves, and so does every #fragment. */
describe('internal links', () => {
  const paths = allPagePaths();

  it('finds the pages to walk', () => {
    expect(paths).toContain('/');
    expect(paths.filter((p) => p.startsWith('/sources/')).length).toBeGreaterThanOrEqual(6);
  });

  it.each(paths)('every link and fragment on %s resolves', (path) => {
    const { document } = page(path);
    const broken: string[] = [];
    const base = new URL(path, 'http://site.invalid');
    for (const el of document.querySelectorAll('[href], [src]')) {
      const raw = el.getAttribute('href') ?? el.getAttribute('src') ?? '';
      if (/^(?:mailto:|data:)/u.test(raw)) continue;
      const url = new URL(raw, base);
      if (url.origin !== base.origin) continue;
      const file = fileForUrl(url.pathname);
      if (!file) {
        broken.push(`${raw} → no file for ${url.pathname}`);
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1).split(':~:')[0] ?? '');
      if (fragment && file.endsWith('.html')) {
        const target = url.pathname === base.pathname ? document : page(url.pathname).document;
        if (!target.getElementById(fragment)) broken.push(`${raw} → no element #${fragment} on ${url.pathname}`);
      }
    }
    expect(broken).toEqual([]);
  });
});
