import { relative } from 'node:path';
import { h } from 'hastscript';
import type { ElementContent } from 'hast';
import type { Node, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import type { Source } from '../lib/catalog.ts';
import { buildCitationIndex, type CitationUse, type Note } from '../lib/citations/index-builder.ts';
import { analyseTree, CITE, EDITORIAL } from '../lib/citations/mdx.ts';
import { ContentError } from '../lib/errors.ts';
import { urlForContentFile } from '../lib/routes.ts';

export interface RemarkCitationsOptions {
  /** The sources citations resolve against (called once per file; cache it). */
  sources: () => readonly Source[];
  /** Must this file cite every paragraph? Paths are relative to `root`. */
  requireCitations?: (relativePath: string) => boolean;
  /** Repository root, for readable paths in messages. */
  root?: string;
}

interface VFileLike {
  path?: string;
}

/**
 * Turn `<Cite source quote />` into numbered markers linked to the cited passage (with a
 * text fragment), append the "Sources" notes with back-links, unwrap `<Editorial>`, and stop
 * the build with file:line:column when a citation does not resolve or a paragraph cites nothing.
 */
export default function remarkCitations(options: RemarkCitationsOptions) {
  const root = options.root ?? process.cwd();
  return (tree: Root, file: VFileLike) => {
    const path = file.path ? relative(root, file.path).replace(/\\/gu, '/') : '<unknown>';
    const analysis = analyseTree(tree, path, { requireCitations: options.requireCitations?.(path) ?? false });
    if (analysis.citations.length === 0 && analysis.editorials.length === 0 && analysis.problems.length === 0) return;

    const { index, problems } = buildCitationIndex(options.sources(), [
      { file: path, url: urlForContentFile(path) ?? '/', title: path, citations: analysis.citations },
    ]);
    const all = [...analysis.problems, ...problems];
    if (all.length > 0) throw new ContentError(all);

    const document = index.documents[0];
    const uses = document?.uses ?? [];
    analysis.citations.forEach((found, i) => {
      const use = uses[i] as CitationUse;
      Object.assign(found.node, markerNode(use));
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
    if (document && document.notes.length > 0) {
      tree.children.push(notesNode(document.notes) as RootContent);
    }
    // Which sources this page cites, for its metadata (JSON-LD `citation`).
    const cited = [...new Map(uses.map((u) => [u.source, { slug: u.source, title: u.sourceTitle }])).values()];
    const data = file as VFileLike & { data?: { astro?: { frontmatter?: Record<string, unknown> } } };
    data.data ??= {};
    data.data.astro ??= {};
    data.data.astro.frontmatter ??= {};
    data.data.astro.frontmatter['citedSources'] = cited;
  };
}

/** `[n]` as a superscript link to the passage, naming the source for screen readers. */
function markerNode(use: CitationUse) {
  const label = ` ${use.sourceTitle}, ¶ ${use.ordinal}`;
  return {
    type: 'citationMarker',
    name: undefined,
    attributes: undefined,
    children: [],
    data: {
      hName: 'sup',
      hProperties: { className: ['cite-ref'], id: use.refId, dataPagefindIgnore: '' },
      hChildren: [
        h('a', { href: use.href, dataNote: String(use.note) }, [
          `[${use.note}]`,
          h('span', { className: ['visually-hidden'] }, label),
        ]),
      ],
    },
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
