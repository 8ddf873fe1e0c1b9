import { FURNITURE_RULES } from './rules.ts';
import type { SplitPassage } from './types.ts';

/** A sentence that states something has at least this many words ("No comments yet." does not). */
export const MIN_FACT_SENTENCE_WORDS = 8;

const WIDGET_LABELS = new Set(FURNITURE_RULES.filter((rule) => rule.widget).map((rule) => rule.label));
const SENTENCES = new Intl.Segmenter('en', { granularity: 'sentence' });
/** Ends like a finished sentence, perhaps inside closing quotes or brackets. */
const FINISHED = /[.!?…]["'”’)\]]*$/u;

/**
 * Does this piece of page furniture state facts a reader may search for? A related-article teaser written in
 * sentences does ("Microsoft and OpenAI said on February 27, 2026 that …"); widgets never do (share buttons,
 * language links, comment boxes, datelines, stray punctuation), nor do bare headlines and labels ("Also read:
 * OpenAI’s $20 Billion Bet …", "Related Articles"). An override's `facts:` in content/sources.yaml decides
 * when it is given. Passages that are not furniture are the article's own text: not furniture facts.
 */
export function furnitureFacts(passage: Pick<SplitPassage, 'kind' | 'text' | 'label' | 'facts'>): boolean {
  if (passage.kind !== 'furniture') return false;
  if (passage.facts !== undefined) return passage.facts;
  if (passage.label !== undefined && WIDGET_LABELS.has(passage.label)) return false;
  return [...SENTENCES.segment(passage.text)].some(({ segment }) => {
    const sentence = segment.trim();
    return FINISHED.test(sentence) && sentence.split(/\s+/u).length >= MIN_FACT_SENTENCE_WORDS;
  });
}
