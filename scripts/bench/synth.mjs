// A synthetic corpus of N sources for the scale benchmark: deterministic (seeded PRNG), in the
// site's own formats. Source i is the same text whatever N is, so a larger corpus contains
// the smaller ones.
//
// Layout of <dir>:
//   seeds/s00001_<hex>.txt ...   plain-text articles, one passage per line (the real seeds' form)
//   sources.yaml                 metadata, one entry per seed
//   content/explainers/*.mdx     3 explainers + the timeline explainer, every sentence cited
//   content/pages/home.mdx       a cited overview;  content/pages/about.mdx  (no citations needed)
//   content/timeline.yaml        a few dated events, their summaries citing inline
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: small, fast, good enough for text. */
export function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = (list) => list[Math.floor(next() * list.length)];
  return { next, int, pick };
}

const seedOf = (text) => createHash('sha256').update(text).digest().readUInt32LE(0);

// Plausible business-news words. No word that the passage rules read as page furniture
// ("share", "read", "advertisement", "comments", "related", "subscribe", "sources"…).
const NOUNS = `agreement partnership cloud platform model license revenue investment stake contract
  deadline market customer regulator board executive analyst quarter forecast margin valuation
  infrastructure datacenter capacity chip supplier startup lab product launch rollout feature
  developer enterprise subscription pricing discount budget target growth loss profit dividend
  shareholder lawsuit court settlement review filing statement announcement interview report
  document clause term cap threshold milestone schedule timeline roadmap strategy outlook
  competitor rival alliance merger acquisition spinoff unit division region country economy
  policy standard benchmark dataset compute cluster network server storage security privacy
  audit committee vote proposal draft deal option warrant bond loan credit rating index`
  .split(/\s+/u)
  .filter(Boolean);
const VERBS = `announced confirmed signed extended renegotiated delayed approved rejected expanded reduced
  raised cut launched paused reviewed disclosed estimated projected reported argued warned expected
  committed agreed declined questioned doubled halved secured financed acquired licensed hosted
  shipped tested deployed measured audited challenged settled revised restated published`
  .split(/\s+/u)
  .filter(Boolean);
const ADJECTIVES = `new revised exclusive nonexclusive major minor early late annual quarterly regional global
  strategic financial technical legal private public significant modest sharp steady uncertain
  binding preliminary final internal external primary secondary long short multiyear recent
  unexpected cautious aggressive limited broad`
  .split(/\s+/u)
  .filter(Boolean);
const FUNCTION = `the the the a an of of in in on for with to to by from and and but while after
  before under over than as at`
  .split(/\s+/u)
  .filter(Boolean);
const NAMES = `Halvorsen Okonkwo Brightwater Calderon Veltrona Nakamura Ostrander Quillfeather Marchetti
  Lindqvist Abernathy Tessaro Vantablue Oriskany Pemberton Zhadanov Castellane Rookwood Ilvermorny
  Duskmere Fairhaven Greystone Hollowell Ironbridge Juniper Kestrel Larkspur Meridian Northgate
  Ashcombe Bramwell Corvina Delacroix Everhart Falkner Grimsby Harrowgate Ivesdale Jessop`
  .split(/\s+/u)
  .filter(Boolean);
const HEADING_WORDS = `What Changed Why It Matters The Numbers Background Outlook Reaction The Deal Terms
  Next Steps Risks Winners Losers Regulators Markets Customers The Fine Print Timeline Context
  Analysis Costs Benefits`
  .split(/\s+/u)
  .filter(Boolean);

function word(r) {
  const x = r.next();
  if (x < 0.38) return r.pick(FUNCTION);
  if (x < 0.7) return r.pick(NOUNS);
  if (x < 0.85) return r.pick(VERBS);
  if (x < 0.95) return r.pick(ADJECTIVES);
  if (x < 0.98) return r.pick(NAMES);
  return String(r.int(2, 2040));
}

function sentence(r, min = 8, max = 22) {
  const n = r.int(min, max);
  const words = [];
  for (let i = 0; i < n; i++) {
    let w = word(r);
    if (i > 2 && i < n - 2 && r.next() < 0.06) w += ',';
    words.push(w);
  }
  // Start with a name or a capitalised word: a paragraph line must not start in lower case.
  const first = words[0].replace(/,$/u, '');
  words[0] = r.next() < 0.2 ? r.pick(NAMES) : first[0].toUpperCase() + first.slice(1);
  return `${words.join(' ').replace(/,$/u, '')}.`;
}

function heading(r) {
  const n = r.int(2, 5);
  const words = [];
  for (let i = 0; i < n; i++) words.push(r.pick(HEADING_WORDS));
  return words.join(' ');
}

/**
 * Source i: its lines (passages) and metadata. 300–900 words: paragraphs of 2–6 sentences,
 * a few headings, a few bulleted lists, each line one passage.
 */
