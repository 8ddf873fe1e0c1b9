import { describe, expect, it } from 'vitest';
import {
  groupPassages,
  splitPassages,
  toPassages,
  type PassageOverride,
  type SplitPassage,
} from '../../src/lib/passages/index.ts';
import { expectEveryLineOnce, layout, realSeed, realSeeds, shape } from './_support/passages.ts';

const split = (text: string, overrides: readonly PassageOverride[] = []): SplitPassage[] =>
  splitPassages(text, overrides).passages;

const at = (passages: readonly SplitPassage[], line: number): SplitPassage => {
  const passage = passages.find((p) => p.lines[0] <= line && line <= p.lines[1]);
  if (!passage) throw new Error(`no passage covers line ${line}`);
  return passage;
};

const labels = (passages: readonly SplitPassage[]): Record<number, string | undefined> =>
  Object.fromEntries(passages.filter((p) => p.kind === 'furniture').map((p) => [p.lines[0], p.label]));

describe('shape (a): one paragraph per line, no blank lines, Title Case headings (like seed 000)', () => {
  const text = shape('a-one-paragraph-per-line.txt');
  const passages = split(text);

  it('finds every heading and paragraph on its own line', () => {
    expect(layout(passages)).toEqual(['p1', 'h2', 'p3', 'p4', 'h5', 'p6', 'h7', 'p8', 'p9', 'h10', 'p11']);
  });

  it('keeps the headings’ text', () => {
    expect(passages.filter((p) => p.kind === 'heading').map((p) => p.text)).toEqual([
      'What Changed',
      'The Money',
      'How We Got Here',
      'What It Means',
    ]);
  });

  it('treats a lead-in sentence ending in ":" as a paragraph, not a heading', () => {
    expect(at(passages, 8)).toMatchObject({ kind: 'paragraph', text: 'The dispute grew over three years:' });
  });

  it('does not join consecutive one-line paragraphs', () => {
    expect(at(passages, 3).lines).toEqual([3, 3]);
    expect(at(passages, 4).lines).toEqual([4, 4]);
  });

  it('puts every non-blank line in exactly one passage', () => expectEveryLineOnce(text, passages));
});

describe('shape (b): title, bullets, editor’s analysis, FAQ (like seed 001)', () => {
  const text = shape('b-bullets-and-faq.txt');
  const passages = split(text);

  it('splits into the expected passages', () => {
    expect(layout(passages)).toEqual([
      'f1',
      'h3',
      'p5',
      'p7',
      'h9',
      'li11',
      'li12',
      'li13',
      'h15',
      'p17',
      'h19',
      'p21',
      'p22',
      'p24',
      'p25',
      'p27',
    ]);
  });

  it('labels the stray ", , ," line as stray punctuation', () => {
    expect(passages[0]).toEqual({ kind: 'furniture', text: ', , ,', lines: [1, 1], label: 'Stray punctuation' });
  });

  it('reads the bullets’ marker and body from the trimmed line', () => {
    const items = passages.filter((p) => p.kind === 'list-item');
    expect(items.map(({ text, marker, body, ordered }) => ({ text, marker, body, ordered }))).toEqual([
      {
        text: '• The monopoly is replaced by an open licence lasting until 2031.',
        marker: '•',
        body: 'The monopoly is replaced by an open licence lasting until 2031.',
        ordered: false,
      },
      {
        text: '• Northwind keeps its docking stations.',
        marker: '•',
        body: 'Northwind keeps its docking stations.',
        ordered: false,
      },
      { text: '• The yearly subsidy ends.', marker: '•', body: 'The yearly subsidy ends.', ordered: false },
    ]);
  });

  it('treats the title, “Key Takeaways”, “Editor’s Analysis & Impact” and “Frequently Asked Questions” as headings', () => {
    expect(passages.filter((p) => p.kind === 'heading').map((p) => p.text)).toEqual([
      'Council and Northwind Transit Rewrite Bike-Share Contract to End Monopoly Dispute',
      'Key Takeaways',
      'Editor’s Analysis & Impact',
      'Frequently Asked Questions',
    ]);
  });

  it('treats "Q: …?" and "A: …" lines as separate paragraphs, not headings', () => {
    for (const line of [21, 22, 24, 25]) {
      expect(at(passages, line).kind, `line ${line}`).toBe('paragraph');
      expect(at(passages, line).lines, `line ${line}`).toEqual([line, line]);
    }
    expect(at(passages, 24).text).toBe('Q: Does Northwind still get a subsidy?');
  });

  it('keeps a last line without a final newline', () => {
    expect(passages.at(-1)).toMatchObject({ kind: 'paragraph', lines: [27, 27] });
  });

  it('puts every non-blank line in exactly one passage', () => expectEveryLineOnce(text, passages));
});

