import type { Source } from '../catalog.ts';
import { counts, type ClaimStatus, type LocatedClaim } from '../claims.ts';
import type { ContentProblem } from '../errors.ts';
import type { JsxElement } from '../prose/flatten.ts';
import type { ProseSentence } from '../prose/sentence-rules.ts';
import { describeKey, isSupported, supportedKeys } from '../prose/stated-figures.ts';
import { closestWord } from '../edit-distance.ts';
import type { CitationUse } from './index-builder.ts';
import type { FoundCount } from './mdx.ts';

/**
 * The checks a sentence needs the sources for:
 * - every figure it states is in a passage it cites (or in a passage the ledger quotes for a claim it
 *   counts or links to);
 * - a <Count> names a claim of the ledger, and the sentence cites only sources with the status it counts;
 * - a sentence that links to a claim does not cite a source the ledger says is silent on it.
 */

export interface SentenceCheckInput {
  sentences: readonly ProseSentence[];
  /** The resolved citation of a <Cite> element (undefined when it did not resolve: reported already). */
  useOf: (node: JsxElement) => CitationUse | undefined;
  countOf: (node: JsxElement) => FoundCount | undefined;
  sources: ReadonlyMap<string, Source>;
  /** Claims a mistake in the ledger file hid from `ledger` ('all': it cannot be read): not reported as unknown. */
  hiddenClaims?: ReadonlySet<string> | 'all';
  /** The ledger by claim id, with the resolved citation of each cell. */
  ledger: ReadonlyMap<string, { claim: LocatedClaim; cells: (CitationUse | undefined)[] }>;
}

const keysCache = new WeakMap<object, Set<string>>();
/** The figure keys a passage supports (computed once per passage). */
function passageKeys(passage: { text: string }): Set<string> {
  let keys = keysCache.get(passage);
  if (!keys) {
    keys = supportedKeys(passage.text);
    keysCache.set(passage, keys);
  }
  return keys;
}

export function checkSentences(input: SentenceCheckInput): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const passageOf = (use: CitationUse) => input.sources.get(use.source)?.passages.find((p) => p.id === use.passageId);
  const ids = [...input.ledger.keys()];
  const hidden = (id: string) => input.hiddenClaims === 'all' || input.hiddenClaims?.has(id) === true;
  const unknownClaim = (id: string) => {
    const guess = closestWord(ids, id);
    return `there is no claim "${id}" in the claims ledger.${guess ? ` Did you mean "${guess}"?` : ''}`;
  };

  for (const sentence of input.sentences) {
    const at = { file: sentence.file, line: sentence.line, column: sentence.column };
    const shown = sentence.text.length > 100 ? `${sentence.text.slice(0, 99)}…` : sentence.text;
    const uses = sentence.cites.map(input.useOf).filter((u): u is CitationUse => u !== undefined);
    const cited = [...new Set(uses.map((u) => u.source))];
    const claimIds = new Set(sentence.claims);

    // What each claim the sentence counts lets it cite: the statuses of all its counts of that claim.
    const counted = new Map<string, FoundCount[]>();
    for (const { node } of sentence.counts) {
      const count = input.countOf(node);
      if (!count?.claim) continue;
      claimIds.add(count.claim);
      if (!input.ledger.has(count.claim)) {
        if (hidden(count.claim)) continue;
        problems.push({
          file: count.file,
          line: count.line,
          column: count.column,
          message: unknownClaim(count.claim),
          fix: 'use the id of a claim in content/claims.yaml, or add the claim there first.',
        });
        continue;
      }
      counted.set(count.claim, [...(counted.get(count.claim) ?? []), count]);
    }
    for (const [claim, found] of counted) {
      const entry = input.ledger.get(claim)!;
      // A count of the silent says what the sources leave out: any source may be cited beside it.
      if (found.some((c) => c.status === 'silent')) continue;
      const wrong = cited.filter(
        (slug) => !found.some((c) => counts(entry.claim.claim.sources[slug]?.status, c.status)),
      );
      if (wrong.length > 0) {
        problems.push({
          ...at,
          message: `this sentence counts the sources that ${found.map((c) => statusWords(c.status)).join(' or ')} claim "${claim}", but also cites ${wrong.map((s) => `"${s}" (${statusOf(entry.claim, s)} in the ledger)`).join(', ')}: "${shown}".`,
          fix: 'cite only sources the count counts (put the others in a sentence of their own), or correct the ledger if it is wrong.',
        });
      }
    }

    for (const id of sentence.claims) {
      const entry = input.ledger.get(id);
      if (!entry) {
        if (hidden(id)) continue;
        problems.push({ ...at, message: unknownClaim(id), fix: 'link to a claim that exists in content/claims.yaml.' });
        continue;
      }
      const silent = cited.filter((slug) => entry.claim.claim.sources[slug]?.status === 'silent');
      if (silent.length > 0) {
        problems.push({
          ...at,
          message: `this sentence links to claim "${id}" and cites ${silent.map((s) => `"${s}"`).join(', ')}, which the ledger says is silent on it: "${shown}".`,
          fix: 'the explainer and the ledger must agree: correct the ledger cell, or cite that source in another sentence.',
        });
      }
    }

    // A citation that did not resolve is reported already; its sentence's figures wait for the fix.
    if (sentence.figures.length === 0 || uses.length < sentence.cites.length) continue;
    // The passages the sentence rests on: what it cites, and what the ledger quotes for the claims it counts or links to.
    const passages = uses.map(passageOf);
    for (const id of claimIds) {
      for (const cell of input.ledger.get(id)?.cells ?? []) if (cell) passages.push(passageOf(cell));
    }
    const present = passages.filter((p) => p !== undefined);
    if (present.length === 0) continue;
    const keys = new Set(present.flatMap((p) => [...passageKeys(p)]));
    for (const figure of sentence.figures) {
      if (isSupported(figure.key, keys)) continue;
      const elsewhere = cited
        .flatMap((slug) => input.sources.get(slug)?.passages ?? [])
        .find((p) => isSupported(figure.key, passageKeys(p)));
      const where = uses.map((u) => `¶ ${u.ordinal} of "${u.source}"`);
      problems.push({
        ...at,
        message: `"${figure.text}" (${describeKey(figure.key)}) is not in the passage${where.length === 1 ? '' : 's'} this ${sentence.kind} cites (${[...new Set(where)].join(', ') || 'through the ledger'}): "${shown}".`,
        fix: elsewhere
          ? `the source states it in ¶ ${elsewhere.ordinal} ("${elsewhere.text.length > 80 ? `${elsewhere.text.slice(0, 79)}…` : elsewhere.text}"): cite that passage too.`
          : `cite a passage that states it, or correct the figure; if it is the site's own reasoning (an inferred year, a computed weekday), put the sentence in <Inference>…</Inference>.`,
      });
    }
  }
  return problems;
}

const statusWords = (status: string) =>
  status === 'mentions' ? 'state or differ on' : status === 'differs' ? 'differ on' : 'state';

const statusOf = (claim: LocatedClaim, slug: string): ClaimStatus | 'not reviewed' => {
  const status = claim.claim.sources[slug]?.status;
  return status === undefined || status === 'unreviewed' ? 'not reviewed' : status;
};
