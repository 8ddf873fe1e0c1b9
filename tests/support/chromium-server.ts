// One Chromium for the whole browser run: started once here, and every browser test file connects to it
// (tests/support/browser.ts, connectBrowser) and opens contexts of its own. Launching a browser per file
// cost a second or more each, and a browser process, GPU process and network service per file.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_PATH } from '../../scripts/chromium.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where tests connect to the shared Chromium (`chromium.connect`); empty when there is none. */
    chromiumEndpoint: string;
  }
}

export default async function startChromium(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  if (!existsSync(CHROMIUM_PATH)) {
    // scripts/test.mjs says so loudly too; this covers `npm run test:browser` and `npx vitest`.
    const message = `Chromium was not found at ${CHROMIUM_PATH}: the browser tests are SKIPPED (apt-get install -y chromium).`;
    if (process.env['CI']) throw new Error(`${message} CI is set, so this is a failure.`);
    console.warn(`\n!! ${message}\n`);
    project.provide('chromiumEndpoint', '');
    return undefined;
  }
  const child = spawn(process.execPath, [new URL('./chromium-process.mjs', import.meta.url).pathname], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const endpoint = await new Promise<string>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`Chromium's server process ended (exit ${code}) before it started`)));
    createInterface({ input: child.stdout }).once('line', resolve);
  });
  project.provide('chromiumEndpoint', endpoint);
  return async () => {
    child.stdin.end();
    await exited;
  };
}