describe('shape (c): sentence-case headings and a trailing "Sources:" (like seed 002)', () => {
  const text = shape('c-sentence-case.txt');
  const passages = split(text);

  it('splits into the expected passages', () => {
    expect(layout(passages)).toEqual(['p1', 'h2', 'p3', 'h4', 'p5', 'h6', 'p7', 'f8']);
  });

  it('finds sentence-case headings', () => {
    expect(passages.filter((p) => p.kind === 'heading').map((p) => p.text)).toEqual([
      'What changed',
      'Why now',
      'What it means for riders',
    ]);
  });

  it('treats a sentence with a colon inside ("The biggest shift: …") as a paragraph', () => {
    expect(at(passages, 3).kind).toBe('paragraph');
  });

  it('labels an empty "Sources:" line as furniture', () => {
    expect(passages.at(-1)).toEqual({ kind: 'furniture', text: 'Sources:', lines: [8, 8], label: 'Empty source list' });
  });

  it('puts every non-blank line in exactly one passage', () => expectEveryLineOnce(text, passages));
});

describe('shape (d): "Key Highlights:", dash lists, "Also read" links, a question heading (like seed 003)', () => {
  const text = shape('d-key-highlights.txt');
  const passages = split(text);

  it('splits into the expected passages', () => {
    expect(layout(passages)).toEqual([
      'h2',
      'li3',
      'li4',
      'li5',
      'p6',
      'h7',
      'p8',
      'f9',
      'h10',
      'p11',
      'li12',
      'li13',
      'f14',
      'p15',
    ]);
  });

  it('treats a two-word label ending in ":" as a heading', () => {
    expect(passages[0]).toEqual({ kind: 'heading', text: 'Key Highlights:', lines: [2, 2] });
  });

  it('reads "- " items as unordered list items', () => {
    expect(at(passages, 4)).toEqual({
      kind: 'list-item',
      text: '- Other operators may now apply for permits.',
      lines: [4, 4],
      marker: '-',
      body: 'Other operators may now apply for permits.',
      ordered: false,
    });
  });

  it('labels "Also read: …" lines as related links', () => {
    expect(labels(passages)).toEqual({ 9: 'Related link', 14: 'Related link' });
  });

  it('treats a short question as a heading', () => {
    expect(at(passages, 10)).toMatchObject({ kind: 'heading', text: 'What’s new in updated terms?' });
  });

  it('treats a long line without final punctuation as a paragraph, not a heading', () => {
    expect(at(passages, 8).kind).toBe('paragraph');
    expect(at(passages, 8).text.endsWith('every operator')).toBe(true);
  });

  it('treats a long lead-in ending in ":" as a paragraph', () => {
    expect(at(passages, 11).kind).toBe('paragraph');
  });

  it('groups the list items into two separate lists', () => {
    const { passages: withIds } = toPassages(text);
    const lists = groupPassages(withIds).filter((g) => g.type === 'list');
    expect(lists.map((l) => (l.type === 'list' ? l.items.map((i) => i.lines[0]) : []))).toEqual([
      [3, 4, 5],
      [12, 13],
    ]);
    expect(lists.every((l) => l.type === 'list' && !l.ordered)).toBe(true);
  });

  it('puts every non-blank line in exactly one passage', () => expectEveryLineOnce(text, passages));
});

