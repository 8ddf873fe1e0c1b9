import { createHash } from 'node:crypto';
import type { ContentProblem } from './errors.ts';

export interface SeedText {
  /** The decoded text, without a byte order mark, with every line ending turned into `\n`. */
  text: string;
  /** SHA-256 of the original bytes, hex. */
  sha256: string;
}

export type SeedTextResult = { ok: true; value: SeedText } | { ok: false; problem: ContentProblem };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Decode a seed file strictly. Invalid UTF-8, NUL bytes and seeds without text are problems
 * for a person to fix; a BOM and CRLF/CR line endings are accepted and normalised.
 */
export function decodeSeed(bytes: Uint8Array, file: string): SeedTextResult {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (bytes.length === 0) {
    return fail(file, 1, 'this seed is empty.', 'put the article’s text in the file, or delete the file.');
  }
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    const offset = firstInvalidUtf8Offset(bytes);
    const line = countLines(bytes, offset);
    return fail(
      file,
      line,
      `byte 0x${(bytes[offset] ?? 0).toString(16).padStart(2, '0')} at offset ${offset} is not valid UTF-8.`,
      'save the file as UTF-8 text (for example `iconv -f WINDOWS-1252 -t UTF-8`), then record its new checksum in seeds/SHA256SUMS.',
    );
  }
  text = text.replace(/\r\n?/g, '\n');
  const nul = text.indexOf('\u0000');
  if (nul !== -1) {
    return fail(
      file,
      text.slice(0, nul).split('\n').length,
      'the file contains a NUL byte, so it is not plain text.',
      'replace it with the article’s plain text.',
    );
  }
  // Zero-width characters are invisible: a seed of nothing else has no text either.
  if (text.replace(/[\u200b-\u200d\u2060\ufeff]/gu, '').trim() === '') {
    return fail(
      file,
      1,
      'this seed contains only white space.',
      'put the article’s text in the file, or delete the file.',
    );
  }
  return { ok: true, value: { text, sha256 } };
}

function fail(file: string, line: number, message: string, fix: string): SeedTextResult {
  return { ok: false, problem: { file, line, message, fix } };
}

/** 1-based line of a byte offset; LF, CRLF and a lone CR each end a line. */
function countLines(bytes: Uint8Array, end: number): number {
  let line = 1;
  for (let i = 0; i < end; i++) {
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) line++;
  }
  return line;
}

/** Offset of the first byte that does not begin or continue a valid UTF-8 sequence. */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      return i;
    }
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return bytes.length;
}
