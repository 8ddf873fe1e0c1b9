/**
 * Versions of a source. A news article is corrected and updated after it is published; each new
 * version is added beside the old ones (never over them), and every passage id that any version
 * ever had keeps working: an id that the current version no longer has is a *former* passage,
 * which lands on its successor in the current version.
 *
 * How an old passage finds its successor, from one version to the next:
 *   1. the same id (ids come from a passage's own words, so an unchanged passage keeps its id);
 *   2. otherwise the most similar new passage (shared word pairs), one to one first, so that a
 *      paragraph split in two follows its closer half, then many to one (two merged paragraphs);
 *   3. otherwise it was removed, and lands where it stood: on the successor of the nearest
 *      passage after it that survived (or before it, at the end of the article).
 * Across several versions the steps chain: an id from version 1 follows its successor into
 * version 2, then that passage's successor into version 3, and so on to the current version.
 */
import type { Passage } from './passages/types.ts';

export interface VersionInput {
  passages: readonly Passage[];
  /** ISO date the version was published or received; the first version may have none. */
  date?: string;
}

/** A passage id the current version no longer has, and where it now lands. */
export interface FormerPassage {
  id: string;
  /** The passage's text in the last version that had it. */
  text: string;
  kind: Passage['kind'];
  /** 1-based version that last had it. */
  lastVersion: number;
  /** The first version without it, and that version's date. */
  revisedIn: number;
  revisedOn?: string;
  /** Revised (a similar passage replaced it) or removed (nothing similar remains). */
  change: 'revised' | 'removed';
  /** Id of the passage in the current version it lands on. */
  successor: string;
}

export type PassageChange =
  | { type: 'revised'; from: ChangedPassage; to: ChangedPassage }
  | { type: 'removed'; from: ChangedPassage; successor: string }
  | { type: 'added'; to: ChangedPassage };

export interface ChangedPassage {
  id: string;
  ordinal: number;
  text: string;
}

/** What one revision changed, compared with the version before it. */
export interface RevisionLog {
  /** 1-based version this revision made (2 for the first revision). */
  version: number;
  date?: string;
  changes: PassageChange[];
}

/** Passages at least this similar are the same passage, revised. */
export const SIMILAR = 0.5;

export function reconcileVersions(versions: readonly VersionInput[]): { former: FormerPassage[]; log: RevisionLog[] } {
  if (versions.length === 0) return { former: [], log: [] };
  const log: RevisionLog[] = [];
  /** Every id seen in an earlier version and gone since, with where it points in the latest version so far. */
  const former = new Map<string, FormerPassage>();

  for (let v = 1; v < versions.length; v++) {
    const before = (versions[v - 1] as VersionInput).passages;
    const after = (versions[v] as VersionInput).passages;
    const date = (versions[v] as VersionInput).date;
    const { successors, changes } = diffVersions(before, after);
    log.push({ version: v + 1, ...(date ? { date } : {}), changes });

    const present = new Set(after.map((p) => p.id));
    // Ids gone before this version follow their successor on.
    for (const entry of former.values()) {
      if (!present.has(entry.successor)) entry.successor = successors.get(entry.successor)?.id ?? entry.successor;
    }
    // Ids of the version before that this version does not have.
    for (const passage of before) {
      if (present.has(passage.id) || former.has(passage.id)) continue;
      const next = successors.get(passage.id) as { id: string; change: 'revised' | 'removed' };
      former.set(passage.id, {
        id: passage.id,
        text: passage.text,
        kind: passage.kind,
        lastVersion: v,
        revisedIn: v + 1,
        ...(date ? { revisedOn: date } : {}),
        change: next.change,
        successor: next.id,
      });
    }
    // An id that comes back (a passage restored word for word) is a real passage again.
    for (const id of present) former.delete(id);
  }
  return { former: [...former.values()], log };
}

/**
 * Where each passage of `before` went in `after`: its successor's id and whether it was
 * revised or removed (an unchanged passage is its own successor). Plus the changes, in reading order.
 */
