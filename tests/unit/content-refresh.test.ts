import { describe, expect, it } from 'vitest';
import { contentRefresh } from '../../src/integrations/content-refresh.ts';

const tick = () => new Promise((r) => setTimeout(r, 0));

/** A reload that runs until released, counting how many ran and how many at once. */
function gatedReload() {
  const state = { loads: 0, active: 0, most: 0, release: () => undefined as void };
  const reload = async () => {
    state.loads += 1;
    state.active += 1;
    state.most = Math.max(state.most, state.active);
    await new Promise<void>((resolve) => (state.release = resolve));
    state.active -= 1;
  };
  return { state, reload };
}

describe('contentRefresh: the dev server reloads the content with no page rendered meanwhile', () => {
  it('runs one more reload after the running one when changes come in meanwhile, never two side by side', async () => {
    const { state, reload } = gatedReload();
    const refresh = contentRefresh(reload);
    refresh.request();
    refresh.request();
    refresh.request();
    await tick();
    expect(state.loads).toBe(1);
    state.release();
    await tick();
    expect(state.loads).toBe(2);
    state.release();
    await tick();
    expect(state.loads).toBe(2);
    expect(state.most).toBe(1);
  });

  it('a page that arrives during a reload waits for it (and for the one asked for meanwhile)', async () => {
    const { state, reload } = gatedReload();
    const refresh = contentRefresh(reload);
    refresh.request();
    let admitted = false;
    void refresh.admit().then(() => (admitted = true));
    refresh.request();
    await tick();
    expect(state.loads).toBe(1);
    state.release();
    await tick();
    expect(admitted).toBe(false);
    state.release();
    await tick();
    expect(admitted).toBe(true);
  });

  it('a reload waits for the pages being rendered to finish', async () => {
    const { state, reload } = gatedReload();
    const refresh = contentRefresh(reload);
    const first = await refresh.admit();
    const second = await refresh.admit();
    refresh.request();
    await tick();
    expect(state.loads).toBe(0);
    first();
    first(); // done twice counts once
    await tick();
    expect(state.loads).toBe(0);
    second();
    await tick();
    expect(state.loads).toBe(1);
  });

  it('gives up waiting for a page that never finishes, and a failed reload does not stop the next', async () => {
    let loads = 0;
    const refresh = contentRefresh(async () => {
      loads += 1;
      if (loads === 1) throw new Error('a content mistake');
    }, 20);
    await refresh.admit(); // never done
    refresh.request();
    await new Promise((r) => setTimeout(r, 60));
    expect(loads).toBe(1);
    refresh.request();
    await new Promise((r) => setTimeout(r, 60));
    expect(loads).toBe(2);
    // Nothing running: a page is admitted at once.
    await expect(refresh.admit()).resolves.toBeTypeOf('function');
  });
});
