import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

export interface RehypePrintUrlsOptions {
  /** Where the site is published (SITE_URL), e.g. "https://renegotiated.example/". */
  site: string;
}

/**
 * Give every link to another page of the site its full address in `data-print-url`, which the
 * print stylesheet writes after the link: on paper a link is only as good as its address. Links
 * within the page, links that already have one and citation markers (the notes give those) are left.
 */
export default function rehypePrintUrls(options: RehypePrintUrlsOptions) {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element, _index, parent) => {
      if (node.tagName !== 'a' || node.properties['dataPrintUrl'] !== undefined) return;
      const href = node.properties['href'];
      if (typeof href !== 'string' || !href.startsWith('/') || href.startsWith('//')) return;
      if (parent?.type === 'element' && parent.tagName === 'sup') return;
      // The address without a text fragment: it is what a reader can type.
      node.properties['dataPrintUrl'] = new URL(href.split(':~:')[0] as string, options.site).href;
    });
  };
}
