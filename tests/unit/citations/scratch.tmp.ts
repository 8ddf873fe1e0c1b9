import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { VFile } from 'vfile';
import remarkCitations from '../../../src/plugins/remark-citations.ts';
import { buildCatalog } from '../../../src/lib/catalog.ts';
const enc = new TextEncoder();
const seed = `Acme Signs Deal With Widget Co

Acme said on Monday that it “will not renew” the deal — a move analysts called ‘bold’.

The deal runs to 2030. Analysts said the deal was bold.

The deal runs to 2030 and includes a non-exclusive license.
`;
const { sources } = buildCatalog({ seeds: [{ name: 'a.txt', path: 'seeds/a.txt', bytes: enc.encode(seed) }], metadataText: undefined, metadataFile: 'content/sources.yaml' });
const p = unified().use(remarkParse).use(remarkMdx).use(remarkFrontmatter).use(remarkGfm).use(remarkCitations, { sources: () => sources, requireCitations: () => true, root: '/x' }).use(remarkRehype).use(rehypeStringify);
const text = `---
title: Demo
---

Acme will not renew <Cite source="a" quote='it "will not renew" the deal' />. Again <Cite source="a" quote="a move analysts called 'bold'" /> and <Cite source="a" quote='it "will not renew" the deal' />.

<Editorial>

Opinion here.

</Editorial>

| A | B |
|---|---|
| x <Cite source="a" quote="includes a non-exclusive license" /> | y |
`;
try {
console.log(String(await p.process(new VFile({ path: '/x/content/explainers/demo.mdx', value: text }))));
} catch (e) { console.log(String(e)); }
