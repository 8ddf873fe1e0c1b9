// The "hostile input" fixtures: every payload of tests/fixtures/hostile/payloads.txt in a seed, and more in
// the metadata of that seed, built once (Astro + Pagefind) into .tmp/fixtures/hostile/dist; and the whole
// corpus again as titles, publishers, bylines and dates, in a site of its own (.tmp/fixtures/hostile-metadata).
// The build test and the browser test share both: whichever asks first builds, the other waits for that build
// and reuses it, as later runs do while it is fresh.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { stringify } from 'yaml';
import { buildFixture } from './fixture-build.ts';
import { sharedBuild, type SharedBuild } from './shared-build.ts';
import { ROOT } from './paths.ts';

export const PAYLOAD_FILE = join(ROOT, 'tests/fixtures/hostile/payloads.txt');
export const FIXTURE_NAME = 'hostile';
export const FIXTURE_DIR = join(ROOT, '.tmp', 'fixtures', FIXTURE_NAME);
export const FIXTURE_DIST = join(FIXTURE_DIR, 'dist');
const METADATA_FIXTURE_NAME = 'hostile-metadata';
/** What the hostile fixtures are made from, besides the site: the payloads and this module. */
const HOSTILE_INPUTS = [PAYLOAD_FILE, fileURLToPath(import.meta.url)];

export const HOSTILE_SEED = '900_hostile-input.txt';
export const HOSTILE_SLUG = 'hostile-input-corpus';
export const HOSTILE_PATH = `/sources/${HOSTILE_SLUG}/`;
/** The seed's first line: an ordinary heading, so every payload after it is a passage of its own. */
export const SEED_TITLE_LINE = 'Hostile Input Corpus';

/** The payloads, one per line, exactly as in the file. */
export function readPayloads(): string[] {
  const lines = readFileSync(PAYLOAD_FILE, 'utf8').replace(/\n$/u, '').split('\n');
  for (const [i, line] of lines.entries()) {
    if (line.trim() === '' || line !== line.trim()) {
      throw new Error(`${PAYLOAD_FILE}:${i + 1}: a payload must be one non-blank line without surrounding space`);
    }
  }
  if (new Set(lines).size !== lines.length) throw new Error(`${PAYLOAD_FILE}: two payloads are identical`);
  return lines;
}

/** The seed: a title line, then each payload as its own paragraph (blank line between). */
export function hostileSeed(payloads = readPayloads()): string {
  return `${SEED_TITLE_LINE}\n\n${payloads.join('\n\n')}\n`;
}

/**
 * Free-text metadata, every field a payload of its own (numbered from 101, so a failure says which ran).
 * They break out of elements (`</title>`, `</script>`), out of double- and single-quoted attributes, and
 * carry event handlers, `javascript:` URLs, iframes and SVG.
 */
export const HOSTILE_METADATA = {
  title: `</title></script>"><script>window.__xss=101</script><img src=x onerror=window.__xss=102>' &#34; &amp;`,
  publisher: `<iframe srcdoc="<script>parent.__xss=103</script>"></iframe> & <b>Co</b>.`,
  byline: `" onmouseover="window.__xss=104" x='<svg/onload=window.__xss=105>' onfocus='alert(105)`,
  date: `<img src=x onerror=alert(106)> 2 May 2026 <!-- --> ]]>`,
  furnitureLabel: `<a href="javascript:window.__xss=107" onclick="alert(107)">Share</a>`,
} as const;

/**
 * The whole corpus in metadata too: four payloads per extra source, as its title, publisher, byline and
 * date (the last one padded with ordinary words). Each source has an ordinary seed of its own.
 */
export interface HostileMetaSource {
  seed: string;
  slug: string;
  path: string;
  title: string;
  publisher: string;
  byline: string;
  date: string;
}
export function hostileMetaSources(payloads = readPayloads()): HostileMetaSource[] {
  const out: HostileMetaSource[] = [];
  for (let i = 0; i < payloads.length; i += 4) {
    const n = String(i / 4 + 1).padStart(2, '0');
    const [title, publisher = 'Plain Publisher', byline = 'Plain Byline', date = 'May 2, 2026'] = payloads.slice(
      i,
      i + 4,
    );
    const slug = `hostile-metadata-${n}`;
    out.push({
      seed: `910_hostile-metadata-${n}.txt`,
      slug,
      path: `/sources/${slug}/`,
      title: title as string,
      publisher,
      byline,
      date,
    });
  }
  return out;
}
const metaSeed = (source: HostileMetaSource) =>
  `Hostile metadata ${source.slug.slice(-2)}\n\nAn ordinary paragraph about a cloud deal, number ${source.slug.slice(-2)}.\n`;

