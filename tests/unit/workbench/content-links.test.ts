// Links the content makes to passages, claims, events and sections are checked with the content:
// a pasted passage link that no longer exists is a problem at its file and line.
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/lib/content-check.ts';
import { headingIds, linksIn } from '../../../src/lib/content-links.ts';
import { parseMdx } from '../../../src/lib/citations/parse-mdx.ts';
import { formatProblem } from '../../../src/lib/errors.ts';
import { copyContent } from '../../support/content-copy.ts';
import { ROOT } from '../../support/paths.ts';

describe('links in the real content', () => {
  it('all resolve', () => {
    expect(checkContent(ROOT, {}).problems.map(formatProblem)).toEqual([]);
  });
});

describe('broken links in a copy of the content', () => {
  const copy = copyContent('content-links');
  const about = 'content/pages/about.mdx';
  const added = [
    'A [pasted passage link](/sources/azure-exclusivity-ends/#key-changes-000000) that never existed.',
    'A [link to a source](/sources/azure-exclusivity-end/) whose slug is misspelt.',
    'A [claim](/claims/#revenue-share-capped) that was never in the ledger.',
    'A [timeline event](/explainers/timeline/#2025-13) and a [section](/explainers/exclusivity/#why-it-happend) that do not exist.',
    'A [page address](/explainers/exclusivity) without its trailing slash.',
    'A [top-level page](/claim/) that does not exist, and [another](/figures) without its slash.',
    'Good ones: [home](/), [figures](/figures/), [data](/data/), [a data file](/data/claims.json), [search](/search/?q=cap), [passage](/sources/azure-exclusivity-ends/#key-changes-ab567a), [claim](/claims/#license-term), [event](/explainers/timeline/#2025-10), [section](/explainers/exclusivity/#why-it-happened), [note](/explainers/exclusivity/#note-3), <a href="/sources/no-longer-tied-to-azure/#full-text">full text</a>.',
  ];
  copy.edit(about, (t) => `${t.trimEnd()}\n\n${added.join('\n\n')}\n`);
  const line = (needle: string) =>
    copy
      .read(about)
      .split('\n')
      .findIndex((l) => l.includes(needle)) + 1;
  const problems = checkContent(ROOT, copy.env).problems.map((p) => formatProblem(p));
  const file = `${copy.rel}/${about}`;

  it('a passage id that does not exist: file:line:column, and the passage it probably meant', () => {
    expect(problems).toContainEqual(
      `${file}:${line('pasted passage')}:3: the link "/sources/azure-exclusivity-ends/#key-changes-000000" goes to passage #key-changes-000000, which "Microsoft and OpenAI End 7-Year Azure Exclusivity in Partnership Overhaul" (azure-exclusivity-ends) does not have. Did you mean #key-changes-ab567a (¶ 5): "Key Changes"?\n` +
        `  Fix: copy the passage's link from its ¶ number on /sources/azure-exclusivity-ends/ (a passage id changes only when its own words change).`,
    );
  });

  it('a source, a claim, an event and a section that do not exist, and a missing trailing slash', () => {
    const first = problems.map((p) => p.split('\n')[0]);
    expect(first).toContain(
      `${file}:${line('misspelt')}:3: the link "/sources/azure-exclusivity-end/" goes to source "azure-exclusivity-end", which does not exist. Did you mean "azure-exclusivity-ends"?`,
    );
    expect(first).toContain(
      `${file}:${line('never in the ledger')}:3: the link "/claims/#revenue-share-capped" goes to claim #revenue-share-capped, which the ledger does not have. Did you mean #revenue-share-cap?`,
    );
    expect(first).toContain(
      `${file}:${line('timeline event')}:3: the link "/explainers/timeline/#2025-13" goes to #2025-13, which /explainers/timeline/ does not have.`,
    );
    expect(first).toContain(
      `${file}:${line('timeline event')}:${(copy.read(about).split('\n')[line('timeline event') - 1] as string).indexOf('[section]') + 1}: the link "/explainers/exclusivity/#why-it-happend" goes to #why-it-happend, which /explainers/exclusivity/ does not have.`,
    );
    expect(first).toContain(
      `${file}:${line('trailing slash')}:3: the link "/explainers/exclusivity" lacks the trailing slash every page address on the site has.`,
    );
    expect(first).toContain(
      `${file}:${line('top-level page')}:3: the link "/claim/" goes to /claim/, which is not a page of the site. Did you mean /claims/?`,
    );
    expect(first).toContain(
      `${file}:${line('top-level page')}:${(copy.read(about).split('\n')[line('top-level page') - 1] as string).indexOf('[another]') + 1}: the link "/figures" lacks the trailing slash every page address on the site has.`,
    );
    expect(problems).toHaveLength(8);
  });
});

describe('linksIn and headingIds', () => {
  it('finds Markdown links, definitions and href attributes, with their positions', () => {
    const { tree } = parseMdx('Go [here](/a/).\n\n[ref]: /b/\n\n<a href="/c/">c</a>\n');
    expect(linksIn(tree)).toEqual([
      { url: '/a/', line: 1, column: 4 },
      { url: '/b/', line: 3, column: 1 },
      { url: '/c/', line: 5, column: 1 },
    ]);
  });

  it('slugs headings as Astro does, numbering repeats', () => {
    const { tree } = parseMdx("## What's new?\n\n## What's new?\n\n### The AGI clause\n");
    expect(headingIds(tree)).toEqual(['whats-new', 'whats-new-1', 'the-agi-clause']);
  });
});
