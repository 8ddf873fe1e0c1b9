import type { PassageOverride, SplitPassage } from './types.ts';
import { endsSentence, isHeadingLike, matchFurniture, matchListItem } from './rules.ts';

export interface SplitResult {
  passages: SplitPassage[];
  /** Indexes into the overrides that matched no line: stale overrides are mistakes. */
  unusedOverrides: number[];
}

/**
 * Split a seed's text (LF line endings) into passages: headings, paragraphs, list items and
 * page furniture. Every non-blank line ends up in exactly one passage, unchanged but trimmed.
 */
export function splitPassages(text: string, overrides: readonly PassageOverride[] = []): SplitResult {
  const passages: SplitPassage[] = [];
  const used = new Set<number>();
  let blankBefore = true;
  let furnitureBlock: string | undefined;
  let lastLine = '';
  let wrapped: string[] = [];
  const flushWrapped = () => {
    const last = passages.at(-1);
    if (last && wrapped.length > 0) last.text = [last.text, ...wrapped].join('\n');
    wrapped = [];
  };

  const lines = text.split('\n');
  for (const [index, raw] of lines.entries()) {
    const lineNumber = index + 1;
    const line = raw.trim();
    if (line === '') {
      blankBefore = true;
      continue;
    }

    const overrideIndex = overrides.findIndex((o) => matchesOverride(o, line));
    const override = overrides[overrideIndex];
    if (override) used.add(overrideIndex);

    let passage = override ? fromOverride(override, line, lineNumber) : classify(line, lineNumber, furnitureBlock);
    // A title-like line that runs straight on into a lower-case line is the start of a
    // hard-wrapped paragraph, not a heading.
    if (!override && passage.kind === 'heading' && /^\p{Ll}/u.test((lines[index + 1] ?? '').trim())) {
      passage = { kind: 'paragraph', text: line, lines: passage.lines };
    }

    // A heading that is not furniture ends a furniture block ("Related Articles" …), overridden or not.
    const rule = override ? undefined : matchFurniture(line);
    if (rule?.startsBlock) furnitureBlock = rule.label;
    else if (passage.kind === 'heading') furnitureBlock = undefined;

    const previous = passages.at(-1);
    if (
      !override &&
      passage.kind === 'paragraph' &&
      previous?.kind === 'paragraph' &&
      !blankBefore &&
      continuesParagraph(lastLine, line)
    ) {
      // Wrapped lines are collected and joined once the paragraph ends: no quadratic string growth.
      wrapped.push(line);
      previous.lines = [previous.lines[0], lineNumber];
    } else {
      flushWrapped();
      passages.push(passage);
    }
    lastLine = line;
    blankBefore = false;
  }

  flushWrapped();
  const unusedOverrides = overrides.map((_, i) => i).filter((i) => !used.has(i));
  return { passages, unusedOverrides };
}

function classify(line: string, lineNumber: number, furnitureBlock: string | undefined): SplitPassage {
  const lines = [lineNumber, lineNumber] as const;
  const furniture = matchFurniture(line);
  if (furniture) return { kind: 'furniture', text: line, lines, label: furniture.label };
  if (furnitureBlock !== undefined && !isHeadingLike(line)) {
    return { kind: 'furniture', text: line, lines, label: furnitureBlock };
  }
  const item = matchListItem(line);
  if (item) return { kind: 'list-item', text: line, lines, ...item };
  if (isHeadingLike(line)) return { kind: 'heading', text: line, lines };
  return { kind: 'paragraph', text: line, lines };
}

function fromOverride(override: PassageOverride, line: string, lineNumber: number): SplitPassage {
  const lines = [lineNumber, lineNumber] as const;
  switch (override.kind) {
    case 'furniture':
      return {
        kind: 'furniture',
        text: line,
        lines,
        label: override.label ?? 'Page furniture',
        ...(override.facts === undefined ? {} : { facts: override.facts }),
      };
    case 'list-item': {
      const item = matchListItem(line) ?? { marker: '', body: line, ordered: false };
      return { kind: 'list-item', text: line, lines, ...item };
    }
    default:
      return { kind: override.kind, text: line, lines };
  }
}

function matchesOverride(override: PassageOverride, line: string): boolean {
  if (override.line !== undefined) return normaliseSpace(override.line) === normaliseSpace(line);
  if (override.startsWith !== undefined) return normaliseSpace(line).startsWith(normaliseSpace(override.startsWith));
  return false;
}

/** A hard-wrapped line continues the paragraph above: the paragraph did not end, and this starts in lower case. */
function continuesParagraph(previousLine: string, line: string): boolean {
  return !endsSentence(previousLine) && /^\p{Ll}/u.test(line);
}

function normaliseSpace(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}
