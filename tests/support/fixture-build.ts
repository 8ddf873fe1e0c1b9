import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from './paths.ts';
import { makeSiteRoot } from './site-root.ts';

export interface FixtureBuild {
  status: number | null;
  /** stdout and stderr together, colour codes removed. */
  output: string;
  outDir: string;
}

/**
 * Run the real Astro build on a copy of the content: the real seeds plus extra files, and
 * optionally other metadata. Each fixture gets its own folder, project root (tests/support/site-root.ts),
 * output and content cache.
 */
export async function buildFixture(
  name: string,
  options: {
    extraSeeds?: Record<string, Uint8Array | string>;
    metadata?: string;
    withRealSeeds?: boolean;
    /** Copy content/ and change it: (relative path, text) → new text. */
    editContent?: (file: string, text: string) => string;
  },
): Promise<FixtureBuild> {
  const dir = join(ROOT, '.tmp', 'fixtures', name);
  rmSync(dir, { recursive: true, force: true });
  const seeds = join(dir, 'seeds');
  mkdirSync(seeds, { recursive: true });
  if (options.withRealSeeds ?? true) cpSync(join(ROOT, 'seeds'), seeds, { recursive: true });
  for (const [file, content] of Object.entries(options.extraSeeds ?? {})) writeFileSync(join(seeds, file), content);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: '1',
    RENEGOTIATED_SEEDS: relative(ROOT, seeds),
    RENEGOTIATED_OUT_DIR: join(dir, 'dist'),
    RENEGOTIATED_CACHE_DIR: join(dir, 'cache'),
  };
  if (options.editContent) {
    const content = join(dir, 'content');
    cpSync(join(ROOT, 'content'), content, { recursive: true });
    for (const file of listFiles(content)) {
      const rel = relative(content, file);
      const before = readFileSync(file, 'utf8');
      const after = options.editContent(rel, before);
      if (after !== before) writeFileSync(file, after);
    }
    env['RENEGOTIATED_CONTENT'] = relative(ROOT, content);
  }
  if (options.metadata !== undefined) {
    const metadataFile = join(dir, 'sources.yaml');
    writeFileSync(metadataFile, options.metadata);
    env['RENEGOTIATED_SOURCES_META'] = relative(ROOT, metadataFile);
  }
  // A root of its own: no other build shares its .astro/ folder, so fixture builds run side by side.
  const result = await run('astro', ['build'], env, makeSiteRoot(dir));
  const output = `${result.stdout}\n${result.stderr}`.replace(/\u001b\[[0-9;]*m/gu, '');
  return { status: result.status, output, outDir: join(dir, 'dist') };
}

/** Run a command to its end without blocking the worker (other tests in it may be waiting on a browser). */
function run(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full) : [full];
  });
}
