import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { datetimeOf, parseTimeline } from '../../../src/lib/timeline.ts';
import { REPO } from './support.ts';

const FILE = 'content/timeline.yaml';

describe('parseTimeline on the real content/timeline.yaml', () => {
  const text = readFileSync(join(REPO, FILE), 'utf8');
  const lines = text.split('\n');
  const { events, problems } = parseTimeline(text, FILE);

  it('has no problems', () => {
    expect(problems).toEqual([]);
  });

  it('returns every event, in the order of the file', () => {
    const ids = lines.flatMap((l) => /^- id: "?([^"]+)"?$/u.exec(l)?.[1] ?? []);
    expect(ids.length).toBeGreaterThan(5);
    expect(events.map((e) => e.event.id)).toEqual(ids);
  });

  it('gives each event the line of its entry', () => {
    for (const e of events) expect(lines[e.line - 1]).toBe(`- id: "${e.event.id}"`);
  });

  it('keeps the events in chronological order', () => {
    const dates = events.map((e) => e.event.date);
    for (let i = 1; i < dates.length; i++) {
      const [earlier, later] = [dates[i - 1] as string, dates[i] as string];
      expect(later >= earlier.slice(0, later.length), `${later} after ${earlier}`).toBe(true);
    }
  });

  it('gives each event at least one citation, with the line of its quote', () => {
    for (const e of events) {
      expect(e.citations.length).toBeGreaterThanOrEqual(1);
      e.event.citations.forEach((c, i) => {
        const request = e.citations[i];
        expect(request).toEqual({ source: c.source, quote: c.quote, file: FILE, line: request?.line, column: 1 });
        expect(lines[(request?.line as number) - 1]).toMatch(/^\s+quote: /u);
        expect(lines[(request?.line as number) - 1]).toContain(c.quote);
        expect(lines[(request?.line as number) - 2]).toContain(`source: ${c.source}`);
      });
    }
    const quoteLines = lines.flatMap((l, i) => (/^\s+quote: /u.test(l) ? [i + 1] : []));
    expect(events.flatMap((e) => e.citations.map((c) => c.line))).toEqual(quoteLines);
  });

  it('knows the first event', () => {
    expect(events[0]?.event).toMatchObject({ id: '2019', date: '2019', label: '2019', approximate: false });
    expect(events[0]?.citations[0]).toEqual({
      source: 'azure-exclusivity-ends',
      quote: 'since the original $1 billion investment in 2019',
      file: FILE,
      line: 16,
      column: 1,
    });
  });

  it('uses the partial ISO date as the datetime', () => {
    expect(datetimeOf('2025-10')).toBe('2025-10');
  });
});

interface EventFields {
  id?: string;
  date?: string;
  label?: string;
  approximate?: string;
  title?: string;
  summary?: string;
  extra?: string;
  citations?: string[] | 'none';
}

/** One event as YAML, 7 + 2 × citations lines. */
function event(fields: EventFields = {}): string {
  const f = {
    id: '"2026-01"',
    date: '"2026-01"',
    label: 'January 2026',
    approximate: 'false',
    title: 'A title',
    summary: 'A summary.',
    ...fields,
  };
  const out = [`- id: ${f.id}`];
  for (const key of ['date', 'label', 'approximate', 'title', 'summary'] as const) {
    if (f[key] !== '') out.push(`  ${key}: ${f[key]}`);
  }
  if (f.extra) out.push(`  ${f.extra}`);
  const citations = f.citations ?? ['the words'];
  if (citations === 'none') out.push('  citations: []');
  else {
    out.push('  citations:');
    for (const quote of citations) out.push('    - source: some-source', `      quote: "${quote}"`);
  }
  return out.join('\n');
}

const parse = (...events: string[]) => parseTimeline(`${events.join('\n\n')}\n`, FILE);

describe('parseTimeline: valid input', () => {
  it('parses events and their citations with lines', () => {
    const { events, problems } = parse(
      event({ citations: ['one', 'two'] }),
      event({ id: '"2026-02"', date: '"2026-02-28"' }),
    );
    expect(problems).toEqual([]);
    expect(events.map((e) => [e.event.id, e.line])).toEqual([
      ['2026-01', 1],
      ['2026-02', 13],
    ]);
    expect(events[0]?.citations.map((c) => [c.quote, c.line])).toEqual([
      ['one', 9],
      ['two', 11],
    ]);
    expect(events[1]?.citations.map((c) => c.line)).toEqual([21]);
  });

  it('accepts an empty file', () => {
    expect(parseTimeline('', FILE)).toEqual({ events: [], problems: [] });
    expect(parseTimeline('# only a comment\n', FILE)).toEqual({ events: [], problems: [] });
  });

  it('accepts a year, a month and a day, a leap day, and several events on one date', () => {
    const { problems } = parse(
      event({ id: '"2024"', date: '"2024"' }),
      event({ id: '"2024-02-29"', date: '"2024-02-29"' }),
      event({ id: '"2024-02-29-b"', date: '"2024-02-29"' }),
      event({ id: '"2024-03"', date: '"2024-03"' }),
    );
    expect(problems).toEqual([]);
  });

  it('accepts a less precise date after a more precise one in the same period', () => {
    expect(parse(event({ id: 'a', date: '"2026-03-15"' }), event({ id: 'b', date: '"2026-03"' })).problems).toEqual([]);
    expect(parse(event({ id: 'a', date: '"2026-03"' }), event({ id: 'b', date: '"2026"' })).problems).toEqual([]);
  });
});

