/**
 * `npm run add-source`: what adding a source (or a new version of one) writes, decided purely from
 * the file and the current content. Either a plan — the files to write and a report for the editor —
 * or a refusal that says why, in which case nothing is written.
 */
import { createHash } from 'node:crypto';
import { buildCatalog, type Source } from '../catalog.ts';
import { ContentError, formatProblem } from '../errors.ts';
import { asciiSlug, canonicalText } from '../passages/anchors.ts';
import { toPassages } from '../passages/index.ts';
import type { PassageKind, PassageOverride } from '../passages/types.ts';
import { diffVersions, type PassageChange } from '../revisions.ts';
import { appendToManifest, MANIFEST_NAME } from '../seed-manifest.ts';
import { decodeSeed } from '../seed-text.ts';
import { extractArticle, isoDate, parseBylineLine, parseDateLine, type ArticleMetadata, type Field } from './extract.ts';
import { seedFromBlocks, type SeedText } from './seed.ts';
import { cleanValue } from './untrusted.ts';
import { addRevisionEntry, addUnreviewedSource, appendSourceEntry } from './yaml-edits.ts';

/** An article shorter than this (in words of paragraphs and list items) is a teaser, not a source. */
export const MIN_WORDS = 120;
/** A new article sharing this share of its passages with a source is a version of it. */
const SAME_ARTICLE = 0.6;
/** A revision must share at least this share of its passages (same or similar) with the current version. */
const SAME_STORY = 0.3;

export interface Workspace {
  /** Files in seeds/ (`name` as in seeds/) and seeds/revisions/ (`name` as `revisions/x.txt`). */
  seeds: { name: string; bytes: Uint8Array }[];
  revisions: { name: string; bytes: Uint8Array }[];
  metadataText: string | undefined;
  claimsText: string | undefined;
  manifestText: string | undefined;
  /** Repository-relative paths, for the writes and the messages. */
  paths: { seeds: string; metadata: string; claims: string };
}

export interface Request {
  file: { name: string; bytes: Uint8Array };
  /** Add the file as a new version of this source. */
  revise?: string;
  slug?: string;
  /** YYYY-MM-DD: the revision's date (default: the page's last-modified date, else today). */
  date?: string;
  note?: string;
  /** Today, YYYY-MM-DD (the caller's clock: this module reads none). */
  today: string;
}

export interface Write {
  path: string;
  content: Uint8Array | string;
}

export interface Report {
  kind: 'source' | 'revision';
  slug: string;
  title: string;
  seed: string;
  version?: number;
  date?: string;
  passages: { headings: number; paragraphs: number; listItems: number; furniture: number; words: number };
  /** Each metadata field with its value and where it came from (new sources). */
  fields: { name: string; value: string; from: string }[];
  leftOut: string[];
  /** Lines that read alike but the page marked up as different kinds (src/lib/ingest/seed.ts). */
  readAlike: SeedText['readAlike'];
  overrides: number;
  claims: number;
  changes: PassageChange[];
  metadataChanges: { name: string; now: string; page: string }[];
  writes: string[];
}

export type Plan = { ok: true; writes: Write[]; report: Report } | { ok: false; reason: string; fix: string };

const refuse = (reason: string, fix: string): Plan => ({ ok: false, reason, fix });
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const utf8 = (text: string) => new TextEncoder().encode(text);

