import { ContentError, type ContentProblem } from './errors.ts';
import { NOT_STATED, parseSourcesMetadata, type LocatedMetadata } from './metadata.ts';
import { createHash } from 'node:crypto';
import { asciiSlug } from './passages/anchors.ts';
import { toPassages, type Passage } from './passages/index.ts';
import { reconcileVersions, type FormerPassage, type RevisionLog } from './revisions.ts';
import { MANIFEST_NAME, parseManifest } from './seed-manifest.ts';
import { decodeSeed } from './seed-text.ts';

export interface SeedFile {
  /** File name, e.g. `004_fa64b385c398ed41.txt`. */
  name: string;
  /** Repository-relative path used in messages, e.g. `seeds/004_fa64b385c398ed41.txt`. */
  path: string;
  bytes: Uint8Array;
}

export interface Source {
  slug: string;
  title: string;
  /** True when the editors wrote the title because the article has none. */
  titleSupplied: boolean;
  publisher: string;
  byline: string;
  /** The date exactly as the article states it, or "not stated". */
  date: string;
  dateIso?: string;
  /** The seed's file name. */
  seed: string;
  /** SHA-256 of the seed's bytes. */
  sha256: string;
  /** False when the seed has no entry in the metadata and runs on defaults. */
  curated: boolean;
  /** The current version's passages (the only version, unless the article was revised). */
  passages: Passage[];
  /** Every version, oldest first, when the article was revised (absent otherwise). */
  versions?: SourceVersion[];
  /** Ids earlier versions had and the current one does not, each landing on its successor. */
  former?: FormerPassage[];
  /** What each revision changed. */
  log?: RevisionLog[];
}

export interface SourceVersion {
  /** 1 for the original. */
  version: number;
  /** File name relative to seeds/ (`004_x.txt`, `revisions/004_x.2.txt`). */
  seed: string;
  sha256: string;
  /** ISO date of a revision (the original's is the source's `dateIso`, if stated). */
  date?: string;
  note?: string;
  passages: Passage[];
}

export interface Catalog {
  sources: Source[];
  /** Things a person should know but that do not stop the build. */
  warnings: string[];
}

/**
 * Turn the seeds and their metadata into sources with passages. Stops with a ContentError that
 * lists every problem (file, line, fix) rather than building a damaged site.
 */
