import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { json } from '../../lib/json-response.ts';

/** The claims ledger, each source's position resolved to its passage. */
export const GET: APIRoute = async ({ site }) => {
  const claims = (await getCollection('claims')).sort((a, b) => a.data.order - b.data.order);
  const abs = (path: string) => new URL(path, site).href;
  return json({
    $schema: abs('/data/schemas/claims.schema.json'),
    claims: claims.map(({ id, data }) => ({
      id,
      url: abs(`/claims/#${id}`),
      claim: data.claim,
      figures: data.figures,
      singleSource: data.singleSource,
      sources: data.cells.map((c) => ({
        source: c.source,
        status: c.status,
        ...(c.quote ? { quote: c.quote } : {}),
        ...(c.note ? { note: c.note } : {}),
        ...(c.passageId ? { passage: c.passageId, ordinal: c.ordinal, url: abs(c.href ?? '') } : {}),
      })),
    })),
  });
};
