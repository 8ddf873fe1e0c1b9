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
      ...(s.versions
        ? {
            versions: s.versions.map((v) => ({
              version: v.version,
              file: v.seed,
              url: new URL(v.version === 1 ? `/sources/${s.slug}.txt` : `/sources/${s.slug}/v${v.version}.txt`, site)
                .href,
              sha256: v.sha256,
              ...(v.date ? { date: v.date } : {}),
              ...(v.note ? { note: v.note } : {}),
            })),
            formerPassages: (s.former ?? []).map((f) => ({
              id: f.id,
              text: f.text,
              change: f.change,
              ...(f.revisedOn ? { revisedOn: f.revisedOn } : {}),
              successor: f.successor,
              url: new URL(`/sources/${s.slug}/#${f.id}`, site).href,
            })),
          }
        : {}),
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
