import { resolve } from 'node:path';

/** The repository root (tests run from it). */
export const ROOT = resolve(import.meta.dirname, '../..');
/** The built site under test: `npm test` builds it; RENEGOTIATED_OUT_DIR points elsewhere. */
export const DIST = resolve(ROOT, process.env['RENEGOTIATED_OUT_DIR'] ?? 'dist');
