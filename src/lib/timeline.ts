import { z } from 'zod';
import type { ContentProblem } from './errors.ts';
import { duplicateIdProblems, parseYamlList } from './yaml-list.ts';

const PARTIAL_DATE = /^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/u;

export const timelineEventSchema = z.strictObject({
  id: z.string().regex(/^[0-9a-z]+(?:-[0-9a-z]+)*$/u, 'must be lowercase letters, digits and hyphens, e.g. 2025-10'),
  date: z.string().regex(PARTIAL_DATE, 'must be YYYY, YYYY-MM or YYYY-MM-DD'),
  label: z.string().trim().min(1),
  approximate: z.boolean(),
  /** The year is the site's inference, not stated by the sources: shown as such. */
  yearInferred: z.boolean().optional(),
  title: z.string().trim().min(1),
  /** Prose in the explainers' syntax: every sentence cites inline with <Cite>, or is <Inference>. */
  summary: z.string().trim().min(1),
});

export type TimelineEvent = z.infer<typeof timelineEventSchema>;

export interface LocatedEvent {
  event: TimelineEvent;
  line: number;
  /** Line of the event's `date:`. */
  dateLine: number;
  /** Line of the event's `title:`. */
  titleLine: number;
  /** The file line and column of a character of the summary, by its offset in the summary. */
  summaryPosition(offset: number): { line: number; column: number };
}

const FIXES: Record<string, string> = {
  id: 'give the event a unique anchor id such as "2025-10" (quote it so YAML keeps it a string).',
  date: 'write the date as precisely as the sources state it: "2019", "2025-10" or "2026-04-27" (quoted).',
  label: 'write the date as a reader should see it, e.g. "Late March 2026".',
  approximate: 'set approximate: true if the sources give only an approximate date, else false.',
  yearInferred:
    'set yearInferred: true when the sources do not state the year and the site infers it, else leave it out.',
  title: 'give the event a short title in your own words.',
  summary:
    'summarise the event in a few sentences of your own, each citing inline: `summary: >-` then text with <Cite source="…" quote="…" />.',
};

/** `<datetime>` value of a partial ISO date: it already is one ("2025-10" is valid). */
export const datetimeOf = (date: string) => date;

/** Parse content/timeline.yaml: events in order, each with its citations and their lines. */
export function parseTimeline(text: string, file: string): { events: LocatedEvent[]; problems: ContentProblem[] } {
  const { items, problems } = parseYamlList(
    text,
    file,
    timelineEventSchema,
    (k) => FIXES[k] ?? 'correct the value.',
    'event',
  );
  const events: LocatedEvent[] = items.map((item) => ({
    event: item.value,
    line: item.line,
    dateLine: item.lineOf(['date']),
    titleLine: item.lineOf(['title']),
    summaryPosition: (offset: number) =>
      item.positionIn(['summary'], offset) ?? { line: item.lineOf(['summary']), column: 1 },
  }));
  // The old form listed citations apart from the summary; say how to move them.
  for (const problem of problems) {
    if (/unknown field `citations`/u.test(problem.message)) {
      problem.fix =
        'citations now go inline in the summary, sentence by sentence: write each as <Cite source="…" quote="…" /> before the full stop of the sentence it supports, and remove `citations:`.';
    }
  }

  problems.push(
    ...duplicateIdProblems(
      events.map((e) => ({ id: e.event.id, line: e.line })),
      file,
      'event',
      'give each event its own id, e.g. by adding a suffix: 2026-02-amazon.',
    ),
  );
  let previous: LocatedEvent | undefined;
  for (const located of events) {
    const { id, date } = located.event;
    const [y, m, d] = date.split('-').map(Number);
    if (d !== undefined && new Date(Date.UTC(y as number, (m as number) - 1, d)).getUTCDate() !== d) {
      problems.push({
        file,
        line: located.dateLine,
        message: `date "${date}" does not exist.`,
        fix: 'correct the date.',
      });
    }
    if (previous && date < previous.event.date.slice(0, date.length)) {
      problems.push({
        file,
        line: located.dateLine,
        message: `event "${id}" (${date}) comes after "${previous.event.id}" (${previous.event.date}) but is earlier.`,
        fix: 'keep the events in chronological order, oldest first.',
      });
    }
    previous = located;
  }
  return { events, problems };
}
