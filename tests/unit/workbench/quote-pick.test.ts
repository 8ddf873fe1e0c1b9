// The quote picker's rules: whole words, and a <Cite> that MDX reads and the citation check resolves,
// whatever quotation marks, ampersands, braces or angle brackets the words hold.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseTree } from '../../../src/lib/citations/mdx.ts';
import { parseMdxFile } from '../../../src/lib/citations/parse-mdx.ts';
import { alsoIn, citationFor, curlyDoubleQuotes, readerQuote, wholeWords } from '../../../src/lib/quote-pick.ts';
import { findQuote } from '../../../src/lib/quotes.ts';

/** The quote attribute as the site reads it from an explainer holding the citation. */
function quoteOf(citation: string): string | undefined {
  const file = 'content/explainers/x.mdx';
  const { tree, problems } = parseMdxFile(
    `---\ntitle: T\ndescription: D\norder: 1\n---\n\nA claim ${citation}.\n`,
    file,
  );
  expect(problems).toEqual([]);
  return analyseTree(tree!, file, { requireCitations: true }).citations[0]?.quote;
}

describe('citationFor', () => {
  it('plain words go between double quotes', () => {
    expect(citationFor('s', 'converts from exclusive\nto non-exclusive')).toBe(
      '<Cite source="s" quote="converts from exclusive to non-exclusive" />',
    );
  });

  it('words with double quotation marks go between single quotes', () => {
    expect(citationFor('s', 'the new terms provide "long-term clarity"')).toBe(
      `<Cite source="s" quote='the new terms provide "long-term clarity"' />`,
    );
  });

  it('words with both kinds: the double marks are written curly (the check takes them as the same)', () => {
    const citation = citationFor('s', `"It's a cleaner deal," she said`);
    expect(citation).toBe('<Cite source="s" quote="“It\'s a cleaner deal,” she said" />');
    expect(findQuote(`Analysts: "It's a cleaner deal," she said.`, quoteOf(citation) as string)).toBeDefined();
  });

  it('an ampersand MDX would read as a character reference is written &amp;', () => {
    expect(quoteOf(citationFor('s', 'AT&amp;T and R&D'))).toBe('AT&amp;T and R&D');
  });

  it('curlyDoubleQuotes opens after a space or bracket and closes otherwise', () => {
    expect(curlyDoubleQuotes('He said "yes" ("really")')).toBe('He said “yes” (“really”)');
  });
});

describe('citationFor: property', () => {
  // Whole characters (an emoji is two UTF-16 units): a seed never holds half of one.
  const char = fc.constantFrom(
    ...Array.from('abc XYZ 09 "\'“”‘’&;#{}<>/\\—–-….,:!?\n\té€😀'),
    'amp;',
    '&#34;',
    '</Cite>',
  );
  const passage = fc.array(char, { minLength: 1, maxLength: 60 }).map((cs) => `Start ${cs.join('')} end.`);

  it('for any words picked from any passage, the citation parses as MDX and its quote finds those words in the passage', () => {
    fc.assert(
      fc.property(passage, fc.nat(), fc.nat(), (text, a, b) => {
        const range = wholeWords(text, a % (text.length + 1), b % (text.length + 1));
        fc.pre(range !== undefined);
        const words = text.slice(range!.start, range!.end);
        const quote = quoteOf(citationFor('slug', words));
        expect(quote).toBeDefined();
        const match = findQuote(text, quote as string);
        expect(match, `${JSON.stringify(words)} → ${JSON.stringify(quote)}`).toBeDefined();
      }),
      { numRuns: 500 },
    );
  });
});

describe('wholeWords', () => {
  const text = 'Microsoft keeps a license through 2032.';
  it('widens a cut word at either end and trims white space', () => {
    const r = wholeWords(text, text.indexOf('soft'), text.indexOf('cense') + 2);
    expect(text.slice(r!.start, r!.end)).toBe('Microsoft keeps a license');
    const s = wholeWords(text, text.indexOf(' keeps'), text.indexOf(' a') + 1);
    expect(text.slice(s!.start, s!.end)).toBe('keeps');
  });

  it('is undefined for a selection of spaces or punctuation only', () => {
    expect(wholeWords('a — b', 1, 4)).toBeUndefined();
  });

  it('the result always starts and ends on whole words (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 80 }), fc.nat(), fc.nat(), (t, a, b) => {
        const r = wholeWords(t, a % (t.length + 1), b % (t.length + 1));
        if (!r) return;
        const words = t.slice(r.start, r.end);
        expect(words.trim()).toBe(words);
        expect(/[\p{L}\p{N}]/u.test(words)).toBe(true);
        const W = /[\p{L}\p{N}]/u;
        if (r.start > 0 && W.test(t[r.start] as string)) expect(W.test(t[r.start - 1] as string)).toBe(false);
        if (r.end < t.length && W.test(t[r.end - 1] as string)) expect(W.test(t[r.end] as string)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});

describe('alsoIn and readerQuote', () => {
  it('names the other passages that hold the same words', () => {
    const passages = [
      { ordinal: 1, text: 'The deal ends exclusivity.' },
      { ordinal: 2, text: 'Analysts say the deal ends exclusivity for good.' },
    ];
    expect(alsoIn(passages, 1, 'The deal ends exclusivity')).toEqual([]);
    expect(alsoIn(passages, 1, 'deal ends exclusivity')).toEqual([2]);
  });

  it('gives the words, the title, ¶ N and a link that highlights them', () => {
    const { text, url } = readerQuote({
      words: 'a non-exclusive license',
      title: 'The Deal',
      ordinal: 4,
      passageUrl: 'https://site.example/sources/deal/#p4',
      pageBefore: 'The Deal\nIntro.',
      passageBefore: 'Microsoft keeps ',
    });
    expect(url).toBe('https://site.example/sources/deal/#p4:~:text=a%20non%2Dexclusive%20license');
    expect(text).toBe(`“a non-exclusive license” — The Deal, ¶ 4. ${url}`);
  });
});
