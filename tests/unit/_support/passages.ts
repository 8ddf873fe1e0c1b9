// Helpers shared by the unit tests of the passage splitter, anchors and catalog.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect } from 'vitest';
import type { SplitPassage } from '../../../src/lib/passages/index.ts';

/** The repository root. */
export const REPO = resolve(import.meta.dirname, '../../..');
export const SEEDS_DIR = join(REPO, 'seeds');
export const SHAPES_DIR = join(REPO, 'tests/fixtures/unit/shapes');

/** The real seeds, as the site decodes them (all are LF, UTF-8, without a BOM). */
export function realSeeds(): { name: string; text: string }[] {
  return readdirSync(SEEDS_DIR)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(SEEDS_DIR, name), 'utf8') }));
}

export function realSeed(prefix: string): string {
  const seed = realSeeds().find((s) => s.name.startsWith(prefix));
  if (!seed) throw new Error(`no seed starting with ${prefix} in seeds/`);
  return seed.text;
}

export function shape(name: string): string {
  return readFileSync(join(SHAPES_DIR, name), 'utf8');
}

const KIND_LETTER = { heading: 'h', paragraph: 'p', 'list-item': 'li', furniture: 'f' } as const;

/**
 * A compact picture of a split: one entry per passage, its kind and its line(s),
 * e.g. `h2` (heading on line 2), `p3-4` (paragraph on lines 3 and 4), `li11`, `f1`.
 */
export function layout(passages: readonly SplitPassage[]): string[] {
  return passages.map((p) => {
    const [first, last] = p.lines;
    return `${KIND_LETTER[p.kind]}${first}${last === first ? '' : `-${last}`}`;
  });
}

/**
 * The splitter's promise: every non-blank line of the seed is in exactly one passage, trimmed and
 * otherwise unchanged, at the line numbers the passage claims, and passages are in seed order.
 */
export function expectEveryLineOnce(text: string, passages: readonly SplitPassage[]): void {
  const lines = text.split('\n');
  const covered = new Map<number, number>();
  let previousLast = 0;
  passages.forEach((passage, index) => {
    const [first, last] = passage.lines;
    expect(first, `passage ${index + 1} starts after the one before`).toBeGreaterThan(previousLast);
    expect(last).toBeGreaterThanOrEqual(first);
    previousLast = last;
    const parts = passage.text.split('\n');
    expect(parts.length, `passage ${index + 1} (lines ${first}-${last}) has one text line per seed line`).toBe(
      last - first + 1,
    );
    parts.forEach((part, k) => {
      const lineNumber = first + k;
      expect(part, `line ${lineNumber} is in passage ${index + 1} trimmed and unchanged`).toBe(
        (lines[lineNumber - 1] ?? '').trim(),
      );
      expect(part, `passage ${index + 1} contains no blank line`).not.toBe('');
      covered.set(lineNumber, (covered.get(lineNumber) ?? 0) + 1);
    });
  });
  lines.forEach((line, i) => {
    const expected = line.trim() === '' ? 0 : 1;
    expect(
      covered.get(i + 1) ?? 0,
      `line ${i + 1} (${JSON.stringify(line.slice(0, 40))}) appears ${expected} time(s)`,
    ).toBe(expected);
  });
}
