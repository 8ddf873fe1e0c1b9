import { describe, expect, it } from 'vitest';
import { forPagefindFilter } from '../../src/lib/search-index.ts';

describe('forPagefindFilter', () => {
  it('escapes every ampersand once, so that Pagefind’s second decoding gives the text back', () => {
    expect(forPagefindFilter(`' &#34; &amp;`)).toBe(`' &amp;#34; &amp;amp;`);
    expect(forPagefindFilter('AT&T')).toBe('AT&amp;T');
  });

  it('leaves text without ampersands alone, markup included (the HTML writer escapes it)', () => {
    expect(forPagefindFilter('<b>May 2, 2026</b> "quoted"')).toBe('<b>May 2, 2026</b> "quoted"');
  });
});
