// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentPaths, contentRoots } from './src/lib/catalog-files.ts';
import contentDev from './src/integrations/content-dev.ts';
import { siteAddress } from './src/lib/site-address.ts';
import { checkedContent } from './src/lib/site-corpus.ts';
import remarkCitations from './src/plugins/remark-citations.ts';
import remarkReadingTime from './src/plugins/remark-reading-time.ts';
import rehypePrintUrls from './src/plugins/rehype-print-urls.ts';
import rehypeSearchAliases from './src/plugins/rehype-search-aliases.ts';
import rehypeSectionTitles from './src/plugins/rehype-section-titles.ts';
import siteChecks from './src/integrations/site-checks.ts';

const root = fileURLToPath(new URL('.', import.meta.url));
// Where the site is published: canonical links, the sitemap and printed link addresses use it.
const site = siteAddress(process.env.SITE_URL);

/** The corpus the content loaders checked, for the remark plugin to render from (read once per build). */
/** @param {string} dir */
function citingCorpus(dir) {
  const { corpus, catalog } = checkedContent(dir);
  return { corpus, sourceSlugs: catalog.sources.map((s) => s.slug) };
}

// Tests build fixture sites into their own folders; the site itself uses the defaults.
const env = process.env;

const scratch = join(root, '.tmp');
const served = contentRoots(contentPaths(root, env));
/** @param {string} file A path in .tmp/ that is not (and does not lead to) the content being served. */
function outsideContent(file) {
  if (!file.startsWith(scratch + sep)) return false;
  return !served.some((p) => file === p || file.startsWith(p + sep) || p.startsWith(file + sep));
}

// PORT serves `npm run dev` (and `npm start`) on another port, e.g. to run a second copy beside the first.
const port = env.PORT ? Number(env.PORT) : 4321;
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  throw new Error(`PORT must be a port number (1–65535), not "${env.PORT}".`);
}

/**
 * Build warnings from upstream that we can do nothing about, kept out of the output so that ours stand out:
 * Rolldown notes that MDX modules start with Astro's own "use astro:head-inject" directive, on every build.
 */
/** @type {NonNullable<NonNullable<import('vite').BuildEnvironmentOptions['rolldownOptions']>['onLog']>} */
function quietUpstream(level, log, handler) {
  if (log.code === 'MODULE_LEVEL_DIRECTIVE' && /astro:head-inject/u.test(log.message ?? '')) return;
  handler(level, log);
}

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
  server: { port },
  markdown: {
    // Astro 7's default processor ignores remark/rehype plugins; unified() runs them.
    processor: unified({
      remarkPlugins: [remarkReadingTime, [remarkCitations, { root, corpus: () => citingCorpus(root) }]],
      rehypePlugins: [rehypeSectionTitles, rehypeSearchAliases, [rehypePrintUrls, { site }]],
    }),
  },
  // contentDev: content problems in the dev server's overlay, and no stale page after a content change.
  // siteChecks: after the build, no count of sources typed into a template.
  integrations: [mdx(), sitemap(), contentDev(), siteChecks()],
  vite: {
    build: { assetsInlineLimit: 0, rolldownOptions: { onLog: quietUpstream } },
    // The dev server watches the project and the content it serves, not the scratch folder .tmp/ (the tests'
    // fixture sites, each a project of its own) nor what symbolic links lead to.
    server: { watch: { followSymlinks: false, ignored: [outsideContent] } },
  },
});
