import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignAnchors, canonicalText, passageAnchor, toPassages } from '../../src/lib/passages/index.ts';
import { realSeeds } from './_support/passages.ts';

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const sha6 = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 6);

describe('passageAnchor', () => {
  it('is the first words of the text as a slug, then a short hash', () => {
    expect(passageAnchor('What Changed')).toMatch(/^what-changed-[0-9a-f]{6}$/);
  });

  it('is deterministic', () => {
    const text = 'Microsoft and OpenAI have renegotiated their partnership again.';
    expect(passageAnchor(text)).toBe(passageAnchor(text));
    expect(passageAnchor(text)).toBe(passageAnchor(String(text)));
  });

  it('never changes for published passages: the hash is the SHA-256 of the passage’s text', () => {
    // These ids are in published URLs. If this test fails, every citation link to the site breaks.
    expect(passageAnchor('What Changed')).toBe(`what-changed-${sha6('What Changed')}`);
    expect(passageAnchor('The Financial Terms')).toBe(`the-financial-terms-${sha6('The Financial Terms')}`);
    expect(passageAnchor('Key Highlights:')).toBe(`key-highlights-${sha6('Key Highlights:')}`);
    expect(passageAnchor("Microsoft's Consolation Prize")).toBe(
      `microsofts-consolation-${sha6("Microsoft's Consolation Prize")}`,
    );
    expect(passageAnchor('What Changed')).toBe('what-changed-2eeb11');
  });

  it('uses at most four words and cuts at a word boundary, so ids stay short (≤ 31 characters)', () => {
    const id = passageAnchor('Microsoft and OpenAI have renegotiated their partnership again — this time for good.');
    expect(id).toMatch(/^microsoft-and-openai-[0-9a-f]{6}$/);
    expect(passageAnchor('One two three four five six')).toMatch(/^one-two-three-four-[0-9a-f]{6}$/);
    expect(passageAnchor('Supercalifragilisticexpialidocious is a word')).toMatch(
      /^supercalifragilisticexpi-[0-9a-f]{6}$/,
    );
  });

  it.each([
    ['Korean', '한국어 기사'],
    ['Japanese', '日本語の記事'],
    ['Greek', 'Ελληνικά κείμενο'],
    ['Russian', 'Русский текст'],
    ['emoji only', '🤝🚀☁️'],
    ['punctuation only', '— … —'],
    ['underscores and hyphens only', '___ ---'],
  ])('gives %s text a "p-<hash>" id', (_name, text) => {
    expect(passageAnchor(text)).toMatch(/^p-[0-9a-f]{6}$/);
  });

  it('folds accents and ligatures into ASCII', () => {
    expect(passageAnchor('Café Zürich')).toMatch(/^cafe-zurich-[0-9a-f]{6}$/);
    expect(passageAnchor('ﬁnancial ﬁgures')).toMatch(/^financial-figures-[0-9a-f]{6}$/);
    expect(passageAnchor('İstanbul')).toMatch(/^istanbul-[0-9a-f]{6}$/);
  });

  it('keeps only the Latin words of mixed text', () => {
    expect(passageAnchor('Read in other languages: 한국어日本語')).toMatch(/^read-in-other-languages-[0-9a-f]{6}$/);
  });

  it('ignores differences in white space', () => {
    const id = passageAnchor('What Changed in the deal');
    for (const variant of [
      'What  Changed in the deal',
      ' What Changed in the deal\n',
      'What\tChanged\nin the\u00a0deal',
    ]) {
      expect(passageAnchor(variant), JSON.stringify(variant)).toBe(id);
    }
  });

  it('ignores Unicode normalisation (NFC vs NFD)', () => {
    const nfc = 'Café Zürich and the Señor’s résumé'.normalize('NFC');
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    expect(passageAnchor(nfd)).toBe(passageAnchor(nfc));
    expect(passageAnchor('한국어'.normalize('NFD'))).toBe(passageAnchor('한국어'));
  });

  it.each([
    ['case', 'What changed'],
    ['punctuation', 'What Changed.'],
    ['a curly apostrophe', 'What’s Changed'],
    ['a straight apostrophe', "What's Changed"],
    ['a word', 'What Really Changed'],
    ['a later word', 'What Changed, and why'],
  ])('changes when the text changes (%s)', (_name, other) => {
    expect(passageAnchor(other)).not.toBe(passageAnchor('What Changed'));
  });

  it('changes when a word after the first four changes (the hash covers the whole text)', () => {
    const a = passageAnchor('Microsoft and OpenAI have signed a deal.');
    const b = passageAnchor('Microsoft and OpenAI have signed a pact.');
    expect(a.split('-').slice(0, 3)).toEqual(b.split('-').slice(0, 3));
    expect(a).not.toBe(b);
  });

  it('is always short and URL-safe, and starts with the slug of a plain-word text (property)', () => {
    const text = fc.oneof(
      fc.string({ minLength: 1, maxLength: 200 }),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 80 }),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 80 }),
      fc.lorem({ maxCount: 30, mode: 'sentences' }),
    );
    fc.assert(
      fc.property(text, (t) => {
        const id = passageAnchor(t);
        expect(id).toMatch(ID);
        expect(id.length).toBeLessThanOrEqual(31);
        expect(id).toMatch(/-[0-9a-f]{6}$/);
      }),
      { numRuns: 1000 },
    );
    const plainWords = fc.array(fc.stringMatching(/^[a-z]{1,8}$/), { minLength: 1, maxLength: 3 });
    // Words that fit in the 24 characters an id gives them appear whole…
    fc.assert(
      fc.property(
        plainWords.filter((words) => words.join('-').length <= 24),
        (words) => {
          expect(passageAnchor(words.join(' ')).startsWith(`${words.join('-')}-`)).toBe(true);
        },
      ),
    );
    // …and longer ones are cut back to whole words within those 24.
    fc.assert(
      fc.property(
        plainWords.filter((words) => words.join('-').length > 24),
        (words) => {
          const head = passageAnchor(words.join(' ')).replace(/-[0-9a-f]{6}$/u, '');
          expect(head.length).toBeLessThanOrEqual(24);
          expect(`${words.join('-')}-`.startsWith(`${head}-`)).toBe(true);
        },
      ),
    );
  });

  it('differs for texts that differ after normalisation (property)', () => {
    const text = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(text, text, (a, b) => {
        fc.pre(canonicalText(a) !== canonicalText(b));
        expect(passageAnchor(a)).not.toBe(passageAnchor(b));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('canonicalText', () => {
  it('collapses white space, trims, and composes Unicode', () => {
    expect(canonicalText('  Cafe\u0301 \n\t au  lait ')).toBe('Café au lait');
  });
});

describe('assignAnchors', () => {
  it('gives identical passages -2, -3 in order of appearance', () => {
    const base = passageAnchor('Comments (0)');
    expect(assignAnchors(['Comments (0)', 'Share', 'Comments (0)', 'Comments (0)'])).toEqual([
      base,
      passageAnchor('Share'),
      `${base}-2`,
      `${base}-3`,
    ]);
  });

  it('treats passages that differ only in white space or normalisation as identical copies', () => {
    const base = passageAnchor('Café au lait');
    expect(assignAnchors(['Café au lait', 'Café  au lait', 'Cafe\u0301 au lait'])).toEqual([
      base,
      `${base}-2`,
      `${base}-3`,
    ]);
  });

  it('gives a passage the id passageAnchor gives its text when it is the first copy', () => {
    const texts = ['What Changed', 'The deal.', 'Why now', 'The deal.'];
    expect(assignAnchors(texts).slice(0, 3)).toEqual(texts.slice(0, 3).map((t) => passageAnchor(t)));
  });

  it('returns nothing for an empty page', () => {
    expect(assignAnchors([])).toEqual([]);
  });

  describe('when two different texts have the same short id', () => {
    // Found by search: same first words, same first 6 hex digits of SHA-256.
    const a = 'Collision test of anchors, number 2626.';
    const b = 'Collision test of anchors, number 6043.';

    it('(the pair really collides)', () => {
      expect(passageAnchor(a)).toBe(passageAnchor(b));
    });

    it('moves both to a longer hash, chosen by their text alone', () => {
      const ids = assignAnchors([a, 'Something else.', b]);
      expect(ids[0]).toBe(passageAnchor(a, 12));
      expect(ids[2]).toBe(passageAnchor(b, 12));
      expect(ids[0]).not.toBe(ids[2]);
      expect(ids[0]).toMatch(/^collision-test-of-[0-9a-f]{12}$/);
      expect(assignAnchors([b, 'Something else.', a])).toEqual([ids[2], ids[1], ids[0]]);
    });

    it('keeps copies of a colliding text apart with -2', () => {
      expect(assignAnchors([a, b, a])).toEqual([
        passageAnchor(a, 12),
        passageAnchor(b, 12),
        `${passageAnchor(a, 12)}-2`,
      ]);
    });

    it('uses the short id while only one of them is on the page', () => {
      expect(assignAnchors([a, 'Something else.'])[0]).toBe(passageAnchor(a));
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Properties: an anchor depends on its passage's text and on nothing else on the page.
// (The one documented exception, a 24-bit collision of short ids, is tested above; with these
// sizes fast-check cannot stumble on one.)
// ---------------------------------------------------------------------------------------------

const passageText = fc
  .oneof(
    { weight: 3, arbitrary: fc.lorem({ maxCount: 12, mode: 'words' }) },
    { weight: 2, arbitrary: fc.string({ minLength: 1, maxLength: 60 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }) },
    // A small pool, so that identical and whitespace-variant passages are common.
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        'Comments (0)',
        'Comments  (0)',
        'Share',
        'What Changed',
        'What Changed\n',
        'Café',
        'Cafe\u0301',
      ),
    },
  )
  .filter((t) => canonicalText(t) !== '');

const page = fc.array(passageText, { minLength: 1, maxLength: 20 });

/** A page and one passage on it. */
const pageWithTarget = page.chain((texts) => fc.tuple(fc.constant(texts), fc.nat({ max: texts.length - 1 })));

const same = (a: string, b: string): boolean => canonicalText(a) === canonicalText(b);

describe('anchor properties (fast-check)', () => {
  it('(i) inserting passages whose text differs from the target’s never changes the target’s id', () => {
    fc.assert(
      fc.property(
        pageWithTarget,
        fc.array(fc.tuple(fc.nat(), passageText), { minLength: 1, maxLength: 10 }),
        ([texts, t], inserts) => {
          const target = texts[t] as string;
          const before = assignAnchors(texts)[t];
          const after = [...texts];
          let targetAt = t;
          for (const [position, text] of inserts) {
            if (same(text, target)) continue;
            const at = position % (after.length + 1);
            after.splice(at, 0, text);
            if (at <= targetAt) targetAt++;
          }
          expect(after[targetAt]).toBe(target);
          expect(assignAnchors(after)[targetAt]).toBe(before);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('(ii) removing passages whose text differs from the target’s never changes the target’s id', () => {
    fc.assert(
      fc.property(pageWithTarget, fc.array(fc.boolean(), { maxLength: 20 }), ([texts, t], removeMask) => {
        const target = texts[t] as string;
        const before = assignAnchors(texts)[t];
        const kept = texts
          .map((text, i) => ({ text, i }))
          .filter(({ text, i }) => i === t || same(text, target) || !removeMask[i]);
        const targetAt = kept.findIndex(({ i }) => i === t);
        expect(assignAnchors(kept.map((k) => k.text))[targetAt]).toBe(before);
      }),
      { numRuns: 500 },
    );
  });

  it('(iii) merging two other neighbours into one passage never changes the target’s id', () => {
    fc.assert(
      fc.property(pageWithTarget, fc.nat(), fc.constantFrom(' ', '\n'), ([texts, t], pick, joiner) => {
        const pairs = texts.map((_, i) => i).filter((i) => i + 1 < texts.length && i !== t && i + 1 !== t);
        fc.pre(pairs.length > 0);
        const i = pairs[pick % pairs.length] as number;
        const target = texts[t] as string;
        const merged = `${texts[i]}${joiner}${texts[i + 1]}`;
        // Re-splitting that happens to produce an exact copy of the target is an insertion of a copy.
        fc.pre(!same(merged, target) && !same(texts[i] as string, target) && !same(texts[i + 1] as string, target));
        const after = [...texts.slice(0, i), merged, ...texts.slice(i + 2)];
        const targetAt = t > i ? t - 1 : t;
        expect(assignAnchors(after)[targetAt]).toBe(assignAnchors(texts)[t]);
      }),
      { numRuns: 500 },
    );
  });

  it('(iii) splitting another passage into two never changes the target’s id', () => {
    fc.assert(
      fc.property(pageWithTarget, fc.nat(), fc.nat(), ([texts, t], pick, cut) => {
        const others = texts.map((_, i) => i).filter((i) => i !== t);
        fc.pre(others.length > 0);
        const i = others[pick % others.length] as number;
        const text = texts[i] as string;
        const target = texts[t] as string;
        const chars = [...text];
        fc.pre(chars.length >= 2);
        const at = 1 + (cut % (chars.length - 1));
        const first = chars.slice(0, at).join('');
        const second = chars.slice(at).join('');
        fc.pre(canonicalText(first) !== '' && canonicalText(second) !== '');
        fc.pre(!same(first, target) && !same(second, target) && !same(text, target));
        const after = [...texts.slice(0, i), first, second, ...texts.slice(i + 1)];
        const targetAt = t > i ? t + 1 : t;
        expect(assignAnchors(after)[targetAt]).toBe(assignAnchors(texts)[t]);
      }),
      { numRuns: 500 },
    );
  });

  it('(iv) ids are unique within a page and always URL-safe', () => {
    fc.assert(
      fc.property(fc.array(passageText, { maxLength: 40 }), (texts) => {
        const ids = assignAnchors(texts);
        expect(ids).toHaveLength(texts.length);
        expect(new Set(ids).size).toBe(ids.length);
        for (const id of ids) expect(id).toMatch(ID);
      }),
      { numRuns: 1000 },
    );
  });

  it('(iv) ids are unique even with many copies of a few texts', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('A', 'A ', 'B', 'Comments (0)', 'Comments\t(0)'), { maxLength: 60 }),
        (texts) => {
          const ids = assignAnchors(texts);
          expect(new Set(ids).size).toBe(ids.length);
        },
      ),
    );
  });

  it('an identical copy placed BEFORE a passage is the only thing that moves its id (documented)', () => {
    const ids = assignAnchors(['Share', 'What Changed']);
    const withCopy = assignAnchors(['What Changed', 'Share', 'What Changed']);
    expect(withCopy[2]).toBe(`${ids[1]}-2`);
    expect(withCopy[0]).toBe(ids[1]);
  });
});

describe('anchors of the real seeds under edits (fast-check over toPassages)', () => {
  const seeds = realSeeds();

  it('every id on a real seed’s page is unique and URL-safe', () => {
    for (const { name, text } of seeds) {
      const ids = toPassages(text).passages.map((p) => p.id);
      expect(new Set(ids).size, name).toBe(ids.length);
      for (const id of ids) expect(id, name).toMatch(ID);
    }
  });

  it('inserting a new paragraph (with blank lines around it) never changes an existing passage’s id', () => {
    const newLine = fc
      .oneof(
        fc.lorem({ maxCount: 3, mode: 'sentences' }),
        fc.string({ minLength: 1, maxLength: 80 }),
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
        fc.constantFrom(
          'Related Articles',
          'What Changed Next',
          '- a list item',
          'Share: Long',
          'lowercase continuation',
        ),
      )
      .filter((line) => !line.includes('\n') && line.trim() !== '');
    fc.assert(
      fc.property(fc.constantFrom(...seeds), fc.nat(), newLine, (seed, position, line) => {
        const { passages } = toPassages(seed.text);
        fc.pre(!passages.some((p) => same(p.text, line)));
        const lines = seed.text.split('\n');
        const at = position % (lines.length + 1);
        const edited = [...lines.slice(0, at), '', line, '', ...lines.slice(at)].join('\n');
        const after = new Map(toPassages(edited).passages.map((p) => [p.text, p.id]));
        for (const passage of passages) {
          expect(after.get(passage.text), `${seed.name}: ${passage.text.slice(0, 40)}`).toBe(passage.id);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('removing a passage’s lines never changes another passage’s id', () => {
    fc.assert(
      fc.property(fc.constantFrom(...seeds), fc.nat(), (seed, pick) => {
        const { passages } = toPassages(seed.text);
        const removed = passages[pick % passages.length];
        if (!removed) throw new Error('a real seed has passages');
        const lines = seed.text.split('\n');
        const edited = lines
          .map((l, i) => (i + 1 >= removed.lines[0] && i + 1 <= removed.lines[1] ? '' : l))
          .join('\n');
        const after = new Map(toPassages(edited).passages.map((p) => [p.text, p.id]));
        for (const passage of passages) {
          if (passage === removed) continue;
          expect(after.get(passage.text), passage.text.slice(0, 40)).toBe(passage.id);
        }
      }),
      { numRuns: 100 },
    );
  });
});
