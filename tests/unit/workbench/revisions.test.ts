// Revised sources: every passage id any version ever had keeps landing on a passage of the current
// version, and unchanged passages keep their ids.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toPassages, type Passage } from '../../../src/lib/passages/index.ts';
import { diffVersions, reconcileVersions, similarity, type VersionInput } from '../../../src/lib/revisions.ts';

const passagesOf = (paragraphs: readonly string[]): Passage[] => toPassages(paragraphs.join('\n\n')).passages;
const version = (paragraphs: readonly string[], date?: string): VersionInput => ({
  passages: passagesOf(paragraphs),
  ...(date ? { date } : {}),
});

const ORIGINAL = [
  'Microsoft and OpenAI Rewrite Their Cloud Pact',
  'Microsoft and OpenAI have agreed new terms for their partnership, ending Azure exclusivity.',
  'Microsoft keeps a license to the models through 2032, but it is no longer exclusive.',
  'OpenAI will keep paying Microsoft a share of its revenue until 2030.',
  'Analysts said the cap limits how much Microsoft can earn from the growth of OpenAI.',
  'Neither company said whether the AGI clause survives.',
];

describe('reconcileVersions: a correction, a removal and an addition', () => {
  const revised = [
    ORIGINAL[0],
    ORIGINAL[1],
    // Corrected figure.
    'Microsoft keeps a license to the models through 2030, but it is no longer exclusive.',
    ORIGINAL[3],
    // ORIGINAL[4] removed.
    ORIGINAL[5],
    'Correction: an earlier version of this article gave the wrong end date for the license.',
  ] as string[];
  const v1 = version(ORIGINAL);
  const v2 = version(revised, '2026-05-04');
  const { former, log } = reconcileVersions([v1, v2]);
  const id = (v: VersionInput, i: number) => (v.passages[i] as Passage).id;

  it('keeps the ids of unchanged passages: they are not former', () => {
    for (const i of [0, 1, 3]) expect(id(v2, i)).toBe(id(v1, i));
    expect(former.map((f) => f.id).sort()).toEqual([id(v1, 2), id(v1, 4)].sort());
  });

  it('sends the corrected passage to its new text, marked revised, with its earlier text and date', () => {
    expect(former.find((f) => f.id === id(v1, 2))).toEqual({
      id: id(v1, 2),
      text: ORIGINAL[2],
      kind: 'paragraph',
      lastVersion: 1,
      revisedIn: 2,
      revisedOn: '2026-05-04',
      change: 'revised',
      successor: id(v2, 2),
    });
  });

  it('sends the removed passage to the passage that now stands where it stood', () => {
    expect(former.find((f) => f.id === id(v1, 4))).toMatchObject({ change: 'removed', successor: id(v2, 4) });
  });

  it('logs the changes in reading order: revised, removed, added', () => {
    expect(log).toHaveLength(1);
    expect(log[0]?.date).toBe('2026-05-04');
    expect(log[0]?.changes.map((c) => c.type)).toEqual(['revised', 'removed', 'added']);
    expect(log[0]?.changes[2]).toMatchObject({ type: 'added', to: { ordinal: 6, text: revised[5] } });
  });
});

describe('reconcileVersions across three versions', () => {
  it('an id of version 1 follows its passage through every revision to the current text', () => {
    const v1 = version([
      'First paragraph about the cloud deal and its terms.',
      'Second paragraph on money matters today.',
    ]);
    const v2 = version(
      ['First paragraph about the cloud deal and its new terms.', 'Second paragraph on money matters today.'],
      '2026-05-04',
    );
    const v3 = version(
      ['First paragraph about the cloud deal and its new terms, updated.', 'Second paragraph on money matters today.'],
      '2026-05-06',
    );
    const { former } = reconcileVersions([v1, v2, v3]);
    const current = v3.passages[0]?.id;
    expect(former.map((f) => [f.id, f.successor, f.revisedOn])).toEqual([
      [v1.passages[0]?.id, current, '2026-05-04'],
      [v2.passages[0]?.id, current, '2026-05-06'],
    ]);
  });

  it('a passage restored word for word is a passage again, not a former one', () => {
    const a = 'A paragraph that is removed and later restored, word for word.';
    const b = 'Another paragraph that stays in every version of the article.';
    const { former } = reconcileVersions([version([a, b]), version([b], '2026-05-04'), version([a, b], '2026-05-05')]);
    expect(former).toEqual([]);
  });
});

