import type { Node, Parent } from 'mdast';
import { CITE, flatten, isJsx, type JsxElement } from '../prose/flatten.ts';
import { readable } from '../prose/sentence-rules.ts';
import type { CitationUse } from './index-builder.ts';
import type { TreeAnalysis } from './mdx.ts';

/** A place where the site gives its own reasoning, and the passages it rests on: for the open data. */
export interface InferenceRecord {
  /** The page it is on, and its element id there. */
  page: string;
  anchor: string;
  /** The page's title (or the timeline event's). */
  title: string;
  /** The reasoning as a reader sees it. */
  text: string;
  file: string;
  line: number;
  restsOn: CitationUse[];
}

/** The id of the n-th (1-based) inference of a page, as the page renders it. */
export const inferenceId = (prefix: string, n: number) => `${prefix}inference-${n}`;

/** Every <Inference> of an analysed document, numbered in document order. */
export function inferenceRecords(
  analysis: TreeAnalysis,
  useByNode: ReadonlyMap<JsxElement, CitationUse | undefined>,
  where: { page: string; title: string; prefix: string; file: string; lineOf?: (node: JsxElement) => number },
): InferenceRecord[] {
  return analysis.inferences.map((node, i) => {
    const cites: JsxElement[] = [];
    collect(node, cites);
    return {
      page: where.page,
      anchor: inferenceId(where.prefix, i + 1),
      title: where.title,
      text: readable(flatten(node.type === 'mdxJsxFlowElement' ? node.children : [node], ' ').text)
        .replace(/\s+/gu, ' ')
        .trim(),
      file: where.file,
      line: where.lineOf?.(node) ?? node.position?.start.line ?? 1,
      restsOn: cites.map((c) => useByNode.get(c)).filter((u): u is CitationUse => u !== undefined),
    };
  });
}

function collect(node: Node, into: JsxElement[]): void {
  if (isJsx(node, CITE)) into.push(node);
  if ('children' in node) for (const child of (node as Parent).children) collect(child, into);
}
