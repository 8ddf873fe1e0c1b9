import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

// Tests build fixture copies of the content; the site uses ./content.
const content = process.env['RENEGOTIATED_CONTENT'] ?? './content';
import { citedPassagesLoader, timelineLoader } from './loaders/citations-loader.ts';
import { sourcesLoader } from './loaders/sources-loader.ts';

const prose = z.object({
  title: z.string().min(1),
  description: z.string().min(1).max(200),
  order: z.number().int().optional(),
});

export const collections = {
  sources: defineCollection({ loader: sourcesLoader() }),
  citedPassages: defineCollection({ loader: citedPassagesLoader() }),
  timeline: defineCollection({ loader: timelineLoader() }),
  explainers: defineCollection({
    loader: glob({ pattern: '*.mdx', base: `${content}/explainers` }),
    schema: prose.extend({ order: z.number().int() }),
  }),
  pages: defineCollection({
    loader: glob({ pattern: '*.mdx', base: `${content}/pages` }),
    schema: prose,
  }),
};
