import { assignAnchors } from './anchors.ts';
import { splitPassages } from './split.ts';
import type { Passage, PassageOverride } from './types.ts';

export * from './types.ts';
export { assignAnchors, canonicalText, passageAnchor } from './anchors.ts';
export { splitPassages } from './split.ts';
export { furnitureFacts, MIN_FACT_SENTENCE_WORDS } from './furniture.ts';

/** Split a seed's text and give every passage its permanent id and its ordinal. */
export function toPassages(
  text: string,
  overrides: readonly PassageOverride[] = [],
): { passages: Passage[]; unusedOverrides: number[] } {
  const { passages, unusedOverrides } = splitPassages(text, overrides);
  const ids = assignAnchors(passages.map((p) => p.text));
  return {
    passages: passages.map((p, i) => ({ ...p, id: ids[i] as string, ordinal: i + 1 })),
    unusedOverrides,
  };
}
export { groupPassages, type PassageGroup } from './group.ts';
