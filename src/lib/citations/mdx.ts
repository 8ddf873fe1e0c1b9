import type { Node, Parent, Root, TableRow } from 'mdast';
import { visitParents } from 'unist-util-visit-parents';
import type { ContentProblem } from '../errors.ts';
import { CITE, COUNT, EDITORIAL, flatten, INFERENCE, isJsx, type JsxElement } from '../prose/flatten.ts';
import { attribute, checkBlock, type ProseSentence } from '../prose/sentence-rules.ts';
import type { CitationRequest } from './resolve.ts';

export { CITE, COUNT, EDITORIAL, INFERENCE };

/** What a <Count> counts: sources that state the claim, state it differently, say nothing, or either of the first two. */
export const COUNT_STATUSES = ['states', 'differs', 'silent', 'mentions'] as const;
export type CountStatus = (typeof COUNT_STATUSES)[number];

export interface FoundCitation extends CitationRequest {
  node: JsxElement;
}

/** A <Count>: of the sources with a status for a claim of the ledger, or (`all`) of every source. */
export interface FoundCount {
  node: JsxElement;
  claim?: string;
  status: CountStatus;
  one?: string;
  other?: string;
  of: boolean;
  /** First word of its sentence: rendered with a capital. */
  atSentenceStart: boolean;
  file: string;
  line: number;
  column: number;
}

export interface TreeAnalysis {
  citations: FoundCitation[];
  editorials: JsxElement[];
  inferences: JsxElement[];
  counts: FoundCount[];
  /** Every sentence (and table row) of the prose, with what it cites and the figures it states. */
  sentences: ProseSentence[];
  problems: ContentProblem[];
}

const COUNT_ATTRIBUTES = new Set(['claim', 'status', 'one', 'other', 'of', 'all']);

/**
 * Find every citation, count, editorial and inference in an MDX tree, in document order, and check
 * the sentence rules (src/lib/prose/sentence-rules.ts) of every paragraph, heading and table row.
 */
export function analyseTree(
  tree: Root,
  file: string,
  options: { requireCitations: boolean; where?: string; ledgerCount?: (claim: string) => number | undefined },
): TreeAnalysis {
  const citations: FoundCitation[] = [];
  const editorials: JsxElement[] = [];
  const inferences: JsxElement[] = [];
  const counts: FoundCount[] = [];
  const sentences: ProseSentence[] = [];
  const problems: ContentProblem[] = [];
  const at = (node: Node) => ({ file, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 });
  const place = options.where ? `${options.where}: ` : '';

  visitParents(tree, (node) => {
    if (isJsx(node, EDITORIAL)) editorials.push(node);
    if (isJsx(node, INFERENCE)) {
      inferences.push(node);
      if (node.type === 'mdxJsxFlowElement' && !contains(node, CITE)) {
        problems.push({
          ...at(node),
          message: `${place}an <${INFERENCE}> cites nothing.`,
          fix: `cite the passages the reasoning rests on inside it, with <${CITE} source="…" quote="…" />.`,
        });
      }
    }
    if (isJsx(node, CITE)) {
      const found = readCite(node, at(node), place);
      if ('problems' in found) {
        problems.push(...found.problems);
        if (found.citation) citations.push(found.citation);
      } else citations.push(found);
      return;
    }
    if (isJsx(node, COUNT)) {
      const found = readCount(node, at(node), place);
      if ('problems' in found) problems.push(...found.problems);
      else counts.push(found);
      return;
    }
  });

  const startsSentence = new Set<JsxElement>();
  visitParents(tree, (node, ancestors) => {
    const parent = ancestors.at(-1) as Parent | undefined;
    const inside = ancestors.some((a) => isJsx(a, EDITORIAL))
      ? ('editorial' as const)
      : ancestors.some((a) => isJsx(a, INFERENCE))
        ? ('inference' as const)
        : undefined;
    const inTable = ancestors.some((a) => a.type === 'table');
    const block = (blocks: Node[], kind: 'sentence' | 'table row', requireCitations: boolean, listItem = false) => {
      const result = checkBlock(flatten(blocks), {
        file,
        requireCitations,
        kind,
        listItem,
        ...(inside ? { within: inside } : {}),
        ...(options.where ? { where: options.where } : {}),
        ...(options.ledgerCount ? { ledgerCount: options.ledgerCount } : {}),
      });
      problems.push(...result.problems);
      for (const node of result.sentenceStarts) startsSentence.add(node);
      // Where citations are optional (the About page), only what does cite is held to its passages.
      sentences.push(...(requireCitations ? result.sentences : result.sentences.filter((s) => s.cites.length > 0)));
    };

    if (node.type === 'paragraph' && !inTable) {
      const listItem = parent?.type === 'listItem' && parent.children[0] === node;
      block([node], 'sentence', options.requireCitations, listItem);
      return 'skip';
    }
    if (node.type === 'heading') {
      // Headings name sections; they need no citation, but may not type a count either.
      block([node], 'sentence', false);
      return 'skip';
    }
    if (node.type === 'tableRow') {
      const header = (parent as Parent | undefined)?.children.indexOf(node as TableRow) === 0;
      block((node as TableRow).children, 'table row', options.requireCitations && !header);
      return 'skip';
    }
    return undefined;
  });
  for (const count of counts) count.atSentenceStart = startsSentence.has(count.node);
  // In file order, as an editor reads them.
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  return { citations, editorials, inferences, counts, sentences, problems };
}

