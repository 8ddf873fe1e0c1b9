// The browser run's one Chromium, in a process of its own, started by tests/support/chromium-server.ts: Playwright's
// side of every page's traffic (each request, event and key press of every test) runs here rather than in Vitest's
// main process, which also serves the site. Prints where to connect, then serves until its stdin closes.
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, OFFLINE_ARGS } from '../../scripts/chromium.mjs';

// Loopback only, on a port the system picks: nothing else on this machine can collide with it.
const server = await chromium.launchServer({
  executablePath: CHROMIUM_PATH,
  headless: true,
  args: [...CHROMIUM_ARGS, ...OFFLINE_ARGS],
  host: '127.0.0.1',
  port: 0,
});
process.stdout.write(`${server.wsEndpoint()}\n`);

// The test run closes our stdin when it is done, and so does its death: never outlive it.
process.stdin.resume();
process.stdin.on('close', () => {
  void server.close().finally(() => process.exit(0));
});
