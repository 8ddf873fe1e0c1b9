import type { Root, Yaml } from 'mdast';
import type { Source } from '../catalog.ts';
import type { ContentProblem } from '../errors.ts';
import { typedCounts } from '../prose/source-counts.ts';
import { describeKey, isSupported, statedFigures, supportedKeys } from '../prose/stated-figures.ts';
import type { LocatedEvent } from '../timeline.ts';
import type { CitationUse } from './index-builder.ts';
import type { TreeAnalysis } from './mdx.ts';

/**
 * The checks of content that is not a sentence of prose: page titles and descriptions, timeline
 * titles, labels and dates, and the ledger's claims, figures and notes. Each says no more than the
 * passages behind it, and none types a count of sources.
 */

const COUNT_FIX =
  'say it without counting the sources (a count is rendered from the ledger with <Count> in the page text).';

function passagesOf(uses: readonly CitationUse[], sources: ReadonlyMap<string, Source>) {
  return uses.flatMap((u) => sources.get(u.source)?.passages.filter((p) => p.id === u.passageId) ?? []);
}

const keysOf = (texts: readonly string[]) => new Set(texts.flatMap((t) => [...supportedKeys(t)]));

/** A page's `title` and `description` count no sources. */
export function checkFrontmatterCounts(
  tree: Root,
  frontmatter: Record<string, unknown>,
  file: string,
): ContentProblem[] {
  const yaml = tree.children.find((n): n is Yaml => n.type === 'yaml');
  const lines = yaml?.value.split('\n') ?? [];
  const first = (yaml?.position?.start.line ?? 1) + 1;
  const problems: ContentProblem[] = [];
  for (const key of ['title', 'description']) {
    const value = frontmatter[key];
    if (typeof value !== 'string') continue;
    const index = lines.findIndex((l) => l.startsWith(`${key}:`));
    for (const count of typedCounts(value)) {
      problems.push({
        file,
        line: index >= 0 ? first + index : first,
        message: `the ${key} says "${count.text}", a count of sources typed by hand.`,
        fix: COUNT_FIX,
      });
    }
  }
  return problems;
}

/**
 * A timeline event's title states only what its summary's passages state, and so do its label and
 * date, except what the event marks as the site's own: an inferred year, an approximate placing
 * (whose summary must say how the site placed it).
 */
export function checkEventDate(
  located: LocatedEvent,
  analysis: TreeAnalysis,
  uses: readonly CitationUse[],
  sources: ReadonlyMap<string, Source>,
  file: string,
): ContentProblem[] {
  const { event } = located;
  const problems: ContentProblem[] = [];
  const passages = passagesOf(uses, sources);
  if (passages.length === 0 || analysis.problems.length > 0) return problems;
  const keys = keysOf(passages.map((p) => p.text));
  const cited = [...new Set(uses.map((u) => `¶ ${u.ordinal} of "${u.source}"`))].join(', ');
  const year = event.date.slice(0, 4);
  const inferredYear = (key: string) =>
    event.yearInferred === true && (key === `year:${year}` || key === `number:${year}`);

  for (const count of typedCounts(event.title)) {
    problems.push({
      file,
      line: located.titleLine,
      message: `event "${event.id}": the title says "${count.text}", a count of sources typed by hand.`,
      fix: COUNT_FIX,
    });
  }
  for (const figure of statedFigures(event.title)) {
    if (isSupported(figure.key, keys)) continue;
    problems.push({
      file,
      line: located.titleLine,
      message: `event "${event.id}": the title's "${figure.text}" (${describeKey(figure.key)}) is not in the passages its summary cites (${cited}).`,
      fix: 'cite a passage that states it in the summary, or correct the title.',
    });
  }
  // An approximate event's label is the site's own placing, which its summary's <Inference> explains.
  for (const figure of event.approximate ? [] : statedFigures(event.label)) {
    const parts = figure.key.startsWith('ym:') || figure.key.startsWith('date:') ? expand(figure.key) : [figure.key];
    const missing = parts.filter((key) => !inferredYear(key) && !isSupported(key, keys));
    if (missing.length === 0) continue;
    problems.push({
      file,
      line: located.line,
      message: `event "${event.id}": the label's "${figure.text}" is not stated by the passages its summary cites (${cited}): ${missing.map(describeKey).join(', ')}.`,
      fix: event.yearInferred
        ? 'cite the passage that states it, or correct the label.'
        : 'cite the passage that states it; if the year is the site’s inference, set yearInferred: true and say why in an <Inference> in the summary.',
    });
  }
  if (!event.approximate) {
    const [y, m, d] = event.date.split('-');
    const wanted = [
      ...(event.yearInferred ? [] : [`year:${y}`]),
      ...(m ? [`month:${m}`] : []),
      ...(m && d ? [`md:${m}-${d}`] : []),
    ];
    const missing = wanted.filter((key) => !isSupported(key, keys));
    if (missing.length > 0) {
      problems.push({
        file,
        line: located.dateLine,
        message: `event "${event.id}": its date ${event.date} is not stated by the passages its summary cites (${cited}): ${missing.map(describeKey).join(', ')} is missing.`,
        fix: 'cite the passage that gives the date; if the sources give only part of it, set yearInferred: true (the year) or approximate: true (a relative date) and explain the placing in an <Inference>.',
      });
    }
  }
  return problems;
}

