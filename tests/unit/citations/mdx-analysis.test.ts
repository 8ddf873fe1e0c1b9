import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseTree, type TreeAnalysis } from '../../../src/lib/citations/mdx.ts';
import { parseMdx } from '../../../src/lib/citations/parse-mdx.ts';
import { FIXTURES, lineColumn } from './support.ts';

const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

function analyse(text: string, requireCitations = true, file = 'content/explainers/x.mdx'): TreeAnalysis {
  return analyseTree(parseMdx(text).tree, file, { requireCitations });
}

const requests = (analysis: TreeAnalysis) => analysis.citations.map(({ node: _node, ...request }) => request);

/** Every `<Cite source="…" quote="…" />` of a text, found by a regular expression, with its place. */
function citesIn(text: string, file: string) {
  const found = [];
  for (const m of text.matchAll(/<Cite source="([^"]*)" quote=(?:"([^"]*)"|'([^']*)') \/>/gu)) {
    found.push({ file, ...lineColumn(text, m.index), source: m[1], quote: m[2] ?? m[3] });
  }
  return found;
}

describe('parseMdx', () => {
  it('returns the frontmatter as an object', () => {
    expect(parseMdx(fixture('cited.mdx')).frontmatter).toEqual({
      title: 'A cited explainer',
      description:
        'A fixture whose every paragraph, list item and table row cites, so that the lint finds nothing and the citations come out in order.',
      order: 2,
      tags: ['fixture'],
    });
  });

  it('returns an empty object without frontmatter, or with empty frontmatter', () => {
    expect(parseMdx('Just text.\n').frontmatter).toEqual({});
    expect(parseMdx('---\n---\n\nText.\n').frontmatter).toEqual({});
  });

  it('keeps the frontmatter in the tree, so that lines are the file’s own', () => {
    const { tree } = parseMdx('---\ntitle: x\n---\n\nText.\n');
    expect(tree.children[0]?.type).toBe('yaml');
    expect(tree.children[1]?.position?.start.line).toBe(5);
  });
});

describe('analyseTree: finding citations', () => {
  const file = 'content/explainers/cited.mdx';
  const text = fixture('cited.mdx');
  const analysis = analyse(text, true, file);

  it('finds nothing wrong in a fully cited file', () => {
    expect(analysis.problems).toEqual([]);
  });

  it('finds every <Cite> in document order, with its true line and column (frontmatter counted)', () => {
    const expected = citesIn(text, file);
    expect(expected).toHaveLength(11);
    expect(requests(analysis)).toEqual(expected);
  });

  it('places the first citations by hand, too', () => {
    expect(requests(analysis).slice(0, 4)).toEqual([
      { file, line: 11, column: 30, source: 'acme-widget-deal', quote: 'it "will not renew" the deal' },
      { file, line: 13, column: 12, source: 'acme-widget-deal', quote: 'Acme Signs Deal' },
      { file, line: 16, column: 16, source: 'globex-cloud-pact', quote: 'half of its workloads' },
      { file, line: 16, column: 82, source: 'acme-widget-deal', quote: "a move analysts called 'bold'" },
    ]);
  });

  it('finds citations in nested list items, in table cells and in block quotes', () => {
    const found = requests(analysis);
    expect(found.find((c) => c.quote === "can't depend on one cloud")).toMatchObject({ line: 20, column: 17 });
    expect(found.find((c) => c.quote === 'revenue of $3 billion')).toMatchObject({ line: 22, column: 32 });
    expect(found.find((c) => c.quote === 'will not renew')).toMatchObject({ line: 26, column: 25 });
    expect(found.find((c) => c.quote === 'by 2027')).toMatchObject({ line: 27, column: 23 });
    expect(found.find((c) => c.quote === 'a second provider')).toMatchObject({ line: 19, column: 15 });
    expect(found.at(-1)).toMatchObject({ quote: 'Initech reported revenue', line: 41, column: 31 });
  });

  it('keeps the <Cite> node of each citation, and collects the <Editorial> elements', () => {
    for (const citation of analysis.citations) {
      expect(citation.node.name).toBe('Cite');
      expect(citation.node.position?.start.line).toBe(citation.line);
    }
    expect(analysis.editorials).toHaveLength(1);
    expect(analysis.editorials[0]?.name).toBe('Editorial');
    expect(analysis.editorials[0]?.position?.start.line).toBe(29);
  });

  it('finds the same citations when citations are not required', () => {
    const relaxed = analyse(text, false, file);
    expect(requests(relaxed)).toEqual(requests(analysis));
    expect(relaxed.problems).toEqual([]);
  });
});

