// Plain-text tables and units for the benchmark's printout.

export const kB = (bytes) => (bytes == null ? '—' : `${(bytes / 1024).toFixed(1)} kB`);
export const MB = (bytes) => (bytes == null ? '—' : `${(bytes / 1024 / 1024).toFixed(1)} MB`);
export const mbFromKb = (kb) => (kb == null ? '—' : `${(kb / 1024).toFixed(0)} MB`);
export const sec = (ms) => (ms == null ? '—' : `${(ms / 1000).toFixed(1)} s`);
export const msf = (ms, digits = 1) => (ms == null ? '—' : `${ms.toFixed(digits)} ms`);
export const num = (n) => (n == null ? '—' : n.toLocaleString('en-US'));

/** A table with a header row; numbers and units right-aligned, the first column left-aligned. */
export function table(headers, rows) {
  const cells = [headers, ...rows].map((r) => r.map((c) => (c == null ? '—' : String(c))));
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(cells[0]), widths.map((w) => '─'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

export function heading(text) {
  return `\n${text}\n${'='.repeat(text.length)}`;
}
