import { extractFigures, type FigureKind } from './figures.ts';
import type { Passage } from './passages/types.ts';

export interface FigureMention {
  source: string;
  sourceTitle: string;
  passageId: string;
  ordinal: number;
  /** As the passage writes it. */
  text: string;
  /** In page furniture (a teaser for another article, a dateline): shown, but not the article's own statement. */
  furniture: boolean;
}

export interface FigureEntry {
  key: string;
  kind: FigureKind;
  label: string;
  mentions: FigureMention[];
  /** Number of different sources that state it in their text (page furniture does not count). */
  sourceCount: number;
  /** Found only in page furniture. */
  furnitureOnly: boolean;
}

/**
 * Every figure in every passage, grouped across sources by what it means, so "27 percent" and
 * "27%" are one figure. Figures in page furniture are listed too, marked as such, but a source
 * states a figure only in its own text. Ordered by kind, then by how many sources give it.
 */
export function indexFigures(
  sources: readonly { slug: string; title: string; passages: readonly Passage[] }[],
): FigureEntry[] {
  const byKey = new Map<string, FigureEntry>();
  for (const source of sources) {
    for (const passage of source.passages) {
      for (const figure of extractFigures(passage.text)) {
        const entry = byKey.get(figure.key) ?? {
          key: figure.key,
          kind: figure.kind,
          label: figure.label,
          mentions: [],
          sourceCount: 0,
          furnitureOnly: false,
        };
        entry.mentions.push({
          source: source.slug,
          sourceTitle: source.title,
          passageId: passage.id,
          ordinal: passage.ordinal,
          text: figure.text,
          furniture: passage.kind === 'furniture',
        });
        byKey.set(figure.key, entry);
      }
    }
  }
  const order: FigureKind[] = ['money', 'percent', 'date', 'year'];
  return [...byKey.values()]
    .map((e) => {
      const stated = e.mentions.filter((m) => !m.furniture);
      return { ...e, sourceCount: new Set(stated.map((m) => m.source)).size, furnitureOnly: stated.length === 0 };
    })
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
