// npm run add-source, decided purely: saved web pages and text in, seed files, metadata and ledger
// entries out — or a refusal, with nothing to write.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCatalog, checkChecksums } from '../../../src/lib/catalog.ts';
import { parseClaims } from '../../../src/lib/claims.ts';
import { extractArticle, parseBylineLine, parseDateLine } from '../../../src/lib/ingest/extract.ts';
import {
  formatReport,
  planAddSource,
  slugFor,
  type Plan,
  type Request,
  type Workspace,
} from '../../../src/lib/ingest/add-source.ts';
import { seedFromBlocks } from '../../../src/lib/ingest/seed.ts';
import { cleanValue, forTerminal } from '../../../src/lib/ingest/untrusted.ts';
import { addRevisionEntry, addUnreviewedSource } from '../../../src/lib/ingest/yaml-edits.ts';
import { parseSourcesMetadata } from '../../../src/lib/metadata.ts';
import { toPassages } from '../../../src/lib/passages/index.ts';
import { ROOT } from '../../support/paths.ts';

const FIXTURES = join(ROOT, 'tests/fixtures/ingest');
const page = (name: string) => readFileSync(join(FIXTURES, name));
const text = (bytes: Uint8Array | string) => (typeof bytes === 'string' ? bytes : new TextDecoder().decode(bytes));

/** The real content, as add-source reads it. */
function workspace(): Workspace {
  const read = (dir: string, prefix = '') =>
    readdirSync(dir)
      .filter((n) => n.endsWith('.txt'))
      .map((name) => ({ name: `${prefix}${name}`, bytes: readFileSync(join(dir, name)) }));
  return {
    seeds: read(join(ROOT, 'seeds')),
    revisions: [],
    metadataText: readFileSync(join(ROOT, 'content/sources.yaml'), 'utf8'),
    claimsText: readFileSync(join(ROOT, 'content/claims.yaml'), 'utf8'),
    manifestText: readFileSync(join(ROOT, 'seeds/SHA256SUMS'), 'utf8'),
    paths: { seeds: 'seeds', metadata: 'content/sources.yaml', claims: 'content/claims.yaml' },
  };
}
const request = (name: string, bytes: Uint8Array, extra: Partial<Request> = {}): Request => ({
  file: { name, bytes },
  today: '2026-05-10',
  ...extra,
});
function planned(plan: Plan) {
  if (!plan.ok) throw new Error(`refused: ${plan.reason}`);
  return plan;
}
/** The workspace after a plan's writes. */
function apply(ws: Workspace, plan: Plan): Workspace {
  const next = { ...ws, seeds: [...ws.seeds], revisions: [...ws.revisions] };
  for (const write of planned(plan).writes) {
    const content = typeof write.content === 'string' ? write.content : text(write.content);
    if (write.path === 'content/sources.yaml') next.metadataText = content;
    else if (write.path === 'content/claims.yaml') next.claimsText = content;
    else if (write.path === 'seeds/SHA256SUMS') next.manifestText = content;
    else if (write.path.startsWith('seeds/revisions/')) {
      next.revisions.push({ name: write.path.slice('seeds/'.length), bytes: write.content as Uint8Array });
    } else next.seeds.push({ name: write.path.slice('seeds/'.length), bytes: write.content as Uint8Array });
  }
  return next;
}
const catalogOf = (ws: Workspace) =>
  buildCatalog({
    seeds: ws.seeds.map((s) => ({ ...s, path: `seeds/${s.name}` })),
    revisions: ws.revisions.map((s) => ({ ...s, path: `seeds/${s.name}` })),
    metadataText: ws.metadataText,
    metadataFile: 'content/sources.yaml',
    checksums: { text: ws.manifestText, file: 'seeds/SHA256SUMS' },
  });

