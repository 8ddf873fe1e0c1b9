// A real `astro dev` on a free loopback port, pointed at a copy of the content, for tests that change
// the content and watch what the dev server serves and what its error overlay receives.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { withAstroLock } from '../../scripts/lock.mjs';
import { ROOT } from './paths.ts';

export interface DevServer {
  base: string;
  /** Everything the server printed, colour codes removed. */
  output: () => string;
  stop: () => Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * Hold the project's Astro lock (scripts/lock.mjs) until `release` is called: astro dev writes .astro/ when it
 * starts and on every content change, so no build may run beside it.
 */
async function holdAstroLock(what: string): Promise<() => Promise<void>> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let acquired!: () => void;
  const ready = new Promise<void>((resolve) => (acquired = resolve));
  const done = withAstroLock(ROOT, what, () => {
    acquired();
    return held;
  });
  await ready;
  return async () => {
    release();
    await done;
  };
}

export async function startDevServer(env: Record<string, string>, cacheDir: string): Promise<DevServer> {
  const unlock = await holdAstroLock(`astro dev over ${env['RENEGOTIATED_CONTENT'] ?? 'content/'}`);
  const port = await freePort();
  let output = '';
  const child: ChildProcess = spawn('astro', ['dev', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: ROOT,
    env: {
      // Not Vitest's environment: Astro's dev server turns its page serving off when it sees VITEST.
      ...Object.fromEntries(
        Object.entries(process.env).filter(([key]) => !/^VITEST/u.test(key) && key !== 'NODE_ENV' && key !== 'TEST'),
      ),
      ...env,
      RENEGOTIATED_CACHE_DIR: cacheDir,
      ASTRO_TELEMETRY_DISABLED: '1',
      // Keep it in the foreground even when the CLI thinks an agent is driving it.
      ASTRO_DEV_BACKGROUND: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const collect = (chunk: Buffer) => {
    output += chunk.toString('utf8').replace(/\u001b\[[0-9;]*m/gu, '');
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const base = `http://127.0.0.1:${port}`;
  const server: DevServer = {
    base,
    output: () => output,
    stop: async () => {
      await new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
      await unlock();
    },
  };
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      await unlock();
      throw new Error(`astro dev exited (${child.exitCode}):\n${output}`);
    }
    try {
      await fetch(`${base}/favicon.svg`);
      return server;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  await server.stop();
  throw new Error(`astro dev did not answer on ${base} within 90 s:\n${output}`);
}

/** Fetch a page as a browser asks for it. */
export async function get(server: DevServer, path: string): Promise<{ status: number; body: string }> {
  for (let attempt = 1; ; attempt++) {
    try {
      const response = await fetch(`${server.base}${path}`, { headers: { accept: 'text/html' } });
      return { status: response.status, body: await response.text() };
    } catch (error) {
      // A kept-alive connection the server closed just as it was reused (ECONNRESET, "other side closed") is
      // the transport's, not the page's: a browser asks again, and so does this, twice at most.
      if (attempt === 3 || !(error instanceof TypeError)) throw error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

/** Fetch until the page satisfies `ok` (the dev server picks changes up asynchronously), or fail saying what it served. */
export async function eventually(
  server: DevServer,
  path: string,
  ok: (page: { status: number; body: string }) => boolean,
  what: string,
  timeout = 30_000,
): Promise<{ status: number; body: string }> {
  const deadline = Date.now() + timeout;
  let last = { status: 0, body: '' };
  while (Date.now() < deadline) {
    last = await get(server, path);
    if (ok(last)) return last;
    await new Promise((r) => setTimeout(r, 300));
  }
  // All of it in a file (the end of it is mostly the requests this loop made).
  const log = join(ROOT, '.tmp', 'dev-server-output.log');
  mkdirSync(dirname(log), { recursive: true });
  writeFileSync(log, server.output());
  throw new Error(
    `${path} never ${what} within ${timeout / 1000} s. Last answer (${last.status}):\n${last.body.slice(0, 800)}\n\nServer output (all of it in ${log}):\n${server.output().slice(-3000)}`,
  );
}

export interface OverlayError {
  message: string;
  loc?: { file?: string; line?: number; column?: number };
  frame?: string;
}

/**
 * The error the dev server sends its overlay (over Vite's HMR socket, as the browser's Vite client
 * receives it) when `path` is requested.
 */
export async function overlayErrorFor(
  server: DevServer,
  path: string,
  matches: (error: OverlayError) => boolean,
): Promise<OverlayError> {
  const client = await (await fetch(`${server.base}/@vite/client`)).text();
  const token = /const wsToken = "([^"]*)"/u.exec(client)?.[1];
  if (token === undefined) throw new Error('no HMR token in /@vite/client');
  const socket = new WebSocket(`${server.base.replace(/^http/u, 'ws')}/?token=${token}`, 'vite-hmr');
  try {
    return await new Promise<OverlayError>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no error reached the overlay after requesting ${path}`)),
        20_000,
      );
      socket.onmessage = (event) => {
        const payload = JSON.parse(String(event.data)) as { type: string; err?: OverlayError };
        if (payload.type !== 'error' || !payload.err) return;
        // The overlay gets the message as HTML: read it as text.
        const error = { ...payload.err, message: decodeEntities(payload.err.message) };
        // Vite first replays the last error it kept for a browser not yet connected: wait for this one.
        if (!matches(error)) return;
        clearTimeout(timer);
        resolve(error);
      };
      // Only to make the server send the error; the test may end (and stop the server) before it answers.
      socket.onopen = () => void get(server, path).catch(() => undefined);
      socket.onerror = () => reject(new Error('the HMR socket failed'));
    });
  } finally {
    socket.close();
  }
}

const decodeEntities = (html: string) =>
  html
    .replace(/<[^>]+>/gu, '')
    .replace(/&#(\d+);/gu, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&quot;/gu, '"')
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&amp;/gu, '&');

export const cacheDirFor = (name: string) => join(ROOT, '.tmp', 'dev-cache', name);
