import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatProblem, type ContentProblem } from '../../src/lib/errors.ts';
import { decodeSeed, firstInvalidUtf8Offset, type SeedText } from '../../src/lib/seed-text.ts';

const FILE = 'seeds/042_fixture.txt';
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const concat = (...parts: (Uint8Array | number[])[]): Uint8Array => {
  const out: number[] = [];
  for (const part of parts) out.push(...part);
  return Uint8Array.from(out);
};

function expectOk(bytes: Uint8Array): SeedText {
  const result = decodeSeed(bytes, FILE);
  if (!result.ok) throw new Error(`expected the seed to decode, got:\n${formatProblem(result.problem)}`);
  return result.value;
}

function expectProblem(bytes: Uint8Array): ContentProblem {
  const result = decodeSeed(bytes, FILE);
  if (result.ok) throw new Error(`expected a problem, but the seed decoded to ${JSON.stringify(result.value.text)}`);
  const problem = result.problem;
  // Every problem names the file and a line, says what is wrong and what to do.
  expect(problem.file).toBe(FILE);
  expect(problem.line).toBeGreaterThanOrEqual(1);
  expect(problem.message.trim().length).toBeGreaterThan(10);
  expect(problem.fix.trim().length).toBeGreaterThan(10);
  expect(formatProblem(problem)).toContain(`${FILE}:${problem.line}: `);
  expect(formatProblem(problem)).toContain('\n  Fix: ');
  return problem;
}

describe('decodeSeed: seeds without text', () => {
  it('reports an empty (0-byte) file on line 1 with a fix', () => {
    const problem = expectProblem(new Uint8Array(0));
    expect(problem.line).toBe(1);
    expect(problem.message).toMatch(/empty/i);
  });

  it.each([
    ['spaces', '     '],
    ['tabs', '\t\t\t'],
    ['newlines', '\n\n\n\n'],
    ['CRLF newlines', '\r\n\r\n'],
    ['a mix of spaces, tabs and newlines', ' \t \n\t\n   \n'],
    ['no-break spaces', '\u00a0\u00a0\n'],
    ['only a byte order mark and spaces', '\uFEFF   \n'],
  ])('reports a seed of only white space (%s)', (_name, text) => {
    const problem = expectProblem(utf8(text));
    expect(problem.line).toBe(1);
    expect(problem.message).toMatch(/white ?space/i);
  });

  it('accepts a seed with a single visible character', () => {
    expect(expectOk(utf8('\n\n  x  \n')).text).toBe('\n\n  x  \n');
  });
});

describe('decodeSeed: line endings', () => {
  it('turns CRLF into LF', () => {
    const { text } = expectOk(utf8('First line.\r\nSecond line.\r\n\r\nThird.\r\n'));
    expect(text).toBe('First line.\nSecond line.\n\nThird.\n');
    expect(text).not.toContain('\r');
  });

  it('turns a lone CR (old Mac line endings) into LF', () => {
    const { text } = expectOk(utf8('First line.\rSecond line.\r\rThird.'));
    expect(text).toBe('First line.\nSecond line.\n\nThird.');
  });

  it('handles mixed CRLF, CR and LF, counting CR LF as one line ending', () => {
    const { text } = expectOk(utf8('a\r\nb\rc\nd\r\n\re'));
    expect(text).toBe('a\nb\nc\nd\n\ne');
  });

  it('leaves LF text exactly as it is (no trimming, no other changes)', () => {
    const original = '  Indented heading  \n\n\tTabbed paragraph — “quoted”.\n\n\n';
    expect(expectOk(utf8(original)).text).toBe(original);
  });
});

describe('decodeSeed: byte order mark and checksum', () => {
  it('strips a UTF-8 BOM from the text', () => {
    const bytes = concat([0xef, 0xbb, 0xbf], utf8('Title\n\nBody.\n'));
    const { text } = expectOk(bytes);
    expect(text.startsWith('\uFEFF')).toBe(false);
    expect(text).toBe('Title\n\nBody.\n');
  });

  it('hashes the ORIGINAL bytes (with the BOM and CRLF), not the normalised text', () => {
    const bytes = concat([0xef, 0xbb, 0xbf], utf8('Title\r\n\r\nBody.\r\n'));
    const { sha256: hash, text } = expectOk(bytes);
    expect(hash).toBe(sha256(bytes));
    expect(hash).not.toBe(sha256(utf8(text)));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives different checksums to seeds that normalise to the same text', () => {
    const lf = expectOk(utf8('One.\nTwo.\n'));
    const crlf = expectOk(utf8('One.\r\nTwo.\r\n'));
    expect(crlf.text).toBe(lf.text);
    expect(crlf.sha256).not.toBe(lf.sha256);
  });

  it('computes the checksum of a plain seed like sha256sum does', () => {
    const bytes = utf8('Microsoft and OpenAI.\n');
    expect(expectOk(bytes).sha256).toBe(sha256(bytes));
  });
});

