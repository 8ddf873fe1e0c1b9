import { figureForms } from './figures.ts';
import { indexWord } from './words.ts';

/** A name joined to its version by a hyphen: "GPT-5.5", "Opus-4", "Llama-3.1". */
const VERSIONED_NAME = /(?<![\p{L}\p{N}])(\p{L}[\p{L}\p{N}]*)[-‐](\d+(?:\.\d+)*)(?![\p{L}\p{N}])/gu;

const words = (text: string): string[] => text.split(/\s+/u).map(indexWord).filter(Boolean);

/**
 * Other ways readers write what a passage says, for the search index only (never shown on the page):
 * - a figure written otherwise than in its one form ("27%" → "27 percent", "$50B" → "50 billion"), the form the
 *   search box turns a reader's "27 pct" or "$50 bn" into;
 * - a versioned name in its spaced form ("GPT-5.5" → "GPT 5.5"): Pagefind indexes "GPT-5.5" as "gpt55" and
 *   "gpt", so "GPT 5.5" (searched as "gpt" and "55") would miss it.
 * Each alias once, in the order of the text; none when the text already says it that way.
 */
export function searchAliases(text: string): string[] {
  const aliases: string[] = [];
  const add = (alias: string) => {
    if (!aliases.includes(alias)) aliases.push(alias);
  };
  for (const figure of figureForms(text)) {
    if (words(figure.text).join(' ') !== words(figure.form).join(' ')) add(figure.form);
  }
  for (const m of text.matchAll(VERSIONED_NAME)) add(`${m[1]} ${m[2]}`);
  return aliases;
}

/**
 * Aliases as the index reads them, between brackets no source uses, so the search page can take them out of the
 * excerpts it shows (Pagefind's excerpts quote the indexed text, aliases included): a reader sees only what the
 * page says.
 */
export const ALIAS_OPEN = '⟦';
export const ALIAS_CLOSE = '⟧';
export const aliasText = (aliases: readonly string[]): string => `${ALIAS_OPEN}${aliases.join('; ')}${ALIAS_CLOSE}`;

/**
 * An excerpt (HTML with <mark>s) without the aliases in it, whole or cut off at either end of the excerpt, and
 * without the space before each. Pagefind marks whole words, so a mark may open inside an alias and close outside
 * it ("<mark>⟦27</mark> percent⟧"): the text is taken apart into marked and unmarked runs, the aliases are cut
 * from the text, and the marks are put back around what is left of their runs.
 */
export function withoutAliases(excerpt: string): string {
  if (!/[⟦⟧]/u.test(excerpt)) return excerpt;
  const runs: { text: string; marked: boolean }[] = [];
  let marked = false;
  for (const piece of excerpt.split(/(<\/?mark>)/u)) {
    if (piece === '<mark>') marked = true;
    else if (piece === '</mark>') marked = false;
    else if (piece !== '') runs.push({ text: piece, marked });
  }
  const all = runs.map((r) => r.text).join('');
  // An excerpt that starts inside an alias: its first bracket closes one.
  let inAlias = all.search(/[⟦⟧]/u) === all.indexOf(ALIAS_CLOSE) && all.includes(ALIAS_CLOSE);
  const kept: { text: string; marked: boolean }[] = [];
  for (const run of runs) {
    let text = '';
    for (const ch of run.text) {
      if (ch === ALIAS_OPEN) {
        inAlias = true;
        // The space before an alias goes with it.
        text = text.trimEnd();
        if (text === '') for (let i = kept.length - 1; i >= 0; i--) {
          const k = kept[i] as { text: string; marked: boolean };
          k.text = k.text.trimEnd();
          if (k.text !== '') break;
        }
      } else if (ch === ALIAS_CLOSE) inAlias = false;
      else if (!inAlias) text += ch;
    }
    kept.push({ text, marked: run.marked });
  }
  let out = kept
    .filter((k) => k.text !== '')
    .map((k) => (k.marked && k.text.trim() !== '' ? `<mark>${k.text}</mark>` : k.text))
    .join('');
  // An alias cut off at the start leaves the space after it.
  if (!excerpt.trimStart().startsWith(ALIAS_OPEN) && /^[^⟦]*⟧/u.test(all)) out = out.trimStart();
  return out;
}