export function planAddSource(workspace: Workspace, request: Request): Plan {
  let sources: Source[];
  try {
    sources = buildCatalog({
      seeds: workspace.seeds.map((s) => ({ ...s, path: `${workspace.paths.seeds}/${s.name}` })),
      revisions: workspace.revisions.map((s) => ({ ...s, path: `${workspace.paths.seeds}/${s.name}` })),
      metadataText: workspace.metadataText,
      metadataFile: workspace.paths.metadata,
    }).sources;
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    return refuse(
      `the seeds or their metadata have problems, so a source cannot be added safely:\n\n${error.problems.map(formatProblem).join('\n\n')}`,
      'fix them first (npm run check:content lists them), then run this again.',
    );
  }

  const read = readArticle(request.file);
  if (!read.ok) return read;
  const { seedBytes, metadata, overrides, leftOut, readAlike } = read;
  const seedText = new TextDecoder().decode(seedBytes);
  const { passages } = toPassages(seedText.replace(/^\uFEFF/u, '').replace(/\r\n?/gu, '\n'), overrides);
  const canonical = passages.map((p) => canonicalText(p.text));

  // Already a seed, or a version of one?
  const target = request.revise ? sources.find((s) => s.slug === request.revise) : undefined;
  for (const source of sources) {
    for (const version of source.versions ?? [{ version: 1, seed: source.seed, passages: source.passages }]) {
      const theirs = new Set(version.passages.map((p) => canonicalText(p.text)));
      const same = canonical.filter((t) => theirs.has(t)).length;
      const where = `${workspace.paths.seeds}/${version.seed}`;
      if (same === canonical.length && theirs.size === new Set(canonical).size) {
        return refuse(
          `this article's text is already a seed: ${where} (version ${version.version} of "${source.title}", /sources/${source.slug}/).`,
          'nothing to add. A new version of an article adds only when its text has changed.',
        );
      }
      if (!request.revise && same / Math.max(canonical.length, 1) >= SAME_ARTICLE) {
        return refuse(
          `this looks like a version of "${source.title}" (${source.slug}): ${same} of its ${canonical.length} passages are word for word in ${where}.`,
          `if it is a correction or an update, add it as a new version: npm run add-source -- --revise ${source.slug} ${request.file.name}`,
        );
      }
    }
  }

  if (request.revise) {
    if (!target) {
      return refuse(
        `there is no source with the slug "${request.revise}".`,
        `use one of: ${sources.map((s) => s.slug).join(', ')}.`,
      );
    }
    if (!target.curated) {
      return refuse(
        `"${target.slug}" has no entry in ${workspace.paths.metadata}, so it cannot record versions.`,
        'give it an entry first (see the comment at the top of the file).',
      );
    }
    return planRevision(workspace, request, target, { seedBytes, metadata, passages, leftOut, readAlike });
  }
  return planNewSource(workspace, request, sources, { seedBytes, metadata, overrides, passages, leftOut, readAlike });
}

// ── Reading the file ──────────────────────────────────────────────────────────────────────────

type Read =
  | {
      ok: true;
      seedBytes: Uint8Array;
      metadata: ArticleMetadata;
      overrides: PassageOverride[];
      leftOut: string[];
      readAlike: SeedText['readAlike'];
    }
  | { ok: false; reason: string; fix: string };

const NOT_AN_ARTICLE: [RegExp, string][] = [
  [/^%PDF-/u, 'a PDF document'],
  [/^PK\u0003\u0004/u, 'a ZIP archive (a Word document, an EPUB…)'],
  [/^\u0089PNG/u, 'a PNG image'],
  [/^GIF8/u, 'a GIF image'],
  [/^\u00ff\u00d8\u00ff/u, 'a JPEG image'],
  [/^(?:MIME-Version|From: <Saved by)/iu, 'a web archive (.mhtml)'],
];

