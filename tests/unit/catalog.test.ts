import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCatalog, type Catalog, type SeedFile } from '../../src/lib/catalog.ts';
import { contentPaths, loadCatalog } from '../../src/lib/catalog-files.ts';
import { ContentError } from '../../src/lib/errors.ts';
import { parseSourcesMetadata } from '../../src/lib/metadata.ts';
import { toPassages } from '../../src/lib/passages/index.ts';
import { REPO } from './_support/passages.ts';

const META = 'content/sources.yaml';
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

const seed = (name: string, content: string | Uint8Array): SeedFile => ({
  name,
  path: `seeds/${name}`,
  bytes: typeof content === 'string' ? utf8(content) : content,
});

const ARTICLE =
  'Council Ends the Monopoly\n\nThe council and Northwind rewrote their contract on Monday.\n\nRiders will see more bikes.\n';

function metadataEntry(seedName: string, slug: string, extra: string[] = []): string {
  return [
    `- seed: ${seedName}`,
    `  slug: ${slug}`,
    '  title: Council ends the monopoly',
    '  titleSupplied: true',
    '  publisher: The Gazette',
    '  byline: A. Reporter',
    '  date: May 4, 2026',
    ...extra,
  ].join('\n');
}

function build(seeds: SeedFile[], metadataText: string | undefined = ''): Catalog {
  return buildCatalog({ seeds, metadataText, metadataFile: META });
}

function contentError(run: () => unknown): ContentError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ContentError);
    return error as ContentError;
  }
  throw new Error('expected a ContentError, but the catalog was built');
}

describe('buildCatalog: a seed with metadata', () => {
  const bytes = utf8(ARTICLE);
  const catalog = build(
    [seed('000_aaaa.txt', bytes)],
    `${metadataEntry('000_aaaa.txt', 'monopoly-ends', ['  dateIso: 2026-05-04'])}\n`,
  );

  it('uses the metadata', () => {
    expect(catalog.sources).toHaveLength(1);
    const { passages, ...source } = catalog.sources[0]!;
    expect(source).toEqual({
      slug: 'monopoly-ends',
      title: 'Council ends the monopoly',
      titleSupplied: true,
      publisher: 'The Gazette',
      byline: 'A. Reporter',
      date: 'May 4, 2026',
      dateIso: '2026-05-04',
      seed: '000_aaaa.txt',
      sha256: sha256(bytes),
      curated: true,
    });
    expect(passages).toEqual(toPassages(ARTICLE).passages);
  });

  it('gives no warnings', () => {
    expect(catalog.warnings).toEqual([]);
  });

  it('leaves out dateIso when the metadata has none', () => {
    const source = build([seed('000_aaaa.txt', ARTICLE)], metadataEntry('000_aaaa.txt', 'x')).sources[0];
    expect(source).not.toHaveProperty('dateIso');
  });

  it('applies the entry’s overrides to its seed only', () => {
    const catalog2 = build(
      [seed('000_aaaa.txt', ARTICLE), seed('001_bbbb.txt', ARTICLE)],
      [
        metadataEntry('000_aaaa.txt', 'first', [
          '  overrides:',
          '    - line: "Riders will see more bikes."',
          '      kind: furniture',
          '      label: Teaser',
        ]),
        metadataEntry('001_bbbb.txt', 'second'),
      ].join('\n\n'),
    );
    expect(catalog2.sources[0]?.passages.at(-1)).toMatchObject({ kind: 'furniture', label: 'Teaser' });
    expect(catalog2.sources[1]?.passages.at(-1)).toMatchObject({ kind: 'paragraph' });
  });
});