describe('shape (e): a blog page with widgets and a related-articles block (like seed 004)', () => {
  const text = shape('e-blog-with-widgets.txt');
  const passages = split(text);

  it('splits into the expected passages', () => {
    expect(layout(passages)).toEqual([
      'h1',
      'f3',
      'f4',
      'p6',
      'h8',
      'li10',
      'li11',
      'h13',
      'p15',
      'p17',
      'f19',
      'f21',
      'f23',
      'f25',
      'f27',
      'f29',
      'f31',
    ]);
  });

  it('labels each piece of page furniture', () => {
    expect(labels(passages)).toEqual({
      3: 'Language links',
      4: 'Article details',
      19: 'Share widget',
      21: 'Related articles',
      23: 'Article details',
      25: 'Related articles',
      27: 'Comments widget',
      29: 'Comments widget',
      31: 'Comments widget',
    });
  });

  it('treats "Source: A, B" as a paragraph (it has a colon inside, and names sources)', () => {
    expect(at(passages, 17)).toEqual({
      kind: 'paragraph',
      text: 'Source: City Council Minutes, Northwind Press Office',
      lines: [17, 17],
    });
  });

  it('treats a normal-looking paragraph after "Related Articles" as furniture', () => {
    expect(at(passages, 25).text).toMatch(/^The council said in April/);
    expect(at(passages, 25)).toMatchObject({ kind: 'furniture', label: 'Related articles' });
  });

  it('keeps bullets with a colon inside as list items', () => {
    expect(at(passages, 10)).toMatchObject({
      kind: 'list-item',
      marker: '•',
      body: 'Monopoly ends: other operators may apply for permits.',
    });
  });

  it('puts every non-blank line in exactly one passage', () => expectEveryLineOnce(text, passages));
});

describe('related-articles blocks', () => {
  it('end at the next heading that is not furniture', () => {
    const text = [
      'Related Articles',
      'A paragraph about another story, from the sidebar.',
      'What Comes Next',
      'A paragraph of the article itself.',
    ].join('\n');
    expect(layout(split(text))).toEqual(['f1', 'f2', 'h3', 'p4']);
  });

  it('accept the "Related stories:" spelling', () => {
    expect(layout(split('Related stories:\n\nSomething else entirely, from the sidebar.'))).toEqual(['f1', 'f3']);
  });

  it('do not start from a sentence that merely begins with "Related"', () => {
    const passages = split('Related articles in the same series covered the audit.\n\nThe council said more.');
    expect(layout(passages)).toEqual(['p1', 'p3']);
  });
});

describe('furniture rules', () => {
  it.each([
    ['- - -', 'Stray punctuation'],
    ['·', 'Stray punctuation'],
    ['Share this article', 'Share widget'],
    ['Share: Facebook X LinkedIn', 'Share widget'],
    ['Read this in another language: Deutsch', 'Language links'],
    ['Read more: The audit in full', 'Related link'],
    ['See also: Bike lanes', 'Related link'],
    ['Recommended: Five rides', 'Related link'],
    ['Related Posts', 'Related articles'],
    ['Comment (12)', 'Comments widget'],
    ['Leave a reply.', 'Comments widget'],
    ['Post a comment', 'Comments widget'],
    ['Metro 5 minutes read', 'Article details'],
    ['Source:', 'Empty source list'],
    ['Advertisement', 'Advertising or promotion'],
    ['Subscribe now', 'Advertising or promotion'],
    ['Follow us on Mastodon', 'Advertising or promotion'],
  ])('labels %j as %s', (line, label) => {
    expect(split(line)).toEqual([{ kind: 'furniture', text: line, lines: [1, 1], label }]);
  });

  it.each([
    'Sources said the deal was close.',
    'Source: the council’s own minutes.',
    'Advertisement revenue fell in 2025, the council said.',
    'No comment was offered by Northwind.',
  ])('does not label the sentence %j as furniture', (line) => {
    expect(split(line)[0]?.kind).not.toBe('furniture');
  });
});