// Words of the furniture around the articles in the fixtures: none may reach a seed.
const FURNITURE = [
  'World',
  'Subscribe for $1',
  'Share on X',
  'Copy link',
  'Read more',
  "OpenAI's $50 billion Amazon deal, explained",
  'Sign up for our newsletter',
  'Related articles',
  'Nvidia beats estimates',
  'Comments (3)',
  'techfan99',
  'About time AWS',
  'All rights reserved',
  'We use cookies',
  'Topics:',
  'Popular posts',
  'Kubernetes costs',
  'Sponsored',
  'Share this post',
  'Previous post',
  'Leave a comment',
  'Powered by',
  'dataLayer',
  'The renegotiated deal ends Azure exclusivity and caps',
];

describe('a saved news page with JSON-LD (ledger-wire.html)', () => {
  const article = extractArticle(text(page('ledger-wire.html')));

  it('takes its metadata from JSON-LD and the visible date, and says where each field came from', () => {
    expect(article?.metadata).toEqual({
      title: { value: 'Microsoft and OpenAI Rewrite Their Cloud Pact', from: 'JSON-LD headline' },
      byline: { value: 'Maya Ortiz', from: 'JSON-LD author' },
      publisher: { value: 'The Ledger Wire', from: 'JSON-LD publisher' },
      dateIso: { value: '2026-05-03', from: 'JSON-LD datePublished' },
      modifiedIso: { value: '2026-05-03', from: 'JSON-LD dateModified' },
      date: { value: 'May 3, 2026', from: 'visible date' },
      url: { value: 'https://ledgerwire.example/tech/2026/05/03/microsoft-openai-cloud-pact', from: 'JSON-LD url' },
    });
  });

  it('keeps the article — paragraphs, headings, a list — and leaves out the page around it', () => {
    const blocks = article?.blocks ?? [];
    expect(blocks.map((b) => b.kind)).toEqual([
      'paragraph',
      'paragraph',
      'heading',
      'paragraph',
      'paragraph',
      'list-item',
      'list-item',
      'list-item',
      'heading',
      'paragraph',
      'paragraph',
      'paragraph',
    ]);
    expect(blocks[4]?.text).toBe(
      '"This is a cleaner deal for both sides," said Priya Raman, an analyst at Northfield Research. "Microsoft gets certainty until 2032, and OpenAI gets room to grow."',
    );
    const all = blocks.map((b) => b.text).join('\n');
    for (const words of FURNITURE) expect(all, words).not.toContain(words);
    expect(article?.leftOut).toEqual(['Advertisement']);
  });
});

describe('a saved blog post with only meta tags and a visible byline (cloud-notes.html)', () => {
  const article = extractArticle(text(page('cloud-notes.html')));

  it('takes the byline from the author meta tag, the publisher from the page title, the date from the visible byline', () => {
    expect(article?.metadata).toEqual({
      title: { value: 'Why the Azure exclusivity had to go', from: 'the page title' },
      byline: { value: 'Dana Whitfield', from: 'meta author' },
      publisher: { value: 'Cloud Notes', from: 'the page title, after the headline' },
      date: { value: 'May 5, 2026', from: 'visible byline' },
      dateIso: { value: '2026-05-05', from: 'visible byline' },
    });
  });

  it('leaves the byline line, the sidebar, share links, post navigation and comments out', () => {
    const all = (article?.blocks ?? []).map((b) => b.text).join('\n');
    for (const words of FURNITURE) expect(all, words).not.toContain(words);
    expect(article?.leftOut).toEqual(['By Dana Whitfield · May 5, 2026 · 4 min read']);
    expect(article?.blocks.filter((b) => b.kind === 'list-item').map((b) => b.ordered)).toEqual([true, true, true]);
  });
});

