import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, type FixtureBuild } from '../support/fixture-build.ts';
import { sixthSeedBuild } from '../support/sixth-seed-build.ts';
import { buildSiteCopy } from '../support/site-copy-build.ts';
import { sentenceBeforeStack } from '../support/build-output.ts';
import { ROOT } from '../support/paths.ts';

// The build holds every sentence of the site's prose to its passages (src/lib/prose, src/lib/citations):
// each case here is a mistake an editor could make, and the build must stop naming the file, the
// line, what is wrong and the fix, with no stack trace before that.

const ANNOUNCED =
  '<Cite source="azure-exclusivity-ends" quote="announced a sweeping restructure of their partnership on April 27, 2026" />';
const AMAZON =
  '<Cite source="non-exclusive-license-through-2032" quote="In February, Amazon announced its $50 billion investment" />';
const NEW_CAP =
  '<Cite source="restructure-resolves-cloud-exclusivity-dispute" quote="albeit now subject to a newly established cap" />';

type LedgerClaim = { id: string; sources: Record<string, { status: string }> };
/** How many sources the real ledger says state that the cap is new: the build must quote that number. */
const LEDGER_CAP_IS_NEW = Object.values(
  (parse(readFileSync(join(ROOT, 'content/claims.yaml'), 'utf8')) as LedgerClaim[]).find((c) => c.id === 'cap-is-new')
    ?.sources ?? {},
).filter((s) => s.status === 'states').length;

/** Sentences appended to an explainer, each wrong in one way, and what the build must say of each. */
const CASES = [
  {
    text: `The deal was announced on April 29, 2026 ${ANNOUNCED}.`,
    says: /"April 29, 2026" \(April 29, 2026\) is not in the passage this sentence cites \(¶ \d+ of "azure-exclusivity-ends"\)/u,
  },
  {
    text: `Amazon's investment was $60 billion ${AMAZON}.`,
    says: /"\$60 billion" \(\$60,000,000,000\) is not in the passage this sentence cites/u,
  },
  {
    text: `The announcement came on a Friday ${ANNOUNCED}.`,
    says: /"Friday" \(Friday\) is not in the passage this sentence cites/u,
  },
  {
    text: `<Inference>April 27, 2026 fell on a Tuesday ${ANNOUNCED}.</Inference>`,
    says: /the inference says April 27, 2026 was a Tuesday, but it was a Monday\./u,
  },
  {
    text: `Three reports say the cap is new ([compare](/claims/#cap-is-new)) ${NEW_CAP}.`,
    says: new RegExp(
      `"Three reports" is a count of sources typed by hand \\(the ledger has ${LEDGER_CAP_IS_NEW} stating claim "cap-is-new"\\)\\.`,
      'u',
    ),
  },
];
const INVENTED = 'Microsoft will also pay OpenAI $10 billion a year.';

