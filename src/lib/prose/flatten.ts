import type { Link, Node, Parent, PhrasingContent, Text } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { CITE_MARK } from './sentences.ts';

/**
 * The text of a block of the site's prose (a paragraph, a heading, a table row) as one string,
 * with a private-use character where each citation or count stands, and the stretches that are
 * editorial, inference or a link to the claims ledger. Sentence rules read this; positions map
 * back to the file's line and column.
 */

export const CITE = 'Cite';
export const EDITORIAL = 'Editorial';
export const INFERENCE = 'Inference';
export const COUNT = 'Count';

/** Stands for a <Cite> in the flat text (sentences.ts gives one after a full stop to that sentence). */
export { CITE_MARK };
/** Stands for a <Count> (a number of sources rendered from the ledger). */
export const COUNT_MARK = '\uE001';

export type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

export const isJsx = (node: Node, name?: string): node is JsxElement =>
  (node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') &&
  (name === undefined || (node as JsxElement).name === name);

export interface Span {
  start: number;
  end: number;
}

export interface FlatText {
  text: string;
  /** Offset of each <Cite> mark, with its element. */
  cites: { at: number; node: JsxElement }[];
  /** Offset of each <Count> mark, with its element. */
  counts: { at: number; node: JsxElement }[];
  editorial: Span[];
  inference: (Span & { node: JsxElement })[];
  /** Links to `/claims/#<id>` and the stretch of text they cover. */
  claimLinks: (Span & { claim: string })[];
  /** Bold text, e.g. the label that starts a key-term list item. */
  strong: Span[];
  /** Where each stretch of text came from, to map an offset back to a line and column. */
  origins: { at: number; node: Node; value: string }[];
}

const CLAIM_LINK = /^\/claims\/#([a-z0-9-]+)$/u;

/** Flatten the phrasing content of one block (or of several: table cells are joined by " | "). */
export function flatten(blocks: readonly Node[], separator = ' | '): FlatText {
  const flat: FlatText = {
    text: '',
    cites: [],
    counts: [],
    editorial: [],
    inference: [],
    claimLinks: [],
    strong: [],
    origins: [],
  };
  const push = (value: string, node: Node) => {
    flat.origins.push({ at: flat.text.length, node, value });
    // A line break inside a paragraph is a space to the reader (and must not end a sentence).
    flat.text += value.replace(/[\r\n]/gu, ' ');
  };
  const walk = (node: Node): void => {
    if (node.type === 'text' || node.type === 'inlineCode') {
      push((node as Text).value, node);
      return;
    }
    if (node.type === 'break') {
      flat.text += ' ';
      return;
    }
    if (isJsx(node, CITE)) {
      flat.cites.push({ at: flat.text.length, node });
      flat.text += CITE_MARK;
      return;
    }
    if (isJsx(node, COUNT)) {
      flat.counts.push({ at: flat.text.length, node });
      flat.text += COUNT_MARK;
      return;
    }
    const start = flat.text.length;
    if ('children' in node) for (const child of (node as Parent).children) walk(child);
    const span = { start, end: flat.text.length };
    if (isJsx(node, EDITORIAL)) flat.editorial.push(span);
    else if (isJsx(node, INFERENCE)) flat.inference.push({ ...span, node });
    else if (node.type === 'strong') flat.strong.push(span);
    else if (node.type === 'link') {
      const claim = CLAIM_LINK.exec((node as Link).url)?.[1];
      if (claim) flat.claimLinks.push({ ...span, claim });
    }
  };
  blocks.forEach((block, i) => {
    if (i > 0) flat.text += separator;
    walk(block);
  });
  return flat;
}

/** The file line and column of an offset in the flat text (the start of a sentence, say). */
export function positionOf(flat: FlatText, offset: number): { line: number; column: number } | undefined {
  const marks = [...flat.cites, ...flat.counts].find((m) => m.at === offset);
  if (marks?.node.position) return { line: marks.node.position.start.line, column: marks.node.position.start.column };
  let origin: FlatText['origins'][number] | undefined;
  for (const o of flat.origins) {
    if (o.at <= offset && offset < o.at + o.value.length) origin = o;
  }
  const start = origin?.node.position?.start;
  if (!origin || !start) return undefined;
  const before = origin.value.slice(0, offset - origin.at);
  const lines = before.split('\n');
  if (lines.length === 1) return { line: start.line, column: start.column + before.length };
  // Continuation lines lose their indentation in the tree: the column is counted from the text.
  return { line: start.line + lines.length - 1, column: (lines.at(-1) as string).length + 1 };
}

/** Is an offset inside any of these spans? */
export const within = (spans: readonly Span[], offset: number) =>
  spans.some((s) => s.start <= offset && offset < s.end);

/** The phrasing children of a block, for callers that hold a paragraph or heading. */
export const phrasing = (node: Parent) => node.children as PhrasingContent[];
