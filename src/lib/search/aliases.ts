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
