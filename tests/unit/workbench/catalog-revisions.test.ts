// The catalog reads a source's versions (seeds/revisions/, listed in content/sources.yaml) and checks
// every seed file against seeds/SHA256SUMS.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildCatalog, checkChecksums, type SeedFile } from '../../../src/lib/catalog.ts';
import { ContentError, formatProblem } from '../../../src/lib/errors.ts';
import { appendToManifest, parseManifest } from '../../../src/lib/seed-manifest.ts';

const META = 'content/sources.yaml';
const utf8 = (text: string) => new TextEncoder().encode(text);
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const file = (name: string, text: string): SeedFile => ({ name, path: `seeds/${name}`, bytes: utf8(text) });

const V1 =
  'Council Ends the Monopoly\n\nThe council rewrote its contract with Northwind on Monday.\n\nRiders will see 500 more bikes.\n';
const V2 =
  'Council Ends the Monopoly\n\nThe council rewrote its contract with Northwind on Monday.\n\nRiders will see 300 more bikes.\n';

const entry = (revisions: string[] = [], extra: string[] = []) =>
  [
    '- seed: 001_story.txt',
    '  slug: monopoly-ends',
    '  title: Council ends the monopoly',
    '  titleSupplied: false',
    '  publisher: The Gazette',
    '  byline: A. Reporter',
    '  date: May 4, 2026',
    '  dateIso: 2026-05-04',
    ...extra,
    ...(revisions.length ? ['  revisions:', ...revisions] : []),
    '',
  ].join('\n');

function problems(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ContentError);
    return (error as ContentError).problems.map((p) => formatProblem(p).split('\n')[0] as string);
  }
  throw new Error('expected a ContentError');
}

describe('a source with a revision', () => {
  const catalog = buildCatalog({
    seeds: [file('001_story.txt', V1)],
    revisions: [file('revisions/001_story.2.txt', V2)],
    metadataText: entry([
      '    - seed: revisions/001_story.2.txt',
      '      date: 2026-05-06',
      '      note: Corrected the number of bikes.',
    ]),
    metadataFile: META,
  });
  const source = catalog.sources[0];

  it('shows the current version, and keeps the original as version 1 (its file and checksum stay the source’s)', () => {
    expect(source?.passages.map((p) => p.text).at(-1)).toBe('Riders will see 300 more bikes.');
    expect(source?.seed).toBe('001_story.txt');
    expect(source?.sha256).toBe(sha(utf8(V1)));
    expect(source?.versions?.map(({ passages: _p, ...v }) => v)).toEqual([
      { version: 1, seed: '001_story.txt', sha256: sha(utf8(V1)), date: '2026-05-04' },
      {
        version: 2,
        seed: 'revisions/001_story.2.txt',
        sha256: sha(utf8(V2)),
        date: '2026-05-06',
        note: 'Corrected the number of bikes.',
      },
    ]);
  });

  it('lists the changed passage’s old id as former, landing on the corrected passage', () => {
    const old = source?.versions?.[0]?.passages.at(-1);
    expect(source?.former).toEqual([
      expect.objectContaining({
        id: old?.id,
        text: 'Riders will see 500 more bikes.',
        change: 'revised',
        successor: source?.passages.at(-1)?.id,
        revisedOn: '2026-05-06',
      }),
    ]);
    expect(source?.log?.[0]?.changes.map((c) => c.type)).toEqual(['revised']);
  });

  it('a source without revisions carries none of this', () => {
    const plain = buildCatalog({ seeds: [file('001_story.txt', V1)], metadataText: entry(), metadataFile: META });
    expect(plain.sources[0]).not.toHaveProperty('versions');
    expect(plain.sources[0]).not.toHaveProperty('former');
  });
});

