import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_OUT_DIR, whyRebuild } from '../../scripts/build-stamp.mjs';
import { DIST, ROOT } from '../support/paths.ts';

function build(name: string): string {
  const dir = join(ROOT, '.tmp', 'reproducible', name);
  rmSync(dir, { recursive: true, force: true });
  const outDir = join(dir, 'dist');
  const result = spawnSync('node', ['scripts/build.mjs'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, RENEGOTIATED_OUT_DIR: outDir, RENEGOTIATED_CACHE_DIR: join(dir, 'cache') },
  });
  if (result.status !== 0) throw new Error(`The build for ${name} failed:\n${result.stdout}\n${result.stderr}`);
  return outDir;
}

/** Every file under a folder with its SHA-256. */
function digest(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.set(relative(dir, full), createHash('sha256').update(readFileSync(full)).digest('hex'));
    }
  };
  walk(dir);
  return out;
}

/**
 * dist/ when it is recorded as a build of these very sources (npm test has just made it): then one more build
 * is compared with it. Otherwise, undefined, and the test makes both.
 */
function currentDist(): string | undefined {
  return relative(ROOT, DIST) === DEFAULT_OUT_DIR && !whyRebuild(ROOT) ? DIST : undefined;
}

describe('reproducible builds', () => {
  it('two builds of the same commit produce byte-identical output, search index included', () => {
    const a = digest(currentDist() ?? build('a'));
    const b = digest(build('b'));
    expect(a.size).toBeGreaterThan(20);
    expect([...a.keys()].some((f) => f.startsWith('pagefind/'))).toBe(true);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    const differ = [...a].filter(([file, hash]) => b.get(file) !== hash).map(([file]) => file);
    expect(differ).toEqual([]);
  });
});
