import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';

export type CommitDate = { date: string } | { date: undefined; why: string };

const git = (args: string[], cwd: string) =>
  execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();

/**
 * The date (YYYY-MM-DD) of the last commit that touched any of `files`, from the repository
 * itself, so that two builds of the same commit agree. When the history cannot tell (no git
 * checkout, a file never committed, or a shallow clone cut off before the last change, where the
 * cut-off commit would wrongly claim every file) the date is undefined and `why` says so.
 */
export function lastCommitDate(files: readonly string[], cwd = process.cwd()): CommitDate {
  let out: string;
  try {
    out = git(['log', '-1', '--format=%H %cs', '--', ...files], cwd);
  } catch {
    return { date: undefined, why: 'this is not a git checkout' };
  }
  const [hash, date] = out.split(' ');
  if (!hash || !date || !/^\d{4}-\d{2}-\d{2}$/u.test(date)) {
    return { date: undefined, why: `${files.join(', ')} has no commit yet` };
  }
  if (shallowBoundary(cwd).has(hash)) {
    return {
      date: undefined,
      why: 'the clone is shallow and its history stops before the last change (git fetch --unshallow fixes it)',
    };
  }
  return { date };
}

/** The commits where a shallow clone's history is cut off (none in a full clone). */
function shallowBoundary(cwd: string): Set<string> {
  try {
    const path = git(['rev-parse', '--git-path', 'shallow'], cwd);
    const file = isAbsolute(path) ? path : join(cwd, path);
    return new Set(existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : []);
  } catch {
    return new Set();
  }
}
