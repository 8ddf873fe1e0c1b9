import type { Source } from '../catalog.ts';
import type { ContentProblem } from '../errors.ts';
import { closestStretch, findQuote, normalise, unambiguousTextFragment, type QuoteMatch } from '../quotes.ts';
import { sourceUrl } from '../routes.ts';
import type { PassageKind } from '../passages/types.ts';
import { notFoundHints } from './suggest.ts';

/** A citation as an author wrote it, and where. */
export interface CitationRequest {
  source: string;
  quote: string;
  file: string;
  line: number;
  column: number;
}

/** A citation resolved to the one passage that contains its quote. */
export interface ResolvedCitation {
  source: string;
  sourceTitle: string;
  quote: string;
  passageId: string;
  ordinal: number;
  passageKind: PassageKind;
  /** The quoted words as the source has them. */
  matched: QuoteMatch;
  /** `/sources/<slug>/#<id>`. */
  passageHref: string;
  /** The passage link plus a text fragment for the quoted words. */
  href: string;
}

export type Resolution = { ok: true; citation: ResolvedCitation } | { ok: false; problem: ContentProblem };

const preview = (text: string, max = 160) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** Resolve one citation against the sources: exactly one passage must contain the quote. */
export function resolveCitation(sources: ReadonlyMap<string, Source>, request: CitationRequest): Resolution {
  const at = { file: request.file, line: request.line, column: request.column };
  const source = sources.get(request.source);
  if (!source) {
    const known = [...sources.keys()];
    const guess = closestStretch(
      known.map((slug) => ({ key: slug, text: slug.replace(/-/gu, ' ') })),
      request.source.replace(/-/gu, ' '),
    );
    return {
      ok: false,
      problem: {
        ...at,
        message: `the citation names source "${request.source}", which does not exist.${guess ? ` Did you mean "${guess.key}"?` : ''}`,
        fix: `use one of the source slugs: ${known.join(', ')}.`,
      },
    };
  }
  if (normalise(request.quote) === '') {
    return {
      ok: false,
      problem: {
        ...at,
        message: `the citation of "${request.source}" has an empty quote.`,
        fix: 'quote the words of the passage the claim rests on.',
      },
    };
  }

  const hits = source.passages.flatMap((passage) => {
    const match = findQuote(passage.text, request.quote);
    return match ? [{ passage, match }] : [];
  });

  if (hits.length === 0) {
    // Sharper first: an earlier version, other capitals, two passages, another source; else the closest words.
    const hints = notFoundHints(sources, source, request.quote);
    const closest = closestStretch(
      source.passages.map((p) => ({ key: String(p.ordinal), text: p.text })),
      request.quote,
    );
    return {
      ok: false,
      problem: {
        ...at,
        message:
          `quote not found in "${source.title}" (${source.slug}): "${preview(request.quote)}".` +
          (hints.length > 0
            ? ` ${hints.map((h) => h.message).join(' ')}`
            : closest
              ? ` Did you mean (¶ ${closest.key}): "${preview(closest.text)}"?`
              : ''),
        fix:
          hints[0]?.fix ??
          'copy the words exactly as the source has them; only curly/straight quotes, dashes and spacing may differ, and case must match.',
      },
    };
  }
  if (hits.length > 1) {
    return {
      ok: false,
      problem: {
        ...at,
        message: `quote found in ${hits.length} passages of "${source.title}" (${hits.map((h) => `¶ ${h.passage.ordinal}`).join(', ')}): "${preview(request.quote)}".`,
        fix: 'quote more of the passage you mean, so that the words appear in one passage only.',
      },
    };
  }

  const [{ passage, match }] = hits as [(typeof hits)[number]];
  const passageHref = `${sourceUrl(source.slug)}#${passage.id}`;
  // What the source page shows before the passage: its title and metadata, then the earlier passages.
  // A revised source shows, at the top of a passage, the earlier text of the passages it succeeds.
  const earlier = (id: string) => (source.former ?? []).filter((f) => f.successor === id).map((f) => f.text);
  const pageBefore = [
    source.title,
    source.publisher,
    source.byline,
    source.date,
    ...source.passages.slice(0, passage.ordinal - 1).flatMap((p) => [...earlier(p.id), p.text]),
    ...earlier(passage.id),
  ].join('\n');
  return {
    ok: true,
    citation: {
      source: source.slug,
      sourceTitle: source.title,
      quote: request.quote,
      passageId: passage.id,
      ordinal: passage.ordinal,
      passageKind: passage.kind,
      matched: match,
      passageHref,
      href: `${passageHref}${unambiguousTextFragment(match.text, pageBefore, passage.text.slice(0, match.start))}`,
    },
  };
}
