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

export default function contentDev(): AstroIntegration {
  return {
    name: 'renegotiated-content-dev',
    hooks: {
      'astro:server:setup': ({ server, logger }) => {
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

        let timer: NodeJS.Timeout | undefined;
        server.watcher.on('all', (_event, file) => {
          if (!inContent(file)) return;
          // Citations in explainers are resolved when they compile: a seed or its metadata changing
          // (a slug, a title, a new version) makes every compiled explainer stale.
          if (catalogFiles(paths).includes(file) || file.startsWith(`${paths.seedsDir}/`))
            invalidateMdx(server, paths.contentDir);
          clearTimeout(timer);
          // After the content loaders have had their turn with the same change.
          timer = setTimeout(() => {
            check();
            server.environments.client.hot.send({ type: 'full-reload', path: '*' });
          }, 120);
        });

        server.middlewares.use((req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => {
          if (!servesContent(req)) return next();
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
        });
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
