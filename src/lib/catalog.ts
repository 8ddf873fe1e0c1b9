import { ContentError, type ContentProblem } from './errors.ts';
import { NOT_STATED, parseSourcesMetadata, type LocatedMetadata } from './metadata.ts';
import { createHash } from 'node:crypto';
import { asciiSlug } from './passages/anchors.ts';
import { toPassages, type Passage } from './passages/index.ts';
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
    const { passages, unusedOverrides } = toPassages(decoded.value.text, overrides);
    for (const index of unusedOverrides) {
      problems.push({
        file: input.metadataFile,
        line: located?.overrideLines[index] ?? located?.line,
        message: `this override for ${seed.name} matches no line of the seed.`,
        fix: 'copy the line exactly (or its first words with `startsWith:`), or remove the override.',
      });
    }

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

  if (problems.length > 0) throw new ContentError(problems);
  return { sources, warnings };
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
