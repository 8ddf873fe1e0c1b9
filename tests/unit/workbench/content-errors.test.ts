// Every content mistake an editor makes is reported in the project's format — file:line:column, what is
// wrong, a Fix line — with lines counted in the file, and the rest of the content still checked.
import { describe, expect, it } from 'vitest';
import { parseMdxFile } from '../../../src/lib/citations/parse-mdx.ts';
import { checkContent } from '../../../src/lib/content-check.ts';
import { formatProblem, type ContentProblem } from '../../../src/lib/errors.ts';
import { checkFrontmatter } from '../../../src/lib/frontmatter.ts';
import { copyContent } from '../../support/content-copy.ts';
import { ROOT } from '../../support/paths.ts';

const EXPLAINER = 'content/explainers/x.mdx';
const FRONT = '---\ntitle: T\ndescription: D\norder: 1\n---\n\n';
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
const only = (problems: ContentProblem[]) => {
  expect(problems.map(formatProblem)).toHaveLength(1);
  return problems[0] as ContentProblem;
};

describe('MDX syntax, explained', () => {
  it('a straight quotation mark inside quote="…" names the file, line and column and says to use single quotes', () => {
    const text = `${FRONT}A claim <Cite source="s" quote="they want "long-term clarity" here" />.\n`;
    const p = only(parseMdxFile(text, EXPLAINER).problems);
    expect(p).toMatchObject({ file: EXPLAINER, line: 7 });
    // The column of the quotation mark that ended the value early (just before "long-term").
    expect(p.column).toBe((text.split('\n')[6] as string).indexOf('long-term'));
    expect(p.message).toBe(
      'a quotation mark inside quote="…" ends the attribute early, so MDX cannot read the rest of the <Cite>.',
    );
    expect(p.fix).toContain('quote=\'he said "yes"\'');
    expect(p.fix).toContain('curly quotes');
  });

  it("an apostrophe inside quote='…' points at the apostrophe and says to use double quotes (not single ones)", () => {
    const text = `${FRONT}A claim <Cite source="s" quote='Microsoft's license extends' />.\n`;
    const p = only(parseMdxFile(text, EXPLAINER).problems);
    expect(p).toMatchObject({ line: 7, column: (text.split('\n')[6] as string).indexOf("'s license") + 1 });
    expect(p.message).toBe("an apostrophe inside quote='…' ends the attribute early, so MDX cannot read the rest of the <Cite>.");
    expect(p.fix).toMatch(/^write the quote between double quotes when it contains an apostrophe, quote="Microsoft's license"/u);
    expect(p.fix).toContain('curly ’');
  });

  it('an unclosed tag is reported where it opens', () => {
    const text = `${FRONT}Intro.\n\nA claim with <b>bold words.\n`;
    const p = only(parseMdxFile(text, EXPLAINER).problems);
    expect(formatProblem(p).split('\n')[0]).toBe(`${EXPLAINER}:9:14: the tag <b> is never closed in its paragraph.`);
    expect(p.fix).toMatch(/close it with <\/b>.*write \\</u);
  });

  it('an unclosed <Editorial> says how a block is written', () => {
    const p = only(parseMdxFile(`${FRONT}<Editorial>\n\nA transition.\n`, EXPLAINER).problems);
    expect(p).toMatchObject({ line: 7, column: 1, message: 'the tag <Editorial> is never closed.' });
    expect(p.fix).toContain('each on a line of their own');
  });

  it('a stray brace is read as code: the fix says to escape it', () => {
    const p = only(parseMdxFile(`${FRONT}The {figure is large.\n`, EXPLAINER).problems);
    expect(p).toMatchObject({ line: 7, column: 5 });
    expect(p.message).toMatch(/^MDX reads \{ … \} as code/u);
    expect(p.fix).toContain('\\{');
  });
});

