import type { ContentProblem } from '../errors.ts';
import {
  CITE,
  CITE_MARK,
  COUNT,
  COUNT_MARK,
  EDITORIAL,
  INFERENCE,
  positionOf,
  within,
  type FlatText,
  type JsxElement,
} from './flatten.ts';
import { isMarker, splitSentences } from './sentences.ts';
import { typedCounts } from './source-counts.ts';
import { describeKey, statedFigures, weekdayOf, type StatedFigure } from './stated-figures.ts';

/**
 * The sentence rules of the site's prose, for one block of text:
 * - every sentence that states a fact carries its own citation (or a count or link from the claims
 *   ledger, whose row quotes every source), unless it is editorial or the site's own inference;
 * - editorial text states no figure;
 * - an inference says what it rests on (cites at least once), and a weekday it gives for a full
 *   date is the calendar's;
 * - no count of sources is typed by hand.
 * What needs the sources (are the figures in the cited passages?) is checked later, on the records.
 */

export interface ProseSentence {
  file: string;
  line: number;
  column: number;
  /** As a reader sees it, markers left out. */
  text: string;
  kind: 'sentence' | 'table row';
  cites: JsxElement[];
  counts: { node: JsxElement; atSentenceStart: boolean }[];
  /** Claims of the ledger the sentence links to (`/claims/#id`). */
  claims: string[];
  /** Figures the sentence states as reported facts: each must be in a passage it cites. */
  figures: StatedFigure[];
  /** What it is: a report of what the sources say, the site's own inference, or its framing. */
  role: 'fact' | 'inference' | 'editorial';
}

export interface BlockContext {
  file: string;
  /** Must every factual sentence cite? (explainers, the home page, timeline summaries) */
  requireCitations: boolean;
  /** Inside a block-level <Editorial> or <Inference>. */
  within?: 'editorial' | 'inference';
  /** A table row is checked as one unit: its cells are fragments, not sentences. */
  kind?: 'sentence' | 'table row';
  /** The block starts a list item: a bold label at its start ("**Cap.**") needs no citation. */
  listItem?: boolean;
  /** What the problems call the place, e.g. `the summary of event "2025-10"`. */
  where?: string;
  /** How many sources the ledger says state a claim (undefined for no such claim). */
  ledgerCount?: (claim: string) => number | undefined;
}

const preview = (text: string, max = 100) => {
  const clean = text.replace(/\s+/gu, ' ').trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
};

/** The text as a reader sees it: citation marks dropped, counts shown as "<n>". */
export const readable = (text: string) =>
  text
    .replaceAll(CITE_MARK, '')
    .replaceAll(COUNT_MARK, '<n>')
    .replace(/\s+([.,;:!?])/gu, '$1');

/** Keep the characters inside the spans; blank the others (offsets stay the same). */
function keep(text: string, spans: readonly { start: number; end: number }[], inside: boolean): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    out += within(spans, i) === inside && !isMarker(ch) ? ch : ' ';
  }
  return out;
}

