/** Where things live on the site. One place, so pages, loaders and plugins agree. */

export const sourceUrl = (slug: string) => `/sources/${slug}/`;
export const explainerUrl = (id: string) => `/explainers/${id}/`;
export const TIMELINE_URL = explainerUrl('timeline');

/** The pages src/pages makes besides sources and explainers (tests/unit/routes.test.ts keeps this list true). */
export const FIXED_PAGES = ['/', '/about/', '/claims/', '/data/', '/explainers/', '/figures/', '/search/', '/sources/'] as const;

/** The URL of the page a content file becomes (`content/explainers/x.mdx` → `/explainers/x/`). */
export function urlForContentFile(relativePath: string): string | undefined {
  const path = relativePath.replace(/\\/gu, '/');
  const explainer = /(?:^|\/)explainers\/([^/]+)\.mdx?$/u.exec(path);
  if (explainer) return explainerUrl(explainer[1] as string);
  const page = /(?:^|\/)pages\/([^/]+)\.mdx?$/u.exec(path);
  if (page) return page[1] === 'home' ? '/' : `/${page[1]}/`;
  return undefined;
}
