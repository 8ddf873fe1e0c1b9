import type { APIRoute, GetStaticPaths } from 'astro';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentPaths } from '../../../lib/catalog-files.ts';
import { getSources } from '../../../utils/collections.ts';

/** Every later version of a revised source, byte for byte, at /sources/<slug>/v<n>.txt (v1 is /sources/<slug>.txt). */
export const getStaticPaths = (async () => {
  const sources = await getSources();
  return sources.flatMap((source) =>
    (source.data.versions ?? [])
      .filter((v) => v.version > 1)
      .map((v) => ({ params: { slug: source.id, version: `v${v.version}` }, props: { seed: v.seed } })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { seedsDir } = contentPaths(process.cwd());
  const bytes = readFileSync(join(seedsDir, (props as { seed: string }).seed));
  return new Response(bytes, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
