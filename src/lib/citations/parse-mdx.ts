import type { Root, Yaml } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parse as parseYaml } from 'yaml';
import type { ContentProblem } from '../errors.ts';
import { checkFrontmatter } from '../frontmatter.ts';
import { checkMdxUsage, EXPLAINER_COMPONENTS, PROSE_COMPONENTS } from './mdx-usage.ts';

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkFrontmatter).use(remarkGfm);

/** Parse an MDX file as the site does, with true line numbers (frontmatter included). */
export function parseMdx(text: string): { tree: Root; frontmatter: Record<string, unknown> } {
  const tree = parser.runSync(parser.parse(text)) as Root;
  const yaml = tree.children.find((n): n is Yaml => n.type === 'yaml');
  const frontmatter = yaml ? ((parseYaml(yaml.value) ?? {}) as Record<string, unknown>) : {};
  return { tree, frontmatter };
}

export interface ParsedMdxFile {
  /** Undefined when the file cannot be parsed (its problems say why). */
  tree?: Root;
  frontmatter: Record<string, unknown>;
  /** Syntax and frontmatter problems, with lines and columns counted in the file. */
  problems: ContentProblem[];
}

/** Explainers need `order` in their frontmatter; pages do not. */
export const isExplainerFile = (file: string) => /(?:^|\/)explainers\/[^/]+\.mdx?$/u.test(file.replace(/\\/gu, '/'));

/**
 * Parse an MDX file and report, in the project's format, what stops it being read: its
 * frontmatter (fences, YAML, fields) and MDX syntax (a quotation mark inside an attribute, an
 * unclosed tag, a stray `{`), and what MDX reads but the site cannot render (mdx-usage.ts). Never throws for a mistake in the file.
 */
export function parseMdxFile(text: string, file: string): ParsedMdxFile {
  const front = checkFrontmatter(text, file, { explainer: isExplainerFile(file) });
  // An unclosed frontmatter makes the whole file frontmatter: reading on would only add noise.
  if (front.endLine === undefined && /^\uFEFF?---[ \t]*\r?\n/u.test(text)) {
    return { frontmatter: {}, problems: front.problems };
  }
  try {
    const tree = parser.runSync(parser.parse(text)) as Root;
    const components = isExplainerFile(file) ? EXPLAINER_COMPONENTS : PROSE_COMPONENTS;
    return { tree, frontmatter: front.data, problems: [...front.problems, ...checkMdxUsage(tree, file, { components })] };
  } catch (error) {
    return { frontmatter: front.data, problems: [...front.problems, mdxSyntaxProblem(error, text, file)] };
  }
}

interface MdxMessage {
  reason?: string;
  message?: string;
  line?: number | null;
  column?: number | null;
  ruleId?: string | null;
}

/** A micromark/MDX parse error, explained for an editor. */
export function mdxSyntaxProblem(error: unknown, text: string, file: string): ContentProblem {
  const e = (error ?? {}) as MdxMessage;
  const reason = String(e.reason ?? e.message ?? error);
  const line = e.line ?? 1;
  const column = e.column ?? 1;
  const where = { file, line, column };
  const sourceLine = text.split(/\r?\n/u)[line - 1] ?? '';

  // `quote="he said "yes""`: the inner quotation mark ends the value, and what follows is read as an attribute name.
  if (
    /^Unexpected character `"`/u.test(reason) ||
    (/^Unexpected character/u.test(reason) && /attribute/u.test(reason))
  ) {
    const inCite = /<Cite\b/u.test(sourceLine);
    // MDX trips over the text after the quotation mark that ended the value: point at that mark. The value being
    // read is the last one opened before that text, between double or single quotes.
    const before = sourceLine.slice(0, column - 1);
    const open = Math.max(before.lastIndexOf('="'), before.lastIndexOf("='"));
    const mark = open === -1 ? '"' : (sourceLine[open + 1] as string);
    const early = open === -1 ? -1 : sourceLine.indexOf(mark, open + 2);
    const name = open === -1 ? 'quote' : (/([\w-]+)$/u.exec(sourceLine.slice(0, open))?.[1] ?? 'quote');
    const single = mark === "'";
    return {
      ...where,
      ...(early !== -1 && early < column - 1 ? { column: early + 1 } : {}),
      message: inCite
        ? single
          ? `an apostrophe inside ${name}='…' ends the attribute early, so MDX cannot read the rest of the <Cite>.`
          : `a quotation mark inside ${name}="…" ends the attribute early, so MDX cannot read the rest of the <Cite>.`
        : `MDX cannot read this tag: ${firstSentence(reason)}.`,
      fix: inCite
        ? single
          ? `write the ${name} between double quotes when it contains an apostrophe, ${name}="Microsoft's license", or use a curly ’ inside ${name}='…' (it matches the source's straight one).`
          : `write the ${name} between single quotes when it contains double ones, ${name}='he said "yes"', or use curly quotes “ ” inside ${name}="…" (they match the source's straight ones).`
        : 'check the tag’s attributes: each is name="value", and a value cannot contain its own quotation mark.',
    };
  }
  const unclosed = /^Expected a closing tag for `(<[^`]+>)` \((\d+):(\d+)/u.exec(reason);
  if (unclosed) {
    const tag = unclosed[1] as string;
    const name = tag.slice(1, -1).split(/\s/u)[0] ?? '';
    const inParagraph = /end of `paragraph`/u.test(reason);
    return {
      file,
      line: Number(unclosed[2]),
      column: Number(unclosed[3]),
      message: `the tag ${tag} is never closed${inParagraph ? ' in its paragraph' : ''}.`,
      fix:
        name === 'Editorial'
          ? 'put <Editorial> and </Editorial> each on a line of their own, with a blank line between them and the paragraphs they wrap, or write <Editorial> inside a paragraph and close it in the same paragraph.'
          : `close it with </${name}> in the same paragraph, write it self-closing as <${name} />, or, if the < is text, write \\<.`,
    };
  }
  if (/^Unexpected closing tag/u.test(reason) || /^Unexpected closing slash/u.test(reason)) {
    return {
      ...where,
      message: `this closing tag does not match an open tag: ${firstSentence(reason)}.`,
      fix: 'remove it, or open the tag it closes earlier in the same paragraph.',
    };
  }
  if (/acorn|expression/iu.test(reason)) {
    const brace = /closing brace/u.test(reason) ? unclosedBrace(text, line, column) : undefined;
    return {
      ...where,
      ...brace,
      message: `MDX reads { … } as code, and this is not valid code: ${firstSentence(reason)}.`,
      fix: 'to write a brace as text, escape it as \\{ (and \\}); attributes of <Cite> take plain strings, never {…}.',
    };
  }
  return {
    ...where,
    message: `MDX cannot read this: ${firstSentence(reason)}.`,
    fix: 'correct the syntax at that spot. In MDX, < starts a tag and { starts code: write \\< and \\{ for the characters themselves.',
  };
}

/** Line and column of the last `{` before a point that no `}` closes. */
function unclosedBrace(text: string, line: number, column: number): { line: number; column: number } | undefined {
  const lines = text.split('\n');
  const end = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + column - 1;
  let depth = 0;
  for (let i = Math.min(end, text.length) - 1; i >= 0; i--) {
    if (text[i] === '}') depth++;
    else if (text[i] === '{') {
      if (depth === 0) {
        const before = text.slice(0, i).split('\n');
        return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
      }
      depth--;
    }
  }
  return undefined;
}

const firstSentence = (reason: string) => reason.split(/;|\n/u)[0]?.replace(/[.\s]+$/u, '') ?? reason;
