import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { json } from '../../lib/json-response.ts';
import { TIMELINE_URL } from '../../lib/routes.ts';

/** The dated events, oldest first, with their citations. */
export const GET: APIRoute = async ({ site }) => {
  const events = (await getCollection('timeline')).sort((a, b) => a.data.order - b.data.order);
  const abs = (path: string) => new URL(path, site).href;
  return json({
    $schema: abs('/data/schemas/timeline.schema.json'),
    events: events.map(({ id, data }) => ({
      id,
      url: abs(`${TIMELINE_URL}#${id}`),
      date: data.date,
      label: data.label,
      approximate: data.approximate,
      yearInferred: data.yearInferred,
      title: data.title,
      summary: data.summary,
      citations: data.citations.map((c) => ({
        source: c.source,
        ordinal: c.ordinal,
        url: abs(c.href),
        quote: c.matched,
      })),
    })),
  });
};