export function readArticle(file: { name: string; bytes: Uint8Array }): Read {
  const head = String.fromCharCode(...file.bytes.slice(0, 64));
  const kind = NOT_AN_ARTICLE.find(([magic]) => magic.test(head))?.[1];
  if (kind) {
    return {
      ok: false,
      reason: `${file.name} is ${kind}, not an article.`,
      fix: 'give a saved web page (.html, "Web page, HTML only") or the article as plain UTF-8 text (.txt).',
    };
  }
  if (looksLikeHtml(file.bytes)) return readWebPage(file);

  const decoded = decodeSeed(file.bytes, file.name);
  if (!decoded.ok) {
    // Text in another encoding (Windows-1252, Latin-1) is an article all the same: say how to convert it.
    if (/is not valid UTF-8/u.test(decoded.problem.message)) {
      return {
        ok: false,
        reason: `${file.name} is not UTF-8 text: on line ${decoded.problem.line ?? 1}, ${decoded.problem.message}`,
        fix: `save it as UTF-8 under a new name, e.g. \`iconv -f WINDOWS-1252 -t UTF-8 ${shellWord(file.name)} > ${shellWord(utf8Name(file.name))}\` (for text saved on Windows), then run add-source again with the new file.`,
      };
    }
    return {
      ok: false,
      reason: `${file.name} is not an article: ${decoded.problem.message}`,
      fix: decoded.problem.fix,
    };
  }
  const text = decoded.value.text;
  const { passages } = toPassages(text);
  const prose = passages.filter((p) => p.kind === 'paragraph' || p.kind === 'list-item');
  const words = prose.reduce((n, p) => n + p.text.split(/\s+/u).length, 0);
  const sentences = prose.filter(
    (p) => /\p{L}/u.test(p.text) && p.text.split(/\s+/u).length >= 8 && /[.!?…"”’)]$/u.test(p.text),
  );
  if (sentences.length < 2 || words < MIN_WORDS) {
    return {
      ok: false,
      reason:
        sentences.length < 2
          ? `${file.name} does not read as an article: it has ${sentences.length === 0 ? 'no paragraph' : 'one paragraph'} of sentences.`
          : `${file.name} has too little article text to be a source (${words} words; at least ${MIN_WORDS}).`,
      fix: 'give the whole article as text, one paragraph per line, or a saved web page of it.',
    };
  }
  // A plain-text article is kept byte for byte; its first line is its title when it reads as one.
  const metadata: ArticleMetadata = {};
  const first = passages.find((p) => p.kind !== 'furniture');
  if (first?.kind === 'heading') metadata.title = { value: cleanValue(first.text), from: 'the first line of the text' };
  // The byline and a line that is only the date, near the top: metadata, and page furniture rather than
  // headings of the article (the seed keeps them, byte for byte; an override says what they are). A date line
  // counts only beside the byline: elsewhere a date may head a section ("January 5, 2019" in a timeline), and
  // "Updated …" is not the date of publication.
  const overrides: PassageOverride[] = [];
  const top = passages.slice(0, 6);
  const bylines = top.map((p) => parseBylineLine(p.text) ?? parseBylineLine(p.text.replace(/^.*?\b(?=By\s)/u, '')));
  const at = bylines.findIndex(Boolean);
  const byline = bylines[at];
  const bylinePassage = top[at];
  if (byline && bylinePassage) {
    metadata.byline = { value: byline.byline, from: 'the byline line of the text' };
    if (byline.date) metadata.date = { value: byline.date, from: 'the byline line of the text' };
    if (byline.dateIso) metadata.dateIso = { value: byline.dateIso, from: 'the byline line of the text' };
    if (bylinePassage.kind === 'heading') overrides.push({ line: bylinePassage.text, kind: 'furniture', label: 'Byline' });
  }
  if (!metadata.date && at >= 0) {
    for (const i of [at + 1, at - 1]) {
      const p = top[i];
      const dateLine = p && !/^\s*updated\b/iu.test(p.text) ? parseDateLine(p.text) : undefined;
      if (!p || !dateLine) continue;
      metadata.date = { value: dateLine.date, from: 'the date line of the text' };
      metadata.dateIso = { value: dateLine.dateIso, from: 'the date line of the text' };
      if (p.kind === 'heading') overrides.push({ line: p.text, kind: 'furniture', label: 'Date' });
      break;
    }
  }
  return { ok: true, seedBytes: file.bytes, metadata, overrides, leftOut: [], readAlike: [] };
}

/** A file name as one shell word. */
const shellWord = (name: string) => (/^[\w./-]+$/u.test(name) ? name : `'${name.replace(/'/gu, "'\\''")}'`);
/** Where the UTF-8 copy goes: beside the file, never over it ("a.txt" → "a.utf8.txt"). */
const utf8Name = (name: string) => name.replace(/(\.[^./]*)?$/u, '.utf8.txt');

function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8')
    .decode(bytes.slice(0, 4096))
    .replace(/^\uFEFF/u, '')
    .trimStart()
    .toLowerCase();
  return head.startsWith('<') && /<(?:!doctype html|html|head|body|article|p)[\s>]/u.test(head);
}