export function checkBlock(
  flat: FlatText,
  context: BlockContext,
): { sentences: ProseSentence[]; problems: ContentProblem[]; sentenceStarts: JsxElement[] } {
  const problems: ContentProblem[] = [];
  const sentenceStarts: JsxElement[] = [];
  const sentences: ProseSentence[] = [];
  const { file } = context;
  const kind = context.kind ?? 'sentence';
  const whole = [{ start: 0, end: flat.text.length }];
  const editorial = context.within === 'editorial' ? whole : flat.editorial;
  const inference = context.within === 'inference' ? whole : flat.inference;
  const aside = [...editorial, ...inference];
  const at = (offset: number) => ({ file, ...(positionOf(flat, offset) ?? { line: 1, column: 1 }) });
  const place = context.where ? `${context.where}: ` : '';

  // No count of sources is typed by hand, anywhere. (Its number is then no figure to look for.)
  const plain = flat.text.replace(/[\uE000-\uF8FF]/gu, ' ');
  const typed = typedCounts(plain);
  const counted = typed.map((c) => ({ start: c.index, end: c.index + c.text.length }));
  // What the ledger says of the claims a sentence links to or counts, to set beside a typed count.
  const ledgerSays = (count: { index: number }) => {
    if (!context.ledgerCount) return '';
    const range = splitSentences(segmentable(flat.text)).find((r) => r.start <= count.index && count.index < r.end);
    const claims = new Set([
      ...flat.claimLinks.filter((l) => range && l.start < range.end && l.end > range.start).map((l) => l.claim),
      ...flat.counts
        .filter((c) => range && range.start <= c.at && c.at < range.end)
        .map((c) => attribute(c.node, 'claim'))
        .filter((c): c is string => typeof c === 'string'),
    ]);
    const said = [...claims].flatMap((claim) => {
      const n = context.ledgerCount?.(claim);
      return n === undefined ? [] : [`the ledger has ${n} stating claim "${claim}"`];
    });
    return said.length > 0 ? ` (${said.join('; ')})` : '';
  };
  for (const count of typed) {
    const claimed = ledgerSays(count);
    problems.push({
      ...at(count.index),
      message: `${place}"${count.text}" is a count of sources typed by hand${claimed}.`,
      fix: `render it from the claims ledger: <${COUNT} claim="<claim id>" one="report says" other="reports say" /> (or <${COUNT} all one="article" other="articles" /> for all the sources), so it stays true when the ledger or the sources change.`,
    });
  }

  // Editorial text is the site's own framing: it states no figure.
  for (const figure of statedFigures(keep(flat.text, editorial, true))) {
    problems.push({
      ...at(figure.index),
      message: `${place}editorial text states a figure, "${figure.text}".`,
      fix: `move the figure out of <${EDITORIAL}> into a sentence that cites the passage stating it, or into <${INFERENCE}> if it is the site's own reasoning.`,
    });
  }

  // An inference says what it rests on, and a weekday it computes is right.
  for (const span of inference) {
    const node = 'node' in span ? (span as { node: JsxElement }).node : undefined;
    const cites = flat.cites.some((c) => span.start <= c.at && c.at < span.end);
    if (!cites && context.within !== 'inference') {
      const where = node?.position?.start;
      problems.push({
        ...(where ? { file, line: where.line, column: where.column } : at(span.start)),
        message: `${place}an <${INFERENCE}> cites nothing: "${preview(readable(flat.text.slice(span.start, span.end)))}".`,
        fix: `cite the passages the reasoning rests on inside it, with <${CITE} source="…" quote="…" />.`,
      });
    }
    for (const range of splitSentences(segmentable(flat.text.slice(span.start, span.end)))) {
      const part = flat.text.slice(span.start + range.start, span.start + range.end);
      for (const { date, weekday } of datedWeekdays(part)) {
        const actual = weekdayOf(date.key.slice('date:'.length));
        if (weekday.key === `weekday:${actual}`) continue;
        problems.push({
          ...at(span.start + range.start + weekday.index),
          message: `${place}the inference says ${date.text} was a ${describeKey(weekday.key)}, but it was a ${describeKey(`weekday:${actual}`)}.`,
          fix: `write ${describeKey(`weekday:${actual}`)}.`,
        });
      }
    }
  }

  const ranges = kind === 'table row' ? [{ start: 0, end: flat.text.length }] : splitSentences(segmentable(flat.text));
  for (const range of ranges) {
    const text = flat.text.slice(range.start, range.end);
    const inRange = (offset: number) => range.start <= offset && offset < range.end;
    const cites = flat.cites.filter((c) => inRange(c.at)).map((c) => c.node);
    const counts = flat.counts
      .filter((c) => inRange(c.at))
      .map((c) => ({ node: c.node, atSentenceStart: !/[\p{L}\p{N}]/u.test(flat.text.slice(range.start, c.at)) }));
    for (const c of counts) if (c.atSentenceStart) sentenceStarts.push(c.node);
    const claims = flat.claimLinks.filter((l) => l.start < range.end && l.end > range.start).map((l) => l.claim);
    // What the sentence says as reported fact: outside editorial and inference, and not a list item's label.
    const label = context.listItem && range.start === 0 ? flat.strong.find((s) => s.start === 0) : undefined;
    const factual = keep(flat.text, [...aside, ...counted, ...(label ? [label] : [])], false).slice(
      range.start,
      range.end,
    );
    const figures = statedFigures(factual).map((f) => ({ ...f, index: f.index + range.start }));
    const ledgerCounts = counts.filter(({ node }) => attribute(node, 'claim') !== undefined);
    const supported = cites.length > 0 || ledgerCounts.length > 0 || claims.length > 0;

    if (context.requireCitations && /[\p{L}\p{N}]/u.test(factual) && !supported) {
      problems.push({
        ...at(firstVisible(flat.text, range.start)),
        message: `${place}this ${kind === 'table row' ? 'table row' : 'sentence'} has no citation: "${preview(readable(text))}".`,
        fix: `cite the passage it rests on with <${CITE} source="…" quote="…" /> inside the sentence, before its full stop; or wrap it in <${EDITORIAL}>…</${EDITORIAL}> if it states no fact, or in <${INFERENCE}>…</${INFERENCE}> if it is the site's own reasoning.`,
      });
    }
    const inInference = keep(flat.text, inference, true).slice(range.start, range.end);
    sentences.push({
      ...at(firstVisible(flat.text, range.start)),
      text: readable(text).trim(),
      kind,
      cites,
      counts,
      claims,
      figures,
      role: /[\p{L}\p{N}]/u.test(factual) ? 'fact' : /[\p{L}\p{N}]/u.test(inInference) ? 'inference' : 'editorial',
    });
  }
  return { sentences, problems, sentenceStarts };
}

