import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  closestStretch,
  findQuote,
  normalise,
  normaliseTypography,
  textFragment,
  unambiguousTextFragment,
} from '../../../src/lib/quotes.ts';

const NBSP = '\u00a0';
const LSQUO = '\u2018';
const RSQUO = '\u2019';
const LDQUO = '\u201c';
const RDQUO = '\u201d';
const EN = '\u2013';
const EM = '\u2014';
const MINUS = '\u2212';
const ELLIPSIS = '\u2026';

/** The typographic characters the matcher forgives, and what each becomes. */
const FORGIVEN: Record<string, string> = {
  [LSQUO]: "'",
  [RSQUO]: "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u2032': "'",
  '\u00b4': "'",
  '`': "'",
  [LDQUO]: '"',
  [RDQUO]: '"',
  '\u201e': '"',
  '\u201f': '"',
  '\u2033': '"',
  '\u00ab': '"',
  '\u00bb': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  [EN]: '-',
  [EM]: '-',
  '\u2015': '-',
  [MINUS]: '-',
  [ELLIPSIS]: '...',
};

describe('normalise / normaliseTypography', () => {
  it('turns curly single and double quotes into straight ones', () => {
    expect(normalise(`${LDQUO}It${RSQUO}s ${LSQUO}bold${RSQUO},${RDQUO} she said`)).toBe(`"It's 'bold'," she said`);
  });

  it('turns every forgiven typographic character into its plain form', () => {
    for (const [fancy, plain] of Object.entries(FORGIVEN)) {
      expect(normalise(`a${fancy}b`), `U+${fancy.codePointAt(0)?.toString(16)}`).toBe(`a${plain}b`);
    }
  });

  it('turns en and em dashes and the minus sign into a hyphen', () => {
    expect(normalise(`2019${EN}2032 ${EM} up ${MINUS}5`)).toBe('2019-2032 - up -5');
  });

  it('turns the ellipsis character into three dots', () => {
    expect(normalise(`wait${ELLIPSIS} what`)).toBe('wait... what');
    expect(normalise(`wait${ELLIPSIS} what`)).toBe(normalise('wait... what'));
  });

  it('collapses runs of spaces, tabs, newlines and no-break spaces into one space', () => {
    expect(normalise(`one${NBSP}two  three\n\nfour\t \r\nfive${NBSP}${NBSP} six`)).toBe('one two three four five six');
  });

  it('drops leading and trailing white space', () => {
    expect(normalise(`  \n${NBSP}hello world \n\t`)).toBe('hello world');
    expect(normalise(' \n\t ')).toBe('');
    expect(normalise('')).toBe('');
  });

  it('keeps case and everything else as it is', () => {
    expect(normalise('The Deal, OpenAI & AWS: $50 billion (2026)!')).toBe(
      'The Deal, OpenAI & AWS: $50 billion (2026)!',
    );
    expect(normalise('The Deal')).not.toBe(normalise('the deal'));
  });

  it('maps each normalised character back to the original character it came from', () => {
    const original = `  A${LDQUO}b${RDQUO}\n\n c${ELLIPSIS}d `;
    const { text, origin } = normaliseTypography(original);
    expect(text).toBe('A"b" c...d');
    //            A  "  b  "  ␠  c  .   .   .   d
    expect(origin).toEqual([2, 3, 4, 5, 6, 9, 10, 10, 10, 11]);
  });

  const units = [
    'a',
    'b',
    'C',
    'd',
    '1',
    ',',
    "'",
    '"',
    '-',
    ' ',
    '  ',
    '\n',
    '\t',
    NBSP,
    '\u2009',
    '\ud83d\ude00',
    ...Object.keys(FORGIVEN),
  ];
  const typographicString = fc.string({ unit: fc.constantFrom('.', ...units), maxLength: 40 });
  // Without a literal '.', every run of dots in the normalised text comes from whole ellipses
  // (see the report: a quote may otherwise match part of an ellipsis).
  const typographicStringNoDots = fc.string({ unit: fc.constantFrom(...units), maxLength: 40 });

  it(
    'property: origin has one in-order index per character, pointing at the character it came from',
    { timeout: 30_000 },
    () => {
      fc.assert(
        fc.property(typographicString, (original) => {
          const { text, origin } = normaliseTypography(original);
          expect(origin).toHaveLength(text.length);
          for (let i = 0; i < text.length; i++) {
            const at = origin[i] as number;
            expect(at).toBeGreaterThanOrEqual(0);
            expect(at).toBeLessThan(original.length);
            if (i > 0) expect(at).toBeGreaterThanOrEqual(origin[i - 1] as number);
            const source = original[at] as string;
            if (text[i] === ' ') expect(source).toMatch(/^\s$/u);
            else expect(FORGIVEN[source] ?? source).toContain(text[i]);
          }
        }),
        { numRuns: 500 },
      );
    },
  );

  it(
    'property: normalised text has no forgiven characters, no doubled or outer spaces, and is stable',
    { timeout: 30_000 },
    () => {
      fc.assert(
        fc.property(typographicString, (original) => {
          const text = normalise(original);
          expect(normalise(text)).toBe(text);
          expect(text).not.toMatch(/^\s|\s$|\s\s|[\t\n\u00a0]/u);
          for (const fancy of Object.keys(FORGIVEN)) expect(text).not.toContain(fancy);
        }),
        { numRuns: 500 },
      );
    },
  );

  it(
    'property: cutting the original at the mapped indexes of a match gives text that normalises to the quote',
    { timeout: 30_000 },
    () => {
      fc.assert(
        fc.property(typographicStringNoDots, fc.nat(), fc.nat(), (original, x, y) => {
          const { text, origin } = normaliseTypography(original);
          fc.pre(text.length > 0);
          let a = x % text.length;
          let b = a + 1 + (y % (text.length - a));
          // A quote cannot hold part of an ellipsis: keep the cut at whole original characters.
          while (a > 0 && origin[a - 1] === origin[a]) a--;
          while (b < text.length && origin[b] === origin[b - 1]) b++;
          // …and at whole words: a quote never starts or ends inside a word ("deal" is not in "ideally").
          const word = /[\p{L}\p{N}]/u;
          while (a > 0 && word.test(text[a - 1]!) && word.test(text[a]!)) a--;
          while (b < text.length && word.test(text[b - 1]!) && word.test(text[b]!)) b++;
          const quote = text.slice(a, b);
          fc.pre(normalise(quote) !== '');

          const match = findQuote(original, quote);
          expect(match).toBeDefined();
          const { start, end, text: matched } = match!;
          expect(matched).toBe(original.slice(start, end));
          expect(normalise(matched)).toBe(normalise(quote));
          // The cut starts and ends on a character of the quote, not on white space around it.
          expect(original[start]).not.toMatch(/^\s$/u);
          expect(original[end - 1]).not.toMatch(/^\s$/u);
        }),
        { numRuns: 1000 },
      );
    },
  );

  it('property: a plain-typed quote finds the typographic original it was typed from', { timeout: 30_000 }, () => {
    const plainWord = fc.constantFrom(
      "it's",
      '"bold"',
      'non-exclusive',
      'deal',
      '2019-2032',
      'wait...',
      'OpenAI',
      "'x'",
    );
    const toFancy: Record<string, string[]> = {
      "'": [LSQUO, RSQUO, "'", '\u2032'],
      '"': [LDQUO, RDQUO, '"', '\u00ab', '\u00bb'],
      '-': [EN, EM, MINUS, '-', '\u2011'],
    };
    fc.assert(
      fc.property(
        fc.array(plainWord, { minLength: 1, maxLength: 8 }),
        fc.array(fc.constantFrom(' ', '  ', '\n', NBSP, ' \n '), { minLength: 8, maxLength: 8 }),
        fc.infiniteStream(fc.nat()),
        (words, gaps, picks) => {
          const plain = words.join(' ');
          const pick = picks[Symbol.iterator]();
          const fancyWords = words.map((w) =>
            [...w]
              .map((ch) => {
                const options = toFancy[ch];
                return options ? (options[(pick.next().value as number) % options.length] as string) : ch;
              })
              .join('')
              .replace('...', (pick.next().value as number) % 2 === 0 ? ELLIPSIS : '...'),
          );
          const fancy = fancyWords.map((w, i) => (i === 0 ? w : `${gaps[i - 1]}${w}`)).join('');
          const original = `Before: ${fancy} after.`;
          const match = findQuote(original, plain);
          expect(match).toBeDefined();
          expect(match!.text).toBe(fancy);
          expect(match!.start).toBe('Before: '.length);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('findQuote', () => {
  const source = `Microsoft${RSQUO}s license ${EM} now ${LDQUO}non${EN}exclusive${RDQUO} ${EM} runs\nthrough 2032${ELLIPSIS} they said.`;

  it('returns the start, end and text of the match in the original, with its own typography', () => {
    const match = findQuote(source, `Microsoft's license - now "non-exclusive"`);
    expect(match).toEqual({
      start: 0,
      end: `Microsoft${RSQUO}s license ${EM} now ${LDQUO}non${EN}exclusive${RDQUO}`.length,
      text: `Microsoft${RSQUO}s license ${EM} now ${LDQUO}non${EN}exclusive${RDQUO}`,
    });
  });

  it('finds a match in the middle, across a line break and an ellipsis typed as three dots', () => {
    const match = findQuote(source, 'runs through 2032... they');
    const expected = `runs\nthrough 2032${ELLIPSIS} they`;
    expect(match?.text).toBe(expected);
    expect(match?.start).toBe(source.indexOf('runs'));
    expect(match?.end).toBe(source.indexOf('runs') + expected.length);
  });

  it('ignores white space around the quote and runs of white space inside it', () => {
    expect(findQuote(source, `  now   ${LDQUO}non-exclusive"\n`)?.text).toBe(`now ${LDQUO}non${EN}exclusive${RDQUO}`);
  });

  it('finds quotes typed with curly quotes in sources that have straight ones', () => {
    expect(findQuote(`He said "no" and 'yes'.`, `said ${LDQUO}no${RDQUO} and ${LSQUO}yes${RSQUO}`)?.text).toBe(
      `said "no" and 'yes'`,
    );
  });

  it('keeps case: a quote that differs only in case is not found', () => {
    expect(findQuote(source, "microsoft's license")).toBeUndefined();
    expect(findQuote(source, 'RUNS THROUGH 2032')).toBeUndefined();
    expect(findQuote(source, 'runs through 2032')).toBeDefined();
  });

  it('returns undefined for a quote that is absent, changed by one word, empty or only white space', () => {
    expect(findQuote(source, 'runs until 2032')).toBeUndefined();
    expect(findQuote(source, 'Google')).toBeUndefined();
    expect(findQuote(source, '')).toBeUndefined();
    expect(findQuote(source, `  \n${NBSP}\t`)).toBeUndefined();
    expect(findQuote('', 'anything')).toBeUndefined();
  });

  it('returns the first match when the words occur more than once', () => {
    const text = 'the deal. And then the deal again.';
    expect(findQuote(text, 'the deal')).toEqual({ start: 0, end: 8, text: 'the deal' });
  });

  it('does not forgive other differences: punctuation, missing words, hyphen vs space', () => {
    expect(findQuote(source, 'through 2032, they said')).toBeUndefined();
    expect(findQuote(source, 'license now')).toBeUndefined();
    expect(findQuote(source, 'non exclusive')).toBeUndefined();
  });
});

describe('closestStretch', () => {
  const candidates = [
    { key: '1', text: 'Alpha beta gamma delta.' },
    { key: '2', text: 'The deal runs to 2030 and includes a non-exclusive license for models.' },
    { key: '3', text: 'Deal talk: nothing runs anywhere.' },
  ];

  it('finds the window of the quote’s length sharing most words, and its key', () => {
    expect(closestStretch(candidates, 'deal runs until 2030')).toEqual({
      key: '2',
      text: 'deal runs to 2030',
      score: 3 / 4,
    });
  });

  it('compares words without regard to case, but returns them as the candidate has them', () => {
    const best = closestStretch(candidates, 'ALPHA BETA');
    expect(best).toMatchObject({ key: '1', text: 'Alpha beta', score: 1 });
  });

  it('returns the words normalised (straight quotes, one space)', () => {
    const best = closestStretch(
      [{ key: 'x', text: `He said ${LDQUO}no${RDQUO}\n\nto   the deal.` }],
      'He said no to the deal',
    );
    expect(best?.key).toBe('x');
    expect(best?.text).toBe('He said "no" to the deal.');
  });

  it('scores a candidate shorter than the quote against the quote’s length', () => {
    expect(closestStretch([{ key: 'short', text: 'deal runs' }], 'the deal runs to 2030')).toEqual({
      key: 'short',
      text: 'deal runs',
      score: 2 / 5,
    });
  });

  it('prefers the better candidate whatever the order, and the first on a tie', () => {
    expect(closestStretch([...candidates].reverse(), 'deal runs until 2030')?.key).toBe('2');
    const tie = closestStretch(
      [
        { key: 'first', text: 'open sesame' },
        { key: 'second', text: 'open sesame' },
      ],
      'open sesame',
    );
    expect(tie?.key).toBe('first');
  });

  it('returns undefined when nothing is shared, the quote is empty, or there are no candidates', () => {
    expect(closestStretch(candidates, 'zebra xylophone')).toBeUndefined();
    expect(closestStretch(candidates, '  ')).toBeUndefined();
    expect(closestStretch([], 'deal')).toBeUndefined();
    expect(closestStretch([{ key: 'empty', text: '' }], 'deal')).toBeUndefined();
  });
});

describe('textFragment', () => {
  it('encodes the hyphen, comma and ampersand, which are syntax in text fragments', () => {
    expect(textFragment('non-exclusive')).toBe(':~:text=non%2Dexclusive');
    expect(textFragment('AWS, Google & Oracle')).toBe(':~:text=AWS%2C%20Google%20%26%20Oracle');
    const fragment = textFragment('a-b, c & d - e');
    expect(fragment.slice(':~:text='.length)).not.toMatch(/[-,&]/u);
  });

  it('percent-encodes curly quotes and other non-ASCII characters as UTF-8', () => {
    expect(textFragment(`${LDQUO}will not${RDQUO}`)).toBe(':~:text=%E2%80%9Cwill%20not%E2%80%9D');
  });

  it('uses the whole text of a short quote, with white space collapsed and trimmed', () => {
    expect(textFragment('  runs\nthrough   2032 ')).toBe(':~:text=runs%20through%202032');
  });

  it('uses the whole text up to 120 characters', () => {
    const words = Array.from({ length: 20 }, (_, i) => `w${String(i).padStart(3, '0')}`); // 20 × 4 + 19 = 99
    const text = `${words.join(' ')} ${'x'.repeat(120 - 100)}`;
    expect(text).toHaveLength(120);
    expect(textFragment(text)).toBe(`:~:text=${encodeURIComponent(text)}`);
  });

  it('uses the start,end form with five words each for longer quotes', () => {
    const text =
      'Microsoft-backed OpenAI, the maker of ChatGPT, said on Monday that its license & cloud terms with Microsoft would change in ways that matter to AWS customers';
    expect(text.length).toBeGreaterThan(120);
    expect(textFragment(text)).toBe(
      ':~:text=Microsoft%2Dbacked%20OpenAI%2C%20the%20maker%20of,that%20matter%20to%20AWS%20customers',
    );
    const value = textFragment(text).slice(':~:text='.length);
    const [start, end, ...rest] = value.split(',');
    expect(rest).toEqual([]);
    expect(decodeURIComponent(start as string).split(' ')).toHaveLength(5);
    expect(decodeURIComponent(end as string).split(' ')).toHaveLength(5);
  });

  it('switches to start,end at 121 characters when there are at least ten words', () => {
    const words = Array.from({ length: 20 }, (_, i) => `w${String(i).padStart(3, '0')}`);
    const text = `${words.join(' ')} ${'x'.repeat(21)}`;
    expect(text).toHaveLength(121);
    expect(textFragment(text)).toBe(
      `:~:text=w000%20w001%20w002%20w003%20w004,w016%20w017%20w018%20w019%20${'x'.repeat(21)}`,
    );
  });

  it('keeps the whole text of a long quote with fewer than ten words', () => {
    const text = Array.from({ length: 9 }, (_, i) => `${i}${'y'.repeat(20)}`).join(' ');
    expect(text.length).toBeGreaterThan(120);
    expect(textFragment(text)).toBe(`:~:text=${encodeURIComponent(text)}`);
  });

  it('property: a short fragment decodes back to the collapsed text', { timeout: 30_000 }, () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (raw) => {
        const clean = raw.replace(/\s+/gu, ' ').trim();
        fc.pre(!/[\ud800-\udfff]/u.test(clean));
        const fragment = textFragment(raw);
        expect(fragment.startsWith(':~:text=')).toBe(true);
        const value = fragment.slice(':~:text='.length);
        expect(value).not.toMatch(/[-,&\s]/u);
        expect(decodeURIComponent(value)).toBe(clean);
      }),
      { numRuns: 300 },
    );
  });
});

describe('unambiguousTextFragment: the browser must find the words first where the link means', () => {
  it('is the plain fragment when the words do not occur before the match', () => {
    expect(unambiguousTextFragment('a $50 billion deal', 'Title\nEarlier passage.', 'The article says ')).toBe(
      ':~:text=a%20%2450%20billion%20deal',
    );
  });

  it('adds the passage words just before the match as a prefix when the quote occurs earlier (any case, any spacing)', () => {
    // The page title repeats the words, in other case and spacing.
    expect(unambiguousTextFragment('the cap', 'A Look At The\n  Cap', 'Revenue is shared up to ')).toBe(
      ':~:text=shared%20up%20to-,the%20cap',
    );
  });

  it('drops the fragment when even the prefix is not unique', () => {
    expect(unambiguousTextFragment('the cap', 'x up to the cap.', 'x up to ')).toBe('');
  });

  it('drops the fragment when the match opens its passage and its words appear earlier (the title repeats the headline)', () => {
    // A prefix must come from the passage itself: the words before it on the page are another block.
    expect(unambiguousTextFragment('End of Exclusivity', 'End of exclusivity\nPublisher', '')).toBe('');
    expect(unambiguousTextFragment('End of Exclusivity', 'A different title', '')).toBe(
      ':~:text=End%20of%20Exclusivity',
    );
  });

  it('checks only the start words of a long quote, which is what the browser looks for first', () => {
    const quote =
      'Microsoft-backed OpenAI, the maker of ChatGPT, said on Monday that its license & cloud terms with Microsoft would change in ways that matter';
    expect(quote.length).toBeGreaterThan(120);
    const start = 'Microsoft-backed OpenAI, the maker of';
    expect(unambiguousTextFragment(quote, 'nothing like it', '')).toBe(textFragment(quote));
    // The whole quote never occurs earlier, but its five start words do: that is enough to mislead.
    expect(unambiguousTextFragment(quote, `${start} something else.`, 'And then ')).toBe(
      textFragment(quote, 'And then'),
    );
  });
});
