import type { LoaderContext } from 'astro/loaders';

/** In `astro dev`, run the loader again when any of these files or folders change. */
export function reloadOnChange(watcher: LoaderContext['watcher'], paths: string[], reload: () => Promise<void>): void {
  if (!watcher) return;
  watcher.add(paths);
  const relevant = (file: string) => paths.some((p) => file === p || file.startsWith(`${p}/`));
  for (const event of ['add', 'change', 'unlink'] as const) {
    watcher.on(event, (file: string) => {
      if (relevant(file)) void reload();
    });
  }
}
