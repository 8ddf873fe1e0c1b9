import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkFrontmatter from 'remark-frontmatter';
import remarkReadingTime from '../../../src/plugins/remark-reading-time.ts';
import { VFile } from 'vfile';
const p = unified().use(remarkParse).use(remarkMdx).use(remarkFrontmatter).use(remarkReadingTime);
for (const t of ['# Title\n\nOne two three.\n\nFour five.\n', '---\ntitle: A b c\n---\n\nOne two.\n', 'One two.\n']) {
const f = new VFile({ value: t });
await p.run(p.parse(f), f);
console.log(JSON.stringify(t), f.data);
}
import { findQuote, normaliseTypography } from '../../../src/lib/quotes.ts';
console.log(findQuote('wait… what', 'wait.'), normaliseTypography('a\u2026b'));
console.log(findQuote('ideally', 'deal'));
