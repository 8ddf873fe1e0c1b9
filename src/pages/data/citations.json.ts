import type { APIRoute } from 'astro';
import { sharedCatalog } from '../../lib/catalog-cache.ts';
import { contentPaths } from '../../lib/catalog-files.ts';
import { loadCorpus } from '../../lib/citations/corpus.ts';
import { json } from '../../lib/json-response.ts';

/** Every citation on the site: where it is, which passage it points to, and the words quoted. */
export const GET: APIRoute = ({ site }) => {
  const root = process.cwd();
  const { sources } = sharedCatalog(root);
  const { index } = loadCorpus(root, contentPaths(root).contentDir, sources);
  const abs = (path: string) => new URL(path, site).href;
  return json({
    $schema: abs('/data/schemas/citations.schema.json'),
    citations: index.documents.flatMap((doc) =>
      doc.uses.map((use) => ({
        from: { page: abs(doc.url), anchor: use.refId, title: doc.title, file: doc.file, note: use.note },
        to: {
          source: use.source,
          passage: use.passageId,
          ordinal: use.ordinal,
          url: abs(use.passageHref),
          link: abs(use.href),
        },
        quote: use.quote,
        matched: use.matched.text,
      })),
    ),
  });
};