// Three fixture builds of their own, side by side.
describe('prose checks in fixture builds', { concurrent: true }, () => {
  describe('sentences that say more than their passages stop the build', () => {
    let build: FixtureBuild;
    let edited = '';
    let exclusivity = '';
    beforeAll(async () => {
      build = await buildFixture('prose-errors', {
        editContent: (file, text) => {
          if (file === 'explainers/exclusivity.mdx') {
            // An invented sentence appended to the first, cited, paragraph.
            exclusivity = text.replace(/\/>\.\n/u, `/>. ${INVENTED}\n`);
            return exclusivity;
          }
          if (file !== 'explainers/financial-terms.mdx') return text;
          edited = `${text.trimEnd()}\n\n${CASES.map((c) => c.text).join('\n\n')}\n`;
          return edited;
        },
      });
    });
    const lineOf = (text: string, words: string) => text.slice(0, text.indexOf(words)).split('\n').length;

    it('fails, with the human sentence before any stack trace', () => {
      expect(build.status).not.toBe(0);
      sentenceBeforeStack(build.output);
    });

    it('names the invented sentence appended to a cited paragraph: file, line, column, the sentence and the fix', () => {
      const line = lineOf(exclusivity, INVENTED);
      const column = (exclusivity.split('\n')[line - 1] as string).indexOf(INVENTED) + 1;
      expect(build.output).toContain(
        `content/explainers/exclusivity.mdx:${line}:${column}: this sentence has no citation: "${INVENTED}".`,
      );
      expect(build.output).toMatch(
        /Fix: cite the passage it rests on with <Cite source="…" quote="…" \/> inside the sentence/u,
      );
    });

    it.each(CASES.map((c, i) => [i, c.text.slice(0, 40)] as const))(
      'names case %i (%s…) at its own line, with a fix',
      (i) => {
        const { text, says } = CASES[i] as (typeof CASES)[number];
        const line = lineOf(edited, text);
        const problem = build.output
          .split('\n\n')
          .find((block) => block.includes(`content/explainers/financial-terms.mdx:${line}:`));
        expect(problem, `no problem at line ${line} in:\n${build.output}`).toBeDefined();
        expect(problem).toMatch(says);
        expect(problem).toMatch(/\n\s+Fix: \S/u);
      },
    );
  });

  describe('a count of sources typed into a template stops the build', () => {
    let build: FixtureBuild;
    let line = 0;
    beforeAll(async () => {
      build = await buildSiteCopy('template-count', (file, text) => {
        if (file !== 'src/layouts/Base.astro') return text;
        const edited = text.replace('from <SourceCount />', 'from five news articles');
        line = edited.slice(0, edited.indexOf('from five news articles')).split('\n').length;
        return edited;
      });
    });

    it('names the template and its line, the page it showed on, and the fix', () => {
      expect(line).toBeGreaterThan(1);
      expect(build.status).not.toBe(0);
      expect(build.output).toMatch(
        new RegExp(
          `src/layouts/Base\\.astro:${line}:\\d+: "five news articles" is a count of sources typed by hand \\(on [^)]+\\.html\\)`,
          'u',
        ),
      );
      expect(build.output).toContain('Fix: compute it from the sources collection');
      sentenceBeforeStack(build.output);
    });
  });

  describe('with a sixth seed, no page says there are five sources', () => {
    let build: FixtureBuild;
    beforeAll(async () => {
      build = await sixthSeedBuild();
    });

    const pages = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const full = join(dir, name);
        if (statSync(full).isDirectory()) return name === 'pagefind' || name === '_astro' ? [] : pages(full);
        return name.endsWith('.html') ? [full] : [];
      });

    it('builds, and every count of the sources says six, or names the total', () => {
      expect(build.status, build.output).toBe(0);
      const fives: string[] = [];
      for (const file of pages(build.outDir)) {
        const { document } = parseHTML(readFileSync(file, 'utf8'));
        for (const passage of document.querySelectorAll('.passage, q, blockquote, cite')) passage.remove();
        const words = (document.querySelector('body')?.textContent ?? '').replace(/\s+/gu, ' ');
        for (const m of words.matchAll(
          /\b(?:all five|the five|five (?:news )?(?:articles|reports|sources)|of the five)\b/giu,
        )) {
          fives.push(`${file.slice(build.outDir.length)}: …${words.slice(Math.max(0, m.index - 50), m.index + 40)}…`);
        }
      }
      expect(fives).toEqual([]);
      const home = parseHTML(readFileSync(join(build.outDir, 'index.html'), 'utf8')).document;
      expect(home.querySelector('.site-footer [data-count]')?.textContent).toBe('six news articles');
      const exclusivity = readFileSync(join(build.outDir, 'explainers/exclusivity/index.html'), 'utf8');
      // A claim every reviewed source states now reads "five of the six": the sixth is not reviewed yet.
      expect(exclusivity).toMatch(/class="count" data-count[^>]*>[Ff]ive of the six reports/u);
    });
  });
});
