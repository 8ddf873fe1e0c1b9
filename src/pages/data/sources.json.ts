import type { APIRoute } from 'astro';
import { json } from '../../lib/json-response.ts';
import { getSources } from '../../utils/collections.ts';

/** Every source with its passages, ids and texts, and the SHA-256 of the original file. */
export const GET: APIRoute = async ({ site }) => {
  const sources = await getSources();
  return json({
    $schema: new URL('/data/schemas/sources.schema.json', site).href,
    sources: sources.map(({ data: s }) => ({
      slug: s.slug,
      title: s.title,
      titleSupplied: s.titleSupplied,
      publisher: s.publisher,
      byline: s.byline,
      date: s.date,
      ...(s.dateIso ? { dateIso: s.dateIso } : {}),
      url: new URL(`/sources/${s.slug}/`, site).href,
      original: { file: s.seed, url: new URL(`/sources/${s.slug}.txt`, site).href, sha256: s.sha256 },
      passages: s.passages.map((p) => ({
        id: p.id,
        ordinal: p.ordinal,
        kind: p.kind,
        ...(p.label ? { label: p.label } : {}),
        text: p.text,
        lines: p.lines,
        url: new URL(`/sources/${s.slug}/#${p.id}`, site).href,
      })),
    })),
  });
};
