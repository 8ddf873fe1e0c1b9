/**
 * A filter value for Pagefind 1.6 that reaches its filter pane exactly as written.
 *
 * Pagefind decodes character references in a filter value once more after the HTML parser already has, so a
 * title with the literal text `&#34;` would be listed as `"`. Escaping `&` once undoes that second decoding.
 * A browser test (tests/browser/hostile-input.test.ts) shows the value as listed, so a Pagefind that stops
 * decoding twice is noticed at once.
 */
export function forPagefindFilter(value: string): string {
  return value.replace(/&/gu, '&amp;');
}
