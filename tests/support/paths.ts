import { resolve } from 'node:path';
import { siteAddress } from '../../src/lib/site-address.ts';

/** The repository root (tests run from it). */
export const ROOT = resolve(import.meta.dirname, '../..');
/** The built site under test: `npm test` builds it; RENEGOTIATED_OUT_DIR points elsewhere. */
export const DIST = resolve(ROOT, process.env['RENEGOTIATED_OUT_DIR'] ?? 'dist');
/** The address the site was built for (SITE_URL, or the local one): its absolute links are internal. */
export const SITE = siteAddress(process.env['SITE_URL']);
