import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countWords, numberWord } from '../../../src/lib/prose/count-words.ts';
import { typedCounts } from '../../../src/lib/prose/source-counts.ts';

const found = (text: string) => typedCounts(text).map((c) => [c.text, c.value ?? (c.all ? 'all' : undefined)]);

describe('typedCounts: counts of sources typed by hand', () => {
  it.each([
    ['Two reports put the stake at 27 percent.', [['Two reports', 2]]],
    ['Only one report adds it.', [['Only one report', 1]]],
    ['only one says so', [['only one', 1]]],
    ['All five reports say it.', [['All five reports', 5]]],
    ['all five say it', [['all five', 5]]],
    ['Four of the five reports say so.', [['Four of the five reports', 4]]],
    ['The other three do not say.', [['The other three', 3]]],
    ['None of the reports gives it.', [['None of the reports', 0]]],
    ['Every report names AWS.', [['Every report', 'all']]],
    ['No source says what it is worth.', [['No source', 0]]],
    ['Both reports say so.', [['Both reports', 2]]],
    ['built from five news articles', [['five news articles', 5]]],
    ['these 5 articles', [['5 articles', 5]]],
    ['Compare the two accounts.', [['two accounts', 2]]],
    ['a single report says', [['a single report', 1]]],
    ['Neither article says', [['Neither article', 0]]],
    ['all the sources agree', [['all the sources', 'all']]],
  ])('finds the count in "%s"', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    'One report says so.',
    'Another report disagrees, and a third says nothing.',
    'The May 2 article calls it a right of first refusal.',
    'The exception appears in three different wordings.',
    'One of the two leaves out the qualifier.',
    'The fifth frames it differently.',
    'all of them',
  ])('finds no count in "%s" (a reference to a source, or no source at all)', (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('countWords: a count of sources in words', () => {
  it('reads naturally at every count, the verb agreeing', () => {
    const say = { one: 'report says', other: 'reports say', total: 5 };
    expect(countWords({ ...say, count: 0 })).toBe('no report says');
    expect(countWords({ ...say, count: 1 })).toBe('one report says');
    expect(countWords({ ...say, count: 2 })).toBe('two reports say');
    expect(countWords({ ...say, count: 5 })).toBe('all five reports say');
    expect(countWords({ ...say, count: 4, of: true })).toBe('four of the five reports say');
    expect(countWords({ ...say, count: 1, of: true })).toBe('one report says');
    expect(countWords({ ...say, count: 0, of: true })).toBe('none of the five reports say');
    expect(countWords({ ...say, count: 2, capitalize: true })).toBe('Two reports say');
  });

  it('names the total when sources are not yet reviewed: "five" may not be all', () => {
    expect(countWords({ count: 5, total: 6, unreviewed: 1, one: 'report says', other: 'reports say' })).toBe(
      'five of the six reports say',
    );
  });

  it('property: what it renders is always a count typedCounts recognises, with the right number', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 12 }), fc.integer({ min: 0, max: 12 }), fc.boolean(), (total, n, of) => {
        const count = Math.min(n, total);
        const text = countWords({ count, total, of, one: 'report says', other: 'reports say' });
        const [typed] = typedCounts(text);
        if (count === 1) {
          // "one report says" is the one count that reads as a plain reference.
          expect(text).toBe('one report says');
          return;
        }
        expect(typed, text).toBeDefined();
        if (count === total) expect(typed?.all).toBe(true);
        else expect(typed?.value).toBe(count);
      }),
    );
  });

  it('with a single source, speaks of the only one', () => {
    expect(countWords({ count: 1, total: 1, of: true, one: 'report says', other: 'reports say' })).toBe(
      'the only report says',
    );
    expect(countWords({ count: 0, total: 1, one: 'report says', other: 'reports say' })).toBe('no report says');
  });

  it('writes numbers up to twenty in words', () => {
    expect(numberWord(0)).toBe('no');
    expect(numberWord(7)).toBe('seven');
    expect(numberWord(21)).toBe('21');
  });
});
