import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rewriteQuery, STOP_WORDS } from '../../src/lib/search/query.ts';

const searched = (typed: string) => rewriteQuery(typed).query;

describe('rewriteQuery: a reader’s query as the index can answer it', () => {
  it.each([
    ['27%', '27 percent'],
    ['27 per cent', '27 percent'],
    ['$50B', '50 billion'],
    ['$50 bn', '50 billion'],
    ['50bn deal', '50 billion deal'],
    ['$852 billion', '852 billion'],
    ['$7.5bn', '7.5 billion'],
    ['Jassy', 'Jassy'],
    ['GPT 5.5', 'GPT 5.5'],
    ['GPT-5.5', 'GPT-5.5'],
    ['non-exclusive license', 'non-exclusive license'],
    ['how much did amazon invest', 'amazon invest'],
    ['when does the license expire', 'license expire'],
    ['does microsoft still have exclusive rights?', 'microsoft still exclusive rights'],
    ["what's the revenue share cap?", 'revenue share cap'],
    ['What happened to the AGI clause?', 'AGI clause'],
    ['May 2, 2026', 'May 2 2026'],
    ['no longer tied to Azure', 'no longer tied Azure'],
  ])('searches "%s" as "%s"', (typed, query) => {
    expect(searched(typed)).toBe(query);
  });

  it('says which words it left out, and which figures it wrote otherwise', () => {
    expect(rewriteQuery('how much is $50B?')).toEqual({
      typed: 'how much is $50B?',
      query: '50 billion',
      terms: ['50', 'billion'],
      leftOut: ['how', 'much', 'is'],
      figures: [['$50B', '50 billion']],
      exact: false,
    });
  });

  it('keeps words that say little when nothing else is left', () => {
    expect(rewriteQuery('the')).toMatchObject({ query: 'the', leftOut: [] });
    expect(rewriteQuery('what is it')).toMatchObject({ query: 'what is it', leftOut: [] });
  });

  it('leaves a quoted phrase to Pagefind’s exact search, its words untouched but for figures and currency signs', () => {
    expect(rewriteQuery('"the $50 billion deal"')).toEqual({
      typed: '"the $50 billion deal"',
      query: '"the 50 billion deal"',
      terms: ['"the 50 billion deal"'],
      leftOut: [],
      figures: [],
      exact: true,
    });
    // A percentage stays as typed: the page writes it so (Pagefind drops the "%"), and its alias stands elsewhere.
    expect(rewriteQuery('"about 27% of it"')).toMatchObject({ query: '"about 27% of it"', figures: [], exact: true });
    expect(rewriteQuery('"the $7.5B quarter"')).toMatchObject({
      query: '"the 7.5 billion quarter"',
      figures: [['$7.5B', '7.5 billion']],
    });
    // Typographic quotes, as phones and Macs type them, make a phrase too.
    expect(rewriteQuery('“first on Azure”')).toMatchObject({ query: '"first on Azure"', leftOut: [], exact: true });
    expect(rewriteQuery('„first on Azure“')).toMatchObject({ query: '"first on Azure"', exact: true });
    // Two quoted words are two words, not one phrase.
    expect(rewriteQuery('“exclusivity” and “Azure”')).toMatchObject({ query: 'exclusivity Azure', exact: false });
  });

  it('writes a number in words before a unit in digits, as the articles write it, and says so', () => {
    expect(rewriteQuery('twenty-seven percent')).toMatchObject({
      query: '27 percent',
      figures: [['twenty-seven percent', '27 percent']],
    });
    expect(rewriteQuery('Twenty seven per cent stake')).toMatchObject({
      query: '27 percent stake',
      figures: [['Twenty seven per cent', '27 percent']],
    });
    expect(rewriteQuery('fifty billion dollars')).toMatchObject({
      query: '50 billion',
      figures: [['fifty billion dollars', '50 billion']],
    });
    expect(rewriteQuery('seven-year exclusivity')).toMatchObject({ query: '7-year exclusivity' });
    // A number word on its own is a word.
    expect(rewriteQuery('one report')).toMatchObject({ query: 'one report', figures: [] });
    expect(rewriteQuery('someone seven')).toMatchObject({ query: 'someone seven', figures: [] });
  });

  it('keeps month names, "no", "new", "still" and "may": they carry meaning here', () => {
    for (const word of ['may', 'march', 'no', 'not', 'new', 'still', 'cap', 'share', 'deal']) {
      expect(STOP_WORDS.has(word), word).toBe(false);
    }
  });

  const word = fc.oneof(
    fc.constantFrom(...STOP_WORDS),
    fc.constantFrom('Microsoft', 'license', 'GPT-5.5', 'Jassy', 'cap', '2032', 'non-exclusive', 'rights?'),
    fc.constantFrom('$50B', '27%', '$7.5 billion', '27 per cent'),
    fc.string({ minLength: 1, maxLength: 10 }).filter((s) => !/["“”„]/u.test(s)),
  );

  it('for any query: no currency sign and no word that says little is searched, unless only such words were typed', () => {
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 8 }), (words) => {
        const rewrite = rewriteQuery(words.join(' '));
        expect(rewrite.exact).toBe(false);
        expect(rewrite.query).not.toMatch(/[$€£]/u);
        expect(rewrite.query).toBe(rewrite.terms.join(' '));
        const stop = (t: string) => STOP_WORDS.has(t.toLowerCase().replace(/[’']/gu, ''));
        if (rewrite.terms.some((t) => !stop(t))) expect(rewrite.terms.filter(stop)).toEqual([]);
        else expect(rewrite.leftOut).toEqual([]);
        for (const left of rewrite.leftOut) expect(stop(left)).toBe(true);
      }),
    );
  });

  it('for any query: rewriting what was searched searches it again (nothing more is left out or changed)', () => {
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 8 }), (words) => {
        const once = rewriteQuery(words.join(' '));
        const twice = rewriteQuery(once.query);
        expect(twice.query).toBe(once.query);
        expect(twice.leftOut).toEqual([]);
      }),
    );
  });
});
