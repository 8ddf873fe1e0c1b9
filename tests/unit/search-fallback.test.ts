import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  correctable,
  correctTerms,
  describeOutcome,
  relaxations,
  weakMatch,
  type SearchOutcome,
} from '../../src/lib/search/fallback.ts';
import { WEAK_MATCH_SCORE } from '../../src/lib/search/ranking.ts';
import { rewriteQuery } from '../../src/lib/search/query.ts';

describe('correctable: the words the query layer may correct', () => {
  it.each([
    ['Bedrok', true],
    ['runtme', true],
    ['Wilison', true],
    ['Microsoft’s', true],
    ['non-exclusive', true],
    ['cap', false],
    ['AGI', false],
    ['2033', false],
    ['GPT-5.5', false],
    ['gpt6', false],
    ['5.5', false],
  ])('%s: %s', (term, expected) => {
    expect(correctable(term)).toBe(expected);
  });
});

describe('weakMatch: a word Pagefind found, alone, only through a shorter word', () => {
  // Best scores on this site, searched alone (termSimilarity 6): typos found through a shorter word score
  // 0.001–0.17 ("supperapp" → "su…", "Antropic" → "an", "Bedrok" → "be", "runtme" → "run"); real words 0.35 up.
  it.each([
    ['supperapp', 1, 0.0008, true],
    ['Antropic', 9, 0.0326, true],
    ['Bedrok', 6, 0.0779, true],
    ['runtme', 7, 0.1679, true],
    ['microsoft', 12, 0.3582, false],
    ['stateful', 11, 0.4084, false],
    ['Financal', 8, 2.4558, false],
    ['expire', 0, 0, false],
  ])('%s (%i pages, best %f): %s', (_word, pages, score, weak) => {
    expect(weakMatch(pages, score)).toBe(weak);
  });

  it('a word on no page is not a weak match: it matches nothing', () => {
    expect(weakMatch(0, 0)).toBe(false);
    expect(weakMatch(1, WEAK_MATCH_SCORE)).toBe(false);
    expect(weakMatch(1, WEAK_MATCH_SCORE - 0.001)).toBe(true);
  });
});

describe('correctTerms: words that match nothing', () => {
  const nearest = (word: string) => ({ jasy: 'jassy', wilison: 'willison', bedrok: 'bedrock' })[word.toLowerCase()];

  it('corrects a word on no page, or found only through a shorter word, keeping the reader’s capital', () => {
    expect(
      correctTerms(
        [
          { term: 'Simon', pages: 2, suspect: false },
          { term: 'Wilison', pages: 0, suspect: false },
          { term: 'Bedrok', pages: 6, suspect: true },
          { term: 'jasy', pages: 0, suspect: false },
        ],
        nearest,
      ),
    ).toEqual({
      terms: ['Simon', 'Willison', 'Bedrock', 'jassy'],
      corrected: [
        ['Wilison', 'Willison'],
        ['Bedrok', 'Bedrock'],
        ['jasy', 'jassy'],
      ],
      unmatched: [],
    });
  });

  it('leaves out a word on no page with nothing near, and keeps a suspect one (it may be an inflection)', () => {
    expect(
      correctTerms(
        [
          { term: 'license', pages: 5, suspect: false },
          { term: 'expire', pages: 0, suspect: false },
          { term: 'policies', pages: 3, suspect: true },
        ],
        nearest,
      ),
    ).toEqual({ terms: ['license', 'policies'], corrected: [], unmatched: ['expire'] });
  });

  it('leaves out a suspect word when the site has no word of its family (nonsense found through "q")', () => {
    const hasKin = (word: string) => word === 'policies';
    expect(
      correctTerms(
        [
          { term: 'policies', pages: 3, suspect: true },
          { term: 'qwfjkv', pages: 2, suspect: true },
          { term: 'xyzzy', pages: 4, suspect: false },
        ],
        nearest,
        hasKin,
      ),
    ).toEqual({ terms: ['policies', 'xyzzy'], corrected: [], unmatched: ['qwfjkv'] });
  });
});

