import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { searchAliases } from '../../src/lib/search/aliases.ts';
import { figureForms, withFigureForms } from '../../src/lib/search/figures.ts';
import { indexWord } from '../../src/lib/search/words.ts';
import { realSeeds } from './_support/passages.ts';
import { toPassages } from '../../src/lib/passages/index.ts';

describe('figureForms: one written form for amounts and percentages', () => {
  it.each([
    ['27%', '27 percent'],
    ['27 %', '27 percent'],
    ['27 percent', '27 percent'],
    ['27 per cent', '27 percent'],
    ['27 pct', '27 percent'],
    ['$50B', '50 billion'],
    ['$50 bn', '50 billion'],
    ['50bn', '50 billion'],
    ['$50 billion', '50 billion'],
    ['$50 billion dollars', '50 billion'],
    ['50 billion', '50 billion'],
    ['$7.5bn', '7.5 billion'],
    ['€3m', '3 million'],
    ['£2 mn', '2 million'],
    ['$1.2T', '1.2 trillion'],
    ['$40k', '40 thousand'],
    ['$50', '50'],
    ['$1,000', '1,000'],
  ])('writes "%s" as "%s"', (written, form) => {
    expect(figureForms(written)).toEqual([{ text: written, form, index: 0 }]);
  });

  it.each([
    'GPT-5.5',
    'GPT5.5',
    'Claude Opus 4.7',
    '2032',
    '2 min read',
    'April 27, 2026',
    '7-Year',
    'multi-billion-dollar',
  ])('finds no amount or percentage in "%s"', (text) => {
    expect(figureForms(text)).toEqual([]);
  });

  it('finds every figure of a sentence, in order, with where it stands', () => {
    const text = 'a $15 billion initial investment, another $35bn later, and a 27% stake';
    expect(figureForms(text)).toEqual([
      { text: '$15 billion', form: '15 billion', index: 2 },
      { text: '$35bn', form: '35 billion', index: 42 },
      { text: '27%', form: '27 percent', index: 61 },
    ]);
    expect(withFigureForms(text)).toBe(
      'a 15 billion initial investment, another 35 billion later, and a 27 percent stake',
    );
  });

  const scale = fc.constantFrom(
    ['b', 'billion'],
    ['bn', 'billion'],
    ['B', 'billion'],
    [' billion', 'billion'],
    ['m', 'million'],
    [' mn', 'million'],
    [' million', 'million'],
    ['tn', 'trillion'],
    ['k', 'thousand'],
  );
  const amount = fc.oneof(
    fc.integer({ min: 1, max: 999 }).map(String),
    fc.tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1, max: 9 })).map(([a, b]) => `${a}.${b}`),
  );

  it('reads any amount with any currency sign and scale spelling as the number and the scale word', () => {
    fc.assert(
      fc.property(
        amount,
        scale,
        fc.constantFrom('$', '€', '£', ''),
        fc.constantFrom('', ' '),
        (n, [suffix, word], sign, space) => {
          const written = `${sign}${space && sign ? space : ''}${n}${suffix}`;
          expect(figureForms(`about ${written} in all`).map((f) => f.form)).toEqual([`${n} ${word}`]);
        },
      ),
    );
  });

  it('reads any percentage, however written, as the number and "percent"', () => {
    fc.assert(
      fc.property(amount, fc.constantFrom('%', ' %', ' percent', ' per cent', ' pct', ' Percent'), (n, sign) => {
        expect(withFigureForms(`a ${n}${sign} stake`)).toBe(`a ${n} percent stake`);
      }),
    );
  });

  it('is settled: writing figures in their form a second time changes nothing', () => {
    const piece = fc.oneof(
      fc.constantFrom('$50B', '27%', '50 billion', '27 percent', '$7.5 billion dollars', 'GPT-5.5', '2032', 'the', '—'),
      fc.string({ maxLength: 8 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const once = withFigureForms(pieces.join(' '));
        expect(withFigureForms(once)).toBe(once);
      }),
    );
  });
});

describe('searchAliases: how else readers write what a passage says, for the index only', () => {
  it.each([
    ['holding approximately 27% of the for-profit entity', ['27 percent']],
    ['retains its 27 percent stake', []],
    ['up to $50B in cash', ['50 billion']],
    ['the original $1 billion investment', []],
    ['GPT-5.5, Codex, and Managed Agents', ['GPT 5.5']],
    ['Claude-3 and Llama-3.1, then Claude-3 again', ['Claude 3', 'Llama 3.1']],
    ['End 7-Year Azure Exclusivity and non-exclusive first-right-of-refusal', []],
    ['27% and then 27% again', ['27 percent']],
  ])('"%s" → %j', (text, aliases) => {
    expect(searchAliases(text)).toEqual(aliases);
  });

  it('gives every figure of the real sources a form that the search box also writes', () => {
    for (const seed of realSeeds()) {
      for (const passage of toPassages(seed.text).passages) {
        const aliases = searchAliases(passage.text);
        for (const figure of figureForms(passage.text)) {
          const said = passage.text.split(/\s+/u).map(indexWord).join(' ');
          const form = figure.form.split(' ').map(indexWord).join(' ');
          // Either the passage says it that way already, or an alias does.
          expect(said.includes(form) || aliases.includes(figure.form), `${figure.text} in ${passage.id}`).toBe(true);
        }
      }
    }
  });

  it('never repeats an alias, and never aliases what the text already says', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('27%', '$50B', '27 percent', '50 billion', 'GPT-5.5', 'GPT 5.5', 'and', 'stake'), {
          maxLength: 10,
        }),
        (words) => {
          const text = words.join(' ');
          const aliases = searchAliases(text);
          expect(new Set(aliases).size).toBe(aliases.length);
          for (const alias of aliases) {
            if (alias === 'GPT 5.5') expect(text).toContain('GPT-5.5');
            else expect(figureForms(text).some((f) => f.form === alias && f.text !== alias)).toBe(true);
          }
        },
      ),
    );
  });
});
