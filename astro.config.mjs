// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import { fileURLToPath } from 'node:url';
import { sharedCatalog } from './src/lib/catalog-cache.ts';
import { requiresCitations } from './src/lib/citations/corpus.ts';
import { siteAddress } from './src/lib/site-address.ts';
import remarkCitations from './src/plugins/remark-citations.ts';
import remarkReadingTime from './src/plugins/remark-reading-time.ts';
import rehypePrintUrls from './src/plugins/rehype-print-urls.ts';
import rehypeSearchAliases from './src/plugins/rehype-search-aliases.ts';
import rehypeSectionTitles from './src/plugins/rehype-section-titles.ts';

const root = fileURLToPath(new URL('.', import.meta.url));
// Where the site is published: canonical links, the sitemap and printed link addresses use it.
const site = siteAddress(process.env.SITE_URL);

// Tests build fixture sites into their own folders; the site itself uses the defaults.
const env = process.env;

export default defineConfig({
  site,
  trailingSlash: 'always',
  // Keep the white space between elements: with 'jsx' compression, table cells and list items
  // run together into one word in the search index ("TermFigureSources").
  compressHTML: false,
  outDir: env.RENEGOTIATED_OUT_DIR ?? './dist',
  cacheDir: env.RENEGOTIATED_CACHE_DIR ?? './node_modules/.astro',
  build: { format: 'directory', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  server: { port: 4321 },
  markdown: {
    // Astro 7's default processor ignores remark/rehype plugins; unified() runs them.
    processor: unified({
      remarkPlugins: [
        remarkReadingTime,
        [remarkCitations, { root, sources: () => sharedCatalog(root).sources, requireCitations: requiresCitations }],
      ],
      rehypePlugins: [rehypeSectionTitles, rehypeSearchAliases, [rehypePrintUrls, { site }]],
    }),
  },
  integrations: [mdx(), sitemap()],
  vite: {
    build: { assetsInlineLimit: 0 },
  },
});
