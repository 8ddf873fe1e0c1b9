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

    const passage = override ? fromOverride(override, line, lineNumber) : classify(line, lineNumber, furnitureBlock);

    if (!override) {
      const rule = matchFurniture(line);
      if (rule?.startsBlock) furnitureBlock = rule.label;
      else if (passage.kind === 'heading') furnitureBlock = undefined;
    }

    const previous = passages.at(-1);
    if (
      !override &&
      passage.kind === 'paragraph' &&
      previous?.kind === 'paragraph' &&
      !blankBefore &&
      continuesParagraph(previous, line)
    ) {
      passages[passages.length - 1] = {
        ...previous,
        text: `${previous.text}\n${line}`,
        lines: [previous.lines[0], lineNumber],
      };
    } else {
      passages.push(passage);
    }
    blankBefore = false;
  }

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
      return { kind: 'furniture', text: line, lines, label: override.label ?? 'Page furniture' };
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
function continuesParagraph(previous: SplitPassage, line: string): boolean {
  const lastLine = previous.text.slice(previous.text.lastIndexOf('\n') + 1);
  return !endsSentence(lastLine) && /^\p{Ll}/u.test(line);
}

function normaliseSpace(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}