/**
 * The metadata fixture: the real site plus one source per four payloads, built (Astro only) into
 * .tmp/fixtures/hostile-metadata/dist at most once, like the main fixture. Its own site, so that the
 * search tests of the main fixture are not crowded by 18 more hostile titles.
 */
export function hostileMetadataBuild(): Promise<HostileBuild> {
  return sharedBuild(METADATA_FIXTURE_NAME, HOSTILE_INPUTS, async () => {
    const real = readFileSync(join(ROOT, 'content/sources.yaml'), 'utf8');
    const meta = hostileMetaSources();
    const entries = meta.map(({ seed, slug, title, publisher, byline, date }) => ({
      seed,
      slug,
      title,
      titleSupplied: false,
      publisher,
      byline,
      date,
    }));
    const { status, output } = await buildFixture(METADATA_FIXTURE_NAME, {
      extraSeeds: Object.fromEntries(meta.map((m) => [m.seed, metaSeed(m)])),
      metadata: `${real.replace(/\n*$/u, '\n')}\n${stringify(entries, { lineWidth: 0 })}`,
    });
    return { status, output };
  });
}

/**
 * Overrides that put payloads through every other way a passage is rendered: a heading, two list items
 * (one found by `line`, one by `startsWith`) and furniture with a payload for its label.
 */
export const HOSTILE_OVERRIDES = [
  { line: '<svg onload=window.__xss=12>', kind: 'heading' },
  { line: '<details open ontoggle=window.__xss=25>', kind: 'list-item' },
  { startsWith: '<iframe srcdoc=', kind: 'list-item' },
  {
    line: '<marquee onstart=window.__xss=28>scrolling</marquee>',
    kind: 'furniture',
    label: HOSTILE_METADATA.furnitureLabel,
  },
] as const;

/**
 * One explainer cites a payload passage, so the citation marker, the notes, the JSON-LD `citation` and the
 * hover preview all carry the hostile title and quote too.
 */
export const HOSTILE_CITATION = {
  file: 'explainers/exclusivity.mdx',
  page: '/explainers/exclusivity/',
  quote: '<img src=x onerror=window.__xss=8>',
} as const;

function citeHostilePassage(file: string, text: string): string {
  if (file.split('\\').join('/') !== HOSTILE_CITATION.file) return text;
  const cite = `<Cite source="${HOSTILE_SLUG}" quote="${HOSTILE_CITATION.quote}" />`;
  return `${text.replace(/\n*$/u, '\n')}\nA source made of hostile input is quoted as text ${cite}.\n`;
}

/** content/sources.yaml, unchanged, plus one entry for the hostile seed. */
export function hostileMetadataYaml(): string {
  const real = readFileSync(join(ROOT, 'content/sources.yaml'), 'utf8');
  const entry = {
    seed: HOSTILE_SEED,
    slug: HOSTILE_SLUG,
    title: HOSTILE_METADATA.title,
    titleSupplied: true,
    publisher: HOSTILE_METADATA.publisher,
    byline: HOSTILE_METADATA.byline,
    date: HOSTILE_METADATA.date,
    overrides: HOSTILE_OVERRIDES.map((o) => ({ ...o })),
  };
  return `${real.replace(/\n*$/u, '\n')}\n${stringify([entry], { lineWidth: 0 })}`;
}

export type HostileBuild = SharedBuild;

/**
 * The main fixture: the payloads in a seed and its metadata, one explainer citing one of them, built and
 * indexed by Pagefind at most once.
 */
export function hostileBuild(): Promise<HostileBuild> {
  return sharedBuild(
    FIXTURE_NAME,
    HOSTILE_INPUTS,
    async () => {
      const payloads = readPayloads();
      const build = await buildFixture(FIXTURE_NAME, {
        extraSeeds: { [HOSTILE_SEED]: hostileSeed(payloads) },
        metadata: hostileMetadataYaml(),
        editContent: citeHostilePassage,
      });
      let { status, output } = build;
      if (status === 0) {
        const indexed = await indexWithPagefind(build.outDir);
        output += `\n${indexed.output}`;
        if (!indexed.ok) status = 1;
      }
      return { status, output };
    },
    'pagefind/pagefind.js',
  );
}

/** The Pagefind index over the fixture's output, as `npm run build` makes it for the real site. */
async function indexWithPagefind(outDir: string): Promise<{ ok: boolean; output: string }> {
  const { index, errors } = await pagefind.createIndex({});
  try {
    if (!index) return { ok: false, output: `Pagefind: ${errors.join('\n')}` };
    const added = await index.addDirectory({ path: outDir });
    if (added.errors.length > 0) return { ok: false, output: `Pagefind: ${added.errors.join('\n')}` };
    const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
    if (written.errors.length > 0) return { ok: false, output: `Pagefind: ${written.errors.join('\n')}` };
    return { ok: true, output: `Pagefind indexed ${added.page_count} pages.` };
  } finally {
    await pagefind.close();
  }
}
