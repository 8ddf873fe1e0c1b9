import { preview } from 'astro';
import type { TestProject } from 'vitest/node';
import { DIST, ROOT } from './paths.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** Serve the built site with Astro's own preview server on a loopback port the system picks (never taken). */
export default async function startPreview(project: TestProject): Promise<() => Promise<void>> {
  process.env['RENEGOTIATED_OUT_DIR'] = DIST;
  const server = await preview({
    root: ROOT,
    outDir: DIST,
    logLevel: 'error',
    server: { host: '127.0.0.1', port: 0 },
  });
  project.provide('baseUrl', `http://127.0.0.1:${server.port}`);
  return () => server.stop();
}