/** The page's bytes as text, in the character set it declares (UTF-8 unless it says otherwise). */
export function decodeWebPage(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes);
  const head = new TextDecoder('latin1').decode(bytes.slice(0, 2048));
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/iu.exec(head)?.[1];
  try {
    return new TextDecoder(declared ?? 'utf-8', { fatal: !declared }).decode(bytes);
  } catch {
    // Undeclared and not UTF-8: what browsers assume for old Western pages.
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

function readWebPage(file: { name: string; bytes: Uint8Array }): Read {
  const article = extractArticle(decodeWebPage(file.bytes));
  if (!article || article.blocks.length === 0) {
    return {
      ok: false,
      reason: `no article was found in ${file.name}: the page has no body of text to read.`,
      fix: 'save the article page itself (not a front page or a search result), with its text visible.',
    };
  }
  if (article.words < MIN_WORDS) {
    return {
      ok: false,
      reason: `${file.name} has too little article text to be a source (${article.words} words; at least ${MIN_WORDS}): it looks like a teaser or a paywalled page.`,
      fix: 'save the page when the whole article shows (signed in, or from the browser’s reader view), and add that file.',
    };
  }
  const { text, overrides, readAlike } = seedFromBlocks(article.metadata.title?.value, article.blocks);
  return {
    ok: true,
    seedBytes: utf8(text),
    metadata: article.metadata,
    overrides,
    leftOut: article.leftOut,
    readAlike,
  };
}

// ── A new source ──────────────────────────────────────────────────────────────────────────────

interface ReadArticle {
  seedBytes: Uint8Array;
  metadata: ArticleMetadata;
  passages: ReturnType<typeof toPassages>['passages'];
  leftOut: string[];
  readAlike: SeedText['readAlike'];
}

function planNewSource(
  workspace: Workspace,
  request: Request,
  sources: readonly Source[],
  article: ReadArticle & { overrides: PassageOverride[] },
): Plan {
  const { metadata } = article;
  const taken = new Set(sources.map((s) => s.slug));
  let slug = request.slug;
  if (slug !== undefined) {
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/u.test(slug)) {
      return refuse(
        `the slug "${slug}" is not lowercase words joined by hyphens.`,
        'write it like azure-exclusivity-ends.',
      );
    }
    if (taken.has(slug))
      return refuse(`the slug "${slug}" is already taken.`, 'choose another: slugs are permanent URLs.');
  } else {
    slug = slugFor(metadata.title?.value ?? request.file.name.replace(/\.[^.]+$/u, ''), taken);
  }

  const numbers = workspace.seeds.map((s) => Number(/^(\d+)_/u.exec(s.name)?.[1] ?? -1));
  const next = String(Math.max(-1, ...numbers) + 1).padStart(3, '0');
  const seed = `${next}_${sha256(article.seedBytes).slice(0, 16)}.txt`;

  const title = metadata.title?.value;
  const entry: Record<string, unknown> = {
    seed,
    slug,
    title: title ?? `Article from ${metadata.publisher?.value ?? request.file.name}`,
    titleSupplied: title === undefined,
    publisher: metadata.publisher?.value ?? 'not stated',
    byline: metadata.byline?.value ?? 'not stated',
    date: metadata.date?.value ?? 'not stated',
    ...(metadata.dateIso ? { dateIso: metadata.dateIso.value } : {}),
    ...(metadata.url ? { url: metadata.url.value } : {}),
    provenance: provenance(metadata, request.file.name),
    ...(article.overrides.length > 0 ? { overrides: article.overrides } : {}),
  };

  let claims = { text: workspace.claimsText, claims: 0 };
  if (workspace.claimsText !== undefined) {
    try {
      claims = addUnreviewedSource(workspace.claimsText, slug);
    } catch {
      return refuse(
        `${workspace.paths.claims} could not be edited safely to add the source as not reviewed.`,
        `check that it parses (npm run check:content), or add "${slug}: { status: unreviewed }" under each claim by hand.`,
      );
    }
  }

  const writes: Write[] = [
    { path: `${workspace.paths.seeds}/${seed}`, content: article.seedBytes },
    {
      path: `${workspace.paths.seeds}/${MANIFEST_NAME}`,
      content: appendToManifest(workspace.manifestText, sha256(article.seedBytes), seed),
    },
    { path: workspace.paths.metadata, content: appendSourceEntry(workspace.metadataText, entry) },
    ...(claims.text !== undefined && claims.claims > 0 ? [{ path: workspace.paths.claims, content: claims.text }] : []),
  ];
  return {
    ok: true,
    writes,
    report: {
      kind: 'source',
      slug,
      title: String(entry['title']),
      seed: `${workspace.paths.seeds}/${seed}`,
      passages: count(article.passages),
      fields: [
        {
          name: 'title',
          value: String(entry['title']),
          from: metadata.title?.from ?? 'none found: write one, with titleSupplied: true',
        },
        { name: 'publisher', value: String(entry['publisher']), from: metadata.publisher?.from ?? 'none found' },
        { name: 'byline', value: String(entry['byline']), from: metadata.byline?.from ?? 'none found' },
        {
          name: 'date',
          value: `${String(entry['date'])}${metadata.dateIso ? ` (${metadata.dateIso.value})` : ''}`,
          from:
            [metadata.date?.from, metadata.dateIso?.from].filter((f, i, a) => f && a.indexOf(f) === i).join('; ') ||
            'none found',
        },
        ...(metadata.url ? [{ name: 'url', value: metadata.url.value, from: metadata.url.from }] : []),
      ],
      leftOut: article.leftOut,
      readAlike: article.readAlike,
      overrides: article.overrides.length,
      claims: claims.claims,
      changes: [],
      metadataChanges: [],
      writes: writes.map((w) => w.path),
    },
  };
}