describe('hard-wrapped paragraphs and lists', () => {
  it('joins a line that does not end a sentence with the lowercase line after it', () => {
    const text = [
      'The council said on Monday that the contract, which was signed in 2016 and renewed twice since then,',
      'will be replaced by an open licence',
      'that runs until 2031.',
      '',
      'A new paragraph starts here after a blank line, and it is a separate passage of its own.',
    ].join('\n');
    const passages = split(text);
    expect(layout(passages)).toEqual(['p1-3', 'p5']);
    expect(passages[0]?.text).toBe(text.split('\n').slice(0, 3).join('\n'));
    expectEveryLineOnce(text, passages);
  });

  it('keeps the lines’ own white space out of the joined text (each line is trimmed)', () => {
    const text =
      '   The council said on Monday that the contract, which was signed in 2016 and renewed,   \n\t  will be replaced.  ';
    expect(split(text)).toEqual([
      {
        kind: 'paragraph',
        text: 'The council said on Monday that the contract, which was signed in 2016 and renewed,\nwill be replaced.',
        lines: [1, 2],
      },
    ]);
  });

  it('does not join a lowercase line to a paragraph that ended its sentence', () => {
    const text =
      'The council met on Monday and agreed the new contract with the operator.\nthe next line starts in lower case.';
    expect(layout(split(text))).toEqual(['p1', 'p2']);
  });

  it('does not join across a blank line', () => {
    const text = 'The council met on Monday and agreed the new contract with the operator and\n\nthen went home.';
    expect(layout(split(text))).toEqual(['p1', 'p3']);
  });

  it('does not join a line starting with a capital letter', () => {
    const text =
      'The council met on Monday and agreed the new contract with the operator and\nNorthwind signed it the same day.';
    expect(layout(split(text))).toEqual(['p1', 'p2']);
  });

  it('does not join a lowercase line to a list item; a title-like line running into one is a wrapped paragraph', () => {
    expect(layout(split('What Changed\n\nthe contract ends.'))).toEqual(['h1', 'p3']);
    expect(layout(split('What Changed\nthe contract ends.'))).toEqual(['p1-2']);
    expect(layout(split('- The first item of the list\nand a lowercase line after it.'))).toEqual(['li1', 'p2']);
  });

  // A hard-wrapped paragraph whose FIRST line is short (at most 12 words, no final punctuation)
  // looks like a heading; the lower-case line after it shows it is not.
  it('joins a hard-wrapped paragraph whose first line is short', () => {
    const text = 'Microsoft and OpenAI announced a sweeping restructure of their\npartnership on April 27, 2026.';
    expect(layout(split(text))).toEqual(['p1-2']);
  });

  it('numbered items "1. " and "2) " are ordered list items', () => {
    const text = '1. Apply for a permit.\n2. Pass the safety check.\n10) Start riding.';
    const passages = split(text);
    expect(passages.map(({ kind, marker, body, ordered }) => ({ kind, marker, body, ordered }))).toEqual([
      { kind: 'list-item', marker: '1.', body: 'Apply for a permit.', ordered: true },
      { kind: 'list-item', marker: '2.', body: 'Pass the safety check.', ordered: true },
      { kind: 'list-item', marker: '10)', body: 'Start riding.', ordered: true },
    ]);
  });

  it('groups a numbered list apart from a bulleted list that follows it', () => {
    const { passages } = toPassages(
      '1. One.\n2. Two.\n- Dash.\n• Bullet.\n\nA paragraph between the lists.\n\n- After.',
    );
    const groups = groupPassages(passages);
    expect(
      groups.map((g) => (g.type === 'list' ? `${g.ordered ? 'ol' : 'ul'}:${g.items.length}` : g.passage.kind)),
    ).toEqual(['ol:2', 'ul:2', 'paragraph', 'ul:1']);
  });

  it.each([
    '2026. A year of change.', // a year is not an item number (at most three digits)
    '-5 degrees outside, the coldest ride of the year',
    '1.5 million riders used the bikes.',
    '*emphasis* on safety, said the council',
    '•',
  ])('does not read %j as a list item', (line) => {
    expect(split(line)[0]?.kind).not.toBe('list-item');
  });
});

