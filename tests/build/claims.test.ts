import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { contentPaths, loadCatalog } from '../../src/lib/catalog-files.ts';
import { indexFigures } from '../../src/lib/figure-index.ts';
import { buildFixture, type FixtureBuild } from '../support/fixture-build.ts';
import { sixthSeedBuild } from '../support/sixth-seed-build.ts';
import { textFragment, type TextFragment } from '../support/text-fragment.ts';
import { DIST, ROOT } from '../support/paths.ts';
import { allPagePaths, page, text } from '../support/site.ts';

// Schema validation of the real exports lives in open-data.test.ts; here the exports are the
// oracle the pages are checked against, and the ledger itself (content/claims.yaml) is the oracle
// for the exports.

// ───────────────────────────────────────────────── what the build says

type ClaimCell = {
  source: string;
  status: 'states' | 'differs' | 'silent' | 'unreviewed';
  quote?: string;
  note?: string;
  passage?: string;
  ordinal?: number;
  url?: string;
};
type ClaimData = {
  id: string;
  url: string;
  claim: string;
  figures: string[];
  singleSource: boolean;
  sources: ClaimCell[];
};
type SourceData = { slug: string; title: string; url: string; dateIso?: string; byline: string };
type LedgerEntry = { status: 'states' | 'differs' | 'silent'; quote?: string; note?: string };
type LedgerClaim = { id: string; claim: string; figures?: string[]; sources: Record<string, LedgerEntry> };

const readJson = <T>(path: string): T => JSON.parse(readFileSync(join(DIST, path), 'utf8')) as T;
const CLAIMS = readJson<{ claims: ClaimData[] }>('data/claims.json').claims;
const SOURCES = readJson<{ sources: SourceData[] }>('data/sources.json').sources;
const SLUGS = SOURCES.map((s) => s.slug);
/** What the editors wrote, read with a plain YAML parser, not the site's own loader. */
const LEDGER = parseYaml(readFileSync(join(ROOT, 'content/claims.yaml'), 'utf8')) as LedgerClaim[];
const cited = (c: ClaimCell) => c.status === 'states' || c.status === 'differs';

const fold = (s: string) => s.replace(/\s+/gu, ' ').trim();

/**
 * Typography a quote may differ in from its source, and nothing else: curly and straight quotes,
 * primes, the dashes and the minus sign, the ellipsis character, runs of white space (incl. no-break).
 */
