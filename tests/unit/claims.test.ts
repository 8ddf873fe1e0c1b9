import { describe, expect, it } from 'vitest';
import { claimSummary, describeSummary, parseClaims, type Claim } from '../../src/lib/claims.ts';
import { formatProblem } from '../../src/lib/errors.ts';

const FILE = 'content/claims.yaml';
const SLUGS = ['alpha', 'beta', 'gamma'] as const;

/** 1-based line of the first line of `yaml` that contains `needle` (after line `after`). */
function lineOf(yaml: string, needle: string, after = 0): number {
  const lines = yaml.split('\n');
  const i = lines.findIndex((l, n) => n + 1 > after && l.includes(needle));
  if (i < 0) throw new Error(`"${needle}" is not in the YAML`);
  return i + 1;
}

const parse = (yaml: string) => parseClaims(yaml, FILE, SLUGS);

const VALID = `# The ledger.
- id: license-term
  claim: Microsoft keeps a license through 2032.
  figures: ["2032"]
  sources:
    alpha:
      status: states
      quote: "a non-exclusive license that runs through 2032"
    beta:
      status: differs
      quote: "a license to OpenAI's models through 2032"
      note: Speaks of models only.
    gamma:
      status: silent
`;

describe('parseClaims: a valid claim', () => {
  const { claims, problems } = parse(VALID);

  it('has no problems', () => {
    expect(problems).toEqual([]);
  });

  it('keeps the claim as written, with the line where it starts', () => {
    expect(claims).toHaveLength(1);
    const [located] = claims;
    expect(located?.line).toBe(lineOf(VALID, '- id: license-term'));
    expect(located?.claim).toEqual({
      id: 'license-term',
      claim: 'Microsoft keeps a license through 2032.',
      figures: ['2032'],
      sources: {
        alpha: { status: 'states', quote: 'a non-exclusive license that runs through 2032' },
        beta: { status: 'differs', quote: "a license to OpenAI's models through 2032", note: 'Speaks of models only.' },
        gamma: { status: 'silent' },
      },
    });
  });

  it('makes one citation per source that states the claim or states it differently, at the line of its quote', () => {
    expect(claims[0]?.citations).toEqual([
      {
        source: 'alpha',
        quote: 'a non-exclusive license that runs through 2032',
        file: FILE,
        line: lineOf(VALID, 'quote: "a non-exclusive'),
        column: 1,
        status: 'states',
      },
      {
        source: 'beta',
        quote: "a license to OpenAI's models through 2032",
        file: FILE,
        line: lineOf(VALID, 'quote: "a license to OpenAI\'s'),
        column: 1,
        status: 'differs',
        note: 'Speaks of models only.',
        noteLine: 12,
      },
    ]);
  });

  it('cites nothing for a silent source', () => {
    expect(claims[0]?.citations.map((c) => c.source)).not.toContain('gamma');
  });

  it('accepts a claim without figures, and quotes written as flow mappings', () => {
    const yaml = `- id: one
  claim: One.
  sources:
    alpha: { status: states, quote: "first words" }
    beta: { status: silent }
    gamma: { status: states, quote: "other words" }
- id: two
  claim: Two.
  sources:
    alpha: { status: silent }
    beta: { status: silent }
    gamma: { status: differs, quote: "third words", note: Says otherwise. }
`;
    const parsed = parse(yaml);
    expect(parsed.problems).toEqual([]);
    expect(parsed.claims.map((c) => [c.claim.id, c.line])).toEqual([
      ['one', 1],
      ['two', 7],
    ]);
    expect(parsed.claims[0]?.claim.figures).toBeUndefined();
    expect(parsed.claims.map((c) => c.citations.map((x) => [x.source, x.line]))).toEqual([
      [
        ['alpha', 4],
        ['gamma', 6],
      ],
      [['gamma', 12]],
    ]);
  });

  it('reads an empty ledger as no claims and no problems', () => {
    expect(parse('')).toEqual({ claims: [], problems: [], hidden: new Set() });
    expect(parse('# nothing yet\n')).toEqual({ claims: [], problems: [], hidden: new Set() });
  });
});

