import { parseDocument } from 'yaml';
import { z } from 'zod';
import type { ContentProblem } from './errors.ts';
import type { CitationRequest } from './citations/resolve.ts';
import { duplicateIdProblems, parseYamlList } from './yaml-list.ts';

export const CLAIM_STATUSES = ['states', 'differs', 'silent'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];
/**
 * What a cell shows: a status, or "unreviewed" for a source nobody has reviewed for the claim yet:
 * written `status: unreviewed` (what `npm run add-source` adds for a new source), or left out.
 */
export const CELL_STATUSES = [...CLAIM_STATUSES, 'unreviewed'] as const;
export type CellStatus = (typeof CELL_STATUSES)[number];

const sourceEntrySchema = z.strictObject({
  status: z.enum(CELL_STATUSES),
  quote: z.string().trim().min(1).optional(),
  note: z.string().trim().min(1).optional(),
});

export const claimSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u, 'must be lowercase words joined by hyphens, e.g. license-term'),
  claim: z.string().trim().min(1),
  figures: z.array(z.string().trim().min(1)).optional(),
  sources: z.record(z.string(), sourceEntrySchema),
});

export type Claim = z.infer<typeof claimSchema>;

export interface LocatedClaim {
  claim: Claim;
  line: number;
  /** Lines of the claim's `claim:` and `figures:`. */
  claimLine: number;
  figuresLine: number;
  /** Sources not reviewed for the claim yet: marked `status: unreviewed`, or not listed (a seed added by hand). */
  unreviewed: string[];
  /** One citation request per source that states the claim or states it differently. */
  citations: (CitationRequest & { status: Exclude<ClaimStatus, 'silent'>; note?: string; noteLine?: number })[];
}

const FIXES: Record<string, string> = {
  id: 'give the claim a unique id such as license-term; it is its anchor on /claims/.',
  claim: 'state the claim in one short sentence of your own.',
  figures: 'list the figures as the sources write them, e.g. ["$50 billion", "50 billion"].',
  sources: 'give every source a status: states (with quote), differs (with quote and note) or silent.',
};

/**
 * Parse content/claims.yaml. Checks the ledger's own rules (every source has a status; a stated
 * claim quotes; a difference says what differs; a silent source quotes nothing); the quotes are
 * then verified like any citation.
 */
export function parseClaims(
  text: string,
  file: string,
  sourceSlugs: readonly string[],
): { claims: LocatedClaim[]; problems: ContentProblem[]; hidden: ReadonlySet<string> | 'all' } {
  const { items, problems } = parseYamlList(text, file, claimSchema, (k) => FIXES[k] ?? 'correct the value.', 'claim');
  const claims: LocatedClaim[] = [];
  // A claim the schema rejected is not in `claims`, and a file the YAML parser cannot read has none: what refers
  // to them is not "unknown". Their ids, read from the raw entries (every id, when the file cannot be read).
  const hidden = hiddenClaimIds(text, new Set(items.map((item) => item.value.id)));
  problems.push(
    ...duplicateIdProblems(
      items.map((item) => ({ id: item.value.id, line: item.line })),
      file,
      'claim',
      'give each claim its own id.',
    ),
  );
  for (const item of items) {
    const { id, sources } = item.value;
    const citations: LocatedClaim['citations'] = [];
    // A source the claim does not cover is shown as "not reviewed" (and warned about), not an error:
    // adding a seed must never break the build.
    const unreviewed = sourceSlugs.filter((slug) => !(slug in sources) || sources[slug]?.status === 'unreviewed');
    for (const [slug, entry] of Object.entries(sources)) {
      const line = item.lineOf(['sources', slug]);
      const at = (message: string, fix: string) =>
        problems.push({ file, line, message: `claim "${id}", source "${slug}": ${message}`, fix });
      if (!sourceSlugs.includes(slug)) {
        at('there is no such source.', `use one of: ${sourceSlugs.join(', ')}.`);
        continue;
      }
      if (entry.status === 'silent' || entry.status === 'unreviewed') {
        if (entry.quote || entry.note)
          at(
            `a${entry.status === 'silent' ? ' silent' : 'n unreviewed'} source has no quote or note.`,
            'remove them, or change the status to states or differs.',
          );
        continue;
      }
      if (!entry.quote) {
        at(
          `a source that ${entry.status === 'states' ? 'states' : 'differs on'} the claim must quote it.`,
          'add `quote:` with the exact words of the passage.',
        );
        continue;
      }
      if (entry.status === 'differs' && !entry.note)
        at('say in a note how the source differs.', 'add `note:` with one line in your own words.');
      if (entry.status === 'states' && entry.note)
        at('a note is only for differences.', 'remove the note, or change the status to differs.');
      citations.push({
        source: slug,
        quote: entry.quote,
        file,
        line: item.lineOf(['sources', slug, 'quote']),
        column: 1,
        status: entry.status,
        ...(entry.note ? { note: entry.note, noteLine: item.lineOf(['sources', slug, 'note']) } : {}),
      });
    }
    claims.push({
      claim: item.value,
      line: item.line,
      claimLine: item.lineOf(['claim']),
      figuresLine: item.lineOf(['figures']),
      unreviewed,
      citations,
    });
  }
  // In file order, as an editor reads them (a problem with the whole file, which has no line, first).
  return { claims, problems: problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)), hidden };
}

