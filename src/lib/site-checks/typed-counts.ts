import { parseHTML } from 'linkedom';
import { typedCounts } from '../prose/source-counts.ts';

/**
 * Counts of sources typed into a template ("from five news articles"), found in the built pages:
 * the prose checks cannot see templates, and a count there goes stale the day a source is added.
 * A count the site computes is marked `data-count` and passes; so do the sources' own words
 * (passages, quotes), which are theirs to write.
 */

/** Elements whose text is not the site's own words, or is computed. */
const EXEMPT = [
  '[data-count]',
  '.cite-ref',
  'cite',
  '.passage',
  '.passages',
  'q',
  'blockquote',
  '.claims-quote',
  'script',
  'style',
  'template',
  'noscript',
  'code',
  'pre',
].join(', ');

export interface CountInPage {
  /** As typed: "five news articles". */
  text: string;
  /** Where on the page: the element's text around it. */
  context: string;
}

/**
 * A count with a number in it ("five news articles", "all five", "only one"). A template's "every
 * source" or "all sources" names the collection, whatever its size, and stays true when it grows.
 */
const NUMBERED = /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|single)\b/iu;

/** Typed counts with a number in a built page's own words: its text, title and description. */
export function typedCountsInPage(html: string): CountInPage[] {
  if (!mayHaveCount(html)) return [];
  const { document } = parseHTML(html);
  for (const exempt of document.querySelectorAll(EXEMPT)) exempt.remove();
  const texts = [
    document.querySelector('title')?.textContent ?? '',
    document.querySelector('meta[name="description"]')?.getAttribute('content') ?? '',
    ...blockTexts(document.querySelector('body')),
  ];
  return texts.flatMap((raw) => {
    const text = raw.replace(/\s+/gu, ' ');
    return typedCounts(text)
      .filter((count) => NUMBERED.test(count.text))
      .map((count) => ({
        text: count.text,
        context: text.slice(Math.max(0, count.index - 60), count.index + count.text.length + 60).trim(),
      }));
  });
}

const BLOCK = new Set(
  'address article aside blockquote body dd details div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header li main nav ol p pre section summary table tbody td th thead tr ul'.split(
    ' ',
  ),
);

/** The text of each block of a page on its own, so the end of one block never runs into the next. */
function blockTexts(root: Element | null): string[] {
  const out: string[] = [];
  const walk = (node: Node, chunk: string[]) => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) chunk.push(child.textContent ?? '');
      else if (child.nodeType === 1) {
        const tag = (child as Element).tagName.toLowerCase();
        if (BLOCK.has(tag)) {
          const inner: string[] = [];
          walk(child, inner);
          out.push(inner.join(''));
          chunk.push(' ');
        } else walk(child, chunk);
      }
    }
  };
  if (root) {
    const top: string[] = [];
    walk(root, top);
    out.push(top.join(''));
  }
  return out;
}

/**
 * Could the page hold a typed count at all? Its text with every tag removed and every character reference
 * read as a space holds every phrase its elements do (and more: the exempt ones, attributes' neighbours), so
 * a page without a candidate there has none: most pages of a large site are not parsed.
 */
function mayHaveCount(html: string): boolean {
  const description = /<meta name="description" content="([^"]*)"/u.exec(html)?.[1] ?? '';
  // Computed counts (an element marked data-count, holding only text) are exempt, as in the full check.
  const own = html.replace(/<([a-z]+)\b[^>]*\bdata-count\b[^>]*>[^<]*<\/\1>/giu, '');
  const text = `${own.replace(/<[^>]*>/gu, '')} ${description}`.replace(/&[#a-z0-9]+;/giu, ' ').replace(/\s+/gu, ' ');
  return typedCounts(text).some((count) => NUMBERED.test(count.text));
}