describe('what MDX reads but the site cannot render', () => {
  it('a word in braces is code to MDX: reported where it stands, with how to write braces as text', () => {
    const p = only(parseMdxFile(`${FRONT}One {report} says so <Cite source="s" quote="q" />.\n`, EXPLAINER).problems);
    expect(formatProblem(p).split('\n')[0]).toBe(
      `${EXPLAINER}:7:5: MDX reads {report} as code, which the site does not run: its words would be lost from the page, or stop the build.`,
    );
    expect(p.fix).toContain('\\{ and \\}');
  });

  it('in a timeline summary too, where the words would silently vanish from the page: at its line and column', () => {
    const copy = copyContent('timeline-braces');
    copy.edit('content/timeline.yaml', (t) => t.replace('A third calls the partnership', 'A third {calls} the partnership'));
    const lines = checkContent(ROOT, copy.env).problems.map((p) => formatProblem(p).split('\n')[0]);
    const line = copy.lineOf('content/timeline.yaml', '{calls}');
    const column = copy.read('content/timeline.yaml').split('\n')[line - 1]!.indexOf('{calls}') + 1;
    expect(lines).toEqual([
      `${copy.rel}/content/timeline.yaml:${line}:${column}: the summary of event "2019": MDX reads {calls} as code, which the site does not run: its words would be lost from the page, or stop the build.`,
    ]);
  });

  it('an MDX comment is a note for editors, and allowed; code between two comments is not', () => {
    expect(parseMdxFile(`${FRONT}A claim {/* check this */} <Cite source="s" quote="q" />.\n`, EXPLAINER).problems).toEqual([]);
    expect(parseMdxFile(`${FRONT}A claim {/* a */ /* b */} <Cite source="s" quote="q" />.\n`, EXPLAINER).problems).toEqual([]);
    expect(
      only(parseMdxFile(`${FRONT}A claim {/* one */ x /* two */} <Cite source="s" quote="q" />.\n`, EXPLAINER).problems)
        .message,
    ).toMatch(/^MDX reads \{\/\* one \*\/ x \/\* two \*\/\} as code/u);
  });

  it('a misspelt component is named, with the one meant; one with no near name lists those there are', () => {
    const near = only(parseMdxFile(`${FRONT}A claim <Cit source="s" quote="q" />.\n`, EXPLAINER).problems);
    expect(near).toMatchObject({ line: 7, column: 9, message: 'there is no component <Cit>; did you mean <Cite>?' });
    expect(near.fix).toMatch(/^write <Cite>\. The components here are <Cite>, <Count>, <Editorial>, <Inference>, <TimelineEvents>\.$/u);
    const far = only(parseMdxFile(`---\ntitle: T\ndescription: D\n---\n\nA chart: <BarChart />\n`, 'content/pages/x.mdx').problems);
    expect(far.message).toBe('there is no component <BarChart>.');
    // A page is not an explainer: no timeline there.
    expect(far.fix).toBe('use one of <Cite>, <Count>, <Editorial>, <Inference>, or write \\< if the < is text.');
  });

  it('HTML elements are not components: <b> and <br /> pass', () => {
    expect(parseMdxFile(`${FRONT}A <b>bold</b> claim<br /> <Cite source="s" quote="q" />.\n`, EXPLAINER).problems).toEqual([]);
  });
});

