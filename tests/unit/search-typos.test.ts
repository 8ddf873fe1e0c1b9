import fc from 'fast-check';
import { distance } from 'fastest-levenshtein';
import { describe, expect, it } from 'vitest';
import { hasKin, isNear, nearestWord, parseVocabulary, typoDistance, type Vocabulary } from '../../src/lib/search/typos.ts';
import { buildVocabulary } from '../../src/lib/search/vocabulary.ts';
import { MIN_CORRECTED_LENGTH } from '../../src/lib/search/words.ts';

const vocabulary = (words: Record<string, number>): Vocabulary => parseVocabulary({ words });

// Words of the real site, with made-up page counts: enough for the corrections to choose among.
const SITE = vocabulary({
  jassy: 3,
  willison: 2,
  anthropic: 4,
  bedrock: 6,
  financial: 9,
  runtime: 3,
  superapp: 1,
  clause: 4,
  entire: 1,
  license: 12,
  licensed: 1,
  microsoft: 15,
  stateless: 2,
  stateful: 3,
});

describe('nearestWord: the site’s word a mistyped word meant', () => {
  it.each([
    ['Jasy', 'jassy'],
    ['jassy', undefined],
    ['Wilison', 'willison'],
    ['Antropic', 'anthropic'],
    ['Bedrok', 'bedrock'],
    ['Financal', 'financial'],
    ['runtme', 'runtime'],
    ['supperapp', 'superapp'],
    ['clasue', 'clause'],
    ['Mircosoft', 'microsoft'],
  ])('"%s" → %s', (typed, word) => {
    expect(nearestWord(typed, SITE)).toBe(word);
  });

  it('does not take a different word for a typo: two edits need the first two letters ("expire" is not "entire")', () => {
    expect(nearestWord('expire', SITE)).toBeUndefined();
    expect(nearestWord('licnese', SITE)).toBe('license');
  });

  it('does not take a word for another that differs by a letter in four, nor by two letters in a short word', () => {
    expect(nearestWord('café', vocabulary({ came: 5 }))).toBeUndefined();
    expect(nearestWord('naïve', vocabulary({ name: 5 }))).toBeUndefined();
    expect(nearestWord('cafés', vocabulary({ came: 5, cafe: 1 }))).toBe('cafe');
    expect(nearestWord('finacnial', vocabulary({ financial: 2 }))).toBe('financial');
  });

  it('counts a swap of two neighbouring letters as one edit', () => {
    // Two edits for Levenshtein, so "front" (two changed letters, first two kept) used to win.
    expect(nearestWord('frist', vocabulary({ front: 9, first: 1 }))).toBe('first');
    expect(nearestWord('Azur', vocabulary({ azure: 3 }))).toBe('azure');
    expect(typoDistance('frist', 'first')).toBe(1);
    expect(typoDistance('clasue', 'clause')).toBe(1);
    expect(typoDistance('first', 'first')).toBe(0);
    expect(typoDistance('kitten', 'sitting')).toBe(3);
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{0,8}$/u), fc.stringMatching(/^[a-z]{0,8}$/u), (a, b) => {
        const d = typoDistance(a, b);
        expect(d).toBe(typoDistance(b, a));
        expect(d).toBeLessThanOrEqual(distance(a, b));
        expect(d).toBeGreaterThanOrEqual(Math.ceil(distance(a, b) / 2));
      }),
    );
  });

  it('corrects neither numbers nor words shorter than four letters', () => {
    expect(nearestWord('cap', vocabulary({ car: 5, caps: 1 }))).toBeUndefined();
    expect(nearestWord('2033', vocabulary({ '2032': 5 }))).toBeUndefined();
    expect(nearestWord('gpt6', vocabulary({ gpt55: 5 }))).toBeUndefined();
  });

  it('prefers fewer edits, then the word on more pages, then the first in alphabetical order', () => {
    expect(nearestWord('liense', vocabulary({ license: 1, licensee: 9 }))).toBe('license');
    expect(nearestWord('cloue', vocabulary({ close: 1, cloud: 5 }))).toBe('cloud');
    expect(nearestWord('cloue', vocabulary({ cloud: 2, close: 2 }))).toBe('close');
  });

  it('always answers a word of the vocabulary that isNear the word typed', () => {
    const words = fc.stringMatching(/^[a-z]{4,10}$/u);
    fc.assert(
      fc.property(fc.dictionary(words, fc.integer({ min: 1, max: 20 }), { minKeys: 1 }), words, (dict, typed) => {
        const site = vocabulary(dict);
        const found = nearestWord(typed, site);
        if (found === undefined) return;
        expect(site.has(found)).toBe(true);
        expect(site.has(typed)).toBe(false);
        expect(isNear(typed, found)).toBe(true);
        const edits = typoDistance(typed, found);
        expect(edits === 1 || (edits === 2 && typed.length >= 7 && found.slice(0, 2) === typed.slice(0, 2))).toBe(true);
        expect(found.length).toBeGreaterThanOrEqual(MIN_CORRECTED_LENGTH);
      }),
    );
  });

  it('finds every word one letter away from a word of the vocabulary (a letter dropped)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{6,12}$/u), fc.nat(), (word, at) => {
        const i = at % word.length;
        const typed = word.slice(0, i) + word.slice(i + 1);
        const found = nearestWord(typed, vocabulary({ [word]: 1 }));
        expect(found).toBe(word);
      }),
    );
  });
});

