import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentPaths, loadCatalog } from '../../../src/lib/catalog-files.ts';
import { loadCorpus, requiresCitations } from '../../../src/lib/citations/corpus.ts';
import { analyseTree } from '../../../src/lib/citations/mdx.ts';
import { parseMdx } from '../../../src/lib/citations/parse-mdx.ts';
import { TIMELINE_URL, urlForContentFile } from '../../../src/lib/routes.ts';
import { lineColumn, REPO } from './support.ts';

const CONTENT = join(REPO, 'content');
const sources = loadCatalog(contentPaths(REPO, {})).sources;

describe('requiresCitations and urlForContentFile', () => {
  it('requires citations in explainers and the home page only', () => {
    expect(requiresCitations('content/explainers/exclusivity.mdx')).toBe(true);
    expect(requiresCitations('content/explainers/x.md')).toBe(true);
    expect(requiresCitations('content\\explainers\\x.mdx')).toBe(true);
    expect(requiresCitations('content/pages/home.mdx')).toBe(true);
    expect(requiresCitations('content/pages/about.mdx')).toBe(false);
    expect(requiresCitations('content/pages/homework.mdx')).toBe(false);
    expect(requiresCitations('content/timeline.yaml')).toBe(false);
  });

  it('maps content files to their URLs', () => {
    expect(urlForContentFile('content/explainers/exclusivity.mdx')).toBe('/explainers/exclusivity/');
    expect(urlForContentFile('content/pages/home.mdx')).toBe('/');
    expect(urlForContentFile('content/pages/about.mdx')).toBe('/about/');
    expect(urlForContentFile('content/timeline.yaml')).toBeUndefined();
    expect(TIMELINE_URL).toBe('/explainers/timeline/');
  });
});

describe('loadCorpus on the real repository', () => {
  const corpus = loadCorpus(REPO, CONTENT, sources);
  const explainers = readdirSync(join(CONTENT, 'explainers'))
    .filter((n) => n.endsWith('.mdx'))
    .sort();

  it('has sources to cite', () => {
    expect(sources.length).toBeGreaterThanOrEqual(5);
  });

  it('has no problems', () => {
    expect(corpus.problems).toEqual([]);
  });

  it('cites every source', () => {
    expect(corpus.index.uncited).toEqual([]);
    const cited = new Set(corpus.index.documents.flatMap((d) => d.uses.map((u) => u.source)));
    expect([...cited].sort()).toEqual(sources.map((s) => s.slug).sort());
  });

  it('gives each explainer a document at /explainers/<id>/ with its frontmatter title', () => {
    expect(explainers.length).toBeGreaterThanOrEqual(1);
    for (const name of explainers) {
      const file = `content/explainers/${name}`;
      const doc = corpus.index.documents.find((d) => d.file === file);
      expect(doc, file).toBeDefined();
      expect(doc?.url).toBe(`/explainers/${basename(name, '.mdx')}/`);
      const { frontmatter } = parseMdx(readFileSync(join(CONTENT, 'explainers', name), 'utf8'));
      expect(doc?.title).toBe(frontmatter['title']);
      expect(doc?.uses.length, file).toBeGreaterThan(0);
    }
  });

  it('maps home.mdx to / and about.mdx to /about/', () => {
    expect(corpus.index.documents.find((d) => d.file === 'content/pages/home.mdx')?.url).toBe('/');
    expect(corpus.index.documents.find((d) => d.file === 'content/pages/about.mdx')?.url).toBe('/about/');
  });

  it('requires citations of the explainers and home, which have them, but not of about.mdx, which has none', () => {
    for (const file of [...explainers.map((n) => `content/explainers/${n}`), 'content/pages/home.mdx']) {
      expect(requiresCitations(file), file).toBe(true);
    }
    expect(requiresCitations('content/pages/about.mdx')).toBe(false);
    const about = readFileSync(join(CONTENT, 'pages/about.mdx'), 'utf8');
    // About would fail the rule if it applied: its paragraphs cite nothing.
    expect(
      analyseTree(parseMdx(about).tree, 'content/pages/about.mdx', { requireCitations: true }).problems.length,
    ).toBeGreaterThan(0);
    expect(corpus.index.documents.find((d) => d.file === 'content/pages/about.mdx')?.uses).toEqual([]);
  });

  it('adds one document per timeline event, anchored at the event id on the timeline page', () => {
    expect(corpus.events.length).toBeGreaterThan(0);
    const timelineDocs = corpus.index.documents.filter((d) => d.file === 'content/timeline.yaml');
    expect(timelineDocs).toHaveLength(corpus.events.length);
    timelineDocs.forEach((doc, i) => {
      const event = corpus.events[i]?.located.event;
      expect(doc.url).toBe(TIMELINE_URL);
      expect(doc.title).toBe(`Timeline: ${event?.label}`);
      expect(doc.uses.every((u) => u.refId === event?.id)).toBe(true);
    });
    const backlinks = [...corpus.index.backlinks.values()].flat();
    const eventLinks = backlinks.filter((l) => l.title.startsWith('Timeline: '));
    expect(eventLinks.length).toBeGreaterThan(0);
    for (const link of eventLinks) {
      expect(link).not.toHaveProperty('note');
      expect(corpus.events.some((e) => link.href === `${TIMELINE_URL}#${e.located.event.id}`)).toBe(true);
    }
  });

  it('back-links every explainer citation to its marker', () => {
    const doc = corpus.index.documents.find((d) => d.file === 'content/explainers/exclusivity.mdx');
    const links = [...corpus.index.backlinks.values()].flat();
    for (const use of doc?.uses ?? []) {
      expect(links).toContainEqual({
        href: `/explainers/exclusivity/#${use.refId}`,
        title: doc?.title,
        note: use.note,
      });
    }
  });
});

describe('loadCorpus on a copy of content/ with one word of one quote changed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'renegotiated-corpus-'));
  const contentCopy = join(dir, 'content');
  cpSync(CONTENT, contentCopy, { recursive: true });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('has no problems before the change (the copy is faithful)', () => {
    expect(loadCorpus(dir, contentCopy, sources).problems).toEqual([]);
  });

  it('reports exactly one problem, naming the file, line and column, with "quote not found" and "Did you mean"', () => {
    const relative = 'content/explainers/exclusivity.mdx';
    const path = join(dir, relative);
    const original = readFileSync(path, 'utf8');
    const quote = 'quote="the Azure exclusivity arrangement that has defined their relationship since 2019"';
    expect(original.split(quote)).toHaveLength(2); // it occurs once
    const changed = original.replace(quote, quote.replace('defined', 'shaped'));
    writeFileSync(path, changed);

    const at = changed.indexOf(quote.replace('defined', 'shaped'));
    const expected = lineColumn(changed, changed.lastIndexOf('<Cite', at));
    expect(expected.line).toBeGreaterThan(5);

    const { problems } = loadCorpus(dir, contentCopy, sources);
    expect(problems).toHaveLength(1);
    const [problem] = problems;
    expect(problem).toMatchObject({ file: relative, line: expected.line, column: expected.column });
    expect(problem?.message).toContain('quote not found');
    expect(problem?.message).toContain(
      '"the Azure exclusivity arrangement that has shaped their relationship since 2019"',
    );
    // The suggestion is the stretch of the source with the most words in common.
    expect(problem?.message).toMatch(
      /Did you mean \(¶ \d+\): "[^"]*Azure exclusivity arrangement that has defined their relationship since/u,
    );
  });
});