/** A slug from the title: its first words, lowercase, at most 60 characters, not yet taken. */
export function slugFor(title: string, taken: ReadonlySet<string>): string {
  const words = asciiSlug(title).split('-').filter(Boolean);
  let base = '';
  for (const word of words) {
    if (base && `${base}-${word}`.length > 60) break;
    base = base ? `${base}-${word}` : word;
  }
  base ||= 'source';
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  return slug;
}

function provenance(metadata: ArticleMetadata, file: string): Record<string, string> {
  const out: Record<string, string> = {};
  const note = (name: string, field: Field | undefined) => {
    if (field) out[name] = field.from;
  };
  note('title', metadata.title);
  note('publisher', metadata.publisher);
  note('byline', metadata.byline);
  note('date', metadata.date);
  note('dateIso', metadata.dateIso);
  note('url', metadata.url);
  out['file'] = cleanValue(file.split(/[\\/]/u).at(-1) ?? file, 120);
  return out;
}

function count(passages: ReadArticle['passages']): Report['passages'] {
  const of = (kind: string) => passages.filter((p) => p.kind === kind).length;
  return {
    headings: of('heading'),
    paragraphs: of('paragraph'),
    listItems: of('list-item'),
    furniture: of('furniture'),
    words: passages.filter((p) => p.kind !== 'furniture').reduce((n, p) => n + p.text.split(/\s+/u).length, 0),
  };
}

