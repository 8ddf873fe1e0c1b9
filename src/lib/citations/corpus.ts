import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Root } from 'mdast';
import type { Source } from '../catalog.ts';
import type { ContentProblem } from '../errors.ts';
import { TIMELINE_URL, urlForContentFile } from '../routes.ts';
import { parseClaims, type LocatedClaim } from '../claims.ts';
import { parseTimeline, type LocatedEvent } from '../timeline.ts';
import type { JsxElement } from '../prose/flatten.ts';
import { checkClaimProse, checkEventDate, checkFrontmatterCounts } from './content-checks.ts';
import { buildCitationIndex, type CitationIndex, type CitationUse, type CitingDocument } from './index-builder.ts';
import { analyseTree, type FoundCount, type TreeAnalysis } from './mdx.ts';
import { checkMdxUsage, PROSE_COMPONENTS } from './mdx-usage.ts';
import { mdxSyntaxProblem, parseMdx, parseMdxFile } from './parse-mdx.ts';
import { checkSentences } from './sentence-checks.ts';
import { inferenceRecords, type InferenceRecord } from './inferences.ts';

/** The folders of hand-written content that cite, relative to the content folder. */
export const CITING_FOLDERS = ['explainers', 'pages'];
export const TIMELINE_FILE = 'timeline.yaml';
export const CLAIMS_FILE = 'claims.yaml';
export const CLAIMS_URL = '/claims/';

/** Explainers and the home page must cite every factual sentence; other pages (About) need not. */
export function requiresCitations(relativePath: string): boolean {
  const path = relativePath.replace(/\\/gu, '/');
  return /(?:^|\/)explainers\/[^/]+$/u.test(path) || /(?:^|\/)pages\/home\.mdx?$/u.test(path);
}

/** One MDX page of the site, as the corpus read it. */
export interface ProseDocument {
  file: string;
  url: string;
  title: string;
  /** The page's MDX syntax tree (what the link checks read). */
  tree: Root;
  analysis: TreeAnalysis;
  /** The resolved citations of the page, notes numbered. */
  citations: CitationIndex['documents'][number];
}

/** One timeline event, its summary read as prose. */
export interface EventProse {
  located: LocatedEvent;
  tree: Root | undefined;
  analysis: TreeAnalysis | undefined;
  citations: CitationIndex['documents'][number] | undefined;
}

export interface LedgerEntry {
  claim: LocatedClaim;
  /** The resolved citation of each quoting cell, in the order of `claim.citations`. */
  cells: (CitationUse | undefined)[];
}

export interface Corpus {
  index: CitationIndex;
  /** MDX pages by repository-relative file. */
  pages: Map<string, ProseDocument>;
  events: EventProse[];
  claims: LocatedClaim[];
  ledger: Map<string, LedgerEntry>;
  /**
   * Claims a mistake in the ledger file hid from `ledger` (reported at its line), or 'all' when the file cannot be
   * read: referring to one of them is not reported as referring to a claim that does not exist.
   */
  hiddenClaims: ReadonlySet<string> | 'all';
  /** Every place the site gives its own reasoning (<Inference>), with what it rests on. */
  inferences: InferenceRecord[];
  problems: ContentProblem[];
}

/** The texts the corpus is built from: each MDX page, the timeline and the ledger, with their paths. */
export interface CorpusInput {
  sources: readonly Source[];
  pages: readonly { file: string; text: string }[];
  timeline?: { file: string; text: string };
  claims?: { file: string; text: string };
}

/** Read the corpus's texts from a content folder (paths in messages are relative to `root`). */
export function loadCorpus(root: string, contentDir: string, sources: readonly Source[]): Corpus {
  const rel = (path: string) => relative(root, path).replace(/\\/gu, '/');
  const read = (path: string) => (existsSync(path) ? { file: rel(path), text: readFileSync(path, 'utf8') } : undefined);
  const pages = CITING_FOLDERS.flatMap((folder) => {
    const dir = join(contentDir, folder);
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((n) => /\.mdx?$/u.test(n))
      .sort()
      .map((name) => read(join(dir, name))!);
  });
  const timeline = read(join(contentDir, TIMELINE_FILE));
  const claims = read(join(contentDir, CLAIMS_FILE));
  return buildCorpus({ sources, pages, ...(timeline ? { timeline } : {}), ...(claims ? { claims } : {}) });
}

