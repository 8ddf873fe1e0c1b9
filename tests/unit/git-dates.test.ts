// "Last updated" comes from the repository: the same commit must give the same date, and a clone
// whose history cannot tell must give none rather than a wrong one.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { lastCommitDate } from '../../src/lib/git-dates.ts';

const git = (cwd: string, args: string[], date = '2026-04-28T12:00:00Z') =>
  execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Editor',
      GIT_AUTHOR_EMAIL: 'editor@example.invalid',
      GIT_COMMITTER_NAME: 'Editor',
      GIT_COMMITTER_EMAIL: 'editor@example.invalid',
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_DATE: date,
    },
  });

describe('lastCommitDate', () => {
  let repo: string;
  let shallow: string;
  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), 'git-dates-'));
    repo = join(dir, 'repo');
    git(dir, ['init', '-q', '-b', 'main', repo]);
    writeFileSync(join(repo, 'old.mdx'), 'first\n');
    writeFileSync(join(repo, 'events.yaml'), '- one\n');
    git(repo, ['add', '.']);
    git(repo, ['commit', '-q', '-m', 'first'], '2026-04-28T12:00:00Z');
    writeFileSync(join(repo, 'events.yaml'), '- one\n- two\n');
    git(repo, ['commit', '-q', '-am', 'events'], '2026-05-03T09:30:00Z');
    writeFileSync(join(repo, 'new.mdx'), 'new\n');
    git(repo, ['add', '.']);
    git(repo, ['commit', '-q', '-m', 'new page'], '2026-06-01T08:00:00Z');
    shallow = join(dir, 'shallow');
    git(dir, ['clone', '-q', '--depth', '2', `file://${repo}`, shallow]);
  });

  it('is the date of the last commit that changed the file', () => {
    expect(lastCommitDate(['old.mdx'], repo)).toEqual({ date: '2026-04-28' });
    expect(lastCommitDate(['new.mdx'], repo)).toEqual({ date: '2026-06-01' });
  });

  it('is the latest of several files: a page and the data it shows', () => {
    expect(lastCommitDate(['old.mdx', 'events.yaml'], repo)).toEqual({ date: '2026-05-03' });
  });

  it('in a shallow clone, is right for a change inside the history and unknown before it', () => {
    expect(lastCommitDate(['new.mdx'], shallow)).toEqual({ date: '2026-06-01' });
    // The history starts at the "events" commit, which therefore seems to create every file: it dates none.
    expect(lastCommitDate(['old.mdx'], shallow)).toMatchObject({
      date: undefined,
      why: expect.stringMatching(/shallow.*unshallow/u),
    });
    expect(lastCommitDate(['events.yaml'], shallow).date).toBeUndefined();
  });

  it('is unknown, with the reason, for a file never committed or outside a repository', () => {
    expect(lastCommitDate(['missing.mdx'], repo)).toEqual({ date: undefined, why: 'missing.mdx has no commit yet' });
    expect(lastCommitDate(['x.mdx'], tmpdir())).toMatchObject({
      date: undefined,
      why: expect.stringMatching(/not a git checkout|no commit/u),
    });
  });
});
