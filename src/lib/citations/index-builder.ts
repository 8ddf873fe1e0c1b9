import type { Source } from '../catalog.ts';
import type { ContentProblem } from '../errors.ts';
import { normalise } from '../quotes.ts';
import { resolveCitation, type CitationRequest, type ResolvedCitation } from './resolve.ts';

/** A page that cites: an explainer, the home page, or one timeline event. */
export interface CitingDocument {
  file: string;
  /** URL of the page the citations appear on. */
  url: string;
  /** What a back-link to it says ("The end of exclusivity"). */
  title: string;
  citations: CitationRequest[];
  /** Element id every citation of this document links back to; default: one `ref-N` per citation. */
  anchor?: string;
}

export interface CitationUse extends ResolvedCitation {
  /** Id of the citing marker on its page (`ref-3`), the target of back-links. */
  refId: string;
  /** The note number shown as [n]. Repeated citations of the same words share a note. */
  note: number;
}

export interface Note {
  number: number;
  citation: ResolvedCitation;
  /** Ids of every marker that uses this note, in order (the ^ a b back-links). */
  refs: string[];
}

export interface DocumentCitations {
  file: string;
  url: string;
  title: string;
  uses: CitationUse[];
  /** The use of each citation the document asked for, in its order; undefined where it did not resolve. */
  byRequest: (CitationUse | undefined)[];
  notes: Note[];
}

export interface Backlink {
  /** `/explainers/x/#ref-3`. */
  href: string;
  /** The citing page's title. */
  title: string;
  /** The note number on that page, if it numbers notes. */
  note?: number;
}

export interface CitationIndex {
  documents: DocumentCitations[];
  /** Back-links per cited passage, keyed `<slug>#<passage-id>`, in document order. */
  backlinks: Map<string, Backlink[]>;
  /** Slugs of sources that nothing cites. */
  uncited: string[];
}

export const passageKey = (slug: string, passageId: string) => `${slug}#${passageId}`;

/**
 * The one citation index: resolves every citation of every document, numbers each
 * document's notes, and records which places cite which passage. Pure: the remark plugin,
 * the source pages and the timeline all read what this returns.
 */
export function buildCitationIndex(
  sources: readonly Source[],
  documents: readonly CitingDocument[],
): { index: CitationIndex; problems: ContentProblem[] } {
  const bySlug = new Map(sources.map((s) => [s.slug, s]));
  const problems: ContentProblem[] = [];
  const backlinks = new Map<string, Backlink[]>();
  const cited = new Set<string>();

  const resolvedDocs = documents.map((doc): DocumentCitations => {
    const notes: Note[] = [];
    const noteByKey = new Map<string, Note>();
    const uses: CitationUse[] = [];
    const byRequest: (CitationUse | undefined)[] = [];
    doc.citations.forEach((request, i) => {
      const resolution = resolveCitation(bySlug, request);
      if (!resolution.ok) {
        problems.push(resolution.problem);
        byRequest.push(undefined);
        return;
      }
      const citation = resolution.citation;
      const refId = doc.anchor ?? `ref-${i + 1}`;
      const key = `${passageKey(citation.source, citation.passageId)}|${normalise(citation.quote)}`;
      let note = noteByKey.get(key);
      if (!note) {
        note = { number: notes.length + 1, citation, refs: [] };
        notes.push(note);
        noteByKey.set(key, note);
      }
      if (!note.refs.includes(refId)) note.refs.push(refId);
      const use = { ...citation, refId, note: note.number };
      uses.push(use);
      byRequest.push(use);
      cited.add(citation.source);

      const links = backlinks.get(passageKey(citation.source, citation.passageId)) ?? [];
      const href = `${doc.url}#${refId}`;
      if (!links.some((l) => l.href === href)) {
        links.push({ href, title: doc.title, ...(doc.anchor ? {} : { note: note.number }) });
      }
      backlinks.set(passageKey(citation.source, citation.passageId), links);
    });
    return { file: doc.file, url: doc.url, title: doc.title, uses, byRequest, notes };
  });

  return {
    index: { documents: resolvedDocs, backlinks, uncited: sources.map((s) => s.slug).filter((s) => !cited.has(s)) },
    problems,
  };
}
