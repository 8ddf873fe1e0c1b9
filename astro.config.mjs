// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import { fileURLToPath } from 'node:url';
import { siteAddress } from './src/lib/site-address.ts';
import { siteCorpus } from './src/lib/site-corpus.ts';
import remarkCitations from './src/plugins/remark-citations.ts';
import remarkReadingTime from './src/plugins/remark-reading-time.ts';
import rehypePrintUrls from './src/plugins/rehype-print-urls.ts';
import rehypeSectionTitles from './src/plugins/rehype-section-titles.ts';
import siteChecks from './src/integrations/site-checks.ts';

const root = fileURLToPath(new URL('.', import.meta.url));
// Where the site is published: canonical links, the sitemap and printed link addresses use it.
const site = siteAddress(process.env.SITE_URL);

/** The corpus the content loaders checked, for the remark plugin to render from (read once per build). */
/** @param {string} dir */
function citingCorpus(dir) {
  const { corpus, catalog } = siteCorpus(dir);
  return { corpus, sourceSlugs: catalog.sources.map((s) => s.slug) };
}

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
      remarkPlugins: [remarkReadingTime, [remarkCitations, { root, corpus: () => citingCorpus(root) }]],
      rehypePlugins: [rehypeSectionTitles, [rehypePrintUrls, { site }]],
    }),
  },
  integrations: [mdx(), sitemap(), siteChecks()],
  vite: {
    build: { assetsInlineLimit: 0 },
  },
});
