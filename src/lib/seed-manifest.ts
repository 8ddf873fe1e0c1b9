/**
 * seeds/SHA256SUMS: the checksum of every seed and revision file, in `sha256sum` format, so that
 * `cd seeds && sha256sum -c SHA256SUMS` proves that no seed was edited since it was received.
 */

export const MANIFEST_NAME = 'SHA256SUMS';

export interface ManifestEntry {
  /** Path relative to seeds/, e.g. `004_x.txt` or `revisions/004_x.2.txt`. */
  name: string;
  sha256: string;
  line: number;
}

/** Read the manifest; lines that are not `<64 hex> <space or *><name>` are returned as malformed. */
export function parseManifest(text: string): { entries: Map<string, ManifestEntry>; malformed: number[] } {
  const entries = new Map<string, ManifestEntry>();
  const malformed: number[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/u, '');
    if (line.trim() === '') return;
    const match = /^([0-9a-f]{64}) [ *](.+)$/u.exec(line);
    if (!match) malformed.push(i + 1);
    else entries.set(match[2] as string, { name: match[2] as string, sha256: match[1] as string, line: i + 1 });
  });
  return { entries, malformed };
}

/** One manifest line, as `sha256sum` writes it. */
export const manifestLine = (sha256: string, name: string) => `${sha256}  ${name}\n`;

/** The manifest with a line added (a newline first if the file lacks its last one). */
export function appendToManifest(text: string | undefined, sha256: string, name: string): string {
  const base = text ?? '';
  return `${base}${base === '' || base.endsWith('\n') ? '' : '\n'}${manifestLine(sha256, name)}`;
}
