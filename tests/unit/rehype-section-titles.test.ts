import type { Root } from 'hast';
import { h } from 'hastscript';
import { describe, expect, it } from 'vitest';
import rehypeSectionTitles from '../../src/plugins/rehype-section-titles.ts';

function run(tree: Root, title: unknown, options?: Parameters<typeof rehypeSectionTitles>[0]): Root {
  rehypeSectionTitles(options)(tree, { data: { astro: { frontmatter: { title } } } });
  return tree;
}
const titles = (tree: Root) =>
  (tree.children as ReturnType<typeof h>[]).map((el) => el.properties?.['dataPagefindTitle'] ?? null);

describe('rehypeSectionTitles', () => {
  const page = () =>
    h(null, [
      h('h2', { id: 'azure-first' }, ['Azure first, ', h('em', 'with'), ' an exception']),
      h('p', 'Body text.'),
      h('h3', 'A  smaller\nsection'),
      h('h4', 'Too deep'),
      h('h2', { dataPagefindTitle: 'Kept as the author set it' }, 'Own title'),
    ]);

  it('titles each h2 and h3 "<page title> · <heading>", as a reader would read the heading', () => {
    expect(titles(run(page(), 'The end of exclusivity'))).toEqual([
      'The end of exclusivity · Azure first, with an exception',
      null,
      'The end of exclusivity · A smaller section',
      null,
      'Kept as the author set it',
    ]);
  });

  it('takes the levels and the separator as options', () => {
    expect(titles(run(page(), 'Timeline', { levels: [4], separator: ': ' }))).toEqual([
      null,
      null,
      null,
      'Timeline: Too deep',
      'Kept as the author set it',
    ]);
  });

  it('leaves a page without a title as it is', () => {
    expect(titles(run(page(), undefined))).toEqual([null, null, null, null, 'Kept as the author set it']);
    expect(titles(run(page(), '  '))).toEqual([null, null, null, null, 'Kept as the author set it']);
  });
});
