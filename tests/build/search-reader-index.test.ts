// What the built search index holds for readers' queries, read from Pagefind's own files: the facts of page
// furniture (labelled, weighted below the text) and not its widgets; the other ways readers write a passage's
// figures and names, inside that passage; the weights that put evidence first; and the vocabulary for typo
// correction, made from the index itself.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { contentPaths, loadCatalog } from '../../src/lib/catalog-files.ts';
import { furnitureFacts } from '../../src/lib/passages/furniture.ts';
import { searchAliases } from '../../src/lib/search/aliases.ts';
import { SEARCH_RANKING, SEARCH_WEIGHTS } from '../../src/lib/search/ranking.ts';
import { buildVocabulary } from '../../src/lib/search/vocabulary.ts';
import { BUDGET, gz, kB } from '../support/budgets.ts';
import { DIST, ROOT } from '../support/paths.ts';
import { page } from '../support/site.ts';

type Fragment = {
  url: string;
  content: string;
  anchors: { element: string; id: string; text: string; title?: string; location: number }[];
};

const fragments: Fragment[] = readdirSync(join(DIST, 'pagefind/fragment'))
  .sort()
  .map((name) => {
    const bytes = gunzipSync(readFileSync(join(DIST, 'pagefind/fragment', name)));
    expect(bytes.subarray(0, 12).toString()).toBe('pagefind_dcd');
    return JSON.parse(bytes.subarray(12).toString()) as Fragment;
  });
const byUrl = new Map(fragments.map((f) => [f.url, f]));
const { sources } = loadCatalog(contentPaths(ROOT));
const fold = (s: string) => s.replace(/\s+/gu, ' ').trim();

/** The indexed words of one passage of a source page: from its anchor to the next one. */
function passageWords(url: string, id: string): string[] {
  const fragment = byUrl.get(url);
  if (!fragment) throw new Error(`${url} is not in the index`);
  const anchors = [...fragment.anchors].sort((a, b) => a.location - b.location);
  const at = anchors.findIndex((a) => a.id === id);
  if (at === -1) throw new Error(`${url}#${id} is not an anchor of the index`);
  const words = fragment.content.split(/\s+/u);
  return words.slice(anchors[at]?.location, anchors[at + 1]?.location ?? words.length);
}

describe('page furniture in the search index', () => {
  it('holds every piece of furniture that states facts, titled as furniture, and no widget', () => {
    let withFacts = 0;
    let widgets = 0;
    for (const source of sources) {
      const url = `/sources/${source.slug}/`;
      const fragment = byUrl.get(url) as Fragment;
      for (const passage of source.passages.filter((p) => p.kind === 'furniture')) {
        const anchor = fragment.anchors.find((a) => a.id === passage.id);
        if (furnitureFacts(passage)) {
          withFacts += 1;
          expect(fold(passageWords(url, passage.id).join(' ')), passage.id).toContain(fold(passage.text));
          expect(anchor?.title, passage.id).toBe(
            `Page furniture (${passage.label}) · ¶ ${passage.ordinal} · ${source.title}`,
          );
        } else {
          widgets += 1;
          expect(anchor, `${passage.id} is a widget: no sub-result`).toBeUndefined();
          if (passage.text.length >= 12) expect(fold(fragment.content), passage.id).not.toContain(fold(passage.text));
        }
      }
    }
    expect(withFacts).toBeGreaterThan(0);
    expect(widgets).toBeGreaterThan(withFacts);
  });

  it('finds the February 27 teaser of the May 2 article, and not its share, language or comment widgets', () => {
    const content = (byUrl.get('/sources/azure-exclusivity-ends/') as Fragment).content;
    expect(content).toContain('Azure remains the exclusive cloud for stateless OpenAI APIs');
    expect(content).toContain('Stargate-scale infrastructure projects');
    for (const widget of [
      'Share: Long',
      'Comments (0)',
      'No comments yet',
      'Leave a Comment',
      'Read in other languages',
    ]) {
      expect(content).not.toContain(widget);
    }
    // The label is the sub-result's title, not words to search.
    expect(content).not.toContain('Page furniture');
    expect((byUrl.get('/sources/openai-goes-multi-cloud/') as Fragment).content).not.toMatch(/Cerebras|Also read/u);
  });

  it('weighs facts in furniture below the article’s own text', () => {
    const { document } = page('/sources/azure-exclusivity-ends/');
    const teaser = [...document.querySelectorAll('.passage--furniture')].filter((el) =>
      el.hasAttribute('data-pagefind-title'),
    );
    expect(teaser).toHaveLength(1);
    expect(Number(teaser[0]?.getAttribute('data-pagefind-weight'))).toBe(SEARCH_WEIGHTS.furnitureFacts);
    expect(Number(document.querySelector('.passages')?.getAttribute('data-pagefind-weight'))).toBe(
      SEARCH_WEIGHTS.sourceText,
    );
    expect(SEARCH_WEIGHTS.furnitureFacts).toBeLessThan(SEARCH_WEIGHTS.sourceText);
  });
});