describe('planAddSource: a plain-text article with a byline and a date line under its title', () => {
  const body = [
    'Microsoft and OpenAI agreed on Monday to rewrite the terms of their partnership, ending the exclusivity that bound the two companies since 2019.',
    'The new agreement keeps a license for Microsoft through 2032, according to both companies, and it removes the clause tied to artificial general intelligence.',
    'Analysts said the change gives OpenAI room to sell its models on rival clouds, while Microsoft keeps its stake and its place as the primary cloud partner.',
    'Neither company disclosed every financial term, but both said the revenue share would continue in a capped form for several more years under the new arrangement.',
    'The deal also lets Microsoft pursue its own research toward advanced systems, alone or with partners, which the old contract had limited in several ways.',
  ];
  const article = ['Microsoft and OpenAI sign a new pact', 'By Sam Columnist', 'Published April 29, 2026', ...body].join('\n');
  const plan = planned(planAddSource(workspace(), request('plain.txt', new TextEncoder().encode(`${article}\n`))));
  const entry = () =>
    parseSourcesMetadata(text(plan.writes.find((w) => w.path === 'content/sources.yaml')?.content ?? ''), 'x').entries.at(-1)
      ?.metadata;

  it('takes the byline and the date from their lines, saying so', () => {
    expect(entry()).toMatchObject({ byline: 'Sam Columnist', date: 'April 29, 2026', dateIso: '2026-04-29' });
    expect(plan.report.fields.find((f) => f.name === 'date')?.from).toBe('the date line of the text');
  });

  it('keeps the seed byte for byte, and marks those two lines as page furniture, not headings of the article', () => {
    expect(text(plan.writes[0]?.content ?? '')).toBe(`${article}\n`);
    expect(entry()?.overrides).toEqual([
      { line: 'By Sam Columnist', kind: 'furniture', label: 'Byline' },
      { line: 'Published April 29, 2026', kind: 'furniture', label: 'Date' },
    ]);
    expect(plan.report.passages).toMatchObject({ headings: 1, furniture: 2, paragraphs: 5 });
  });

  it('finds the byline below a long standfirst, and takes no date from a line away from it', () => {
    const standfirst = 'A long standfirst that sums up the whole article in more than twenty words, as some publishers print under the headline before the byline.';
    const timeline = ['Timeline of the deal', standfirst, 'By Jane Doe', ...body, 'January 5, 2019', ...body].join('\n');
    const read = planned(planAddSource(workspace(), request('t.txt', new TextEncoder().encode(`${timeline}\n`))));
    const meta = parseSourcesMetadata(text(read.writes.find((w) => w.path === 'content/sources.yaml')?.content ?? ''), 'x')
      .entries.at(-1)?.metadata;
    expect(meta).toMatchObject({ byline: 'Jane Doe', date: 'not stated' });
    expect(meta?.overrides).toEqual([{ line: 'By Jane Doe', kind: 'furniture', label: 'Byline' }]);
  });

  it('reads a date only on a line of its own: a sentence that gives a date is not one', () => {
    expect(parseDateLine('April 29, 2026')).toEqual({ date: 'April 29, 2026', dateIso: '2026-04-29' });
    expect(parseDateLine('Updated: Apr. 29, 2026 10:15 am ET')).toMatchObject({ dateIso: '2026-04-29' });
    expect(parseDateLine('April 29, 2026 10:15 a.m. ET')).toMatchObject({ dateIso: '2026-04-29' });
    expect(parseDateLine('May 32, 2026')).toBeUndefined();
    expect(parseDateLine('Sam Columnist April 29, 2026')).toBeUndefined();
    expect(parseDateLine('The deal was signed on April 29, 2026.')).toBeUndefined();
  });
});