/** How the sources stand on a claim, for the matrix: how many state it, differ, say nothing. */
export function claimSummary(claim: Claim): { states: number; differs: number; silent: number; singleSource: boolean } {
  const statuses = Object.values(claim.sources).map((s) => s.status);
  const states = statuses.filter((s) => s === 'states').length;
  const differs = statuses.filter((s) => s === 'differs').length;
  const silent = statuses.filter((s) => s === 'silent').length;
  return { states, differs, silent, singleSource: states + differs === 1 };
}

/**
 * One warning per source that some claims have not been reviewed for, saying how many and what to
 * do: the cells read "Not reviewed" until then.
 */
export function unreviewedWarnings(claims: readonly LocatedClaim[], file: string): string[] {
  const count = new Map<string, number>();
  for (const c of claims) for (const slug of c.unreviewed) count.set(slug, (count.get(slug) ?? 0) + 1);
  return [...count].map(
    ([slug, n]) =>
      `The claims ledger (${file}) does not yet say what the source "${slug}" states for ${n === claims.length ? `any of its ${n} claims` : `${n} of its ${claims.length} claims`}: its column reads "Not reviewed". ` +
      `Review it: under each claim, set ${slug} to status: states (with quote), differs (with quote and note) or silent.`,
  );
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The claim's standing in one sentence: "2 sources state it, 1 states it differently." */
export function describeSummary(
  summary: { states: number; differs: number; silent: number; singleSource: boolean },
  unreviewed = 0,
): string {
  const parts = [
    count(summary.states, 'source states it', 'sources state it'),
    summary.differs > 0 ? count(summary.differs, 'states it differently', 'state it differently') : '',
    summary.silent > 0 ? count(summary.silent, 'does not mention it', 'do not mention it') : '',
    unreviewed > 0 ? count(unreviewed, 'is not reviewed yet', 'are not reviewed yet') : '',
  ].filter(Boolean);
  return `${parts.join(', ')}.${summary.singleSource ? ' Only one source reports it.' : ''}`;
}

/** What a <Count> counts: a status of the ledger, or `mentions` (states or differs). */
export type CountedStatus = ClaimStatus | 'mentions';

/** Does a source with this status count towards this kind of count? */
export const counts = (status: CellStatus | undefined, counted: CountedStatus) =>
  counted === 'mentions' ? status === 'states' || status === 'differs' : status === counted;

/**
 * How many sources the ledger gives a status for a claim, out of how many sources there are, and how
 * many of those the ledger has not reviewed yet: what <Count> renders.
 */
export function ledgerCount(
  claim: Claim,
  counted: CountedStatus,
  sourceSlugs: readonly string[],
): { count: number; total: number; unreviewed: number } {
  return {
    count: sourceSlugs.filter((slug) => counts(claim.sources[slug]?.status, counted)).length,
    total: sourceSlugs.length,
    unreviewed: sourceSlugs.filter((slug) => (claim.sources[slug]?.status ?? 'unreviewed') === 'unreviewed').length,
  };
}

/** The ids of the entries that did not validate, or 'all' when the YAML cannot be read. */
function hiddenClaimIds(text: string, valid: ReadonlySet<string>): ReadonlySet<string> | 'all' {
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0) return 'all';
  const data = doc.toJS() as unknown;
  if (!Array.isArray(data)) return valid.size === 0 && (data === null || data === undefined) ? new Set() : 'all';
  const ids = data.map((entry) => (entry as { id?: unknown } | null)?.id);
  // An entry without a readable id could be the one a link names.
  if (ids.some((id) => typeof id !== 'string')) return 'all';
  return new Set((ids as string[]).filter((id) => !valid.has(id)));
}
