/**
 * Where the site is published. Canonical links, Open Graph, the sitemap, robots.txt, "Cite this",
 * the open data and printed link addresses all use it. Set SITE_URL when building for publication;
 * without it the site describes itself as served by `npm start`.
 */
export const LOCAL_SITE_URL = 'http://localhost:4321/';

/** The site's address from SITE_URL (or the local one), as an origin ending with "/". */
export function siteAddress(value: string | undefined): string {
  if (value === undefined || value.trim() === '') return LOCAL_SITE_URL;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new Error(
      `SITE_URL=${JSON.stringify(value)} is not an address. Set it to e.g. https://renegotiated.example/`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`SITE_URL=${JSON.stringify(value)} must start with https:// (or http://).`);
  }
  // Every link on the site starts at the root ("/sources/…"), so the site must be served from one.
  if (url.pathname !== '/' || url.search || url.hash) {
    throw new Error(
      `SITE_URL=${JSON.stringify(value)} must be the root of a domain, with no path, ?query or #fragment ` +
        `(e.g. ${url.origin}/): the site's links all start at /.`,
    );
  }
  return url.href;
}
