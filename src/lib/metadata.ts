import { z } from 'zod';
import type { ContentProblem } from './errors.ts';
import { isoOfStatedDate } from './months.ts';
import { PASSAGE_KINDS } from './passages/types.ts';
import { parseYamlList } from './yaml-list.ts';

export const NOT_STATED = 'not stated';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/u;

const overrideSchema = z
  .strictObject({
    line: z.string().min(1).optional(),
    startsWith: z.string().min(1).optional(),
    kind: z.enum(PASSAGE_KINDS as [string, ...string[]]),
    label: z.string().min(1).optional(),
    facts: z.boolean().optional(),
  })
  .refine((o) => (o.line === undefined) !== (o.startsWith === undefined), {
    message: 'an override needs exactly one of `line` or `startsWith`',
  })
  .refine((o) => o.facts === undefined || o.kind === 'furniture', {
    message: '`facts:` says whether page furniture states facts: it goes with `kind: furniture` only',
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
  /** The article's own address, as the saved page states it (canonical link or og:url). */
  url: z.url({ protocol: /^https?$/u }).optional(),
  /** Where `npm run add-source` found each field ("JSON-LD headline", "visible byline"…): for the editor checking them. */
  provenance: z.record(z.string(), z.string()).optional(),
  overrides: z.array(overrideSchema).optional(),
  /** Later versions of the article (corrections, updates), oldest first; the last is the one shown. */
  revisions: z
    .array(
      z.strictObject({
        seed: z.string().regex(/^revisions\/[^/\\]+\.txt$/u, 'must be the name of a .txt file in seeds/revisions/'),
        date: z.iso.date(),
        note: z.string().trim().min(1).optional(),
      }),
    )
    .optional(),
});

export type SourceMetadata = z.infer<typeof sourceMetadataSchema> & {
  overrides?: {
    line?: string;
    startsWith?: string;
    kind: (typeof PASSAGE_KINDS)[number];
    label?: string;
    facts?: boolean;
  }[];
};

export interface LocatedMetadata {
  metadata: SourceMetadata;
  /** 1-based line of the entry in the metadata file. */
  line: number;
  /** 1-based line of each override entry. */
  overrideLines: number[];
  /** 1-based line of each revision entry. */
  revisionLines: number[];
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
  url: 'write `url:` as the article’s full address (https://…), or leave it out.',
  provenance: 'write `provenance:` as `field: where it came from` lines, or leave it out.',
  revisions:
    'each revision is `- seed: revisions/<file>.txt` and `date: YYYY-MM-DD`, with an optional `note:`; `npm run add-source -- --revise <slug> <file>` writes them.',
  overrides:
    'each override is `- line: "<exact line>"` (or `startsWith:`), `kind: heading|paragraph|list-item|furniture`, optional `label:`, and for furniture optional `facts: true|false` (searchable or not).',
};

/**
 * Parse and validate content/sources.yaml. Every problem names the file, the line and the fix;
 * the entries that are valid are returned alongside, so one mistake does not hide the others.
 */
export function parseSourcesMetadata(
  yamlText: string,
  file: string,
): { entries: LocatedMetadata[]; problems: ContentProblem[] } {
  const { items, problems } = parseYamlList(
    yamlText,
    file,
    sourceMetadataSchema,
    (key) => FIXES[key] ?? 'correct the value.',
    'source',
  );
  const entries: LocatedMetadata[] = items.map((item) => ({
    metadata: item.value as SourceMetadata,
    line: item.line,
    overrideLines: (item.value.overrides ?? []).map((_, i) => item.lineOf(['overrides', i])),
    revisionLines: (item.value.revisions ?? []).map((_, i) => item.lineOf(['revisions', i])),
  }));

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
  // `dateIso` is `date` in machine form (open data, JSON-LD): where `date` states a whole date, they must agree.
  for (const entry of entries) {
    const { date, dateIso } = entry.metadata;
    const stated = dateIso === undefined ? undefined : isoOfStatedDate(date);
    if (stated === undefined || stated === dateIso) continue;
    problems.push({
      file,
      line: entry.line,
      message: `dateIso ${dateIso} is not the date the article states (date: ${date}, that is ${stated}).`,
      fix: `write \`dateIso: ${stated}\`, or correct \`date:\` to what the article says.`,
    });
  }
  return { entries, problems };
}
