import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FixtureBuild } from '../support/fixture-build.ts';
import { buildFixture } from '../support/fixture-build.ts';
import { sentenceBeforeStack } from '../support/build-output.ts';
import { ROOT } from '../support/paths.ts';

const hostile = readFileSync(join(ROOT, 'tests/fixtures/build/hostile-seed.txt'), 'utf8');
const bom = Uint8Array.of(0xef, 0xbb, 0xbf);

// Each build is a fixture of its own (own folder and project root): they run side by side.
describe('fixture builds', { concurrent: true }, () => {
  describe('a sixth seed dropped into seeds/ (no code change, no metadata)', () => {
    // BOM + CRLF + HTML-looking text + duplicate paragraphs, all in one new file.
    const bytes = Buffer.concat([bom, Buffer.from(hostile.replace(/\n/gu, '\r\n'), 'utf8')]);
    let build: FixtureBuild;
    beforeAll(async () => {
      build = await buildFixture('sixth-seed', { extraSeeds: { '005_hostile-sample.txt': bytes } });
    });
    const html = () => readFileSync(join(build.outDir, 'sources/005-hostile-sample/index.html'), 'utf8');

    it('builds, and warns that the seed has no metadata, naming the file', () => {
      expect(build.status, build.output).toBe(0);
      expect(build.output).toMatch(/seeds\/005_hostile-sample\.txt has no entry in content\/sources\.yaml/u);
      // Nothing cites it yet: a warning, not an error.
      expect(build.output).toContain('No explainer, page or timeline event cites the source "005-hostile-sample".');
    });

    it('becomes a sixth source page with a slug from its file name and a title from its heading', () => {
      const { document } = parseHTML(html());
      expect(document.querySelector('h1')?.textContent).toBe('Hostile Input Survives As Text');
      const list = parseHTML(readFileSync(join(build.outDir, 'sources/index.html'), 'utf8')).document;
      expect(list.querySelectorAll('.card-list > li')).toHaveLength(6);
      expect(list.querySelector('a[href="/sources/005-hostile-sample/"]')).not.toBeNull();
    });

    it('shows markup from the seed as text, never as elements', () => {
      const page = html();
      const { document } = parseHTML(page);
      expect(
        document.querySelectorAll('.passages script, .passages img, .passages b, .passages a:not(.permalink)'),
      ).toHaveLength(0);
      expect(page).toContain('&lt;script&gt;window.__pwned = 1&lt;/script&gt;');
      expect(document.querySelector('.passages')?.textContent).toContain('<img src=x onerror="window.__pwned = 2">');
      expect(page).not.toMatch(/<img[^>]*onerror/iu);
    });

    it('gives identical paragraphs distinct ids and serves the original bytes (BOM and CRLF kept)', () => {
      const { document } = parseHTML(html());
      const twins = [...document.querySelectorAll('.passage')].filter((p) =>
        p.textContent?.includes('This paragraph appears twice'),
      );
      expect(twins).toHaveLength(2);
      expect(twins[1]?.id).toBe(`${twins[0]?.id}-2`);
      expect(readFileSync(join(build.outDir, 'sources/005-hostile-sample.txt')).equals(bytes)).toBe(true);
    });
  });

  describe('a paragraph of 40,000 words (one line, no break)', () => {
    // Deterministic filler: a source can be long, and one "passage" can be a whole article.
    const words = Array.from({ length: 40_000 }, (_, i) => ['deal', 'cloud', 'license', 'Azure', 'revenue'][i % 5]);
    const giant = `A Very Long Paragraph\n\n${words.join(' ')} zebrafish.\n`;
    let build: FixtureBuild;
    beforeAll(async () => {
      build = await buildFixture('giant-paragraph', { extraSeeds: { '006_giant.txt': giant } });
    });

    it('builds a page that holds it whole, as one passage, and Pagefind indexes it', async () => {
      expect(build.status, build.output).toBe(0);
      const page = readFileSync(join(build.outDir, 'sources/006-giant/index.html'), 'utf8');
      const { document } = parseHTML(page);
      const passage = [...document.querySelectorAll('.passage')].find((p) => p.textContent?.includes('zebrafish'));
      expect(passage?.textContent?.split(/\s+/u).filter((w) => w === 'cloud')).toHaveLength(8_000);
      expect(passage?.id).toMatch(/^deal-cloud-license-azure-[0-9a-f]{6}$/u);
      const pagefind = await import('pagefind');
      const { index } = await pagefind.createIndex({});
      const added = await index?.addDirectory({ path: build.outDir });
      expect(added?.errors).toEqual([]);
      expect(added?.page_count).toBeGreaterThan(5);
      await pagefind.close();
    });
  });

  describe('bad input stops the build with a message that names the file, the line and the fix', () => {
    // The three bad seeds in one build: every seed's problem is reported at once.
    let badSeeds: Promise<Awaited<ReturnType<typeof buildFixture>>> | undefined;
    const withBadSeeds = () =>
      (badSeeds ??= buildFixture('bad-seeds', {
        extraSeeds: {
          '007_empty.txt': '',
          '008_blank.txt': ' \n\t\n',
          '009_latin1.txt': Buffer.from('First line\nCaf\xe9 au lait\n', 'latin1'),
        },
      }));

    it('an empty seed and a whitespace-only seed', async () => {
      const build = await withBadSeeds();
      expect(build.status).not.toBe(0);
      expect(build.output).toMatch(/seeds\/007_empty\.txt:1: this seed is empty\.\n\s+Fix: /u);
      expect(build.output).toMatch(/seeds\/008_blank\.txt:1: this seed contains only white space\./u);
      sentenceBeforeStack(build.output);
    });

    it('bytes that are not UTF-8', async () => {
      const build = await withBadSeeds();
      expect(build.status).not.toBe(0);
      expect(build.output).toMatch(/seeds\/009_latin1\.txt:2: byte 0xe9 at offset 14 is not valid UTF-8\./u);
      sentenceBeforeStack(build.output);
    });

    it('metadata with a missing field, a duplicate slug and an unknown seed', async () => {
      const real = readFileSync(join(ROOT, 'content/sources.yaml'), 'utf8');
      const broken =
        real.replace('  title: OpenAI is no longer tied exclusively to Azure\n', '') +
        '\n- seed: 404_missing.txt\n  slug: azure-exclusivity-ends\n  title: Ghost\n  titleSupplied: true\n' +
        '  publisher: not stated\n  byline: not stated\n  date: not stated\n';
      const build = await buildFixture('bad-metadata', { metadata: broken });
      expect(build.status).not.toBe(0);
      const lineOf = (needle: string) => broken.split('\n').findIndex((l) => l.includes(needle)) + 1;
      const file = '.tmp/fixtures/bad-metadata/sources.yaml';
      expect(build.output).toContain(`${file}:${lineOf('seed: 002_')}: this source entry is missing \`title\`.`);
      expect(build.output).toContain(
        `${file}:${lineOf('seed: 404_missing.txt')}: slug "azure-exclusivity-ends" is already used`,
      );
      expect(build.output).toContain(
        `${file}:${lineOf('seed: 404_missing.txt')}: the entry names seed "404_missing.txt", which is not in seeds/.`,
      );
      expect(build.output).toMatch(/Fix: /u);
      sentenceBeforeStack(build.output);
    });
  });
});