describe('overrides', () => {
  const text = shape('e-blog-with-widgets.txt');

  it('an exact `line:` override changes the kind and the label of that line', () => {
    const result = splitPassages(text, [
      { line: 'Source: City Council Minutes, Northwind Press Office', kind: 'furniture', label: 'Source credit' },
    ]);
    expect(at(result.passages, 17)).toEqual({
      kind: 'furniture',
      text: 'Source: City Council Minutes, Northwind Press Office',
      lines: [17, 17],
      label: 'Source credit',
    });
    expect(result.unusedOverrides).toEqual([]);
  });

  it('a `line:` override matches regardless of runs of white space', () => {
    const result = splitPassages(text, [{ line: 'Share:   Long ', kind: 'paragraph' }]);
    expect(at(result.passages, 19)).toEqual({ kind: 'paragraph', text: 'Share: Long', lines: [19, 19] });
    expect(result.unusedOverrides).toEqual([]);
  });

  it('a `line:` override does not match a line that merely starts with it', () => {
    const result = splitPassages(text, [{ line: 'Share:', kind: 'paragraph' }]);
    expect(at(result.passages, 19).kind).toBe('furniture');
    expect(result.unusedOverrides).toEqual([0]);
  });

  it('a `startsWith:` override changes every line that starts with it', () => {
    const faq = shape('b-bullets-and-faq.txt');
    const result = splitPassages(faq, [{ startsWith: 'Q:', kind: 'heading' }]);
    expect(at(result.passages, 21)).toEqual({
      kind: 'heading',
      text: 'Q: Can other operators now run bikes in the city?',
      lines: [21, 21],
    });
    expect(at(result.passages, 24).kind).toBe('heading');
    expect(at(result.passages, 22).kind).toBe('paragraph');
    expect(result.unusedOverrides).toEqual([]);
  });

  it('a furniture override without a label is labelled "Page furniture"', () => {
    const result = splitPassages(text, [{ startsWith: 'Riders should see', kind: 'furniture' }]);
    expect(at(result.passages, 15)).toMatchObject({ kind: 'furniture', label: 'Page furniture' });
  });

  it('a heading can be overridden to a paragraph, and furniture to a heading', () => {
    const result = splitPassages(text, [
      { line: 'What Riders Get', kind: 'paragraph' },
      { line: 'Comments (0)', kind: 'heading' },
    ]);
    expect(at(result.passages, 13)).toEqual({ kind: 'paragraph', text: 'What Riders Get', lines: [13, 13] });
    expect(at(result.passages, 27)).toEqual({ kind: 'heading', text: 'Comments (0)', lines: [27, 27] });
    expect(at(result.passages, 27).label).toBeUndefined();
  });

  it('a list-item override keeps a marker if there is one, and otherwise uses the whole line as the body', () => {
    const result = splitPassages('Apply for a permit.\n- Start riding.', [
      { line: 'Apply for a permit.', kind: 'list-item' },
    ]);
    expect(result.passages[0]).toEqual({
      kind: 'list-item',
      text: 'Apply for a permit.',
      lines: [1, 1],
      marker: '',
      body: 'Apply for a permit.',
      ordered: false,
    });
  });

  it('reports an override that matches nothing by its index', () => {
    const result = splitPassages(text, [
      { line: 'Share: Long', kind: 'paragraph' },
      { line: 'A line that is not in the seed', kind: 'furniture' },
      { startsWith: 'Nowhere to be found', kind: 'heading' },
    ]);
    expect(result.unusedOverrides).toEqual([1, 2]);
    // …and the unused ones change nothing.
    expect(result.passages).toEqual(split(text, [{ line: 'Share: Long', kind: 'paragraph' }]));
  });

  it('toPassages reports unused overrides too', () => {
    expect(toPassages(text, [{ line: 'Not here', kind: 'paragraph' }]).unusedOverrides).toEqual([0]);
  });

  it('can correct a furniture rule that guesses wrong (e.g. "Share prices …")', () => {
    const text2 = 'Share prices of Northwind rose 4% after the announcement.\n\nShare: Long';
    const result = splitPassages(text2, [{ startsWith: 'Share prices', kind: 'paragraph' }]);
    expect(layout(result.passages)).toEqual(['p1', 'f3']);
    expect(result.passages[0]?.label).toBeUndefined();
  });

  it('correcting a short first line of a hard-wrapped paragraph to a paragraph rejoins the paragraph', () => {
    const text2 = 'Microsoft and OpenAI announced a sweeping restructure of their\npartnership on April 27, 2026.';
    const result = splitPassages(text2, [{ startsWith: 'Microsoft and OpenAI announced', kind: 'paragraph' }]);
    expect(layout(result.passages)).toEqual(['p1-2']);
  });
});

