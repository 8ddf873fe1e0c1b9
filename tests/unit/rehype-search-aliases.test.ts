import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import { toString } from 'hast-util-to-string';
import { describe, expect, it } from 'vitest';
import rehypeSearchAliases from '../../src/plugins/rehype-search-aliases.ts';

function run(tree: Root): Root {
  rehypeSearchAliases()(tree);
  return tree;
}
/** The alias each top-level block carries (its last child), or null. */
const aliasesOf = (tree: Root) =>
  (tree.children as Element[]).map((el) => {
    const last = el.children.at(-1) as Element | undefined;
    return last?.tagName === 'span' ? (last.properties['dataSearchAlias'] ?? null) : null;
  });

describe('rehypeSearchAliases', () => {
  const page = () =>
    h(null, [
      h('p', ['Another points to the ', h('em', 'GPT-5.5'), ' rollout', h('sup', h('a', { href: '#n1' }, '[1]'))]),
      h('p', 'About 27 percent, as written.'),
      h('table', [h('tr', [h('td', 'About 27%'), h('td', 'Up to $50B')])]),
      h('ul', [h('li', [h('p', 'A stake of 27% and GPT-5.5')])]),
      h('h2', 'GPT-5.5 in a heading'),
    ]);

  it('gives a block that writes a figure or a versioned name otherwise its alias, for the index only', () => {
    const tree = run(page());
    expect(aliasesOf(tree)).toEqual(['(GPT 5.5)', null, null, null, null]);
    const cells = ((tree.children[2] as Element).children[0] as Element).children as Element[];
    expect(cells.map((td) => (td.children.at(-1) as Element).properties['dataSearchAlias'])).toEqual([
      '(27 percent)',
      '(50 billion)',
    ]);
    // A paragraph inside a list item is covered once, by the item.
    const item = ((tree.children[3] as Element).children[0] as Element).children as Element[];
    expect(item.map((c) => c.tagName)).toEqual(['p', 'span']);
    expect((item[0] as Element).children).toHaveLength(1);
  });

  it('adds nothing to the text, and tells Pagefind to index the attribute', () => {
    const before = page();
    const text = (before.children as Element[]).map((el) => toString(el));
    const tree = run(page());
    expect((tree.children as Element[]).map((el) => toString(el))).toEqual(text);
    const span = (tree.children[0] as Element).children.at(-1) as Element;
    expect(span.properties).toEqual({
      className: ['search-alias'],
      dataSearchAlias: '(GPT 5.5)',
      dataPagefindIndexAttrs: 'data-search-alias',
    });
    expect(span.children).toEqual([]);
  });

  it('leaves headings as written (their text makes their ids)', () => {
    const tree = run(page());
    expect(((tree.children[4] as Element).children as unknown[]).length).toBe(1);
  });
});