describe('other ways readers write a passage’s figures and names', () => {
  it('are indexed inside the passage that states them, for every passage that has any', () => {
    let seen = 0;
    for (const source of sources) {
      for (const passage of source.passages.filter((p) => p.kind !== 'furniture' || furnitureFacts(p))) {
        const aliases = searchAliases(passage.text);
        if (aliases.length === 0) continue;
        seen += 1;
        const words = fold(passageWords(`/sources/${source.slug}/`, passage.id).join(' '));
        expect(words, `${source.slug}#${passage.id}`).toContain(`⟦${aliases.join('; ')}⟧`);
      }
    }
    expect(seen).toBeGreaterThanOrEqual(3);
  });

  it('hold "27 percent" where a source writes "27%", and "GPT 5.5" where it writes "GPT-5.5"', () => {
    const stake = sources
      .find((s) => s.slug === 'restructure-resolves-cloud-exclusivity-dispute')
      ?.passages.find((p) => p.text.includes('approximately 27% stake'));
    const models = sources
      .find((s) => s.slug === 'azure-exclusivity-ends')
      ?.passages.find((p) => p.text.includes('GPT-5.5, Codex'));
    expect(
      passageWords('/sources/restructure-resolves-cloud-exclusivity-dispute/', stake?.id ?? '').join(' '),
    ).toContain('⟦27 percent⟧');
    expect(passageWords('/sources/azure-exclusivity-ends/', models?.id ?? '').join(' ')).toContain('⟦GPT 5.5⟧');
  });

  it('are in the explainers too, so a section that writes "GPT-5.5" is found by "GPT 5.5"', () => {
    const explainer = byUrl.get('/explainers/exclusivity/') as Fragment;
    const words = explainer.content.split(/\s+/u);
    const at = words.findIndex((w, i) => w === '⟦GPT' && words[i + 1]?.startsWith('5.5⟧'));
    expect(at).toBeGreaterThan(-1);
    // Inside the paragraph that writes GPT-5.5: within a sentence of it.
    expect(words.slice(Math.max(0, at - 60), at).join(' ')).toContain('GPT-5.5');
    expect((byUrl.get('/explainers/financial-terms/') as Fragment).content).toContain('⟦27 percent⟧');
  });

  it('are never shown: an attribute Pagefind indexes in place, with no text on the page', () => {
    const { document } = page('/sources/restructure-resolves-cloud-exclusivity-dispute/');
    const aliases = [...document.querySelectorAll('.passage [data-search-alias]')];
    expect(aliases.length).toBeGreaterThan(0);
    for (const alias of aliases) {
      expect(alias.textContent).toBe('');
      expect(alias.getAttribute('data-pagefind-index-attrs')).toBe('data-search-alias');
      expect(alias.getAttribute('data-search-alias')).toMatch(/^⟦.+⟧$/u);
    }
  });
});

describe('evidence first: the weights and ranking the build gives Pagefind', () => {
  it('weighs the sources’ passages, the explainers’ text, and the pages that repeat them, as ranking.ts says', () => {
    for (const source of sources) {
      const { document } = page(`/sources/${source.slug}/`);
      expect(document.querySelector('.passages')?.getAttribute('data-pagefind-weight'), source.slug).toBe(
        String(SEARCH_WEIGHTS.sourceText),
      );
    }
    for (const path of ['/explainers/exclusivity/', '/explainers/financial-terms/', '/explainers/timeline/']) {
      expect(page(path).document.querySelector('.explainer__body')?.getAttribute('data-pagefind-weight'), path).toBe(
        String(SEARCH_WEIGHTS.explainerText),
      );
    }
    for (const path of ['/figures/', '/claims/', '/']) {
      expect(
        page(path).document.querySelector('[data-pagefind-body]')?.getAttribute('data-pagefind-weight'),
        path,
      ).toBe(String(SEARCH_WEIGHTS.repeats));
    }
    expect(SEARCH_WEIGHTS.repeats).toBeLessThan(SEARCH_WEIGHTS.explainerText);
    expect(SEARCH_WEIGHTS.explainerText).toBeLessThanOrEqual(SEARCH_WEIGHTS.sourceText);
  });

  it('hands the ranking options to the search page', () => {
    const config = page('/search/').document.querySelector('[data-search]')?.getAttribute('data-ranking');
    expect(JSON.parse(config ?? 'null')).toEqual(SEARCH_RANKING);
  });
});

describe('the vocabulary for typo correction', () => {
  const file = join(DIST, 'search', 'vocabulary.json');
  const vocabulary = JSON.parse(readFileSync(file, 'utf8')) as { words: Record<string, number> };

  it('is made from the text the index holds, and nothing else', () => {
    expect(vocabulary).toEqual(buildVocabulary(fragments.map((f) => f.content)));
    expect(Object.keys(vocabulary.words).length).toBeGreaterThan(500);
    // Words of the sources, the explainers and furniture facts are in it; words of widgets left out are not.
    for (const word of ['jassy', 'anthropic', 'bedrock', 'stateless', 'stargate', 'willison']) {
      expect(vocabulary.words[word], word).toBeGreaterThan(0);
    }
    expect(vocabulary.words['cerebras']).toBeUndefined();
    for (const pages of Object.values(vocabulary.words)) expect(pages).toBeLessThanOrEqual(fragments.length);
  });

  it(`stays small: at most ${kB(BUDGET.searchVocabulary)} gzipped, fetched only when a query word matches nothing`, () => {
    expect(gz(readFileSync(file))).toBeLessThanOrEqual(BUDGET.searchVocabulary);
  });
});
