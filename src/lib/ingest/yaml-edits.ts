/**
 * Edits add-source makes to the hand-written YAML files, as text insertions: the editors' comments,
 * quoting and layout stay exactly as they were, and every value from a web page is written through
 * the YAML library, so no title or byline can break the file or add a field.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, stringify, type Node as YamlNode, type Pair } from 'yaml';

const YAML_OPTIONS = { lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' } as const;

/** content/sources.yaml with one more entry at its end. */
export function appendSourceEntry(text: string | undefined, entry: Record<string, unknown>): string {
  const base = text ?? '';
  const block = stringify([entry], YAML_OPTIONS);
  return `${base}${base === '' || base.endsWith('\n\n') ? '' : base.endsWith('\n') ? '\n' : '\n\n'}${block}`;
}

/** The entry of `seed` in content/sources.yaml with one more revision at the end of its `revisions:`. */
export function addRevisionEntry(
  text: string,
  seed: string,
  revision: { seed: string; date: string; note?: string },
): string {
  const doc = parseDocument(text, { keepSourceTokens: false });
  if (!isSeq(doc.contents)) throw new Error('content/sources.yaml is not a list of entries');
  const item = doc.contents.items.find(
    (node) =>
      isMap(node) &&
      node.items.some((p) => isScalar(p.key) && p.key.value === 'seed' && isScalar(p.value) && p.value.value === seed),
  );
  if (!isMap(item)) throw new Error(`no entry for seed ${seed}`);
  const lines = new LineCounter();
  parseDocument(text, { lineCounter: lines });
  const keyColumn = (lines.linePos(((item.items[0] as Pair).key as YamlNode).range?.[0] ?? 0).col ?? 3) - 1;
  const indent = ' '.repeat(keyColumn);
  const existing = item.items.find((p) => isScalar(p.key) && p.key.value === 'revisions');
  const listItem = stringify([revision], YAML_OPTIONS)
    .trimEnd()
    .split('\n')
    .map((l) => `${indent}  ${l}`)
    .join('\n');
  if (existing && isSeq(existing.value) && !existing.value.flow) {
    return insertAfterLineOf(text, existing.value.range?.[1] ?? 0, `${listItem}\n`);
  }
  if (existing) throw new Error('write `revisions:` as a block list to add to it');
  return insertAfterLineOf(text, item.range?.[1] ?? 0, `${indent}revisions:\n${listItem}\n`);
}

/**
 * content/claims.yaml with `<slug>: { status: unreviewed }` under every claim that does not list
 * the source yet. The result is checked: it must parse to the same ledger plus those entries.
 */
export function addUnreviewedSource(text: string, slug: string): { text: string; claims: number } {
  const doc = parseDocument(text);
  if (!isSeq(doc.contents)) return { text, claims: 0 };
  const lines = new LineCounter();
  parseDocument(text, { lineCounter: lines });
  const insertions: { at: number; text: string }[] = [];
  let claims = 0;
  for (const item of doc.contents.items) {
    if (!isMap(item)) continue;
    const sources = item.items.find((p) => isScalar(p.key) && p.key.value === 'sources');
    if (!sources || !isMap(sources.value)) continue;
    const map = sources.value;
    if (map.items.some((p) => isScalar(p.key) && p.key.value === slug)) continue;
    claims++;
    if (map.flow) {
      // `sources: { a: {...} }`: before the closing brace.
      const end = (map.range?.[1] ?? 0) - 1;
      const before = text.slice(0, end).trimEnd();
      const sep = before.endsWith('{') ? ' ' : ', ';
      insertions.push({ at: before.length, text: `${sep}${slug}: { status: unreviewed }${sep === ' ' ? ' ' : ''}` });
      continue;
    }
    const lastKey = (map.items.at(-1)?.key ?? map.items[0]?.key) as YamlNode | undefined;
    const column = lastKey ? lines.linePos(lastKey.range?.[0] ?? 0).col - 1 : 4;
    const indent = ' '.repeat(column);
    insertions.push({
      at: lineEndAfter(text, map.range?.[1] ?? text.length),
      text: `${indent}${stringify(slug, YAML_OPTIONS).trim()}:\n${indent}  status: unreviewed\n`,
    });
  }
  let out = text;
  for (const insertion of insertions.sort((a, b) => b.at - a.at)) {
    out = `${out.slice(0, insertion.at)}${insertion.text}${out.slice(insertion.at)}`;
  }
  // The edit must add exactly these entries and change nothing else.
  const expected = doc.toJS() as { sources?: Record<string, unknown> }[];
  for (const claim of expected)
    if (claim?.sources && !(slug in claim.sources)) claim.sources[slug] = { status: 'unreviewed' };
  if (JSON.stringify(parseDocument(out).toJS()) !== JSON.stringify(expected)) {
    throw new Error('the claims ledger could not be edited safely');
  }
  return { text: out, claims };
}

/** Offset just after the end of the line on which `offset` falls (or stands just past). */
function lineEndAfter(text: string, offset: number): number {
  // A node's range ends after its value, sometimes after the newline that ends its last line.
  let at = offset;
  if (at > 0 && text[at - 1] === '\n') return at;
  const newline = text.indexOf('\n', at);
  at = newline === -1 ? text.length : newline + 1;
  return at;
}

function insertAfterLineOf(text: string, offset: number, insertion: string): string {
  const at = lineEndAfter(text, offset);
  const before = text.slice(0, at);
  return `${before}${before.endsWith('\n') || before === '' ? '' : '\n'}${insertion}${text.slice(at)}`;
}
