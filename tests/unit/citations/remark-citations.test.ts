import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import rehypeStringify from 'rehype-stringify';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { buildCatalog, type Source } from '../../../src/lib/catalog.ts';
import { buildCorpus } from '../../../src/lib/citations/corpus.ts';
import { ContentError } from '../../../src/lib/errors.ts';
import remarkCitations from '../../../src/plugins/remark-citations.ts';
import rehypePrintUrls from '../../../src/plugins/rehype-print-urls.ts';
import remarkReadingTime from '../../../src/plugins/remark-reading-time.ts';
import { ACME, FIXTURES, GLOBEX, INITECH, passage, testSources } from './support.ts';

const sources = testSources();
const PATH = '/x/content/explainers/demo.mdx';
const FILE = 'content/explainers/demo.mdx';
const demo = readFileSync(join(FIXTURES, 'demo.mdx'), 'utf8');

interface Options {
  sources?: readonly Source[];
  /** The ledger, as claims.yaml text. */
  claims?: string;
  /** Where the file is, relative to the root (/x). */
  file?: string;
  plugin?: boolean;
  site?: string;
  /** The text the corpus read, when it differs from the text compiled (a file changed mid-build). */
  corpusText?: string;
}

/** The corpus the content loaders would have built from this one file: what the plugin renders from. */
function corpusFor(text: string, options: Options) {
  const list = options.sources ?? sources;
  const corpus = buildCorpus({
    sources: list,
    pages: [{ file: options.file ?? FILE, text: options.corpusText ?? text }],
    ...(options.claims ? { claims: { file: 'content/claims.yaml', text: options.claims } } : {}),
  });
  // The fixtures are bodies, not whole explainers: the frontmatter's own checks are tested in workbench/content-errors.
  corpus.problems = corpus.problems.filter((p) => !/frontmatter/u.test(p.message));
  return { corpus, sourceSlugs: list.map((s) => s.slug) };
}

function processor(text: string, options: Options = {}) {
  const base = unified().use(remarkParse).use(remarkMdx).use(remarkFrontmatter).use(remarkGfm);
  const site = corpusFor(text, options);
  const withPlugin = options.plugin === false ? base : base.use(remarkCitations, { corpus: () => site, root: '/x' });
  const hast = withPlugin.use(remarkRehype);
  // As in astro.config.mjs: the notes' print addresses come from rehype-print-urls.
  return (options.site ? hast.use(rehypePrintUrls, { site: options.site }) : hast).use(rehypeStringify);
}

async function render(text: string, options: Options = {}): Promise<string> {
  const path = options.file ? `/x/${options.file}` : PATH;
  return String(await processor(text, options).process(new VFile({ path, value: text })));
}

async function failure(text: string, options: Options = {}): Promise<Error> {
  try {
    await render(text, options);
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the processor to throw');
}

const monday = passage(sources, ACME, 'Acme said on Monday');
const globexMove = passage(sources, GLOBEX, 'Globex will move');
const initech = passage(sources, INITECH, 'Initech reported');

const WILL_NOT_RENEW = 'it%20%E2%80%9Cwill%20not%20renew%E2%80%9D%20the%20deal';

const html = await render(demo);
const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);

