import { getCollection } from 'astro:content';

/** The sources in their catalog order (by seed file name), the order used everywhere on the site. */
export async function getSources() {
  return (await getCollection('sources')).sort((a, b) => a.data.seed.localeCompare(b.data.seed, 'en'));
}
