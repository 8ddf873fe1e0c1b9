import { describe, expect, it } from 'vitest';
import { highlightWordsOf, withHighlightWords } from '../../src/lib/search/highlight.ts';

describe('withHighlightWords: the words a result link asks its page to mark', () => {
  it('puts back the words as searched, keeping the path and the passage', () => {
    expect(withHighlightWords('/sources/x/?highlight=gpt55#gpt-55-abc123', ['GPT-5.5'])).toBe(
      '/sources/x/?highlight=GPT-5.5#gpt-55-abc123',
    );
    expect(withHighlightWords('/sources/x/?highlight=75&highlight=billion#p', ['7.5', 'billion'])).toBe(
      '/sources/x/?highlight=7.5&highlight=billion#p',
    );
    expect(withHighlightWords('http://localhost:4321/a/?highlight=x', ['Jassy'])).toBe(
      'http://localhost:4321/a/?highlight=Jassy',
    );
  });

  it('leaves a link without highlight words, or with nothing to put back, as it is', () => {
    expect(withHighlightWords('/sources/x/#p', ['cap'])).toBe('/sources/x/#p');
    expect(withHighlightWords('/sources/x/?highlight=cap', [])).toBe('/sources/x/?highlight=cap');
  });

  it('takes the words of a phrase without its quotation marks', () => {
    expect(highlightWordsOf('"50 billion"')).toEqual(['50', 'billion']);
    expect(highlightWordsOf('GPT-5.5 license')).toEqual(['GPT-5.5', 'license']);
  });
});
