import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import { describe, expect, it } from 'vitest';
import rehypePrintUrls from '../../src/plugins/rehype-print-urls.ts';

const printUrls = (tree: Root) => {
  rehypePrintUrls({ site: 'https://renegotiated.example/' })(tree);
  const out: (string | null)[] = [];
  const walk = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'a') out.push((child.properties['dataPrintUrl'] as string | undefined) ?? null);
      walk(child);
    }
  };
  walk(tree);
  return out;
};

describe('rehypePrintUrls', () => {
  it('gives each link to another page of the site its full address, without a text fragment', () => {
    const tree = h(null, [
      h('p', [h('a', { href: '/claims/#license-term' }, 'the ledger')]),
      h('p', [h('a', { href: '/sources/x/#p-1a2b3c:~:text=exact%20words' }, 'passage')]),
    ]);
    expect(printUrls(tree)).toEqual([
      'https://renegotiated.example/claims/#license-term',
      'https://renegotiated.example/sources/x/#p-1a2b3c',
    ]);
  });

  it('leaves links on the page, to other sites, citation markers and links that already have an address', () => {
    const tree = h(null, [
      h('a', { href: '#key-terms' }, 'below'),
      h('a', { href: 'https://example.org/' }, 'elsewhere'),
      h('a', { href: '//cdn.example.org/x' }, 'protocol-relative'),
      h('sup', { className: ['cite-ref'] }, [h('a', { href: '/sources/x/#p-1' }, '[1]')]),
      h('a', { href: '/sources/x/', dataPrintUrl: 'https://kept.example/' }, 'kept'),
    ]);
    expect(printUrls(tree)).toEqual([null, null, null, null, 'https://kept.example/']);
  });
});
