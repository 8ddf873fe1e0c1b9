import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import {
  citedPassagesLoader,
  citedPassagesSchema,
  claimSchema,
  claimsLoader,
  timelineLoader,
  timelineSchema,
} from './loaders/citations-loader.ts';
import { sourceSchema, sourcesLoader } from './loaders/sources-loader.ts';

// Tests build fixture copies of the content; the site uses ./content.
const content = process.env['RENEGOTIATED_CONTENT'] ?? './content';

const prose = z.object({
  title: z.string().min(1),
  description: z.string().min(1).max(200),
  order: z.number().int().optional(),
});

export const collections = {
  // Each loader validates its own data; the schema is repeated here so Astro generates types.
  sources: defineCollection({ loader: sourcesLoader(), schema: sourceSchema }),
  citedPassages: defineCollection({ loader: citedPassagesLoader(), schema: citedPassagesSchema }),
  timeline: defineCollection({ loader: timelineLoader(), schema: timelineSchema }),
  claims: defineCollection({ loader: claimsLoader(), schema: claimSchema }),
  explainers: defineCollection({
    loader: glob({ pattern: '*.mdx', base: `${content}/explainers` }),
    schema: prose.extend({ order: z.number().int() }),
  }),
  pages: defineCollection({
    loader: glob({ pattern: '*.mdx', base: `${content}/pages` }),
    schema: prose,
  }),
};
