// npm run check:content [-- --watch]: every content check without building the site, in a second or
// two: seeds and their metadata and checksums, every citation (explainers, pages, timeline, claims
// ledger), frontmatter and MDX syntax, and links to passages, claims and sections. The same core as
// the build (src/lib/content-check.ts), so what passes here passes there. Exit code 1 on a problem.
import { watch } from 'node:fs';
import { dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import { checkContent } from '../src/lib/content-check.ts';
import { formatProblem } from '../src/lib/errors.ts';

const root = process.cwd();
const args = process.argv.slice(2);
if (args.includes('--help')) {
  console.log(
    'npm run check:content              check all content once (exit code 1 on a problem)\n' +
      'npm run check:content -- --watch   check again whenever a seed or a content file changes',
  );
  process.exit(0);
}
const watching = args.includes('--watch');
const plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function run() {
  const start = performance.now();
  let check;
  try {
    check = checkContent(root);
  } catch (error) {
    // Not a content problem (those are reported, not thrown): a bug, with its stack.
    console.error(error);
    return false;
  }
  const seconds = ((performance.now() - start) / 1000).toFixed(2);
  for (const warning of check.warnings) console.warn(`warning: ${warning}\n`);
  for (const problem of check.problems) console.error(`${formatProblem(problem)}\n`);
  if (check.problems.length > 0) {
    console.error(`✘ ${plural(check.problems.length, 'problem')} in the content (checked in ${seconds} s).`);
    return false;
  }
  const { catalog, corpus } = check;
  const citations = corpus.index.documents.reduce((n, d) => n + d.uses.length, 0);
  console.log(
    `✔ The content is sound: ${plural(catalog.sources.length, 'source')}, ${plural(citations, 'citation')}, ` +
      `${plural(corpus.events.length, 'timeline event')}, ${plural(corpus.claims.length, 'claim')} ` +
      `(checked in ${seconds} s${check.warnings.length ? `; ${plural(check.warnings.length, 'warning')} above` : ''}).`,
  );
  return true;
}

const ok = run();
if (!watching) process.exit(ok ? 0 : 1);

const { paths } = checkContent(root);
const folders = [...new Set([paths.seedsDir, paths.contentDir, dirname(paths.metadataFile)])];
let timer;
for (const folder of folders) {
  watch(folder, { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      console.log(`\n── ${new Date().toLocaleTimeString()} ─ a file changed, checking again ──`);
      run();
    }, 150);
  });
}
console.log(`\nWatching ${folders.map((f) => f.replace(`${root}/`, '')).join(', ')} (Ctrl-C to stop).`);
