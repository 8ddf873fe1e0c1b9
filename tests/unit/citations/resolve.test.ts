import { describe, expect, it } from 'vitest';
import type { Source } from '../../../src/lib/catalog.ts';
import { resolveCitation, type CitationRequest, type Resolution } from '../../../src/lib/citations/resolve.ts';
import type { ContentProblem } from '../../../src/lib/errors.ts';
import { ACME, GLOBEX, INITECH, passage, testSources } from './support.ts';

const sources = testSources();
const bySlug: ReadonlyMap<string, Source> = new Map(sources.map((s) => [s.slug, s]));

const request = (source: string, quote: string, line = 12, column = 34): CitationRequest => ({
  source,
  quote,
  file: 'content/explainers/demo.mdx',
  line,
  column,
});

function ok(resolution: Resolution) {
  if (!resolution.ok) throw new Error(`expected a resolution, got: ${resolution.problem.message}`);
  return resolution.citation;
}

function problem(resolution: Resolution): ContentProblem {
  if (resolution.ok) throw new Error(`expected a problem, got ¶ ${resolution.citation.ordinal}`);
  return resolution.problem;
}

describe('resolveCitation: the one passage that contains the quote', () => {
  it('resolves to the passage, its ordinal, its link and a text fragment for the words as the source has them', () => {
    const target = passage(sources, ACME, 'Acme said on Monday');
    const citation = ok(resolveCitation(bySlug, request(ACME, 'it “will not renew” the deal')));
    expect(citation).toMatchObject({
      source: ACME,
      sourceTitle: 'Acme signs a widget deal',
      quote: 'it “will not renew” the deal',
      passageId: target.id,
      ordinal: 2,
      passageKind: 'paragraph',
      passageHref: `/sources/${ACME}/#${target.id}`,
    });
    expect(target.id).toBe('acme-said-on-monday-c4f7d4');
    expect(citation.matched.text).toBe('it “will not renew” the deal');
    expect(target.text.slice(citation.matched.start, citation.matched.end)).toBe('it “will not renew” the deal');
    expect(citation.href).toBe(
      `/sources/${ACME}/#${target.id}:~:text=it%20%E2%80%9Cwill%20not%20renew%E2%80%9D%20the%20deal`,
    );
  });

  it('matches straight quotes typed against curly ones, and keeps the quote as the author wrote it', () => {
    const citation = ok(resolveCitation(bySlug, request(ACME, `it "will not renew" the deal`)));
    expect(citation.ordinal).toBe(2);
    expect(citation.quote).toBe(`it "will not renew" the deal`);
    expect(citation.matched.text).toBe('it “will not renew” the deal');
    expect(citation.href).toContain(':~:text=it%20%E2%80%9Cwill%20not%20renew%E2%80%9D%20the%20deal');
  });

  it('matches a hyphen typed for an em dash and an apostrophe for a curly one', () => {
    const citation = ok(resolveCitation(bySlug, request(ACME, "the deal - a move analysts called 'bold'")));
    expect(citation.passageId).toBe(passage(sources, ACME, 'Acme said').id);
    expect(citation.matched.text).toBe('the deal — a move analysts called ‘bold’');
    expect(citation.href).toContain(':~:text=the%20deal%20%E2%80%94%20a%20move');
  });

  it('matches an en dash typed for a plain hyphen in the source, and encodes the hyphen in the fragment', () => {
    const citation = ok(resolveCitation(bySlug, request(ACME, 'includes a non–exclusive license')));
    expect(citation.ordinal).toBe(4);
    expect(citation.matched.text).toBe('includes a non-exclusive license');
    expect(citation.href).toBe(
      `/sources/${ACME}/#${passage(sources, ACME, 'The deal runs to 2030 and').id}:~:text=includes%20a%20non%2Dexclusive%20license`,
    );
  });

  it('resolves a quote of a heading, and a quote in another source', () => {
    expect(ok(resolveCitation(bySlug, request(ACME, 'Acme Signs Deal')))).toMatchObject({
      ordinal: 1,
      passageKind: 'heading',
    });
    expect(ok(resolveCitation(bySlug, request(GLOBEX, "can't depend on one cloud")))).toMatchObject({
      source: GLOBEX,
      sourceTitle: 'Globex picks a second cloud',
      ordinal: 3,
      passageId: passage(sources, GLOBEX, 'Its chief').id,
    });
  });

  it('resolves words that occur in two passages once more words make them unique', () => {
    expect(ok(resolveCitation(bySlug, request(ACME, 'The deal runs to 2030 and'))).ordinal).toBe(4);
    expect(ok(resolveCitation(bySlug, request(ACME, 'The deal runs to 2030. Analysts'))).ordinal).toBe(3);
  });
});

