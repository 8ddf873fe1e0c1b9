import { createHash } from 'node:crypto';
import { slug } from 'github-slugger';

const SLUG_WORDS = 4;
const SLUG_MAX = 24;
const HASH_LENGTH = 6;
const LONG_HASH_LENGTH = 12;

/**
 * Passage anchor ids are derived from the passage's own text and nothing else: a few words
 * for people, plus a short hash for uniqueness ("what-changed-3f9a1c"). Adding, removing or
 * re-splitting other passages therefore never moves an existing anchor.
 */
export function passageAnchor(text: string, hashLength = HASH_LENGTH): string {
  const canonical = canonicalText(text);
  const hash = createHash('sha256').update(canonical).digest('hex').slice(0, hashLength);
  const words = asciiSlug(canonical.split(' ').slice(0, SLUG_WORDS).join(' '));
  const head = trimAtHyphen(words, SLUG_MAX);
  return head ? `${head}-${hash}` : `p-${hash}`;
}

/**
 * Ids for every passage of a page, in order. Identical passages share a base id and are told
 * apart by their occurrence among identical copies (`-2`, `-3`), so only an identical copy
 * placed before a passage can change its id. Different texts whose short ids collide (so rare
 * it has never been seen) all move to a longer hash, chosen by their text alone.
 */
export function assignAnchors(texts: readonly string[]): string[] {
  const canonical = texts.map(canonicalText);
  const base = canonical.map((text) => passageAnchor(text));

  const textsByBase = new Map<string, Set<string>>();
  canonical.forEach((text, i) => {
    const key = base[i] as string;
    textsByBase.set(key, (textsByBase.get(key) ?? new Set()).add(text));
  });

  const seen = new Map<string, number>();
  return canonical.map((text, i) => {
    const short = base[i] as string;
    const id = (textsByBase.get(short)?.size ?? 1) > 1 ? passageAnchor(text, LONG_HASH_LENGTH) : short;
    const count = (seen.get(text) ?? 0) + 1;
    seen.set(text, count);
    return count === 1 ? id : `${id}-${count}`;
  });
}

/** What an anchor depends on: the text with Unicode and white space normalised. */
export function canonicalText(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

function trimAtHyphen(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const lastHyphen = cut.lastIndexOf('-');
  return lastHyphen > 0 ? cut.slice(0, lastHyphen) : cut;
}

/** A lowercase ASCII slug: accents dropped ("Ünïcödé" → "unicode"), other scripts left out. */
export function asciiSlug(text: string): string {
  return slug(text.replace(/ß/gu, 'ss'))
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^a-z0-9-]+/gu, '')
    .replace(/-{2,}/gu, '-')
    .replace(/^-|-$/gu, '');
}
