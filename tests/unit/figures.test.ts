import { describe, expect, it } from 'vitest';
import { figureKey, indexFigures } from '../../src/lib/figure-index.ts';
import { extractFigures, type Figure } from '../../src/lib/figures.ts';
import type { Passage, PassageKind } from '../../src/lib/passages/types.ts';

/** The one figure a short text holds (fails unless there is exactly one). */
function only(text: string): Figure {
  const figures = extractFigures(text);
  expect(figures, `figures in "${text}"`).toHaveLength(1);
  return figures[0] as Figure;
}

/** kind, text as written, key and label: what a reader and the index see. */
const seen = (f: Figure) => ({ kind: f.kind, text: f.text, key: f.key, label: f.label });

describe('extractFigures: money', () => {
  it.each([
    ['$50 billion', 'money:50000000000', '$50 billion'],
    ['$7.5 billion', 'money:7500000000', '$7.5 billion'],
    ['$20 Billion', 'money:20000000000', '$20 billion'],
    ['$1 billion', 'money:1000000000', '$1 billion'],
  ])('reads "%s" as %s, shown as "%s"', (written, key, label) => {
    expect(seen(only(written))).toEqual({ kind: 'money', text: written, key, label });
  });

  it('gives "$50 billion" and "50 billion dollars" the same key and label', () => {
    const symbol = only('a $50 billion commitment');
    const words = only('a 50 billion dollars commitment');
    expect(words.kind).toBe('money');
    expect(words.text).toBe('50 billion dollars');
    expect(words.key).toBe(symbol.key);
    expect(words.label).toBe(symbol.label);
    expect(symbol.key).toBe('money:50000000000');
  });

  it('reads "$50 billion dollars" once, not as two amounts', () => {
    expect(extractFigures('spend $50 billion dollars').map(seen)).toEqual([
      { kind: 'money', text: '$50 billion', key: 'money:50000000000', label: '$50 billion' },
    ]);
  });

  it('keeps $7.5 billion and $75 billion apart', () => {
    expect(only('$7.5 billion').key).not.toBe(only('$75 billion').key);
  });
});

describe('extractFigures: percentages', () => {
  it('gives "27 percent", "27%" and "27 per cent" one key and one label', () => {
    const written = ['27 percent', '27%', '27 per cent'];
    const figures = written.map((w) => only(`an approximately ${w} stake`));
    for (const [i, f] of figures.entries()) {
      expect(seen(f)).toEqual({ kind: 'percent', text: written[i], key: 'percent:27', label: '27%' });
    }
  });

  it('reads a decimal percentage and does not confuse it with its whole part', () => {
    expect(seen(only('about 1.5 percent'))).toEqual({
      kind: 'percent',
      text: '1.5 percent',
      key: 'percent:1.5',
      label: '1.5%',
    });
    expect(only('27.5%').key).not.toBe(only('27%').key);
  });

  it('does not read "percentage points" as a percentage of the number', () => {
    expect(extractFigures('rose 27 percentage points')).toEqual([]);
  });
});

describe('extractFigures: dates', () => {
  it.each([
    ['April 27, 2026', 'date:2026-04-27', 'April 27, 2026'],
    ['Mar 8, 2026', 'date:2026-03-08', 'March 8, 2026'],
    ['May 2, 2026', 'date:2026-05-02', 'May 2, 2026'],
    ['Sept. 4, 2025', 'date:2025-09-04', 'September 4, 2025'],
  ])('reads "%s" as %s with the readable label "%s"', (written, key, label) => {
    expect(seen(only(`Published ${written} by staff`))).toEqual({ kind: 'date', text: written, key, label });
  });

  it('reads a month and year as a date at month precision', () => {
    expect(seen(only('In October 2025, the companies agreed'))).toEqual({
      kind: 'date',
      text: 'October 2025',
      key: 'date:2025-10',
      label: 'October 2025',
    });
  });

  it('keeps a month named without a year, and says in the label that the year is not stated', () => {
    const late = only('talks broke down in late March over compute');
    expect(seen(late)).toEqual({
      kind: 'date',
      text: 'late March',
      key: 'month:03:late',
      label: 'Late March (year not stated)',
    });
    const february = only('In February the two sides met again.');
    expect(seen(february)).toEqual({
      kind: 'date',
      text: 'February',
      key: 'month:02',
      label: 'February (year not stated)',
    });
    // A month without a year is never given a year's key.
    expect(late.key).not.toMatch(/\d{4}/u);
    expect(february.key).not.toMatch(/\d{4}/u);
  });

  it('gives "Mar 8, 2026" and "March 8, 2026" the same key', () => {
    expect(only('Mar 8, 2026').key).toBe(only('March 8, 2026').key);
  });

  it('keeps a year-less month apart from the same month with a year', () => {
    expect(only('in late March').key).not.toBe(only('in late March 2026').key);
    expect(only('In February').key).not.toBe(only('In February 2026').key);
  });
});