describe('remarkCitations in a unified pipeline', () => {
  it('turns each <Cite> into a superscript marker linking to the passage with a text fragment', () => {
    expect(html).toContain(
      `<sup class="cite-ref" id="ref-1" data-pagefind-ignore="">` +
        `<a href="/sources/${ACME}/#${monday.id}:~:text=${WILL_NOT_RENEW}" data-note="1">[1]` +
        `<span class="visually-hidden"> Acme signs a widget deal, ¶ 2</span></a></sup>`,
    );
    expect(html).toContain(
      `<sup class="cite-ref" id="ref-3" data-pagefind-ignore="">` +
        `<a href="/sources/${GLOBEX}/#${globexMove.id}:~:text=half%20of%20its%20workloads" data-note="3">[3]` +
        `<span class="visually-hidden"> Globex picks a second cloud, ¶ 2</span></a></sup>`,
    );
    expect(document.querySelectorAll('sup.cite-ref')).toHaveLength(5);
    expect(html).not.toContain('<Cite');
  });

  it('leaves no space before a marker, nor between markers', () => {
    expect(html).toContain('Acme will not renew<sup class="cite-ref" id="ref-1"');
    expect(html).toContain('Analysts were struck<sup class="cite-ref" id="ref-2"');
    expect(html).toMatch(/<\/sup><sup class="cite-ref" id="ref-3"/u);
    expect(html).toContain('</sup>.</p>');
    expect(html).not.toMatch(/\s<sup class="cite-ref"/u);
  });

  it('reuses the note number for a repeated citation, with its own ref id', () => {
    const markers = [...document.querySelectorAll('sup.cite-ref')].map((sup) => [
      sup.getAttribute('id'),
      sup.querySelector('a')?.getAttribute('data-note'),
      sup.querySelector('a')?.firstChild?.textContent,
    ]);
    expect(markers).toEqual([
      ['ref-1', '1', '[1]'],
      ['ref-2', '2', '[2]'],
      ['ref-3', '3', '[3]'],
      ['ref-4', '1', '[1]'],
      ['ref-5', '4', '[4]'],
    ]);
  });

  it('marks citations in table cells', () => {
    expect(html).toContain(
      `<td>Revenue<sup class="cite-ref" id="ref-5" data-pagefind-ignore=""><a href="/sources/${INITECH}/#${initech.id}:~:text=revenue%20of%20%243%20billion" data-note="4">[4]`,
    );
  });

  it('appends the notes section at the end', () => {
    expect(html).toContain(
      '<section class="notes" aria-labelledby="notes" data-pagefind-ignore=""><h2 id="notes">Sources</h2><ol class="notes-list"><li id="note-1">',
    );
    expect(html.trimEnd().endsWith('</ol></section>')).toBe(true);
    expect([...document.querySelectorAll('ol.notes-list > li')].map((li) => li.id)).toEqual([
      'note-1',
      'note-2',
      'note-3',
      'note-4',
    ]);
  });

  it('quotes the words as the source has them (curly quotes even where the author typed straight ones)', () => {
    expect(html).toContain('<q>it “will not renew” the deal</q>');
    expect(html).toContain('<q>a move analysts called ‘bold’</q>');
    expect(html).not.toContain('<q>it "will not renew" the deal</q>');
  });

  it('names the source in <cite>, gives ¶ N and links to the passage', () => {
    expect(html).toContain(
      `<q>it “will not renew” the deal</q> — <a href="/sources/${ACME}/#${monday.id}:~:text=${WILL_NOT_RENEW}"><cite>Acme signs a widget deal</cite>, ¶ 2</a></li>`,
    );
    const note4 = document.getElementById('note-4');
    expect(note4?.querySelector('cite')?.textContent).toBe('Initech quarterly report');
    expect(note4?.textContent).toContain('¶ 2');
  });

  it('with rehype-print-urls, gives each note the full address of its passage for print, with or without a final slash', async () => {
    for (const site of ['https://renegotiated.example/', 'https://renegotiated.example']) {
      expect(await render(demo, { site })).toContain(
        `data-print-url="https://renegotiated.example/sources/${ACME}/#${monday.id}"`,
      );
    }
  });

  it('links back with ^ for a note used once', () => {
    expect(html).toContain(
      '<li id="note-2"><span class="backrefs"><a href="#ref-2" class="backref">^<span class="visually-hidden"> back to the text</span></a></span> <q>',
    );
    const backrefs = document.querySelectorAll('#note-3 a.backref');
    expect([...backrefs].map((a) => a.getAttribute('href'))).toEqual(['#ref-3']);
  });

  it('links back with ^ a b for a note used several times', () => {
    expect(html).toContain(
      '<li id="note-1"><span class="backrefs">^ ' +
        '<a href="#ref-1" class="backref"><span class="visually-hidden">back to the text, use </span>a</a> ' +
        '<a href="#ref-4" class="backref"><span class="visually-hidden">back to the text, use </span>b</a> </span>',
    );
  });

  it('turns <Editorial> into <div class="editorial">', () => {
    expect(html).toContain('<div class="editorial"><p>Our own view, which needs no citation.</p></div>');
    expect(html).not.toContain('Editorial');
  });

  it('renders from the corpus and resolves nothing itself: a file changed since the corpus read it stops the build', async () => {
    const error = await failure(demo, {
      corpusText: demo.replace('quote=\'it "will not renew" the deal\'', 'quote="will not renew"'),
    });
    expect(error).not.toBeInstanceOf(ContentError);
    expect(error.message).toBe('content/explainers/demo.mdx changed while the site was being built; build again.');
  });

  it('numbers a second file’s notes from 1 again', async () => {
    const second = await render(`Only this <Cite source="${GLOBEX}" quote="by 2027" />.\n`);
    expect(second).toContain('id="ref-1"');
    expect(second).toContain('data-note="1">[1]');
    expect(second).toContain('<li id="note-1">');
    expect(second).not.toContain('note-2');
  });
});