// ── A new version ─────────────────────────────────────────────────────────────────────────────

function planRevision(workspace: Workspace, request: Request, source: Source, article: ReadArticle): Plan {
  const current = source.versions?.at(-1) ?? {
    version: 1,
    seed: source.seed,
    passages: source.passages,
    date: source.dateIso,
  };
  const { successors, changes } = diffVersions(current.passages, article.passages);
  const kept = [...successors.values()].filter((s) => s.change !== 'removed').length;
  if (kept / Math.max(current.passages.length, 1) < SAME_STORY) {
    return refuse(
      `this does not look like a version of "${source.title}" (${source.slug}): only ${kept} of its ${current.passages.length} passages carry over.`,
      'check the slug and the file; a different article is a new source: npm run add-source -- <file>.',
    );
  }

  const version = current.version + 1;
  const date = request.date ?? article.metadata.modifiedIso?.value ?? request.today;
  if (!isoDate(date))
    return refuse(`the date "${date}" is not a date.`, 'write it as YYYY-MM-DD, e.g. --date 2026-05-06.');
  if (current.date && date < current.date) {
    return refuse(
      `the new version would be dated ${date}, before version ${current.version} (${current.date}).`,
      'give the date the article was revised with --date YYYY-MM-DD.',
    );
  }
  const base = source.seed.replace(/\.txt$/u, '');
  const seed = `revisions/${base}.${version}.txt`;
  const revision = { seed, date, ...(request.note ? { note: cleanValue(request.note) } : {}) };
  let metadataText: string;
  try {
    metadataText = addRevisionEntry(workspace.metadataText ?? '', source.seed, revision);
  } catch (error) {
    return refuse(
      `${workspace.paths.metadata} could not be edited safely: ${(error as Error).message}.`,
      `add it by hand under the entry of ${source.seed}: revisions: [{ seed: ${seed}, date: ${date} }].`,
    );
  }
  const writes: Write[] = [
    { path: `${workspace.paths.seeds}/${seed}`, content: article.seedBytes },
    {
      path: `${workspace.paths.seeds}/${MANIFEST_NAME}`,
      content: appendToManifest(workspace.manifestText, sha256(article.seedBytes), seed),
    },
    { path: workspace.paths.metadata, content: metadataText },
  ];
  const compare = (name: string, now: string, page: Field | undefined) =>
    page && page.value !== now ? [{ name, now, page: page.value }] : [];
  return {
    ok: true,
    writes,
    report: {
      kind: 'revision',
      slug: source.slug,
      title: source.title,
      seed: `${workspace.paths.seeds}/${seed}`,
      version,
      date,
      passages: count(article.passages),
      fields: [],
      leftOut: article.leftOut,
      readAlike: article.readAlike,
      overrides: 0,
      claims: 0,
      changes,
      metadataChanges: [
        ...compare('title', source.title, article.metadata.title),
        ...compare('byline', source.byline, article.metadata.byline),
      ],
      writes: writes.map((w) => w.path),
    },
  };
}

/** What the editor reads after the command: what was written, and what to check next. */
const KIND_NAMES: Record<PassageKind, string> = {
  heading: 'a heading',
  paragraph: 'a paragraph',
  'list-item': 'a list item',
  furniture: 'page furniture',
};

/** Lines the seed cannot read as the page marked each of them up: say which, and that they need a look. */
function readAlikeLines(report: Report): string[] {
  return report.readAlike.map(
    ({ line, kinds }) =>
      `     The line "${line.length > 60 ? `${line.slice(0, 59)}…` : line}" stands on the page as ${kinds.map((k) => KIND_NAMES[k]).join(' and as ')}; the seed reads every such line as ${KIND_NAMES[kinds[0] as PassageKind]}: check them.`,
  );
}

