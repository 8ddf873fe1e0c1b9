import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { countWords, readingMinutes, WORDS_PER_MINUTE } from '../lib/reading-time.ts';

export interface RemarkReadingTimeOptions {
  /** Words a reader reads per minute. */
  wordsPerMinute?: number;
}

/**
 * Count the words of a Markdown/MDX document and expose them to Astro as frontmatter
 * (`words`, `minutesToRead`), so a page can show its reading time. The names of the MDX
 * components it uses go in `components`: a component such as <TimelineEvents /> renders words
 * the document does not contain, and the page adds them.
 */
export default function remarkReadingTime(options: RemarkReadingTimeOptions = {}) {
  const wordsPerMinute = options.wordsPerMinute ?? WORDS_PER_MINUTE;
  return (tree: Root, file: { data: Record<string, unknown> }) => {
    // Count per text node: joining the whole tree would glue words across block boundaries.
    let words = 0;
    const components = new Set<string>();
    visit(tree, (node) => {
      if (node.type === 'text' || node.type === 'inlineCode') words += countWords(node.value);
      if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name) {
        components.add(node.name);
      }
    });
    const astro = (file.data['astro'] ??= {}) as { frontmatter?: Record<string, unknown> };
    astro.frontmatter ??= {};
    astro.frontmatter['words'] = words;
    astro.frontmatter['minutesToRead'] = readingMinutes(words, wordsPerMinute);
    astro.frontmatter['components'] = [...components].sort();
  };
}
