import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { closestWord } from './edit-distance.ts';
import type { ContentProblem } from './errors.ts';
import { yamlErrorOffset } from './yaml-list.ts';

/** The frontmatter of explainers and pages: what src/content.config.ts also requires. */
export const DESCRIPTION_MAX = 200;
export const FRONTMATTER_FIELDS = {
  title: 'the page’s title, as it appears in its heading and in search results',
  description: `one sentence of at most ${DESCRIPTION_MAX} characters, shown in link previews and search`,
  order: 'a whole number giving the explainer’s place in the list of explainers (1 first; explainers only)',
} as const;

export interface FrontmatterCheck {
  /** The parsed fields (empty when there is no readable frontmatter). */
  data: Record<string, unknown>;
  problems: ContentProblem[];
  /** 1-based line of the closing `---`, when the frontmatter is closed. */
  endLine?: number;
}

const FENCE = /^---[ \t]*$/u;

/**
 * Check an MDX file's frontmatter where the file has it, with lines counted in the file (not in
 * the frontmatter): the fences, the YAML, and the fields. `explainer` requires `order`.
 */
export function checkFrontmatter(text: string, file: string, options: { explainer: boolean }): FrontmatterCheck {
  const lines = text.replace(/^\uFEFF/u, '').split(/\r?\n/u);
  const problems: ContentProblem[] = [];
  const at = (line: number, column: number, message: string, fix: string) =>
    problems.push({ file, line, column, message, fix });

  if (!FENCE.test(lines[0] ?? '')) {
    at(
      1,
      1,
      'this file has no frontmatter: it must start with a line `---`, the fields, and another line `---`.',
      frontmatterExample(options.explainer),
    );
    return { data: {}, problems };
  }
  const close = lines.findIndex((line, i) => i > 0 && FENCE.test(line));
  if (close === -1) {
    // Where the fields stop: the first line that is not `key: value`, a continuation or a comment.
    const stop = lines.findIndex((line, i) => i > 0 && line.trim() !== '' && !/^(?:[\w-]+\s*:|\s|#)/u.test(line));
    at(
      1,
      1,
      'the frontmatter opened by `---` on line 1 is never closed, so the whole file would be read as frontmatter.',
      `add a line \`---\` after the last field${stop > 0 ? ` (before line ${stop + 1})` : ''}.`,
    );
    return { data: {}, problems };
  }

  const yamlText = lines.slice(1, close).join('\n');
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  // The YAML starts on the file's line 2.
  const position = (offset: number | undefined) => {
    const { line, col } = lineCounter.linePos(offset ?? 0);
    return { line: line + 1, column: col };
  };
  // The first error only: the parser trips again further on over the same mistake.
  for (const error of doc.errors.slice(0, 1)) {
    const { line, column } = position(yamlErrorOffset(yamlText, error));
    at(
      line,
      column,
      `the frontmatter is not valid YAML: ${error.message.split('\n')[0]}`,
      'correct the YAML at that line; a value containing ": " or starting with a quotation mark must be quoted whole, e.g. title: "Azure: what changed".',
    );
  }
  if (problems.length > 0) return { data: {}, problems, endLine: close + 1 };

  const root = doc.contents;
  const data = (doc.toJS() ?? {}) as unknown;
  if (root !== null && !isMap(root)) {
    at(2, 1, 'the frontmatter must be a list of `field: value` lines.', frontmatterExample(options.explainer));
    return { data: {}, problems, endLine: close + 1 };
  }
  const fields = (data ?? {}) as Record<string, unknown>;
  const lineOf = (key: string) => {
    const pair = isMap(root) ? root.items.find((p) => isScalar(p.key) && p.key.value === key) : undefined;
    return pair ? position((pair.value as { range?: number[] } | null)?.range?.[0]).line : close + 1;
  };
  const missing = (key: keyof typeof FRONTMATTER_FIELDS) =>
    at(
      close + 1,
      1,
      `the frontmatter is missing \`${key}\`.`,
      `add \`${key}:\` before the closing \`---\` (line ${close + 1}): ${FRONTMATTER_FIELDS[key]}.`,
    );

  for (const key of ['title', 'description'] as const) {
    const value = fields[key];
    if (value === undefined || value === null) missing(key);
    else if (typeof value !== 'string' || value.trim() === '') {
      at(lineOf(key), 1, `\`${key}\` must be text.`, `write ${FRONTMATTER_FIELDS[key]}.`);
    }
  }
  const description = fields['description'];
  if (typeof description === 'string' && description.length > DESCRIPTION_MAX) {
    at(
      lineOf('description'),
      1,
      `\`description\` is ${description.length} characters long; at most ${DESCRIPTION_MAX} are allowed.`,
      'shorten it to one sentence: search results and link previews cut it off.',
    );
  }
  const order = fields['order'];
  if (order === undefined || order === null) {
    if (options.explainer) missing('order');
  } else if (typeof order !== 'number' || !Number.isInteger(order)) {
    at(
      lineOf('order'),
      1,
      '`order` must be a whole number.',
      'write the explainer’s place in the list as a number, e.g. order: 3.',
    );
  }
  // A misspelt or invented field would be silently ignored (a hand-written "updated:" date, "descripton:").
  const allowed: string[] = options.explainer ? ['title', 'description', 'order'] : ['title', 'description'];
  for (const key of Object.keys(fields)) {
    if (allowed.includes(key)) continue;
    const near = closestWord(allowed, key);
    const dated = /^(?:date|updated|last[-_ ]?updated|lastmod|modified|published)$/iu.test(key);
    const pair = isMap(root) ? root.items.find((p) => isScalar(p.key) && p.key.value === key) : undefined;
    at(
      position((pair?.key as { range?: number[] } | undefined)?.range?.[0]).line,
      1,
      key === 'order'
        ? '`order` is only for explainers: a page is not in the list of explainers.'
        : `unknown field \`${key}\` in the frontmatter${near ? `; did you mean \`${near}\`?` : '.'}`,
      dated
        ? 'remove it: the "Last updated" date is the date of the last commit that changed the file, never written by hand.'
        : `${near ? `write \`${near}:\`, or remove it` : 'remove it'}; the fields are ${allowed.map((k) => `\`${k}\``).join(', ')}.`,
    );
  }
  return { data: fields, problems, endLine: close + 1 };
}

function frontmatterExample(explainer: boolean): string {
  return `start the file with:\n    ---\n    title: The end of exclusivity\n    description: One sentence on what the page explains.${explainer ? '\n    order: 3' : ''}\n    ---`;
}
