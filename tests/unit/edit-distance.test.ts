import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closestWord, editDistance } from '../../src/lib/edit-distance.ts';

describe('editDistance and closestWord', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('renewal', 'renewals')).toBe(1);
    expect(editDistance('revenue', 'revenu')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('suggests the nearest id when it is a slip, and nothing when every id is far', () => {
    const ids = ['cap-is-new', 'revenue-share-cap', 'stake-27-percent'];
    expect(closestWord(ids, 'cap-is-nwe')).toBe('cap-is-new');
    expect(closestWord(ids, 'announcement-date')).toBeUndefined();
  });

  it('property: a metric — zero only for equal words, symmetric, and at most the longer length', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const d = editDistance(a, b);
        expect(d === 0).toBe(a === b);
        expect(d).toBe(editDistance(b, a));
        expect(d).toBeLessThanOrEqual(Math.max(a.length, b.length));
      }),
    );
  });
});
