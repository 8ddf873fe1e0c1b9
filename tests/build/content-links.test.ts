// `npm run check:content` checks links to passages, claims, events and sections without a build: what it
// believes each page holds must be what the build really gives it, or it would pass broken links or stop
// good ones. (The build itself checks every link: tests/build/links.test.ts and scripts/build.mjs.)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMdx } from '../../src/lib/citations/parse-mdx.ts';
import { checkContent } from '../../src/lib/content-check.ts';
import { headingIds, PAGE_IDS } from '../../src/lib/content-links.ts';
import { ROOT } from '../support/paths.ts';
import { page } from '../support/site.ts';

const check = checkContent(ROOT, {});
const idsOf = (path: string) => [...page(path).document.querySelectorAll('[id]')].map((el) => el.id);

describe('what check:content knows of each page is what the build gives it', () => {
  it.each(check.catalog?.sources.map((s) => [s.slug, s] as const) ?? [])('source %s: every id', (slug, source) => {
    const known = new Set([
      ...source.passages.map((p) => p.id),
      ...(source.former ?? []).map((f) => f.id),
      ...PAGE_IDS.every,
      ...PAGE_IDS.source,
    ]);
    expect(idsOf(`/sources/${slug}/`).filter((id) => !known.has(id))).toEqual([]);
    // And every passage the check knows is on the page.
    expect(source.passages.map((p) => p.id).filter((id) => !idsOf(`/sources/${slug}/`).includes(id))).toEqual([]);
  });

  it('the claims page: every id', () => {
    const claims = check.corpus?.claims.map((c) => c.claim.id) ?? [];
    const known = new Set([...claims, ...claims.map((id) => `${id}-title`), ...PAGE_IDS.every, ...PAGE_IDS.claims]);
    expect(claims.length).toBeGreaterThan(0);
    expect(idsOf('/claims/').filter((id) => !known.has(id))).toEqual([]);
  });

  it.each(['exclusivity', 'financial-terms', 'timeline'])(
    'explainer %s: its sections are where the check expects them',
    (id) => {
      const { tree } = parseMdx(readFileSync(join(ROOT, `content/explainers/${id}.mdx`), 'utf8'));
      const built = idsOf(`/explainers/${id}/`);
      expect(headingIds(tree).filter((h) => !built.includes(h))).toEqual([]);
      const events = id === 'timeline' ? (check.corpus?.events.map((e) => e.located.event.id) ?? []) : [];
      expect(events.filter((e) => !built.includes(e))).toEqual([]);
    },
  );
});
