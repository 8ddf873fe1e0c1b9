// The editor's workbench, end to end on a copy of the content, with the real commands and the real build:
// saved web pages in, cited and published source pages out; a revised source whose old passage links keep
// working; every content mistake stopping the build at its file and line; a broken link failing it.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { addSource, buildCopy, copyContent, type Run } from '../support/content-copy.ts';
import { ROOT } from '../support/paths.ts';

const FIXTURES = join(ROOT, 'tests/fixtures/ingest');
const html = (outDir: string, path: string) => readFileSync(join(outDir, path, 'index.html'), 'utf8');
const doc = (outDir: string, path: string) => parseHTML(html(outDir, path)).document;
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A reader meets the sentence first, and no stack trace into node_modules. */
function readable(run: Run): void {
  expect(run.output).toContain("The site's content has");
  expect(run.output).not.toMatch(/node_modules\/(?!\.bin)\S*:\d+:\d+/u);
  expect(run.output).not.toMatch(/^\s+at .*\(.*\)$/mu);
}

const WIRE = 'microsoft-and-openai-rewrite-their-cloud-pact';
const NOTES = 'why-the-azure-exclusivity-had-to-go';
const explainer = (capQuote: string) => `---
title: What the new sources say
description: What the saved web pages add on the deal, cited from them.
order: 4
---

One report quotes an analyst on the deal <Cite source="${WIRE}" quote='"This is a cleaner deal for both sides," said Priya Raman' />, and says the companies call the launch order "Azure first" <Cite source="${WIRE}" quote="a commitment both companies described as “Azure first.”" />.

The revenue share to Microsoft is capped <Cite source="${WIRE}" quote="${capQuote}" />, and a blog post counts seven years of exclusivity <Cite source="${NOTES}" quote="For seven years, the arrangement between Microsoft and OpenAI was simple to describe" />.
`;

// How many claims the ledger holds: each gets a not-reviewed cell for a new source.
const CLAIMS = readFileSync(join(ROOT, 'content/claims.yaml'), 'utf8').match(/^- id: /gmu)?.length;