describe('analyseTree: problems', () => {
  const file = 'content/explainers/problems.mdx';
  const text = fixture('problems.mdx');
  const analysis = analyse(text, true, file);
  const lineOf = (needle: string) => lineColumn(text, text.indexOf(needle));

  it('reports each problem in document order with its place', () => {
    expect(analysis.problems.map((p) => [p.line, p.column])).toEqual([
      [5, 47],
      [7, 25],
      [9, 22],
      [11, 1],
      [19, 3],
      [24, 3],
    ]);
    expect(analysis.problems.every((p) => p.file === file)).toBe(true);
    expect(analysis.problems[0]).toMatchObject(lineOf('<Cite source="acme-widget-deal" />'));
    expect(analysis.problems[1]).toMatchObject(lineOf('<Cite source="acme-widget-deal" quote={words}'));
  });

  it('reports a <Cite> without quote, naming its source', () => {
    const p = analysis.problems[0];
    expect(p?.message).toBe(
      'a <Cite> needs both source="…" and quote="…" as plain strings (source "acme-widget-deal").',
    );
    expect(p?.fix).toContain('no {expressions}');
  });

  it('reports an expression attribute', () => {
    expect(analysis.problems[1]?.message).toContain('needs both source="…" and quote="…" as plain strings');
  });

  it('reports an unknown attribute, and still takes the citation', () => {
    const p = analysis.problems[2];
    expect(p?.message).toBe('a <Cite> has unknown attribute page.');
    expect(p?.fix).toContain('exactly source="<source slug>" and quote="<exact words>"');
    expect(requests(analysis)).toEqual([
      { file, line: 9, column: 22, source: 'acme-widget-deal', quote: 'will not renew' },
      { file, line: 23, column: 15, source: 'acme-widget-deal', quote: 'by 2027' },
    ]);
  });

  it('reports a sentence without citation at its line, quoting its first words and suggesting <Editorial>', () => {
    const p = analysis.problems[3];
    const paragraph =
      'A paragraph without any citation, which goes on for long enough that its message must be shortened somewhere.';
    expect(p?.line).toBe(lineOf(paragraph).line);
    expect(p?.message).toBe(`this sentence has no citation: "${paragraph.slice(0, 99)}…".`);
    expect(p?.fix).toContain('<Editorial>');
    expect(p?.fix).toContain('<Cite source="…" quote="…" />');
  });

  it('reports a list item without citation', () => {
    expect(analysis.problems[4]?.message).toBe('this sentence has no citation: "A list item without a citation.".');
  });

  it('reports a table body row without citation, and not the header row', () => {
    const rows = analysis.problems.filter((p) => p.message.startsWith('this table row'));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.line).toBe(lineOf('| An uncited row').line);
    expect(rows[0]?.message).toContain('An uncited row');
    expect(analysis.problems.some((p) => p.message.includes('Header row'))).toBe(false);
  });

  it('exempts paragraphs inside <Editorial>', () => {
    expect(analysis.problems.some((p) => p.message.includes('editorial paragraph'))).toBe(false);
    expect(analysis.editorials).toHaveLength(1);
  });

  it('reports only the <Cite> problems when citations are not required', () => {
    const relaxed = analyse(text, false, file);
    expect(relaxed.problems.map((p) => p.line)).toEqual([5, 7, 9]);
    expect(relaxed.problems.some((p) => p.message.includes('has no citation'))).toBe(false);
  });

  it('finds nothing to report in an uncited file when citations are not required, and everything when they are', () => {
    const uncited = fixture('uncited.mdx');
    expect(analyse(uncited, false).problems).toEqual([]);
    expect(analyse(uncited, true).problems.map((p) => [p.line, p.message])).toEqual([
      [7, 'this sentence has no citation: "Nothing here cites.".'],
      [9, 'this sentence has no citation: "Not this either.".'],
    ]);
  });
});

