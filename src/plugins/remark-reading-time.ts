import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';

export interface RemarkReadingTimeOptions {
  /** Words a reader reads per minute. */
  wordsPerMinute?: number;
}

/**
 * Count the words of a Markdown/MDX document and expose them to Astro as frontmatter
 * (`words`, `minutesToRead`), so a page can show its reading time.
 */
export default function remarkReadingTime(options: RemarkReadingTimeOptions = {}) {
  const wordsPerMinute = options.wordsPerMinute ?? 230;
  return (tree: Root, file: { data: Record<string, unknown> }) => {
    // Count per text node: joining the whole tree would glue words across block boundaries.
    let words = 0;
    visit(tree, (node) => {
      if (node.type === 'text' || node.type === 'inlineCode') {
        words += node.value.split(/\s+/u).filter(Boolean).length;
      }
    });
    const astro = (file.data['astro'] ??= {}) as { frontmatter?: Record<string, unknown> };
    astro.frontmatter ??= {};
    astro.frontmatter['words'] = words;
    astro.frontmatter['minutesToRead'] = Math.max(1, Math.round(words / wordsPerMinute));
  };
}
