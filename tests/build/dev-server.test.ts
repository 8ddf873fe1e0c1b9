// `npm run dev` an editor can trust: a real `astro dev` on a free loopback port, on a copy of the content.
// It starts even with a content error, shows every content error (YAML included) in its overlay with the
// file and line, serves no stale page after a change to a seed, a slug, a title, the ledger or the
// timeline, and serves pages again once the content is fixed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyContent } from '../support/content-copy.ts';
import {
  cacheDirFor,
  eventually,
  get,
  overlayErrorFor,
  startDevServer,
  type DevServer,
} from '../support/dev-server.ts';

const copy = copyContent('dev-server');
// An uncited source of its own, so that its slug can change without breaking a citation.
const SAMPLE_V1 = [
  'A Sample Article for the Dev Server',
  'The first paragraph of the sample says the deal was signed on a Monday.',
  'The second paragraph of the sample will be corrected in a later version of the article.',
].join('\n\n');
const SAMPLE_V2 = SAMPLE_V1.replace('will be corrected in a later version', 'was corrected in this later version');
copy.write('seeds/005_dev-sample.txt', `${SAMPLE_V1}\n`);
copy.edit(
  'content/sources.yaml',
  (t) =>
    `${t}\n- seed: 005_dev-sample.txt\n  slug: dev-sample\n  title: A Sample Article for the Dev Server\n  titleSupplied: false\n  publisher: not stated\n  byline: not stated\n  date: not stated\n`,
);
// It starts broken: a key given twice in the metadata.
const fixedMetadata = copy.read('content/sources.yaml');
copy.edit('content/sources.yaml', (t) =>
  t.replace('  byline: Insights AI\n', '  byline: Insights AI\n  byline: Again\n'),
);

const lineOf = copy.lineOf;