describe('revision problems name the line of the entry', () => {
  it('a revision file that does not exist', () => {
    const text = entry(['    - seed: revisions/001_story.2.txt', '      date: 2026-05-06']);
    expect(
      problems(() => buildCatalog({ seeds: [file('001_story.txt', V1)], metadataText: text, metadataFile: META })),
    ).toEqual([`${META}:10: the revision names seeds/revisions/001_story.2.txt, which does not exist.`]);
  });

  it('a revision dated before the version it revises', () => {
    const text = entry(['    - seed: revisions/001_story.2.txt', '      date: 2026-05-01']);
    expect(
      problems(() =>
        buildCatalog({
          seeds: [file('001_story.txt', V1)],
          revisions: [file('revisions/001_story.2.txt', V2)],
          metadataText: text,
          metadataFile: META,
        }),
      ),
    ).toEqual([`${META}:10: this revision is dated 2026-05-01, before the version it revises (2026-05-04).`]);
  });

  it('a revision seed outside seeds/revisions/, or a date that is not a date', () => {
    const text = entry(['    - seed: 002_other.txt', '      date: May 6']);
    const found = problems(() =>
      buildCatalog({ seeds: [file('001_story.txt', V1)], metadataText: text, metadataFile: META }),
    );
    expect(found.join('\n')).toContain('must be the name of a .txt file in seeds/revisions/');
    expect(found.join('\n')).toContain('revisions.0.date');
  });

  it('a revision file no source lists is not published, and says so', () => {
    const catalog = buildCatalog({
      seeds: [file('001_story.txt', V1)],
      revisions: [file('revisions/stray.txt', V2)],
      metadataText: entry(),
      metadataFile: META,
    });
    expect(catalog.warnings).toEqual([
      expect.stringContaining('seeds/revisions/stray.txt is not a revision of any source'),
    ]);
  });

  it('an override that only the original needs is not stale', () => {
    const text = entry(
      ['    - seed: revisions/001_story.2.txt', '      date: 2026-05-06'],
      ['  overrides:', '    - line: "Riders will see 500 more bikes."', '      kind: paragraph'],
    );
    expect(() =>
      buildCatalog({
        seeds: [file('001_story.txt', V1)],
        revisions: [file('revisions/001_story.2.txt', V2)],
        metadataText: text,
        metadataFile: META,
      }),
    ).not.toThrow();
  });
});

describe('seeds/SHA256SUMS', () => {
  const seeds = [file('001_story.txt', V1), file('002_other.txt', V2)];
  const manifest = (text: string | undefined) => ({ text, file: 'seeds/SHA256SUMS' });

  it('a seed with its checksum line passes', () => {
    const text = `${sha(seeds[0]!.bytes)}  001_story.txt\n${sha(seeds[1]!.bytes)}  002_other.txt\n`;
    expect(checkChecksums(manifest(text), seeds)).toEqual({ problems: [], warnings: [] });
  });

  it('a seed without one makes the build warn, naming it and the command that records it', () => {
    const { problems: found, warnings } = checkChecksums(manifest(`${sha(seeds[0]!.bytes)}  001_story.txt\n`), seeds);
    expect(found).toEqual([]);
    expect(warnings).toEqual([
      'seeds/002_other.txt has no checksum in seeds/SHA256SUMS, so nothing proves they are unedited. `npm run add-source` records it; by hand: cd seeds && sha256sum <file> >> SHA256SUMS',
    ]);
  });

  it('many seeds without one: one warning that counts them', () => {
    const many = Array.from({ length: 8 }, (_, i) => file(`00${i}_s.txt`, `Story ${i}.\n`));
    const { warnings } = checkChecksums(manifest(''), many);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /^8 seed files have no checksum in seeds\/SHA256SUMS \(seeds\/000_s\.txt, .*, and 3 more\)/u,
    );
  });

  it('no manifest at all: one warning', () => {
    expect(checkChecksums(manifest(undefined), seeds).warnings).toEqual([
      expect.stringContaining('seeds/SHA256SUMS does not exist'),
    ]);
  });

  it('an edited seed stops the build: seeds are never edited, a correction is a new version', () => {
    const text = `${sha(utf8('something else'))}  001_story.txt\n${sha(seeds[1]!.bytes)}  002_other.txt\n`;
    const { problems: found } = checkChecksums(manifest(text), seeds);
    expect(found.map((p) => formatProblem(p))).toEqual([
      expect.stringMatching(
        /^seeds\/001_story\.txt:1: this seed has changed since it was recorded: .*\n {2}Fix: seeds are never edited: .*--revise <slug> <file>\.$/u,
      ),
    ]);
  });

  it('appendToManifest writes sha256sum’s format, which parseManifest reads back', () => {
    const text = appendToManifest(
      appendToManifest(undefined, 'a'.repeat(64), '001_story.txt'),
      'b'.repeat(64),
      'revisions/001_story.2.txt',
    );
    expect(text).toBe(`${'a'.repeat(64)}  001_story.txt\n${'b'.repeat(64)}  revisions/001_story.2.txt\n`);
    expect([...parseManifest(text).entries.keys()]).toEqual(['001_story.txt', 'revisions/001_story.2.txt']);
    expect(appendToManifest('x', 'c'.repeat(64), 'n.txt')).toBe(`x\n${'c'.repeat(64)}  n.txt\n`);
  });
});
