// `npm start` serves the built site (here with --no-build, on a free port: the build is the one under test).
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/paths.ts';

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

describe('npm start', () => {
  it('serves the built site, pages, passages and the search index, at the port it names', async () => {
    const port = await freePort();
    const child = spawn('node', ['scripts/start.mjs', '--no-build'], {
      cwd: ROOT,
      detached: true,
      env: { ...process.env, PORT: String(port), PATH: `${join(ROOT, 'node_modules/.bin')}:${process.env['PATH']}` },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      const base = `http://localhost:${port}`;
      await expect
        .poll(async () => (await fetch(`${base}/`).catch(() => undefined))?.status, { timeout: 60_000, interval: 250 })
        .toBe(200);
      expect(output).toContain(`Serving the built site on http://localhost:${port}/`);
      expect(await (await fetch(`${base}/`)).text()).toContain('<title>Renegotiated');
      expect((await fetch(`${base}/sources/azure-exclusivity-ends/`)).status).toBe(200);
      expect((await fetch(`${base}/pagefind/pagefind.js`)).status).toBe(200);
      expect((await fetch(`${base}/no-such-page/`)).status).toBe(404);
    } finally {
      if (child.pid) process.kill(-child.pid, 'SIGTERM');
    }
  });
});