describe('analyseTree: small cases', () => {
  it('reports a spread attribute', () => {
    const analysis = analyse('Text <Cite {...props} />.\n');
    expect(analysis.problems.map((p) => p.message)).toContain('a <Cite> has a spread attribute.');
    expect(analysis.citations).toEqual([]);
  });

  it('reports a quote written as a bare attribute, and lists several unknown attributes', () => {
    const bare = analyse('Text <Cite source="s" quote />.\n');
    expect(bare.problems).toHaveLength(1);
    expect(bare.problems[0]?.message).toContain('(source "s")');
    const many = analyse('Text <Cite source="s" quote="q" page="1" note="x" />.\n');
    expect(many.problems.map((p) => p.message)).toEqual(['a <Cite> has unknown attributes page, note.']);
    expect(many.citations).toHaveLength(1);
  });

  it('reports a <Cite> missing its source', () => {
    const analysis = analyse('Text <Cite quote="q" />.\n');
    expect(analysis.problems.map((p) => [p.line, p.column, p.message])).toEqual([
      [1, 6, 'a <Cite> needs both source="…" and quote="…" as plain strings.'],
    ]);
  });

  it('does not require citations in headings, or in blocks with no text', () => {
    expect(analyse('# A heading\n\n## Another\n').problems).toEqual([]);
  });

  it('requires a citation in every paragraph of a block quote and of a list item', () => {
    const analysis = analyse('> Quoted words.\n\n- Item <Cite source="s" quote="q" />\n\n  More of the item.\n');
    expect(analysis.problems.map((p) => [p.line, p.column])).toEqual([
      [1, 3],
      [5, 3],
    ]);
  });

  it('exempts everything inside a multi-line <Editorial>, however deeply nested', () => {
    const analysis = analyse('<Editorial>\n\n> Quoted.\n\n- Item.\n  - Nested item.\n\n</Editorial>\n');
    expect(analysis.problems).toEqual([]);
    expect(analysis.editorials).toHaveLength(1);
  });

  it('uses the file name it is given', () => {
    const analysis = analyse('Uncited.\n', true, 'content/pages/home.mdx');
    expect(analysis.problems[0]).toMatchObject({ file: 'content/pages/home.mdx', line: 1, column: 1 });
  });
});