describe('diffVersions', () => {
  it('a paragraph split in two follows its closer half; the other half is added', () => {
    const before = passagesOf([
      'Intro line for the piece.',
      'The deal ends exclusivity. It also caps the revenue share until 2030 for both firms.',
    ]);
    const after = passagesOf([
      'Intro line for the piece.',
      'The deal ends exclusivity.',
      'It also caps the revenue share until 2030 for both firms.',
    ]);
    const { successors, changes } = diffVersions(before, after);
    expect(successors.get(before[1]?.id as string)).toEqual({ id: after[2]?.id, change: 'revised' });
    expect(changes.map((c) => c.type)).toEqual(['added', 'revised']);
  });

  it('two paragraphs merged into one both follow it', () => {
    const first = 'OpenAI will keep paying Microsoft a share of its revenue until 2030.';
    const second = 'The payments are subject to a total cap that neither company disclosed.';
    const before = passagesOf(['Intro line for the piece.', first, second]);
    const after = passagesOf(['Intro line for the piece.', `${first} ${second}`]);
    const { successors } = diffVersions(before, after);
    expect(successors.get(before[1]?.id as string)?.id).toBe(after[1]?.id);
    expect(successors.get(before[2]?.id as string)?.id).toBe(after[1]?.id);
  });

  it('similarity is 1 for the same words and 0 for none in common', () => {
    expect(similarity('The deal ends exclusivity.', 'the deal ends exclusivity')).toBe(1);
    expect(similarity('The deal ends exclusivity.', 'Bananas are yellow fruit')).toBe(0);
  });
});

// ── Properties: whatever the edits, no published link is lost ───────────────────────────────────

const word = fc.constantFrom(
  'Microsoft',
  'OpenAI',
  'Azure',
  'license',
  'cloud',
  'revenue',
  'share',
  'the',
  'deal',
  'and',
  'through',
  '2032',
  'cap',
  'exclusive',
  'terms',
  'said',
);
const paragraph = fc.array(word, { minLength: 3, maxLength: 14 }).map((ws) => `${ws.join(' ')}.`);
type Edit =
  { op: 'keep' } | { op: 'drop' } | { op: 'change'; word: string; at: number } | { op: 'insert'; text: string };
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.constant<Edit>({ op: 'keep' }),
  fc.constant<Edit>({ op: 'drop' }),
  fc.record({ op: fc.constant('change' as const), word, at: fc.nat(20) }),
  fc.record({ op: fc.constant('insert' as const), text: paragraph }),
);

function applyEdits(paragraphs: string[], edits: Edit[]): string[] {
  const out: string[] = [];
  paragraphs.forEach((p, i) => {
    const e = edits[i % edits.length] ?? { op: 'keep' };
    if (e.op === 'keep') out.push(p);
    else if (e.op === 'insert') out.push(p, e.text);
    else if (e.op === 'change') {
      const ws = p.split(' ');
      ws.splice(e.at % ws.length, 0, e.word);
      out.push(ws.join(' '));
    }
  });
  return out.length > 0 ? out : ['Everything else was removed.'];
}

const history = fc
  .tuple(
    fc.array(paragraph, { minLength: 1, maxLength: 10 }),
    fc.array(fc.array(edit, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 3 }),
  )
  .map(([first, rounds]) => {
    const texts = [first];
    for (const edits of rounds) texts.push(applyEdits(texts.at(-1) as string[], edits));
    return texts.map((t, i) => version(t, i === 0 ? undefined : `2026-05-${String(10 + i).padStart(2, '0')}`));
  });

describe('reconcileVersions: properties', () => {
  it('every id any version had is a current passage or a former one that lands on a current passage', () => {
    fc.assert(
      fc.property(history, (versions) => {
        const { former } = reconcileVersions(versions);
        const current = new Set(versions.at(-1)?.passages.map((p) => p.id));
        const formerIds = new Map(former.map((f) => [f.id, f]));
        for (const v of versions) {
          for (const p of v.passages) {
            if (current.has(p.id)) expect(formerIds.has(p.id)).toBe(false);
            else expect(current.has(formerIds.get(p.id)?.successor as string)).toBe(true);
          }
        }
        // Nothing else: a former id is an id some version had.
        const ever = new Set(versions.flatMap((v) => v.passages.map((p) => p.id)));
        for (const f of former) expect(ever.has(f.id)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('a passage no revision touched keeps its id and is never former', () => {
    fc.assert(
      fc.property(history, (versions) => {
        const { former } = reconcileVersions(versions);
        // (A passage with an identical copy before it is `-2`: removing the copy renames it, by design.)
        const inAll = (versions[0]?.passages ?? []).filter((p) =>
          versions.every((v) => v.passages.filter((q) => q.text === p.text).length === 1),
        );
        for (const p of inAll) expect(former.some((f) => f.id === p.id)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('an unchanged article has no former ids and no changes', () => {
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 1, maxLength: 8 }), (paragraphs) => {
        const { former, log } = reconcileVersions([version(paragraphs), version(paragraphs, '2026-05-04')]);
        expect(former).toEqual([]);
        expect(log[0]?.changes).toEqual([]);
      }),
    );
  });
});
