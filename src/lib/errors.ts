/**
 * An error in the site's content (a seed, the metadata, an explainer) that a person must fix.
 * It always names the file and line, says what is wrong in a sentence, and says what to do.
 */
export interface ContentProblem {
  /** Repository-relative path, e.g. `seeds/004_x.txt`. */
  file: string;
  /** 1-based line, when the problem has one. */
  line?: number;
  /** 1-based column, when the problem has one. */
  column?: number;
  /** What is wrong, as a sentence. */
  message: string;
  /** What to do about it. */
  fix: string;
}

export function formatProblem(problem: ContentProblem): string {
  const where = [problem.file, problem.line, problem.line !== undefined ? problem.column : undefined]
    .filter((part) => part !== undefined)
    .join(':');
  return `${where}: ${problem.message}\n  Fix: ${problem.fix}`;
}

export class ContentError extends Error {
  readonly problems: readonly ContentProblem[];

  constructor(problems: readonly ContentProblem[]) {
    const count = problems.length === 1 ? 'a problem' : `${problems.length} problems`;
    super(
      `The site's content has ${count} that must be fixed before it can be built:\n\n` +
        problems.map(formatProblem).join('\n\n'),
    );
    this.name = 'ContentError';
    this.problems = problems;
  }
}