describe('planAddSource: a new source', () => {
  const ws = workspace();
  const plan = planned(planAddSource(ws, request('ledger-wire.html', page('ledger-wire.html'))));
  const after = apply(ws, plan);
  const written = (path: string) => text(plan.writes.find((w) => w.path === path)?.content ?? '');

  it('writes the seed (headline first, one block per line), its checksum, its entry and its ledger column — nothing else', () => {
    const seed = plan.writes[0];
    expect(seed?.path).toMatch(/^seeds\/005_[0-9a-f]{16}\.txt$/u);
    expect(plan.writes.map((w) => w.path)).toEqual([
      seed?.path,
      'seeds/SHA256SUMS',
      'content/sources.yaml',
      'content/claims.yaml',
    ]);
    const lines = text(seed?.content ?? '').split('\n');
    expect(lines.slice(0, 4)).toEqual([
      'Microsoft and OpenAI Rewrite Their Cloud Pact',
      '',
      "Microsoft and OpenAI have agreed new terms for their partnership, ending the arrangement under which Azure was the only cloud allowed to host OpenAI's models for outside developers.",
      '',
    ]);
    expect(lines).toContain("- Microsoft's license runs through 2032 and is non-exclusive.");
    const sha = createHash('sha256')
      .update(seed?.content as Uint8Array)
      .digest('hex');
    expect(written('seeds/SHA256SUMS')).toBe(`${ws.manifestText}${sha}  ${seed?.path.slice(6)}\n`);
  });

  it('gives the entry its permanent slug from the start, and notes where every field came from', () => {
    expect(written('content/sources.yaml').startsWith(ws.metadataText as string)).toBe(true);
    const { entries, problems } = parseSourcesMetadata(written('content/sources.yaml'), 'content/sources.yaml');
    expect(problems).toEqual([]);
    expect(entries.at(-1)?.metadata).toEqual({
      seed: plan.writes[0]?.path.slice(6),
      slug: 'microsoft-and-openai-rewrite-their-cloud-pact',
      title: 'Microsoft and OpenAI Rewrite Their Cloud Pact',
      titleSupplied: false,
      publisher: 'The Ledger Wire',
      byline: 'Maya Ortiz',
      date: 'May 3, 2026',
      dateIso: '2026-05-03',
      url: 'https://ledgerwire.example/tech/2026/05/03/microsoft-openai-cloud-pact',
      provenance: {
        title: 'JSON-LD headline',
        publisher: 'JSON-LD publisher',
        byline: 'JSON-LD author',
        date: 'visible date',
        dateIso: 'JSON-LD datePublished',
        url: 'JSON-LD url',
        file: 'ledger-wire.html',
      },
    });
  });

  it('adds the source to every claim as not reviewed, and changes nothing else in the ledger', () => {
    const slugs = catalogOf(after).sources.map((s) => s.slug);
    const { claims, problems } = parseClaims(written('content/claims.yaml'), 'content/claims.yaml', slugs);
    expect(problems).toEqual([]);
    expect(claims).toHaveLength(parseClaims(ws.claimsText as string, 'content/claims.yaml', slugs).claims.length);
    expect(claims.length).toBeGreaterThan(20);
    for (const c of claims) {
      expect(c.claim.sources['microsoft-and-openai-rewrite-their-cloud-pact']).toEqual({ status: 'unreviewed' });
      expect(c.unreviewed).toEqual(['microsoft-and-openai-rewrite-their-cloud-pact']);
    }
    const before = parseClaims(ws.claimsText as string, 'content/claims.yaml', slugs).claims;
    expect(
      claims.map((c) => ({
        ...c.claim,
        sources: { ...c.claim.sources, 'microsoft-and-openai-rewrite-their-cloud-pact': undefined },
      })),
    ).toEqual(
      before.map((c) => ({
        ...c.claim,
        sources: { ...c.claim.sources, 'microsoft-and-openai-rewrite-their-cloud-pact': undefined },
      })),
    );
  });

  it('yields a catalog with the new source, its checksum verified', () => {
    const catalog = catalogOf(after);
    expect(catalog.sources.at(-1)).toMatchObject({
      slug: 'microsoft-and-openai-rewrite-their-cloud-pact',
      curated: true,
    });
    expect(catalog.warnings).toEqual([]);
  });

  it('tells the editor what to check next', () => {
    const report = formatReport(plan.report);
    expect(report).toContain(
      'Added "Microsoft and OpenAI Rewrite Their Cloud Pact" as /sources/microsoft-and-openai-rewrite-their-cloud-pact/',
    );
    expect(report).toMatch(/byline +Maya Ortiz +← JSON-LD author/u);
    expect(report).toContain('is permanent from the first time it is published');
    const total = (ws.claimsText as string).match(/^- id: /gmu)?.length;
    expect(report).toContain(`${total} claims list it as not reviewed`);
    expect(report).toContain('Left out as page furniture: "Advertisement".');
    expect(report).not.toContain('stands on the page as');
  });

  it('names the lines it could not read as the page marked each up', () => {
    const report = formatReport({
      ...plan.report,
      readAlike: [{ line: '1. now', kinds: ['list-item', 'heading'] }],
    } as typeof plan.report);
    expect(report).toContain(
      'The line "1. now" stands on the page as a list item and as a heading; the seed reads every such line as a list item: check them.',
    );
  });
});