describe('frontmatter, with lines counted in the file', () => {
  it('a missing closing --- is reported as such, not as an uncited paragraph', () => {
    const text = '---\ntitle: T\ndescription: D\norder: 1\n\nThe body starts here.\n';
    const { problems, tree } = parseMdxFile(text, EXPLAINER);
    expect(tree).toBeUndefined();
    expect(problems.map((p) => formatProblem(p).split('\n')[0])).toEqual([
      `${EXPLAINER}:1:1: the frontmatter opened by \`---\` on line 1 is never closed, so the whole file would be read as frontmatter.`,
    ]);
    expect(problems[0]?.fix).toBe('add a line `---` after the last field (before line 6).');
  });

  it('a YAML mistake is reported at its line in the file (not in the frontmatter)', () => {
    const text = '---\ntitle: T\ndescription: D\norder: 1\nsee: [unclosed\n---\n\nBody.\n';
    const p = only(checkFrontmatter(text, EXPLAINER, { explainer: true }).problems);
    expect(p.line).toBeGreaterThanOrEqual(lineOf(text, 'see:'));
    expect(p.line).toBeLessThanOrEqual(lineOf(text, 'see:') + 1);
    expect(p.message).toMatch(/^the frontmatter is not valid YAML: /u);
  });

  it('a colon inside an unquoted title says to quote it', () => {
    const text = '---\ntitle: Azure: what changed\ndescription: D\norder: 1\n---\n';
    const p = only(checkFrontmatter(text, EXPLAINER, { explainer: true }).problems);
    expect(p).toMatchObject({ file: EXPLAINER, line: 2, column: 8 });
    expect(p.fix).toContain('title: "Azure: what changed"');
  });

  it('missing and invalid fields: which, where, and what to write', () => {
    const text = `---\ntitle: T\ndescription: ${'x'.repeat(201)}\norder: first\n---\n`;
    const problems = checkFrontmatter(text, EXPLAINER, { explainer: true }).problems.map(formatProblem);
    expect(problems).toEqual([
      `${EXPLAINER}:3:1: \`description\` is 201 characters long; at most 200 are allowed.\n  Fix: shorten it to one sentence: search results and link previews cut it off.`,
      `${EXPLAINER}:4:1: \`order\` must be a whole number.\n  Fix: write the explainer’s place in the list as a number, e.g. order: 3.`,
    ]);
    const missing = checkFrontmatter('---\ntitle: T\n---\n', EXPLAINER, { explainer: true }).problems;
    expect(missing.map((p) => [p.line, p.message])).toEqual([
      [3, 'the frontmatter is missing `description`.'],
      [3, 'the frontmatter is missing `order`.'],
    ]);
    // Pages (About, home) have no place in the list of explainers.
    expect(
      checkFrontmatter('---\ntitle: T\ndescription: D\n---\n', 'content/pages/a.mdx', { explainer: false }).problems,
    ).toEqual([]);
  });

  it('an unknown or misspelt field is reported at its line, not ignored; a hand-written date says where dates come from', () => {
    const text = '---\ntitle: T\ndescription: D\norder: 1\nupdated: 2026-05-01\ndescripton: typo\n---\n\nText.\n';
    const explainer = checkFrontmatter(text, EXPLAINER, { explainer: true }).problems.map(formatProblem);
    expect(explainer).toEqual([
      `${EXPLAINER}:5:1: unknown field \`updated\` in the frontmatter.\n  Fix: remove it: the "Last updated" date is the date of the last commit that changed the file, never written by hand.`,
      `${EXPLAINER}:6:1: unknown field \`descripton\` in the frontmatter; did you mean \`description\`?\n  Fix: write \`description:\`, or remove it; the fields are \`title\`, \`description\`, \`order\`.`,
    ]);
    const page = checkFrontmatter('---\ntitle: T\ndescription: D\norder: 1\n---\n', 'content/pages/x.mdx', { explainer: false });
    expect(page.problems.map((p) => [p.line, p.message])).toEqual([
      [4, '`order` is only for explainers: a page is not in the list of explainers.'],
    ]);
  });

  it('a file without frontmatter shows the frontmatter to write', () => {
    const p = only(checkFrontmatter('Just a body.\n', EXPLAINER, { explainer: true }).problems);
    expect(p).toMatchObject({ line: 1, column: 1 });
    expect(p.fix).toContain('title: The end of exclusivity');
  });

  it('every real explainer and page passes', () => {
    const check = checkContent(ROOT, {});
    expect(check.problems.map(formatProblem)).toEqual([]);
  });
});