function contains(node: Node, name: string): boolean {
  if (isJsx(node, name)) return true;
  return 'children' in node && (node as Parent).children.some((child) => contains(child, name));
}

type Place = { file: string; line: number; column: number };

function readCite(
  node: JsxElement,
  place: Place,
  prefix: string,
): FoundCitation | { problems: ContentProblem[]; citation?: FoundCitation } {
  const problems: ContentProblem[] = [];
  const attributes = new Map<string, unknown>();
  for (const a of node.attributes) {
    if (a.type !== 'mdxJsxAttribute') {
      problems.push({
        ...place,
        message: `${prefix}a <${CITE}> has a spread attribute.`,
        fix: 'write source="…" and quote="…" as plain attributes.',
      });
      continue;
    }
    attributes.set(a.name, a.value);
  }
  const unknown = [...attributes.keys()].filter((k) => k !== 'source' && k !== 'quote');
  const source = attributes.get('source');
  const quote = attributes.get('quote');
  if (unknown.length > 0) {
    problems.push({
      ...place,
      message: `${prefix}a <${CITE}> has unknown attribute${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}.`,
      fix: 'a citation takes exactly source="<source slug>" and quote="<exact words>".',
    });
  }
  if (typeof source !== 'string' || typeof quote !== 'string') {
    problems.push({
      ...place,
      message: `${prefix}a <${CITE}> needs both source="…" and quote="…" as plain strings${typeof source === 'string' ? ` (source "${source}")` : ''}.`,
      fix: 'write <Cite source="azure-exclusivity-ends" quote="the exact words" /> — no {expressions}.',
    });
    return { problems };
  }
  // An unknown attribute is reported, and the citation is still checked.
  return problems.length > 0
    ? { problems, citation: { ...place, source, quote, node } }
    : { ...place, source, quote, node };
}

function readCount(node: JsxElement, place: Place, prefix: string): FoundCount | { problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const problem = (message: string, fix: string) => problems.push({ ...place, message: `${prefix}${message}`, fix });
  const usage = `write <${COUNT} claim="<claim id>" one="report says" other="reports say" />, optionally with status="states|differs|silent|mentions" and of; or <${COUNT} all one="article" other="articles" />.`;
  for (const a of node.attributes) {
    if (a.type !== 'mdxJsxAttribute' || !COUNT_ATTRIBUTES.has(a.name)) {
      problem(
        `a <${COUNT}> has an attribute it does not take${a.type === 'mdxJsxAttribute' ? `, ${a.name}` : ''}.`,
        usage,
      );
    } else if (a.value !== null && a.value !== undefined && typeof a.value !== 'string') {
      problem(`a <${COUNT}>'s ${a.name} must be a plain string, not an {expression}.`, usage);
    }
  }
  if (node.children.length > 0) problem(`a <${COUNT}> takes no content: it renders the count itself.`, usage);
  const all = attribute(node, 'all') === true;
  const claim = attribute(node, 'claim');
  const status = attribute(node, 'status') ?? 'states';
  if (all && claim !== undefined) problem(`a <${COUNT}> counts either all the sources or a claim's, not both.`, usage);
  if (!all && typeof claim !== 'string') problem(`a <${COUNT}> needs claim="<claim id>" (or all).`, usage);
  if (typeof status !== 'string' || !(COUNT_STATUSES as readonly string[]).includes(status)) {
    problem(`a <${COUNT}>'s status must be one of ${COUNT_STATUSES.join(', ')}.`, usage);
  }
  const one = attribute(node, 'one');
  const other = attribute(node, 'other');
  if (one === true || other === true)
    problem(`a <${COUNT}>'s one and other take words, e.g. one="report says".`, usage);
  if (problems.length > 0) return { problems };
  return {
    ...place,
    node,
    ...(typeof claim === 'string' ? { claim } : {}),
    status: status as CountStatus,
    ...(typeof one === 'string' ? { one } : {}),
    ...(typeof other === 'string' ? { other } : {}),
    of: attribute(node, 'of') === true,
    atSentenceStart: false,
  };
}