describe('planAddSource: refusals, with nothing to write', () => {
  const ws = workspace();
  const refusal = (plan: Plan) => {
    if (plan.ok) throw new Error('expected a refusal');
    return `${plan.reason}\nFix: ${plan.fix}`;
  };

  it('a teaser or paywalled page', () => {
    expect(refusal(planAddSource(ws, request('teaser.html', page('teaser.html'))))).toMatch(
      /^teaser\.html has too little article text to be a source \(\d+ words; at least 120\): it looks like a teaser or a paywalled page\./u,
    );
  });

  it('files that are not articles: a PDF, an image, data, a page with no article', () => {
    const utf8 = (s: string) => new TextEncoder().encode(s);
    expect(refusal(planAddSource(ws, request('a.pdf', utf8('%PDF-1.7\n…'))))).toMatch(
      /^a\.pdf is a PDF document, not an article\./u,
    );
    expect(refusal(planAddSource(ws, request('a.png', Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a))))).toMatch(
      /is a PNG image/u,
    );
    const csv = Array.from({ length: 60 }, (_, i) => `${i},deal,${i * 3},azure`).join('\n');
    expect(refusal(planAddSource(ws, request('data.csv', utf8(csv))))).toMatch(
      /^data\.csv does not read as an article/u,
    );
    const front =
      '<!doctype html><html><body><nav><a href="/">Home</a> <a href="/tech">Tech</a></nav><ul><li><a href="/a">Story A</a></li></ul></body></html>';
    expect(refusal(planAddSource(ws, request('front.html', utf8(front))))).toMatch(
      /^(?:no article was found in front\.html|front\.html has too little article text)/u,
    );
    expect(refusal(planAddSource(ws, request('bin.txt', Uint8Array.of(0x41, 0x00, 0x42))))).toMatch(
      /^bin\.txt is not an article: the file contains a NUL byte/u,
    );
  });

  it('an article saved in another encoding: says it is not UTF-8 and how to convert it (not "not an article")', () => {
    const latin1 = Uint8Array.from('Headline\n\nThe caf\u00e9 deal was signed.\n', (c) => c.charCodeAt(0));
    const text = refusal(planAddSource(ws, request('cp1252.txt', latin1)));
    expect(text).toMatch(/^cp1252\.txt is not UTF-8 text: on line 3, byte 0xe9 at offset \d+ is not valid UTF-8\./u);
    // Beside the file, never over it (`> cp1252.txt` would empty it before iconv reads it).
    expect(text).toContain('Fix: save it as UTF-8 under a new name, e.g. `iconv -f WINDOWS-1252 -t UTF-8 cp1252.txt > cp1252.utf8.txt`');
    expect(text).not.toMatch(/SHA256SUMS|not an article/u);
  });

  it('an article that is already a seed: a real seed given again as text', () => {
    const seed = readFileSync(join(ROOT, 'seeds/004_fa64b385c398ed41.txt'));
    expect(refusal(planAddSource(ws, request('copy.txt', seed)))).toMatch(
      /^this article's text is already a seed: seeds\/004_fa64b385c398ed41\.txt \(version 1 of "Microsoft and OpenAI End 7-Year Azure Exclusivity in Partnership Overhaul", \/sources\/azure-exclusivity-ends\/\)\./u,
    );
  });

  it('an added page given again, and its corrected version given as new: says to add it as a version', () => {
    const after = apply(ws, planAddSource(ws, request('ledger-wire.html', page('ledger-wire.html'))));
    expect(refusal(planAddSource(after, request('again.html', page('ledger-wire.html'))))).toMatch(
      /^this article's text is already a seed/u,
    );
    expect(refusal(planAddSource(after, request('fixed.html', page('ledger-wire-corrected.html'))))).toContain(
      'Fix: if it is a correction or an update, add it as a new version: npm run add-source -- --revise microsoft-and-openai-rewrite-their-cloud-pact fixed.html',
    );
  });

  it('a slug that is taken or malformed, a revision of a source that does not exist or of another article', () => {
    const wire = page('ledger-wire.html');
    expect(refusal(planAddSource(ws, request('w.html', wire, { slug: 'azure-exclusivity-ends' })))).toMatch(
      /^the slug "azure-exclusivity-ends" is already taken/u,
    );
    expect(refusal(planAddSource(ws, request('w.html', wire, { slug: 'Bad Slug' })))).toMatch(
      /is not lowercase words joined by hyphens/u,
    );
    expect(refusal(planAddSource(ws, request('w.html', wire, { revise: 'nope' })))).toMatch(
      /^there is no source with the slug "nope"/u,
    );
    expect(refusal(planAddSource(ws, request('w.html', wire, { revise: 'azure-exclusivity-ends' })))).toMatch(
      /^this does not look like a version of "Microsoft and OpenAI End 7-Year Azure Exclusivity in Partnership Overhaul"/u,
    );
  });
});