/**
 * The text as the sentence segmenter should see it: a count renders as a word that may start a
 * sentence ("Two reports say…"), so it stands there as a capital letter, not as an unknown mark.
 */
const segmentable = (text: string) => text.replaceAll(COUNT_MARK, 'N');

/**
 * A weekday the text gives for a full date, right beside it: "April 27, 2026 was a Monday",
 * "April 27, 2026, a Monday", "Monday, April 27, 2026". A weekday elsewhere in the sentence may be
 * another account's ("one report says Sunday evening"), and is not this date's.
 */
function datedWeekdays(text: string): { date: StatedFigure; weekday: StatedFigure }[] {
  const figures = statedFigures(text);
  const pairs: { date: StatedFigure; weekday: StatedFigure }[] = [];
  figures.forEach((figure, i) => {
    if (!figure.key.startsWith('date:')) return;
    const next = figures[i + 1];
    const previous = figures[i - 1];
    const end = figure.index + figure.text.length;
    if (
      next?.key.startsWith('weekday:') &&
      /^,?\s+(?:(?:was|fell|is|falls)\s+(?:on\s+)?)?an?\s+$/u.test(text.slice(end, next.index))
    ) {
      pairs.push({ date: figure, weekday: next });
    } else if (
      previous?.key.startsWith('weekday:') &&
      /^,?\s+$/u.test(text.slice(previous.index + previous.text.length, figure.index))
    ) {
      pairs.push({ date: figure, weekday: previous });
    }
  });
  return pairs;
}

const firstVisible = (text: string, from: number) => {
  let i = from;
  while (i < text.length && /\s/u.test(text[i] as string)) i++;
  return i;
};

/** A JSX attribute's value: a string, `true` for a bare attribute, undefined when absent. */
export function attribute(node: JsxElement, name: string): string | true | undefined {
  for (const a of node.attributes) {
    if (a.type === 'mdxJsxAttribute' && a.name === name) {
      if (a.value === null || a.value === undefined) return true;
      return typeof a.value === 'string' ? a.value : undefined;
    }
  }
  return undefined;
}

export { COUNT };
