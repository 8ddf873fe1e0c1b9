import type { APIRoute } from 'astro';
import { json } from '../../lib/json-response.ts';
import { checkedContent } from '../../lib/site-corpus.ts';

/** Every place the site gives its own reasoning, and the passages that reasoning rests on. */
export const GET: APIRoute = ({ site }) => {
  const { inferences } = checkedContent(process.cwd()).corpus;
  const abs = (path: string) => new URL(path, site).href;
  return json({
    $schema: abs('/data/schemas/inferences.schema.json'),
    inferences: inferences.map((inference) => ({
      url: abs(`${inference.page}#${inference.anchor}`),
      page: abs(inference.page),
      title: inference.title,
      file: inference.file,
      line: inference.line,
      text: inference.text,
      restsOn: inference.restsOn.map((use) => ({
        source: use.source,
        passage: use.passageId,
        ordinal: use.ordinal,
        url: abs(use.href),
        quote: use.matched.text,
      })),
    })),
  });
};
