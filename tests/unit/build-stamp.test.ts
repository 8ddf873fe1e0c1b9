// `npm start` serves dist/ as it is when nothing changed since the last build (whoever ran it), and
// rebuilds when a source, the configuration or SITE_URL changed.
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { recordBuild, whyRebuild } from '../../scripts/build-stamp.mjs';

function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'build-stamp-'));
  for (const dir of ['src', 'content', 'seeds', 'public', 'dist']) mkdirSync(join(root, dir));
  writeFileSync(join(root, 'content/explainer.mdx'), 'text');
  writeFileSync(join(root, 'dist/index.html'), '<!doctype html>');
  // Sources a minute old, so a build recorded now is newer.
  const past = new Date(Date.now() - 60_000);
  utimesSync(join(root, 'content/explainer.mdx'), past, past);
  utimesSync(join(root, 'content'), past, past);
  return root;
}

describe('whether dist/ needs a build', () => {
  const saved = process.env['SITE_URL'];
  afterEach(() => {
    if (saved === undefined) delete process.env['SITE_URL'];
    else process.env['SITE_URL'] = saved;
  });

  it('builds when there is no build yet', () => {
    expect(whyRebuild(project())).toBe('No build yet: building the site.');
  });

  it('serves as it is after a recorded build of dist/, and rebuilds once a source changes', () => {
    const root = project();
    delete process.env['SITE_URL'];
    recordBuild(root, 'dist');
    expect(whyRebuild(root)).toBeUndefined();
    const future = new Date(Date.now() + 60_000);
    utimesSync(join(root, 'content/explainer.mdx'), future, future);
    expect(whyRebuild(root)).toBe('Sources changed since the last build: rebuilding.');
  });

  it('rebuilds when SITE_URL is not the one the build used', () => {
    const root = project();
    delete process.env['SITE_URL'];
    recordBuild(root, 'dist');
    process.env['SITE_URL'] = 'https://renegotiated.example/';
    expect(whyRebuild(root)).toBe('SITE_URL changed since the last build: rebuilding.');
  });

  it('does not count a build into another folder (a test fixture, the benchmark)', () => {
    const root = project();
    recordBuild(root, '.tmp/elsewhere');
    expect(whyRebuild(root)).toBe('No build yet: building the site.');
  });
});
