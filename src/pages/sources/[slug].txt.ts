import type { APIRoute, GetStaticPaths } from 'astro';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentPaths } from '../../lib/catalog-files.ts';
import { getSources } from '../../utils/collections.ts';

export const getStaticPaths = (async () => {
  const sources = await getSources();
  return sources.map((source) => ({ params: { slug: source.id }, props: { seed: source.data.seed } }));
}) satisfies GetStaticPaths;

/** The seed, byte for byte: "view original". */
export const GET: APIRoute = ({ props }) => {
  const { seedsDir } = contentPaths(process.cwd());
  const bytes = readFileSync(join(seedsDir, (props as { seed: string }).seed));
  return new Response(bytes, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
