import type { Node, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { closestWord } from '../edit-distance.ts';
import type { ContentProblem } from '../errors.ts';
import { CITE, COUNT, EDITORIAL, INFERENCE } from '../prose/flatten.ts';

/** The components every citing text may use; an explainer may also place the timeline's events. */
export const PROSE_COMPONENTS = [CITE, COUNT, EDITORIAL, INFERENCE] as const;
export const EXPLAINER_COMPONENTS = [...PROSE_COMPONENTS, 'TimelineEvents'] as const;

/** `{/* a note for editors *\/}`: MDX drops it, so it is allowed. */
const COMMENT = /^\s*(?:\/\*(?:[^*]|\*(?!\/))*\*\/\s*)+$/u;

type Expression = Node & { value?: string };
type Element = Node & { name?: string | null };

/**
 * What MDX parses but the site cannot render: a `{…}` in the prose (MDX runs it as JavaScript: the build
 * fails on a name it does not know, and a timeline summary silently loses the words) and a capitalised
 * tag that is not one of our components (the build fails with "Expected component … to be defined").
 * `where` prefixes each message (a timeline event's summary).
 */
export function checkMdxUsage(
  tree: Root,
  file: string,
  options: { components: readonly string[]; where?: string },
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const place = options.where ? `${options.where}: ` : '';
  const at = (node: Node) => ({ file, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 });
  const known = options.components.map((c) => `<${c}>`).join(', ');

  visit(tree, (node: Node) => {
    if (node.type === 'mdxTextExpression' || node.type === 'mdxFlowExpression') {
      const value = (node as Expression).value ?? '';
      if (COMMENT.test(value)) return;
      problems.push({
        ...at(node),
        message: `${place}MDX reads {${shorten(value)}} as code, which the site does not run: its words would be lost from the page, or stop the build.`,
        fix: 'to write braces as text, escape them as \\{ and \\}; for a note to other editors, write {/* … */}.',
      });
      return;
    }
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      const name = (node as Element).name ?? '';
      // Lower-case names are HTML elements (<b>, <br />); a fragment (<>) has no name.
      if (!/^[A-Z]/u.test(name) || options.components.includes(name)) return;
      const near = closestWord(options.components, name);
      problems.push({
        ...at(node),
        message: `${place}there is no component <${name}>${near ? `; did you mean <${near}>?` : '.'}`,
        fix: near
          ? `write <${near}>. The components here are ${known}.`
          : `use one of ${known}, or write \\< if the < is text.`,
      });
    }
  });
  return problems;
}

const shorten = (value: string) => {
  const flat = value.replace(/\s+/gu, ' ').trim();
  return flat.length > 40 ? `${flat.slice(0, 39)}…` : flat;
};
