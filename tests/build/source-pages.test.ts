import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentPaths, loadCatalog } from '../../src/lib/catalog-files.ts';
import { furnitureFacts } from '../../src/lib/passages/furniture.ts';
import { DIST, ROOT } from '../support/paths.ts';
import { fileForUrl, page, text } from '../support/site.ts';

const { sources } = loadCatalog(contentPaths(ROOT));
const fold = (s: string) => s.replace(/\s+/gu, ' ').trim();

describe('source pages', () => {
  it('builds one page per seed, listed on /sources/ and on the home page', () => {
    expect(sources.length).toBeGreaterThanOrEqual(5);
    const list = page('/sources/').document;
    const home = page('/').document;
    for (const source of sources) {
      expect(fileForUrl(`/sources/${source.slug}/`), source.slug).toBeDefined();
      expect(list.querySelector(`a[href="/sources/${source.slug}/"]`)?.textContent).toBe(source.title);
      expect(home.querySelector(`a[href="/sources/${source.slug}/"]`), `home links ${source.slug}`).not.toBeNull();
    }
  });

  it('/sources/ gives each source its publisher, date and byline as stated, and its passage count', () => {
    const list = page('/sources/').document;
    for (const source of sources) {
      const item = list.querySelector(`a[href="/sources/${source.slug}/"]`)?.closest('li');
      const line = fold(item?.querySelector('p')?.textContent ?? '');
      const readable = source.passages.filter((p) => p.kind !== 'furniture').length;
      expect(line, source.slug).toContain(`${readable} passage${readable === 1 ? '' : 's'}`);
      expect(line, source.slug).toContain(
        source.publisher === 'not stated' ? 'Publisher not stated' : source.publisher,
      );
      expect(line, source.slug).toContain(source.date === 'not stated' ? 'date not stated' : source.date);
      if (source.byline !== 'not stated') expect(line, source.slug).toContain(`by ${source.byline}`);
      if (source.titleSupplied) expect(line, source.slug).toContain('title supplied by the editors');
    }
  });

  it.each(sources.map((s) => [s.slug, s] as const))(
    '%s shows every non-blank line of its seed verbatim',
    (slug, source) => {
      const { document } = page(`/sources/${slug}/`);
      const body = fold(document.querySelector('.passages')?.textContent ?? '');
      const seed = readFileSync(join(contentPaths(ROOT).seedsDir, source.seed), 'utf8').replace(/^\uFEFF/u, '');
      const lines = seed
        .split(/\r\n?|\n/u)
        .map(fold)
        .filter(Boolean);
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) expect(body, `line missing on /sources/${slug}/`).toContain(line);
    },
  );

  it.each(sources.map((s) => [s.slug, s] as const))(
    '%s gives every passage its permanent id, a ¶ N permalink and semantics',
    (slug, source) => {
      const { document } = page(`/sources/${slug}/`);
      const rendered = [...document.querySelectorAll('.passage')];
      expect(rendered.map((el) => el.id)).toEqual(source.passages.map((p) => p.id));
      expect(new Set(rendered.map((el) => el.id)).size).toBe(rendered.length);
      for (const passage of source.passages) {
        const el = document.getElementById(passage.id);
        const link = el?.querySelector('a.permalink');
        expect(link?.getAttribute('href')).toBe(`#${passage.id}`);
        expect(text(link)).toBe(`Passage ¶ ${passage.ordinal}`);
        if (passage.kind === 'heading') expect(el?.querySelector('h3')?.textContent).toBe(passage.text);
        if (passage.kind === 'list-item') expect(el?.tagName).toBe('LI');
        if (passage.kind === 'furniture') {
          // Widgets stay out of search; furniture that states facts is searchable, titled as furniture.
          if (furnitureFacts(passage)) {
            expect(el?.getAttribute('data-pagefind-title')).toBe(
              `Page furniture (${passage.label}) · ¶ ${passage.ordinal} · ${source.title}`,
            );
          } else {
            expect(el?.getAttribute('data-pagefind-ignore')).toBe('all');
          }
          expect(text(el?.querySelector('.furniture-label'))).toBe(`Page furniture: ${passage.label}`);
        } else {
          expect(el?.getAttribute('data-pagefind-title')).toBe(`¶ ${passage.ordinal} · ${source.title}`);
        }
      }
      for (const li of document.querySelectorAll('.passage-list > *')) expect(li.tagName).toBe('LI');
    },
  );

  it('states metadata only as the article states it', () => {
    const field = (slug: string) => {
      const { document } = page(`/sources/${slug}/`);
      const terms = [...document.querySelectorAll('.source-meta dt')];
      return (name: string) => text(terms.find((dt) => text(dt) === name)?.nextElementSibling);
    };
    const dated = field('azure-exclusivity-ends');
    expect(dated('Byline')).toBe('Insights AI');
    expect(dated('Date')).toBe('May 2, 2026');
    expect(dated('Publisher')).toBe('Not stated in the article');
    expect(dated('Title')).toBe('');

    const untitled = field('non-exclusive-license-through-2032');
    expect(untitled('Title')).toContain('Supplied by the editors');
    expect(untitled('Date')).toBe('Not stated in the article');
    expect(untitled('Byline')).toBe('Not stated in the article');
  });

  it.each(sources.map((s) => [s.slug, s] as const))('%s serves the original seed byte for byte', (slug, source) => {
    const served = readFileSync(join(DIST, 'sources', `${slug}.txt`));
    const original = readFileSync(join(contentPaths(ROOT).seedsDir, source.seed));
    expect(served.equals(original)).toBe(true);
    const link = page(`/sources/${slug}/`).document.querySelector(`a[href="/sources/${slug}.txt"]`);
    expect(link).not.toBeNull();
  });

  it('runs our remark plugins in MDX (reading time on the About page)', () => {
    const about = page('/about/').document;
    expect(text(about.querySelector('[data-reading-time]'))).toMatch(/^\d+ min read$/u);
  });
});

describe('every page', () => {
  it('has the base layout: skip link, main landmark, header navigation and footer', () => {
    for (const path of ['/', '/sources/', '/about/', '/explainers/', '/search/', `/sources/${sources[0]?.slug}/`]) {
      const { document } = page(path);
      expect(document.querySelector('a.skip-link')?.getAttribute('href'), path).toBe('#main');
      expect(document.querySelector('main#main'), path).not.toBeNull();
      const nav = [...document.querySelectorAll('header nav a')].map((a) => text(a));
      expect(nav, path).toEqual(['Home', 'Explainers', 'Timeline', 'Claims', 'Sources', 'Search']);
      expect(document.querySelector('footer'), path).not.toBeNull();
      expect(document.documentElement.getAttribute('lang')).toBe('en');
    }
  });
});
