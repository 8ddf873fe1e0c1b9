export type PassageKind = 'heading' | 'paragraph' | 'list-item' | 'furniture';

export const PASSAGE_KINDS: readonly PassageKind[] = ['heading', 'paragraph', 'list-item', 'furniture'];

/** A passage as the splitter finds it, before it has an id. */
export interface SplitPassage {
  kind: PassageKind;
  /** The passage's text exactly as in the seed: its lines, trimmed of surrounding space, joined by `\n`. */
  text: string;
  /** 1-based first and last line of the passage in the seed. */
  lines: readonly [number, number];
  /** For furniture: what the reader is told it is ("Share widget"). */
  label?: string;
  /** For list items: the marker as written ("•", "-", "1."). */
  marker?: string;
  /** For list items: the item's text after the marker. */
  body?: string;
  /** For list items: whether the marker is a number. */
  ordered?: boolean;
  /** For furniture: whether it states facts, when an override says so (else `furnitureFacts` decides). */
  facts?: boolean;
}

/** A passage with its permanent id and its position on the page. */
export interface Passage extends SplitPassage {
  id: string;
  /** 1-based position on the page, shown as ¶ N. Not permanent: ids are. */
  ordinal: number;
}

/** A per-source correction where the rules guess wrong. Matches one trimmed line of the seed. */
export interface PassageOverride {
  line?: string;
  startsWith?: string;
  kind: PassageKind;
  label?: string;
  /** For furniture: it states facts (true: searchable, below article text) or is a widget (false: out of search). */
  facts?: boolean;
}