export function syntheticSource(i) {
  const r = prng(seedOf(`renegotiated-bench-source-${i}`));
  const id = String(i).padStart(5, '0');
  const target = r.int(300, 900);
  const lines = [];
  let words = 0;
  const add = (line) => {
    lines.push(line);
    words += line.split(' ').length;
  };
  add(Array.from({ length: r.int(2, 4) }, () => sentence(r)).join(' '));
  let last = 'paragraph';
  while (words < target) {
    const x = r.next();
    if (x < 0.15 && last !== 'heading') {
      add(heading(r));
      last = 'heading';
    } else if (x < 0.25 && last !== 'heading') {
      const items = r.int(2, 4);
      for (let k = 0; k < items; k++) add(`- ${sentence(r, 6, 14)}`);
      last = 'list';
    } else {
      add(Array.from({ length: r.int(2, 6) }, () => sentence(r)).join(' '));
      last = 'paragraph';
    }
  }
  if (last === 'heading') add(sentence(r));
  const text = `${lines.join('\n')}\n`;
  const hex = createHash('sha256').update(text).digest('hex').slice(0, 16);
  const titleWords = Array.from({ length: r.int(3, 6) }, () => r.pick([...NOUNS, ...ADJECTIVES, ...NAMES]));
  const title = `${r.pick(NAMES)} ${r.pick(VERBS)} ${titleWords.join(' ')}`;
  const dated = r.next() < 0.6;
  const month = r.int(1, 12);
  const day = r.int(1, 28);
  const monthName = new Date(Date.UTC(2026, month - 1, day)).toLocaleString('en-US', {
    month: 'long',
    timeZone: 'UTC',
  });
  return {
    index: i,
    seed: `s${id}_${hex}.txt`,
    slug: `synthetic-${id}-${title.toLowerCase().split(' ').slice(1, 3).join('-')}`.replace(/[^a-z0-9-]/gu, ''),
    title,
    publisher: r.next() < 0.5 ? 'Synthetic Wire' : 'not stated',
    byline: r.next() < 0.5 ? `${r.pick(NAMES)} ${r.pick(NAMES)}` : 'not stated',
    date: dated ? `${monthName} ${day}, 2026` : 'not stated',
    ...(dated ? { dateIso: `2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` } : {}),
    lines,
    text,
    words,
  };
}

const isWordChar = (ch) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

/** Occurrences of `needle` in `text` that start and end on whole words. */
function wholeWordCount(text, needle) {
  let count = 0;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
    if (!isWordChar(text[at - 1]) && !isWordChar(text[at + needle.length])) count++;
  }
  return count;
}

/**
 * A quote of 6–10 words copied from one paragraph of the source, that occurs once in the whole
 * source (so it resolves to exactly one passage). Undefined if no such run is found.
 */
export function pickQuote(source, r) {
  // Quote from within one sentence of one paragraph, as an author would.
  const sentences = source.lines
    .filter((l) => !l.startsWith('- '))
    .flatMap((l) => l.split(/(?<=\.) /u))
    .filter((s) => s.split(' ').length >= 10);
  for (let attempt = 0; attempt < 50; attempt++) {
    const line = r.pick(sentences);
    const tokens = line.split(' ');
    const len = r.int(6, 10);
    const start = r.int(0, tokens.length - len);
    const quote = tokens
      .slice(start, start + len)
      .join(' ')
      .replace(/[.,]+$/u, '');
    if (quote.split(' ').length < 6) continue;
    if (wholeWordCount(source.text, quote) === 1) return quote;
  }
  return undefined;
}

/**
 * A sentence for the explainers: words only (no quotes, braces or angle brackets), and no figure, since
 * every figure a sentence states must be in the passage it cites.
 */
function prose(r) {
  return sentence(r, 10, 24).replace(/\b\d+\b/gu, () => r.pick(NOUNS));
}

