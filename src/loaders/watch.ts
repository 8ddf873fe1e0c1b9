import type { LoaderContext } from 'astro/loaders';
import { ContentError } from '../lib/errors.ts';

/**
 * The first load. In `astro build` a content problem stops the build. In `astro dev` (which has a
 * watcher) it must not stop the server: the dev server shows it in the browser overlay and serves
 * no page until it is fixed (src/integrations/content-dev.ts), and the loader loads again then.
 */
export async function syncFirst(watcher: LoaderContext['watcher'], sync: () => Promise<unknown>): Promise<void> {
  try {
    await sync();
  } catch (error) {
    if (!watcher || !(error instanceof ContentError)) throw error;
  }
}

/** In `astro dev`, run the loader again when any of these files or folders change. */
export function reloadOnChange(watcher: LoaderContext['watcher'], paths: string[], reload: () => Promise<void>): void {
  if (!watcher) return;
  watcher.add(paths);
  const relevant = (file: string) => paths.some((p) => file === p || file.startsWith(`${p}/`));
  // One load at a time, and one more after it when a change came in meanwhile: two loads side by side
  // interleave their writes to the store, and the older one could finish last and leave stale entries.
  let running: Promise<void> | undefined;
  let again = false;
  const trigger = () => {
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        // A content mistake is not an unhandled rejection: the dev server reports it once, in the terminal
        // and the browser overlay, and serves no page until it is fixed (src/integrations/content-dev.ts).
        await reload().catch(() => undefined);
      } while (again);
    })().finally(() => {
      running = undefined;
    });
  };
  for (const event of ['add', 'change', 'unlink'] as const) {
    watcher.on(event, (file: string) => {
      if (relevant(file)) trigger();
    });
  }
}
