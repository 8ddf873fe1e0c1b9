/**
 * Every string from a saved web page is untrusted: it may hold control characters, terminal escape
 * sequences, bidirectional overrides or invisible characters meant to mislead a reader or an editor.
 * These helpers keep such text as plain, visible text.
 */

/** C0/C1 controls (but not tab and newline), the DEL character. */
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/gu;
/** Bidirectional embeddings, overrides and isolates (the "Trojan Source" characters). */
const BIDI = /[\u202a-\u202e\u2066-\u2069]/gu;
/** Zero-width characters and the byte order mark; soft hyphens. */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/gu;

/** A line of article text: no controls or bidi overrides, white space folded, NFC. */
export function cleanText(text: string): string {
  return text.normalize('NFC').replace(CONTROLS, ' ').replace(BIDI, '').replace(/\s+/gu, ' ').trim();
}

/** A metadata value (title, byline…): as cleanText, without invisible characters, and of bounded length. */
export function cleanValue(text: string, max = 300): string {
  const clean = cleanText(text).replace(INVISIBLE, '');
  return clean.length > max ? `${clean.slice(0, max - 1).trimEnd()}…` : clean;
}

/** Text for a terminal: every control, escape and bidi character made visible as \u{…}. */
export function forTerminal(text: string): string {
  return text.replace(
    /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu,
    (c) => `\\u{${(c.codePointAt(0) as number).toString(16)}}`,
  );
}
