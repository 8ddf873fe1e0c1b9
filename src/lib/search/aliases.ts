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
 * without the space before each.
 */
export function withoutAliases(excerpt: string): string {
  return excerpt
    .replace(/\s*⟦[^⟦⟧]*⟧/gu, '')
    .replace(/^[^⟦⟧]*⟧\s*/u, '')
    .replace(/\s*⟦[^⟦⟧]*$/u, '')
    .replace(/<mark>\s*<\/mark>/gu, '');
}