describe('extractFigures: years', () => {
  it.each(['2019', '2032'])('reads the year %s', (year) => {
    expect(seen(only(`The partnership began in ${year}.`))).toEqual({
      kind: 'year',
      text: year,
      key: `year:${year}`,
      label: year,
    });
  });

  it('counts a year inside a date once, as the date', () => {
    const figures = extractFigures('announced on April 27, 2026 and signed in October 2025');
    expect(figures.map((f) => [f.kind, f.key])).toEqual([
      ['date', 'date:2026-04-27'],
      ['date', 'date:2025-10'],
    ]);
    expect(figures.some((f) => f.kind === 'year')).toBe(false);
  });

  it('does not read four digits that are part of an amount or a longer number as a year', () => {
    expect(extractFigures('a $2030 fee').some((f) => f.kind === 'year')).toBe(false);
    expect(extractFigures('model 20301').some((f) => f.kind === 'year')).toBe(false);
    expect(extractFigures('20%').map((f) => f.kind)).toEqual(['percent']);
  });
});

describe('extractFigures: decades', () => {
  it.each([
    ['through the early 2030s', 'early 2030s', 'decade:2030:early', 'Early 2030s'],
    ['by the mid-2020s', 'mid-2020s', 'decade:2020:mid', 'Mid 2020s'],
    ['in the 2010s', '2010s', 'decade:2010', '2010s'],
  ])('reads "%s" as a decade', (written, text, key, label) => {
    expect(seen(only(written))).toEqual({ kind: 'year', text, key, label });
  });

  it('does not read "2031s" or a year followed by letters as a decade', () => {
    expect(extractFigures('2031s and 2030x')).toEqual([]);
  });
});

describe('extractFigures: what is not a figure', () => {
  it.each(['GPT-5.5', '7-Year', 'Claude Opus 4.7', 'multi-billion dollar'])('finds no figure in "%s"', (written) => {
    expect(extractFigures(written)).toEqual([]);
  });

  it('finds no figure in a headline built of such words', () => {
    expect(
      extractFigures('Microsoft and OpenAI End 7-Year Azure Exclusivity as GPT-5.5 and Claude Opus 4.7 Ship'),
    ).toEqual([]);
  });

  it('finds nothing in an empty string', () => {
    expect(extractFigures('')).toEqual([]);
  });
});

describe('extractFigures: order and offsets', () => {
  const text =
    'On April 27, 2026 Microsoft kept 27% of OpenAI; in 2019 it invested $1 billion, and in late March it paid 50 billion dollars by 2032.';
  const figures = extractFigures(text);

  it('lists figures in the order they appear, whatever their kind', () => {
    expect(figures.map((f) => f.text)).toEqual([
      'April 27, 2026',
      '27%',
      '2019',
      '$1 billion',
      'late March',
      '50 billion dollars',
      '2032',
    ]);
    expect(figures.map((f) => f.kind)).toEqual(['date', 'percent', 'year', 'money', 'date', 'money', 'year']);
    const offsets = figures.map((f) => f.index);
    expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
  });

  it('gives each figure its offset, where its text is found as written', () => {
    for (const f of figures) expect(text.slice(f.index, f.index + f.text.length)).toBe(f.text);
  });

  it('is the same on a second call (no state left in the patterns)', () => {
    expect(extractFigures(text)).toEqual(figures);
  });
});

function passage(id: string, text: string, ordinal: number, kind: PassageKind = 'paragraph'): Passage {
  return { id, ordinal, text, kind, lines: [ordinal, ordinal] };
}

