import { realpathSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ElementContent } from 'hast';
import { h } from 'hastscript';
import type { Node, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import type { Corpus } from '../lib/citations/corpus.ts';
import type { CitationUse, Note } from '../lib/citations/index-builder.ts';
import { inferenceId } from '../lib/citations/inferences.ts';
import { analyseTree, CITE, EDITORIAL } from '../lib/citations/mdx.ts';
import { countText, INFERENCE_LABEL, markerElement } from '../lib/citations/render.ts';
import { ContentError } from '../lib/errors.ts';
import { CLAIMS_URL } from '../lib/citations/corpus.ts';

export interface RemarkCitationsOptions {
  /**
   * The corpus every page was checked and resolved against, and the sources' slugs (read once per
   * build: see src/lib/site-corpus.ts). The plugin resolves nothing itself.
   */
  corpus: () => { corpus: Corpus; sourceSlugs: readonly string[] };
  /** Repository root, for readable paths in messages. */
  root?: string;
}

interface VFileLike {
  path?: string;
}

const real = (path: string) => {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
};
const byRealPath = new WeakMap<Corpus, Map<string, string>>();

/**
 * The corpus's name for the file Astro compiles: its path from the root, or, where the content folder is
 * reached through a symbolic link (Vite compiles the file at its real path), the page at the same real path.
 */
function corpusPath(corpus: Corpus, root: string, filePath: string): string {
  const path = relative(root, filePath).replace(/\\/gu, '/');
  if (corpus.pages.has(path)) return path;
  let map = byRealPath.get(corpus);
  if (!map) {
    map = new Map([...corpus.pages.keys()].map((key) => [real(join(root, key)), key]));
    byRealPath.set(corpus, map);
  }
  return map.get(real(filePath)) ?? path;
}

/**
 * Turn `<Cite source quote />` into numbered markers linked to the cited passage (with a text
 * fragment), `<Count>` into the number of sources the ledger gives, `<Inference>` into the site's
 * labelled reasoning; append the "Sources" notes with back-links and unwrap `<Editorial>`. Every
 * citation comes resolved from the one corpus; a page with problems stops the build with them.
 */
export default function remarkCitations(options: RemarkCitationsOptions) {
  const root = options.root ?? process.cwd();
  return (tree: Root, file: VFileLike) => {
    const { corpus, sourceSlugs } = options.corpus();
    const path = file.path ? corpusPath(corpus, root, file.path) : '<unknown>';
    const page = corpus.pages.get(path);
    if (!page) return;
    const problems = corpus.problems.filter((p) => p.file === path);
    if (problems.length > 0) throw new ContentError(problems);

    // The same parse as the corpus's: find the same elements again in this tree, in the same order.
    const analysis = analyseTree(tree, path, { requireCitations: false });
    const expected = page.analysis.citations.map((c) => `${c.source}|${c.quote}`).join('\n');
    if (analysis.citations.map((c) => `${c.source}|${c.quote}`).join('\n') !== expected) {
      throw new Error(`${path} changed while the site was being built; build again.`);
    }
    const uses = page.citations.byRequest;
    analysis.citations.forEach((found, i) => {
      Object.assign(found.node, markerNode(uses[i] as CitationUse));
    });
    analysis.counts.forEach((found, i) => {
      const checked = page.analysis.counts[i] ?? found;
      const text = countText(checked, corpus.ledger, sourceSlugs);
      Object.assign(found.node, {
        type: 'countText',
        children: [{ type: 'text', value: text }],
        data: checked.claim
          ? { hName: 'a', hProperties: { href: `${CLAIMS_URL}#${checked.claim}`, className: ['count'], dataCount: '' } }
          : { hName: 'span', hProperties: { className: ['count'], dataCount: '' } },
      });
    });
    analysis.inferences.forEach((node, i) => {
      const block = node.type === 'mdxJsxFlowElement';
      const label = {
        type: 'inferenceLabel',
        children: [{ type: 'text', value: INFERENCE_LABEL }],
        data: { hName: 'span', hProperties: { className: ['inference__label'] } },
      };
      Object.assign(node, {
        type: 'inference',
        children: [label, { type: 'text', value: ' ' }, ...node.children],
        data: { hName: block ? 'div' : 'span', hProperties: { className: ['inference'], id: inferenceId('', i + 1) } },
      });
    });
    for (const editorial of analysis.editorials) {
      // Inline <Editorial> sits inside a paragraph: a span there, a div around whole paragraphs.
      const inline = editorial.type === 'mdxJsxTextElement';
      Object.assign(editorial, {
        type: 'editorialBlock',
        data: { hName: inline ? 'span' : 'div', hProperties: { className: ['editorial'] } },
      });
    }
    tightenMarkers(tree);
    const notes = page.citations.notes;
    if (notes.length > 0) tree.children.push(notesNode(notes) as RootContent);
    // Which sources this page cites, for its metadata (JSON-LD `citation`).
    const used = uses.filter((u): u is CitationUse => u !== undefined);
    const cited = [...new Map(used.map((u) => [u.source, { slug: u.source, title: u.sourceTitle }])).values()];
    const data = file as VFileLike & { data?: { astro?: { frontmatter?: Record<string, unknown> } } };
    data.data ??= {};
    data.data.astro ??= {};
    data.data.astro.frontmatter ??= {};
    data.data.astro.frontmatter['citedSources'] = cited;
  };
}

/** `[n]` as a superscript link to the passage (see markerElement), as an mdast node the MDX pipeline keeps. */
function markerNode(use: CitationUse) {
  const sup = markerElement(use, { id: use.refId });
  return {
    type: 'citationMarker',
    name: undefined,
    attributes: undefined,
    children: [],
    data: { hName: 'sup', hProperties: sup.properties, hChildren: sup.children },
  };
}

const t = (value: string): ElementContent => ({ type: 'text', value });

/** The "Sources" list: each note's quote, source, ¶ N and link, with ^ a b back-links. */
function notesNode(notes: Note[]) {
  const items = notes.map((note): ElementContent => {
    const c = note.citation;
    const backrefs: ElementContent[] =
      note.refs.length === 1
        ? [
            h('a', { href: `#${note.refs[0]}`, className: ['backref'] }, [
              '^',
              h('span', { className: ['visually-hidden'] }, ' back to the text'),
            ]),
          ]
        : [
            t('^ '),
            ...note.refs.flatMap((ref, i): ElementContent[] => [
              h('a', { href: `#${ref}`, className: ['backref'] }, [
                h('span', { className: ['visually-hidden'] }, 'back to the text, use '),
                String.fromCharCode(97 + (i % 26)) + (i >= 26 ? String(Math.floor(i / 26)) : ''),
              ]),
              t(' '),
            ]),
          ];
    return h('li', { id: `note-${note.number}` }, [
      h('span', { className: ['backrefs'] }, backrefs),
      ' ',
      h('q', {}, c.matched.text),
      ' — ',
      // Its full address for print comes from rehype-print-urls, as every other link's does.
      h('a', { href: c.href }, [h('cite', {}, c.sourceTitle), `, ¶ ${c.ordinal}`]),
      ...(c.passageKind === 'furniture'
        ? [' ', h('span', { className: ['note-furniture'] }, '(from the page furniture around the article)')]
        : []),
    ]);
  });
  return {
    type: 'citationNotes',
    children: [],
    data: {
      hName: 'section',
      hProperties: { className: ['notes'], ariaLabelledby: 'notes', dataPagefindIgnore: '' },
      hChildren: [h('h2', { id: 'notes' }, 'Sources'), h('ol', { className: ['notes-list'] }, items)],
    },
  };
}

/** Markers sit against the words they support: drop the spaces before and between them. */
function tightenMarkers(node: Node): void {
  if (!('children' in node)) return;
  const children = (node as Parent).children as PhrasingContent[];
  for (let i = 0; i < children.length; i++) {
    const child = children[i] as Node;
    const next = children[i + 1] as Node | undefined;
    if (child.type === 'text' && next?.type === 'citationMarker') {
      const text = child as unknown as { value: string };
      text.value = text.value.replace(/\s+$/u, '');
    }
    tightenMarkers(child);
  }
  (node as Parent).children = children.filter((c) => !(c.type === 'text' && c.value === '')) as never;
}

export { CITE, EDITORIAL };
