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

/**
 * Thrown when the content has problems. Astro prints and overlays it like its own errors: `loc`
 * names the first problem's file, line and column (the dev overlay shows that file around the
 * line), and there is no stack trace, because the mistake is in the content, not in the code.
 */
export class ContentError extends Error {
  readonly problems: readonly ContentProblem[];
  /** Where the first problem is, as Astro's error printer and overlay read it. */
  readonly loc: { file: string; line?: number; column?: number } | undefined;

  /** `root`: the repository root, so that `loc.file` is absolute (the dev overlay reads the file). */
  constructor(problems: readonly ContentProblem[], options: { root?: string } = {}) {
    super(contentErrorMessage(problems));
    this.name = 'ContentError';
    this.problems = problems;
    const first = problems[0];
    this.loc = first
      ? {
          file: options.root && !isAbsolutePath(first.file) ? joinPath(options.root, first.file) : first.file,
          ...(first.line !== undefined ? { line: first.line, column: first.column ?? 1 } : {}),
        }
      : undefined;
    // A content mistake has no useful stack: printers (Astro's, Node's) then show the sentence alone.
    Object.defineProperty(this, 'stack', { value: '', writable: true, configurable: true, enumerable: false });
  }
}

/** "The site's content has 2 problems that must be fixed …" followed by each problem. */
export function contentErrorMessage(problems: readonly ContentProblem[]): string {
  const count = problems.length === 1 ? 'a problem' : `${problems.length} problems`;
  return (
    `The site's content has ${count} that must be fixed before it can be built:\n\n` +
    problems.map(formatProblem).join('\n\n')
  );
}

const isAbsolutePath = (file: string) => file.startsWith('/') || /^[A-Za-z]:[\\/]/u.test(file);
const joinPath = (root: string, file: string) => `${root.replace(/[\\/]+$/u, '')}/${file}`;
