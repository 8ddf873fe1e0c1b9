import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';

export interface RehypeSectionTitlesOptions {
  /** Heading levels that start a section a search result can land on. */
  levels?: readonly number[];
  /** Separator between the page title and the section heading. */
  separator?: string;
}

/**
 * Give each section heading a search title that says where a result lands: "The end of
 * exclusivity · Azure first, with an exception" rather than the bare heading. Pagefind uses
 * `data-pagefind-title` for the sub-result of a heading with an id (the ids are Astro's).
 */
export default function rehypeSectionTitles(options: RehypeSectionTitlesOptions = {}) {
  const levels = new Set((options.levels ?? [2, 3]).map((n) => `h${n}`));
  const separator = options.separator ?? ' · ';
  return (tree: Root, file: { data: Record<string, unknown> }) => {
    const astro = file.data['astro'] as { frontmatter?: { title?: unknown } } | undefined;
    const title = astro?.frontmatter?.title;
    if (typeof title !== 'string' || title.trim() === '') return;
    visit(tree, 'element', (node: Element) => {
      if (!levels.has(node.tagName) || node.properties['dataPagefindTitle'] !== undefined) return;
      const heading = toString(node).replace(/\s+/gu, ' ').trim();
      if (heading) node.properties['dataPagefindTitle'] = `${title.trim()}${separator}${heading}`;
    });
  };
}
