import { describe, expect, it } from 'vitest';
import { buildCitationIndex, passageKey, type CitingDocument } from '../../../src/lib/citations/index-builder.ts';
import type { CitationRequest } from '../../../src/lib/citations/resolve.ts';
import { ACME, GLOBEX, INITECH, passage, testSources } from './support.ts';

const sources = testSources();

const ONE = 'content/explainers/one.mdx';
const TWO = 'content/explainers/two.mdx';
const TIMELINE = 'content/timeline.yaml';

let line = 1;
const cite = (file: string, source: string, quote: string): CitationRequest => ({
  source,
  quote,
  file,
  line: line++,
  column: 5,
});

const acmeMonday = passage(sources, ACME, 'Acme said on Monday');
const acme2030 = passage(sources, ACME, 'The deal runs to 2030 and');
const globexMove = passage(sources, GLOBEX, 'Globex will move');

const one: CitingDocument = {
  file: ONE,
  url: '/explainers/one/',
  title: 'Explainer one',
  citations: [
    cite(ONE, ACME, 'it "will not renew" the deal'), // ref-1, note 1
    cite(ONE, ACME, 'a move analysts called'), // ref-2, note 2: same passage, other words
    cite(ONE, ACME, 'it “will not renew” the deal'), // ref-3, note 1 again (typography aside, the same words)
    cite(ONE, GLOBEX, 'half of its workloads'), // ref-4, note 3
    cite(ONE, ACME, 'a move analysts called'), // ref-5, note 2 again
  ],
};
const two: CitingDocument = {
  file: TWO,
  url: '/explainers/two/',
  title: 'Explainer two',
  citations: [
    cite(TWO, GLOBEX, 'half of its workloads'), // ref-1, note 1: numbering starts again
    cite(TWO, ACME, 'includes a non-exclusive license'), // ref-2, note 2
  ],
};
const event: CitingDocument = {
  file: TIMELINE,
  url: '/explainers/timeline/',
  title: 'Timeline: March 2026',
  anchor: '2026-03',
  citations: [
    cite(TIMELINE, ACME, 'will not renew'),
    cite(TIMELINE, ACME, 'the deal — a move'),
    cite(TIMELINE, GLOBEX, 'by 2027'),
  ],
};

describe('buildCitationIndex: notes and uses', () => {
  const { index, problems } = buildCitationIndex(sources, [one, two, event]);

  it('resolves everything without problems', () => {
    expect(problems).toEqual([]);
    expect(index.documents.map((d) => [d.file, d.url, d.title])).toEqual([
      [ONE, '/explainers/one/', 'Explainer one'],
      [TWO, '/explainers/two/', 'Explainer two'],
      [TIMELINE, '/explainers/timeline/', 'Timeline: March 2026'],
    ]);
  });

  it('numbers notes per document in order of first use; one ref id per citation', () => {
    const [first, second] = index.documents;
    expect(first?.uses.map((u) => [u.refId, u.note])).toEqual([
      ['ref-1', 1],
      ['ref-2', 2],
      ['ref-3', 1],
      ['ref-4', 3],
      ['ref-5', 2],
    ]);
    expect(second?.uses.map((u) => [u.refId, u.note])).toEqual([
      ['ref-1', 1],
      ['ref-2', 2],
    ]);
  });

  it('gives a quote of a passage cited twice one note with both refs', () => {
    const notes = index.documents[0]?.notes ?? [];
    expect(notes.map((n) => [n.number, n.refs])).toEqual([
      [1, ['ref-1', 'ref-3']],
      [2, ['ref-2', 'ref-5']],
      [3, ['ref-4']],
    ]);
  });

  it('makes different quotes of the same passage different notes', () => {
    const [n1, n2] = index.documents[0]?.notes ?? [];
    expect(n1?.citation.passageId).toBe(acmeMonday.id);
    expect(n2?.citation.passageId).toBe(acmeMonday.id);
    expect(n1?.number).not.toBe(n2?.number);
    expect(n1?.citation.matched.text).toBe('it “will not renew” the deal');
    expect(n2?.citation.matched.text).toBe('a move analysts called');
  });

  it('keeps each use’s resolved citation', () => {
    const use = index.documents[0]?.uses[3];
    expect(use).toMatchObject({
      source: GLOBEX,
      passageId: globexMove.id,
      ordinal: 2,
      passageHref: `/sources/${GLOBEX}/#${globexMove.id}`,
      href: `/sources/${GLOBEX}/#${globexMove.id}:~:text=half%20of%20its%20workloads`,
    });
  });

  it('uses a document’s anchor as the ref of all its citations, once per note', () => {
    const timeline = index.documents[2];
    expect(timeline?.uses.map((u) => [u.refId, u.note])).toEqual([
      ['2026-03', 1],
      ['2026-03', 2],
      ['2026-03', 3],
    ]);
    expect(timeline?.notes.map((n) => n.refs)).toEqual([['2026-03'], ['2026-03'], ['2026-03']]);
  });
});

