import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContentError, formatProblem, type ContentProblem } from '../../src/lib/errors.ts';
import { parseSourcesMetadata } from '../../src/lib/metadata.ts';
import { REPO, SEEDS_DIR } from './_support/passages.ts';

const FILE = 'content/sources.yaml';

/** A valid entry as YAML lines; `changes` replaces fields (undefined removes one), `extra` appends lines. */
function entry(changes: Record<string, string | undefined> = {}, extra: string[] = []): string[] {
  const fields: Record<string, string | undefined> = {
    seed: '000_aaaa.txt',
    slug: 'bike-share-monopoly-ends',
    title: 'Council ends the bike-share monopoly',
    titleSupplied: 'true',
    publisher: 'not stated',
    byline: 'not stated',
    date: 'not stated',
    ...changes,
  };
  const lines = Object.entries(fields)
    .filter((pair): pair is [string, string] => pair[1] !== undefined)
    .map(([key, value]) => `  ${key}: ${value}`);
  lines[0] = `-${(lines[0] as string).slice(1)}`;
  return [...lines, ...extra];
}

const yaml = (...entries: string[][]): string => entries.map((e) => e.join('\n')).join('\n\n') + '\n';

function parse(text: string) {
  return parseSourcesMetadata(text, FILE);
}

/** Parse, expecting problems; check that each is complete. */
function problemsOf(text: string): ContentProblem[] {
  const { problems } = parse(text);
  expect(problems.length, 'expected at least one problem').toBeGreaterThan(0);
  for (const problem of problems) {
    expect(problem.file).toBe(FILE);
    expect(problem.line, formatProblem(problem)).toBeTypeOf('number');
    expect(problem.line).toBeGreaterThanOrEqual(1);
    expect(problem.line).toBeLessThanOrEqual(text.split('\n').length);
    expect(problem.message.trim(), 'a message').not.toBe('');
    expect(problem.fix.trim(), 'a fix').not.toBe('');
    // A YAML syntax error also names its column.
    const where = problem.column === undefined ? `${problem.line}` : `${problem.line}:${problem.column}`;
    expect(formatProblem(problem)).toBe(`${FILE}:${where}: ${problem.message}\n  Fix: ${problem.fix}`);
  }
  return problems;
}