describe('planAddSource: a new version of a source', () => {
  const base = workspace();
  const ws = apply(base, planAddSource(base, request('ledger-wire.html', page('ledger-wire.html'))));
  const plan = planned(
    planAddSource(
      ws,
      request('fixed.html', page('ledger-wire-corrected.html'), {
        revise: 'microsoft-and-openai-rewrite-their-cloud-pact',
        note: 'Corrected the cap.',
      }),
    ),
  );
  const after = apply(ws, plan);

  it('adds the file beside the original, dated by the page’s dateModified, and lists it under the source', () => {
    const original = ws.seeds.at(-1)?.name.replace(/\.txt$/u, '');
    expect(plan.writes.map((w) => w.path)).toEqual([
      `seeds/revisions/${original}.2.txt`,
      'seeds/SHA256SUMS',
      'content/sources.yaml',
    ]);
    const entry = parseSourcesMetadata(after.metadataText as string, 'content/sources.yaml').entries.at(-1)?.metadata;
    expect(entry?.revisions).toEqual([
      { seed: `revisions/${original}.2.txt`, date: '2026-05-04', note: 'Corrected the cap.' },
    ]);
    // The original is untouched, and the rest of the file too.
    expect(after.seeds).toEqual(ws.seeds);
    expect((after.metadataText as string).replace(/^ {2}revisions:\n(?: {4,}.*\n)+/mu, '')).toBe(ws.metadataText);
  });

  it('the catalog shows the new text and keeps every old passage id, landing on its successor', () => {
    const source = catalogOf(after).sources.at(-1);
    expect(source?.versions).toHaveLength(2);
    expect(source?.passages.map((p) => p.text)).toContain(
      'OpenAI will keep paying Microsoft a share of its revenue until 2030, subject to a total cap that the companies have not made public. Microsoft, which holds a stake of roughly 27 percent in OpenAI, stops paying its own revenue share to OpenAI immediately.',
    );
    expect(source?.former?.map((f) => f.change).sort()).toEqual(['removed', 'revised']);
    expect(formatReport(plan.report)).toContain('What changed: 1 passage revised, 1 removed, 1 added.');
  });

  it('refuses the same version twice', () => {
    const again = planAddSource(
      after,
      request('fixed.html', page('ledger-wire-corrected.html'), {
        revise: 'microsoft-and-openai-rewrite-their-cloud-pact',
      }),
    );
    expect(again.ok).toBe(false);
  });
});

