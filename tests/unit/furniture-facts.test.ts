import { describe, expect, it } from 'vitest';
import { FURNITURE_RULES } from '../../src/lib/passages/rules.ts';
import { furnitureFacts, splitPassages, toPassages, type SplitPassage } from '../../src/lib/passages/index.ts';
import { realSeed, shape } from './_support/passages.ts';

const furniture = (text: string, label?: string, facts?: boolean): SplitPassage => ({
  kind: 'furniture',
  text,
  lines: [1, 1],
  ...(label === undefined ? {} : { label }),
  ...(facts === undefined ? {} : { facts }),
});

describe('furnitureFacts: page furniture that states facts is searchable, widgets are not', () => {
  it('a related-article teaser written in sentences states facts', () => {
    expect(
      furnitureFacts(
        furniture(
          'The council said in April that the audit of the fleet found hundreds of broken bikes.',
          'Related articles',
        ),
      ),
    ).toBe(true);
  });

  it.each([
    ['Related Articles', 'Related articles'],
    ['City Apr 2, 2026 3 min read', 'Article details'],
    ['Also read: OpenAI’s $20 Billion Bet on AI Chips from Cerebras Systems', 'Related link'],
    ['Read more: The audit in full', 'Related link'],
  ])('a headline or a label is no statement: %j (%s)', (text, label) => {
    expect(furnitureFacts(furniture(text, label))).toBe(false);
  });

  it('a widget never states facts, however long its text', () => {
    const sentence = 'Share this article with everyone you know, because the audit found hundreds of broken bikes.';
    for (const rule of FURNITURE_RULES.filter((r) => r.widget)) {
      expect(furnitureFacts(furniture(sentence, rule.label)), rule.label).toBe(false);
    }
  });

  it('a short sentence is no statement ("No comments yet. Be the first to comment!")', () => {
    expect(furnitureFacts(furniture('No comments yet. Be the first to comment!', 'Page furniture'))).toBe(false);
    expect(furnitureFacts(furniture('Prices rose.', 'Page furniture'))).toBe(false);
  });

  it('an override’s `facts:` decides, either way', () => {
    expect(furnitureFacts(furniture('Share: Long', 'Share widget', true))).toBe(true);
    expect(
      furnitureFacts(furniture('The council said in April that the audit found broken bikes.', 'Teaser', false)),
    ).toBe(false);
  });

  it('the article’s own text is not furniture', () => {
    for (const kind of ['paragraph', 'heading', 'list-item'] as const) {
      expect(furnitureFacts({ kind, text: 'The council said in April that the audit found broken bikes.' })).toBe(
        false,
      );
    }
  });

  it('in the blog fixture, only the teaser after "Related Articles" states facts', () => {
    const { passages } = splitPassages(shape('e-blog-with-widgets.txt'));
    const facts = passages.filter(furnitureFacts).map((p) => p.lines[0]);
    expect(facts).toEqual([25]);
    expect(passages.filter((p) => p.kind === 'furniture').length).toBeGreaterThan(5);
  });

  it('in the real seeds, only the February 27 teaser of the May 2 article states facts', () => {
    const found = ['000', '001', '002', '003', '004'].flatMap((seed) =>
      toPassages(realSeed(seed))
        .passages.filter(furnitureFacts)
        .map((p) => `${seed}: ${p.text.slice(0, 40)}`),
    );
    expect(found).toEqual(['004: Microsoft and OpenAI said on February 27']);
  });

  it('an override with `facts:` carries it to the passage; one without leaves the rules to decide', () => {
    const text = 'Share: Long\n\nRead in other languages: Español';
    const { passages } = splitPassages(text, [{ line: 'Share: Long', kind: 'furniture', label: 'Note', facts: true }]);
    expect(passages[0]).toEqual({ kind: 'furniture', text: 'Share: Long', lines: [1, 1], label: 'Note', facts: true });
    expect(passages[1]).not.toHaveProperty('facts');
    expect(passages.map(furnitureFacts)).toEqual([true, false]);
  });
});
