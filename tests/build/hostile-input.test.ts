// The "hostile input" quality gate, build side: a seed made of 70 well-known XSS payloads, and metadata whose
// free-text fields are payloads too, built into a fixture site. Every payload must come out as text, and no
// element, attribute or URL may be born from one. (tests/browser/hostile-input.test.ts runs the same build
// in Chromium.)
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  HOSTILE_CITATION,
  HOSTILE_METADATA,
  HOSTILE_OVERRIDES,
  HOSTILE_PATH,
  HOSTILE_SEED,
  HOSTILE_SLUG,
  SEED_TITLE_LINE,
  hostileBuild,
  hostileMetadataBuild,
  hostileMetaSources,
  hostileSeed,
  readPayloads,
  type HostileBuild,
} from '../support/hostile-build.ts';

const payloads = readPayloads();
const { title, publisher, byline, date, furnitureLabel } = HOSTILE_METADATA;
/** The pages that show the seed's text or its metadata. */
const PAGES = [HOSTILE_PATH, '/sources/', '/', '/claims/', '/figures/', HOSTILE_CITATION.page] as const;

let build: HostileBuild;
beforeAll(async () => {
  build = await hostileBuild();
}, 600_000);

// ── Reading the fixture's output ────────────────────────────────────────────────────────────

function builtFile(urlPath: string): string {
  const direct = join(build.outDir, urlPath);
  return urlPath.endsWith('/') ? join(direct, 'index.html') : direct;
}
const parsed = new Map<string, Document>();
function doc(urlPath: string): Document {
  let document = parsed.get(urlPath);
  if (!document) {
    document = parseHTML(readFileSync(builtFile(urlPath), 'utf8')).document as unknown as Document;
    parsed.set(urlPath, document);
  }
  return document;
}
/** Text as a reader sees it, white space folded. */
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/gu, ' ').trim();
const attr = (document: Document, selector: string, name: string) =>
  document.querySelector(selector)?.getAttribute(name);

/** A passage's own text: without its ¶ link, its list marker, its furniture label or its back-links. */
function passageText(passage: Element): string {
  const copy = passage.cloneNode(true) as Element;
  for (const el of copy.querySelectorAll('.permalink, .marker, .furniture-label, .cited-in')) el.remove();
  return (copy.textContent ?? '').trim();
}

/** A short description of an element for failure messages: `img[onerror="…"]`. */
function describeElement(el: Element): string {
  const attrs = [...el.attributes].map((a) => `${a.name}="${a.value.slice(0, 60)}"`).join(' ');
  return `<${el.tagName.toLowerCase()}${attrs ? ` ${attrs}` : ''}>`;
}

// ── What may not exist on a page built from hostile input ─────────────────────────────────────

/** Elements nothing on this site makes: only a payload could. */
const FOREIGN_ELEMENTS = [
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'svg',
  'math',
  'style',
  'img',
  'image',
  'video',
  'audio',
  'source',
  'marquee',
  'template',
  'xmp',
  'base',
  'textarea',
  'select',
  'noscript',
  'x',
  'widget',
  '[srcdoc]',
  '[formaction]',
  '[style]',
].join(', ');

/** Elements the site does make, but only in these places. */
function misplaced(document: Document): Element[] {
  const search = document.querySelector('header form.site-search[action="/search/"]');
  return [...document.querySelectorAll('form, input, button, details, link, meta[http-equiv]')].filter((el) => {
    switch (el.tagName.toLowerCase()) {
      case 'form':
        return el !== search;
      case 'input':
        return !(el.parentElement === search && el.id === 'site-search-q') && el.id !== 'differ-only';
      case 'button':
        return el.parentElement !== search;
      case 'details':
        return !el.matches('.cite-this, .source-claims');
      case 'link':
        return !['icon', 'canonical', 'sitemap', 'stylesheet'].includes(el.getAttribute('rel') ?? '');
      default:
        return el.getAttribute('http-equiv') !== 'Content-Security-Policy' || el.parentElement?.tagName !== 'HEAD';
    }
  });
}

const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'data', 'poster', 'background', 'xlink:href', 'ping'];