export function buildCatalog(input: {
  seeds: readonly SeedFile[];
  metadataText: string | undefined;
  metadataFile: string;
  /** Files in seeds/revisions/, named `revisions/<file>.txt`. */
  revisions?: readonly SeedFile[];
  /** seeds/SHA256SUMS (`text` undefined when it does not exist); leave out to skip the checksum check. */
  checksums?: { text: string | undefined; file: string };
}): Catalog {
  const problems: ContentProblem[] = [];
  const warnings: string[] = [];

  const { entries, problems: metadataProblems } =
    input.metadataText === undefined
      ? { entries: [] as LocatedMetadata[], problems: [] }
      : parseSourcesMetadata(input.metadataText, input.metadataFile);
  problems.push(...metadataProblems);

  const seedNames = new Set(input.seeds.map((s) => s.name));
  const seedPath = (name: string) => input.seeds.find((s) => s.name === name)?.path ?? `seeds/${name}`;
  for (const entry of entries) {
    if (!seedNames.has(entry.metadata.seed)) {
      problems.push({
        file: input.metadataFile,
        line: entry.line,
        message: `the entry names seed "${entry.metadata.seed}", which is not in seeds/.`,
        fix: 'correct the file name, or remove the entry if the seed was removed (its slug must then never be reused).',
      });
    }
  }
  const metadataBySeed = new Map(entries.map((e) => [e.metadata.seed, e]));

  const sources: Source[] = [];
  for (const seed of [...input.seeds].sort((a, b) => a.name.localeCompare(b.name, 'en'))) {
    const decoded = decodeSeed(seed.bytes, seed.path);
    if (!decoded.ok) {
      problems.push(decoded.problem);
      continue;
    }
    const located = metadataBySeed.get(seed.name);
    const overrides = located?.metadata.overrides ?? [];
    const original = toPassages(decoded.value.text, overrides);
    const versions = located ? readRevisions(located, original.passages, decoded.value.sha256, seed.name) : undefined;
    const passages = versions?.at(-1)?.passages ?? original.passages;
    // An override serves every version: it is stale only when it matches no line of any of them.
    const unused = versions
      ? original.unusedOverrides.filter((i) => versions.slice(1).every((v) => v.unusedOverrides.includes(i)))
      : original.unusedOverrides;
    for (const index of unused) {
      problems.push({
        file: input.metadataFile,
        line: located?.overrideLines[index] ?? located?.line,
        message: `this override for ${seed.name} matches no line of the seed.`,
        fix: 'copy the line exactly (or its first words with `startsWith:`), or remove the override.',
      });
    }
    const history = versions ? reconcileVersions(versions) : undefined;
    const revised =
      versions && history
        ? {
            versions: versions.map(({ unusedOverrides: _unused, ...v }) => v),
            former: history.former,
            log: history.log,
          }
        : {};

    if (located) {
      const m = located.metadata;
      sources.push({
        slug: m.slug,
        title: m.title,
        titleSupplied: m.titleSupplied,
        publisher: m.publisher,
        byline: m.byline,
        date: m.date,
        ...(m.dateIso ? { dateIso: m.dateIso } : {}),
        seed: seed.name,
        sha256: decoded.value.sha256,
        curated: true,
        passages,
        ...revised,
      });
    } else {
      const source = defaultSource(seed.name, decoded.value.sha256, passages);
      warnings.push(
        `${seed.path} has no entry in ${input.metadataFile}, so it is published as /sources/${source.slug}/ ` +
          `with the title "${source.title}". Add an entry (seed, slug, title, titleSupplied, publisher, byline, date) to curate it.`,
      );
      sources.push(source);
    }
  }

  const bySlug = new Map<string, Source>();
  for (const source of sources) {
    const other = bySlug.get(source.slug);
    if (other) {
      const entry = metadataBySeed.get(source.seed) ?? metadataBySeed.get(other.seed);
      problems.push({
        ...(entry ? { file: input.metadataFile, line: entry.line } : { file: seedPath(source.seed) }),
        message: `the slug "${source.slug}" is used by both seeds/${other.seed} and seeds/${source.seed}.`,
        fix: `give one of them an entry with a different slug in ${input.metadataFile}.`,
      });
    }
    bySlug.set(source.slug, source);
  }

  const listed = new Set(entries.flatMap((e) => (e.metadata.revisions ?? []).map((r) => r.seed)));
  for (const file of input.revisions ?? []) {
    if (!listed.has(file.name)) {
      warnings.push(
        `${file.path} is not a revision of any source in ${input.metadataFile}, so it is not published. ` +
          'Add it with `npm run add-source -- --revise <slug> <file>`, or list it under the source’s `revisions:`.',
      );
    }
  }
  if (input.checksums) {
    const checked = checkChecksums(input.checksums, [
      ...input.seeds.map((s) => ({ name: s.name, path: s.path, bytes: s.bytes })),
      ...(input.revisions ?? []).filter((r) => listed.has(r.name)),
    ]);
    problems.push(...checked.problems);
    warnings.push(...checked.warnings);
  }

  if (problems.length > 0) throw new ContentError(problems);
  return { sources, warnings };

  /** The versions of a source: the original, then each revision its entry lists, with their passages. */
  function readRevisions(
    located: LocatedMetadata,
    originalPassages: Passage[],
    sha256: string,
    seedName: string,
  ): (SourceVersion & { unusedOverrides: number[] })[] | undefined {
    const revisions = located.metadata.revisions ?? [];
    if (revisions.length === 0) return undefined;
    const m = located.metadata;
    const versions: (SourceVersion & { unusedOverrides: number[] })[] = [
      {
        version: 1,
        seed: seedName,
        sha256,
        ...(m.dateIso ? { date: m.dateIso } : {}),
        passages: originalPassages,
        unusedOverrides: [],
      },
    ];
    let previousDate = m.dateIso;
    for (const [i, revision] of revisions.entries()) {
      const line = located.revisionLines[i] ?? located.line;
      const file = input.revisions?.find((r) => r.name === revision.seed);
      if (!file) {
        problems.push({
          file: input.metadataFile,
          line,
          message: `the revision names seeds/${revision.seed}, which does not exist.`,
          fix: 'correct the file name, or add the revision with `npm run add-source -- --revise <slug> <file>`.',
        });
        return undefined;
      }
      const decoded = decodeSeed(file.bytes, file.path);
      if (!decoded.ok) {
        problems.push(decoded.problem);
        return undefined;
      }
      if (previousDate && revision.date < previousDate) {
        problems.push({
          file: input.metadataFile,
          line,
          message: `this revision is dated ${revision.date}, before the version it revises (${previousDate}).`,
          fix: 'list revisions oldest first, each dated on or after the one before it (and the article’s dateIso).',
        });
      }
      previousDate = revision.date;
      const { passages, unusedOverrides } = toPassages(decoded.value.text, located.metadata.overrides ?? []);
      versions.push({
        version: i + 2,
        seed: revision.seed,
        sha256: decoded.value.sha256,
        date: revision.date,
        ...(revision.note ? { note: revision.note } : {}),
        passages,
        unusedOverrides,
      });
    }
    return versions;
  }
}