describe('size', () => {
  const words = (n: number): string[] =>
    Array.from({ length: n }, (_, i) => ['contract', 'council', 'bikes', 'riders', 'permit'][i % 5] as string);

  it('splits a one-line paragraph of 40,000 words into one passage', () => {
    const text = `The ${words(40_000).join(' ')}.`;
    const { passages } = toPassages(text);
    expect(passages).toHaveLength(1);
    expect(passages[0]?.kind).toBe('paragraph');
    expect(passages[0]?.text).toBe(text);
    expect(passages[0]?.id).toMatch(/^the-contract-council-[0-9a-f]{6}$/);
  });

  it('splits a hard-wrapped paragraph of 40,000 words (4,000 lines) into one passage', () => {
    const all = words(40_000);
    const lines: string[] = [];
    for (let i = 0; i < all.length; i += 10) lines.push(all.slice(i, i + 10).join(' '));
    lines[0] = `The council wrote a very long paragraph that is hard wrapped at ten words: ${lines[0]}`;
    const text = `${lines.join('\n')}.`;
    const { passages } = toPassages(text);
    expect(passages).toHaveLength(1);
    expect(passages[0]?.lines).toEqual([1, 4000]);
  });
});

// ---------------------------------------------------------------------------------------------
// The real seeds. Expected values come from reading the seeds (see seeds/*.txt), line by line.
// ---------------------------------------------------------------------------------------------