describe('checkContent on a broken copy of the site: every problem at once, each with file:line:column', () => {
  const copy = copyContent('content-errors');
  const exclusivity = 'content/explainers/exclusivity.mdx';
  copy.edit(exclusivity, (t) =>
    t.replace(
      '<Cite source="azure-exclusivity-ends" quote="converts from exclusive to non-exclusive" />',
      '<Cite source="azure-exclusivity-ends" quote="the new terms provide "long-term clarity"" />',
    ),
  );
  copy.edit('content/explainers/financial-terms.mdx', (t) => t.replace(/^order: 2$/mu, 'order: 2\nsee: [x'));
  copy.edit('content/explainers/timeline.mdx', (t) => t.replace(/^---\n\n/mu, '\n'));
  copy.edit('content/claims.yaml', (t) => t.replace('- id: license-term\n', '- id: license-term\n  bogus: [1\n'));
  copy.edit('content/timeline.yaml', (t) =>
    t.replace('  label: October 2025\n', '  label: October 2025\n  colour: red\n'),
  );
  copy.edit('content/sources.yaml', (t) =>
    t.replace('  byline: Insights AI\n', '  byline: Insights AI\n  byline: Twice\n'),
  );
  const check = checkContent(ROOT, copy.env);
  const lines = check.problems.map((p) => formatProblem(p).split('\n')[0] as string);
  const at = (file: string, needle: string) => `${copy.rel}/${file}:${lineOf(copy.read(file), needle)}`;

  it('the seeds metadata: a duplicate key, at its line (citations wait until it is fixed)', () => {
    expect(lines).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^${at('content/sources.yaml', 'byline: Twice')}:3: the YAML cannot be read: Map keys must be unique`,
          'u',
        ),
      ),
    );
  });

  it('the explainers: straight quotes, broken frontmatter YAML, a missing fence', () => {
    expect(
      lines.some(
        (l) =>
          l.startsWith(`${at(exclusivity, 'long-term clarity')}:`) && l.includes('a quotation mark inside quote="…"'),
      ),
    ).toBe(true);
    expect(
      lines.some(
        (l) =>
          l.startsWith(`${copy.rel}/content/explainers/financial-terms.mdx:`) &&
          l.includes('the frontmatter is not valid YAML'),
      ),
    ).toBe(true);
    expect(lines).toContain(
      `${copy.rel}/content/explainers/timeline.mdx:1:1: the frontmatter opened by \`---\` on line 1 is never closed, so the whole file would be read as frontmatter.`,
    );
    // Not "this paragraph has no citation: title: …".
    expect(lines.filter((l) => l.includes('has no citation'))).toEqual([]);
  });

  it('nothing is a stack trace, and every problem has a Fix', () => {
    for (const problem of check.problems) {
      expect(problem.fix.trim()).not.toBe('');
      expect(formatProblem(problem)).not.toMatch(/node_modules|\n\s+at /u);
    }
  });

  it('once the metadata is fixed, the ledger and the timeline are checked too, at their lines', () => {
    copy.edit('content/sources.yaml', (t) => t.replace('  byline: Twice\n', ''));
    const again = checkContent(ROOT, copy.env).problems.map((p) => formatProblem(p).split('\n')[0]);
    expect(again).toContain(
      `${at('content/claims.yaml', 'bogus: [1')}:10: the YAML cannot be read: Flow sequence in block collection must be sufficiently indented and end with a ]`,
    );
    expect(again).toContain(
      `${at('content/timeline.yaml', 'colour: red')}: unknown field \`colour\` in this event entry.`,
    );
    // The unreadable ledger hides no other problem, and invents none (its claims' links are not "missing").
    expect(again.filter((l) => l?.includes('goes to claim'))).toEqual([]);
    expect(again.filter((l) => l?.includes('there is no claim'))).toEqual([]);
  });
});

describe('one mistake in the ledger is one problem, not one per reference to the claims it hides', () => {
  it.for([
    ['a status misspelt', 'status', (t: string) => t.replace(/(- id: license-term\n[\s\S]*?status: )states/u, '$1stated')],
    ['straight quotes inside a double-quoted quote', 'quotes', (t: string) => t.replace('quote: "a license to OpenAI IP', 'quote: "a "license" to OpenAI IP')],
  ] as const)('%s', ([, name, change]) => {
    const copy = copyContent(`ledger-one-problem-${name}`);
    copy.edit('content/claims.yaml', change);
    const problems = checkContent(ROOT, copy.env).problems.map((p) => formatProblem(p).split('\n')[0]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${copy.rel}/content/claims\\.yaml:\\d+`, 'u'));
  });

  it('but a link to a claim that is not in the file at all is still reported while another claim is broken', () => {
    const copy = copyContent('ledger-one-problem-and-a-link');
    copy.edit('content/claims.yaml', (t) => t.replace(/(- id: license-term\n[\s\S]*?status: )states/u, '$1stated'));
    copy.edit('content/pages/about.mdx', (t) => `${t.trimEnd()}\n\nSee [the claim](/claims/#no-such-claim).\n`);
    const problems = checkContent(ROOT, copy.env).problems.map((p) => formatProblem(p).split('\n')[0]);
    expect(problems).toHaveLength(2);
    expect(problems.filter((l) => l?.includes('#no-such-claim'))).toHaveLength(1);
  });
});
