// npm run add-source -- <file>                 add an article (a saved web page .html, or plain text)
// npm run add-source -- --revise <slug> <file> add a new version of a source (a correction, an update)
// Options: --slug <slug> (new source), --date YYYY-MM-DD and --note "…" (revision), --dry-run.
// All the deciding happens in src/lib/ingest/add-source.ts; this reads the files and writes the result.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { contentPaths } from '../src/lib/catalog-files.ts';
import { checkContent } from '../src/lib/content-check.ts';
import { formatProblem } from '../src/lib/errors.ts';
import { formatReport, planAddSource } from '../src/lib/ingest/add-source.ts';
import { forTerminal } from '../src/lib/ingest/untrusted.ts';

const USAGE = `Usage:
  npm run add-source -- <file>                   add an article: a saved web page (.html) or plain UTF-8 text
  npm run add-source -- --revise <slug> <file>   add a new version of the source <slug>
Options:
  --slug <slug>        the new source's permanent slug (default: from its title)
  --date YYYY-MM-DD    the new version's date (default: the page's last-modified date, else today)
  --note "…"           what the new version corrected (shown in the corrections log)
  --dry-run            say what would be written, and write nothing`;

let args;
try {
  args = parseArgs({
    allowPositionals: true,
    options: {
      revise: { type: 'string' },
      slug: { type: 'string' },
      date: { type: 'string' },
      note: { type: 'string' },
      'dry-run': { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
} catch (error) {
  console.error(`${error.message}\n\n${USAGE}`);
  process.exit(2);
}
if (args.values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (args.positionals.length !== 1) {
  console.error(`Give exactly one file.\n\n${USAGE}`);
  process.exit(2);
}

const root = process.cwd();
const file = resolve(args.positionals[0]);
if (!existsSync(file)) {
  console.error(`${args.positionals[0]}: no such file. Nothing was written.`);
  process.exit(1);
}
const paths = contentPaths(root);
const rel = (p) => relative(root, p).replace(/\\/gu, '/');
const readDir = (dir, prefix = '') =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((n) => n.endsWith('.txt'))
        .map((name) => ({ name: `${prefix}${name}`, bytes: readFileSync(join(dir, name)) }))
    : [];
const maybe = (path) => (existsSync(path) ? readFileSync(path, 'utf8') : undefined);
const claimsFile = join(paths.contentDir, 'claims.yaml');

const plan = planAddSource(
  {
    seeds: readDir(paths.seedsDir),
    revisions: readDir(join(paths.seedsDir, 'revisions'), 'revisions/'),
    metadataText: maybe(paths.metadataFile),
    claimsText: maybe(claimsFile),
    manifestText: maybe(join(paths.seedsDir, 'SHA256SUMS')),
    paths: { seeds: rel(paths.seedsDir), metadata: rel(paths.metadataFile), claims: rel(claimsFile) },
  },
  {
    file: { name: args.positionals[0], bytes: readFileSync(file) },
    revise: args.values.revise,
    slug: args.values.slug,
    date: args.values.date,
    note: args.values.note,
    today: new Date().toISOString().slice(0, 10),
  },
);

if (!plan.ok) {
  console.error(forTerminal(`Not added: ${plan.reason}\n  Fix: ${plan.fix}\nNothing was written.`));
  process.exit(1);
}
if (args.values['dry-run']) {
  console.log(
    forTerminal(`Dry run: nothing was written. It would write:\n${plan.writes.map((w) => `  ${w.path}`).join('\n')}\n`),
  );
  console.log(forTerminal(formatReport(plan.report)));
  process.exit(0);
}

// Every file is written beside its target first, then moved into place: a failure leaves no half-written file.
for (const write of plan.writes) {
  const target = join(root, write.path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(`${target}.add-source-tmp`, write.content);
}
for (const write of plan.writes) renameSync(join(root, `${write.path}.add-source-tmp`), join(root, write.path));
console.log(forTerminal(formatReport(plan.report)));

// What the content check says now, about this source.
const check = checkContent(root);
const mine = check.problems.filter((p) => p.message.includes(`(${plan.report.slug})`) || p.file === plan.report.seed);
if (mine.length > 0) {
  console.log(`\nThe content check finds ${mine.length} problem(s) to fix before the next build:\n`);
  for (const problem of mine) console.log(forTerminal(`${formatProblem(problem)}\n`));
} else if (check.problems.length > 0) {
  console.log(`\nnpm run check:content finds ${check.problems.length} other problem(s) in the content.`);
}