describe('parseVocabulary: the vocabulary file, read defensively', () => {
  it('keeps well-formed entries only', () => {
    const parsed = parseVocabulary({ words: { jassy: 3, 'Not-A-Word': 2, zero: 0, half: 1.5, text: 'x', ok: 1 } });
    expect([...parsed]).toEqual([
      ['jassy', 3],
      ['ok', 1],
    ]);
  });

  it.each([null, undefined, 'words', 42, [], { words: null }, { words: 'x' }])('reads %j as no words', (json) => {
    expect(parseVocabulary(json).size).toBe(0);
  });
});

describe('buildVocabulary: the site’s words, from the text the index holds', () => {
  it('counts pages per word, as the index writes words, whole and in parts, four letters or more, no digits', () => {
    expect(
      buildVocabulary([
        'Microsoft’s non-exclusive license, through 2032. GPT-5.5 and the AI deal.',
        'The license: Microsoft keeps a non-exclusive one. License!',
      ]),
    ).toEqual({
      words: {
        deal: 1,
        exclusive: 2,
        license: 2,
        microsoft: 2,
        microsofts: 1,
        nonexclusive: 2,
        through: 1,
        keeps: 1,
      },
    });
  });

  it('gives the same bytes for the same pages, in any order, sorted by word', () => {
    const pages = ['Bedrock and Azure', 'Azure first, then Bedrock', 'Jassy celebrated'];
    const a = JSON.stringify(buildVocabulary(pages));
    const b = JSON.stringify(buildVocabulary([...pages].reverse()));
    expect(a).toBe(b);
    const words = Object.keys(buildVocabulary(pages).words);
    expect(words).toEqual([...words].sort());
  });

  it('leaves out run-together noise longer than a word', () => {
    expect(buildVocabulary(['a'.repeat(25), 'b'.repeat(24)]).words).toEqual({ ['b'.repeat(24)]: 1 });
  });
});

describe('hasKin: a word of the same family on the site', () => {
  const vocabulary: Vocabulary = new Map([
    ['policy', 2],
    ['renewal', 3],
    ['q', 1],
  ]);
  it('finds an inflection by its first letters, all but the last three, and never through a word of one or two letters', () => {
    expect(hasKin('policies', vocabulary)).toBe(true);
    expect(hasKin('Renewals', vocabulary)).toBe(true);
    expect(hasKin('qwfjkv', vocabulary)).toBe(false);
    expect(hasKin('plonk', vocabulary)).toBe(false);
  });
});
