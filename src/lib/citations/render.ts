import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import type { Node, Parent, PhrasingContent, Root } from 'mdast';
import { ledgerCount } from '../claims.ts';
import { countWords, numberWord } from '../prose/count-words.ts';
import { CITE, COUNT, EDITORIAL, INFERENCE, isJsx, type JsxElement } from '../prose/flatten.ts';
import type { CitationUse } from './index-builder.ts';
import { CLAIMS_URL, type LedgerEntry } from './corpus.ts';
import { inferenceId } from './inferences.ts';
import type { FoundCount } from './mdx.ts';

/**
 * How the site's citing elements look in HTML, shared by the MDX pages (through remark-citations)
 * and the timeline's summaries: a citation marker, a count rendered from the ledger, the label that
 * marks the site's own reasoning.
 */

/**
 * `[n]` as a superscript link to the passage, naming the source for screen readers. `data-note` ties
 * it to the page's numbered note (the preview card reads it); the timeline's lettered markers have none.
 */
export function markerElement(
  use: CitationUse,
  options: { label?: string; id?: string; note?: boolean } = {},
): Element {
  const { label = `[${use.note}]`, id, note = true } = options;
  return h('sup', { className: ['cite-ref'], ...(id ? { id } : {}), dataPagefindIgnore: '' }, [
    h('a', { href: use.href, ...(note ? { dataNote: String(use.note) } : {}) }, [
      label,
      h('span', { className: ['visually-hidden'] }, ` ${use.sourceTitle}, ¶ ${use.ordinal}`),
    ]),
  ]);
}

/** What a <Count> says, from the ledger: "two reports say", "all five articles". */
export function countText(
  count: FoundCount,
  ledger: ReadonlyMap<string, LedgerEntry>,
  sourceSlugs: readonly string[],
): string {
  const words = { ...(count.one ? { one: count.one } : {}), ...(count.other ? { other: count.other } : {}) };
  if (!count.claim) {
    // Every source: "five news articles", never "all five" (there is nothing to be all of).
    const n = sourceSlugs.length;
    const tail = n === 1 ? count.one : (count.other ?? count.one);
    const text = `${numberWord(n)}${tail ? ` ${tail}` : ''}`;
    return count.atSentenceStart ? text.charAt(0).toUpperCase() + text.slice(1) : text;
  }
  const entry = ledger.get(count.claim);
  const {
    count: n,
    total,
    unreviewed,
  } = entry
    ? ledgerCount(entry.claim.claim, count.status, sourceSlugs)
    : { count: 0, total: sourceSlugs.length, unreviewed: 0 };
  return countWords({
    count: n,
    total,
    unreviewed,
    of: count.of,
    capitalize: count.atSentenceStart === true,
    ...words,
  });
}

/** A count as an element: a link to the claim's row of the ledger, where every source's words are. */
export function countElement(count: FoundCount, text: string): Element {
  return count.claim
    ? h('a', { href: `${CLAIMS_URL}#${count.claim}`, className: ['count'], dataCount: '' }, text)
    : h('span', { className: ['count'], dataCount: '' }, text);
}

/** The visible label of the site's own reasoning. */
export const INFERENCE_LABEL = 'Our inference:';

/** The wrapper of an <Inference>: a span in a sentence, a div around whole paragraphs. */
export function inferenceElement(block: boolean, id: string, children: ElementContent[]): Element {
  const label = h('span', { className: ['inference__label'] }, INFERENCE_LABEL);
  return h(block ? 'div' : 'span', { className: ['inference'], id }, [label, ' ', ...children]);
}

/**
 * Render a short piece of prose (a timeline summary) to HTML elements: its paragraphs, with
 * citations as markers, counts from the ledger, and inferences labelled. Text is always text.
 */
export function renderProse(
  tree: Root,
  options: {
    marker: (node: JsxElement) => Element | undefined;
    count: (node: JsxElement) => Element | undefined;
    inferencePrefix: string;
  },
): ElementContent[] {
  let inferences = 0;
  const phrasing = (node: Node): ElementContent[] => {
    const value = 'value' in node ? String(node.value) : '';
    switch (node.type) {
      case 'text':
        return [{ type: 'text', value }];
      case 'inlineCode':
        return [h('code', value)];
      case 'break':
        return [h('br')];
      case 'emphasis':
        return [h('em', children(node))];
      case 'strong':
        return [h('strong', children(node))];
      case 'link':
        return [h('a', { href: 'url' in node ? String(node.url) : '#' }, children(node))];
      default:
        break;
    }
    if (isJsx(node, CITE)) {
      const marker = options.marker(node);
      return marker ? [marker] : [];
    }
    if (isJsx(node, COUNT)) {
      const count = options.count(node);
      return count ? [count] : [];
    }
    if (isJsx(node, INFERENCE)) {
      inferences++;
      return [inferenceElement(false, inferenceId(options.inferencePrefix, inferences), children(node))];
    }
    if (isJsx(node, EDITORIAL)) return [h('span', { className: ['editorial'] }, children(node))];
    return children(node);
  };
  const children = (node: Node): ElementContent[] =>
    'children' in node ? ((node as Parent).children as PhrasingContent[]).flatMap(phrasing) : [];
  return tree.children.flatMap((block): ElementContent[] => {
    if (block.type === 'paragraph') return [h('p', tightened(children(block)))];
    if (isJsx(block, INFERENCE)) {
      inferences++;
      const inner = (block as Parent).children.flatMap((p) =>
        p.type === 'paragraph' ? [h('p', tightened(children(p)))] : [],
      );
      return [inferenceElement(true, inferenceId(options.inferencePrefix, inferences), inner)];
    }
    return [];
  });
}

/** Markers sit against the words they support: drop the spaces before them. */
export function tightened(nodes: ElementContent[]): ElementContent[] {
  return nodes.map((node, i) => {
    const next = nodes[i + 1];
    if (node.type === 'text' && next?.type === 'element' && next.tagName === 'sup') {
      return { ...node, value: node.value.replace(/\s+$/u, '') };
    }
    return node;
  });
}

/** The text of rendered prose as a reader reads it, without the citation markers. */
export function proseText(nodes: readonly ElementContent[]): string {
  const text = (node: ElementContent): string => {
    if (node.type === 'text') return node.value;
    if (node.type !== 'element' || node.tagName === 'sup') return '';
    return node.children.map(text).join('') + (node.tagName === 'p' ? ' ' : '');
  };
  return nodes
    .map(text)
    .join('')
    .replace(/\s+([.,;:!?])/gu, '$1')
    .replace(/\s+/gu, ' ')
    .trim();
}
