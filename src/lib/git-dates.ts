import { execFileSync } from 'node:child_process';

/**
 * The date (YYYY-MM-DD) of the last commit that touched a file, from the repository itself, so
 * two builds of the same commit agree. Undefined outside a git checkout or for a new file.
 */
export function lastCommitDate(file: string, cwd = process.cwd()): string | undefined {
  try {
    const out = execFileSync('git', ['log', '-1', '--format=%cs', '--', file], {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    return /^\d{4}-\d{2}-\d{2}$/u.test(out) ? out : undefined;
  } catch {
    return undefined;
  }
}
