// Small in-memory sources for the citation tests, built by the real catalog code.
import { resolve } from 'node:path';
import { buildCatalog, type Source } from '../../../src/lib/catalog.ts';
import type { Passage } from '../../../src/lib/passages/index.ts';

/** The repository root. */
export const REPO = resolve(import.meta.dirname, '../../..');
export const FIXTURES = resolve(REPO, 'tests/fixtures/citations');

export const ACME = 'acme-widget-deal';
export const GLOBEX = 'globex-cloud-pact';
export const INITECH = 'initech-report';

const SEEDS: Record<string, string> = {
  'a.txt': [
    'Acme Signs Deal With Widget Co',
    '',
    'Acme said on Monday that it \u201cwill not renew\u201d the deal \u2014 a move analysts called \u2018bold\u2019.',
    '',
    'The deal runs to 2030. Analysts said the deal was bold.',
    '',
    'The deal runs to 2030 and includes a non-exclusive license.',
    '',
  ].join('\n'),
  'b.txt': [
    'Globex Picks A Second Cloud',
    '',
    'Globex will move half of its workloads to a second provider by 2027.',
    '',
    'Its chief executive said the company \u201ccan\u2019t depend on one cloud.\u201d',
    '',
  ].join('\n'),
  'c.txt': ['Initech Reports Results', '', 'Initech reported revenue of $3 billion for the quarter.', ''].join('\n'),
};

const METADATA = `
- seed: a.txt
  slug: ${ACME}
  title: Acme signs a widget deal
  titleSupplied: true
  publisher: not stated
  byline: not stated
  date: not stated

- seed: b.txt
  slug: ${GLOBEX}
  title: Globex picks a second cloud
  titleSupplied: true
  publisher: not stated
  byline: not stated
  date: not stated

- seed: c.txt
  slug: ${INITECH}
  title: Initech quarterly report
  titleSupplied: true
  publisher: not stated
  byline: not stated
  date: not stated
`;

export function testSources(): Source[] {
  const encoder = new TextEncoder();
  return buildCatalog({
    seeds: Object.entries(SEEDS).map(([name, text]) => ({ name, path: `seeds/${name}`, bytes: encoder.encode(text) })),
    metadataText: METADATA,
    metadataFile: 'content/sources.yaml',
  }).sources;
}

export function sourceBySlug(sources: readonly Source[], slug: string): Source {
  const source = sources.find((s) => s.slug === slug);
  if (!source) throw new Error(`no source ${slug}`);
  return source;
}

/** The passage of a source whose text starts with the given words. */
export function passage(sources: readonly Source[], slug: string, startsWith: string): Passage {
  const found = sourceBySlug(sources, slug).passages.find((p) => p.text.startsWith(startsWith));
  if (!found) throw new Error(`no passage of ${slug} starts with ${startsWith}`);
  return found;
}

/** 1-based line and column of the offset in a text. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1) as string).length + 1 };
}