describe('buildCitationIndex: back-links', () => {
  const { index } = buildCitationIndex(sources, [one, two, event]);

  it('keys back-links by <slug>#<passage id>', () => {
    expect(passageKey(ACME, acmeMonday.id)).toBe(`${ACME}#${acmeMonday.id}`);
    expect([...index.backlinks.keys()].sort()).toEqual(
      [passageKey(ACME, acmeMonday.id), passageKey(GLOBEX, globexMove.id), passageKey(ACME, acme2030.id)].sort(),
    );
  });

  it('links every citing marker of a passage, in document order, with the note number', () => {
    expect(index.backlinks.get(passageKey(ACME, acmeMonday.id))).toEqual([
      { href: '/explainers/one/#ref-1', title: 'Explainer one', note: 1 },
      { href: '/explainers/one/#ref-2', title: 'Explainer one', note: 2 },
      { href: '/explainers/one/#ref-3', title: 'Explainer one', note: 1 },
      { href: '/explainers/one/#ref-5', title: 'Explainer one', note: 2 },
      { href: '/explainers/timeline/#2026-03', title: 'Timeline: March 2026' },
    ]);
  });

  it('gives anchored documents (timeline events) one back-link per passage, with no note', () => {
    const links = index.backlinks.get(passageKey(ACME, acmeMonday.id)) ?? [];
    const timelineLinks = links.filter((l) => l.href.startsWith('/explainers/timeline/'));
    expect(timelineLinks).toHaveLength(1);
    expect(timelineLinks[0]).not.toHaveProperty('note');
  });

  it('links one passage from several documents', () => {
    expect(index.backlinks.get(passageKey(GLOBEX, globexMove.id))).toEqual([
      { href: '/explainers/one/#ref-4', title: 'Explainer one', note: 3 },
      { href: '/explainers/two/#ref-1', title: 'Explainer two', note: 1 },
      { href: '/explainers/timeline/#2026-03', title: 'Timeline: March 2026' },
    ]);
    expect(index.backlinks.get(passageKey(ACME, acme2030.id))).toEqual([
      { href: '/explainers/two/#ref-2', title: 'Explainer two', note: 2 },
    ]);
  });
});

describe('buildCitationIndex: uncited sources and problems', () => {
  it('lists the sources that nothing cites, in catalog order', () => {
    expect(buildCitationIndex(sources, [one, two, event]).index.uncited).toEqual([INITECH]);
    expect(buildCitationIndex(sources, [two]).index.uncited).toEqual([INITECH]);
    expect(buildCitationIndex(sources, [event]).index.uncited).toEqual([INITECH]);
    expect(buildCitationIndex(sources, []).index.uncited).toEqual([ACME, GLOBEX, INITECH]);
    expect(buildCitationIndex(sources, []).index.documents).toEqual([]);
  });

  it('collects the problems of every document, each with its own place, and keeps the good citations', () => {
    const bad1: CitingDocument = {
      file: ONE,
      url: '/explainers/one/',
      title: 'One',
      citations: [
        { source: ACME, quote: 'will not renew', file: ONE, line: 3, column: 10 },
        { source: 'no-such-source', quote: 'x', file: ONE, line: 4, column: 2 },
        { source: ACME, quote: 'a move analysts', file: ONE, line: 5, column: 1 },
      ],
    };
    const bad2: CitingDocument = {
      file: TWO,
      url: '/explainers/two/',
      title: 'Two',
      citations: [
        { source: INITECH, quote: 'revenue of $4 billion', file: TWO, line: 9, column: 7 },
        { source: ACME, quote: 'The deal runs to 2030', file: TWO, line: 11, column: 3 },
      ],
    };
    const { index, problems } = buildCitationIndex(sources, [bad1, bad2]);
    expect(problems.map((p) => [p.file, p.line, p.column])).toEqual([
      [ONE, 4, 2],
      [TWO, 9, 7],
      [TWO, 11, 3],
    ]);
    expect(problems[0]?.message).toContain('"no-such-source"');
    expect(problems[1]?.message).toContain('quote not found');
    expect(problems[2]?.message).toContain('quote found in 2 passages');

    // The good citations still resolve; their refs keep their position in the document.
    expect(index.documents[0]?.uses.map((u) => [u.refId, u.note])).toEqual([
      ['ref-1', 1],
      ['ref-3', 2],
    ]);
    expect(index.documents[1]?.uses).toEqual([]);
    expect(index.documents[1]?.notes).toEqual([]);
    // A source cited only by failed citations counts as uncited.
    expect(index.uncited).toEqual([GLOBEX, INITECH]);
  });
});