/** Everything on the page that a payload could have made: an empty list means none did. */
function payloadBornMarkup(document: Document): string[] {
  const found: string[] = [];
  for (const script of document.querySelectorAll('script')) {
    const src = script.getAttribute('src');
    const type = script.getAttribute('type');
    const own = src !== null && /^\/(?:_astro|pagefind)\//u.test(src) && script.textContent === '';
    const jsonLd = src === null && type === 'application/ld+json';
    if (!own && !jsonLd) found.push(`script: ${describeElement(script)} ${text(script).slice(0, 80)}`);
  }
  for (const el of document.querySelectorAll('*')) {
    for (const { name, value } of el.attributes) {
      if (/^on/iu.test(name)) found.push(`event handler: ${describeElement(el)}`);
      // Browsers ignore tabs, newlines and control characters inside a scheme ("java\tscript:").
      const scheme = value.replace(/[\u0000-\u0020]+/gu, '').toLowerCase();
      if (URL_ATTRIBUTES.includes(name.toLowerCase()) && /^(?:javascript|data|vbscript):/u.test(scheme)) {
        found.push(`script URL: ${describeElement(el)}`);
      }
    }
  }
  for (const el of document.querySelectorAll(FOREIGN_ELEMENTS)) found.push(`element: ${describeElement(el)}`);
  for (const el of misplaced(document)) found.push(`misplaced element: ${describeElement(el)}`);
  for (const tag of ['html', 'head', 'body', 'title', 'main']) {
    const count = document.querySelectorAll(tag).length;
    if (count !== 1) found.push(`${count} <${tag}> elements`);
  }
  return found;
}

// ── The tests ───────────────────────────────────────────────────────────────────────────────

