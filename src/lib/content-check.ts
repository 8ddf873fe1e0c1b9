/**
 * Every check of the content, without building the site: the seeds and their metadata (the
 * catalog), every citation in the explainers, pages, timeline and claims ledger (the corpus), the
 * frontmatter and MDX syntax, and the links the content makes to passages, claims and sections.
 * `npm run check:content`, the content loaders (so `npm run build`) and the dev server all call it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Catalog } from './catalog.ts';
import { catalogFiles, contentPaths, loadCatalog, type ContentPaths } from './catalog-files.ts';
import { buildCorpus, CITING_FOLDERS, CLAIMS_FILE, TIMELINE_FILE, type Corpus } from './citations/corpus.ts';
import { parseMdxFile } from './citations/parse-mdx.ts';
import { unreviewedWarnings } from './claims.ts';
import { checkContentLinks, type ContentFile } from './content-links.ts';
import { ContentError, type ContentProblem } from './errors.ts';

export interface ContentCheck {
  paths: ContentPaths;
  /** Undefined when the seeds or their metadata have problems (the citations are then not checked). */
  catalog?: Catalog;
  corpus?: Corpus;
  problems: ContentProblem[];
  warnings: string[];
}

export function checkContent(root: string, env: NodeJS.ProcessEnv = process.env): ContentCheck {
  const paths = contentPaths(root, env);
  const problems: ContentProblem[] = [];
  const warnings: string[] = [];
  const rel = (file: string) => relative(root, file).replace(/\\/gu, '/');

  let catalog: Catalog | undefined;
  try {
    catalog = loadCatalog(paths);
    warnings.push(...catalog.warnings);
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    problems.push(...error.problems);
  }

  const files = citingFiles(paths).map((file) => ({ file: rel(file), text: readFileSync(file, 'utf8') }));
  if (!catalog) {
    // Without sources no citation can be checked, but MDX syntax and frontmatter can.
    for (const { file, text } of files) problems.push(...parseMdxFile(text, file).problems);
    return { paths, problems: sortProblems(problems), warnings };
  }

  const read = (name: string) => {
    const file = join(paths.contentDir, name);
    return existsSync(file)
      ? { [name === CLAIMS_FILE ? 'claims' : 'timeline']: { file: rel(file), text: readFileSync(file, 'utf8') } }
      : {};
  };
  const corpus = buildCorpus({ sources: catalog.sources, pages: files, ...read(TIMELINE_FILE), ...read(CLAIMS_FILE) });
  problems.push(...corpus.problems);
  warnings.push(...unreviewedWarnings(corpus.claims, rel(join(paths.contentDir, CLAIMS_FILE))));
  for (const slug of corpus.index.uncited) {
    warnings.push(
      `No explainer, page or timeline event cites the source "${slug}". Cite it, or consider whether it belongs on the site.`,
    );
  }

  // The trees the corpus parsed: a file MDX could not read is listed without one.
  const parsed: ContentFile[] = files.map(({ file }) => {
    const tree = corpus.pages.get(file)?.tree;
    return tree ? { file, tree } : { file };
  });
  // A ledger or timeline that cannot be read (whole) has its own problems: links into it are not checked as well.
  const unreadable = (name: string) =>
    corpus.problems.some(
      (p) => p.file === rel(join(paths.contentDir, name)) && /^the YAML cannot be read/u.test(p.message),
    );
  problems.push(
    ...checkContentLinks({
      sources: catalog.sources,
      claimIds:
        corpus.hiddenClaims === 'all'
          ? undefined
          : [...corpus.claims.map((c) => c.claim.id), ...corpus.hiddenClaims],
      eventIds: unreadable(TIMELINE_FILE) ? undefined : corpus.events.map((e) => e.located.event.id),
      files: parsed,
    }),
  );
  return { paths, catalog, corpus, problems: sortProblems(problems), warnings };
}

/** The explainers and pages, in the order the corpus reads them. */
function citingFiles(paths: ContentPaths): string[] {
  return CITING_FOLDERS.flatMap((folder) => {
    const dir = join(paths.contentDir, folder);
    return existsSync(dir)
      ? readdirSync(dir)
          .filter((n) => /\.mdx?$/u.test(n))
          .sort()
          .map((n) => join(dir, n))
      : [];
  });
}

/** By file, then line and column: as an editor works through them. */
function sortProblems(problems: ContentProblem[]): ContentProblem[] {
  // Stable: problems of one file keep their order when they share a line.
  return problems
    .map((p, i) => ({ p, i }))
    .sort(
      (a, b) =>
        a.p.file.localeCompare(b.p.file, 'en') ||
        (a.p.line ?? 0) - (b.p.line ?? 0) ||
        (a.p.column ?? 0) - (b.p.column ?? 0) ||
        a.i - b.i,
    )
    .map(({ p }) => p);
}

/** Every file the check reads: a change to any of them can change its result. */
export function contentFiles(paths: ContentPaths): string[] {
  return [
    ...catalogFiles(paths),
    ...citingFiles(paths),
    join(paths.contentDir, TIMELINE_FILE),
    join(paths.contentDir, CLAIMS_FILE),
  ];
}

/** A fingerprint of the content files (names, sizes, modification times). */
export function contentSignature(paths: ContentPaths): string {
  return contentFiles(paths)
    .map((file) => {
      if (!existsSync(file)) return `${file}:-`;
      const stat = statSync(file);
      return `${file}:${stat.size}:${stat.mtimeMs}`;
    })
    .join('|');
}
