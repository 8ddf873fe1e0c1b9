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

  it('gives each event a summary that cites inline, and knows where each character of it stands', () => {
    for (const e of events) {
      expect(e.event.summary).toContain('<Cite ');
      const at = e.summaryPosition(e.event.summary.indexOf('<Cite '));
      expect(lines[at.line - 1]?.slice(at.column - 1).startsWith('<Cite ')).toBe(true);
    }
  });

  it('knows the first event', () => {
    expect(events[0]?.event).toMatchObject({ id: '2019', date: '2019', label: '2019', approximate: false });
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
}

/** One event as YAML, one line per field. */
function event(fields: EventFields = {}): string {
  const f = {
    id: '"2026-01"',
    date: '"2026-01"',
    label: 'January 2026',
    approximate: 'false',
    title: 'A title',
    summary: '\'A summary <Cite source="some-source" quote="the words" />.\'',
    ...fields,
  };
  const out = [`- id: ${f.id}`];
  for (const key of ['date', 'label', 'approximate', 'title', 'summary'] as const) {
    if (f[key] !== '') out.push(`  ${key}: ${f[key]}`);
  }
  if (f.extra) out.push(`  ${f.extra}`);
  return out.join('\n');
}

const parse = (...events: string[]) => parseTimeline(`${events.join('\n\n')}\n`, FILE);

describe('parseTimeline: valid input', () => {
  it('parses events with their lines', () => {
    const { events, problems } = parse(event(), event({ id: '"2026-02"', date: '"2026-02-28"' }));
    expect(problems).toEqual([]);
    expect(events.map((e) => [e.event.id, e.line, e.dateLine, e.titleLine])).toEqual([
      ['2026-01', 1, 2, 5],
      ['2026-02', 8, 9, 12],
    ]);
  });

  it('maps a character of a folded summary to its line and column in the file', () => {
    const text = [
      '- id: "2026-01"',
      '  date: "2026-01"',
      '  label: January 2026',
      '  approximate: false',
      '  title: A title',
      '  summary: >-',
      '    First line of the summary',
      '    <Cite source="s" quote="q" />, and the end.',
      '',
    ].join('\n');
    const [e] = parseTimeline(text, FILE).events;
    const summary = e?.event.summary ?? '';
    expect(summary).toBe('First line of the summary <Cite source="s" quote="q" />, and the end.');
    expect(e?.summaryPosition(0)).toEqual({ line: 7, column: 5 });
    expect(e?.summaryPosition(summary.indexOf('<Cite'))).toEqual({ line: 8, column: 5 });
    expect(e?.summaryPosition(summary.indexOf('the end'))).toEqual({ line: 8, column: 40 });
  });

  it('maps a character of a quoted one-line summary past its opening quote', () => {
    const [e] = parse(event({ summary: "\"Said <Cite source='s' quote='q' />.\"" })).events;
    expect(e?.summaryPosition(0)).toEqual({ line: 6, column: 13 });
    expect(e?.summaryPosition(5)).toEqual({ line: 6, column: 18 });
  });

  it('takes yearInferred, and nothing it does not know', () => {
    const { events, problems } = parse(event({ extra: 'yearInferred: true' }));
    expect(problems).toEqual([]);
    expect(events[0]?.event.yearInferred).toBe(true);
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
        line: 8,
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

  it('says where citations go now when an event still lists them apart', () => {
    const text = `${event()}\n  citations:\n    - source: s\n      quote: "q"\n`;
    const { problems } = parseTimeline(text, FILE);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 7, message: 'unknown field `citations` in this event entry.' });
    expect(problems[0]?.fix).toMatch(/inline in the summary.*<Cite source="…" quote="…" \/>.*remove `citations:`/u);
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
      line: 8,
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
        line: 9,
        message: 'event "february" (2026-02-10) comes after "march" (2026-03) but is earlier.',
        fix: 'keep the events in chronological order, oldest first.',
      },
      {
        file: FILE,
        line: 23,
        message: 'event "last-year" (2025) comes after "april" (2026-04) but is earlier.',
        fix: 'keep the events in chronological order, oldest first.',
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
    expect(problems[0]?.line).toBeGreaterThanOrEqual(7);
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
    expect(problems.map((p) => p.line)).toEqual([1, 14, 17]); // each at its own field; the second entry has one line more
  });
});
