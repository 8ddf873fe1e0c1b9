import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import { toString } from 'hast-util-to-string';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { aliasText, withoutAliases } from '../../src/lib/search/aliases.ts';
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
    expect(aliasesOf(tree)).toEqual(['⟦GPT 5.5⟧', null, null, null, null]);
    const cells = ((tree.children[2] as Element).children[0] as Element).children as Element[];
    expect(cells.map((td) => (td.children.at(-1) as Element).properties['dataSearchAlias'])).toEqual([
      '⟦27 percent⟧',
      '⟦50 billion⟧',
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
      dataSearchAlias: '⟦GPT 5.5⟧',
      dataPagefindIndexAttrs: 'data-search-alias',
    });
    expect(span.children).toEqual([]);
  });

  it('leaves headings as written (their text makes their ids)', () => {
    const tree = run(page());
    expect(((tree.children[4] as Element).children as unknown[]).length).toBe(1);
  });
});

describe('withoutAliases: excerpts show what the page says, never an alias', () => {
  it('takes out whole aliases, and the space before each', () => {
    expect(withoutAliases('an approximately <mark>27%</mark> stake. ⟦<mark>27</mark> percent⟧ More text')).toBe(
      'an approximately <mark>27%</mark> stake. More text',
    );
    expect(withoutAliases('GPT-5.5 ⟦GPT 5.5; 50 billion⟧')).toBe('GPT-5.5');
  });

  it('keeps the marks right where Pagefind marks a word of an alias (the mark opens inside it, closes outside)', () => {
    expect(withoutAliases('stake. <mark>⟦27</mark> percent⟧ Amazon’s deal')).toBe('stake. Amazon’s deal');
    expect(withoutAliases('About <mark>27%</mark> ⟦<mark>27</mark> <mark>percent</mark>⟧ Retained.')).toBe(
      'About <mark>27%</mark> Retained.',
    );
    expect(withoutAliases('<mark>GPT-5.5</mark>, Codex ⟦<mark>GPT</mark> 5.5⟧ and <mark>more</mark>')).toBe(
      '<mark>GPT-5.5</mark>, Codex and <mark>more</mark>',
    );
  });

  it('takes out an alias cut off at either end of the excerpt', () => {
    expect(withoutAliases('<mark>percent</mark>⟧ OpenAI will keep paying')).toBe('OpenAI will keep paying');
    expect(withoutAliases('the technology. ⟦27 <mark>percent')).toBe('the technology.');
  });

  it('leaves an excerpt without aliases as it is', () => {
    fc.assert(
      fc.property(fc.string().filter((s) => !/[⟦⟧]|<mark>\s*<\/mark>/u.test(s)), (s) => withoutAliases(s) === s),
    );
  });

  it('round trip: the alias text of any aliases is taken out whole', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1 }).filter((s) => !/[⟦⟧]/u.test(s)), { minLength: 1 }), fc.string().filter((s) => !/[⟦⟧<]/u.test(s)), (aliases, before) =>
        withoutAliases(`${before}${aliasText(aliases)}`) === before.trimEnd()),
    );
  });
});