describe('the real seeds', () => {
  it('there are five of them', () => {
    expect(realSeeds().map((s) => s.name.slice(0, 3))).toEqual(['000', '001', '002', '003', '004']);
  });

  it.each(realSeeds().map((s) => [s.name, s.text] as const))(
    '%s: every non-blank line is in exactly one passage',
    (_name, text) => expectEveryLineOnce(text, split(text)),
  );

  it('000: paragraphs one per line, 6 Title Case headings, a lead-in paragraph ending in ":"', () => {
    const passages = split(realSeed('000'));
    expect(layout(passages)).toEqual([
      'p1',
      'h2',
      'p3',
      'p4',
      'p5',
      'h6',
      'p7',
      'p8',
      'p9',
      'h10',
      'p11',
      'p12',
      'p13',
      'h14',
      'p15',
      'p16',
      'h17',
      'p18',
      'p19',
      'h20',
      'p21',
      'p22',
    ]);
    expect(passages.filter((p) => p.kind === 'heading').map((p) => p.text)).toEqual([
      'What Changed',
      'The Financial Terms',
      'Why OpenAI Needed This',
      'A Timeline of Escalation',
      "Microsoft's Consolation Prize",
      'What It Means',
    ]);
    expect(at(passages, 15).text.endsWith('between Microsoft and OpenAI:')).toBe(true);
  });

  it('001: stray punctuation, a title, bullets, FAQ paragraphs', () => {
    const passages = split(realSeed('001'));
    expect(layout(passages)).toEqual([
      'f1',
      'h3',
      'p5',
      'p7',
      'p9',
      'p11',
      'h13',
      'li15',
      'li16',
      'li17',
      'h19',
      'p21',
      'h23',
      'p25',
      'p26',
      'p28',
      'p29',
      'p31',
    ]);
    expect(passages[0]).toMatchObject({ kind: 'furniture', text: ', , ,', label: 'Stray punctuation' });
    expect(passages[1]?.text).toBe('OpenAI and Microsoft Restructure Partnership to Resolve Cloud Exclusivity Dispute');
    expect(at(passages, 19).text).toBe('Editor’s Analysis & Impact');
    expect(passages.filter((p) => p.kind === 'list-item').every((p) => p.marker === '•' && p.ordered === false)).toBe(
      true,
    );
    expect(at(passages, 25).text).toMatch(/^Q: Does Microsoft still have exclusive rights/);
    expect(at(passages, 31).text).toMatch(/^AI Disclosure: /);
  });

  it('002: sentence-case headings and an empty "Sources:" at the end', () => {
    const passages = split(realSeed('002'));
    expect(layout(passages)).toEqual(['p1', 'h2', 'p3', 'p4', 'h5', 'p6', 'p7', 'h8', 'p9', 'p10', 'p11', 'f12']);
    expect(passages.filter((p) => p.kind === 'heading').map((p) => p.text)).toEqual([
      'What changed',
      'Why now',
      'What it means for the AI industry',
    ]);
    expect(passages.at(-1)).toMatchObject({ text: 'Sources:', label: 'Empty source list' });
  });

  it('003: 9 list items in two lists, two "Also read" links, a question heading', () => {
    const text = realSeed('003');
    const passages = split(text);
    expect(layout(passages)).toEqual([
      'h2',
      'li3',
      'li4',
      'li5',
      'li6',
      'p7',
      'p8',
      'h9',
      'p10',
      'p11',
      'p12',
      'p13',
      'f14',
      'h15',
      'p16',
      'li17',
      'li18',
      'li19',
      'li20',
      'li21',
      'f22',
      'p23',
    ]);
    expect(labels(passages)).toEqual({ 14: 'Related link', 22: 'Related link' });
    expect(at(passages, 2).text).toBe('Key Highlights:');
    expect(at(passages, 15)).toMatchObject({ kind: 'heading', text: 'What’s new in updated terms?' });
    // Line 12 is long and has no final punctuation: a paragraph, and line 13 is not joined to it.
    expect(at(passages, 12).lines).toEqual([12, 12]);

    const lists = groupPassages(toPassages(text).passages).filter((g) => g.type === 'list');
    expect(lists.map((l) => (l.type === 'list' ? l.items.length : 0))).toEqual([4, 5]);
    expect(lists.flatMap((l) => (l.type === 'list' ? l.items : [])).every((i) => i.marker === '-')).toBe(true);
  });

  it('004: title, language links, byline, a "Source:" paragraph, and seven pieces of furniture at the end', () => {
    const passages = split(realSeed('004'));
    expect(layout(passages)).toEqual([
      'h1',
      'f3',
      'f4',
      'p6',
      'h8',
      'li10',
      'li11',
      'li12',
      'h14',
      'p16',
      'p18',
      'h20',
      'p22',
      'p24',
      'f26',
      'f28',
      'f30',
      'f32',
      'f34',
      'f36',
      'f38',
    ]);
    expect(passages.slice(-5).every((p) => p.kind === 'furniture')).toBe(true);
    expect(labels(passages)).toEqual({
      3: 'Language links',
      4: 'Article details',
      26: 'Share widget',
      28: 'Related articles',
      30: 'Article details',
      32: 'Related articles',
      34: 'Comments widget',
      36: 'Comments widget',
      38: 'Comments widget',
    });
    expect(at(passages, 24)).toMatchObject({ kind: 'paragraph', text: 'Source: OpenAI Blog, Microsoft Blog' });
    expect(passages[0]?.text).toBe('Microsoft and OpenAI End 7-Year Azure Exclusivity in Partnership Overhaul');
  });
});
