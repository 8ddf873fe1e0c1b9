import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { reloadOnChange } from '../../src/loaders/watch.ts';

/** A watcher as the loaders see it: `add` and events. */
class FakeWatcher extends EventEmitter {
  add(): this {
    return this;
  }
}

describe('reloadOnChange: one load at a time, none lost', () => {
  it('runs one more load after the running one when changes come in meanwhile, never two side by side', async () => {
    const watcher = new FakeWatcher();
    let active = 0;
    let most = 0;
    let loads = 0;
    let release: () => void = () => undefined;
    reloadOnChange(watcher as never, ['/c'], async () => {
      loads += 1;
      active += 1;
      most = Math.max(most, active);
      await new Promise<void>((resolve) => (release = resolve));
      active -= 1;
    });
    watcher.emit('change', '/c/timeline.yaml');
    watcher.emit('change', '/c/claims.yaml');
    watcher.emit('change', '/c/claims.yaml');
    watcher.emit('change', '/elsewhere/file.txt');
    expect(loads).toBe(1);
    release();
    await new Promise((r) => setTimeout(r, 0));
    expect(loads).toBe(2);
    release();
    await new Promise((r) => setTimeout(r, 0));
    expect(loads).toBe(2);
    expect(most).toBe(1);
  });
});