describe('resolveCitation: problems', () => {
  it('names an unknown source, suggests the closest slug and lists the slugs in the fix', () => {
    const p = problem(resolveCitation(bySlug, request('acme-widget', 'anything')));
    expect(p.message).toContain('"acme-widget"');
    expect(p.message).toContain('does not exist');
    expect(p.message).toContain(`Did you mean "${ACME}"?`);
    expect(p.fix).toContain(`${ACME}, ${GLOBEX}, ${INITECH}`);
  });

  it('suggests the slug that shares most words', () => {
    expect(problem(resolveCitation(bySlug, request('globex-pact', 'x'))).message).toContain(
      `Did you mean "${GLOBEX}"?`,
    );
    expect(problem(resolveCitation(bySlug, request('report-initech', 'x'))).message).toContain(
      `Did you mean "${INITECH}"?`,
    );
  });

  it('makes no suggestion for an unknown source that shares nothing with any slug', () => {
    const p = problem(resolveCitation(bySlug, request('zzz-unrelated', 'anything')));
    expect(p.message).toContain('"zzz-unrelated"');
    expect(p.message).not.toContain('Did you mean');
    expect(p.fix).toContain(GLOBEX);
  });

  it('rejects an empty quote, or one of white space only', () => {
    for (const quote of ['', '   ', '\u00a0\n\t']) {
      const p = problem(resolveCitation(bySlug, request(ACME, quote)));
      expect(p.message).toBe(`the citation of "${ACME}" has an empty quote.`);
      expect(p.fix).toMatch(/quote the words/u);
    }
  });

  it('reports a quote that is not in the source, with the quote and the closest words of the closest passage', () => {
    const p = problem(resolveCitation(bySlug, request(ACME, 'Acme said on Tuesday that it')));
    expect(p.message).toContain('quote not found');
    expect(p.message).toContain(`"Acme signs a widget deal" (${ACME})`);
    expect(p.message).toContain('"Acme said on Tuesday that it"');
    expect(p.message).toContain('Did you mean (¶ 2): "Acme said on Monday that it"?');
    expect(p.fix).toMatch(/case must match/u);
  });

  it('does not forgive case, but says the words are there in other capitals, and where', () => {
    const p = problem(resolveCitation(bySlug, request(ACME, 'acme said on monday')));
    expect(p.message).toContain('quote not found');
    expect(p.message).toContain('The words are in ¶ 2, but with other capitals: the source has "Acme said on Monday".');
    expect(p.fix).toBe('copy the capitals exactly as the source has them.');
  });

  it('points at the passage that shares most words', () => {
    const p = problem(resolveCitation(bySlug, request(ACME, 'runs to 2031 and includes a')));
    expect(p.message).toContain('Did you mean (¶ 4): "runs to 2030 and includes a"?');
  });

  it('says nothing more when no passage shares a word with the quote', () => {
    const p = problem(resolveCitation(bySlug, request(INITECH, 'zebra xylophone')));
    expect(p.message).toContain('quote not found');
    expect(p.message).not.toContain('Did you mean');
  });

  it('shortens a very long quote in the message', () => {
    const quote = `Acme said ${'very '.repeat(60)}much`;
    const p = problem(resolveCitation(bySlug, request(ACME, quote)));
    expect(p.message).toContain(`"${quote.slice(0, 159)}…"`);
    expect(p.message).not.toContain(quote);
  });

  it('reports a quote found in more than one passage, listing their ¶ numbers', () => {
    const p = problem(resolveCitation(bySlug, request(ACME, 'The deal runs to 2030')));
    expect(p.message).toContain('quote found in 2 passages');
    expect(p.message).toContain('(¶ 3, ¶ 4)');
    expect(p.message).toContain('"The deal runs to 2030"');
    expect(p.fix).toMatch(/quote more/u);
  });

  it('counts only passages with the same case ("The deal" in ¶ 4 is not "the deal")', () => {
    expect(problem(resolveCitation(bySlug, request(ACME, 'the deal'))).message).toContain(
      'quote found in 2 passages of "Acme signs a widget deal" (¶ 2, ¶ 3): "the deal".',
    );
  });

  it('keeps the file, line and column of the request in every problem', () => {
    const cases = [
      request('nope', 'x', 3, 7),
      request(ACME, '', 4, 8),
      request(ACME, 'not in there at all', 5, 9),
      request(ACME, 'The deal runs', 6, 10),
    ];
    for (const r of cases) {
      const p = problem(resolveCitation(bySlug, r));
      expect(p).toMatchObject({ file: r.file, line: r.line, column: r.column });
    }
  });
});