describe('relaxations: fewer words when no page has them all', () => {
  it('leaves out first the word on most pages, keeping the most telling to the end', () => {
    expect(relaxations(['microsoft', 'stake', 'valuation'], [15, 4, 1])).toEqual([
      ['stake', 'valuation'],
      ['valuation'],
    ]);
    expect(relaxations(['one'], [3])).toEqual([]);
  });

  it('for any words: each try has one word fewer, keeps the order, and never drops a rarer word before a commoner', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^[a-z]{3,8}$/u), { minLength: 1, maxLength: 7 }),
        fc.array(fc.nat({ max: 20 }), { minLength: 7, maxLength: 7 }),
        (terms, counts) => {
          const pages = terms.map((_, i) => counts[i] as number);
          const tries = relaxations(terms, pages);
          expect(tries).toHaveLength(terms.length - 1);
          let previous = terms;
          for (const fewer of tries) {
            expect(fewer).toHaveLength(previous.length - 1);
            expect(previous.filter((t) => fewer.includes(t))).toEqual(fewer);
            const dropped = previous.find((t) => !fewer.includes(t)) as string;
            const pagesOf = (t: string) => pages[terms.indexOf(t)] as number;
            for (const kept of fewer) expect(pagesOf(kept)).toBeLessThanOrEqual(pagesOf(dropped));
            previous = fewer;
          }
        },
      ),
    );
  });
});

describe('describeOutcome: the line above the results', () => {
  const outcome = (typed: string, patch: Partial<SearchOutcome> = {}): SearchOutcome => {
    const rewrite = rewriteQuery(typed);
    return { rewrite, searched: rewrite.query, corrected: [], unmatched: [], relaxed: [], ...patch };
  };

  it('says nothing when what was searched is what was typed, case and punctuation aside', () => {
    expect(describeOutcome(outcome('Jassy'))).toBeUndefined();
    expect(describeOutcome(outcome('GPT-5.5'))).toBeUndefined();
    expect(describeOutcome(outcome('revenue share cap?'))).toBeUndefined();
    expect(describeOutcome(outcome('"exact words"'))).toBeUndefined();
    expect(describeOutcome(outcome('"$50 billion"'))).toBeUndefined();
  });

  it('a phrase with a figure written otherwise says how the figure was searched', () => {
    expect(describeOutcome(outcome('"$50B"'))).toEqual({
      lead: 'Searched for',
      query: '"50 billion"',
      details: ['“$50B” is searched as “50 billion”.'],
    });
  });

  it('"Showing results for …" when a word was corrected', () => {
    expect(describeOutcome(outcome('Jasy', { searched: 'Jassy', corrected: [['Jasy', 'Jassy']] }))).toEqual({
      lead: 'Showing results for',
      query: 'Jassy',
      details: ['No page has “Jasy”; the nearest word is “Jassy”.'],
    });
  });

  it('"Searched for …" with the words left out and the figures written otherwise', () => {
    expect(
      describeOutcome(outcome('when does the license expire', { searched: 'license', unmatched: ['expire'] })),
    ).toEqual({
      lead: 'Searched for',
      query: 'license',
      details: ['No page has “expire”, nor a word near it.', 'Left out words that say little: “when”, “does”, “the”.'],
    });
    expect(describeOutcome(outcome('$50B'))).toEqual({
      lead: 'Searched for',
      query: '50 billion',
      details: ['“$50B” is searched as “50 billion”.'],
    });
    expect(describeOutcome(outcome('jassy valuation', { searched: 'valuation', relaxed: ['jassy'] }))?.details).toEqual(
      ['No page has every word: left out “jassy”.'],
    );
  });

  it('says so when no word of the query is on the site', () => {
    expect(describeOutcome(outcome('xyzzy plugh', { searched: '', unmatched: ['xyzzy', 'plugh'] }))).toEqual({
      lead: 'Searched for',
      query: '',
      details: ['No page has “xyzzy” or “plugh”, nor a word near them.'],
    });
  });
});
