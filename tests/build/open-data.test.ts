import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { contentPaths, loadCatalog } from '../../src/lib/catalog-files.ts';
import { normalise } from '../../src/lib/quotes.ts';
import { DIST, ROOT } from '../support/paths.ts';
import { page, text } from '../support/site.ts';

const EXPORTS = ['sources', 'citations', 'claims', 'timeline', 'inferences'] as const;
const read = (path: string) => JSON.parse(readFileSync(join(DIST, path), 'utf8'));

describe('open data exports', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
  addFormats.default(ajv);

  it.each(EXPORTS)('/data/%s.json validates against its published JSON Schema', (name) => {
    const schema = read(`data/schemas/${name}.schema.json`);
    const data = read(`data/${name}.json`);
    const validate = ajv.compile(schema);
    const ok = validate(data);
    expect(validate.errors ?? [], `${name}.json`).toEqual([]);
    expect(ok).toBe(true);
    expect(data.$schema).toMatch(new RegExp(`/data/schemas/${name}\\.schema\\.json$`, 'u'));
  });

  it('sources.json holds every source with its passages, ids, texts and the checksum of the original', () => {
    const { sources } = loadCatalog(contentPaths(ROOT));
    const data = read('data/sources.json');
    expect(data.sources.map((s: { slug: string }) => s.slug)).toEqual(sources.map((s) => s.slug));
    for (const source of sources) {
      const exported = data.sources.find((s: { slug: string }) => s.slug === source.slug);
      expect(exported.original.sha256).toBe(source.sha256);
      expect(exported.passages.map((p: { id: string; text: string }) => [p.id, p.text])).toEqual(
        source.passages.map((p) => [p.id, p.text]),
      );
    }
  });

  it('citations.json lists every citation of every page, each resolving to the quoted passage', () => {
    const data = read('data/citations.json');
    const explainer = page('/explainers/exclusivity/').document;
    const markers = explainer.querySelectorAll('sup.cite-ref').length;
    const fromExplainer = data.citations.filter((c: { from: { page: string } }) =>
      c.from.page.endsWith('/explainers/exclusivity/'),
    );
    expect(fromExplainer).toHaveLength(markers);
    for (const c of data.citations.slice(0, 200)) {
      const path = new URL(c.to.url).pathname;
      const passage = page(path).document.getElementById(c.to.passage);
      expect(text(passage), c.to.url).toContain(c.matched.replace(/\s+/gu, ' '));
    }
  });

  it('timeline.json and claims.json match the pages', () => {
    const events = read('data/timeline.json').events;
    expect(events.length).toBe(page('/explainers/timeline/').document.querySelectorAll('ol.timeline > li').length);
    const claims = read('data/claims.json').claims;
    expect(claims.length).toBe(page('/claims/').document.querySelectorAll('.claims-table tbody tr').length);
  });

  it('inferences.json lists every inference shown on the pages, at its element, with what it rests on', () => {
    const { inferences } = read('data/inferences.json') as {
      inferences: { url: string; page: string; text: string; restsOn: { url: string; quote: string }[] }[];
    };
    const pages = ['/', '/explainers/exclusivity/', '/explainers/financial-terms/', '/explainers/timeline/'];
    const shown = pages.flatMap((path) =>
      [...page(path).document.querySelectorAll('.inference')].map((el) => `${path}#${el.id}`),
    );
    expect(shown.length).toBeGreaterThan(5);
    expect(inferences.map((i) => new URL(i.url).pathname + new URL(i.url).hash).sort()).toEqual(shown.sort());
    for (const inference of inferences) {
      const url = new URL(inference.url);
      const element = page(url.pathname).document.getElementById(url.hash.slice(1));
      // The page labels it as the site's own, and says what the export says.
      expect(text(element?.querySelector('.inference__label')), inference.url).toBe('Our inference:');
      // (The page sets curly quotation marks: compare the words.)
      const words = (t: string) => normalise(t.replace(/\[[a-z0-9]+\]/gu, '')).replace(/\s+([.,;:])/gu, '$1');
      const seen = element?.cloneNode(true) as Element;
      for (const hidden of seen.querySelectorAll('.visually-hidden')) hidden.remove();
      expect(words(text(seen)), inference.url).toContain(words(inference.text));
      expect(inference.restsOn.length, inference.url).toBeGreaterThan(0);
      for (const basis of inference.restsOn) {
        const passage = page(new URL(basis.url).pathname).document.getElementById(
          new URL(basis.url).hash.slice(1).split(':~:')[0] as string,
        );
        expect(text(passage), basis.url).toContain(basis.quote.replace(/\s+/gu, ' '));
      }
    }
  });

  it('the open data page links every file and its schema', () => {
    const { document } = page('/data/');
    for (const name of EXPORTS) {
      expect(document.querySelector(`a[href="/data/${name}.json"]`), name).not.toBeNull();
      expect(document.querySelector(`a[href="/data/schemas/${name}.schema.json"]`), name).not.toBeNull();
    }
  });
});
