import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../src/lib/prose/sentences.ts';

const CITE = '\uE000';
const split = (text: string) => splitSentences(text).map(({ start, end }) => text.slice(start, end));

describe('splitSentences', () => {
  it('splits on sentence ends, keeping figures and model names whole', () => {
    expect(split('Microsoft reported $7.5 billion. GPT-5.5 is now on Bedrock. Is it? Yes!')).toEqual([
      'Microsoft reported $7.5 billion.',
      'GPT-5.5 is now on Bedrock.',
      'Is it?',
      'Yes!',
    ]);
  });

  it('does not end a sentence at an abbreviation', () => {
    expect(split('The U.S. Treasury said so. Then Mr. Smith left, e.g. at noon. Acme Inc. agreed.')).toEqual([
      'The U.S. Treasury said so.',
      'Then Mr. Smith left, e.g. at noon.',
      'Acme Inc. agreed.',
    ]);
  });

  it('gives a citation written after the full stop to the sentence it follows', () => {
    expect(split(`One claim ${CITE}. Another claim.${CITE} ${CITE} A third.`)).toEqual([
      `One claim ${CITE}.`,
      `Another claim.${CITE} ${CITE}`,
      'A third.',
    ]);
  });

  it('keeps a quoted sentence inside its sentence', () => {
    expect(split('Both companies said the terms provide "long-term clarity." Then they left.')).toEqual([
      'Both companies said the terms provide "long-term clarity."',
      'Then they left.',
    ]);
  });

  it('property: sentences are in order, do not overlap, and leave out nothing but white space', () => {
    const sentence = fc
      .array(fc.constantFrom('Microsoft', 'keeps', 'a', '$7.5', 'billion', 'GPT-5.5', 'U.S.', 'stake', '27%', CITE), {
        minLength: 1,
        maxLength: 8,
      })
      .chain((words) => fc.constantFrom('.', '?', '!').map((end) => `${words.join(' ')}${end}`));
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 1, maxLength: 6 }), (sentences) => {
        const text = sentences.join(' ');
        const ranges = splitSentences(text);
        let previous = 0;
        for (const { start, end } of ranges) {
          expect(start).toBeGreaterThanOrEqual(previous);
          expect(text.slice(previous, start).trim()).toBe('');
          expect(text.slice(start, end)).toBe(text.slice(start, end).trim());
          previous = end;
        }
        expect(text.slice(previous).trim()).toBe('');
      }),
    );
  });
});