describe('astro dev on a copy of the content', () => {
  let server: DevServer;
  beforeAll(async () => {
    server = await startDevServer(copy.env, cacheDirFor('dev-server'));
  }, 300_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('starts even though the content has an error, and shows it instead of any page', async () => {
    const page = await get(server, '/');
    expect(page.status).toBe(500);
    expect(page.body).toContain(
      `${copy.rel}/content/sources.yaml:${lineOf('content/sources.yaml', 'byline: Again')}:3: the YAML cannot be read: Map keys must be unique`,
    );
    const error = await overlayErrorFor(server, '/sources/', (e) => e.message.includes('Map keys must be unique'));
    expect(error.loc?.file).toBe(`${copy.dir}/content/sources.yaml`);
    expect(error.loc?.line).toBe(lineOf('content/sources.yaml', 'byline: Again'));
    expect(error.message).toContain('Fix: ');
    expect(error.message).not.toMatch(/node_modules|\n\s+at /u);
    // The overlay shows the file around the line.
    expect(error.frame).toContain('byline: Again');
  });

  it('serves the pages once the content is fixed', async () => {
    copy.write('content/sources.yaml', fixedMetadata);
    await eventually(server, '/explainers/exclusivity/', (p) => p.status === 200, 'answered 200');
    await eventually(
      server,
      '/sources/dev-sample/',
      (p) => p.status === 200 && p.body.includes('the deal was signed on a Monday'),
      'showed the sample',
    );
  });

  it('a title: the explainers that cite the source show the new title at once (no stale compiled page)', async () => {
    const old = 'Microsoft trades exclusivity for a non-exclusive license through 2032';
    expect((await get(server, '/explainers/exclusivity/')).body).toContain(old);
    copy.edit('content/sources.yaml', (t) => t.replace(`title: ${old}`, 'title: A Retitled Source'));
    const page = await eventually(
      server,
      '/explainers/exclusivity/',
      (p) => p.body.includes('A Retitled Source'),
      'showed the new title',
    );
    expect(page.body).not.toContain(old);
    await eventually(
      server,
      '/sources/non-exclusive-license-through-2032/',
      (p) => p.body.includes('A Retitled Source'),
      'showed the new title',
    );
  });

  it('a seed: a new version of a source shows at once, and its old passage id still lands on the page', async () => {
    const { body } = await get(server, '/sources/dev-sample/');
    const oldId = /id="(the-second-paragraph-of-[0-9a-f]{6})"/u.exec(body)?.[1];
    expect(oldId).toBeDefined();
    copy.write('seeds/revisions/005_dev-sample.2.txt', `${SAMPLE_V2}\n`);
    copy.edit(
      'content/sources.yaml',
      (t) => `${t.trimEnd()}\n  revisions:\n    - seed: revisions/005_dev-sample.2.txt\n      date: 2026-05-06\n`,
    );
    const page = await eventually(
      server,
      '/sources/dev-sample/',
      (p) => p.body.includes('was corrected in this later version'),
      'showed the new version',
    );
    expect(page.body).toContain(`id="${oldId}"`);
    expect(page.body).toContain('Revised on May 6, 2026.');
  });

  it('a slug: the source moves to its new address at once', async () => {
    copy.edit('content/sources.yaml', (t) => t.replace('slug: dev-sample', 'slug: dev-sample-renamed'));
    await eventually(
      server,
      '/sources/dev-sample-renamed/',
      (p) => p.status === 200 && p.body.includes('A Sample Article'),
      'answered at the new slug',
    );
    await eventually(server, '/sources/dev-sample/', (p) => p.status === 404, 'stopped answering at the old slug');
  });

  it('the ledger and the timeline: their pages show the change at once', async () => {
    copy.edit('content/claims.yaml', (t) =>
      t.replace(
        /^ {2}claim: Microsoft keeps a license to OpenAI's IP.*$/mu,
        '  claim: A reworded claim about the license term.',
      ),
    );
    await eventually(
      server,
      '/claims/',
      (p) => p.body.includes('A reworded claim about the license term.'),
      'showed the reworded claim',
    );
    copy.edit('content/timeline.yaml', (t) =>
      t.replace('  title: Non-API products may run on other clouds\n', '  title: A retitled timeline event\n'),
    );
    await eventually(
      server,
      '/explainers/timeline/',
      (p) => p.body.includes('A retitled timeline event'),
      'showed the retitled event',
    );
  });

  it('an error in the ledger, the timeline, an explainer: the overlay names the file and line; pages come back once fixed', async () => {
    const cases = [
      {
        file: 'content/claims.yaml',
        page: '/claims/',
        break: (t: string) => t.replace('- id: license-term\n', '- id: license-term\n  bogus: [1\n'),
        needle: 'bogus: [1',
        message: 'the YAML cannot be read',
      },
      {
        file: 'content/timeline.yaml',
        page: '/explainers/timeline/',
        break: (t: string) => t.replace('  label: October 2025\n', '  label: October 2025\n  colour: red\n'),
        needle: 'colour: red',
        // The overlay renders `code` as code: its text has no backticks.
        message: 'unknown field colour in this event entry',
      },
      {
        file: 'content/explainers/exclusivity.mdx',
        page: '/explainers/exclusivity/',
        break: (t: string) =>
          t.replace(
            '<Cite source="azure-exclusivity-ends" quote="converts from exclusive to non-exclusive" />',
            '<Cite source="azure-exclusivity-ends" quote="the new terms provide "long-term clarity"" />',
          ),
        needle: 'long-term clarity',
        message: 'a quotation mark inside quote="…" ends the attribute early',
      },
    ];
    for (const c of cases) {
      const before = copy.read(c.file);
      copy.edit(c.file, c.break);
      const line = lineOf(c.file, c.needle);
      const page = await eventually(server, c.page, (p) => p.status === 500, 'answered 500');
      expect(page.body).toContain(`${copy.rel}/${c.file}:${line}`);
      const error = await overlayErrorFor(server, c.page, (e) => e.message.includes(c.message));
      expect(error.message).toContain(`${copy.rel}/${c.file}:${line}`);
      expect(error.loc).toMatchObject({ file: `${copy.dir}/${c.file}`, line });
      // Every page waits for the fix, not only the one that shows the file.
      expect((await get(server, '/')).status).toBe(500);
      copy.write(c.file, before);
      await eventually(server, c.page, (p) => p.status === 200, 'answered 200 once fixed');
    }
    expect(server.output()).not.toMatch(/Unhandled rejection/iu);
  });
});
