import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import { toString } from 'hast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import { aliasText, searchAliases } from '../lib/search/aliases.ts';

/** Blocks of running text: each gets the aliases of what it says. Headings are left as written. */
const BLOCKS = new Set(['p', 'li', 'td', 'th', 'dd', 'blockquote']);

/**
 * The explainers' (and pages') counterpart of the aliases on source passages: a block that writes "27%" or
 * "GPT-5.5" also carries "⟦27 percent⟧" or "⟦GPT 5.5⟧" for the index only, in an attribute Pagefind indexes where
 * the element stands (`data-pagefind-index-attrs`). Nothing is added to the text: the span is empty. A block
 * inside a block (a paragraph in a list item) is covered by the outer one.
 */
export default function rehypeSearchAliases() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (!BLOCKS.has(node.tagName)) return undefined;
      const aliases = searchAliases(toString(node));
      if (aliases.length > 0) {
        node.children.push(
          h('span', {
            className: ['search-alias'],
            dataSearchAlias: aliasText(aliases),
            dataPagefindIndexAttrs: 'data-search-alias',
          }),
        );
      }
      return SKIP;
    });
  };
}