export function diffVersions(
  before: readonly Passage[],
  after: readonly Passage[],
): { successors: Map<string, { id: string; change: 'same' | 'revised' | 'removed' }>; changes: PassageChange[] } {
  const successors = new Map<string, { id: string; change: 'same' | 'revised' | 'removed' }>();
  const afterIds = new Set(after.map((p) => p.id));
  const taken = new Set<string>();
  for (const p of before) {
    if (afterIds.has(p.id)) {
      successors.set(p.id, { id: p.id, change: 'same' });
      taken.add(p.id);
    }
  }

  const gone = before.filter((p) => !successors.has(p.id));
  const fresh = after.filter((p) => !taken.has(p.id));
  const pairs: { from: Passage; to: Passage; score: number }[] = [];
  const bigramsOf = new Map(fresh.map((p) => [p.id, bigrams(p.text)]));
  for (const from of gone) {
    const mine = bigrams(from.text);
    for (const to of fresh) {
      const score = dice(mine, bigramsOf.get(to.id) as Map<string, number>);
      if (score >= SIMILAR) pairs.push({ from, to, score });
    }
  }
  // Closest pairs first, ties in reading order: one to one...
  pairs.sort((a, b) => b.score - a.score || a.from.ordinal - b.from.ordinal || a.to.ordinal - b.to.ordinal);
  for (const { from, to } of pairs) {
    if (successors.has(from.id) || taken.has(to.id)) continue;
    successors.set(from.id, { id: to.id, change: 'revised' });
    taken.add(to.id);
  }
  // ...then many to one: two paragraphs merged into one both follow it.
  for (const { from, to } of pairs) {
    if (!successors.has(from.id)) successors.set(from.id, { id: to.id, change: 'revised' });
  }
  // Removed: land where the passage stood.
  for (const [i, from] of before.entries()) {
    if (successors.has(from.id)) continue;
    const survivor =
      before
        .slice(i + 1)
        .map((p) => successors.get(p.id))
        .find((s) => s && s.change !== 'removed') ??
      before
        .slice(0, i)
        .reverse()
        .map((p) => successors.get(p.id))
        .find((s) => s && s.change !== 'removed');
    const id = survivor?.id ?? after[0]?.id;
    if (id !== undefined) successors.set(from.id, { id, change: 'removed' });
  }

  const byId = new Map(after.map((p) => [p.id, p]));
  const brief = (p: Passage): ChangedPassage => ({ id: p.id, ordinal: p.ordinal, text: p.text });
  const changes: PassageChange[] = [];
  for (const from of before) {
    const next = successors.get(from.id);
    if (!next || next.change === 'same') continue;
    const to = byId.get(next.id) as Passage;
    changes.push(
      next.change === 'revised'
        ? { type: 'revised', from: brief(from), to: brief(to) }
        : { type: 'removed', from: brief(from), successor: to.id },
    );
  }
  const followed = new Set([...successors.values()].filter((s) => s.change !== 'removed').map((s) => s.id));
  for (const to of after) if (!followed.has(to.id)) changes.push({ type: 'added', to: brief(to) });
  // In the reading order of the new version (a removed passage where its successor is).
  const position = (c: PassageChange) => byId.get(c.type === 'removed' ? c.successor : c.to.id)?.ordinal ?? 0;
  changes.sort(
    (a, b) => position(a) - position(b) || (a.type === 'removed' ? -1 : 0) - (b.type === 'removed' ? -1 : 0),
  );
  return { successors, changes };
}

/** Lowercase words without punctuation: what similarity compares. */
export function wordsOf(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

function bigrams(text: string): Map<string, number> {
  const words = wordsOf(text);
  const grams = new Map<string, number>();
  const add = (g: string) => grams.set(g, (grams.get(g) ?? 0) + 1);
  if (words.length === 1) add(words[0] as string);
  for (let i = 0; i + 1 < words.length; i++) add(`${words[i]} ${words[i + 1]}`);
  return grams;
}

/** Dice coefficient of two multisets: 1 for the same words in the same order, 0 for nothing shared. */
function dice(a: Map<string, number>, b: Map<string, number>): number {
  let shared = 0;
  let total = 0;
  for (const [gram, n] of a) {
    shared += Math.min(n, b.get(gram) ?? 0);
    total += n;
  }
  for (const n of b.values()) total += n;
  return total === 0 ? 0 : (2 * shared) / total;
}

/** How similar two texts are, 0 to 1 (shared word pairs). */
export function similarity(a: string, b: string): number {
  return dice(bigrams(a), bigrams(b));
}
