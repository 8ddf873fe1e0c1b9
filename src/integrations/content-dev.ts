/**
 * The dev server an editor can trust (`npm run dev`):
 *  - a content problem in any file — MDX, frontmatter, a seed, sources.yaml, claims.yaml,
 *    timeline.yaml — is shown in the browser's error overlay (file, line, column, the file around
 *    the line, and the Fix), and no page is served until it is fixed: never a stale page;
 *  - a change to a seed, its metadata (a slug, a title) or a revision recompiles the explainers,
 *    whose citations were resolved against them, and reloads the open pages.
 * The checking is the same core as the build and `npm run check:content` (src/lib/content-check.ts), read once through src/lib/site-corpus.ts.
 */
import type { AstroIntegration } from 'astro';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ViteDevServer } from 'vite';
import { catalogFiles, contentPaths, contentRoots } from '../lib/catalog-files.ts';
import { siteCorpus } from '../lib/site-corpus.ts';
import { ContentError, contentErrorMessage } from '../lib/errors.ts';
import { collectionLoads } from '../loaders/sync.ts';
import { contentRefresh } from './content-refresh.ts';

/** The loaders of the collections made from seeds/ and content/ (src/loaders/), by name. */
const CONTENT_LOADERS = [
  'renegotiated-sources',
  'renegotiated-cited-passages',
  'renegotiated-timeline',
  'renegotiated-claims',
] as const;
/**
 * Tries at reloading them, 50 ms apart: up to 30 s (Astro reloads its content config in under a second, and in a
 * few on a busy machine).
 */
const RELOAD_ATTEMPTS = 600;

export default function contentDev(): AstroIntegration {
  return {
    name: 'renegotiated-content-dev',
    hooks: {
      'astro:server:setup': ({ server, logger, refreshContent }) => {
        const root = server.config.root;
        const paths = contentPaths(root);
        const watched = contentRoots(paths);
        server.watcher.add(watched);
        const inContent = (file: string) => watched.some((p) => file === p || file.startsWith(`${p}/`));

        let reported = '';
        const check = () => {
          const result = siteCorpus(root);
          const message = result.problems.length > 0 ? contentErrorMessage(result.problems) : '';
          // Once per change of the problems, in the terminal too.
          if (message !== reported) {
            if (message) logger.error(message);
            else if (reported) logger.info('The content problems are fixed.');
            reported = message;
          }
          return result;
        };

        // Our collections are loaded again through Astro's own content layer (one sync at a time; the data
        // store written and every cached route dropped when it resolves), while no page is being rendered.
        // Astro reloads its content config when a file changes, and a refresh asked for meanwhile does nothing
        // (and says nothing): ask again until our loaders have run.
        const reloadCollections = async () => {
          for (let attempt = 1; ; attempt++) {
            const before = collectionLoads();
            await refreshContent?.({ loaders: [...CONTENT_LOADERS] });
            if (collectionLoads() > before) return;
            if (attempt === RELOAD_ATTEMPTS) {
              logger.warn('The content was changed, but Astro did not load it again: restart `npm run dev`.');
              return;
            }
            await new Promise((resolve) => setTimeout(resolve, 50));
          }
        };
        let explainersStale = false;
        const refresh = contentRefresh(async () => {
          await reloadCollections();
          // Citations in explainers are resolved when they compile: a seed or its metadata changing
          // (a slug, a title, a new version) makes every compiled explainer stale.
          if (explainersStale) invalidateMdx(server, paths.contentDir);
          explainersStale = false;
          check();
          server.environments.client.hot.send({ type: 'full-reload', path: '*' });
        });
        server.watcher.on('all', (_event, file) => {
          if (!inContent(file)) return;
          if (catalogFiles(paths).includes(file) || file.startsWith(`${paths.seedsDir}/`)) explainersStale = true;
          refresh.request();
        });

        server.middlewares.use((req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => {
          if (!servesContent(req)) return next();
          // Never a stale page: it waits for the change already seen to be loaded, and a reload for it.
          void refresh.admit().then((done) => {
            res.once('close', done);
            respond(req, res, next);
          }, next);
        });

        const respond = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => {
          const result = check();
          if (result.problems.length === 0) return next();
          const error = new ContentError(result.problems, { root });
          const html = (req.headers.accept ?? '').includes('text/html');
          res.statusCode = 500;
          res.setHeader('Content-Type', html ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8');
          res.setHeader('Cache-Control', 'no-store');
          res.end(
            html
              ? `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Content error</title>` +
                  `<script type="module" src="/@vite/client"></script></head><body><pre>${escapeHtml(error.message)}</pre></body></html>`
              : error.message,
          );
          // Astro's overlay, with the file around the first problem's line (Vite keeps it for a browser not yet connected).
          if (html) server.environments.client.hot.send({ type: 'error', err: error as never });
        };
      },
    },
  };
}

/** Page and endpoint requests (not Vite's modules and assets): what content problems make wrong. */
function servesContent(req: IncomingMessage): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const path = (req.url ?? '/').split(/[?#]/u)[0] ?? '/';
  if (/^\/(?:@|node_modules\/|src\/|_astro\/|__|\.well-known\/|pagefind\/)/u.test(path)) return false;
  // Pages end in "/", and the endpoints the content makes are .txt and .json files; the rest are assets.
  return path.endsWith('/') || /\.(?:html|txt|json|xml)$/u.test(path);
}

/** Drop compiled explainers and pages from every Vite environment, so the next request compiles them afresh. */
function invalidateMdx(server: ViteDevServer, contentDir: string): void {
  for (const environment of Object.values(server.environments)) {
    const graph = (
      environment as { moduleGraph?: { idToModuleMap: Map<string, unknown>; invalidateModule(m: unknown): void } }
    ).moduleGraph;
    if (!graph) continue;
    for (const mod of graph.idToModuleMap.values()) {
      const file = (mod as { file?: string | null }).file;
      if (file && file.startsWith(`${contentDir}/`) && /\.mdx?$/u.test(file)) graph.invalidateModule(mod);
    }
  }
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/gu, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);
