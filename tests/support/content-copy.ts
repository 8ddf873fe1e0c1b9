import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from './paths.ts';
import { makeSiteRoot } from './site-root.ts';

export interface ContentCopy {
  /** Absolute folder holding `seeds/` and `content/`. */
  dir: string;
  /** Repository-relative folder, as messages name its files (`.tmp/content-copies/x`). */
  rel: string;
  /** The environment that points the site (check, loaders, build, dev) at this copy. */
  env: Record<string, string>;
  /** Write a file in the copy (path relative to `dir`, e.g. `content/claims.yaml`). */
  write(file: string, text: string | Uint8Array): void;
  read(file: string): string;
  /** The 1-based line of the file's first line that contains `needle` (0 when none does). */
  lineOf(file: string, needle: string): number;
  /** Change a file of the copy: (text) → new text. Fails if nothing changed, so a stale edit is noticed. */
  edit(file: string, change: (text: string) => string): void;
}

/**
 * A copy of the real seeds and content in `.tmp/content-copies/<name>/`, to break or extend without
 * touching the real ones. Unit tests check it with checkContent; build and dev tests point Astro at it.
 */
export function copyContent(name: string, options: { seeds?: boolean } = {}): ContentCopy {
  const dir = join(ROOT, '.tmp', 'content-copies', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(join(ROOT, 'content'), join(dir, 'content'), { recursive: true });
  if (options.seeds ?? true) cpSync(join(ROOT, 'seeds'), join(dir, 'seeds'), { recursive: true });
  else mkdirSync(join(dir, 'seeds'));
  const rel = relative(ROOT, dir);
  const copy: ContentCopy = {
    dir,
    rel,
    env: { RENEGOTIATED_CONTENT: join(rel, 'content'), RENEGOTIATED_SEEDS: join(rel, 'seeds') },
    write(file, text) {
      mkdirSync(join(dir, file, '..'), { recursive: true });
      writeFileSync(join(dir, file), text);
    },
    read: (file) => readFileSync(join(dir, file), 'utf8'),
    lineOf: (file, needle) =>
      copy
        .read(file)
        .split('\n')
        .findIndex((l) => l.includes(needle)) + 1,
    edit(file, change) {
      const before = copy.read(file);
      const after = change(before);
      if (after === before) throw new Error(`the edit of ${file} changed nothing: has the real content changed?`);
      copy.write(file, after);
    },
  };
  return copy;
}

/** Every file under a folder, recursively. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full) : [full];
  });
}

export interface Run {
  status: number | null;
  /** stdout and stderr together, colour codes removed. */
  output: string;
}

/** Run a command from the repository root against the copy (its env), with colour codes removed from the output. */
export function runOn(copy: ContentCopy, command: string, args: string[], extraEnv: Record<string, string> = {}): Run {
  const result = spawnSync(command, args, {
    cwd: ROOT,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...copy.env, ...extraEnv },
    encoding: 'utf8',
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`.replace(/\u001b\[[0-9;]*m/gu, '') };
}

/** `npm run add-source -- …` on the copy. */
export const addSource = (copy: ContentCopy, ...args: string[]) =>
  runOn(copy, 'node', ['scripts/add-source.mjs', ...args]);

/** Like runOn, without blocking the worker, from `cwd` (other tests in it may be waiting on a browser). */
function runOnAsync(
  copy: ContentCopy,
  command: string,
  args: string[],
  extraEnv: Record<string, string>,
  cwd: string,
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...copy.env, ...extraEnv },
    });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, output: output.replace(/\u001b\[[0-9;]*m/gu, '') }));
  });
}

/**
 * The real build of the copy into its own dist/ (`astro build`, or `npm run build`'s script with `{ script: true }`),
 * from a project root of its own (tests/support/site-root.ts), so that it can run beside other builds.
 */
export async function buildCopy(
  copy: ContentCopy,
  options: { script?: boolean } = {},
): Promise<Run & { outDir: string }> {
  const outDir = join(copy.dir, 'dist');
  const env = { RENEGOTIATED_OUT_DIR: outDir, RENEGOTIATED_CACHE_DIR: join(copy.dir, 'cache') };
  const root = makeSiteRoot(join(copy.dir, 'root'));
  const run = options.script
    ? await runOnAsync(copy, process.execPath, [join(ROOT, 'scripts/build.mjs')], env, root)
    : await runOnAsync(copy, 'astro', ['build'], env, root);
  return { ...run, outDir };
}