/** The problems for one broken variant of the valid claim. */
function problemsFor(yaml: string) {
  const { problems } = parse(yaml);
  for (const p of problems) {
    // Every problem names the file and a line, says what is wrong, and what to do.
    expect(p.file).toBe(FILE);
    expect(p.line).toBeGreaterThan(0);
    expect(p.message.length).toBeGreaterThan(10);
    expect(p.fix.length).toBeGreaterThan(10);
  }
  return problems;
}

describe('parseClaims: problems name the file, the line and the fix', () => {
  it('a source missing from `sources` is not an error but "unreviewed", so a new seed never breaks the build', () => {
    const yaml = VALID.replace('    gamma:\n      status: silent\n', '');
    expect(problemsFor(yaml)).toEqual([]);
    const [located] = parse(yaml).claims;
    expect(located?.unreviewed).toEqual(['gamma']);
    expect(located?.citations.map((c) => c.source)).toEqual(['alpha', 'beta']);
    // A claim that covers every source has nothing unreviewed.
    expect(parse(VALID).claims[0]?.unreviewed).toEqual([]);
  });

  it('lists every source a claim leaves out, in the order of the sources', () => {
    const yaml = `- id: lonely
  claim: Only beta is named.
  sources:
    beta: { status: states, quote: "words" }
`;
    expect(problemsFor(yaml)).toEqual([]);
    expect(parse(yaml).claims[0]?.unreviewed).toEqual(['alpha', 'gamma']);
  });

  it('an unknown source slug', () => {
    const yaml = VALID.replace(
      '    gamma:\n      status: silent\n',
      '    gamma:\n      status: silent\n    delta:\n      status: states\n      quote: "x y"\n',
    );
    const problems = problemsFor(yaml);
    expect(problems).toEqual([
      {
        file: FILE,
        line: lineOf(yaml, '    delta:'),
        message: 'claim "license-term", source "delta": there is no such source.',
        fix: 'use one of: alpha, beta, gamma.',
      },
    ]);
    // An unknown source is not cited.
    expect(parse(yaml).claims[0]?.citations.map((c) => c.source)).toEqual(['alpha', 'beta']);
  });

  it('`states` without a quote', () => {
    const yaml = VALID.replace('      quote: "a non-exclusive license that runs through 2032"\n', '');
    const problems = problemsFor(yaml);
    expect(problems).toEqual([
      {
        file: FILE,
        line: lineOf(yaml, '    alpha:'),
        message: 'claim "license-term", source "alpha": a source that states the claim must quote it.',
        fix: 'add `quote:` with the exact words of the passage.',
      },
    ]);
    expect(parse(yaml).claims[0]?.citations.map((c) => c.source)).toEqual(['beta']);
  });

  it('`differs` without a quote', () => {
    const yaml = VALID.replace(`      quote: "a license to OpenAI's models through 2032"\n`, '');
    const problems = problemsFor(yaml);
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [
        lineOf(yaml, '    beta:'),
        'claim "license-term", source "beta": a source that differs on the claim must quote it.',
      ],
    ]);
  });

  it('`differs` without a note', () => {
    const yaml = VALID.replace('      note: Speaks of models only.\n', '');
    const problems = problemsFor(yaml);
    expect(problems).toEqual([
      {
        file: FILE,
        line: lineOf(yaml, '    beta:'),
        message: 'claim "license-term", source "beta": say in a note how the source differs.',
        fix: 'add `note:` with one line in your own words.',
      },
    ]);
  });

  it('`silent` with a quote', () => {
    const yaml = VALID.replace(
      '    gamma:\n      status: silent\n',
      '    gamma:\n      status: silent\n      quote: "some words"\n',
    );
    const problems = problemsFor(yaml);
    expect(problems).toEqual([
      {
        file: FILE,
        line: lineOf(yaml, '    gamma:'),
        message: 'claim "license-term", source "gamma": a silent source has no quote or note.',
        fix: 'remove them, or change the status to states or differs.',
      },
    ]);
    // A silent source is never cited, quote or not.
    expect(parse(yaml).claims[0]?.citations.map((c) => c.source)).toEqual(['alpha', 'beta']);
  });

  it('`silent` with a note', () => {
    const yaml = VALID.replace(
      '    gamma:\n      status: silent\n',
      '    gamma:\n      status: silent\n      note: Never says.\n',
    );
    expect(problemsFor(yaml).map((p) => [p.line, p.message])).toEqual([
      [lineOf(yaml, '    gamma:'), 'claim "license-term", source "gamma": a silent source has no quote or note.'],
    ]);
  });

  it('`states` with a note', () => {
    const yaml = VALID.replace(
      '      quote: "a non-exclusive license that runs through 2032"\n',
      '      quote: "a non-exclusive license that runs through 2032"\n      note: Agrees.\n',
    );
    const problems = problemsFor(yaml);
    expect(problems).toEqual([
      {
        file: FILE,
        line: lineOf(yaml, '    alpha:'),
        message: 'claim "license-term", source "alpha": a note is only for differences.',
        fix: 'remove the note, or change the status to differs.',
      },
    ]);
  });

  it('a duplicate claim id, naming the line where it was first used', () => {
    const second = VALID.replace('# The ledger.\n', '').replace(
      'Microsoft keeps a license through 2032.',
      'Said again.',
    );
    const yaml = `${VALID}${second}`;
    const problems = problemsFor(yaml);
    const first = lineOf(yaml, '- id: license-term');
    const again = lineOf(yaml, '- id: license-term', first);
    expect(again).toBeGreaterThan(first);
    expect(problems).toEqual([
      {
        file: FILE,
        line: again,
        message: `claim id "license-term" is already used at line ${first}.`,
        fix: 'give each claim its own id.',
      },
    ]);
  });

  it.each(['License-Term', 'license_term', 'license term', '-license', 'license--term', 'license-'])(
    'a bad id: "%s"',
    (id) => {
      const yaml = VALID.replace('id: license-term', `id: "${id}"`);
      const problems = problemsFor(yaml);
      expect(problems).toEqual([
        {
          file: FILE,
          line: lineOf(yaml, '- id:'),
          message: '`id` must be lowercase words joined by hyphens, e.g. license-term.',
          fix: 'give the claim a unique id such as license-term; it is its anchor on /claims/.',
        },
      ]);
      // The broken entry is not published.
      expect(parse(yaml).claims).toEqual([]);
    },
  );

  it('an unknown field on the claim, naming the fields there are', () => {
    const yaml = VALID.replace('  figures: ["2032"]\n', '  figures: ["2032"]\n  figure: ["2032"]\n');
    const problems = problemsFor(yaml);
    expect(problems).toEqual([
      {
        file: FILE,
        line: lineOf(yaml, '  figure: ['),
        message: 'unknown field `figure` in this claim entry.',
        fix: 'remove it or correct its spelling (the fields are: id, claim, figures, sources).',
      },
    ]);
  });

  it('an unknown field on a source', () => {
    const yaml = VALID.replace(
      '      note: Speaks of models only.\n',
      '      note: Speaks of models only.\n      qoute: "x"\n',
    );
    const problems = problemsFor(yaml);
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [lineOf(yaml, 'qoute:'), 'unknown field `qoute` in this claim entry.'],
    ]);
  });

  it('a status that is not states, differs or silent', () => {
    const yaml = VALID.replace('      status: silent\n', '      status: unclear\n');
    const problems = problemsFor(yaml);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.line).toBe(lineOf(yaml, 'status: unclear'));
    expect(problems[0]?.message).toMatch(/^`sources\.gamma\.status` is invalid/u);
    expect(problems[0]?.fix).toBe(
      'give every source a status: states (with quote), differs (with quote and note) or silent.',
    );
  });

  it('a claim without its sentence', () => {
    const yaml = VALID.replace('  claim: Microsoft keeps a license through 2032.\n', '');
    expect(problemsFor(yaml).map((p) => [p.line, p.message])).toEqual([
      [lineOf(yaml, '- id: license-term'), 'this claim entry is missing `claim`.'],
    ]);
  });

  it('a file that is not a list', () => {
    expect(problemsFor('id: license-term\nclaim: x\n').map((p) => [p.line, p.message])).toEqual([
      [1, 'the file must be a list of claims (each entry starting with "- ").'],
    ]);
  });

  it('YAML that cannot be read', () => {
    const yaml = `${VALID}- id: second\n  claim: x\n    sources: [\n`;
    const problems = problemsFor(yaml);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]?.message).toMatch(/^the YAML cannot be read: /u);
    expect(parse(yaml).claims).toEqual([]);
  });

  it('reports every problem in the file at once, in a form that reads file:line', () => {
    const yaml = `- id: a
  claim: First.
  sources:
    alpha: { status: states }
    beta: { status: differs, quote: "q" }
    gamma: { status: silent, quote: "q" }
- id: a
  claim: Second.
  sources:
    alpha: { status: states, quote: "q", note: "n" }
    beta: { status: silent }
    gamma: { status: silent }
    zeta: { status: silent }
`;
    const problems = problemsFor(yaml);
    expect(problems.map((p) => formatProblem(p).split('\n')[0])).toEqual([
      'content/claims.yaml:4: claim "a", source "alpha": a source that states the claim must quote it.',
      'content/claims.yaml:5: claim "a", source "beta": say in a note how the source differs.',
      'content/claims.yaml:6: claim "a", source "gamma": a silent source has no quote or note.',
      'content/claims.yaml:7: claim id "a" is already used at line 1.',
      'content/claims.yaml:10: claim "a", source "alpha": a note is only for differences.',
      'content/claims.yaml:13: claim "a", source "zeta": there is no such source.',
    ]);
  });
});