describe('remarkCitations: files it leaves alone', () => {
  it('leaves a page without citations untouched', async () => {
    const text = '# About\n\nNothing here cites.\n\n- Nor here.\n';
    const html = await render(text, { file: 'content/pages/about.mdx' });
    expect(html).toBe(await render(text, { plugin: false }));
    expect(html).not.toContain('notes');
  });

  it('leaves a file the corpus does not know untouched (it is not a page of the site)', async () => {
    const text = 'Text <Cite source="nowhere" quote="q" />.\n';
    const file = new VFile({ path: '/x/src/elsewhere.mdx', value: text });
    const html = String(await processor(text).process(file));
    expect(html).toBe(await render(text, { plugin: false }));
  });

  it('leaves a file with nothing to cite untouched even when citations are required', async () => {
    const text = '# Just a heading\n\n## And another\n';
    expect(await render(text)).toBe(await render(text, { plugin: false }));
  });

  it('unwraps <Editorial> without adding notes when nothing is cited', async () => {
    const html = await render('<Editorial>\n\nOpinion.\n\n</Editorial>\n');
    expect(html).toBe('<div class="editorial"><p>Opinion.</p></div>');
  });
});

describe('remarkCitations: stopping the build', () => {
  it('throws a ContentError with file:line:column, the quote and a suggestion for a bad quote', async () => {
    const text =
      '---\ntitle: Bad\n---\n\nAcme will not <Cite source="acme-widget-deal" quote="it will never renew the deal" />.\n';
    const error = (await failure(text)) as ContentError;
    expect(error).toBeInstanceOf(ContentError);
    expect(error.message).toContain('content/explainers/demo.mdx:5:15: quote not found');
    expect(error.message).toContain('"it will never renew the deal"');
    expect(error.message).toContain('Did you mean (¶ 2):');
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatchObject({ file: 'content/explainers/demo.mdx', line: 5, column: 15 });
  });

  it('throws for an unknown source', async () => {
    const error = await failure('Text <Cite source="acme-deal" quote="will not renew" />.\n');
    expect(error.message).toContain('content/explainers/demo.mdx:1:6: the citation names source "acme-deal"');
    expect(error.message).toContain(`Did you mean "${ACME}"?`);
  });

  it('throws for an uncited sentence, naming its line and column', async () => {
    const text = `Cited <Cite source="${ACME}" quote="will not renew" />. This one cites nothing.\n`;
    const error = await failure(text);
    expect(error.message).toContain(
      'content/explainers/demo.mdx:1:66: this sentence has no citation: "This one cites nothing."',
    );
    expect(error.message).toContain('<Editorial>');
  });

  it('reports every problem of a file at once', async () => {
    const text = [
      `One <Cite source="${ACME}" quote="not in the source" />.`,
      '',
      'Two cites nothing.',
      '',
      `Three <Cite source="${ACME}" />.`,
      '',
    ].join('\n');
    const error = (await failure(text)) as ContentError;
    expect(error.message).toContain('3 problems');
    expect(error.problems.map((p) => [p.line, p.column])).toEqual(
      expect.arrayContaining([
        [1, 5],
        [3, 1],
        [5, 7],
      ]),
    );
  });

  it('does not require citations on a page that need not cite (About), but still checks the quotes', async () => {
    const relaxed = { file: 'content/pages/about.mdx' };
    await expect(render('Nothing cited.\n', relaxed)).resolves.toBe('<p>Nothing cited.</p>');
    const error = await failure(`Bad <Cite source="${ACME}" quote="nope nope" />.\n`, relaxed);
    expect(error.message).toContain('about.mdx:1:5: quote not found');
  });
});

describe("remarkCitations: counts from the ledger, and the site's own reasoning", () => {
  const ledger = [
    '- id: renews-no-more',
    '  claim: Acme will not renew the deal.',
    '  sources:',
    `    ${ACME}:`,
    '      status: states',
    '      quote: "will not renew"',
    `    ${GLOBEX}:`,
    '      status: silent',
    `    ${INITECH}:`,
    '      status: silent',
    '',
  ].join('\n');

  it("renders <Count> as the ledger's number in words, linked to the claim, capitalised at a sentence start", async () => {
    const text = `<Count claim="renews-no-more" one="report says" other="reports say" /> so <Cite source="${ACME}" quote="will not renew" />, and <Count claim="renews-no-more" status="silent" /> do not.\n`;
    const html = await render(text, { claims: ledger });
    expect(html).toContain('<a href="/claims/#renews-no-more" class="count" data-count="">One report says</a> so');
    expect(html).toContain('and <a href="/claims/#renews-no-more" class="count" data-count="">two</a> do not.');
  });

  it('renders <Count all> as the number of sources', async () => {
    const html = await render('Built from <Count all one="article" other="articles" />.\n', {
      file: 'content/pages/about.mdx',
    });
    expect(html).toBe('<p>Built from <span class="count" data-count="">three articles</span>.</p>');
  });

  it('stops the build when a counting sentence cites a source the count does not count', async () => {
    const text = `<Count claim="renews-no-more" one="report says" other="reports say" /> so <Cite source="${ACME}" quote="will not renew" /> <Cite source="${GLOBEX}" quote="by 2027" />.\n`;
    const error = (await failure(text, { claims: ledger })) as ContentError;
    expect(error.problems.map((p) => p.message)).toEqual([
      expect.stringContaining(
        `counts the sources that state claim "renews-no-more", but also cites "${GLOBEX}" (silent in the ledger)`,
      ),
    ]);
  });

  it('renders <Inference> with its visible label and an id, inline and as a block', async () => {
    const text = [
      `Acme said so on Monday <Cite source="${ACME}" quote="Acme said on Monday" />. <Inference>So it said it early in the week <Cite source="${ACME}" quote="Acme said on Monday" />.</Inference>`,
      '',
      '<Inference>',
      '',
      `The deal runs long <Cite source="${ACME}" quote="includes a non-exclusive license" />.`,
      '',
      '</Inference>',
      '',
    ].join('\n');
    const html = await render(text);
    expect(html).toContain(
      '<span class="inference" id="inference-1"><span class="inference__label">Our inference:</span> So it said it early in the week<sup',
    );
    expect(html).toContain(
      '<div class="inference" id="inference-2"><span class="inference__label">Our inference:</span> <p>The deal runs long<sup',
    );
  });
});

