import type { Node, Parent, Root } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { toString } from 'mdast-util-to-string';
import { visitParents } from 'unist-util-visit-parents';
import type { ContentProblem } from '../errors.ts';
import type { CitationRequest } from './resolve.ts';

/** `<Cite source="slug" quote="exact words" />`: the one citation element authors write. */
export const CITE = 'Cite';
/** `<Editorial>…</Editorial>`: paragraphs that state no fact and so need no citation. */
export const EDITORIAL = 'Editorial';

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

export interface FoundCitation extends CitationRequest {
  node: JsxElement;
}

export interface TreeAnalysis {
  citations: FoundCitation[];
  editorials: JsxElement[];
  problems: ContentProblem[];
}

const isJsx = (node: Node, name?: string): node is JsxElement =>
  (node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') &&
  (name === undefined || (node as JsxElement).name === name);

/**
 * Find every citation in an MDX tree, in document order, and check the rule that every
 * paragraph (and every table row) cites at least once unless it is marked editorial.
 */
export function analyseTree(tree: Root, file: string, options: { requireCitations: boolean }): TreeAnalysis {
  const citations: FoundCitation[] = [];
  const editorials: JsxElement[] = [];
  const problems: ContentProblem[] = [];
  const at = (node: Node) => ({ file, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 });

  visitParents(tree, (node, ancestors) => {
    if (isJsx(node, EDITORIAL)) editorials.push(node);
    if (isJsx(node, CITE)) {
      const attributes = new Map<string, unknown>();
      for (const attribute of node.attributes) {
        if (attribute.type !== 'mdxJsxAttribute') {
          problems.push({
            ...at(node),
            message: 'a <Cite> has a spread attribute.',
            fix: 'write source="…" and quote="…" as plain attributes.',
          });
          continue;
        }
        attributes.set(attribute.name, attribute.value);
      }
      const unknown = [...attributes.keys()].filter((k) => k !== 'source' && k !== 'quote');
      const source = attributes.get('source');
      const quote = attributes.get('quote');
      if (unknown.length > 0) {
        problems.push({
          ...at(node),
          message: `a <Cite> has unknown attribute${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}.`,
          fix: 'a citation takes exactly source="<source slug>" and quote="<exact words>".',
        });
      }
      if (typeof source !== 'string' || typeof quote !== 'string') {
        problems.push({
          ...at(node),
          message: `a <Cite> needs both source="…" and quote="…" as plain strings${typeof source === 'string' ? ` (source "${source}")` : ''}.`,
          fix: 'write <Cite source="azure-exclusivity-ends" quote="the exact words" /> — no {expressions}.',
        });
      } else {
        citations.push({ ...at(node), source, quote, node });
      }
      return;
    }

    if (!options.requireCitations) return;
    // <Editorial> on its own line wraps paragraphs; written inline it marks the paragraph it is in.
    const inEditorial =
      ancestors.some((a) => isJsx(a, EDITORIAL)) ||
      ('children' in node && (node as Parent).children.some((child) => isJsx(child, EDITORIAL)));
    const checkable =
      node.type === 'paragraph' ||
      (node.type === 'tableRow' && (ancestors.at(-1) as Parent).children.indexOf(node as never) > 0);
    if (checkable && !inEditorial && !containsCite(node)) {
      const text =
        node.type === 'tableRow'
          ? (node as Parent).children.map((cell) => toString(cell).trim()).join(' | ')
          : toString(node).trim();
      if (text === '') return;
      problems.push({
        ...at(node),
        message: `this ${node.type === 'tableRow' ? 'table row' : 'paragraph'} has no citation: "${text.length > 80 ? `${text.slice(0, 79)}…` : text}".`,
        fix: `cite the passage it rests on with <Cite source="…" quote="…" />, or wrap it in <${EDITORIAL}>…</${EDITORIAL}> if it states no fact.`,
      });
    }
  });
  return { citations, editorials, problems };
}

function containsCite(node: Node): boolean {
  if (isJsx(node, CITE)) return true;
  return 'children' in node && (node as Parent).children.some((child) => containsCite(child));
}
