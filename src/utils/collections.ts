import { getCollection } from 'astro:content';

/** The sources in their catalog order (by seed file name), the order used everywhere on the site. */
export async function getSources() {
  return (await getCollection('sources')).sort((a, b) => a.data.seed.localeCompare(b.data.seed, 'en'));
}

let sourceTotal: Promise<number> | undefined;

/**
 * How many sources there are. Every page's footer says it, and reading the whole collection for each
 * page made a build quadratic in the number of sources; a build reads it once. The dev server reads it
 * afresh, since sources come and go while it runs.
 */
export function sourceCount(): Promise<number> {
  const read = () => getCollection('sources').then((sources) => sources.length);
  if (!import.meta.env.PROD) return read();
  return (sourceTotal ??= read());
}
