import { describe, expect, it } from 'vitest';
import { buildCorpus, type CorpusInput } from '../../../src/lib/citations/corpus.ts';
import { ACME, GLOBEX, INITECH, testSources } from './support.ts';

// Acme: "Acme said on Monday that it “will not renew” the deal — a move analysts called ‘bold’."
//       "The deal runs to 2030. Analysts said the deal was bold."
//       "The deal runs to 2030 and includes a non-exclusive license."
// Globex: "Globex will move half of its workloads to a second provider by 2027."
// Initech: "Initech reported revenue of $3 billion for the quarter."
const sources = testSources();
const FILE = 'content/explainers/x.mdx';
const cite = (source: string, quote: string) => `<Cite source="${source}" quote="${quote}" />`;
const RENEW = cite(ACME, 'will not renew');
const REVENUE = cite(INITECH, 'revenue of $3 billion');
const MOVE = cite(GLOBEX, 'half of its workloads');

const LEDGER = [
  '- id: renewal',
  '  claim: Acme will not renew the deal.',
  '  sources:',
  `    ${ACME}:`,
  '      status: states',
  '      quote: "will not renew"',
  `    ${GLOBEX}:`,
  '      status: silent',
  `    ${INITECH}:`,
  '      status: silent',
  '',
  '- id: revenue',
  '  claim: Initech made $3 billion.',
  '  figures: ["$3 billion"]',
  '  sources:',
  `    ${ACME}:`,
  '      status: silent',
  `    ${GLOBEX}:`,
  '      status: silent',
  `    ${INITECH}:`,
  '      status: states',
  '      quote: "revenue of $3 billion"',
  '',
].join('\n');

// An explainer needs its frontmatter: the tests write only the text after it, and read lines counted in that text.
const FRONTMATTER = '---\ntitle: T\ndescription: D.\norder: 1\n---\n';
const FRONTMATTER_LINES = 5;

function problems(text: string, extra: Partial<CorpusInput> = {}) {
  const own = text.startsWith('---\n');
  return buildCorpus({
    sources,
    pages: [{ file: FILE, text: own ? text : FRONTMATTER + text }],
    claims: { file: 'content/claims.yaml', text: LEDGER },
    ...extra,
  }).problems.map((p) => {
    const line = p.file === FILE && !own && p.line !== undefined ? p.line - FRONTMATTER_LINES : p.line;
    return { at: `${p.file}:${line}:${p.column}`, message: p.message, fix: p.fix };
  });
}

