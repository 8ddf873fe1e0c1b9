import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Source } from '../catalog.ts';
import type { ContentProblem } from '../errors.ts';
import { TIMELINE_URL, urlForContentFile } from '../routes.ts';
import { parseClaims, type LocatedClaim } from '../claims.ts';
import { parseTimeline, type LocatedEvent } from '../timeline.ts';
import { buildCitationIndex, type CitationIndex, type CitingDocument } from './index-builder.ts';
import { analyseTree } from './mdx.ts';
import { parseMdxFile } from './parse-mdx.ts';

/** The folders of hand-written content that cite, relative to the content folder. */
export const CITING_FOLDERS = ['explainers', 'pages'];
export const TIMELINE_FILE = 'timeline.yaml';
export const CLAIMS_FILE = 'claims.yaml';
export const CLAIMS_URL = '/claims/';

/** Explainers and the home page must cite every paragraph; other pages (About) need not. */
export function requiresCitations(relativePath: string): boolean {
  const path = relativePath.replace(/\\/gu, '/');
  return /(?:^|\/)explainers\/[^/]+$/u.test(path) || /(?:^|\/)pages\/home\.mdx?$/u.test(path);
}

export interface Corpus {
  index: CitationIndex;
  events: LocatedEvent[];
  claims: LocatedClaim[];
  problems: ContentProblem[];
}

/**
 * Read every citing document (MDX explainers and pages, timeline events), check them, and
 * build the citation index. Everything is reported at once, with file:line:column.
 */
export function loadCorpus(root: string, contentDir: string, sources: readonly Source[]): Corpus {
  const problems: ContentProblem[] = [];
  const documents: CitingDocument[] = [];

  for (const folder of CITING_FOLDERS) {
    const dir = join(contentDir, folder);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)
      .filter((n) => /\.mdx?$/u.test(n))
      .sort()) {
      const file = relative(root, join(dir, name)).replace(/\\/gu, '/');
      // A file MDX cannot read (or whose frontmatter is broken) is reported, not thrown: the others are still checked.
      const { tree, frontmatter, problems: syntax } = parseMdxFile(readFileSync(join(dir, name), 'utf8'), file);
      problems.push(...syntax);
      if (!tree) continue;
      const analysis = analyseTree(tree, file, { requireCitations: requiresCitations(file) });
      problems.push(...analysis.problems);
      documents.push({
        file,
        url: urlForContentFile(file) ?? '/',
        title: typeof frontmatter['title'] === 'string' ? frontmatter['title'] : name,
        citations: analysis.citations.map(({ node: _node, ...request }) => request),
      });
    }
  }

  let events: LocatedEvent[] = [];
  const timelinePath = join(contentDir, TIMELINE_FILE);
  const timelineFile = relative(root, timelinePath).replace(/\\/gu, '/');
  if (existsSync(timelinePath)) {
    const parsed = parseTimeline(readFileSync(timelinePath, 'utf8'), timelineFile);
    problems.push(...parsed.problems);
    events = parsed.events;
    for (const { event, citations } of events) {
      documents.push({
        file: timelineFile,
        url: TIMELINE_URL,
        title: `Timeline: ${event.label}`,
        citations,
        anchor: event.id,
      });
    }
  }

  let claims: LocatedClaim[] = [];
  const claimsPath = join(contentDir, CLAIMS_FILE);
  if (existsSync(claimsPath)) {
    const claimsFile = relative(root, claimsPath).replace(/\\/gu, '/');
    const parsed = parseClaims(
      readFileSync(claimsPath, 'utf8'),
      claimsFile,
      sources.map((s) => s.slug),
    );
    problems.push(...parsed.problems);
    claims = parsed.claims;
    for (const { claim, citations } of claims) {
      documents.push({
        file: claimsFile,
        url: CLAIMS_URL,
        title: `Claim: ${claim.claim}`,
        citations,
        anchor: claim.id,
      });
    }
  }

  const { index, problems: citationProblems } = buildCitationIndex(sources, documents);
  problems.push(...citationProblems);
  return { index, events, claims, problems };
}
