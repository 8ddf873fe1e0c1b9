import type { APIRoute } from 'astro';
import { checkedContent } from '../../lib/site-corpus.ts';
import { json } from '../../lib/json-response.ts';

/** Every citation on the site: where it is, which passage it points to, and the words quoted. */
export const GET: APIRoute = ({ site }) => {
  // The citations every page rendered from, resolved once for the whole build.
  const { index } = checkedContent(process.cwd()).corpus;
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