// The three parts build copies of their own, side by side (each build in a project root of its own); the
// steps of the first, which revises the copy it built, stay in order (concurrent: false).
describe('the workbench', { concurrent: true }, () => {
  describe('from saved web pages to cited, published sources, with npm run add-source', () => {
    const copy = copyContent('workbench-sources');
    let added: Run[];
    let teaser: Run;
    let build: Run & { outDir: string };
    beforeAll(async () => {
      added = [
        addSource(copy, join(FIXTURES, 'ledger-wire.html')),
        addSource(copy, join(FIXTURES, 'cloud-notes.html')),
      ];
      const before = ['content/sources.yaml', 'content/claims.yaml', 'seeds/SHA256SUMS'].map((f) => copy.read(f));
      teaser = addSource(copy, join(FIXTURES, 'teaser.html'));
      expect(['content/sources.yaml', 'content/claims.yaml', 'seeds/SHA256SUMS'].map((f) => copy.read(f))).toEqual(
        before,
      );
      copy.write('content/explainers/new-sources.mdx', explainer('a total cap that neither company disclosed'));
      build = await buildCopy(copy);
    }, 480_000);

    it('the command adds each page and says what to check next', { concurrent: false }, () => {
      for (const run of added) {
        expect(run.status, run.output).toBe(0);
        expect(run.output).toContain('Check next:');
        expect(run.output).toContain(`${CLAIMS} claims list it as not reviewed`);
      }
      expect(added[0]?.output).toContain(`Added "Microsoft and OpenAI Rewrite Their Cloud Pact" as /sources/${WIRE}/`);
      expect(added[1]?.output).toMatch(/byline +Dana Whitfield +← meta author/u);
    });

    it('refuses the teaser, and writes nothing', { concurrent: false }, () => {
      expect(teaser.status).toBe(1);
      expect(teaser.output).toContain('it looks like a teaser or a paywalled page');
      expect(teaser.output).toContain('Nothing was written.');
    });

    it('builds, with no warning about metadata or checksums (the seeds are recorded)', { concurrent: false }, () => {
      expect(build.status, build.output).toBe(0);
      expect(build.output).not.toMatch(/has no entry in|no checksum|SHA256SUMS/u);
      expect(build.output).toContain(
        `does not yet say what the source "${WIRE}" states for any of its ${CLAIMS} claims`,
      );
    });

    it('publishes each source at its permanent slug, with the metadata the page states', { concurrent: false }, () => {
      const wire = doc(build.outDir, `sources/${WIRE}`);
      expect(wire.querySelector('h1')?.textContent).toBe('Microsoft and OpenAI Rewrite Their Cloud Pact');
      const meta = [...wire.querySelectorAll('.source-meta dd')].map((d) =>
        d.textContent?.replace(/\s+/gu, ' ').trim(),
      );
      expect(meta.slice(0, 3)).toEqual(['The Ledger Wire', 'Maya Ortiz', 'May 3, 2026']);
      const notes = doc(build.outDir, `sources/${NOTES}`);
      const notesMeta = [...notes.querySelectorAll('.source-meta dd')].map((d) =>
        d.textContent?.replace(/\s+/gu, ' ').trim(),
      );
      expect(notesMeta.slice(0, 3)).toEqual(['Cloud Notes', 'Dana Whitfield', 'May 5, 2026']);
      // The article, not the page around it.
      const text = notes.querySelector('.passages')?.textContent ?? '';
      expect(text).toContain('What Microsoft keeps');
      for (const furniture of ['Popular posts', 'Sponsored', 'Leave a comment', 'Previous post', '4 min read'])
        expect(text).not.toContain(furniture);
    });

    it(
      'cites them, quotation marks and all, and lists them as not reviewed in the claims matrix',
      { concurrent: false },
      () => {
        const page = doc(build.outDir, 'explainers/new-sources');
        const quotes = [...page.querySelectorAll('.notes-list q')].map((q) => q.textContent);
        expect(quotes).toContain('"This is a cleaner deal for both sides," said Priya Raman');
        expect(quotes).toContain('a commitment both companies described as "Azure first."');
        const claims = html(build.outDir, 'claims');
        expect(claims.match(/Not reviewed/gu)?.length).toBeGreaterThanOrEqual(54);
      },
    );

    describe('a new version of the article (a correction)', { concurrent: false }, () => {
      let revised: Run;
      let broken: Run & { outDir: string };
      let fixed: Run & { outDir: string };
      let oldId: string;
      beforeAll(async () => {
        oldId = /id="(openai-will-keep-paying-[0-9a-f]{6})"/u.exec(
          html(build.outDir, `sources/${WIRE}`),
        )?.[1] as string;
        revised = addSource(
          copy,
          '--revise',
          WIRE,
          join(FIXTURES, 'ledger-wire-corrected.html'),
          '--note',
          'The cap on the revenue share was described wrongly.',
        );
        broken = await buildCopy(copy);
        copy.write(
          'content/explainers/new-sources.mdx',
          explainer('a total cap that the companies have not made public'),
        );
        fixed = await buildCopy(copy, { script: true });
      }, 480_000);

      it('is added beside the original, and the command names the quote that no longer holds', () => {
        expect(revised.status, revised.output).toBe(0);
        expect(revised.output).toContain('What changed: 1 passage revised, 1 removed, 1 added.');
        expect(revised.output).toContain('quote not found');
      });

      it('stops the build at the citation: the quote, the old passage, and the nearest new text', () => {
        expect(broken.status).not.toBe(0);
        readable(broken);
        const line = copy.lineOf('content/explainers/new-sources.mdx', 'The revenue share');
        expect(broken.output).toContain(`${copy.rel}/content/explainers/new-sources.mdx:${line}:`);
        expect(broken.output).toContain('quote not found in "Microsoft and OpenAI Rewrite Their Cloud Pact"');
        expect(broken.output).toContain('"a total cap that neither company disclosed"');
        expect(broken.output).toContain(`They were in ¶ 11 of version 1 (#${oldId})`);
        expect(broken.output).toContain(
          'The nearest text now (¶ 11): "a total cap that the companies have not made public."',
        );
      });

      it('builds (npm run build, links checked) once the quote follows the correction', () => {
        expect(fixed.status, fixed.output).toBe(0);
        expect(fixed.output).toContain('links checked');
      });

      it('the old passage id is a real element on the page, inside its successor, with the date and the earlier text', () => {
        const page = doc(fixed.outDir, `sources/${WIRE}`);
        const note = page.getElementById(oldId);
        expect(note?.classList.contains('revision-note')).toBe(true);
        const passage = note?.closest('.passage');
        expect(passage?.querySelector(':scope > p:not(.revision-note)')?.textContent).toContain(
          'the companies have not made public',
        );
        expect(note?.textContent?.replace(/\s+/gu, ' ')).toContain(
          'Revised on May 4, 2026. Earlier text: OpenAI will keep paying',
        );
        expect(note?.textContent).toContain('a total cap that neither company disclosed');
      });

      it('the removed passage’s id lands where it stood; the corrections log says what changed', () => {
        const page = doc(fixed.outDir, `sources/${WIRE}`);
        const removed = [...page.querySelectorAll('.revision-note')].find((n) =>
          n.textContent?.includes('A passage removed'),
        );
        expect(removed?.id).toMatch(/^analysts-said-the-cap-[0-9a-f]{6}$/u);
        const log = page.querySelector('section.corrections')?.textContent?.replace(/\s+/gu, ' ') ?? '';
        expect(log).toContain('Version 2, May 4, 2026');
        expect(log).toContain('The cap on the revenue share was described wrongly.');
        expect(log).toContain('¶ 11 revised');
        expect(log).toContain('¶ 12 added');
      });

      it('serves the original byte for byte at its old address, and the new version beside it', () => {
        const seeds = join(copy.dir, 'seeds');
        const original = readFileSync(join(fixed.outDir, `sources/${WIRE}.txt`));
        const v2 = readFileSync(join(fixed.outDir, `sources/${WIRE}/v2.txt`));
        const sums = readFileSync(join(seeds, 'SHA256SUMS'), 'utf8');
        expect(sums).toContain(`${sha(original)}  005_`);
        expect(sums).toContain(`${sha(v2)}  revisions/005_`);
        expect(original.equals(v2)).toBe(false);
      });

      it('open data lists the versions and the former passage ids', () => {
        const data = JSON.parse(readFileSync(join(fixed.outDir, 'data/sources.json'), 'utf8')) as {
          sources: {
            slug: string;
            versions?: { version: number }[];
            formerPassages?: { id: string; successor: string }[];
          }[];
        };
        const source = data.sources.find((s) => s.slug === WIRE);
        expect(source?.versions?.map((v) => v.version)).toEqual([1, 2]);
        expect(source?.formerPassages?.map((f) => f.id)).toContain(oldId);
      });
    });
  });

  // (A field that does not belong in an entry is named with its line; syntax errors also with their column.)
  describe('content mistakes stop the build, each at its file, line and column', () => {
    const copy = copyContent('workbench-errors');
    const edits: [string, (t: string) => string, string, RegExp][] = [
      [
        'content/explainers/exclusivity.mdx',
        (t) =>
          t.replace(
            '<Cite source="azure-exclusivity-ends" quote="converts from exclusive to non-exclusive" />',
            '<Cite source="azure-exclusivity-ends" quote="the new terms provide "long-term clarity"" />',
          ),
        'long-term clarity',
        /a quotation mark inside quote="…" ends the attribute early/u,
      ],
      [
        'content/explainers/financial-terms.mdx',
        (t) => t.replace(/^order: 2$/mu, 'order: 2\nsee: [x'),
        'see: [x',
        /the frontmatter is not valid YAML/u,
      ],
      [
        'content/explainers/timeline.mdx',
        (t) => t.replace(/^---\n\n/mu, '\n'),
        '---',
        /the frontmatter opened by `---` on line 1 is never closed/u,
      ],
      ['content/pages/about.mdx', (t) => `${t}\nAn <b>unclosed tag.\n`, '<b>unclosed', /the tag <b> is never closed/u],
      [
        'content/claims.yaml',
        (t) => t.replace('- id: license-term\n', '- id: license-term\n  bogus: [1\n'),
        'bogus: [1',
        /the YAML cannot be read/u,
      ],
      [
        'content/timeline.yaml',
        (t) => t.replace('  label: October 2025\n', '  label: October 2025\n  colour: red\n'),
        'colour: red',
        /unknown field `colour`/u,
      ],
    ];
    for (const [file, edit] of edits) copy.edit(file, edit);
    let build: Run & { outDir: string };
    beforeAll(async () => {
      build = await buildCopy(copy);
    }, 480_000);
    const lineOf = copy.lineOf;

    it('fails, with the sentence first and no stack trace', () => {
      expect(build.status).not.toBe(0);
      readable(build);
    });

    it.each(edits.map(([file, , needle, message]) => [file, needle, message] as const))(
      '%s: at its line',
      (file, needle, message) => {
        const at = new RegExp(
          `${copy.rel.replace(/[.]/gu, '\\.')}/${file.replace(/[.]/gu, '\\.')}:${lineOf(file, needle)}(?::\\d+)?: ${message.source}`,
          'u',
        );
        expect(build.output).toMatch(at);
      },
    );

    it('the metadata file too (checked first: citations wait for it)', async () => {
      const meta = copyContent('workbench-errors-meta');
      meta.edit('content/sources.yaml', (t) =>
        t.replace('  byline: Insights AI\n', '  byline: Insights AI\n  byline: Again\n'),
      );
      const run = await buildCopy(meta);
      expect(run.status).not.toBe(0);
      readable(run);
      const line = meta.lineOf('content/sources.yaml', 'byline: Again');
      expect(run.output).toContain(
        `${meta.rel}/content/sources.yaml:${line}:3: the YAML cannot be read: Map keys must be unique`,
      );
    });
  });

  describe('a broken link fails the build', () => {
    it('a pasted passage link that does not exist: at its file and line, with the passage it probably meant', async () => {
      const copy = copyContent('workbench-passage-link');
      copy.edit(
        'content/pages/about.mdx',
        (t) => `${t}\nSee [the key changes](/sources/azure-exclusivity-ends/#key-changes-123abc).\n`,
      );
      const run = await buildCopy(copy, { script: true });
      expect(run.status).not.toBe(0);
      const line = copy.lineOf('content/pages/about.mdx', 'key-changes-123abc');
      expect(run.output).toContain(
        `${copy.rel}/content/pages/about.mdx:${line}:5: the link "/sources/azure-exclusivity-ends/#key-changes-123abc" goes to passage #key-changes-123abc, which "Microsoft and OpenAI End 7-Year Azure Exclusivity in Partnership Overhaul" (azure-exclusivity-ends) does not have. Did you mean #key-changes-ab567a (¶ 5): "Key Changes"?`,
      );
    });

    it('any other broken #fragment in the built site: npm run build checks every link of every page', async () => {
      const copy = copyContent('workbench-site-link');
      copy.edit('content/pages/about.mdx', (t) => `${t}\nEvery [figure](/figures/#no-such-figure) is listed.\n`);
      const run = await buildCopy(copy, { script: true });
      expect(run.status).not.toBe(0);
      expect(run.output).toContain('The built site has 1 broken internal link:');
      expect(run.output).toMatch(
        /about\/index\.html: the built page \/about\/ links to "\/figures\/#no-such-figure", which goes to #no-such-figure, which \/figures\/ does not have\./u,
      );
      // The check ran after Astro and stopped the build before Pagefind indexed anything.
      expect(existsSync(join(run.outDir, 'pagefind'))).toBe(false);
    });
  });
});
