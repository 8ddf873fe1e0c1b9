import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { z } from 'zod';
import type { ContentProblem } from './errors.ts';
import { PASSAGE_KINDS } from './passages/types.ts';

export const NOT_STATED = 'not stated';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/u;

const overrideSchema = z
  .strictObject({
    line: z.string().min(1).optional(),
    startsWith: z.string().min(1).optional(),
    kind: z.enum(PASSAGE_KINDS as [string, ...string[]]),
    label: z.string().min(1).optional(),
  })
  .refine((o) => (o.line === undefined) !== (o.startsWith === undefined), {
    message: 'an override needs exactly one of `line` or `startsWith`',
  });

/** One entry of content/sources.yaml: what the article itself states, nothing more. */
export const sourceMetadataSchema = z.strictObject({
  seed: z.string().regex(/^[^/\\]+\.txt$/u, 'must be the name of a .txt file in seeds/'),
  slug: z.string().regex(SLUG, 'must be lowercase words joined by hyphens, e.g. azure-exclusivity-ends'),
  title: z.string().trim().min(1),
  titleSupplied: z.boolean(),
  publisher: z.string().trim().min(1),
  byline: z.string().trim().min(1),
  date: z.string().trim().min(1),
  dateIso: z.iso.date().optional(),
  overrides: z.array(overrideSchema).optional(),
});

export type SourceMetadata = z.infer<typeof sourceMetadataSchema> & {
  overrides?: { line?: string; startsWith?: string; kind: (typeof PASSAGE_KINDS)[number]; label?: string }[];
};

export interface LocatedMetadata {
  metadata: SourceMetadata;
  /** 1-based line of the entry in the metadata file. */
  line: number;
  /** 1-based line of each override entry. */
  overrideLines: number[];
}

const FIXES: Record<string, string> = {
  seed: 'set `seed:` to the file name of a seed in seeds/, e.g. `seed: 004_fa64b385c398ed41.txt`.',
  slug: 'set `slug:` to a short, lowercase, hyphenated name derived from the title; it becomes /sources/<slug>/ forever.',
  title: 'set `title:` to the article’s own title, or to a descriptive one with `titleSupplied: true`.',
  titleSupplied: 'set `titleSupplied: true` if the editors wrote the title, `false` if the article states it.',
  publisher: 'set `publisher:` to the publisher the article names, or to "not stated".',
  byline: 'set `byline:` to the author the article names, or to "not stated".',
  date: 'set `date:` to the date exactly as the article states it, or to "not stated".',
  dateIso: 'write `dateIso:` as YYYY-MM-DD, or leave it out.',
  overrides: 'each override is `- line: "<exact line>"` (or `startsWith:`), `kind: heading|paragraph|list-item|furniture`, optional `label:`.',
};

/**
 * Parse and validate content/sources.yaml. Every problem names the file, the line and the fix;
 * the entries that are valid are returned alongside, so one mistake does not hide the others.
 */
export function parseSourcesMetadata(
  yamlText: string,
  file: string,
): { entries: LocatedMetadata[]; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineOf = (offset: number | undefined): number => (offset === undefined ? 1 : lineCounter.linePos(offset).line);

  for (const error of doc.errors) {
    problems.push({
      file,
      line: lineOf(error.pos[0]),
      message: `the YAML cannot be read: ${error.message.split('\n')[0]}`,
      fix: 'correct the YAML syntax at that line (indentation, a missing colon, or an unquoted value containing ": ").',
    });
  }
  if (problems.length > 0) return { entries: [], problems };

  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return { entries: [], problems };
  if (!isSeq(root)) {
    problems.push({
      file,
      line: lineOf(root.range?.[0]),
      message: 'the file must be a list of sources (each entry starting with "- seed: …").',
      fix: 'write one list entry per seed, as in the entries already there.',
    });
    return { entries: [], problems };
  }

  const data = doc.toJS() as unknown[];
  const entries: LocatedMetadata[] = [];
  for (const [index, item] of root.items.entries()) {
    const node = item as YamlNode;
    const line = lineOf(node.range?.[0]);
    const parsed = sourceMetadataSchema.safeParse(data[index]);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? '');
        const keyLine = isMap(node) ? lineOfKey(node, issue.path, lineOf) ?? line : line;
        const missing = issue.code === 'invalid_type' && issue.input === undefined;
        const unknown = issue.code === 'unrecognized_keys';
        problems.push({
          file,
          line: keyLine,
          message: unknown
            ? `unknown field ${issue.keys.map((k) => `\`${k}\``).join(', ')} in this source entry.`
            : missing
              ? `this source entry is missing \`${key}\`.`
              : `\`${issue.path.join('.')}\` ${issue.message.replace(/^Invalid input: /u, 'is invalid: ')}.`,
          fix: unknown
            ? `remove it or correct its spelling; the fields are ${Object.keys(FIXES).join(', ')}.`
            : (FIXES[key] ?? 'correct the value.'),
        });
      }
      continue;
    }
    const overridesNode = isMap(node) ? node.get('overrides', true) : undefined;
    const overrideLines = isSeq(overridesNode)
      ? overridesNode.items.map((o) => lineOf((o as YamlNode).range?.[0]))
      : [];
    entries.push({ metadata: parsed.data as SourceMetadata, line, overrideLines });
  }

  // Slugs are permanent URLs and seeds have one entry each: duplicates are mistakes.
  for (const field of ['slug', 'seed'] as const) {
    const first = new Map<string, LocatedMetadata>();
    for (const entry of entries) {
      const value = entry.metadata[field];
      const earlier = first.get(value);
      if (earlier) {
        problems.push({
          file,
          line: entry.line,
          message: `${field} "${value}" is already used by the entry at line ${earlier.line}.`,
          fix:
            field === 'slug'
              ? 'give this source a different slug (slugs are permanent URLs: change the newer one).'
              : 'keep one entry per seed: merge the two entries.',
        });
      } else {
        first.set(value, entry);
      }
    }
  }
  return { entries, problems };
}

function lineOfKey(
  map: YamlNode,
  path: readonly PropertyKey[],
  lineOf: (offset: number | undefined) => number,
): number | undefined {
  let node: unknown = map;
  let found: number | undefined;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && p.key.value === key);
      if (!pair) break;
      found = lineOf((pair.key as YamlNode).range?.[0]);
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      const child = node.items[key] as YamlNode | undefined;
      if (!child) break;
      found = lineOf(child.range?.[0]);
      node = child;
    } else break;
  }
  return found;
}
