/**
 * When the dev server loads the content again after a change, and which page requests wait for it.
 *
 * A page rendered while the collections reload can read the old store and leave what it read in Astro's
 * caches (the paths of a dynamic route, the store module) after they were cleared, to be served until
 * the next change. So a reload waits for the pages being rendered to finish, and pages that arrive
 * meanwhile wait for the reload: no page is ever rendered during one.
 *
 * One reload at a time, and one more after it when a change came in meanwhile (two side by side would
 * interleave their writes to the store, and the older could finish last).
 */
export interface ContentRefresh {
  /** A change was seen: load again (now, or after the reload that is running). */
  request(): void;
  /** Wait until no reload runs or is asked for, then count a page as being rendered; call the result when it is done. */
  admit(): Promise<() => void>;
}

/** How long a reload waits for pages being rendered (a hung request must not stop the dev server). */
const DRAIN_LIMIT_MS = 15_000;

export function contentRefresh(reload: () => Promise<void>, drainLimitMs = DRAIN_LIMIT_MS): ContentRefresh {
  let running: Promise<void> | undefined;
  let again = false;
  let rendering = 0;
  let drained: (() => void)[] = [];

  const noneRendering = () =>
    rendering === 0
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, drainLimitMs);
          drained.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });

  return {
    request() {
      if (running) {
        again = true;
        return;
      }
      running = (async () => {
        do {
          again = false;
          await noneRendering();
          // A failed reload is reported where its cause is (the dev server's content check); the next change loads again.
          await reload().catch(() => undefined);
        } while (again);
      })().finally(() => {
        running = undefined;
      });
    },
    async admit() {
      while (running) await running;
      // Nothing awaited between the check and the count: a reload that starts now waits for this page.
      rendering += 1;
      let done = false;
      return () => {
        if (done) return;
        done = true;
        rendering -= 1;
        if (rendering === 0) {
          const waiting = drained;
          drained = [];
          for (const resolve of waiting) resolve();
        }
      };
    },
  };
}
