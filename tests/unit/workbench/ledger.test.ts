// The claims ledger marks a source not yet reviewed for a claim with `status: unreviewed` (what
// `npm run add-source` writes); leaving the source out still means the same.
import { describe, expect, it } from 'vitest';
import { claimSummary, parseClaims, unreviewedWarnings } from '../../../src/lib/claims.ts';

const FILE = 'content/claims.yaml';
const LEDGER = `- id: license-term
  claim: Microsoft keeps a license through 2032.
  sources:
    alpha: { status: states, quote: "through 2032" }
    beta: { status: silent }
    gamma: { status: unreviewed }
- id: revenue-cap
  claim: The revenue share is capped.
  sources:
    alpha: { status: silent }
    beta: { status: silent }
`;

describe('status: unreviewed', () => {
  const { claims, problems } = parseClaims(LEDGER, FILE, ['alpha', 'beta', 'gamma']);

  it('is accepted, and counts as unreviewed like a source left out', () => {
    expect(problems).toEqual([]);
    expect(claims.map((c) => c.unreviewed)).toEqual([['gamma'], ['gamma']]);
  });

  it('is neither silent nor stated in the summary', () => {
    expect(claimSummary(claims[0]!.claim)).toEqual({ states: 1, differs: 0, silent: 1, singleSource: true });
  });

  it('takes no quote or note', () => {
    const bad = LEDGER.replace('gamma: { status: unreviewed }', 'gamma: { status: unreviewed, quote: "x" }');
    expect(parseClaims(bad, FILE, ['alpha', 'beta', 'gamma']).problems.map((p) => p.message)).toEqual([
      'claim "license-term", source "gamma": an unreviewed source has no quote or note.',
    ]);
  });

  it('one warning per source, counting its claims and saying what to write', () => {
    expect(unreviewedWarnings(claims, FILE)).toEqual([
      'The claims ledger (content/claims.yaml) does not yet say what the source "gamma" states for any of its 2 claims: its column reads "Not reviewed". Review it: under each claim, set gamma to status: states (with quote), differs (with quote and note) or silent.',
    ]);
    const reviewed = parseClaims(LEDGER.replace('gamma: { status: unreviewed }', 'gamma: { status: silent }'), FILE, [
      'alpha',
      'beta',
      'gamma',
    ]).claims;
    expect(unreviewedWarnings(reviewed, FILE)[0]).toContain('for 1 of its 2 claims');
  });
});
