// The weight budgets, in gzipped bytes: tests/build/budgets.test.ts holds the built files to them and
// tests/browser/weight.test.ts what a browser really loads.
import { gzipSync } from 'node:zlib';

/** Gzipped bytes, at the level a static host would use. Deterministic: no timing involved. */
export const gz = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).length;
export const kB = (n: number) => `${(n / 1024).toFixed(1)} kB`;

export const BUDGET = {
  html: 14 * 1024,
  /** Source pages carry the whole article: a base plus an allowance per passage. */
  sourceBase: 6 * 1024,
  sourcePerPassage: 400,
  /**
   * A citing page carries a marker for every sentence and a note for every passage it cites: a base
   * plus an allowance per marker, when that comes to more than the plain page budget.
   */
  citingBase: 6 * 1024,
  citingPerMarker: 110,
  /** The claims matrix grows with the ledger: a base plus an allowance per claim. */
  claimsBase: 6 * 1024,
  claimsPerClaim: 400,
  css: 10 * 1024,
  /** Script a reading page loads up front; search and term highlighting load only when used. */
  js: 6 * 1024,
  /** The search page's vocabulary for typo correction, fetched only when a query word matches nothing. */
  searchVocabulary: 8 * 1024,
} as const;
