import { rewrittenFigures, withFigureForms, withSpelledNumbers, type FigureForm } from './figures.ts';
import { trimPunctuation } from './words.ts';

/**
 * Words that carry no meaning in a search: Pagefind requires every word of a query on a page, so "how much did
 * amazon invest" finds nothing where "amazon invest" finds the answer. Month names, "no", "not", "new" and
 * "still" carry meaning here and are kept; so is "may" (a month). "Happened" says no more than "what" does.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a about after an and any are as at be been being but by can could did do does doing done for from get got ' +
    'had happen happened happens has have having he her here his how i if in into is it its me much many my of on ' +
    'or our please she ' +
    'should so tell than that the their them then there these they this those to was we were what whats when ' +
    'where which who whom whose why will with would you your'
  ).split(' '),
);

export interface QueryRewrite {
  /** What the reader typed. */
  typed: string;
  /** What is searched: figures in one written form, words that carry no meaning left out. */
  query: string;
  terms: string[];
  /** Words of `typed` that are not searched, in order. */
  leftOut: string[];
  /** Figures written otherwise than the index writes them: [as typed, as searched]. */
  figures: [typed: string, form: string][];
  /** A phrase in double quotes: Pagefind's exact search, with only its figures rewritten and currency signs gone. */
  exact: boolean;
}

/**
 * A reader's query as the index can answer it. Figures take the form the index gives them ("$50B" → "50 billion",
 * "27%" → "27 percent"), currency signs go (Pagefind keeps "$" in a query but the index has none), and words
 * that carry no meaning are left out, unless nothing else would remain. Punctuation inside words stays:
 * Pagefind reads "GPT-5.5" and "non-exclusive" itself.
 */
export function rewriteQuery(typed: string): QueryRewrite {
  // A phrase between straight or typographic double quotes (a phone or a Mac types “…”): Pagefind's exact search,
  // with its amounts in the index's form and without currency signs, which the index does not have. "27%" stays, as the page writes it (the "27 percent" alias stands elsewhere, so a
  // phrase "27 percent stake" would miss "27% stake"); Pagefind drops the "%" itself.
  const phrase = /^\s*["“„”]([^"“”„]+)["”“]\s*$/u.exec(typed);
  if (phrase) {
    const inner = phrase[1] as string;
    const amounts = (f: FigureForm) => !f.form.endsWith(' percent');
    const figures = rewrittenFigures(inner, amounts).map((f): [string, string] => [f.text, f.form]);
    const query = `"${withFigureForms(inner, amounts).replace(/\s+/gu, ' ').trim()}"`;
    return { typed, query, terms: [query], leftOut: [], figures, exact: true };
  }
  // Leaving a word out can bring a number and a scale together ("50 of bn"): rewrite until nothing changes, so
  // that searching what was searched searches the same.
  const spelled = withSpelledNumbers(typed.replace(/\s+/gu, ' ').trim());
  let text = spelled.text;
  let terms: string[] = [];
  const leftOut: string[] = [];
  const figures: [string, string][] = [...spelled.changed];
  for (let round = 0; round < 3; round += 1) {
    for (const f of rewrittenFigures(text)) {
      // "fifty billion dollars": "fifty billion" became "50 billion", and "50 billion dollars" now "50 billion".
      const spelledBefore = figures.findIndex(([, form]) => f.text.startsWith(form));
      if (spelledBefore >= 0) {
        const [typedWords, form] = figures[spelledBefore] as [string, string];
        figures[spelledBefore] = [`${typedWords}${f.text.slice(form.length)}`, f.form];
      } else figures.push([f.text, f.form]);
    }
    const words = withFigureForms(text).split(' ').map(trimPunctuation).filter(Boolean);
    const stop = words.map((w) => STOP_WORDS.has(w.toLowerCase().replace(/[’']/gu, '')));
    const anyMeaning = stop.includes(false);
    terms = words.filter((_, i) => !anyMeaning || !stop[i]);
    if (anyMeaning) leftOut.push(...words.filter((_, i) => stop[i]));
    if (terms.join(' ') === text) break;
    text = terms.join(' ');
  }
  return { typed, query: terms.join(' '), terms, leftOut, figures, exact: false };
}