describe('buildCatalog: a seed without metadata', () => {
  it('gets its slug from the file name, its title from its opening heading, and "not stated" for the rest', () => {
    const bytes = utf8(ARTICLE);
    const catalog = build([seed('007_New-Story.txt', bytes)]);
    const { passages, ...source } = catalog.sources[0]!;
    expect(source).toEqual({
      slug: '007-new-story',
      title: 'Council Ends the Monopoly',
      titleSupplied: false,
      publisher: 'not stated',
      byline: 'not stated',
      date: 'not stated',
      seed: '007_New-Story.txt',
      sha256: sha256(bytes),
      curated: false,
    });
    expect(passages).toHaveLength(3);
  });

  it('is warned about, naming the seed, the metadata file, the URL and the title', () => {
    const { warnings } = build([seed('007_New-Story.txt', ARTICLE)]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('seeds/007_New-Story.txt');
    expect(warnings[0]).toContain(META);
    expect(warnings[0]).toContain('/sources/007-new-story/');
    expect(warnings[0]).toContain('"Council Ends the Monopoly"');
  });

  it('skips opening furniture when looking for its title', () => {
    const source = build([
      seed('008.txt', ', , ,\n\nRead in other languages: Deutsch\nThe Real Title Here\n\nBody text.'),
    ]).sources[0];
    expect(source).toMatchObject({ title: 'The Real Title Here', titleSupplied: false });
  });

  it('gets "Untitled source (…)" and titleSupplied when it opens with a paragraph', () => {
    const source = build([
      seed('007_New-Story.txt', 'The council rewrote its contract on Monday, ending the monopoly.\n\nWhat Changed\n'),
    ]).sources[0];
    expect(source).toMatchObject({ title: 'Untitled source (007_New-Story.txt)', titleSupplied: true, curated: false });
  });

  it('gets "Untitled source (…)" when it opens with a list', () => {
    const source = build([seed('009.txt', '- One thing.\n- Another thing.\n')]).sources[0];
    expect(source?.title).toBe('Untitled source (009.txt)');
  });

  it.each([
    ['007_New-Story.txt', '007-new-story'],
    ['004_fa64b385c398ed41.txt', '004-fa64b385c398ed41'],
    ['  Spaces & Symbols!!.txt', 'spaces-symbols'],
    ['Ünïcödé_Straße.txt', 'unicode-strasse'],
  ])('%j gets the slug %j', (name, slug) => {
    expect(build([seed(name, ARTICLE)]).sources[0]?.slug).toBe(slug);
  });

  it('gets a stable slug from a hash of the name when the name has no Latin letters or digits', () => {
    const slugs = ['___.txt', '한국어.txt', '日本語.txt'].map((name) => build([seed(name, ARTICLE)]).sources[0]?.slug);
    for (const slug of slugs) expect(slug).toMatch(/^source-[0-9a-f]{8}$/u);
    expect(new Set(slugs).size).toBe(3);
    expect(build([seed('한국어.txt', ARTICLE)]).sources[0]?.slug).toBe(slugs[1]);
  });

  it('always gets a URL-safe slug, whatever the file name', () => {
    for (const name of ['Ünïcödé.txt', '한국어.txt', 'a--b.txt', '-x-.txt', 'UPPER CASE.TXT.txt']) {
      expect(build([seed(name, ARTICLE)]).sources[0]?.slug, name).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    }
  });

  it('works without a metadata file at all', () => {
    const catalog = build([seed('001.txt', ARTICLE), seed('002.txt', ARTICLE)], undefined);
    expect(catalog.sources.map((s) => s.curated)).toEqual([false, false]);
    expect(catalog.warnings).toHaveLength(2);
  });
});

describe('buildCatalog: problems stop the build with every problem at once', () => {
  it('a metadata entry for a seed that does not exist names the metadata file and the entry’s line', () => {
    const metadata = `# header\n\n${metadataEntry('000_aaaa.txt', 'a')}\n\n${metadataEntry('999_gone.txt', 'gone')}\n`;
    const error = contentError(() => build([seed('000_aaaa.txt', ARTICLE)], metadata));
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatchObject({ file: META, line: 11 });
    expect(error.message).toContain(`${META}:11: `);
    expect(error.message).toContain('999_gone.txt');
    expect(error.message).toContain('Fix:');
  });

  it('an override that matches no line names the override’s line', () => {
    const metadata = metadataEntry('000_aaaa.txt', 'a', [
      '  overrides:',
      '    - line: "Riders will see more bikes."',
      '      kind: furniture',
      '    - startsWith: "Nothing like this"',
      '      kind: heading',
    ]);
    const error = contentError(() => build([seed('000_aaaa.txt', ARTICLE)], metadata));
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatchObject({ file: META, line: 11 });
    expect(error.message).toContain(`${META}:11: `);
    expect(error.message).toContain('000_aaaa.txt');
    expect(error.message).toMatch(/matches no line/);
  });

  it('two seeds without metadata whose names give the same slug', () => {
    const error = contentError(() => build([seed('007_New Story.txt', ARTICLE), seed('007-new-story.txt', ARTICLE)]));
    expect(error.problems).toHaveLength(1);
    expect(error.message).toContain('"007-new-story"');
    expect(error.message).toContain('seeds/007_New Story.txt');
    expect(error.message).toContain('seeds/007-new-story.txt');
    expect(error.problems[0]?.fix).toContain(META);
  });

  it('a curated slug that another seed’s default slug already uses', () => {
    const error = contentError(() =>
      build([seed('000_aaaa.txt', ARTICLE), seed('my-slug.txt', ARTICLE)], metadataEntry('000_aaaa.txt', 'my-slug')),
    );
    expect(error.message).toContain('"my-slug"');
  });

  it('an empty seed names seeds/<name> and says how to fix it', () => {
    const error = contentError(() => build([seed('005_empty.txt', new Uint8Array(0)), seed('006.txt', ARTICLE)]));
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatchObject({ file: 'seeds/005_empty.txt', line: 1 });
    expect(error.message).toContain('seeds/005_empty.txt:1: ');
    expect(error.message).toContain('Fix:');
  });

  it('a whitespace-only seed names seeds/<name> and says how to fix it', () => {
    const error = contentError(() => build([seed('005_blank.txt', ' \n\t\r\n  \n')]));
    expect(error.message).toContain('seeds/005_blank.txt:1: ');
    expect(error.message).toContain('Fix:');
  });

  it('a seed that is not UTF-8 names the seed and the line', () => {
    const bytes = Uint8Array.from([...utf8('Title\n\nOpenAI'), 0x92, ...utf8('s deal.\n')]);
    const error = contentError(() => build([seed('005_cp1252.txt', bytes)]));
    expect(error.message).toContain('seeds/005_cp1252.txt:3: ');
  });

  it('reports several problems together', () => {
    const metadata = [
      metadataEntry('000_aaaa.txt', 'Bad Slug'),
      metadataEntry('999_gone.txt', 'gone'),
      metadataEntry('001_bbbb.txt', 'b', ['  overrides:', '    - line: "Not in the seed"', '      kind: heading']),
    ].join('\n\n');
    const error = contentError(() =>
      build(
        [
          seed('000_aaaa.txt', ARTICLE),
          seed('001_bbbb.txt', ARTICLE),
          seed('002_empty.txt', ''),
          seed('003_blank.txt', '   \n'),
        ],
        metadata,
      ),
    );
    expect(error.problems).toHaveLength(5);
    expect(error.message).toContain('5 problems');
    expect(error.problems.map((p) => `${p.file}:${p.line}`).sort()).toEqual(
      [`${META}:2`, `${META}:9`, `${META}:25`, 'seeds/002_empty.txt:1', 'seeds/003_blank.txt:1'].sort(),
    );
    for (const problem of error.problems) expect(problem.fix.length).toBeGreaterThan(0);
  });

  it('a YAML syntax error in the metadata stops the build', () => {
    const error = contentError(() => build([seed('000_aaaa.txt', ARTICLE)], '- seed: [unclosed\n'));
    expect(error.problems[0]?.file).toBe(META);
  });
});

describe('buildCatalog: the text is kept as plain text', () => {
  it('keeps HTML, scripts and javascript: URLs as text, unchanged', () => {
    const lines = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      'javascript:alert(1)',
      'A paragraph with <b>tags</b> &amp; entities &lt;kept&gt; as written.',
    ];
    const { passages } = build([seed('001_html.txt', lines.join('\n\n'))]).sources[0]!;
    expect(passages.map((p) => p.text)).toEqual(lines);
    for (const p of passages) expect(p.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('gives two identical paragraphs the ids x and x-2', () => {
    const text = 'The council said it would decide soon.\n\nWhat Changed\n\nThe council said it would decide soon.\n';
    const { passages } = build([seed('001.txt', text)]).sources[0]!;
    const [first, , third] = passages;
    expect(first?.id).toMatch(/^the-council-said-it-[0-9a-f]{6}$/);
    expect(third?.id).toBe(`${first?.id}-2`);
    expect(passages.map((p) => p.ordinal)).toEqual([1, 2, 3]);
  });

  it('splits a CRLF seed exactly like its LF version (same passages, same ids, same lines)', () => {
    const lf = build([seed('001.txt', ARTICLE)]).sources[0]!;
    const crlf = build([seed('001.txt', ARTICLE.replace(/\n/g, '\r\n'))]).sources[0]!;
    expect(crlf.passages).toEqual(lf.passages);
    expect(crlf.sha256).not.toBe(lf.sha256);
  });

  it('splits a CR-only seed exactly like its LF version', () => {
    const lf = build([seed('001.txt', ARTICLE)]).sources[0]!;
    const cr = build([seed('001.txt', ARTICLE.replace(/\n/g, '\r'))]).sources[0]!;
    expect(cr.passages).toEqual(lf.passages);
  });

  it('drops a BOM: the first passage (and its id) is as without it', () => {
    const lf = build([seed('001.txt', ARTICLE)]).sources[0]!;
    const bom = build([seed('001.txt', Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(ARTICLE)]))]).sources[0]!;
    expect(bom.passages[0]?.text).toBe('Council Ends the Monopoly');
    expect(bom.passages[0]?.text.includes('\uFEFF')).toBe(false);
    expect(bom.passages).toEqual(lf.passages);
    expect(bom.title).toBe('Council Ends the Monopoly');
  });

  it('lists sources in seed-name order, whatever order the files come in', () => {
    const catalog = build([
      seed('010.txt', ARTICLE),
      seed('002.txt', 'Second Story\n'),
      seed('001.txt', 'First Story\n'),
    ]);
    expect(catalog.sources.map((s) => s.seed)).toEqual(['001.txt', '002.txt', '010.txt']);
  });
});

describe('loadCatalog on the real repository', () => {
  const catalog = loadCatalog(contentPaths(REPO, {}));
  const metadata = parseSourcesMetadata(readFileSync(join(REPO, META), 'utf8'), META);
  const sums = new Map(
    readFileSync(join(REPO, 'seeds/SHA256SUMS'), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((line) => {
        const [hash, name] = line.split(/\s+\*?/u);
        return [name as string, hash as string];
      }),
  );

  it('has the five sources, with the slugs of content/sources.yaml', () => {
    expect(catalog.sources).toHaveLength(5);
    expect(catalog.sources.map((s) => [s.seed, s.slug])).toEqual(
      metadata.entries
        .map((e) => [e.metadata.seed, e.metadata.slug])
        .sort(([a], [b]) => String(a).localeCompare(String(b))),
    );
    expect(catalog.sources.every((s) => s.curated)).toBe(true);
  });

  it('has no warnings', () => {
    expect(catalog.warnings).toEqual([]);
  });

  it('records for every seed the checksum listed in seeds/SHA256SUMS', () => {
    expect(sums.size).toBe(5);
    for (const source of catalog.sources) {
      expect(source.sha256, source.seed).toBe(sums.get(source.seed));
    }
  });

  it('gives every passage a unique id and an ordinal in order', () => {
    for (const source of catalog.sources) {
      const ids = source.passages.map((p) => p.id);
      expect(new Set(ids).size, source.slug).toBe(ids.length);
      expect(source.passages.map((p) => p.ordinal)).toEqual(source.passages.map((_, i) => i + 1));
    }
  });
});

describe('loadCatalog on a fixture folder', () => {
  const root = join(REPO, 'tests/fixtures/unit/catalog');

  it('reads only the .txt files of seeds/, with repository-relative paths in messages', () => {
    const catalog = loadCatalog(contentPaths(root, {}));
    expect(catalog.sources.map((s) => [s.seed, s.slug, s.curated])).toEqual([
      ['001_curated-story.txt', 'bike-share-monopoly-ends', true],
      ['002_New-Story.txt', '002-new-story', false],
    ]);
    expect(catalog.sources[0]).toMatchObject({ publisher: 'The Fixture Gazette', dateIso: '2026-05-04' });
    expect(catalog.sources[1]).toMatchObject({ title: 'A Second Story Without Metadata', titleSupplied: false });
    expect(catalog.warnings).toHaveLength(2);
    expect(catalog.warnings[0]).toContain('seeds/002_New-Story.txt has no entry in content/sources.yaml');
    // The fixture has no seeds/SHA256SUMS: one warning for the folder, not one per seed.
    expect(catalog.warnings[1]).toContain(
      'seeds/SHA256SUMS does not exist, so nothing proves the 2 seed file(s) are unedited',
    );
  });

  it('follows RENEGOTIATED_SEEDS and RENEGOTIATED_SOURCES_META, relative to the root', () => {
    const paths = contentPaths(REPO, {
      RENEGOTIATED_SEEDS: 'tests/fixtures/unit/catalog/seeds',
      RENEGOTIATED_SOURCES_META: 'tests/fixtures/unit/catalog/content/sources.yaml',
    });
    expect(paths.seedsDir).toBe(join(root, 'seeds'));
    expect(paths.metadataFile).toBe(join(root, 'content/sources.yaml'));
    const catalog = loadCatalog(paths);
    expect(catalog.sources.map((s) => s.slug)).toEqual(['bike-share-monopoly-ends', '002-new-story']);
    expect(catalog.warnings[0]).toContain('tests/fixtures/unit/catalog/seeds/002_New-Story.txt');
    expect(catalog.warnings[0]).toContain('tests/fixtures/unit/catalog/content/sources.yaml');
  });

  it('follows RENEGOTIATED_CONTENT for the metadata file', () => {
    const paths = contentPaths(REPO, { RENEGOTIATED_CONTENT: 'tests/fixtures/unit/catalog/content' });
    expect(paths.metadataFile).toBe(join(root, 'content/sources.yaml'));
    expect(paths.seedsDir).toBe(join(REPO, 'seeds'));
  });

  it('works without a metadata file: every seed uncurated, with a warning each', () => {
    const catalog = loadCatalog({ ...contentPaths(root, {}), metadataFile: join(root, 'content/does-not-exist.yaml') });
    expect(catalog.sources.map((s) => s.curated)).toEqual([false, false]);
    expect(catalog.sources[0]?.slug).toBe('001-curated-story');
    expect(catalog.warnings.filter((w) => w.includes('has no entry'))).toHaveLength(2);
  });
});