describe('decodeSeed: invalid UTF-8 is a problem with its line and offset', () => {
  const lines12 = utf8('Line one.\nLine two.\n'); // 20 bytes, so line 3 starts at offset 20

  it('reports a 0xFF byte on line 3', () => {
    const bytes = concat(lines12, utf8('Bad '), [0xff], utf8(' byte.\nLine four.\n'));
    const problem = expectProblem(bytes);
    expect(problem.line).toBe(3);
    expect(problem.message).toContain('offset 24');
    expect(problem.message).toContain('0xff');
    expect(problem.message).toMatch(/not valid UTF-8/);
    expect(problem.fix).toMatch(/UTF-8/);
    expect(problem.fix).toContain('SHA256SUMS');
  });

  it('reports a Windows-1252 curly quote (0x92) in the middle of a word', () => {
    const bytes = concat(utf8('Title\n\nOpenAI'), [0x92], utf8('s deal.\n'));
    const problem = expectProblem(bytes);
    expect(problem.line).toBe(3);
    expect(problem.message).toContain('0x92 at offset 13');
  });

  it('reports an overlong encoding (0xC0 0xAF for "/")', () => {
    const bytes = concat(lines12, utf8('path '), [0xc0, 0xaf], utf8(' here\n'));
    const problem = expectProblem(bytes);
    expect(problem.line).toBe(3);
    expect(problem.message).toContain('0xc0 at offset 25');
  });

  it('reports a truncated 3-byte sequence at the very end of the file', () => {
    const bytes = concat(lines12, utf8('Cut off: '), [0xe2, 0x80]);
    const problem = expectProblem(bytes);
    expect(problem.line).toBe(3);
    expect(problem.message).toContain('0xe2 at offset 29');
  });

  it('reports a UTF-8-encoded lone surrogate (ED A0 80)', () => {
    const bytes = concat(lines12, [0xed, 0xa0, 0x80], utf8('\n'));
    const problem = expectProblem(bytes);
    expect(problem.line).toBe(3);
    expect(problem.message).toContain('0xed at offset 20');
  });

  it('reports a stray continuation byte on line 1 at offset 0', () => {
    const problem = expectProblem(concat([0x80], utf8('abc\n')));
    expect(problem.line).toBe(1);
    expect(problem.message).toContain('0x80 at offset 0');
  });

  it('counts lines of a CRLF file correctly', () => {
    const bytes = concat(utf8('One.\r\nTwo.\r\nThree.\r\n'), [0xff]);
    const problem = expectProblem(bytes);
    expect(problem.line).toBe(4);
    expect(problem.message).toContain('offset 20');
  });

  it('counts lines of a CR-only file correctly', () => {
    const bytes = concat(utf8('One.\rTwo.\rThr'), [0xff]);
    expect(expectProblem(bytes).line).toBe(3);
  });

  it('counts the BOM in the byte offset (offsets are of the file as stored)', () => {
    const bytes = concat([0xef, 0xbb, 0xbf], utf8('ab'), [0xff]);
    expect(expectProblem(bytes).message).toContain('offset 5');
  });
});

describe('decodeSeed: NUL bytes', () => {
  it('reports a NUL byte with the line it is on', () => {
    const bytes = concat(utf8('First.\nSecond.\nThi'), [0x00], utf8('rd.\n'));
    const problem = expectProblem(bytes);
    expect(problem.line).toBe(3);
    expect(problem.message).toMatch(/NUL/);
  });

  it('reports a NUL byte on line 1 (e.g. a UTF-16 file)', () => {
    const utf16 = Uint8Array.from([0x48, 0x00, 0x69, 0x00, 0x0a, 0x00]); // "Hi\n" in UTF-16LE
    const problem = expectProblem(utf16);
    expect(problem.line).toBe(1);
  });

  it('counts lines of a CRLF file correctly', () => {
    const problem = expectProblem(concat(utf8('One.\r\nTwo.\r\n'), [0x00]));
    expect(problem.line).toBe(3);
  });

  it('counts lines of a CR-only file correctly', () => {
    expect(expectProblem(concat(utf8('One.\rTwo.\rThr'), [0x00])).line).toBe(3);
  });
});

