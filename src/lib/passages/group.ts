import type { Passage } from './types.ts';

export type PassageGroup = { type: 'single'; passage: Passage } | { type: 'list'; ordered: boolean; items: Passage[] };

/** Consecutive list items of the same kind (bulleted or numbered) form one list. */
export function groupPassages(passages: readonly Passage[]): PassageGroup[] {
  const groups: PassageGroup[] = [];
  for (const passage of passages) {
    const last = groups.at(-1);
    if (passage.kind === 'list-item') {
      const ordered = passage.ordered ?? false;
      if (last?.type === 'list' && last.ordered === ordered) last.items.push(passage);
      else groups.push({ type: 'list', ordered, items: [passage] });
    } else {
      groups.push({ type: 'single', passage });
    }
  }
  return groups;
}
