/**
 * An article's blocks → the text of a seed: UTF-8, one paragraph, heading or list item per line,
 * the headline first. Where the site's passage rules would read a line otherwise than the page
 * marked it up (a heading ending in a full stop, a paragraph that looks like a title), an override
 * for content/sources.yaml keeps the page's reading.
 */
import { splitPassages } from '../passages/split.ts';
import type { PassageKind, PassageOverride } from '../passages/types.ts';
import type { Block } from './extract.ts';

export interface SeedText {
  text: string;
  overrides: PassageOverride[];
  /**
   * Lines of the seed that read exactly alike but that the page marked up as different kinds (a heading
   * "1. Now" and an ordered item "Now"): an override names a line by its text, so the seed can keep only one
   * reading for all of them, the first one's. The editor is told to check them.
   */
  readAlike: { line: string; kinds: PassageKind[] }[];
}

export function seedFromBlocks(title: string | undefined, blocks: readonly Block[]): SeedText {
  const lines: { text: string; kind: PassageKind }[] = [];
  const out: string[] = [];
  const add = (text: string, kind: PassageKind, tight = false) => {
    if (out.length > 0 && !tight) out.push('');
    out.push(text);
    lines.push({ text, kind });
  };
  if (title) add(title, 'heading');
  let counter = 0;
  let previous: Block | undefined;
  for (const block of blocks) {
    if (block.kind === 'list-item') {
      const continuing = previous?.kind === 'list-item' && previous.ordered === block.ordered;
      counter = continuing ? counter + 1 : 1;
      add(`${block.ordered ? `${counter}.` : '-'} ${block.text}`, 'list-item', continuing);
    } else {
      add(block.text, block.kind);
    }
    previous = block;
  }
  const text = `${out.join('\n')}\n`;

  // Where the rules disagree with the page's own markup, the page wins.
  const overrides: PassageOverride[] = [];
  const { passages } = splitPassages(text);
  const seen = new Set<string>();
  for (const passage of passages) {
    const intended = lines.find((l) => l.text === passage.text)?.kind;
    if (!intended || intended === passage.kind || seen.has(passage.text)) continue;
    seen.add(passage.text);
    overrides.push({ line: passage.text, kind: intended });
  }
  const kindsOf = new Map<string, PassageKind[]>();
  for (const { text: line, kind } of lines) {
    const kinds = kindsOf.get(line) ?? [];
    if (!kinds.includes(kind)) kinds.push(kind);
    kindsOf.set(line, kinds);
  }
  const readAlike = [...kindsOf].filter(([, kinds]) => kinds.length > 1).map(([line, kinds]) => ({ line, kinds }));
  return { text, overrides, readAlike };
}

/** A plain-text article: its lines as they are, line endings made `\n`, ending with one newline. */
export function seedFromText(text: string): string {
  return `${text
    .replace(/^\uFEFF/u, '')
    .replace(/\r\n?/gu, '\n')
    .replace(/\s+$/u, '')}\n`;
}
