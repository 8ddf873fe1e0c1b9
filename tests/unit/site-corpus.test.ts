import { cpSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { corpusReads, siteCorpus } from '../../src/lib/site-corpus.ts';
import { REPO } from './citations/support.ts';

describe('siteCorpus: the content read and resolved once, and again only when it changes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'renegotiated-site-corpus-'));
  cpSync(join(REPO, 'content'), join(dir, 'content'), { recursive: true });
  cpSync(join(REPO, 'seeds'), join(dir, 'seeds'), { recursive: true });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const env = {};

  it('gives every caller the same result while no input changes', () => {
    const before = corpusReads();
    const first = siteCorpus(dir, env);
    const second = siteCorpus(dir, env);
    expect(second).toBe(first);
    expect(corpusReads()).toBe(before + 1);
    expect(first.problems).toEqual([]);
    expect(first.corpus?.pages.size).toBeGreaterThan(3);
  });

  it('reads everything again after a content file or a seed changes, and sees the change', () => {
    const first = siteCorpus(dir, env);
    const file = join(dir, 'content/explainers/exclusivity.mdx');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nAn uncited sentence at the end.\n`);
    const later = new Date(Date.now() + 5_000);
    utimesSync(file, later, later);
    const second = siteCorpus(dir, env);
    expect(second).not.toBe(first);
    expect(second.problems.map((p) => p.message)).toEqual([
      'this sentence has no citation: "An uncited sentence at the end.".',
    ]);
    const seed = join(dir, 'seeds', '000_46f77dec1b3b1b36.txt');
    utimesSync(seed, later, new Date(Date.now() + 10_000));
    expect(siteCorpus(dir, env)).not.toBe(second);
  });
});
