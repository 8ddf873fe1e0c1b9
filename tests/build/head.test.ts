// What a page tells browsers, search engines and link previews about itself.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST, ROOT, SITE } from '../support/paths.ts';
import { allPagePaths, page, text } from '../support/site.ts';

const paths = allPagePaths();
const pages = paths.filter((p) => p !== '/404');
const attr = (document: Document, selector: string, name = 'content') =>
  document.querySelector(selector)?.getAttribute(name) ?? null;

describe('page metadata', () => {
  it.each(pages)('%s has its canonical address, Open Graph and Twitter card, and the favicon', (path) => {
    const { document } = page(path);
    const address = new URL(path, SITE).href;
    expect(attr(document, 'link[rel="canonical"]', 'href')).toBe(address);
    expect(attr(document, 'meta[property="og:url"]')).toBe(address);
    const title = attr(document, 'meta[property="og:title"]');
    expect(title).toBeTruthy();
    expect(text(document.querySelector('title'))).toBe(
      path === '/' ? `Renegotiated — ${title}` : `${title} · Renegotiated`,
    );
    const description = attr(document, 'meta[name="description"]');
    expect(description?.length ?? 0, 'a description of some substance').toBeGreaterThan(40);
    expect(attr(document, 'meta[property="og:description"]')).toBe(description);
    expect(attr(document, 'meta[property="og:site_name"]')).toBe('Renegotiated');
    expect(attr(document, 'meta[property="og:type"]')).toBe(
      path.startsWith('/explainers/') && path !== '/explainers/' ? 'article' : 'website',
    );
    expect(attr(document, 'meta[name="twitter:card"]')).toBe('summary');
    expect(attr(document, 'meta[name="twitter:title"]')).toBe(title);
    expect(attr(document, 'meta[name="twitter:description"]')).toBe(description);
    expect(attr(document, 'link[rel="icon"]', 'href')).toBe('/favicon.svg');
    expect(attr(document, 'meta[name="robots"]')).toBeNull();
  });

  it('the 404 page claims no address of its own and asks not to be indexed', () => {
    const { document } = page('/404');
    expect(document.querySelector('link[rel="canonical"], meta[property="og:url"]')).toBeNull();
    expect(attr(document, 'meta[name="robots"]')).toBe('noindex');
  });

  it('robots.txt allows everything and names the sitemap; the sitemap lists every page but the 404', () => {
    const robots = readFileSync(join(DIST, 'robots.txt'), 'utf8');
    expect(robots).toContain('User-agent: *\nAllow: /');
    expect(robots).toContain(`Sitemap: ${new URL('/sitemap-index.xml', SITE).href}`);
    const index = readFileSync(join(DIST, 'sitemap-index.xml'), 'utf8');
    const maps = [...index.matchAll(/<loc>([^<]+)<\/loc>/gu)].map((m) => new URL(m[1] as string).pathname);
    expect(maps.length).toBeGreaterThan(0);
    const listed = maps.flatMap((map) =>
      [...readFileSync(join(DIST, map), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/gu)].map((m) => m[1]),
    );
    expect(listed.sort()).toEqual(pages.map((p) => new URL(p, SITE).href).sort());
  });

  it('the favicon is an SVG', () => {
    expect(readFileSync(join(DIST, 'favicon.svg'), 'utf8')).toMatch(/^<svg[\s>]/u);
  });

  it.each(paths.filter((p) => /^\/explainers\/[^/]+\/$/u.test(p)))(
    '%s describes itself as an Article whose citations are exactly the sources it cites',
    (path) => {
      const { document } = page(path);
      const json = document.querySelector('script[type="application/ld+json"]')?.textContent ?? '';
      const data = JSON.parse(json) as {
        '@type': string;
        headline: string;
        url: string;
        citation: { name: string; url: string }[];
      };
      expect(data['@type']).toBe('Article');
      expect(data.headline).toBe(text(document.querySelector('h1')));
      expect(data.url).toBe(new URL(path, SITE).href);
      const cited = new Map<string, string>();
      for (const link of document.querySelectorAll('.notes-list a[href^="/sources/"]')) {
        const slugPath = (link.getAttribute('href') as string).split('#')[0] as string;
        cited.set(new URL(slugPath, SITE).href, text(link.querySelector('cite')));
      }
      expect(cited.size).toBeGreaterThan(0);
      expect(new Map(data.citation.map((c) => [c.url, c.name]))).toEqual(cited);
    },
  );
});

describe('"last updated" on explainers', () => {
  const git = (args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
  const shallow = git(['rev-parse', '--is-shallow-repository']) === 'true';

  it.each(['exclusivity', 'financial-terms', 'timeline'])(
    '/explainers/%s/ gives the date of the last commit to its text (and for the timeline, to its events)',
    (id) => {
      const files = [`content/explainers/${id}.mdx`, ...(id === 'timeline' ? ['content/timeline.yaml'] : [])];
      const expected = git(['log', '-1', '--format=%cs', '--', ...files]);
      const time = page(`/explainers/${id}/`).document.querySelector('[data-reading-time] time');
      // A shallow clone may not reach back to the last change: then no date at all, never a wrong one.
      if (shallow && !time) return;
      expect(time?.getAttribute('datetime')).toBe(expected);
    },
  );
});