function typo(s: string): string {
  return s
    .replace(/[\u2018\u2019\u201a\u201b\u2032\u00b4`]/gu, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/gu, '"')
    .replace(/[\u2010-\u2015\u2212]/gu, '-')
    .replace(/\u2026/gu, '...')
    .replace(/[\s\u00a0]+/gu, ' ')
    .trim();
}

/** A passage's own words: without its ¶ permalink, its "Cited in" links and the furniture label. */
function passageText(passage: Element): string {
  const copy = passage.cloneNode(true) as Element;
  for (const el of copy.querySelectorAll('.permalink, .cited-in, .furniture-label')) el.remove();
  return text(copy);
}

/** The passage a `/sources/<slug>/#<id>[:~:text=…]` link opens, or undefined. */
function linkedPassage(href: string): Element | undefined {
  const [target, hash = ''] = href.split('#');
  const id = decodeURIComponent(hash.split(':~:')[0] ?? '');
  const el = page(target as string).document.getElementById(id);
  return el?.classList.contains('passage') ? el : undefined;
}

/** The ledger's own entry for a claim and a source. */
function ledgerEntry(id: string, slug: string): LedgerEntry | undefined {
  return LEDGER.find((c) => c.id === id)?.sources[slug];
}

/** What a cell says in words: its text without the marks hidden from assistive technology. */
function wordsOf(el: Element): string {
  const copy = el.cloneNode(true) as Element;
  for (const hidden of copy.querySelectorAll('[aria-hidden="true"], .visually-hidden')) hidden.remove();
  return text(copy);
}

const pathOf = (url: string) => {
  const u = new URL(url);
  return `${u.pathname}${u.hash}`;
};

// ───────────────────────────────────────────────── the export and the ledger

describe('/data/claims.json', () => {
  it('says what content/claims.yaml says: the claims in order, each source’s status, quote and note', () => {
    expect(CLAIMS.map((c) => c.id)).toEqual(LEDGER.map((c) => c.id));
    for (const [i, claim] of CLAIMS.entries()) {
      const written = LEDGER[i] as LedgerClaim;
      expect(claim.claim, claim.id).toBe(written.claim);
      expect(claim.figures, claim.id).toEqual(written.figures ?? []);
      expect(pathOf(claim.url), claim.id).toBe(`/claims/#${claim.id}`);
      // One cell per source, in the sources' order; a source the ledger leaves out is "unreviewed".
      expect(
        claim.sources.map((s) => s.source),
        claim.id,
      ).toEqual(SLUGS);
      for (const cell of claim.sources) {
        const where = `${claim.id} × ${cell.source}`;
        const entry = written.sources[cell.source];
        expect(cell.status, where).toBe(entry?.status ?? 'unreviewed');
        expect(cell.note, where).toBe(entry?.note);
        if (cited(cell)) expect(typo(cell.quote ?? ''), where).toBe(typo(entry?.quote ?? ''));
        else expect(cell, where).toEqual({ source: cell.source, status: cell.status });
      }
    }
  });
});

// ───────────────────────────────────────────────── /claims/

describe('/claims/: the matrix', () => {
  const { document } = page('/claims/');
  const table = document.querySelector('table.claims-table');
  const rows = [...(table?.querySelectorAll('tbody tr') ?? [])];

  it('is a table with a caption and a column header for the claim and for every source, in order', () => {
    expect(table).not.toBeNull();
    expect(text(table?.querySelector('caption')).length).toBeGreaterThan(10);
    const headers = [...(table?.querySelectorAll('thead th') ?? [])];
    expect(headers.map((th) => th.getAttribute('scope'))).toEqual(Array(SOURCES.length + 1).fill('col'));
    expect(text(headers[0])).toBe('Claim');
    // Each source column names its source in full (the abbreviation's title) and matches the key.
    const key = [...document.querySelectorAll('.claims-key dd a')].map((a) => a.getAttribute('href'));
    expect(key).toEqual(SLUGS.map((s) => `/sources/${s}/`));
    expect(headers.slice(1).map((th) => th.querySelector('abbr')?.getAttribute('title'))).toEqual(
      SOURCES.map((s) => s.title),
    );
  });

  it('has one row per claim of the ledger, in order, each with a row header linking to its section', () => {
    expect(CLAIMS.length).toBeGreaterThan(0);
    expect(rows).toHaveLength(CLAIMS.length);
    for (const [i, row] of rows.entries()) {
      const claim = CLAIMS[i] as ClaimData;
      const header = row.querySelector('th');
      expect(header?.getAttribute('scope'), claim.id).toBe('row');
      expect(row.firstElementChild, claim.id).toBe(header);
      const link = header?.querySelector('a');
      expect(link?.getAttribute('href')).toBe(`#${claim.id}`);
      expect(text(link)).toBe(fold(claim.claim));
      expect(row.querySelectorAll('td'), claim.id).toHaveLength(SOURCES.length);
    }
  });

  it('says in its lede how many claims there are, how many differ and how many rest on one source', () => {
    const lede = text(document.querySelector('.lede'));
    const differing = CLAIMS.filter((c) => c.sources.some((s) => s.status === 'differs')).length;
    const single = CLAIMS.filter((c) => c.singleSource).length;
    expect(lede).toContain(`${CLAIMS.length} key claims`);
    expect(lede).toContain(`${differing} claims are told differently`);
    expect(lede).toContain(`${single} rest on a single source`);
  });

  it('links every cell where a source speaks to the claim to the passage, and the passage holds the quote', () => {
    const problems: string[] = [];
    let links = 0;
    for (const [i, row] of rows.entries()) {
      const claim = CLAIMS[i] as ClaimData;
      for (const [j, cell] of [...row.querySelectorAll('td')].entries()) {
        const data = claim.sources[j] as ClaimCell;
        const slug = SLUGS[j] as string;
        const where = `${claim.id} × ${slug}`;
        expect(data.source, where).toBe(slug);
        expect(cell.classList.contains(`cell--${data.status}`), where).toBe(true);
        const link = cell.querySelector('a');
        if (!cited(data)) {
          if (link) problems.push(`${where}: a ${data.status} cell links to ${link.getAttribute('href')}`);
          continue;
        }
        const href = link?.getAttribute('href') ?? '';
        links++;
        if (!new RegExp(`^/sources/${slug}/#[a-z0-9-]+:~:text=.+`, 'u').test(href)) {
          problems.push(`${where}: "${href}" is not /sources/${slug}/#<id>:~:text=…`);
          continue;
        }
        expect(pathOf(data.url as string), where).toBe(href);
        const passage = linkedPassage(href);
        if (!passage) {
          problems.push(`${where}: ${href} opens no passage`);
          continue;
        }
        expect(passage.id, where).toBe(data.passage);
        const words = passageText(passage);
        // The quote as the editors wrote it is in the passage, forgiving typography only…
        const written = ledgerEntry(claim.id, slug)?.quote ?? '';
        if (!typo(words).includes(typo(written)))
          problems.push(`${where}: passage #${passage.id} lacks the ledger's quote "${written}"`);
        // …and the export's quote is the passage's own words, exactly.
        if (!words.includes(fold(data.quote ?? '')))
          problems.push(`${where}: passage #${passage.id} lacks "${data.quote}"`);
        // The browser is sent to these words (a text fragment matches case and white space loosely,
        // typography exactly), and they are the quote's, not other words of the passage.
        const fragment = textFragment(href) as TextFragment;
        const loose = (s: string) => fold(s).toLowerCase();
        for (const w of [fragment.prefix, fragment.start, fragment.end, fragment.suffix]) {
          if (w !== undefined && !loose(words).includes(loose(w)))
            problems.push(`${where}: passage #${passage.id} lacks the fragment words "${w}"`);
        }
        if (
          !typo(written).startsWith(typo(fragment.start)) ||
          !typo(written).endsWith(typo(fragment.end ?? fragment.start))
        )
          problems.push(`${where}: the fragment ${JSON.stringify(fragment)} does not span the quote "${written}"`);
        // The ¶ number read out with the link is the passage's own.
        expect(text(cell.querySelector('.visually-hidden')), where).toContain(`¶ ${data.ordinal}`);
        expect(text(passage.querySelector('a.permalink')), where).toContain(`¶ ${data.ordinal}`);
      }
    }
    expect(problems).toEqual([]);
    expect(links).toBe(CLAIMS.flatMap((c) => c.sources.filter(cited)).length);
  });

  it('marks every cell in words, not only by colour or symbol; differences read as such', () => {
    const WORDS = {
      states: /\bStates\b/u,
      differs: /\bDiffers\b|\bStates it differently\b/u,
      silent: /\bNot mentioned\b|\bDoes not mention it\b/u,
      unreviewed: /\bNot reviewed\b/u,
    } as const;
    let differing = 0;
    for (const [i, row] of rows.entries()) {
      const claim = CLAIMS[i] as ClaimData;
      for (const [j, cell] of [...row.querySelectorAll('td')].entries()) {
        const status = (claim.sources[j] as ClaimCell).status;
        const words = wordsOf(cell);
        expect(words, `${claim.id} × ${SLUGS[j]}`).toMatch(WORDS[status]);
        if (status !== 'differs') expect(words, `${claim.id} × ${SLUGS[j]}`).not.toMatch(WORDS.differs);
        if (status === 'differs') differing++;
      }
      const differs = claim.sources.some((s) => s.status === 'differs');
      expect(row.getAttribute('data-differs'), claim.id).toBe(String(differs));
      expect(wordsOf(row.querySelector('th') as Element).includes('Sources differ'), claim.id).toBe(differs);
    }
    expect(differing).toBeGreaterThan(0);
  });

  it('flags exactly the claims that rest on one source with "Only one source"', () => {
    for (const [i, row] of rows.entries()) {
      const claim = CLAIMS[i] as ClaimData;
      const speaking = claim.sources.filter(cited).length;
      expect(claim.singleSource, claim.id).toBe(speaking === 1);
      expect(text(row.querySelector('th')).includes('Only one source'), claim.id).toBe(claim.singleSource);
    }
    expect(CLAIMS.some((c) => c.singleSource)).toBe(true);
  });
});

describe('/claims/: one section per claim', () => {
  const { document } = page('/claims/');
  const rows = [...document.querySelectorAll('.claims-table tbody tr')];

  it('gives each claim a section whose id is its row’s link target, headed by the claim', () => {
    const sections = [...document.querySelectorAll('section.claim')];
    expect(sections.map((s) => s.id)).toEqual(CLAIMS.map((c) => c.id));
    for (const row of rows) {
      const target = (row.querySelector('th a')?.getAttribute('href') ?? '').slice(1);
      const section = document.getElementById(target);
      expect(section?.matches('section.claim'), target).toBe(true);
      expect(text(section?.querySelector('h3'))).toBe(text(row.querySelector('th a')));
    }
    // Ids are unique on the page, so each anchor lands on one place.
    const ids = [...document.querySelectorAll('[id]')].map((el) => el.id);
    expect(ids.length).toBe(new Set(ids).size);
  });

  it('sets the quotes of every source that speaks to the claim side by side, each linking to its passage', () => {
    for (const claim of CLAIMS) {
      const section = document.getElementById(claim.id) as Element;
      const items = [...section.querySelectorAll('li.claim-quote')];
      const speaking = claim.sources.filter(cited);
      expect(items, claim.id).toHaveLength(speaking.length);
      for (const [k, item] of items.entries()) {
        const cell = speaking[k] as ClaimCell;
        const where = `${claim.id} × ${cell.source}`;
        expect(item.classList.contains(`claim-quote--${cell.status}`), where).toBe(true);
        const quote = text(item.querySelector('blockquote'));
        expect(quote, where).toBe(fold(cell.quote ?? ''));
        const href = item.querySelector('.claim-quote__source a')?.getAttribute('href') ?? '';
        expect(href, where).toBe(pathOf(cell.url as string));
        const passage = linkedPassage(href);
        expect(passage, where).toBeDefined();
        expect(passageText(passage as Element), where).toContain(quote);
        const status = text(item.querySelector('.claim-quote__status'));
        if (cell.status === 'differs') {
          expect(status, where).toContain('States it differently');
          expect(text(item.querySelector('.claim-quote__note')), where).toBe(`Difference: ${fold(cell.note ?? '')}`);
        } else {
          expect(status, where).toContain('States it');
          expect(status, where).not.toContain('differently');
          expect(item.querySelector('.claim-quote__note'), where).toBeNull();
        }
      }
    }
  });

  it('sums up in one well-punctuated sentence how the sources stand, and says when only one source reports it', () => {
    const count = (claim: ClaimData, status: ClaimCell['status']) =>
      claim.sources.filter((s) => s.status === status).length;
    const problems: string[] = [];
    for (const claim of CLAIMS) {
      // Text as a reader sees it: white space folded, so "it , 3" would show as such.
      const note = text(document.getElementById(claim.id)?.querySelector('p.note'));
      const [states, differs, silent] = [count(claim, 'states'), count(claim, 'differs'), count(claim, 'silent')];
      const parts = [
        `${states} ${states === 1 ? 'source states' : 'sources state'} it`,
        ...(differs > 0 ? [`${differs} ${differs === 1 ? 'states' : 'state'} it differently`] : []),
        ...(silent > 0 ? [`${silent} ${silent === 1 ? 'does' : 'do'} not mention it`] : []),
      ];
      const expected = `${parts.join(', ')}.${claim.singleSource ? ' Only one source reports it.' : ''}`;
      if (note !== expected) problems.push(`${claim.id}: "${note}", not "${expected}"`);
    }
    expect(problems).toEqual([]);
  });
});

describe('links into the ledger', () => {
  const explainers = allPagePaths().filter((p) => /^\/explainers\/[^/]+\/$/u.test(p));
  const claimIds = new Set(CLAIMS.map((c) => c.id));

  it('there are explainers', () => {
    expect(explainers.length).toBeGreaterThanOrEqual(3);
  });

  it.each(explainers)('%s links to at least one claim of the ledger, and every such link lands on a claim', (path) => {
    const links = [...page(path).document.querySelectorAll('a[href^="/claims/#"]')].map((a) =>
      (a.getAttribute('href') as string).slice('/claims/#'.length),
    );
    expect(links.length).toBeGreaterThan(0);
    const claimsPage = page('/claims/').document;
    for (const id of links) {
      expect(claimIds.has(id), `${path} → /claims/#${id}`).toBe(true);
      expect(claimsPage.getElementById(id)?.matches('section.claim'), `${path} → /claims/#${id}`).toBe(true);
    }
  });

  it.each(explainers)('%s links each claim from a paragraph that cites a passage the claim rests on', (path) => {
    // The relevant claim, not any claim: the paragraph around the link and the claim share a source passage.
    for (const a of page(path).document.querySelectorAll('a[href^="/claims/#"]')) {
      const id = (a.getAttribute('href') as string).slice('/claims/#'.length);
      const claim = CLAIMS.find((c) => c.id === id);
      const block = a.closest('p, li, td, th, dd, blockquote');
      const citedHere = [...(block?.querySelectorAll('sup.cite-ref a') ?? [])].map(
        (ref) => (ref.getAttribute('href') as string).split(':~:')[0],
      );
      const restsOn = (claim?.sources ?? []).filter(cited).map((s) => `/sources/${s.source}/#${s.passage}`);
      // A claim every source is silent on rests on no passage: a link to it shows what the sources leave out.
      // A paragraph that cites nothing rests on the ledger rows it links to (the build checks each sentence).
      if (restsOn.length === 0 || citedHere.length === 0) continue;
      expect(
        citedHere.filter((href) => restsOn.includes(href as string)),
        `${path}: the paragraph linking to /claims/#${id} cites none of its passages`,
      ).not.toEqual([]);
    }
  });

  it.each(SLUGS)('/sources/%s/ lists exactly the claims that cite it, with their differences', (slug) => {
    const { document } = page(`/sources/${slug}/`);
    const expected = CLAIMS.filter((c) => c.sources.some((s) => s.source === slug && cited(s)));
    const box = document.querySelector('section.source-claims');
    if (expected.length === 0) {
      expect(box).toBeNull();
      return;
    }
    const n = `${expected.length} claim${expected.length === 1 ? '' : 's'}`;
    expect(text(box?.querySelector('h2'))).toBe('Claims it supports');
    expect(text(box?.querySelector('p'))).toBe(`This article states ${n} of the claims ledger:`);
    // The metadata at the top says how many, and links down to the list.
    const meta = [...document.querySelectorAll('.source-meta dt')].find((dt) => text(dt) === 'Claims');
    const link = meta?.nextElementSibling?.querySelector('a');
    expect(link?.getAttribute('href')).toBe(`#${box?.querySelector('h2')?.id}`);
    expect(text(link)).toBe(`${n} in the ledger`);
    const items = [...(box?.querySelectorAll('li') ?? [])];
    expect(items.map((li) => li.querySelector('a')?.getAttribute('href'))).toEqual(
      expected.map((c) => `/claims/#${c.id}`),
    );
    const claimsPage = page('/claims/').document;
    for (const [i, li] of items.entries()) {
      const claim = expected[i] as ClaimData;
      const cell = claim.sources.find((s) => s.source === slug) as ClaimCell;
      // The claim really cites this source: its section links to one of this source's passages.
      const section = claimsPage.getElementById(claim.id);
      expect(section?.querySelector(`.claim-quote__source a[href^="/sources/${slug}/#"]`), claim.id).not.toBeNull();
      expect(text(li.querySelector('a'))).toBe(fold(claim.claim));
      const flag = text(li.querySelector('.flag--differs'));
      if (cell.status === 'differs') expect(flag, claim.id).toBe(`States it differently: ${fold(cell.note ?? '')}`);
      else expect(flag, claim.id).toBe('');
    }
  });
});

// ───────────────────────────────────────────────── /figures/

describe('/figures/', () => {
  const { document } = page('/figures/');
  const rows = [...document.querySelectorAll('table.figures-table tbody tr')];
  const { sources } = loadCatalog(contentPaths(ROOT));
  const index = indexFigures(sources.map((s) => ({ slug: s.slug, title: s.title, passages: s.passages })));
  /** The sources whose own text (not their page furniture) states the row's figure. */
  const sourcesOf = (row: Element) =>
    new Set(
      [...row.querySelectorAll('td a[href^="/sources/"]')]
        .filter((a) => !linkedPassage(a.getAttribute('href') as string)?.classList.contains('passage--furniture'))
        .map((a) => (a.getAttribute('href') as string).split('/')[2]),
    );

  it('lists every figure of the sources once, in the index’s order, with unique anchors', () => {
    expect(rows.length).toBeGreaterThan(10);
    expect(rows).toHaveLength(index.length);
    expect(
      rows.map((r) => fold(text(r.querySelector('th')).replace(/One source only|Page furniture only/gu, ''))),
    ).toEqual(index.map((f) => f.label));
    // Dates and decades however the articles write them, page furniture included.
    const labels = index.map((f) => f.label);
    for (const label of ['February 27, 2026', 'May 2, 2026', 'Early 2030s', '27%']) expect(labels).toContain(label);
    const ids = rows.map((r) => r.id);
    expect(ids.every((id) => /^[a-z0-9-]+$/u.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(text(document.querySelector('.lede'))).toContain(`${index.length} figures appear`);
  });

  it('links every mention to a passage whose text holds the figure as written', () => {
    const problems: string[] = [];
    for (const row of rows) {
      const links = [...row.querySelectorAll('td a[href^="/sources/"]')];
      const written = [...row.querySelectorAll('.figure-as-written')].map((el) => text(el).replace(/^“|”$/gu, ''));
      expect(links.length, row.id).toBeGreaterThan(0);
      expect(written, row.id).toHaveLength(links.length);
      for (const [i, link] of links.entries()) {
        const href = link.getAttribute('href') as string;
        const passage = linkedPassage(href);
        if (!passage) problems.push(`${row.id}: ${href} opens no passage`);
        else if (!passageText(passage).includes(written[i] as string))
          problems.push(`${row.id}: passage ${href} does not contain "${written[i]}"`);
        // A mention in page furniture says so, right after the words as written.
        const furniture = passage?.classList.contains('passage--furniture') ?? false;
        if (passage && furniture !== furnitureMarks(row)[i])
          problems.push(`${row.id}: ${href} is ${furniture ? '' : 'not '}page furniture, but marked otherwise`);
      }
    }
    expect(problems).toEqual([]);
  });

  /** For each mention in the row, whether it is marked "(page furniture)". */
  function furnitureMarks(row: Element): boolean[] {
    return [...row.querySelectorAll('.figure-as-written')].map((el) =>
      Boolean(el.nextElementSibling?.matches('.figure-furniture')),
    );
  }

  it('flags "Page furniture only" exactly where no article states the figure in its own text', () => {
    let flagged = 0;
    for (const [i, row] of rows.entries()) {
      const only = text(row.querySelector('th')).includes('Page furniture only');
      expect(only, row.id).toBe(furnitureMarks(row).every(Boolean));
      expect(only, row.id).toBe(index[i]?.furnitureOnly);
      if (only) flagged++;
    }
    expect(flagged).toBeGreaterThan(0);
    expect(text(document.querySelector('.lede'))).toContain(`${flagged} only in page furniture`);
  });

  it('flags "One source only" exactly where one source states the figure', () => {
    let flagged = 0;
    for (const [i, row] of rows.entries()) {
      const entry = index[i];
      const one = text(row.querySelector('th')).includes('One source only');
      expect(one, row.id).toBe(sourcesOf(row).size === 1);
      expect(one, row.id).toBe(entry?.sourceCount === 1);
      if (one) flagged++;
    }
    expect(flagged).toBeGreaterThan(0);
    expect(flagged).toBeLessThan(rows.length);
    expect(text(document.querySelector('.lede'))).toContain(`${flagged} appear in one source only`);
  });

  it('groups figures by claim, linking to the claim and to the figure’s row, with the same flags', () => {
    const claimsPage = page('/claims/').document;
    const groups = [...document.querySelectorAll('ul.figure-claims > li')];
    expect(groups.length).toBeGreaterThan(0);
    for (const group of groups) {
      const claimHref = group.querySelector(':scope > a')?.getAttribute('href') ?? '';
      expect(claimHref).toMatch(/^\/claims\/#/u);
      const claimId = claimHref.slice('/claims/#'.length);
      expect(claimsPage.getElementById(claimId)?.matches('section.claim'), claimHref).toBe(true);
      const claim = CLAIMS.find((c) => c.id === claimId);
      expect(claim?.figures.length, claimId).toBeGreaterThan(0);
      for (const li of group.querySelectorAll('ul li')) {
        const target = (li.querySelector('a')?.getAttribute('href') ?? '').slice(1);
        const row = document.getElementById(target);
        expect(row?.matches('table.figures-table tbody tr'), `${claimId} → #${target}`).toBe(true);
        expect(text(li).includes('One source only'), target).toBe(
          text(row?.querySelector('th')).includes('One source only'),
        );
      }
    }
  });
});

// ───────────────────────────────────────────────── Cite this page

type Csl = {
  id: string;
  type: string;
  title: string;
  URL: string;
  author?: { literal: string }[];
  issued?: { 'date-parts': number[][] };
};

function citeThis(path: string) {
  const { document } = page(path);
  const box = document.querySelector('details.cite-this');
  const headings = [...(box?.querySelectorAll('h3') ?? [])].map((h) => text(h));
  const blocks = [...(box?.querySelectorAll('pre') ?? [])].map((pre) => pre.textContent ?? '');
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? '';
  const title = text(document.querySelector('h1'));
  return { box, headings, plain: blocks[0] ?? '', bibtex: blocks[1] ?? '', csl: blocks[2] ?? '', canonical, title };
}

describe('Cite this page', () => {
  const explainers = allPagePaths().filter((p) => /^\/explainers\/[^/]+\/$/u.test(p));
  const pages = [...SLUGS.map((s) => `/sources/${s}/`), ...explainers];

  it.each(pages)('%s offers plain text, BibTeX and CSL-JSON that name the page by its canonical URL', (path) => {
    const { box, headings, plain, bibtex, csl, canonical, title } = citeThis(path);
    expect(box).not.toBeNull();
    expect(text(box?.querySelector('summary'))).toBe('Cite this page');
    expect(headings).toEqual(['Plain text', 'BibTeX', 'CSL-JSON']);
    expect(canonical).toMatch(new RegExp(`^https?://[^/]+${path.replace(/\//gu, '\\/')}$`, 'u'));

    expect(plain).toContain(`“${title}.”`);
    expect(plain).toContain(canonical);

    expect(bibtex).toMatch(/^@misc\{[A-Za-z0-9:-]+,\n/u);
    expect(bibtex.endsWith('\n}')).toBe(true);
    expect(bibtex).toContain(`  howpublished = {\\url{${canonical}}},`);
    const unescapedBraces = bibtex.replace(/\\[{}]/gu, '');
    expect(unescapedBraces.split('{').length).toBe(unescapedBraces.split('}').length);

    const items = JSON.parse(csl) as Csl[];
    expect(items).toHaveLength(1);
    const [item] = items;
    expect(item?.URL).toBe(canonical);
    expect(item?.title).toBe(title);
    expect(item?.type).toBe(path.startsWith('/sources/') ? 'article-newspaper' : 'webpage');
  });

  it.each(SLUGS)('/sources/%s/ cites the article with its stated byline and date, inventing neither', (slug) => {
    const source = SOURCES.find((s) => s.slug === slug) as SourceData;
    const { plain, bibtex, csl } = citeThis(`/sources/${slug}/`);
    const [item] = JSON.parse(csl) as Csl[];
    expect(pathOf(source.url)).toBe(`/sources/${slug}/`);
    if (source.byline === 'not stated') {
      expect(item).not.toHaveProperty('author');
      expect(bibtex).not.toMatch(/^ {2}author = /mu);
    } else {
      expect(item?.author).toEqual([{ literal: source.byline }]);
      expect(plain.startsWith(`${source.byline}. `)).toBe(true);
    }
    if (source.dateIso) {
      expect(item?.issued).toEqual({ 'date-parts': [source.dateIso.split('-').map(Number)] });
      expect(bibtex).toContain(`  year = {${source.dateIso.slice(0, 4)}},`);
    } else {
      expect(item).not.toHaveProperty('issued');
      expect(bibtex).not.toMatch(/^ {2}year = /mu);
      expect(plain).toContain('n.d.');
    }
  });

  it.each(pages)('%s gives a plain-text citation without doubled full stops', (path) => {
    expect(citeThis(path).plain).not.toMatch(/\.\./u);
  });
});

// ───────────────────────────────────────────────── the ledger in fixture builds

// The fixture builds, side by side.
describe('the ledger in fixture builds', { concurrent: true }, () => {
  describe('a sixth seed the ledger does not cover yet', () => {
    let build: FixtureBuild;
    beforeAll(async () => {
      build = await sixthSeedBuild();
    });
    const read = (path: string) => readFileSync(join(build.outDir, path), 'utf8');
    const parse = (path: string) => parseHTML(read(path)).document as unknown as Document;
    const exported = () => JSON.parse(read('data/claims.json')) as { claims: ClaimData[] };
    const sources = () => (JSON.parse(read('data/sources.json')) as { sources: SourceData[] }).sources;
    const newSource = () => {
      const all = sources();
      expect(all).toHaveLength(SOURCES.length + 1);
      return all.find((s) => !SLUGS.includes(s.slug)) as SourceData;
    };

    it('still builds, and warns that the ledger does not say what the new source states', () => {
      expect(build.status, build.output).toBe(0);
      // The warning names the ledger and the source, and says what the reader will see.
      expect(build.output).toContain(`does not yet say what the source "${newSource().slug}" states`);
      expect(build.output).toMatch(/The claims ledger \((?:content\/)?claims\.yaml\) does not yet say/u);
      expect(build.output).toContain('its column reads "Not reviewed"');
      // Only the new source is unreviewed: the five the ledger covers raise no such warning.
      for (const slug of SLUGS) expect(build.output).not.toContain(`what the source "${slug}" states`);
    });

    it('gives the new source a column in which every claim reads "Not reviewed", with no link', () => {
      const document = parse('claims/index.html');
      const headers = [...document.querySelectorAll('.claims-table thead th[scope="col"]')];
      expect(headers).toHaveLength(SOURCES.length + 2);
      expect(headers.at(-1)?.querySelector('abbr')?.getAttribute('title')).toBe(newSource().title);
      const rows = [...document.querySelectorAll('.claims-table tbody tr')];
      expect(rows).toHaveLength(CLAIMS.length);
      for (const [i, row] of rows.entries()) {
        const id = (CLAIMS[i] as ClaimData).id;
        const cells = [...row.querySelectorAll('td')];
        expect(cells, id).toHaveLength(SOURCES.length + 1);
        const last = cells.at(-1) as Element;
        expect(last.classList.contains('cell--unreviewed'), id).toBe(true);
        expect(wordsOf(last), id).toBe('Not reviewed');
        expect(last.querySelector('a'), id).toBeNull();
        // A source nobody has read yet neither makes a claim differ nor counts as its one source.
        expect(row.getAttribute('data-differs'), id).toBe(
          String(CLAIMS[i]?.sources.some((s) => s.status === 'differs')),
        );
        expect(text(row.querySelector('th')).includes('Only one source'), id).toBe(CLAIMS[i]?.singleSource);
      }
    });

    it('exports the new source as "unreviewed" in every claim, leaves the rest as it was, and validates', () => {
      const data = exported();
      const slug = newSource().slug;
      expect(data.claims.map((c) => c.id)).toEqual(CLAIMS.map((c) => c.id));
      for (const [i, claim] of data.claims.entries()) {
        expect(claim.sources.at(-1), claim.id).toEqual({ source: slug, status: 'unreviewed' });
        expect({ ...claim, sources: claim.sources.slice(0, -1) }, claim.id).toEqual(CLAIMS[i]);
      }
      // The export with an unreviewed column still satisfies the schema the site publishes with it.
      const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
      addFormats.default(ajv);
      const validate = ajv.compile(JSON.parse(read('data/schemas/claims.schema.json')) as object);
      validate(data);
      expect(validate.errors ?? []).toEqual([]);
    });

    it('shows no empty quote and no dead source link for the unreviewed source in any claim’s section', () => {
      const document = parse('claims/index.html');
      const problems: string[] = [];
      for (const claim of CLAIMS) {
        const section = document.getElementById(claim.id) as Element;
        const quoted = section.querySelectorAll('li.claim-quote--states, li.claim-quote--differs').length;
        if (quoted !== claim.sources.filter(cited).length)
          problems.push(`${claim.id}: ${quoted} quotes for ${claim.sources.filter(cited).length} citing sources`);
        for (const block of section.querySelectorAll('blockquote')) {
          if (text(block) === '') problems.push(`${claim.id}: an empty <blockquote>`);
        }
        for (const link of section.querySelectorAll('a')) {
          if (!link.getAttribute('href')) problems.push(`${claim.id}: a link with no href ("${text(link)}")`);
        }
      }
      expect(problems).toEqual([]);
    });

    it('does not say on the new source’s page that it supports any claim', () => {
      const document = parse(`sources/${newSource().slug}/index.html`);
      expect(text(document.querySelector('h1'))).toBe('A Sixth Report On The Cloud Deal');
      expect(document.querySelector('.source-claims')).toBeNull();
      expect(document.querySelector('a[href^="/claims/#"]')).toBeNull();
    });
  });

  describe('a broken ledger stops the build with the file, the line and the fix', () => {
    // Both mistakes in one ledger, one build: the check reports every problem of the ledger at once.
    const name = 'claims-broken-ledger';
    const file = `.tmp/fixtures/${name}/content/claims.yaml`;
    let build: FixtureBuild;
    let quoteLine = 0;
    let noteLine = 0;
    beforeAll(async () => {
      build = await buildFixture(name, {
        editContent: (path, body) => {
          if (path.replace(/\\/gu, '/') !== 'claims.yaml') return body;
          const lines = body.split('\n');
          // A quote that is not in the source.
          const q = lines.findIndex((l) => /^\s+quote: "/u.test(l));
          lines[q] = (lines[q] as string).replace(/"$/u, ' in every particular"');
          quoteLine = q + 1;
          // A note on a source that states the claim, reported at the source's key, the line above its status.
          const n = lines.findIndex((l) => /^\s+status: states$/u.test(l));
          const indent = (/^\s+/u.exec(lines[n] as string) as RegExpExecArray)[0];
          lines.splice(n + 1, 0, `${indent}note: Agrees in full.`);
          noteLine = n;
          if (n < q) quoteLine += 1;
          return lines.join('\n');
        },
      });
    });
    const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

    it('a quote that is not in the source', () => {
      expect(quoteLine).toBeGreaterThan(0);
      expect(build.status).not.toBe(0);
      expect(build.output).toMatch(
        new RegExp(`${escape(file)}:${quoteLine}:1: quote not found in "[^"]+" \\([a-z0-9-]+\\)`, 'u'),
      );
      expect(build.output).toContain('Fix: copy the words exactly');
    });

    it('a note on a source that states the claim', () => {
      expect(noteLine).toBeGreaterThan(0);
      expect(build.status).not.toBe(0);
      expect(build.output).toMatch(
        new RegExp(
          `${escape(file)}:${noteLine}: claim "[a-z0-9-]+", source "[a-z0-9-]+": a note is only for differences\\.`,
          'u',
        ),
      );
      expect(build.output).toContain('Fix: remove the note, or change the status to differs.');
    });
  });
});