describe('every figure of a sentence is in a passage it cites', () => {
  it('passes figures the cited passage states, however they are written', () => {
    expect(problems(`Initech made $3 billion ${REVENUE}. It made $3B ${REVENUE}.\n`)).toEqual([]);
  });

  it('reads the whole passage, not only the quoted words', () => {
    expect(problems(`Initech made $3 billion that quarter ${cite(INITECH, 'Initech reported revenue')}.\n`)).toEqual(
      [],
    );
  });

  it('stops at an amount, a date or a weekday that the cited passages do not state', () => {
    const found = problems(
      [
        `Initech made $4 billion ${REVENUE}.`,
        '',
        `Acme renewed nothing in March 2026 ${RENEW}.`,
        '',
        `Globex moved on a Tuesday ${MOVE}.`,
        '',
      ].join('\n'),
    );
    expect(found.map((p) => [p.at, p.message.split(' (')[0]])).toEqual([
      [`${FILE}:1:1`, '"$4 billion"'],
      [`${FILE}:3:1`, '"March 2026"'],
      [`${FILE}:5:1`, '"Tuesday"'],
    ]);
    expect(found[0]?.message).toContain(`is not in the passage this sentence cites (¶ 2 of "${INITECH}")`);
    expect(found[0]?.message).toContain('"Initech made $4 billion."');
  });

  it('names the passage of the same source that does state the figure', () => {
    const [problem] = problems(`Acme will not renew, and the deal runs to 2030 ${RENEW}.\n`);
    expect(problem?.message).toContain('"2030"');
    expect(problem?.fix).toMatch(/^the source states it in ¶ 3 \("The deal runs to 2030\. Analysts said/u);
  });

  it('does not look for figures inside <Inference>, and stops at one outside it', () => {
    expect(
      problems(
        `Acme spoke <Cite source="${ACME}" quote="Acme said on Monday" />. <Inference>That was early in 2026 ${RENEW}.</Inference>\n`,
      ),
    ).toEqual([]);
  });

  it('counts the passages of the ledger row a sentence counts or links to', () => {
    expect(problems('It made $3 billion, [see the row](/claims/#revenue).\n')).toEqual([]);
    expect(problems('It made $5 billion, [see the row](/claims/#revenue).\n').map((p) => p.message)).toEqual([
      expect.stringMatching(
        /^"\$5 billion" \(\$5,000,000,000\) is not in the passages this sentence cites \(through the ledger\)/u,
      ),
    ]);
  });
});

describe('counts and links agree with the ledger', () => {
  const count = '<Count claim="renewal" one="report says" other="reports say" />';

  it('accepts a count whose sentence cites only sources it counts', () => {
    expect(problems(`${count} so ${RENEW}.\n`)).toEqual([]);
  });

  it('stops when a counting sentence also cites a source the ledger marks otherwise', () => {
    const [problem] = problems(`${count} so ${RENEW} ${MOVE}.\n`);
    expect(problem?.message).toBe(
      `this sentence counts the sources that state claim "renewal", but also cites "${GLOBEX}" (silent in the ledger): "<n> so.".`,
    );
  });

  it('stops at a count or a link naming a claim that does not exist, and suggests the nearest', () => {
    const found = problems(`<Count claim="renewals" /> say so ${RENEW}. See [it](/claims/#revenu) ${REVENUE}.\n`);
    expect(found.map((p) => p.message)).toEqual([
      'there is no claim "renewals" in the claims ledger. Did you mean "renewal"?',
      'there is no claim "revenu" in the claims ledger. Did you mean "revenue"?',
    ]);
  });

  it('stops when a sentence links to a claim and cites a source the ledger says is silent on it', () => {
    const [problem] = problems(`Globex moves [too](/claims/#renewal) ${MOVE}.\n`);
    expect(problem?.message).toContain(
      `links to claim "renewal" and cites "${GLOBEX}", which the ledger says is silent on it`,
    );
  });

  it('stops at a count typed in a page title or description, at its line', () => {
    const text =
      '---\ntitle: What two reports say\ndescription: All five sources.\norder: 1\n---\n\nText ' + RENEW + '.\n';
    expect(problems(text).map((p) => [p.at, p.message])).toEqual([
      [`${FILE}:2:undefined`, 'the title says "two reports", a count of sources typed by hand.'],
      [`${FILE}:3:undefined`, 'the description says "All five sources", a count of sources typed by hand.'],
    ]);
  });
});

describe('the ledger says no more than its passages', () => {
  const ledger = (claim: string, note: string, figures = '') =>
    [
      '- id: renewal',
      `  claim: ${claim}`,
      ...(figures ? [`  figures: ${figures}`] : []),
      '  sources:',
      `    ${ACME}:`,
      '      status: differs',
      '      quote: "will not renew"',
      `      note: ${note}`,
      `    ${GLOBEX}:`,
      '      status: silent',
      `    ${INITECH}:`,
      '      status: silent',
      '',
    ].join('\n');
  const check = (text: string) =>
    buildCorpus({ sources, pages: [], claims: { file: 'content/claims.yaml', text } }).problems.map((p) => [
      p.line,
      p.message,
    ]);

  it('passes a claim, figures and note its passages state', () => {
    expect(check(ledger('Acme will not renew, it said on Monday.', 'Says it on a Monday.', '["Monday"]'))).toEqual([]);
  });

  it('stops at a figure in a claim, the figures list or a note that its passages lack, or a typed count', () => {
    expect(
      check(ledger('Acme will not renew in 2031.', 'Only two reports say it, in May 2026.', '["$9 billion"]')),
    ).toEqual([
      [2, 'claim "renewal": the claim\'s "2031" (2031) is not in any passage the claim quotes.'],
      [3, 'claim "renewal": the figures list\'s "$9 billion" ($9,000,000,000) is not in any passage the claim quotes.'],
      [8, 'claim "renewal": the note says "two reports", a count of sources typed by hand.'],
      [8, 'claim "renewal": the note\'s "May 2026" (May 2026) is not in the passage this cell quotes.'],
    ]);
  });
});

describe('timeline events say no more than their summaries cite', () => {
  const event = (fields: Record<string, string>) =>
    [
      `- id: "${fields['id'] ?? 'e'}"`,
      `  date: "${fields['date'] ?? '2030'}"`,
      `  label: "${fields['label'] ?? '2030'}"`,
      `  approximate: ${fields['approximate'] ?? 'false'}`,
      ...(fields['yearInferred'] ? [`  yearInferred: ${fields['yearInferred']}`] : []),
      `  title: ${fields['title'] ?? 'The deal runs out'}`,
      '  summary: >-',
      `    ${fields['summary'] ?? `The deal runs to 2030 ${cite(ACME, 'The deal runs to 2030 and includes')}.`}`,
      '',
    ].join('\n');
  const check = (...events: string[]) =>
    buildCorpus({
      sources,
      pages: [],
      timeline: { file: 'content/timeline.yaml', text: events.join('\n') },
    }).problems.map((p) => [p.line, p.column, p.message]);

  it('passes an event whose date, label and title its citations state', () => {
    expect(check(event({}))).toEqual([]);
  });

  it('checks the summary sentence by sentence, at its line and column in the timeline file', () => {
    expect(check(event({ summary: `Cited ${RENEW}. Not cited.` }))).toEqual([
      [7, 5 + `Cited ${RENEW}. `.length, 'the summary of event "e": this sentence has no citation: "Not cited.".'],
    ]);
  });

  it('stops at a date, label or title its citations do not state', () => {
    const found = check(event({ date: '2031', label: '2031', title: 'Runs out in 2032' }));
    expect(found.map(([line, , message]) => [line, message])).toEqual([
      [
        1,
        'event "e": the label\'s "2031" is not stated by the passages its summary cites (¶ 4 of "acme-widget-deal"): 2031.',
      ],
      [
        2,
        'event "e": its date 2031 is not stated by the passages its summary cites (¶ 4 of "acme-widget-deal"): 2031 is missing.',
      ],
      [
        5,
        'event "e": the title\'s "2032" (2032) is not in the passages its summary cites (¶ 4 of "acme-widget-deal").',
      ],
    ]);
  });

  it('lets the site infer a year it says it inferred, and place an approximate event it explains', () => {
    expect(check(event({ date: '2031', label: '2031', yearInferred: 'true' }))).toEqual([]);
    const approximate = event({ date: '2031-05', label: 'Spring 2031', approximate: 'true', yearInferred: 'true' });
    expect(check(approximate).map(([, , m]) => m)).toEqual([
      'event "e" is approximate, but its summary does not say how the site placed it.',
    ]);
    const explained = event({
      date: '2031-05',
      label: 'Spring 2031',
      approximate: 'true',
      yearInferred: 'true',
      summary: `The deal runs out ${RENEW}. <Inference>The site places it in the spring ${RENEW}.</Inference>`,
    });
    expect(check(explained)).toEqual([]);
  });
});
