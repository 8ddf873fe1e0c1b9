/**
 * The words a result's link asks the opened page to mark (`?highlight=…`). Pagefind writes the words as its index
 * holds them ("GPT-5.5" as "gpt55", "7.5" as "75"), which the page's text does not contain, so nothing would be
 * marked: the search page puts back the words as they were searched.
 */
export const HIGHLIGHT_PARAM = 'highlight';

/** `url` with its highlight words replaced by `words` (a link without highlight words is left as it is). */
export function withHighlightWords(url: string, words: readonly string[], param = HIGHLIGHT_PARAM): string {
  const base = 'https://site.invalid';
  let parsed: URL;
  try {
    parsed = new URL(url, base);
  } catch {
    return url;
  }
  if (!parsed.searchParams.has(param) || words.length === 0) return url;
  parsed.searchParams.delete(param);
  for (const word of words) parsed.searchParams.append(param, word);
  const relative = !/^[a-z][a-z0-9+.-]*:/iu.test(url);
  return relative ? `${parsed.pathname}${parsed.search}${parsed.hash}` : parsed.href;
}

/** The words of a searched query to mark on the page: the phrase's words, without its quotation marks. */
export const highlightWordsOf = (searched: string): string[] =>
  searched
    .replace(/["“”„]/gu, ' ')
    .split(/\s+/u)
    .filter(Boolean);