describe('parseTimeline: problems', () => {
  it('reports a missing field at the entry, with a fix for that field', () => {
    const { events, problems } = parse(event(), event({ id: '"2026-02"', date: '"2026-02"', title: '' }));
    expect(events.map((e) => e.event.id)).toEqual(['2026-01']);
    expect(problems).toEqual([
      {
        file: FILE,
        line: 11,
        message: 'this event entry is missing `title`.',
        fix: 'give the event a short title in your own words.',
      },
    ]);
  });

  it('reports an unknown field', () => {
    const { problems } = parse(event({ extra: 'colour: red' }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: FILE, line: 7, message: 'unknown field `colour` in this event entry.' });
    expect(problems[0]?.fix).toMatch(/remove it or correct its spelling \(the fields are: id, date, label/u);
  });

  it('reports an unknown field in a citation at the citation', () => {
    const text = `${event()}\n      page: 3\n`;
    const { problems } = parseTimeline(text, FILE);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 10, message: 'unknown field `page` in this event entry.' });
  });

  it('reports a bad id at its line', () => {
    const { problems } = parse(event({ id: 'Bad_Id' }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: FILE, line: 1 });
    expect(problems[0]?.message).toContain('`id`');
    expect(problems[0]?.message).toContain('lowercase letters, digits and hyphens');
    expect(problems[0]?.fix).toContain('unique anchor id');
  });

  it('reports a month that does not exist at the date’s line', () => {
    const { events, problems } = parse(event({ date: '"2026-13"' }));
    expect(events).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: FILE, line: 2 });
    expect(problems[0]?.message).toBe('`date` must be YYYY, YYYY-MM or YYYY-MM-DD.');
    expect(problems[0]?.fix).toContain('"2025-10"');
  });

  it('reports a date written in another form', () => {
    for (const date of ['"26-01"', '"2026/01"', '"January 2026"', '"2026-1"', '"2026-01-32"']) {
      const { problems } = parse(event({ date }));
      expect(
        problems.map((p) => p.message),
        date,
      ).toEqual(['`date` must be YYYY, YYYY-MM or YYYY-MM-DD.']);
    }
  });

  it('reports a day that does not exist in its month', () => {
    for (const date of ['2026-02-30', '2026-02-29', '2026-04-31']) {
      const { problems } = parse(event({ date: `"${date}"` }));
      expect(problems, date).toEqual([
        { file: FILE, line: 2, message: `date "${date}" does not exist.`, fix: 'correct the date.' },
      ]);
    }
  });

  it('reports a duplicate id at the second entry, naming the first line', () => {
    const { problems } = parse(event(), event({ date: '"2026-02"' }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      file: FILE,
      line: 11,
      message: 'event id "2026-01" is already used at line 1.',
    });
    expect(problems[0]?.fix).toContain('own id');
  });

  it('reports an event earlier than the one before it', () => {
    const { problems } = parse(
      event({ id: 'march', date: '"2026-03"' }),
      event({ id: 'february', date: '"2026-02-10"' }),
      event({ id: 'april', date: '"2026-04"' }),
      event({ id: 'last-year', date: '"2025"' }),
    );
    expect(problems).toEqual([
      {
        file: FILE,
        line: 12,
        message: 'event "february" (2026-02-10) comes after "march" (2026-03) but is earlier.',
        fix: 'keep the events in chronological order, oldest first.',
      },
      {
        file: FILE,
        line: 32,
        message: 'event "last-year" (2025) comes after "april" (2026-04) but is earlier.',
        fix: 'keep the events in chronological order, oldest first.',
      },
    ]);
  });

  it('reports an event with no citations at its citations line', () => {
    const { events, problems } = parse(event({ citations: 'none' }));
    expect(events).toEqual([]);
    expect(problems).toEqual([
      {
        file: FILE,
        line: 7,
        message: '`citations` must have at least one citation.',
        fix: 'add at least one citation, as `- source: <slug>` with `quote: "<exact words>"` below it.',
      },
    ]);
  });

  it('reports YAML that is not a list', () => {
    const { events, problems } = parseTimeline('id: "2026-01"\ndate: "2026-01"\n', FILE);
    expect(events).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: FILE, line: 1 });
    expect(problems[0]?.message).toBe('the file must be a list of events (each entry starting with "- ").');
    expect(problems[0]?.fix).toBeTruthy();
  });

  it('reports YAML that cannot be read, with its line', () => {
    const { events, problems } = parseTimeline(`${event()}\n- id: "x"\n  date: "2026-02\n`, FILE);
    expect(events).toEqual([]);
    expect(problems.length).toBeGreaterThanOrEqual(1);
    expect(problems[0]?.message).toMatch(/^the YAML cannot be read: /u);
    expect(problems[0]?.line).toBeGreaterThanOrEqual(10);
  });

  it('reports a repeated key', () => {
    const { problems } = parseTimeline(`${event()}\n  title: Again\n`, FILE);
    expect(problems.map((p) => p.message.startsWith('the YAML cannot be read'))).toEqual([true]);
  });

  it('reports every problem of every entry at once, in file order', () => {
    const { problems } = parse(
      event({ id: 'Bad' }),
      event({ id: 'ok', date: '"2026-02"', extra: 'colour: red' }),
      event({ id: 'late', date: '"2026-02-30"' }),
    );
    expect(problems.map((p) => p.line)).toEqual([1, 17, 23]); // each at its own field; the second entry has one line more
  });
});
