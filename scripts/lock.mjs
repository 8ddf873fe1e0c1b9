// Locks between processes, above all: one Astro process at a time in this checkout. Every `astro build` and `astro check` writes the project's
// .astro/ folder (type declarations, and the map of content modules that a build then reads back), so a
// fixture build with content of its own would hand its map to a build running beside it, and a type check
// could read a declaration file while a build rewrites it. Tests run in parallel, so they take turns here.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

const POLL_MS = 100;
const GIVE_UP_MS = 20 * 60_000;

/**
 * The lock's folder for the project root `root`: one per root, named by its real path. Test fixtures build in
 * roots of their own whose `.tmp` is the repository's (tests/support/site-root.ts): they must not queue
 * behind the repository's own Astro processes, nor behind each other.
 */
export const astroLockDir = (root) => {
  const real = realpathSync(root);
  const name = `astro-${basename(real)}-${createHash('sha256').update(real).digest('hex').slice(0, 8)}`;
  return join(root, '.tmp', 'locks', name);
};

/**
 * Run `fn` (which starts an Astro process and waits for it) while holding the lock. `what` names the
 * holder, for anyone who has to wait: "astro build of .tmp/fixtures/hostile".
 * @template T
 * @param {string} root
 * @param {string} what
 * @param {() => Promise<T> | T} fn
 * @returns {Promise<T>}
 */
export function withAstroLock(root, what, fn) {
  return withLock(astroLockDir(root), what, fn);
}

/**
 * Run `fn` while holding the lock folder `dir` (made with mkdir, which only one process can do). A lock left
 * by a process that has died is taken over.
 * @template T
 * @param {string} dir
 * @param {string} what
 * @param {() => Promise<T> | T} fn
 * @returns {Promise<T>}
 */
export async function withLock(dir, what, fn) {
  const owner = join(dir, 'owner.json');
  mkdirSync(join(dir, '..'), { recursive: true });
  const deadline = Date.now() + GIVE_UP_MS;
  for (;;) {
    try {
      mkdirSync(dir);
      writeFileSync(owner, JSON.stringify({ pid: process.pid, what }));
      break;
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EEXIST') throw error;
    }
    if (isStale(dir, owner)) {
      rmSync(dir, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`Waited too long for ${dir}, held by ${holder(owner)}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  try {
    return await fn();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Left behind by a process that no longer runs (a killed test run). */
function isStale(dir, owner) {
  let pid;
  try {
    pid = JSON.parse(readFileSync(owner, 'utf8')).pid;
  } catch {
    // Just taken, owner not written yet; or left half-made: stale once it is old.
    const made = statSync(dir, { throwIfNoEntry: false });
    return Boolean(made && Date.now() - made.mtimeMs > 30_000);
  }
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return /** @type {NodeJS.ErrnoException} */ (error).code === 'ESRCH';
  }
}

function holder(owner) {
  try {
    const { pid, what } = JSON.parse(readFileSync(owner, 'utf8'));
    return `${what} (process ${pid})`;
  } catch {
    return 'an unknown process';
  }
}
