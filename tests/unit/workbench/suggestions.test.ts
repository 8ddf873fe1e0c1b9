// A quote that is not found says why, as precisely as can be told.
import { describe, expect, it } from 'vitest';
import { buildCatalog, type SeedFile, type Source } from '../../../src/lib/catalog.ts';
import { reanchor } from '../../../src/lib/citations/suggest.ts';
import { resolveCitation } from '../../../src/lib/citations/resolve.ts';
import type { ContentProblem } from '../../../src/lib/errors.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
const file = (name: string, text: string): SeedFile => ({ name, path: `seeds/${name}`, bytes: utf8(text) });
const meta = (seed: string, slug: string, title: string, revisions = '') =>
  `- seed: ${seed}\n  slug: ${slug}\n  title: ${title}\n  titleSupplied: false\n  publisher: not stated\n  byline: not stated\n  date: not stated\n${revisions}`;

const ALPHA_V1 = [
  'Alpha Deal Explained',
  'The license now runs through 2032 and is no longer exclusive.',
  'OpenAI keeps paying a revenue share to Microsoft until 2030, the companies said on Monday.',
  'Analysts called it a cleaner deal',
  'for both companies.',
].join('\n\n');
const ALPHA_V2 = ALPHA_V1.replace(
  'OpenAI keeps paying a revenue share to Microsoft until 2030, the companies said on Monday.',
  'OpenAI keeps paying a capped revenue share to Microsoft until 2031, the companies said on Monday.',
);
const BETA = 'Beta Report\n\nAzure remains the primary cloud partner for OpenAI products.\n';

const catalog = buildCatalog({
  seeds: [file('001_alpha.txt', ALPHA_V1), file('002_beta.txt', BETA)],
  revisions: [file('revisions/001_alpha.2.txt', ALPHA_V2)],
  metadataText:
    meta(
      '001_alpha.txt',
      'alpha',
      'Alpha Deal Explained',
      '  revisions:\n    - seed: revisions/001_alpha.2.txt\n      date: 2026-05-06\n',
    ) + meta('002_beta.txt', 'beta', 'Beta Report'),
  metadataFile: 'content/sources.yaml',
});
const bySlug = new Map<string, Source>(catalog.sources.map((s) => [s.slug, s]));

function notFound(source: string, quote: string): ContentProblem {
  const result = resolveCitation(bySlug, { source, quote, file: 'content/explainers/x.mdx', line: 3, column: 7 });
  if (result.ok) throw new Error(`"${quote}" was found`);
  return result.problem;
}

describe('quote not found: sharper suggestions', () => {
  it('words that are in another source: names which, and the attribute to write', () => {
    const p = notFound('alpha', 'Azure remains the primary cloud partner');
    expect(p.message).toContain('These exact words are in another source: "Beta Report" (beta), ¶ 2.');
    expect(p.fix).toBe('if that is the source you mean, write source="beta".');
  });

  it('words that span two passages: says so, and gives the two parts', () => {
    const p = notFound('alpha', 'a cleaner deal for both companies');
    expect(p.message).toContain('The words run across two passages, ¶ 4 and ¶ 5; a quote must sit within one passage.');
    expect(p.fix).toBe('cite the two parts separately: quote="a cleaner deal" and quote="for both companies".');
  });

  it('a difference only in case: says so, with the source’s capitals', () => {
    const p = notFound('alpha', 'the License now runs through 2032');
    expect(p.message).toContain(
      'The words are in ¶ 2, but with other capitals: the source has "The license now runs through 2032".',
    );
  });

  it('a quote the revision changed: names the quote, the old passage and the nearest new text, re-anchored by the words around it', () => {
    const p = notFound('alpha', 'a revenue share to Microsoft until 2030');
    const old = bySlug.get('alpha')?.versions?.[0]?.passages[2];
    expect(p.message).toContain(
      'quote not found in "Alpha Deal Explained" (alpha): "a revenue share to Microsoft until 2030".',
    );
    expect(p.message).toContain(
      `The source was revised on 2026-05-06, and the current version no longer has these words.`,
    );
    expect(p.message).toContain(`They were in ¶ 3 of version 1 (#${old?.id}): "${old?.text}".`);
    expect(p.message).toContain('The nearest text now (¶ 3): "a capped revenue share to Microsoft until 2031,".');
    expect(p.fix).toMatch(/^quote the current words/u);
  });

  it('otherwise, the closest words as before', () => {
    expect(notFound('alpha', 'The license now runs through 2033').message).toContain('Did you mean (¶ 2):');
  });
});

describe('reanchor', () => {
  it('finds the words between the same neighbours in the new text', () => {
    expect(
      reanchor(
        'OpenAI keeps paying',
        ', the companies said',
        'OpenAI keeps paying a capped share until 2031, the companies said.',
        'a share until 2030',
      ),
    ).toBe('a capped share until 2031,');
  });

  it('falls back to the closest stretch when the neighbours are gone', () => {
    expect(
      reanchor(
        'Gone words before',
        'gone words after',
        'Now the share lasts until 2031 for everyone.',
        'the share lasts until 2030',
      ),
    ).toBe('the share lasts until 2031');
  });
});