/** Write the corpus for N sources into `dir` (emptied first). Returns what the benchmark needs. */
export function writeCorpus(dir, n) {
  rmSync(dir, { recursive: true, force: true });
  const seedsDir = join(dir, 'seeds');
  const contentDir = join(dir, 'content');
  mkdirSync(seedsDir, { recursive: true });
  mkdirSync(join(contentDir, 'explainers'), { recursive: true });
  mkdirSync(join(contentDir, 'pages'), { recursive: true });

  const yaml = ['# Synthetic sources for the scale benchmark (scripts/bench/synth.mjs).', ''];
  let totalWords = 0;
  let totalPassages = 0;
  const sources = [];
  for (let i = 1; i <= n; i++) {
    const s = syntheticSource(i);
    writeFileSync(join(seedsDir, s.seed), s.text);
    totalWords += s.words;
    totalPassages += s.lines.length;
    yaml.push(
      `- seed: ${s.seed}`,
      `  slug: ${s.slug}`,
      `  title: ${JSON.stringify(s.title)}`,
      '  titleSupplied: true',
      `  publisher: ${JSON.stringify(s.publisher)}`,
      `  byline: ${JSON.stringify(s.byline)}`,
      `  date: ${JSON.stringify(s.date)}`,
      ...(s.dateIso ? [`  dateIso: ${s.dateIso}`] : []),
      '',
    );
    // Keep only what citing needs, not every text in memory at 10,000 sources.
    sources.push(i);
  }
  writeFileSync(join(dir, 'sources.yaml'), yaml.join('\n'));

  const r = prng(seedOf(`renegotiated-bench-content-${n}`));
  const cache = new Map();
  const sourceAt = (i) => {
    if (!cache.has(i)) cache.set(i, syntheticSource(i));
    return cache.get(i);
  };
  const cite = () => {
    for (let attempt = 0; attempt < 20; attempt++) {
      const s = sourceAt(r.int(1, n));
      const quote = pickQuote(s, r);
      if (quote) return { source: s.slug, quote, tag: `<Cite source="${s.slug}" quote="${quote}" />` };
    }
    throw new Error('could not find a unique quote');
  };
  // Every sentence carries its own citations, before its full stop.
  const citedSentence = (cites = r.int(1, 2)) =>
    `${prose(r).replace(/\.$/u, '')} ${Array.from({ length: cites }, () => cite().tag).join(' ')}.`;
  const citedParagraph = (sentences = r.int(1, 3)) =>
    Array.from({ length: sentences }, () => citedSentence()).join(' ');

  const explainers = [
    { id: 'the-agreement', title: 'The agreement', order: 1 },
    { id: 'the-money', title: 'The money', order: 2 },
    { id: 'the-reaction', title: 'The reaction', order: 4 },
  ];
  let citations = 0;
  const count = (text) => {
    citations += (text.match(/<Cite /gu) ?? []).length;
    return text;
  };
  for (const e of explainers) {
    const body = [];
    body.push(citedParagraph(2));
    for (let s = 0; s < r.int(3, 5); s++) {
      body.push(`## ${heading(r)}`);
      for (let p = 0; p < r.int(2, 4); p++) body.push(citedParagraph());
      if (r.next() < 0.4) body.push([0, 1, 2].map(() => `- ${citedParagraph(1)}`).join('\n'));
    }
    writeFileSync(
      join(contentDir, 'explainers', `${e.id}.mdx`),
      count(
        `---\ntitle: ${e.title}\ndescription: A synthetic explainer for the scale benchmark, citing passages of ${n} generated sources.\norder: ${e.order}\n---\n\n${body.join('\n\n')}\n`,
      ),
    );
  }
  writeFileSync(
    join(contentDir, 'explainers', 'timeline.mdx'),
    count(
      `---\ntitle: The timeline\ndescription: The dated events of the synthetic corpus, oldest first.\norder: 3\n---\n\n${citedParagraph(2)}\n\n## The events\n\n<TimelineEvents />\n\n## How precise the dates are\n\n${citedParagraph(1)}\n`,
    ),
  );
  writeFileSync(
    join(contentDir, 'pages', 'home.mdx'),
    count(
      `---\ntitle: Overview\ndescription: The synthetic corpus at a glance.\n---\n\n${citedParagraph(2)}\n\n${citedParagraph(1)}\n`,
    ),
  );
  writeFileSync(
    join(contentDir, 'pages', 'about.mdx'),
    `---\ntitle: About this site\ndescription: A synthetic build for the scale benchmark.\n---\n\nThis site was generated from <Count all one="synthetic source" other="synthetic sources" /> to measure how the build scales.\n\n## How to check a claim\n\nEvery marker opens the passage it rests on.\n`,
  );
  const events = [];
  const months = ['2025-01', '2025-04', '2025-09', '2026-02', '2026-04'];
  for (const [k, date] of months.entries()) {
    // The synthetic passages state no such dates: each event is placed by the site, and says so.
    const summary = `${citedSentence()} <Inference>${prose(r).replace(/\.$/u, '')} ${cite().tag}.</Inference>`;
    citations += (summary.match(/<Cite /gu) ?? []).length;
    events.push(
      `- id: "event-${k + 1}"`,
      `  date: "${date}"`,
      `  label: ${JSON.stringify(new Date(`${date}-01T00:00:00Z`).toLocaleString('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' }))}`,
      '  approximate: true',
      `  title: ${JSON.stringify(heading(r))}`,
      `  summary: >-\n    ${summary}`,
      '',
    );
  }
  writeFileSync(join(contentDir, 'timeline.yaml'), `# Synthetic events.\n\n${events.join('\n')}`);

  // Search queries: a common word, a name, a two-word phrase, a number, and a word from the
  // middle source that is otherwise rare.
  const mid = sourceAt(Math.max(1, Math.floor(n / 2)));
  const midWord =
    mid.lines[0].split(' ').find((w) => NAMES.includes(w.replace(/[.,]/gu, ''))) ?? mid.lines[0].split(' ')[0];
  const queries = [
    'revenue',
    'Halvorsen',
    'quarterly forecast',
    'settlement',
    '2031',
    'datacenter capacity',
    midWord.replace(/[.,]/gu, ''),
    'Veltrona board',
  ];
  return {
    dir,
    seedsDir,
    contentDir,
    metadataFile: join(dir, 'sources.yaml'),
    sources: n,
    totalWords,
    totalPassages,
    citations,
    queries,
  };
}