describe('parseSourcesMetadata: the real content/sources.yaml', () => {
  const text = readFileSync(join(REPO, FILE), 'utf8');
  const { entries, problems } = parse(text);
  const lines = text.split('\n');

  it('parses with no problems', () => {
    expect(problems.map(formatProblem)).toEqual([]);
  });

  it('has one entry for each of the five seeds', () => {
    expect(entries).toHaveLength(5);
    const seeds = readdirSync(SEEDS_DIR)
      .filter((n) => n.endsWith('.txt'))
      .sort();
    expect(entries.map((e) => e.metadata.seed).sort()).toEqual(seeds);
  });

  it('knows the line of each entry', () => {
    for (const { metadata, line } of entries) {
      expect(lines[line - 1]).toBe(`- seed: ${metadata.seed}`);
    }
  });

  it('has unique slugs that are lowercase words joined by hyphens', () => {
    const slugs = entries.map((e) => e.metadata.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const slug of slugs) expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('records seed 004’s byline and both forms of its date', () => {
    const e = entries.find((x) => x.metadata.seed.startsWith('004_'))?.metadata;
    expect(e).toMatchObject({
      byline: 'Insights AI',
      date: 'May 2, 2026',
      dateIso: '2026-05-02',
      titleSupplied: false,
    });
  });
});

describe('parseSourcesMetadata: valid input', () => {
  it('returns each entry with its line and its overrides’ lines', () => {
    const text = yaml(
      entry(),
      entry({ seed: '001_bbbb.txt', slug: 'second', dateIso: '2026-05-02' }, [
        '  overrides:',
        '    - line: "Share: Long"',
        '      kind: paragraph',
        '    - startsWith: "Related"',
        '      kind: furniture',
        '      label: Related links',
      ]),
    );
    const { entries, problems } = parse(text);
    expect(problems).toEqual([]);
    expect(entries.map((e) => e.line)).toEqual([1, 9]);
    expect(entries[0]?.overrideLines).toEqual([]);
    expect(entries[1]?.overrideLines).toEqual([18, 20]);
    expect(entries[1]?.metadata).toEqual({
      seed: '001_bbbb.txt',
      slug: 'second',
      title: 'Council ends the bike-share monopoly',
      titleSupplied: true,
      publisher: 'not stated',
      byline: 'not stated',
      date: 'not stated',
      dateIso: '2026-05-02',
      overrides: [
        { line: 'Share: Long', kind: 'paragraph' },
        { startsWith: 'Related', kind: 'furniture', label: 'Related links' },
      ],
    });
  });

  it('accepts comments and an empty file (no sources curated yet)', () => {
    expect(parse('# nothing yet\n')).toEqual({ entries: [], problems: [] });
    expect(parse('')).toEqual({ entries: [], problems: [] });
  });
});

describe('parseSourcesMetadata: problems name the file, the line and the fix', () => {
  it('a missing field: the entry’s line, the field, and how to fill it in', () => {
    const text = yaml(entry(), entry({ seed: '001_bbbb.txt', slug: 'second', title: undefined }));
    const problems = problemsOf(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 9 });
    expect(problems[0]?.message).toContain('`title`');
    expect(problems[0]?.message).toMatch(/missing/);
    expect(problems[0]?.fix).toContain('title:');
  });

  it.each(['seed', 'slug', 'titleSupplied', 'publisher', 'byline', 'date'])('a missing `%s` is named', (field) => {
    const problems = problemsOf(yaml(entry({ [field]: undefined })));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toContain(`\`${field}\``);
    expect(problems[0]?.fix).toContain(`${field}:`);
  });

  it('an unknown field (a typo) is named, and the fix says to correct its spelling', () => {
    const text = yaml(entry(), entry({ seed: '001_bbbb.txt', slug: 'second', title: undefined, tilte: 'Typo' }));
    const problems = problemsOf(text);
    const unknown = problems.find((p) => p.message.includes('`tilte`'));
    expect(unknown?.message).toMatch(/unknown field/);
    expect(unknown?.fix).toMatch(/spelling/);
    // …and the real field is reported missing.
    expect(problems.some((p) => p.message.includes('missing `title`'))).toBe(true);
  });

  it('an unknown field is reported on the line of that key', () => {
    const text = yaml(entry(), entry({ seed: '001_bbbb.txt', slug: 'second', title: undefined, tilte: 'Typo' }));
    const unknown = problemsOf(text).find((p) => p.message.includes('`tilte`'));
    expect(text.split('\n')[(unknown?.line ?? 0) - 1]).toBe('  tilte: Typo');
  });

  it('a slug that is not lowercase-with-hyphens is reported on the slug’s line', () => {
    const problems = problemsOf(yaml(entry({ slug: 'Azure Exclusivity' })));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.line).toBe(2);
    expect(problems[0]?.message).toContain('slug');
    expect(problems[0]?.fix).toMatch(/lowercase, hyphenated/);
  });

  it.each(['azure_exclusivity', '-leading', 'trailing-', 'double--hyphen', 'Ünïcode', 'with/slash'])(
    'rejects the slug %j',
    (slug) => {
      expect(problemsOf(yaml(entry({ slug: JSON.stringify(slug) })))[0]?.line).toBe(2);
    },
  );

  it('a seed that is not a .txt file name in seeds/ is a problem', () => {
    for (const seed of ['000_aaaa.md', 'seeds/000_aaaa.txt', '../000_aaaa.txt']) {
      const problems = problemsOf(yaml(entry({ seed })));
      expect(problems[0]?.line, seed).toBe(1);
      expect(problems[0]?.message, seed).toContain('seed');
    }
  });

  it('an empty title is a problem', () => {
    const problems = problemsOf(yaml(entry({ title: '"   "' })));
    expect(problems[0]?.line).toBe(3);
    expect(problems[0]?.message).toContain('title');
  });

  it('a duplicate slug names both lines', () => {
    const text = yaml(entry(), entry({ seed: '001_bbbb.txt' }));
    const problems = problemsOf(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.line).toBe(9);
    expect(problems[0]?.message).toContain('bike-share-monopoly-ends');
    expect(problems[0]?.message).toContain('line 1');
    expect(problems[0]?.fix).toMatch(/different slug/);
  });

  it('a duplicate seed names both lines', () => {
    const text = yaml(entry(), entry({ slug: 'another-slug' }));
    const problems = problemsOf(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.line).toBe(9);
    expect(problems[0]?.message).toContain('000_aaaa.txt');
    expect(problems[0]?.message).toContain('line 1');
  });

  it('a third copy is reported against the first', () => {
    const text = yaml(entry(), entry({ seed: '001.txt' }), entry({ seed: '002.txt' }));
    expect(problemsOf(text).map((p) => [p.line, p.message.includes('line 1')])).toEqual([
      [9, true],
      [17, true],
    ]);
  });

  it('a dateIso that is not the stated date is a problem; one that is, or a date stated only in part, is not', () => {
    const wrong = problemsOf(yaml(entry({ date: 'May 2, 2026', dateIso: '2026-05-03' })));
    expect(wrong.map((p) => [p.line, p.message, p.fix])).toEqual([
      [
        1,
        'dateIso 2026-05-03 is not the date the article states (date: May 2, 2026, that is 2026-05-02).',
        'write `dateIso: 2026-05-02`, or correct `date:` to what the article says.',
      ],
    ]);
    for (const date of ['May 2, 2026', '2 May 2026', 'Sat 2 May 2026 (updated)', 'Spring 2026'])
      expect(parse(yaml(entry({ date, dateIso: '2026-05-02' }))).problems, date).toEqual([]);
    expect(problemsOf(yaml(entry({ date: '3 May 2026', dateIso: '2026-05-02' })))).toHaveLength(1);
  });

  it('a YAML syntax error is reported at its line, and nothing else is returned', () => {
    const text = ['- seed: 000_aaaa.txt', '  slug: a', '  title: "unterminated', '  date: x', ''].join('\n');
    const { entries, problems } = parse(text);
    expect(entries).toEqual([]);
    expect(problems.length).toBeGreaterThan(0);
    problemsOf(text);
    expect(problems[0]?.line).toBeGreaterThanOrEqual(3);
    expect(problems[0]?.message).toMatch(/YAML/);
  });

  it('a bad indentation is reported at its line', () => {
    const text = [...entry(), ' bad: indentation', ''].join('\n');
    const problems = problemsOf(text);
    expect(problems[0]?.line).toBe(8);
    expect(problems[0]?.message).toMatch(/^the YAML cannot be read: /);
  });

  it('a value containing ": " without quotes is a YAML error on its line and column', () => {
    const text = yaml(entry({ title: 'Microsoft: the deal: explained' }));
    expect(problemsOf(text)[0]).toMatchObject({ line: 3, column: 10 });
  });

  it('a key given twice in one entry is reported', () => {
    const text = yaml(entry({}, ['  slug: twice']));
    expect(problemsOf(text)[0]?.line).toBe(8);
  });

  it('a root that is not a list is a problem on line 1', () => {
    for (const text of ['seed: 000_aaaa.txt\nslug: a\n', 'just a string\n', '{}\n']) {
      const problems = problemsOf(text);
      expect(problems).toHaveLength(1);
      expect(problems[0]?.line, text).toBe(1);
      expect(problems[0]?.message, text).toMatch(/must be a list/);
    }
  });

  it('a root list after comments is found at its line', () => {
    const text = `# comment\n# another\n${yaml(entry({ slug: 'Bad Slug' }))}`;
    expect(problemsOf(text)[0]?.line).toBe(4);
  });

  it('an override with neither `line` nor `startsWith` is reported on the override’s line', () => {
    const text = yaml(entry({}, ['  overrides:', '    - kind: furniture', '      label: Share widget']));
    const problems = problemsOf(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.line).toBe(9);
    expect(problems[0]?.message).toMatch(/exactly one of `line` or `startsWith`/);
    expect(problems[0]?.fix).toMatch(/kind: heading\|paragraph\|list-item\|furniture/);
  });

  it('an override with both `line` and `startsWith` is a problem', () => {
    const text = yaml(entry({}, ['  overrides:', '    - line: "A"', '      startsWith: "A"', '      kind: heading']));
    expect(problemsOf(text)[0]?.line).toBe(9);
  });

  it('an override with an unknown kind is reported on the kind’s line', () => {
    const text = yaml(entry({}, ['  overrides:', '    - line: "Share: Long"', '      kind: widget']));
    const problems = problemsOf(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.line).toBe(10);
    expect(problems[0]?.message).toContain('overrides.0.kind');
  });

  it('an override with an unknown field is a problem', () => {
    const text = yaml(
      entry({}, ['  overrides:', '    - line: "Share: Long"', '      kind: furniture', '      lable: Share']),
    );
    expect(problemsOf(text)[0]?.message).toMatch(/lable/);
  });

  it('a furniture override may say whether it states facts (`facts: true|false`)', () => {
    const text = yaml(
      entry({}, ['  overrides:', '    - line: "Share: Long"', '      kind: furniture', '      facts: true']),
    );
    const { entries, problems } = parse(text);
    expect(problems).toEqual([]);
    expect(entries[0]?.metadata.overrides).toEqual([{ line: 'Share: Long', kind: 'furniture', facts: true }]);
  });

  it('`facts:` on an override that is not furniture is a problem, on the override’s line', () => {
    const text = yaml(
      entry({}, ['  overrides:', '    - line: "Share: Long"', '      kind: paragraph', '      facts: true']),
    );
    const problems = problemsOf(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.line).toBe(9);
    expect(problems[0]?.message).toMatch(/`facts:`.*`kind: furniture` only/);
  });

  it('`facts:` must be true or false', () => {
    const text = yaml(
      entry({}, ['  overrides:', '    - line: "Share: Long"', '      kind: furniture', '      facts: maybe']),
    );
    expect(problemsOf(text)[0]?.message).toContain('overrides.0.facts');
  });

  it('`overrides` that is not a list is a problem', () => {
    const text = yaml(entry({}, ['  overrides: furniture']));
    expect(problemsOf(text)[0]?.line).toBe(8);
  });

  it.each(['May 2, 2026', '2026-13-01', '2026-02-30', '02/05/2026', '2026-5-2'])(
    '`dateIso: %s` is a problem',
    (date) => {
      const problems = problemsOf(yaml(entry({ dateIso: JSON.stringify(date) })));
      expect(problems).toHaveLength(1);
      expect(problems[0]?.line).toBe(8);
      expect(problems[0]?.message).toContain('dateIso');
      expect(problems[0]?.fix).toContain('YYYY-MM-DD');
    },
  );

  it('`titleSupplied` must be a boolean', () => {
    const problems = problemsOf(yaml(entry({ titleSupplied: '"yes"' })));
    expect(problems[0]?.line).toBe(4);
    expect(problems[0]?.message).toContain('titleSupplied');
  });

  it('a value of the wrong type is not reported as missing', () => {
    const problems = problemsOf(yaml(entry({ titleSupplied: '"yes"' })));
    expect(problems[0]?.message).not.toMatch(/missing/);
  });

  it('a list item that is not a map is a problem on its line', () => {
    const text = `${yaml(entry())}- just a string\n`;
    const problems = problemsOf(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.line).toBe(8);
  });

  it('reports every problem of every entry at once, and still returns the valid entries', () => {
    const text = yaml(
      entry({ slug: 'Bad Slug' }),
      entry({ seed: '001_bbbb.txt', slug: 'good', byline: undefined, dateIso: 'soon' }),
      entry({ seed: '002_cccc.txt', slug: 'fine' }),
    );
    const { entries, problems } = parse(text);
    problemsOf(text);
    expect(problems.map((p) => p.line)).toEqual([2, 9, 15]);
    expect(entries.map((e) => e.metadata.slug)).toEqual(['fine']);
    expect(entries[0]?.line).toBe(17);
  });
});

