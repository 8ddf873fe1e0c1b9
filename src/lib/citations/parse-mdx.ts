import type { Root, Yaml } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parse as parseYaml } from 'yaml';

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkFrontmatter).use(remarkGfm);

/** Parse an MDX file as the site does, with true line numbers (frontmatter included). */
export function parseMdx(text: string): { tree: Root; frontmatter: Record<string, unknown> } {
  const tree = parser.runSync(parser.parse(text)) as Root;
  const yaml = tree.children.find((n): n is Yaml => n.type === 'yaml');
  const frontmatter = yaml ? ((parseYaml(yaml.value) ?? {}) as Record<string, unknown>) : {};
  return { tree, frontmatter };
}
