import { isMap, isScalar, isSeq, LineCounter, parseDocument, Scalar, type Node as YamlNode } from 'yaml';
import type { z } from 'zod';
import type { ContentProblem } from './errors.ts';

export interface ListItem<T> {
  value: T;
  /** 1-based line where the entry starts. */
  line: number;
  /** Line of a nested key or index path in the entry (falls back to the entry's line). */
  lineOf(path: readonly PropertyKey[]): number;
  /**
   * The file line and column of a character of a string value (by its offset in the parsed string),
   * through folding, quoting and indentation; undefined when the path holds no string.
   */
  positionIn(path: readonly PropertyKey[], offset: number): { line: number; column: number } | undefined;
}

/**
 * Parse a YAML file that holds a list of entries, validate each with a schema, and keep
 * line numbers so that every problem can name the line to fix.
 */
export function parseYamlList<S extends z.ZodType>(
  text: string,
  file: string,
  schema: S,
  fixFor: (key: string) => string,
  /** What one entry is, for messages: "source", "event". */
  entryName: string,
): { items: ListItem<z.infer<S>>[]; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number | undefined) => (offset === undefined ? 1 : lineCounter.linePos(offset).line);

  for (const error of doc.errors) {
    const { line, col } = lineCounter.linePos(yamlErrorOffset(text, error));
    // One mistake makes the parser trip again further on: the first error is the one to fix.
    if (problems.length > 0) break;
    problems.push({
      file,
      line,
      column: col,
      message: `the YAML cannot be read: ${error.message.split('\n')[0]}`,
      fix: 'correct the YAML syntax at that line (indentation, a missing colon, or an unquoted value containing ": "); a value that contains double quotes goes between single quotes, e.g. quote: \'he said "yes"\'.',
    });
  }
  if (problems.length > 0) return { items: [], problems };

  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return { items: [], problems };
  if (!isSeq(root)) {
    problems.push({
      file,
      line: lineAt(root.range?.[0]),
      message: `the file must be a list of ${entryName}s (each entry starting with "- ").`,
      fix: 'write one list entry per item, as in the entries already there.',
    });
    return { items: [], problems };
  }

  const data = doc.toJS() as unknown[];
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape;
  const fields = shape ? Object.keys(shape) : [];
  const items: ListItem<z.infer<S>>[] = [];
  for (const [index, node] of (root.items as YamlNode[]).entries()) {
    const line = lineAt(node.range?.[0]);
    const lineOf = (path: readonly PropertyKey[]) => lineOfPath(node, path, lineAt) ?? line;
    const positionIn = (path: readonly PropertyKey[], offset: number) => {
      const scalar = nodeAtPath(node, path);
      return scalar ? scalarPosition(text, scalar, offset, lineCounter) : undefined;
    };
    const value = data[index];
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const unknown = issue.code === 'unrecognized_keys';
        const path = unknown ? [...issue.path, issue.keys[0] as string] : issue.path;
        const key = String(issue.path[0] ?? (unknown ? '' : path[0]) ?? '');
        const missing = issue.code === 'invalid_type' && valueAt(value, issue.path) === undefined;
        const where = issue.path.join('.');
        problems.push({
          file,
          line: lineOf(path),
          message: unknown
            ? `unknown field ${issue.keys.map((k) => `\`${k}\``).join(', ')} in this ${entryName} entry.`
            : missing
              ? `this ${entryName} entry is missing \`${where}\`.`
              : `\`${where || 'the entry'}\` ${describe(issue.message)}.`,
          fix: unknown ? `remove it or correct its spelling (the fields are: ${fields.join(', ')}).` : fixFor(key),
        });
      }
      continue;
    }
    items.push({ value: parsed.data, line, lineOf, positionIn });
  }
  return { items, problems };
}

/**
 * Where a YAML error really is. The parser notices an unclosed `[` or `{` only on the line after it:
 * point at the bracket that was never closed instead.
 */