const strict = new TextDecoder('utf-8', { fatal: true });
const isValid = (bytes: Uint8Array): boolean => {
  try {
    strict.decode(bytes);
    return true;
  } catch {
    return false;
  }
};

describe('firstInvalidUtf8Offset', () => {
  it.each([
    ['ASCII', 'Plain ASCII text.\n'],
    ['Korean (3-byte sequences)', '한국어 기사 — 마이크로소프트와 오픈AI'],
    ['Japanese and Chinese', '日本語と中文'],
    ['emoji (4-byte sequences)', 'Deal done 🤝🏽 ☁️ 🚀'],
    ['2-byte sequences', 'café Zürich ½ ©'],
    ['the highest code point', '\u{10FFFF}'],
    ['the code points either side of the surrogates', '\uD7FF\uE000'],
    ['empty input', ''],
  ])('returns the length for valid %s', (_name, text) => {
    const bytes = utf8(text);
    expect(firstInvalidUtf8Offset(bytes)).toBe(bytes.length);
  });

  it.each([
    ['0xFF', [0x61, 0xff], 1],
    ['0xFE', [0xfe], 0],
    ['overlong 2-byte (C0 AF)', [0x61, 0x62, 0xc0, 0xaf], 2],
    ['overlong 2-byte (C1 BF)', [0xc1, 0xbf], 0],
    ['overlong 3-byte (E0 80 AF)', [0xe0, 0x80, 0xaf], 0],
    ['overlong 4-byte (F0 80 80 AF)', [0xf0, 0x80, 0x80, 0xaf], 0],
    ['surrogate D800 (ED A0 80)', [0x41, 0xed, 0xa0, 0x80], 1],
    ['surrogate DFFF (ED BF BF)', [0xed, 0xbf, 0xbf], 0],
    ['above U+10FFFF (F4 90 80 80)', [0xf4, 0x90, 0x80, 0x80], 0],
    ['F5 lead byte', [0xf5, 0x80, 0x80, 0x80], 0],
    ['truncated 3-byte sequence at the end', [0x61, 0xe2, 0x80], 1],
    ['truncated 4-byte sequence at the end', [0xf0, 0x9f, 0x98], 0],
    ['lead byte followed by ASCII', [0xe2, 0x41, 0x42], 0],
    ['lone continuation byte', [0x61, 0x62, 0x63, 0x80], 3],
  ])('finds the first invalid byte: %s', (_name, bytes, offset) => {
    expect(firstInvalidUtf8Offset(Uint8Array.from(bytes))).toBe(offset);
  });

  it('points past valid multi-byte text to the first bad byte', () => {
    const prefix = utf8('한국어 🤝 ');
    expect(firstInvalidUtf8Offset(concat(prefix, [0xff], utf8('더')))).toBe(prefix.length);
  });

  it('agrees with the strict TextDecoder on two-byte inputs with every lead byte', () => {
    for (let a = 0; a < 256; a++) {
      for (const b of [0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc2, 0xe0, 0xf0, 0xff]) {
        const bytes = Uint8Array.from([a, b]);
        expect(firstInvalidUtf8Offset(bytes) === bytes.length, `bytes ${a.toString(16)} ${b.toString(16)}`).toBe(
          isValid(bytes),
        );
      }
    }
  });

  it('agrees with the strict TextDecoder on arbitrary bytes (property)', () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 12 }),
      // Mostly-valid text with one byte changed: exercises sequences that are almost right.
      fc
        .tuple(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }), fc.nat(), fc.integer({ min: 0, max: 255 }))
        .map(([text, at, value]) => {
          const encoded = utf8(text);
          encoded[at % encoded.length] = value;
          return encoded;
        }),
    );
    fc.assert(
      fc.property(bytes, (input) => {
        const offset = firstInvalidUtf8Offset(input);
        expect(offset === input.length).toBe(isValid(input));
        // Everything before the reported offset is valid UTF-8 on its own.
        expect(isValid(input.subarray(0, offset))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