describe('indexFigures', () => {
  const sources = [
    {
      slug: 'alpha',
      title: 'Alpha',
      passages: [
        passage('alpha-1', 'Microsoft keeps a 27 percent stake and the license runs to 2032.', 1),
        passage('alpha-2', 'Share on X · $99 billion · Also read: 88%', 2, 'furniture'),
        passage('alpha-3', 'OpenAI commits $50 billion to Azure, announced April 27, 2026.', 3),
      ],
    },
    {
      slug: 'beta',
      title: 'Beta',
      passages: [
        passage('beta-1', 'Microsoft holds roughly 27% of OpenAI.', 1),
        passage('beta-2', 'The pact began in 2019 and the stake stays at 27 per cent.', 2),
      ],
    },
  ];
  const index = indexFigures(sources);
  const entry = (key: string) => index.find((e) => e.key === key);

  it('groups "27 percent" and "27%" from two sources into one entry stated by two sources', () => {
    const stake = entry('percent:27');
    expect(stake).toBeDefined();
    expect(stake?.kind).toBe('percent');
    expect(stake?.label).toBe('27%');
    expect(stake?.sourceCount).toBe(2);
    expect(stake?.mentions).toEqual([
      { source: 'alpha', sourceTitle: 'Alpha', passageId: 'alpha-1', ordinal: 1, text: '27 percent', furniture: false },
      { source: 'beta', sourceTitle: 'Beta', passageId: 'beta-1', ordinal: 1, text: '27%', furniture: false },
      { source: 'beta', sourceTitle: 'Beta', passageId: 'beta-2', ordinal: 2, text: '27 per cent', furniture: false },
    ]);
    // One entry per figure, however many ways it is written.
    expect(index.filter((e) => e.label === '27%')).toHaveLength(1);
  });

  it('counts sources, not mentions', () => {
    expect(entry('percent:27')?.mentions).toHaveLength(3);
    expect(entry('percent:27')?.sourceCount).toBe(2);
    expect(entry('year:2019')?.sourceCount).toBe(1);
    expect(entry('money:50000000000')?.sourceCount).toBe(1);
  });

  it('lists figures in page furniture too, marked, without counting them as stated by the source', () => {
    expect(entry('money:99000000000')).toMatchObject({
      sourceCount: 0,
      furnitureOnly: true,
      mentions: [{ passageId: 'alpha-2', text: '$99 billion', furniture: true }],
    });
    expect(entry('percent:88')?.furnitureOnly).toBe(true);
    expect(entry('percent:27')?.furnitureOnly).toBe(false);
  });

  it('orders entries money, percent, date, year; then by number of sources', () => {
    expect(index.map((e) => e.key)).toEqual([
      'money:50000000000',
      'money:99000000000',
      'percent:27',
      'percent:88',
      'date:2026-04-27',
      'year:2019',
      'year:2032',
    ]);
  });

  it('puts the figure given by more sources first within a kind', () => {
    const years = indexFigures([
      { slug: 'a', title: 'A', passages: [passage('a1', 'In 2019, and again in 2032.', 1)] },
      { slug: 'b', title: 'B', passages: [passage('b1', 'Through 2032.', 1)] },
    ]).map((e) => [e.key, e.sourceCount]);
    expect(years).toEqual([
      ['year:2032', 2],
      ['year:2019', 1],
    ]);
  });

  it('is empty without sources or figures', () => {
    expect(indexFigures([])).toEqual([]);
    expect(indexFigures([{ slug: 'a', title: 'A', passages: [passage('a1', 'No numbers here.', 1)] }])).toEqual([]);
  });
});

describe('figureKey', () => {
  it.each([
    ['27 percent', 'percent:27'],
    ['27%', 'percent:27'],
    ['$50 billion', 'money:50000000000'],
    ['50 billion dollars', 'money:50000000000'],
    ['April 27, 2026', 'date:2026-04-27'],
    ['October 2025', 'date:2025-10'],
    ['late March', 'month:03:late'],
    ['2032', 'year:2032'],
  ])('"%s" stands for %s', (written, key) => {
    expect(figureKey(written)).toBe(key);
  });

  it('matches the key indexFigures files the same figure under', () => {
    const [entry] = indexFigures([{ slug: 'a', title: 'A', passages: [passage('a1', 'a 27 per cent stake', 1)] }]);
    expect(figureKey('27%')).toBe(entry?.key);
  });

  it('is undefined for text that holds no figure', () => {
    expect(figureKey('GPT-5.5')).toBeUndefined();
    expect(figureKey('exclusivity')).toBeUndefined();
    expect(figureKey('')).toBeUndefined();
  });
});