describe('the hostile input corpus (tests/fixtures/hostile/payloads.txt)', () => {
  it('holds at least 40 distinct payloads, of every kind the issue names', () => {
    expect(payloads.length).toBeGreaterThanOrEqual(40);
    expect(new Set(payloads).size).toBe(payloads.length);
    const count = (test: (p: string) => boolean) => payloads.filter(test).length;
    const kinds: [kind: string, found: number, minimum: number][] = [
      ['script tags', count((p) => /<script\b/iu.test(p)), 8],
      ['event handler attributes', count((p) => /<[a-z][^<>]*?[\s/"']on[a-z]+\s*=/iu.test(p)), 10],
      ['javascript: URLs', count((p) => /javascript\s*:/iu.test(p)), 10],
      ['SVG', count((p) => /<svg\b/iu.test(p)), 3],
      ['data: URLs', count((p) => /data:text\/(?:html|javascript)/iu.test(p)), 4],
      ['encoded forms', count((p) => /&#x?[0-9a-f]+;|&lt;|%3C|\\u003c/iu.test(p)), 4],
      [
        'broken markup (unbalanced, split or breaking out of a context)',
        count(
          (p) =>
            p.split('<').length !== p.split('>').length ||
            /<scr<|<!--<|^["']|<\/(?:title|textarea|noscript|script)>/iu.test(p),
        ),
        6,
      ],
    ];
    for (const [kind, found, minimum] of kinds) expect(found, kind).toBeGreaterThanOrEqual(minimum);
  });
});

describe('a fixture site built from the hostile seed and hostile metadata', () => {
  it('builds (Astro and Pagefind), using the metadata entry for the seed', () => {
    expect(build.status, build.output).toBe(0);
    expect(build.output).not.toMatch(/\[ERROR\]/u);
    expect(build.output).not.toContain(`${HOSTILE_SEED} has no entry`);
    expect(existsSync(builtFile(HOSTILE_PATH))).toBe(true);
    expect(existsSync(join(build.outDir, 'pagefind/pagefind.js'))).toBe(true);
  });

  it('shows every payload as the exact text of its own passage, in order', () => {
    const passages = [...doc(HOSTILE_PATH).querySelectorAll('.passages .passage')];
    expect(passages.map(passageText)).toEqual([SEED_TITLE_LINE, ...payloads]);
  });

  it('renders payloads through every kind of passage the overrides ask for, the label as text too', () => {
    const document = doc(HOSTILE_PATH);
    const passageOf = (payload: string) =>
      [...document.querySelectorAll('.passages .passage')].find((p) => passageText(p) === payload);
    const byLine = (o: (typeof HOSTILE_OVERRIDES)[number]) =>
      'line' in o ? o.line : payloads.find((p) => p.startsWith(o.startsWith));
    for (const override of HOSTILE_OVERRIDES) {
      const passage = passageOf(byLine(override) ?? '');
      expect(passage?.classList.contains(`passage--${override.kind}`), JSON.stringify(override)).toBe(true);
    }
    const furniture = document.querySelectorAll('.passage--furniture');
    expect(furniture).toHaveLength(1);
    expect(text(furniture[0]?.querySelector('.furniture-label'))).toBe(`Page furniture: ${furnitureLabel}`);
    expect(document.querySelectorAll('.passages h3')).toHaveLength(2); // the title line and the heading override
    expect(document.querySelectorAll('.passages ul.passage-list > li.passage')).toHaveLength(2);
  });

  it('keeps every passage to the site’s own elements: text in a p, h3 or span, a ¶ link to itself', () => {
    const document = doc(HOSTILE_PATH);
    const unexpected: string[] = [];
    for (const passage of document.querySelectorAll('.passages .passage')) {
      for (const el of passage.querySelectorAll('*')) {
        const ok =
          (el.matches('a.permalink') && el.getAttribute('href') === `#${passage.id}`) ||
          (el.matches('a.permalink > span.visually-hidden') && el.children.length === 0) ||
          (el.matches('.passage > p, .passage > h3, .passage > span.passage__body') &&
            (el.children.length === 0 ||
              (passage.classList.contains('passage--furniture') &&
                el.children.length === 1 &&
                el.children[0]?.matches('span.furniture-label') === true))) ||
          (el.matches('span.furniture-label') && el.children.length === 0) ||
          // "Cited in:" back-links, made by the site, to the explainer that cites the passage.
          el.matches('.passage > p.cited-in') ||
          (el.matches('p.cited-in > a') && el.getAttribute('href')?.startsWith(HOSTILE_CITATION.page) === true) ||
          el.matches('p.cited-in > a > span.visually-hidden');
        if (!ok) unexpected.push(`${passage.id}: ${describeElement(el)}`);
      }
    }
    expect(unexpected).toEqual([]);
    // Nothing but passages and the lists that group them.
    const passages = document.querySelector('.passages');
    const stray = [...(passages?.children ?? [])].filter(
      (el) => !el.matches('div.passage, ul.passage-list, ol.passage-list'),
    );
    expect(stray.map(describeElement)).toEqual([]);
  });

  it.each(PAGES)('%s holds no element, attribute or URL born from a payload', (path) => {
    expect(payloadBornMarkup(doc(path))).toEqual([]);
  });

  it('the detector finds markup made from payloads (control)', () => {
    // The same check on a page where the payloads *are* markup: each kind it looks for is found.
    const { document } = parseHTML(
      `<!doctype html><html><head><title>x</title></head><body><main>${payloads.join('\n')}</main></body></html>`,
    );
    const found = payloadBornMarkup(document as unknown as Document).join('\n');
    for (const kind of ['script: ', 'event handler: ', 'script URL: ', 'element: <iframe', 'element: <svg']) {
      expect(found).toContain(kind);
    }
  });

  it('shows the metadata payloads as text in the source page’s title, heading, meta tags and details', () => {
    const document = doc(HOSTILE_PATH);
    expect(document.querySelector('title')?.textContent).toBe(`${title} · Renegotiated`);
    expect(document.querySelector('h1')?.textContent).toBe(title);
    for (const selector of ['meta[property="og:title"]', 'meta[name="twitter:title"]']) {
      expect(attr(document, selector, 'content'), selector).toBe(title);
    }
    for (const selector of [
      'meta[name="description"]',
      'meta[property="og:description"]',
      'meta[name="twitter:description"]',
    ]) {
      expect(attr(document, selector, 'content'), selector).toContain(`“${title}”`);
    }
    // Filter values carry "&" escaped once more, which Pagefind 1.6 decodes again (src/lib/search-index.ts);
    // the browser test checks that the filter pane then lists the title exactly.
    expect(attr(document, 'meta[data-pagefind-filter="source[content]"]', 'content')).toBe(
      title.replace(/&/gu, '&amp;'),
    );
    expect(attr(document, 'meta[data-pagefind-meta="date[content]"]', 'content')).toBe(date);
    expect(attr(document, 'meta[data-pagefind-filter="date[content]"]', 'content')).toBe(date.replace(/&/gu, '&amp;'));
    const titles = [...document.querySelectorAll('.passages .passage')].map((p) =>
      p.getAttribute('data-pagefind-title'),
    );
    expect(titles.filter((t) => t !== null)).toEqual(
      [...document.querySelectorAll('.passages .passage:not(.passage--furniture)')].map(
        (p) => `¶ ${text(p.querySelector('.permalink')).replace(/\D+/gu, '')} · ${title}`,
      ),
    );

    const stated = (label: string) => {
      const dt = [...document.querySelectorAll('.source-meta dt')].find((el) => text(el) === label);
      const dd = dt?.nextElementSibling;
      expect(dd?.querySelectorAll('*').length, `${label}: one span, nothing else`).toBe(1);
      return dd?.textContent;
    };
    expect(stated('Publisher')).toBe(publisher);
    expect(stated('Byline')).toBe(byline);
    expect(stated('Date')).toBe(date);

    // "Cite this page": the CSL-JSON holds the values exactly; the plain text quotes them.
    const [plain, , csl] = [...document.querySelectorAll('.cite-this pre code')].map((el) => el.textContent ?? '');
    expect(plain).toContain(`“${title}.”`);
    expect(plain).toContain(byline);
    expect(plain).toContain(publisher);
    const [work] = JSON.parse(csl ?? '[]') as {
      title: string;
      author: { literal: string }[];
      'container-title': string;
    }[];
    expect(work?.title).toBe(title);
    expect(work?.author[0]?.literal).toBe(byline);
    expect(work?.['container-title']).toBe(publisher);
  });

  it.each(['/', '/sources/'])('%s lists the source with its metadata as text, built like every other card', (path) => {
    const document = doc(path);
    const link = document.querySelector(`.card-list a[href="${HOSTILE_PATH}"]`);
    expect(link?.textContent).toBe(title);
    const card = link?.closest('li');
    const details = card?.querySelector('p')?.textContent ?? '';
    for (const value of [publisher, date, `by ${byline}`]) expect(details).toContain(value);
    // The same elements as every other source's card: nothing was added by the payloads.
    const shape = (li: Element | null | undefined) =>
      [...(li?.querySelectorAll('*') ?? [])].map((el) => el.tagName.toLowerCase()).join(' ');
    const cards = [...(card?.parentElement?.children ?? [])];
    expect(cards.length).toBeGreaterThan(1);
    for (const other of cards) expect(shape(other)).toBe(shape(card));
  });

  it('/claims/ and /figures/ name the source by its title, as text', () => {
    const claims = doc('/claims/');
    expect(claims.querySelector(`a[href="${HOSTILE_PATH}"]`)?.textContent).toBe(title);
    expect([...claims.querySelectorAll('abbr')].some((a) => a.getAttribute('title') === title)).toBe(true);
    const figures = doc('/figures/');
    const link = figures.querySelector(`a[href="${HOSTILE_PATH}"]`);
    expect(link).not.toBeNull();
    expect(link?.parentElement?.textContent).toContain(title);
  });

  it('an explainer citing a payload passage shows the quote and the title as text, in its notes and JSON-LD', () => {
    const document = doc(HOSTILE_CITATION.page);
    const marker = document.querySelector(`.cite-ref a[href^="${HOSTILE_PATH}#"]`);
    const ordinal = payloads.indexOf(HOSTILE_CITATION.quote) + 2; // ¶ 1 is the seed's title line
    expect(text(marker?.querySelector('.visually-hidden'))).toBe(`${title}, ¶ ${ordinal}`);
    const note = document.querySelector(`#note-${marker?.getAttribute('data-note')}`);
    expect(note?.querySelector('q')?.textContent).toBe(HOSTILE_CITATION.quote);
    expect(note?.querySelector('cite')?.textContent).toBe(title);
    // The passage it links to is the payload quoted, and that passage links back.
    const id = marker?.getAttribute('href')?.split('#')[1]?.split(':~:')[0];
    expect(passageText(doc(HOSTILE_PATH).getElementById(id ?? '') as Element)).toBe(HOSTILE_CITATION.quote);
    expect(doc(HOSTILE_PATH).querySelector(`#${id} .cited-in a`)?.getAttribute('href')).toMatch(
      new RegExp(`^${HOSTILE_CITATION.page}#ref-\\d+$`, 'u'),
    );
    const jsonLd = document.querySelector('script[type="application/ld+json"]')?.textContent ?? '';
    expect(jsonLd).not.toMatch(/<\/script|<!--/iu);
    const data = JSON.parse(jsonLd) as { citation: { name: string; url: string }[] };
    expect(data.citation).toContainEqual({
      '@type': 'CreativeWork',
      name: title,
      url: expect.stringContaining(HOSTILE_PATH),
    });
  });

  it('/data/sources.json carries every payload as data, exactly', () => {
    type Entry = {
      slug: string;
      title: string;
      titleSupplied: boolean;
      publisher: string;
      byline: string;
      date: string;
      original: { file: string };
      passages: { text: string; kind: string; label?: string }[];
    };
    const data = JSON.parse(readFileSync(builtFile('/data/sources.json'), 'utf8')) as { sources: Entry[] };
    const entry = data.sources.find((s) => s.slug === HOSTILE_SLUG);
    expect(entry).toMatchObject({
      title,
      titleSupplied: true,
      publisher,
      byline,
      date,
      original: { file: HOSTILE_SEED },
    });
    expect(entry?.passages.map((p) => p.text)).toEqual([SEED_TITLE_LINE, ...payloads]);
    expect(entry?.passages.filter((p) => p.kind === 'furniture').map((p) => p.label)).toEqual([furnitureLabel]);
  });

  it('the .txt view is the seed, byte for byte', () => {
    const served = readFileSync(builtFile(`/sources/${HOSTILE_SLUG}.txt`));
    expect(served.equals(Buffer.from(hostileSeed(payloads), 'utf8'))).toBe(true);
  });

  it('no JSON-LD on any page can end its script element', () => {
    for (const path of [
      ...PAGES,
      '/explainers/exclusivity/',
      '/explainers/financial-terms/',
      '/explainers/timeline/',
    ]) {
      for (const script of doc(path).querySelectorAll('script[type="application/ld+json"]')) {
        const json = script.textContent ?? '';
        expect(json, path).not.toMatch(/<\/script|<!--/iu);
        expect(() => JSON.parse(json), path).not.toThrow();
      }
    }
  });
});

describe('the whole corpus as metadata: each payload as a title, publisher, byline or date', () => {
  const meta = hostileMetaSources(payloads);
  // A site of its own (the real sources plus one per four payloads), built for this test.
  let metaBuild: HostileBuild;
  beforeAll(async () => {
    metaBuild = await hostileMetadataBuild();
  }, 600_000);
  const metaDoc = (path: string) =>
    parseHTML(readFileSync(join(metaBuild.outDir, path, 'index.html'), 'utf8')).document as unknown as Document;

  it('builds', () => {
    expect(metaBuild.status, metaBuild.output).toBe(0);
  });

  it('covers every payload', () => {
    const used = new Set(meta.flatMap((m) => [m.title, m.publisher, m.byline, m.date]));
    expect(payloads.filter((p) => !used.has(p))).toEqual([]);
  });

  it.each(meta.map((m) => [m.path, m] as const))('%s shows its metadata exactly, as text', (path, m) => {
    const document = metaDoc(path);
    expect(document.querySelector('h1')?.textContent).toBe(m.title);
    expect(document.querySelector('title')?.textContent).toBe(`${m.title} · Renegotiated`);
    expect(attr(document, 'meta[property="og:title"]', 'content')).toBe(m.title);
    const stated = (label: string) => {
      const dt = [...document.querySelectorAll('.source-meta dt')].find((el) => text(el) === label);
      return dt?.nextElementSibling?.textContent;
    };
    expect([stated('Publisher'), stated('Byline'), stated('Date')]).toEqual([m.publisher, m.byline, m.date]);
    expect(payloadBornMarkup(document)).toEqual([]);
  });

  it('/sources/ lists them all as text (the home page a handful), and no markup is born there', () => {
    const list = metaDoc('/sources/');
    for (const m of meta) expect(list.querySelector(`a[href="${m.path}"]`)?.textContent, m.slug).toBe(m.title);
    expect(payloadBornMarkup(list)).toEqual([]);
    expect(payloadBornMarkup(metaDoc('/'))).toEqual([]);
  });
});