export function formatReport(report: Report): string {
  const out: string[] = [];
  const url = `/sources/${report.slug}/`;
  const p = report.passages;
  const shape = `${p.headings + p.paragraphs + p.listItems} passages (${p.headings} headings, ${p.paragraphs} paragraphs, ${p.listItems} list items${p.furniture ? `, ${p.furniture} of page furniture` : ''}), ${p.words} words`;
  if (report.kind === 'source') {
    out.push(`Added "${report.title}" as ${url}`, '', `  ${report.seed}  ${shape}`);
    for (const path of report.writes.slice(1)) out.push(`  ${path}`);
    out.push(
      '',
      'Check next:',
      '  1. The metadata, against the page (correct any in content/sources.yaml; write "not stated" where the article states nothing):',
    );
    const width = Math.max(...report.fields.map((f) => f.name.length));
    for (const f of report.fields) out.push(`       ${f.name.padEnd(width)}  ${f.value}    ← ${f.from}`);
    out.push(
      `  2. The slug: ${url} is permanent from the first time it is published. To change it, change \`slug:\` now, before publishing.`,
      `  3. The text: npm run dev, open ${url}, and compare it with the page.${report.overrides ? ` ${report.overrides} override(s) in content/sources.yaml say what a line is where the splitting rules would read it otherwise (a heading or paragraph as the page marked it; a byline or date line as page furniture).` : ''}`,
    );
    if (report.leftOut.length > 0) {
      out.push(
        `     Left out as page furniture: ${report.leftOut.map((l) => `"${l.length > 60 ? `${l.slice(0, 59)}…` : l}"`).join(', ')}.`,
      );
    }
    out.push(...readAlikeLines(report));
    out.push(
      `  4. The claims ledger: ${report.claims > 0 ? `${report.claims} claims list it as not reviewed; ` : ''}review its column on /claims/ (states, differs or silent under each claim in content/claims.yaml).`,
      `  5. Cite it: on ${url}, select the words and choose "Copy citation". Then: npm run check:content`,
    );
  } else {
    out.push(
      `Added version ${report.version} of "${report.title}" (${url}), dated ${report.date}`,
      '',
      `  ${report.seed}  ${shape}`,
    );
    for (const path of report.writes.slice(1)) out.push(`  ${path}`);
    const changed = report.changes.filter((c) => c.type !== 'added').length;
    const n = (type: PassageChange['type']) => report.changes.filter((c) => c.type === type).length;
    out.push(
      '',
      `What changed: ${n('revised')} passage${n('revised') === 1 ? '' : 's'} revised, ${n('removed')} removed, ${n('added')} added.`,
    );
    for (const c of report.changes.slice(0, 12)) {
      const short = (t: string) => `"${t.length > 70 ? `${t.slice(0, 69)}…` : t}"`;
      if (c.type === 'revised') out.push(`  revised  ¶ ${c.from.ordinal} → ¶ ${c.to.ordinal}: ${short(c.to.text)}`);
      if (c.type === 'removed') out.push(`  removed  (was ¶ ${c.from.ordinal}): ${short(c.from.text)}`);
      if (c.type === 'added') out.push(`  added    ¶ ${c.to.ordinal}: ${short(c.to.text)}`);
    }
    out.push(
      '',
      'Check next:',
      `  1. The corrections log and the revised passages on ${url} (npm run dev). Every old passage link lands on its successor.`,
      `  2. ${changed > 0 ? 'Citations of the changed passages: npm run check:content names any quote the new version no longer has, with the new words to quote.' : 'Citations: npm run check:content.'}`,
      `  3. Describe the correction in a note: \`note:\` under this revision in content/sources.yaml (or --note "…").`,
    );
    out.push(...readAlikeLines(report));
    for (const m of report.metadataChanges) {
      out.push(
        `  · The page now gives the ${m.name} as "${m.page}" (content/sources.yaml has "${m.now}"): update it if the article changed it.`,
      );
    }
  }
  return out.join('\n');
}