/**
 * Every seed and revision file should have its line in seeds/SHA256SUMS (a warning when it has
 * none: `npm run add-source` writes it), and must still match it (an error: seeds are never edited).
 */
export function checkChecksums(
  manifest: { text: string | undefined; file: string },
  files: readonly { name: string; path: string; bytes: Uint8Array }[],
): { problems: ContentProblem[]; warnings: string[] } {
  const problems: ContentProblem[] = [];
  const warnings: string[] = [];
  if (files.length === 0) return { problems, warnings };
  if (manifest.text === undefined) {
    warnings.push(
      `${manifest.file} does not exist, so nothing proves the ${files.length} seed file(s) are unedited. ` +
        `Record them: cd ${manifest.file.replace(/\/?SHA256SUMS$/u, '') || '.'} && sha256sum *.txt > ${MANIFEST_NAME}`,
    );
    return { problems, warnings };
  }
  const { entries, malformed } = parseManifest(manifest.text);
  for (const line of malformed) {
    problems.push({
      file: manifest.file,
      line,
      message: 'this line is not in sha256sum format ("<64 hex digits>  <file name>").',
      fix: 'restore the line as sha256sum writes it, or remove it and run `sha256sum <file> >> SHA256SUMS` in seeds/.',
    });
  }
  const missing: string[] = [];
  for (const file of files) {
    const entry = entries.get(file.name);
    if (!entry) {
      missing.push(file.path);
      continue;
    }
    const actual = createHash('sha256').update(file.bytes).digest('hex');
    if (actual !== entry.sha256) {
      problems.push({
        file: file.path,
        line: 1,
        message: `this seed has changed since it was recorded: its SHA-256 is ${actual.slice(0, 12)}…, ${manifest.file} line ${entry.line} records ${entry.sha256.slice(0, 12)}….`,
        fix: 'seeds are never edited: restore the original bytes (git checkout -- <file>). To publish a corrected article, add it as a new version: npm run add-source -- --revise <slug> <file>.',
      });
    }
  }
  if (missing.length > 0) {
    const shown = missing.slice(0, 5).join(', ');
    warnings.push(
      `${missing.length === 1 ? `${shown} has` : `${missing.length} seed files have`} no checksum in ${manifest.file}` +
        `${missing.length > 1 ? ` (${shown}${missing.length > 5 ? `, and ${missing.length - 5} more` : ''})` : ''}, ` +
        'so nothing proves they are unedited. `npm run add-source` records it; by hand: cd seeds && sha256sum <file> >> SHA256SUMS',
    );
  }
  return { problems, warnings };
}

/** A seed without metadata: slug from the file name (stable), title from its own heading if it opens with one. */
function defaultSource(name: string, sha256: string, passages: Passage[]): Source {
  const base = name.replace(/\.txt$/u, '');
  // Names in other scripts slug to nothing: fall back to a hash of the name, stable and unique.
  const slug =
    asciiSlug(base.replace(/[_.]+/gu, '-')) || `source-${createHash('sha256').update(name).digest('hex').slice(0, 8)}`;
  const opening = passages.find((p) => p.kind !== 'furniture');
  const ownTitle = opening?.kind === 'heading' ? opening.text : undefined;
  return {
    slug,
    title: ownTitle ?? `Untitled source (${name})`,
    titleSupplied: ownTitle === undefined,
    publisher: NOT_STATED,
    byline: NOT_STATED,
    date: NOT_STATED,
    seed: name,
    sha256,
    curated: false,
    passages,
  };
}