describe('untrusted strings from a page', () => {
  const hostile = `<!doctype html><html><head><title>x</title>
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Deal\\u001b[31m done\\u202e\\"\\n- seed: evil.txt","author":{"name":"<img src=x onerror=alert(1)>"},"publisher":{"name":"Pub: \\"quoted\\" & co"}}</script>
</head><body><article><h1>Deal</h1>${Array.from({ length: 12 }, (_, i) => `<p>Paragraph ${i} of the article says that the deal ends exclusivity and caps the share, with <b>bold</b> words.<script>document.write('x')</script></p>`).join('')}</article></body></html>`;
  const ws = workspace();
  const plan = planned(planAddSource(ws, request('hostile.html', new TextEncoder().encode(hostile))));
  const metadata = text(plan.writes.find((w) => w.path === 'content/sources.yaml')?.content ?? '');

  it('cannot add a field or an entry to the YAML, and keeps no control or bidi characters', () => {
    const { entries, problems } = parseSourcesMetadata(metadata, 'content/sources.yaml');
    expect(problems).toEqual([]);
    expect(entries).toHaveLength(6);
    const entry = entries.at(-1)?.metadata;
    expect(entry?.title).toBe('Deal [31m done" - seed: evil.txt');
    expect(entry?.byline).toBe('<img src=x onerror=alert(1)>');
    expect(entry?.publisher).toBe('Pub: "quoted" & co');
  });

  it('keeps script out of the seed', () => {
    expect(text(plan.writes[0]?.content ?? '')).not.toContain('document.write');
  });

  it('forTerminal shows escapes instead of obeying them', () => {
    expect(forTerminal('a\u001b[2Jb\u202ec')).toBe('a\\u{1b}[2Jb\\u{202e}c');
    expect(cleanValue('  a\u200b\u0007b\n c ')).toBe('a b c');
  });
});

describe('seedFromBlocks keeps the page’s reading of every block (property)', () => {
  const word = fc.constantFrom(
    'Deal',
    'the',
    'cloud',
    'Azure',
    'share',
    'Advertisement',
    '-',
    '1.',
    'Share',
    'Key',
    'What',
    'ends',
    'now',
    '2032',
    'min',
    'read',
    'By',
    'Q:',
  );
  const blockText = fc
    .tuple(fc.array(word, { minLength: 1, maxLength: 12 }), fc.constantFrom('', '.', ':', '?', '!'))
    .map(([ws, end]) => cleanValue(`${ws.join(' ')}${end}`));
  const block = fc.record({
    kind: fc.constantFrom('heading' as const, 'paragraph' as const, 'list-item' as const),
    text: blockText,
    ordered: fc.boolean(),
  });

  it('toPassages on the seed, with its overrides, gives back the title and the blocks, kind for kind and word for word', () => {
    fc.assert(
      fc.property(fc.uniqueArray(block, { minLength: 1, maxLength: 12, selector: (b) => b.text }), (blocks) => {
        fc.pre(!blocks.some((b) => b.text === 'Title Of The Piece'));
        const { text: seed, overrides, readAlike } = seedFromBlocks('Title Of The Piece', blocks);
        // Lines that read alike but stand as different kinds cannot all keep their reading: reported (below).
        fc.pre(readAlike.length === 0);
        const { passages, unusedOverrides } = toPassages(seed, overrides);
        expect(unusedOverrides).toEqual([]);
        expect(passages.map((p) => [p.kind, p.kind === 'list-item' ? (p.body ?? p.text) : p.text])).toEqual([
          ['heading', 'Title Of The Piece'],
          ...blocks.map((b) => [b.kind, b.text]),
        ]);
      }),
      { numRuns: 300 },
    );
  });

  it('reports lines that read alike but stand on the page as different kinds, and keeps the first reading', () => {
    // Found by the property above: an ordered item "now" is written "1. now", as is a heading "1. now".
    const blocks = [
      { kind: 'list-item' as const, text: 'now', ordered: true },
      { kind: 'heading' as const, text: '1. now', ordered: false },
      { kind: 'heading' as const, text: 'Deal', ordered: false },
    ];
    const { text: seed, overrides, readAlike } = seedFromBlocks('Title Of The Piece', blocks);
    expect(readAlike).toEqual([{ line: '1. now', kinds: ['list-item', 'heading'] }]);
    const { passages } = toPassages(seed, overrides);
    expect(passages.map((p) => p.kind)).toEqual(['heading', 'list-item', 'list-item', 'heading']);
  });
});