describe('remarkCitations: page furniture', () => {
  it('says a note quotes the page furniture around the article', async () => {
    const seed = 'Headline Of The Story\n\nThe story itself says something.\n\nShare this article on social media\n';
    const furniture = buildCatalog({
      seeds: [{ name: 'f.txt', path: 'seeds/f.txt', bytes: new TextEncoder().encode(seed) }],
      metadataText: [
        '- seed: f.txt',
        '  slug: furnished',
        '  title: Furnished',
        '  titleSupplied: true',
        '  publisher: not stated',
        '  byline: not stated',
        '  date: not stated',
        '  overrides:',
        '    - line: "Share this article on social media"',
        '      kind: furniture',
        '      label: Share widget',
        '',
      ].join('\n'),
      metadataFile: 'content/sources.yaml',
    }).sources;
    const html = await render(
      'Shared <Cite source="furnished" quote="Share this article" /> and said <Cite source="furnished" quote="says something" />.\n',
      { sources: furniture },
    );
    const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
    expect(document.querySelector('#note-1 .note-furniture')?.textContent).toBe(
      '(from the page furniture around the article)',
    );
    expect(document.querySelector('#note-2 .note-furniture')).toBeNull();
  });
});

describe('remarkReadingTime', () => {
  async function run(text: string, options?: { wordsPerMinute?: number }, data: Record<string, unknown> = {}) {
    const pipeline = unified().use(remarkParse).use(remarkMdx).use(remarkReadingTime, options);
    const file = new VFile({ path: PATH, value: text, data });
    await pipeline.run(pipeline.parse(file), file);
    return file.data as { astro?: { frontmatter?: Record<string, unknown> } };
  }

  it('sets words and minutesToRead in the Astro frontmatter', async () => {
    const data = await run('One two three four five six seven.\n');
    expect(data.astro?.frontmatter).toEqual({ words: 7, minutesToRead: 1, components: [] });
  });

  it('does not count the attributes of <Cite>', async () => {
    const data = await run('One two <Cite source="a-b" quote="many words here that are not read" /> three.\n');
    expect(data.astro?.frontmatter?.['words']).toBe(3);
  });

  it('names the components the document uses, whose words the page must add', async () => {
    const data = await run(
      'Intro <Cite source="a" quote="b" />.\n\n<TimelineEvents />\n\n<Cite source="c" quote="d" />\n',
    );
    expect(data.astro?.frontmatter?.['components']).toEqual(['Cite', 'TimelineEvents']);
    expect(data.astro?.frontmatter?.['words']).toBe(2);
  });

  it('rounds minutes at the given reading speed, and never says less than one minute', async () => {
    const words = (n: number) => `${Array.from({ length: n }, (_, i) => `w${i}`).join(' ')}\n`;
    expect((await run(words(25), { wordsPerMinute: 10 })).astro?.frontmatter?.['minutesToRead']).toBe(3);
    expect((await run(words(24), { wordsPerMinute: 10 })).astro?.frontmatter?.['minutesToRead']).toBe(2);
    expect((await run(words(3), { wordsPerMinute: 10 })).astro?.frontmatter?.['minutesToRead']).toBe(1);
    expect((await run(words(690))).astro?.frontmatter).toMatchObject({ words: 690, minutesToRead: 3 });
    expect((await run(''))?.astro?.frontmatter).toMatchObject({ words: 0, minutesToRead: 1 });
  });

  it('keeps frontmatter that Astro already put there', async () => {
    const data = await run('One two.\n', undefined, { astro: { frontmatter: { title: 'Kept' } } });
    expect(data.astro?.frontmatter).toEqual({ title: 'Kept', words: 2, minutesToRead: 1, components: [] });
  });
});