describe('claimSummary', () => {
  const claim = (sources: Claim['sources']): Claim => ({ id: 'x', claim: 'X.', sources });

  it('counts the sources that state, differ and say nothing', () => {
    const { claims } = parse(VALID);
    expect(claimSummary(claims[0]?.claim as Claim)).toEqual({ states: 1, differs: 1, silent: 1, singleSource: false });
  });

  it('flags a claim that rests on one source only, whether it states it or differs', () => {
    expect(
      claimSummary(
        claim({ alpha: { status: 'states', quote: 'q' }, beta: { status: 'silent' }, gamma: { status: 'silent' } }),
      ),
    ).toEqual({ states: 1, differs: 0, silent: 2, singleSource: true });
    expect(
      claimSummary(
        claim({
          alpha: { status: 'silent' },
          beta: { status: 'differs', quote: 'q', note: 'n' },
          gamma: { status: 'silent' },
        }),
      ),
    ).toEqual({ states: 0, differs: 1, silent: 2, singleSource: true });
  });

  it('does not flag a claim that two or more sources speak to', () => {
    expect(
      claimSummary(
        claim({
          alpha: { status: 'states', quote: 'q' },
          beta: { status: 'states', quote: 'r' },
          gamma: { status: 'states', quote: 's' },
        }),
      ),
    ).toEqual({ states: 3, differs: 0, silent: 0, singleSource: false });
    expect(
      claimSummary(
        claim({
          alpha: { status: 'differs', quote: 'q', note: 'n' },
          beta: { status: 'differs', quote: 'r', note: 'm' },
        }),
      ),
    ).toEqual({ states: 0, differs: 2, silent: 0, singleSource: false });
  });

  it('does not call a claim no source speaks to single-source', () => {
    expect(claimSummary(claim({ alpha: { status: 'silent' }, beta: { status: 'silent' } }))).toEqual({
      states: 0,
      differs: 0,
      silent: 2,
      singleSource: false,
    });
  });

  it('adds up to the number of sources listed', () => {
    const sources: Claim['sources'] = {
      a: { status: 'states', quote: 'q' },
      b: { status: 'differs', quote: 'q', note: 'n' },
      c: { status: 'silent' },
      d: { status: 'states', quote: 'q' },
      e: { status: 'silent' },
    };
    const { states, differs, silent } = claimSummary(claim(sources));
    expect([states, differs, silent]).toEqual([2, 1, 2]);
    expect(states + differs + silent).toBe(Object.keys(sources).length);
  });
});

describe('describeSummary', () => {
  it('says how the sources stand in one sentence, with no stray spaces before punctuation', () => {
    expect(describeSummary({ states: 5, differs: 0, silent: 0, singleSource: false })).toBe('5 sources state it.');
    expect(describeSummary({ states: 2, differs: 3, silent: 0, singleSource: false })).toBe(
      '2 sources state it, 3 state it differently.',
    );
    expect(describeSummary({ states: 1, differs: 0, silent: 4, singleSource: true }, 1)).toBe(
      '1 source states it, 4 do not mention it, 1 is not reviewed yet. Only one source reports it.',
    );
    expect(describeSummary({ states: 0, differs: 1, silent: 1, singleSource: true }, 2)).toBe(
      '0 sources state it, 1 states it differently, 1 does not mention it, 2 are not reviewed yet. Only one source reports it.',
    );
  });
});