describe('small pieces', () => {
  it('slugFor: the title’s first words, at most 60 characters, never one already taken', () => {
    expect(slugFor('Microsoft and OpenAI Rewrite Their Cloud Pact', new Set())).toBe(
      'microsoft-and-openai-rewrite-their-cloud-pact',
    );
    expect(
      slugFor(
        'Microsoft and OpenAI Rewrite Their Cloud Pact',
        new Set(['microsoft-and-openai-rewrite-their-cloud-pact']),
      ),
    ).toBe('microsoft-and-openai-rewrite-their-cloud-pact-2');
    expect(slugFor('한국어', new Set()).length).toBeGreaterThan(0);
    expect(
      slugFor('A very long headline that goes on and on about the deal and the cloud and the money', new Set()).length,
    ).toBeLessThanOrEqual(60);
  });

  it('parseBylineLine reads names and dates, and not sentences', () => {
    expect(parseBylineLine('By Jane Doe and John Roe, May 5, 2026')).toEqual({
      byline: 'Jane Doe and John Roe',
      date: 'May 5, 2026',
      dateIso: '2026-05-05',
    });
    expect(parseBylineLine('By the numbers, the deal is big.')).toBeUndefined();
  });

  it('addUnreviewedSource works on flow-style ledgers too, and addRevisionEntry appends to a list of revisions', () => {
    const flow =
      '- id: a\n  claim: A.\n  sources: { x: { status: silent } }\n- id: b\n  claim: B.\n  sources:\n    x: { status: silent }\n';
    const { text: out, claims } = addUnreviewedSource(flow, 'new');
    expect(claims).toBe(2);
    expect(out).toBe(
      '- id: a\n  claim: A.\n  sources: { x: { status: silent }, new: { status: unreviewed } }\n- id: b\n  claim: B.\n  sources:\n    x: { status: silent }\n    new:\n      status: unreviewed\n',
    );
    const meta =
      '- seed: a.txt\n  slug: a\n  revisions:\n    - seed: revisions/a.2.txt\n      date: 2026-05-04\n\n- seed: b.txt\n  slug: b\n';
    expect(addRevisionEntry(meta, 'a.txt', { seed: 'revisions/a.3.txt', date: '2026-05-05' })).toBe(
      '- seed: a.txt\n  slug: a\n  revisions:\n    - seed: revisions/a.2.txt\n      date: 2026-05-04\n    - seed: revisions/a.3.txt\n      date: 2026-05-05\n\n- seed: b.txt\n  slug: b\n',
    );
  });

  it('checksums written by a plan verify', () => {
    const ws = workspace();
    const after = apply(ws, planAddSource(ws, request('cloud-notes.html', page('cloud-notes.html'))));
    const files = after.seeds.map((s) => ({ ...s, path: `seeds/${s.name}` }));
    expect(checkChecksums({ text: after.manifestText, file: 'seeds/SHA256SUMS' }, files)).toEqual({
      problems: [],
      warnings: [],
    });
  });
});
