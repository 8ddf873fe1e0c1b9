/**
 * Why a quote was not found, as precisely as we can tell: the words are in an earlier version of
 * the source (and what they became), in another source, across two passages, or there with other
 * capitals. Each hint is a sentence for the error message; the first is the likeliest.
 */
import type { Source } from '../catalog.ts';
import { closestStretch, findQuote, normalise, normaliseTypography } from '../quotes.ts';
import { wordsOf } from '../revisions.ts';

export interface NotFoundHint {
  message: string;
  fix?: string;
}

const preview = (text: string, max = 160) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function notFoundHints(sources: ReadonlyMap<string, Source>, source: Source, quote: string): NotFoundHint[] {
  const hints: NotFoundHint[] = [];
  const revised = revisedQuote(source, quote);
  if (revised) hints.push(revised);

  for (const passage of source.passages) {
    const match = findQuoteIgnoringCase(passage.text, quote);
    if (match) {
      hints.push({
        message: `The words are in ¶ ${passage.ordinal}, but with other capitals: the source has "${preview(match)}".`,
        fix: 'copy the capitals exactly as the source has them.',
      });
      break;
    }
  }

  for (const [i, passage] of source.passages.entries()) {
    const next = source.passages[i + 1];
    if (!next) break;
    const parts = acrossTwo(passage.text, next.text, quote);
    if (parts) {
      hints.push({
        message: `The words run across two passages, ¶ ${passage.ordinal} and ¶ ${next.ordinal}; a quote must sit within one passage.`,
        fix: `cite the two parts separately: quote="${parts[0]}" and quote="${parts[1]}".`,
      });
      break;
    }
  }

  for (const other of sources.values()) {
    if (other.slug === source.slug) continue;
    const passage = other.passages.find((p) => findQuote(p.text, quote));
    if (passage) {
      hints.push({
        message: `These exact words are in another source: "${other.title}" (${other.slug}), ¶ ${passage.ordinal}.`,
        fix: `if that is the source you mean, write source="${other.slug}".`,
      });
      break;
    }
  }
  return hints;
}

/** The matched words as the text has them, when the quote is there in other capitals. */
export function findQuoteIgnoringCase(text: string, quote: string): string | undefined {
  const hay = normaliseTypography(text);
  const lower = hay.text.toLowerCase();
  const needle = normalise(quote).toLowerCase();
  // Only where lowercasing keeps every position (true of nearly all text; "İ" is the exception).
  if (needle === '' || lower.length !== hay.text.length) return undefined;
  for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, at + 1)) {
    const start = hay.origin[at] as number;
    const end = (hay.origin[at + needle.length - 1] as number) + 1;
    const candidate = text.slice(start, end);
    // Same words, other capitals, and whole words (findQuote decides that on the exact-case text).
    if (findQuote(text, candidate)) return candidate;
  }
  return undefined;
}

/** The two parts of a quote that runs from the end of one passage into the start of the next. */
function acrossTwo(first: string, second: string, quote: string): [string, string] | undefined {
  const words = normalise(quote).split(' ');
  for (let cut = 1; cut < words.length; cut++) {
    const head = words.slice(0, cut).join(' ');
    const tail = words.slice(cut).join(' ');
    if (normalise(first).endsWith(head) && normalise(second).startsWith(tail) && findQuote(first, head)) {
      if (findQuote(second, tail)) return [head, tail];
    }
  }
  return undefined;
}

/**
 * The quote is in an earlier version of the source but not in the current one: name the old
 * passage, and re-anchor the quote in the new text from the words around it (as annotation
 * tools do): the passage that succeeded the old one, between the words that stood before and
 * after the quote.
 */
function revisedQuote(source: Source, quote: string): NotFoundHint | undefined {
  const versions = source.versions ?? [];
  for (const version of [...versions].reverse().slice(1)) {
    for (const passage of version.passages) {
      const match = findQuote(passage.text, quote);
      if (!match) continue;
      const former = source.former?.find((f) => f.id === passage.id);
      const successor = source.passages.find((p) => p.id === (former?.successor ?? passage.id));
      const revisedOn = former?.revisedOn ? ` on ${former.revisedOn}` : '';
      const reanchored = successor
        ? reanchor(passage.text.slice(0, match.start), passage.text.slice(match.end), successor.text, quote)
        : undefined;
      const nearest =
        reanchored ??
        closestStretch(
          source.passages.map((p) => ({ key: String(p.ordinal), text: p.text })),
          quote,
        )?.text;
      const where = successor ? `¶ ${successor.ordinal}` : 'the current version';
      return {
        message:
          `The source was revised${revisedOn}, and the current version no longer has these words. ` +
          `They were in ¶ ${passage.ordinal} of version ${version.version} (#${passage.id}): "${preview(passage.text)}". ` +
          (nearest ? `The nearest text now (${where}): "${preview(nearest)}".` : 'Nothing like them remains.'),
        fix: nearest
          ? 'quote the current words if they still support your sentence (and reword the sentence if the correction changes it), or cite another passage.'
          : 'the correction removed these words: rewrite the sentence, or cite another passage that supports it.',
      };
    }
  }
  return undefined;
}

/**
 * Where a quote went: in the new text, the words between the last words before it and the first
 * words after it in the old text. Falls back to the stretch of the new text most like the quote.
 */
export function reanchor(prefix: string, suffix: string, newText: string, quote: string): string | undefined {
  const newWords = newText.split(/\s+/u).filter(Boolean);
  const bare = newWords.map((w) => wordsOf(w).join(''));
  const before = wordsOf(prefix).slice(-3);
  const after = wordsOf(suffix).slice(0, 3);
  const find = (needle: string[], from: number) => {
    if (needle.length === 0) return -1;
    for (let i = from; i + needle.length <= bare.length; i++) {
      if (needle.every((w, k) => bare[i + k] === w)) return i;
    }
    return -1;
  };
  const quoteLength = normalise(quote).split(' ').length;
  const start = before.length === 0 ? 0 : find(before, 0);
  const from = start === -1 ? -1 : before.length === 0 ? 0 : start + before.length;
  const end = from === -1 ? -1 : after.length === 0 ? newWords.length : find(after, from);
  if (from !== -1 && end !== -1 && end > from && end - from <= quoteLength * 3) {
    return newWords.slice(from, end).join(' ');
  }
  if (from !== -1 && before.length > 0) return newWords.slice(from, from + quoteLength).join(' ');
  return closestStretch([{ key: '', text: newText }], quote)?.text;
}
