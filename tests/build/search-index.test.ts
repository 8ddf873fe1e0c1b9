// What the built Pagefind index holds, read from its own files: which pages, which sub-results and
// titles, which filters, and none of the site's furniture.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DIST } from '../support/paths.ts';
import { allPagePaths, page, text } from '../support/site.ts';

type Fragment = {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  anchors: { element: string; id: string; text: string; title?: string }[];
};

/** Every page in the index: a fragment file is gzip of "pagefind_dcd" followed by JSON. */
const fragments: Fragment[] = readdirSync(join(DIST, 'pagefind/fragment')).map((name) => {
  const bytes = gunzipSync(readFileSync(join(DIST, 'pagefind/fragment', name)));
  expect(bytes.subarray(0, 12).toString()).toBe('pagefind_dcd');
  return JSON.parse(bytes.subarray(12).toString()) as Fragment;
});
const byUrl = new Map(fragments.map((f) => [f.url, f]));
const paths = allPagePaths();

describe('the search index', () => {
  it('holds every page with content of its own, and not the search page, the 404 or the lists', () => {
    const expected = paths.filter(
      (p) => /^\/(?:explainers|sources)\/[^/]+\/$/u.test(p) || ['/', '/about/', '/claims/', '/figures/'].includes(p),
    );
    expect([...byUrl.keys()].sort()).toEqual(expected.sort());
  });

  it('gives each page its kind, as a filter and as metadata', () => {
    const kind = (url: string) => byUrl.get(url)?.filters['kind'];
    expect(kind('/explainers/exclusivity/')).toEqual(['Explainer']);
    expect(kind('/explainers/timeline/')).toEqual(['Timeline']);
    expect(kind('/claims/')).toEqual(['Claims']);
    expect(kind('/figures/')).toEqual(['Figures']);
    for (const f of fragments.filter((f) => f.url.startsWith('/sources/'))) {
      expect(f.filters['kind'], f.url).toEqual(['Source']);
      expect(f.meta['kind'], f.url).toBe('Source');
      expect(f.filters['source'], f.url).toEqual([f.meta['title']]);
    }
  });

  it('leaves out the header, navigation, footer, notes and "Cited in" furniture', () => {
    const footer = text(page('/').document.querySelector('.site-footer p'));
    for (const f of fragments) {
      expect(f.content, f.url).not.toContain(footer.slice(0, 40));
      expect(f.content, f.url).not.toContain('Skip to');
      expect(f.content, f.url).not.toMatch(/Cited in:/u);
      expect(f.content, f.url).not.toMatch(/back to the text/u);
      expect(f.content, f.url).not.toMatch(/Copy link|Passage ¶/u);
    }
    // Page furniture of a source that is a widget (language links, share buttons) is not searchable.
    expect(byUrl.get('/sources/azure-exclusivity-ends/')?.content).not.toMatch(/Read in other languages/u);
    // Nor is a source page's description of itself (counts and links).
    expect(byUrl.get('/sources/azure-exclusivity-ends/')?.content).not.toMatch(
      /passages of \d+ cited|View the original/u,
    );
  });

  it('titles each sub-result by where it lands: ¶ N of a source, a timeline event, an explainer section', () => {
    const source = byUrl.get('/sources/azure-exclusivity-ends/') as Fragment;
    const passages = source.anchors.filter((a) => a.title);
    expect(passages.length).toBeGreaterThan(5);
    // Furniture that states facts is searchable too, and says so (tests/build/search-reader-index.test.ts).
    for (const a of passages) {
      expect(a.title).toMatch(new RegExp(`^(?:Page furniture \\([^)]+\\) · )?¶ \\d+ · ${source.meta['title']}$`, 'u'));
    }

    const timeline = byUrl.get('/explainers/timeline/') as Fragment;
    expect(timeline.anchors.filter((a) => a.title?.startsWith('Timeline · ')).length).toBeGreaterThan(5);

    const explainer = byUrl.get('/explainers/exclusivity/') as Fragment;
    const sections = explainer.anchors.filter((a) => /^h[23]$/u.test(a.element));
    expect(sections.length).toBeGreaterThan(3);
    for (const a of sections) {
      const heading = page('/explainers/exclusivity/').document.getElementById(a.id);
      expect(a.title, a.id).toBe(`The end of exclusivity · ${text(heading)}`);
    }
  });
});
