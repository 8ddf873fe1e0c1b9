// The seeds are the site's evidence: they are copied byte for byte from the articles and never
// edited. seeds/SHA256SUMS (the output of `sha256sum`) pins every one of them.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, SEEDS_DIR } from './_support/passages.ts';

const MANIFEST = join(SEEDS_DIR, 'SHA256SUMS');
const SHARED_SEEDS = resolve(REPO, '../shared/seeds');

const RECORD_NEW =
  'A NEW seed must be recorded: in seeds/, run `sha256sum NEW.txt >> SHA256SUMS` (NEW.txt being its file name).';
const NEVER_EDIT =
  'Seeds are copied byte for byte from the article and are never edited (not even line endings or white space): ' +
  'restore the original bytes (e.g. with `git checkout -- seeds/<file>`). To correct how a seed is split, add an override ' +
  'in content/sources.yaml instead.';

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

interface ManifestLine {
  lineNumber: number;
  hash: string;
  name: string;
}

function readManifest(): { entries: ManifestLine[]; malformed: string[] } {
  const text = readFileSync(MANIFEST, 'utf8');
  const entries: ManifestLine[] = [];
  const malformed: string[] = [];
  text.split('\n').forEach((line, i) => {
    if (line === '') return;
    // sha256sum writes "<64 hex><space><space or *><file name>".
    const match = /^([0-9a-f]{64}) [ *](.+)$/u.exec(line);
    if (match) entries.push({ lineNumber: i + 1, hash: match[1] as string, name: match[2] as string });
    else malformed.push(`seeds/SHA256SUMS:${i + 1}: ${JSON.stringify(line)}`);
  });
  return { entries, malformed };
}

const seedFiles = (): string[] =>
  readdirSync(SEEDS_DIR)
    .filter((name) => name.endsWith('.txt'))
    .sort();

describe('seeds/SHA256SUMS', () => {
  const { entries, malformed } = readManifest();

  it('is in sha256sum format, one "<hash>  <file>" per line, ending with a newline', () => {
    expect(malformed, `these lines are not in sha256sum format. ${RECORD_NEW}`).toEqual([]);
    expect(readFileSync(MANIFEST, 'utf8').endsWith('\n'), 'SHA256SUMS must end with a newline').toBe(true);
    expect(entries.length).toBeGreaterThan(0);
  });

  it('lists every .txt file in seeds/', () => {
    const listed = new Set(entries.map((e) => e.name));
    const missing = seedFiles().filter((name) => !listed.has(name));
    expect(missing, `these seeds are not in seeds/SHA256SUMS. ${RECORD_NEW}`).toEqual([]);
  });

  it('lists only files that exist in seeds/', () => {
    const gone = entries
      .filter((e) => !existsSync(join(SEEDS_DIR, e.name)))
      .map((e) => `line ${e.lineNumber}: ${e.name}`);
    expect(
      gone,
      'seeds/SHA256SUMS lists seeds that are not in seeds/. Seeds are never removed silently: restore the file, ' +
        'or remove its line (and its entry in content/sources.yaml; its slug must never be reused).',
    ).toEqual([]);
  });

  it('lists each seed once', () => {
    const names = entries.map((e) => e.name);
    expect(
      names.filter((n, i) => names.indexOf(n) !== i),
      'seeds listed twice in seeds/SHA256SUMS',
    ).toEqual([]);
  });

  it.each(entries.map((e) => [e.name, e] as const))('%s matches its checksum byte for byte', (name, entry) => {
    const file = join(SEEDS_DIR, name);
    expect(existsSync(file), `seeds/${name} (seeds/SHA256SUMS line ${entry.lineNumber}) does not exist.`).toBe(true);
    const actual = sha256(readFileSync(file));
    expect(
      actual,
      `seeds/${name} has changed: its SHA-256 is ${actual}, but seeds/SHA256SUMS line ${entry.lineNumber} records ` +
        `${entry.hash}. ${NEVER_EDIT} ${RECORD_NEW}`,
    ).toBe(entry.hash);
  });
});

describe('the shared seeds (../shared/seeds)', () => {
  it.runIf(existsSync(SHARED_SEEDS))('are all in seeds/, byte for byte', () => {
    const shared = readdirSync(SHARED_SEEDS).filter((name) => statSync(join(SHARED_SEEDS, name)).isFile());
    expect(shared.length).toBeGreaterThan(0);
    for (const name of shared) {
      const local = join(SEEDS_DIR, name);
      expect(
        existsSync(local),
        `${name} is in ../shared/seeds but not in seeds/: copy it byte for byte (cp, not an editor). ${RECORD_NEW}`,
      ).toBe(true);
      const same = Buffer.compare(readFileSync(join(SHARED_SEEDS, name)), readFileSync(local)) === 0;
      expect(same, `seeds/${name} differs from ../shared/seeds/${name}. ${NEVER_EDIT}`).toBe(true);
    }
  });
});