/** A full or month date stated in a label also states its parts; each must be supported. */
function expand(key: string): string[] {
  const [kind, value = '', part] = key.split(':');
  const [y, m, d] = value.split('-');
  if (kind === 'date') return [`year:${y}`, `md:${m}-${d}`];
  return [`year:${y}`, part ? `month:${m}:${part}` : `month:${m}`];
}

/**
 * A claim of the ledger says nothing its quoting passages lack: its wording and its figures are in
 * at least one passage that states it or states it differently, and each note is about its own cell.
 */
export function checkClaimProse(
  entry: { claim: import('../claims.ts').LocatedClaim; cells: (CitationUse | undefined)[] },
  sources: ReadonlyMap<string, Source>,
): ContentProblem[] {
  const { claim } = entry;
  const file = claim.citations[0]?.file;
  const problems: ContentProblem[] = [];
  if (!file) return problems;
  const uses = entry.cells.filter((c): c is CitationUse => c !== undefined);
  if (uses.length !== claim.citations.length) return problems;
  const keys = keysOf(passagesOf(uses, sources).map((p) => p.text));
  const id = claim.claim.id;

  const checkText = (text: string, line: number, what: string, supported: Set<string>, fix: string) => {
    const counts = typedCounts(text);
    for (const count of counts) {
      problems.push({
        file,
        line,
        message: `claim "${id}": the ${what} says "${count.text}", a count of sources typed by hand.`,
        fix: COUNT_FIX,
      });
    }
    // A typed count's number is reported as the count, not again as a figure.
    let masked = text;
    for (const c of counts)
      masked = masked.slice(0, c.index) + ' '.repeat(c.text.length) + masked.slice(c.index + c.text.length);
    for (const figure of statedFigures(masked)) {
      if (isSupported(figure.key, supported)) continue;
      problems.push({
        file,
        line,
        message: `claim "${id}": the ${what}'s "${figure.text}" (${describeKey(figure.key)}) is not in ${what === 'note' ? 'the passage this cell quotes' : 'any passage the claim quotes'}.`,
        fix,
      });
    }
  };

  checkText(
    claim.claim.claim,
    claim.claimLine,
    'claim',
    keys,
    'state only figures that a quoting source gives, or quote the passage that gives it.',
  );
  for (const figure of claim.claim.figures ?? []) {
    checkText(figure, claim.figuresLine, 'figures list', keys, 'list only figures that a quoting source gives.');
  }
  claim.citations.forEach((cell, i) => {
    const use = uses[i];
    if (!cell.note || !use) return;
    const own = keysOf(passagesOf([use], sources).map((p) => p.text));
    checkText(
      cell.note,
      cell.noteLine ?? cell.line,
      'note',
      own,
      'a note describes its own cell: state only figures that this passage gives.',
    );
  });
  return problems;
}
