import type { LoaderContext } from 'astro/loaders';
import { ContentError } from '../lib/errors.ts';

// On globalThis: the dev server's integration and the loaders are loaded through different module graphs.
const LOADS = Symbol.for('renegotiated.collection-loads');
const counter = globalThis as Record<symbol, number | undefined>;

/** How many times a collection of ours was loaded in this process (the dev server checks that a reload ran). */
export const collectionLoads = (): number => counter[LOADS] ?? 0;

/**
 * A load. In `astro build` a content problem stops the build. In `astro dev` (which has a watcher) it must
 * not stop the server: the dev server shows it in the browser overlay and serves no page until it is fixed,
 * and loads the collections again after every change to the content (src/integrations/content-dev.ts).
 */
export async function syncOrDefer(watcher: LoaderContext['watcher'], sync: () => Promise<unknown>): Promise<void> {
  counter[LOADS] = collectionLoads() + 1;
  try {
    await sync();
  } catch (error) {
    if (!watcher || !(error instanceof ContentError)) throw error;
  }
}
