import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { FixtureBuild } from './fixture-build.ts';
import { ROOT } from './paths.ts';

/**
 * The real Astro build of a whole copy of the site (templates, code, content, seeds), with some of its
 * files changed: for the checks that must catch a mistake in a template, where content fixtures cannot
 * reach. node_modules is linked, not copied.
 */
export async function buildSiteCopy(name: string, edit: (file: string, text: string) => string): Promise<FixtureBuild> {
  const dir = join(ROOT, '.tmp', 'fixtures', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const entry of ['src', 'content', 'seeds', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json']) {
    cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  for (const file of listFiles(dir)) {
    const rel = relative(dir, file);
    if (rel.startsWith('node_modules')) continue;
    const before = readFileSync(file, 'utf8');
    const after = edit(rel, before);
    if (after !== before) writeFileSync(file, after);
  }
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
  for (const key of Object.keys(env)) if (key.startsWith('RENEGOTIATED_')) delete env[key];
  // Without blocking the worker: other builds in the file run beside this one.
  const { status, output } = await new Promise<{ status: number | null; output: string }>((resolve, reject) => {
    const child = spawn('astro', ['build'], { cwd: dir, env });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ status: code, output: out }));
  });
  return { status, output: output.replace(/\u001b\[[0-9;]*m/gu, ''), outDir: join(dir, 'dist') };
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (name === 'node_modules') return [];
    return statSync(full).isDirectory() ? listFiles(full) : [full];
  });
}
