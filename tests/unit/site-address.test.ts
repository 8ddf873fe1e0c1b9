import { describe, expect, it } from 'vitest';
import { LOCAL_SITE_URL, siteAddress } from '../../src/lib/site-address.ts';

describe('siteAddress (SITE_URL)', () => {
  it('is the local address of `npm start` when SITE_URL is unset or empty', () => {
    expect(siteAddress(undefined)).toBe(LOCAL_SITE_URL);
    expect(siteAddress('  ')).toBe('http://localhost:4321/');
  });

  it('takes the root of a domain, with or without the final slash', () => {
    expect(siteAddress('https://renegotiated.example')).toBe('https://renegotiated.example/');
    expect(siteAddress(' https://Renegotiated.Example/ ')).toBe('https://renegotiated.example/');
  });

  it('refuses what would make every link wrong, and says what to write instead', () => {
    expect(() => siteAddress('renegotiated.example')).toThrow(/is not an address\. Set it to e\.g\. https:/u);
    expect(() => siteAddress('ftp://renegotiated.example/')).toThrow(/must start with https:\/\//u);
    expect(() => siteAddress('https://example.org/renegotiated/')).toThrow(
      /must be the root of a domain.*\(e\.g\. https:\/\/example\.org\/\)/u,
    );
    expect(() => siteAddress('https://example.org/?x=1')).toThrow(/no path, \?query or #fragment/u);
  });
});