describe('analyseTree: every sentence cites', () => {
  const cite = '<Cite source="s" quote="q" />';

  it('reports a sentence appended to a cited paragraph, at its own line and column, quoting it', () => {
    const analysis = analyse(`Microsoft keeps a license ${cite}. Microsoft will also pay $10 billion.\n`);
    expect(analysis.problems.map((p) => [p.line, p.column, p.message])).toEqual([
      [1, 58, 'this sentence has no citation: "Microsoft will also pay $10 billion.".'],
    ]);
    expect(analysis.problems[0]?.fix).toMatch(/before its full stop/u);
  });

  it('gives a marker written after the full stop to the sentence before it', () => {
    const analysis = analyse(`First claim. ${cite} Second claim ${cite}.\n`);
    expect(analysis.problems).toEqual([]);
    expect(analysis.sentences.map((s) => [s.text, s.cites.length])).toEqual([
      ['First claim.', 1],
      ['Second claim.', 1],
    ]);
  });

  it('finds the line and column of a sentence on the second line of a paragraph', () => {
    const analysis = analyse(`Cited ${cite}.\nNot cited here.\n`);
    expect(analysis.problems.map((p) => [p.line, p.column])).toEqual([[2, 1]]);
  });

  it('needs no citation for a sentence inside inline <Editorial>, but does for the rest of the paragraph', () => {
    const analysis = analyse('- **Cap.** <Editorial>A ceiling on the total.</Editorial> OpenAI pays one.\n');
    expect(analysis.problems.map((p) => p.message)).toEqual(['this sentence has no citation: "OpenAI pays one.".']);
  });

  it('needs no citation for the bold label that starts a list item', () => {
    expect(analyse(`- **Cap.** A ceiling applies ${cite}.\n`).problems).toEqual([]);
  });

  it('records the figures each sentence states as fact, leaving out editorial and inference', () => {
    const analysis = analyse(
      `Microsoft keeps 27 percent ${cite}. <Inference>That was a Monday ${cite}.</Inference> <Editorial>A rule.</Editorial>\n`,
    );
    expect(analysis.problems).toEqual([]);
    expect(analysis.sentences.map((s) => s.figures.map((f) => f.key))).toEqual([['percent:27'], [], []]);
  });

  it('reports a figure in editorial text', () => {
    const analysis = analyse('<Editorial>\n\nThe cap is 27 percent.\n\n</Editorial>\n');
    expect(analysis.problems.map((p) => [p.line, p.message])).toEqual([
      [3, 'editorial text states a figure, "27 percent".'],
    ]);
  });

  it('reports an inference that cites nothing, inline or as a block', () => {
    const inline = analyse(`Fact ${cite}. <Inference>So it was a Monday.</Inference>\n`);
    expect(inline.problems.map((p) => p.message)).toEqual(['an <Inference> cites nothing: "So it was a Monday.".']);
    const block = analyse('<Inference>\n\nSo it was a Monday.\n\n</Inference>\n');
    expect(block.problems.map((p) => [p.line, p.message])).toEqual([[1, 'an <Inference> cites nothing.']]);
  });

  it('checks a weekday an inference computes for a full date', () => {
    const right = analyse(`<Inference>April 27, 2026 was a Monday ${cite}.</Inference>\n`);
    expect(right.problems).toEqual([]);
    const wrong = analyse(`<Inference>April 27, 2026 was a Sunday ${cite}.</Inference>\n`);
    expect(wrong.problems.map((p) => p.message)).toEqual([
      'the inference says April 27, 2026 was a Sunday, but it was a Monday.',
    ]);
  });

  it('reports a count of sources typed by hand, anywhere, headings included', () => {
    const analysis = analyse(`## What all five say\n\nThree reports say so ${cite}.\n`, false);
    expect(analysis.problems.map((p) => [p.line, p.column, p.message])).toEqual([
      [1, 9, '"all five" is a count of sources typed by hand.'],
      [3, 1, '"Three reports" is a count of sources typed by hand.'],
    ]);
    expect(analysis.problems[0]?.fix).toContain('<Count claim=');
  });

  it('reads <Count>: its claim, status, words and whether it starts its sentence', () => {
    const analysis = analyse(
      `<Count claim="cap-is-new" one="report says" other="reports say" /> so ${cite}, and <Count claim="x" status="mentions" of /> more ${cite}.\n`,
    );
    expect(analysis.problems).toEqual([]);
    expect(
      analysis.counts.map(({ claim, status, one, other, of, atSentenceStart }) => ({
        claim,
        status,
        one,
        other,
        of,
        atSentenceStart,
      })),
    ).toEqual([
      {
        claim: 'cap-is-new',
        status: 'states',
        one: 'report says',
        other: 'reports say',
        of: false,
        atSentenceStart: true,
      },
      { claim: 'x', status: 'mentions', one: undefined, other: undefined, of: true, atSentenceStart: false },
    ]);
  });

  it('counts a sentence that counts or links to the ledger as supported, the ledger row being its evidence', () => {
    const analysis = analyse(
      '<Count claim="c" one="report says" other="reports say" /> so. See [the row](/claims/#c).\n',
    );
    expect(analysis.problems).toEqual([]);
    expect(analysis.sentences.map((s) => s.claims)).toEqual([[], ['c']]);
  });

  it('reports a <Count> it cannot read', () => {
    const analysis = analyse('<Count /> and <Count claim="c" status="most" /> and <Count all claim="c" />.\n', false);
    expect(analysis.problems.map((p) => p.message)).toEqual([
      'a <Count> needs claim="<claim id>" (or all).',
      "a <Count>'s status must be one of states, differs, silent, mentions.",
      "a <Count> counts either all the sources or a claim's, not both.",
    ]);
  });
});