/**
 * Check every citing document (MDX explainers and pages, timeline events, the claims ledger) and
 * resolve every citation once. Everything is reported at once, with file:line:column. Every consumer
 * (the loaders, the remark plugin, the open data) reads what this returns.
 */
export function buildCorpus(input: CorpusInput): Corpus {
  const { sources } = input;
  const problems: ContentProblem[] = [];
  const documents: CitingDocument[] = [];
  const slugs = sources.map((s) => s.slug);

  // The ledger first: a typed count in the prose is reported beside what the ledger says.
  let claims: LocatedClaim[] = [];
  let hiddenClaims: ReadonlySet<string> | 'all' = new Set();
  if (input.claims) {
    const parsed = parseClaims(input.claims.text, input.claims.file, slugs);
    problems.push(...parsed.problems);
    claims = parsed.claims;
    hiddenClaims = parsed.hidden;
  }
  const stating = new Map(
    claims.map(({ claim }) => [claim.id, Object.values(claim.sources).filter((s) => s.status === 'states').length]),
  );
  const ledgerCount = (id: string) => stating.get(id);

  const pageInputs: { file: string; url: string; title: string; tree: Root; analysis: TreeAnalysis }[] = [];
  for (const { file, text } of input.pages) {
    // A file MDX cannot read (or whose frontmatter is broken) is reported, not thrown: the others are still checked.
    const { tree, frontmatter, problems: syntax } = parseMdxFile(text, file);
    problems.push(...syntax);
    if (!tree) continue;
    const analysis = analyseTree(tree, file, { requireCitations: requiresCitations(file), ledgerCount });
    problems.push(...analysis.problems, ...checkFrontmatterCounts(tree, frontmatter, file));
    const url = urlForContentFile(file) ?? '/';
    const title = typeof frontmatter['title'] === 'string' ? frontmatter['title'] : (file.split('/').at(-1) ?? file);
    pageInputs.push({ file, url, title, tree, analysis });
    documents.push({ file, url, title, citations: analysis.citations.map(({ node: _node, ...request }) => request) });
  }

  const timelineFile = input.timeline?.file ?? TIMELINE_FILE;
  const eventInputs: { located: LocatedEvent; tree: Root | undefined; analysis: TreeAnalysis | undefined }[] = [];
  if (input.timeline) {
    const parsed = parseTimeline(input.timeline.text, timelineFile);
    problems.push(...parsed.problems);
    for (const located of parsed.events) {
      const summary = readSummary(located, timelineFile, ledgerCount);
      problems.push(...summary.problems);
      eventInputs.push({ located, tree: summary.tree, analysis: summary.analysis });
      documents.push({
        file: timelineFile,
        url: TIMELINE_URL,
        title: `Timeline: ${located.event.label}`,
        citations: (summary.analysis?.citations ?? []).map(({ node: _node, ...request }) => request),
        anchor: located.event.id,
      });
    }
  }

  for (const { claim, citations } of claims) {
    documents.push({
      file: input.claims?.file ?? CLAIMS_FILE,
      url: CLAIMS_URL,
      title: `Claim: ${claim.claim}`,
      citations,
      anchor: claim.id,
    });
  }

  const { index, problems: citationProblems } = buildCitationIndex(sources, documents);
  problems.push(...citationProblems);

  // The index holds the documents in the order they were given: pages, then events, then claims.
  const resolved = [...index.documents];
  const pages = new Map<string, ProseDocument>();
  for (const input of pageInputs) pages.set(input.file, { ...input, citations: resolved.shift()! });
  const events: EventProse[] = eventInputs.map((input) => ({ ...input, citations: resolved.shift() }));
  const ledger = new Map<string, LedgerEntry>();
  for (const claim of claims) ledger.set(claim.claim.id, { claim, cells: resolved.shift()?.byRequest ?? [] });

  const bySlug = new Map(sources.map((s) => [s.slug, s]));
  const inferences: InferenceRecord[] = [];
  const check = (analysis: TreeAnalysis, byRequest: (CitationUse | undefined)[]) => {
    const useByNode = new Map<JsxElement, CitationUse | undefined>(
      analysis.citations.map((c, i) => [c.node, byRequest[i]]),
    );
    const countByNode = new Map<JsxElement, FoundCount>(analysis.counts.map((c) => [c.node, c]));
    problems.push(
      ...checkSentences({
        sentences: analysis.sentences,
        useOf: (node) => useByNode.get(node),
        countOf: (node) => countByNode.get(node),
        sources: bySlug,
        ledger,
        hiddenClaims,
      }),
    );
    return useByNode;
  };
  for (const page of pages.values()) {
    const useByNode = check(page.analysis, page.citations.byRequest);
    inferences.push(
      ...inferenceRecords(page.analysis, useByNode, { page: page.url, title: page.title, prefix: '', file: page.file }),
    );
  }
  for (const event of events) {
    if (!event.analysis) continue;
    const useByNode = check(event.analysis, event.citations?.byRequest ?? []);
    const { id, label } = event.located.event;
    inferences.push(
      ...inferenceRecords(event.analysis, useByNode, {
        page: TIMELINE_URL,
        title: `Timeline: ${label}`,
        prefix: `${id}-`,
        file: timelineFile,
        lineOf: () => event.located.summaryPosition(0).line,
      }),
    );
    problems.push(
      ...checkEventDate(
        event.located,
        event.analysis,
        (event.citations?.byRequest ?? []).filter(isUse),
        bySlug,
        timelineFile,
      ),
    );
  }
  for (const entry of ledger.values()) problems.push(...checkClaimProse(entry, bySlug));

  // File by file, in the order of the file, as an editor reads them.
  const sorted = dedupe(problems).sort(
    (a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
  );
  return { index, pages, events, claims, ledger, hiddenClaims, inferences, problems: sorted };
}

const isUse = (u: CitationUse | undefined): u is CitationUse => u !== undefined;

/** The same problem reported twice (by two checks that meet) is said once. */
function dedupe(problems: ContentProblem[]): ContentProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.file}:${p.line}:${p.column}:${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * A timeline summary is MDX prose like an explainer's: parse it, check it, and move every place it
 * reports from the summary's own lines to the timeline file's.
 */
function readSummary(
  located: LocatedEvent,
  file: string,
  ledgerCount: (claim: string) => number | undefined,
): { tree: Root | undefined; analysis: TreeAnalysis | undefined; problems: ContentProblem[] } {
  const summary = located.event.summary;
  const starts = [0];
  for (let i = 0; i < summary.length; i++) if (summary[i] === '\n') starts.push(i + 1);
  const move = <T extends { line?: number; column?: number }>(place: T): T => {
    const offset = (starts[(place.line ?? 1) - 1] ?? 0) + (place.column ?? 1) - 1;
    return { ...place, ...located.summaryPosition(offset) };
  };
  const where = `the summary of event "${located.event.id}"`;
  let tree: Root;
  try {
    tree = parseMdx(summary).tree;
  } catch (error) {
    // The same explanations as an explainer's syntax errors, at the summary's place in the timeline file.
    const problem = mdxSyntaxProblem(error, summary, file);
    return {
      tree: undefined,
      analysis: undefined,
      problems: [move({ ...problem, message: `${where}: ${problem.message}` })],
    };
  }
  const analysis = analyseTree(tree, file, { requireCitations: true, where, ledgerCount });
  analysis.problems.push(...checkMdxUsage(tree, file, { components: PROSE_COMPONENTS, where }));
  analysis.problems = analysis.problems.map(move);
  analysis.citations = analysis.citations.map((c) => ({ ...c, ...move(c) }));
  analysis.counts = analysis.counts.map((c) => ({ ...c, ...move(c) }));
  analysis.sentences = analysis.sentences.map((s) => ({ ...s, ...move(s) }));
  if (located.event.approximate && analysis.inferences.length === 0) {
    analysis.problems.push({
      file,
      line: located.summaryPosition(0).line,
      message: `event "${located.event.id}" is approximate, but its summary does not say how the site placed it.`,
      fix: 'add a sentence in <Inference>…</Inference> that says what the date rests on, citing the passages.',
    });
  }
  return { tree, analysis, problems: analysis.problems };
}
