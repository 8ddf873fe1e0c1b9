import { extractFigures, type FigureKind } from './figures.ts';
import type { Passage } from './passages/types.ts';

export interface FigureMention {
  source: string;
  sourceTitle: string;
  passageId: string;
  ordinal: number;
  /** As the passage writes it. */
  text: string;
}

export interface FigureEntry {
  key: string;
  kind: FigureKind;
  label: string;
  mentions: FigureMention[];
  /** Number of different sources that state it. */
  sourceCount: number;
}

/**
 * Every figure stated in any (non-furniture) passage, grouped across sources by what it means,
 * so "27 percent" and "27%" are one figure. Ordered by kind, then by how many sources give it.
 */
export function indexFigures(
  sources: readonly { slug: string; title: string; passages: readonly Passage[] }[],
): FigureEntry[] {
  const byKey = new Map<string, FigureEntry>();
  for (const source of sources) {
    for (const passage of source.passages) {
      if (passage.kind === 'furniture') continue;
      for (const figure of extractFigures(passage.text)) {
        const entry = byKey.get(figure.key) ?? {
          key: figure.key,
          kind: figure.kind,
          label: figure.label,
          mentions: [],
          sourceCount: 0,
        };
        entry.mentions.push({
          source: source.slug,
          sourceTitle: source.title,
          passageId: passage.id,
          ordinal: passage.ordinal,
          text: figure.text,
        });
        byKey.set(figure.key, entry);
      }
    }
  }
  const order: FigureKind[] = ['money', 'percent', 'date', 'year'];
  return [...byKey.values()]
    .map((e) => ({ ...e, sourceCount: new Set(e.mentions.map((m) => m.source)).size }))
    .sort(
      (a, b) =>
        order.indexOf(a.kind) - order.indexOf(b.kind) ||
        b.sourceCount - a.sourceCount ||
        a.key.localeCompare(b.key, 'en'),
    );
}

/** The figure key a figure string from the claims ledger stands for ("27 percent" → "percent:27"). */
export function figureKey(text: string): string | undefined {
  return extractFigures(text)[0]?.key;
}