export function yamlErrorOffset(text: string, error: { pos: [number, number]; message: string }): number {
  const closer = /end with an? ([\]}])/u.exec(error.message)?.[1];
  if (!closer) return error.pos[0];
  const opener = closer === ']' ? '[' : '{';
  let depth = 0;
  for (let i = Math.min(error.pos[0], text.length) - 1; i >= 0; i--) {
    const ch = text[i];
    if (ch === closer) depth++;
    else if (ch === opener) {
      if (depth === 0) return i;
      depth--;
    }
  }
  return error.pos[0];
}

function lineOfPath(
  node: YamlNode,
  path: readonly PropertyKey[],
  lineAt: (o: number | undefined) => number,
): number | undefined {
  let current: unknown = node;
  let found: number | undefined;
  for (const key of path) {
    if (isMap(current)) {
      const pair = current.items.find((p) => isScalar(p.key) && p.key.value === key);
      if (!pair) break;
      found = lineAt((pair.key as YamlNode).range?.[0]);
      current = pair.value;
    } else if (isSeq(current) && typeof key === 'number') {
      const child = current.items[key] as YamlNode | undefined;
      if (!child) break;
      found = lineAt(child.range?.[0]);
      current = child;
    } else break;
  }
  return found;
}

function nodeAtPath(node: YamlNode, path: readonly PropertyKey[]): Scalar | undefined {
  let current: unknown = node;
  for (const key of path) {
    if (isMap(current)) current = current.items.find((p) => isScalar(p.key) && p.key.value === key)?.value;
    else if (isSeq(current) && typeof key === 'number') current = current.items[key];
    else return undefined;
  }
  return isScalar(current) && typeof current.value === 'string' ? current : undefined;
}

/**
 * Where a character of a string scalar stands in the file. The parsed string joins the scalar's
 * source lines (folded by a space, or kept by a line break) without their indentation; walking the
 * source lines in step with the string finds the line, and the column within it.
 */
function scalarPosition(
  text: string,
  scalar: Scalar,
  offset: number,
  lineCounter: LineCounter,
): { line: number; column: number } | undefined {
  const [start, end] = scalar.range ?? [];
  if (start === undefined || end === undefined) return undefined;
  const block = scalar.type === Scalar.BLOCK_FOLDED || scalar.type === Scalar.BLOCK_LITERAL;
  const quoted = scalar.type === Scalar.QUOTE_DOUBLE || scalar.type === Scalar.QUOTE_SINGLE;
  // The source lines that hold the string, each with the offset in the file where its text starts.
  const lines: { at: number; text: string }[] = [];
  let cursor = start;
  for (const [i, raw] of text.slice(start, end).split('\n').entries()) {
    const lead = raw.length - raw.trimStart().length;
    if (!(block && i === 0)) {
      const skip = i === 0 && quoted ? 1 : 0;
      const body = i === 0 ? raw.slice(skip) : raw.trimStart();
      if (body.trim() !== '') lines.push({ at: cursor + (i === 0 ? skip : lead), text: body });
    }
    cursor += raw.length + 1;
  }
  let remaining = offset;
  for (const line of lines) {
    if (remaining <= line.text.length) {
      const pos = lineCounter.linePos(line.at + remaining);
      return { line: pos.line, column: pos.col };
    }
    remaining -= line.text.length + 1;
  }
  const last = lines.at(-1);
  if (!last) return undefined;
  const pos = lineCounter.linePos(last.at);
  return { line: pos.line, column: pos.col };
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** "must be …" reads as it is; zod's own "Invalid input: expected …" becomes "is invalid: expected …". */
function describe(message: string): string {
  return /^must\b/u.test(message) ? message : `is invalid: ${message.replace(/^Invalid input: /u, '')}`;
}

/** One problem for each entry whose `id` an earlier entry already uses, naming both lines. */
export function duplicateIdProblems(
  entries: readonly { id: string; line: number }[],
  file: string,
  what: string,
  fix: string,
): ContentProblem[] {
  const seen = new Map<string, number>();
  const problems: ContentProblem[] = [];
  for (const { id, line } of entries) {
    const earlier = seen.get(id);
    if (earlier !== undefined) {
      problems.push({ file, line, message: `${what} id "${id}" is already used at line ${earlier}.`, fix });
    }
    seen.set(id, line);
  }
  return problems;
}