describe('formatProblem and ContentError', () => {
  it('renders "file:line: message" and an indented Fix line', () => {
    expect(formatProblem({ file: 'seeds/a.txt', line: 3, message: 'it is wrong.', fix: 'fix it.' })).toBe(
      'seeds/a.txt:3: it is wrong.\n  Fix: fix it.',
    );
  });

  it('adds the column after the line, and leaves out what is missing', () => {
    expect(formatProblem({ file: 'a.mdx', line: 3, column: 7, message: 'm.', fix: 'f.' })).toBe(
      'a.mdx:3:7: m.\n  Fix: f.',
    );
    expect(formatProblem({ file: 'a.mdx', message: 'm.', fix: 'f.' })).toBe('a.mdx: m.\n  Fix: f.');
    expect(formatProblem({ file: 'a.mdx', column: 7, message: 'm.', fix: 'f.' })).toBe('a.mdx: m.\n  Fix: f.');
  });

  it('ContentError lists every problem and counts them', () => {
    const problems = problemsOf(yaml(entry({ slug: 'Bad Slug', date: undefined })));
    const error = new ContentError(problems);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ContentError');
    expect(error.problems).toBe(problems);
    expect(error.message).toContain('2 problems');
    for (const p of problems) expect(error.message).toContain(formatProblem(p));
    expect(new ContentError(problems.slice(0, 1)).message).toContain('a problem');
  });
});
