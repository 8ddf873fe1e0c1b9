/**
 * A saved web page → the article: its body as blocks (headings, paragraphs, list items) and its
 * metadata, each field with where it came from. The body comes from Mozilla's Readability over a
 * linkedom document (navigation, ads, share widgets, related lists, comments and footers left out);
 * the metadata from JSON-LD, Open Graph, meta tags and the visible byline. Nothing here runs or
 * renders the page: it is parsed as data, and every string taken from it is cleaned as untrusted.
 */
import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { matchFurniture } from '../passages/rules.ts';
import { cleanText, cleanValue } from './untrusted.ts';
import { findMonthDayYear, isoDate, MONTH_NAMES as MONTHS } from '../months.ts';

export { isoDate };

export type BlockKind = 'heading' | 'paragraph' | 'list-item';

export interface Block {
  kind: BlockKind;
  text: string;
  /** List items: in a numbered list. */
  ordered?: boolean;
}

export interface Field {
  value: string;
  /** Where it was found: "JSON-LD headline", "Open Graph og:site_name", "visible byline"… */
  from: string;
}

export interface ArticleMetadata {
  title?: Field;
  byline?: Field;
  publisher?: Field;
  /** The date as the page shows it ("May 3, 2026"). */
  date?: Field;
  /** YYYY-MM-DD. */
  dateIso?: Field;
  /** The page's own address (canonical link, og:url). */
  url?: Field;
  /** When the page says it was last modified (YYYY-MM-DD): the default date of a revision. */
  modifiedIso?: Field;
}

export interface Article {
  metadata: ArticleMetadata;
  blocks: Block[];
  /** Lines left out as page furniture (ad labels, share widgets, the byline line). */
  leftOut: string[];
  /** Words in paragraphs and list items. */
  words: number;
}

const ARTICLE_TYPES =
  /^(?:NewsArticle|Article|BlogPosting|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|TechArticle|Report|ScholarlyArticle|LiveBlogPosting|SocialMediaPosting|WebPage)$/u;

/** Parse a saved page and take its article out of it. Undefined when no article is found. */
export function extractArticle(html: string): Article | undefined {
  const metadata = pageMetadata(parseHTML(html).document as unknown as Document);

  // Readability mutates the document it reads: give it its own.
  const document = parseHTML(html).document as unknown as Document;
  const readerable = isProbablyReaderable(document);
  const parsed = new Readability<Element>(document, { serializer: (node) => node as Element }).parse();
  if (!parsed?.content) return undefined;

  if (!metadata.title && parsed.title) metadata.title = { value: cleanValue(parsed.title), from: 'the page title' };
  if (!metadata.byline && parsed.byline) {
    metadata.byline = { value: cleanValue(parsed.byline.replace(/^by\s+/iu, '')), from: 'visible byline' };
  }
  if (!metadata.publisher && parsed.siteName)
    metadata.publisher = { value: cleanValue(parsed.siteName), from: 'Readability site name' };

  const leftOut: string[] = [];
  const blocks: Block[] = [];
  for (const block of blocksOf(parsed.content)) {
    // The visible byline line ("By Dana Whitfield · May 5, 2026 · 4 min read") is metadata, not text.
    const byline = parseBylineLine(block.text);
    if (byline && blocks.filter((b) => b.kind !== 'heading').length < 2) {
      if (!metadata.byline) metadata.byline = { value: byline.byline, from: 'visible byline' };
      if (byline.date && !metadata.date) metadata.date = { value: byline.date, from: 'visible byline' };
      if (byline.dateIso && !metadata.dateIso) metadata.dateIso = { value: byline.dateIso, from: 'visible byline' };
      leftOut.push(block.text);
      continue;
    }
    if (matchFurniture(block.text)) {
      leftOut.push(block.text);
      continue;
    }
    // Readability usually drops the headline; where it keeps it, it is the seed's first line already.
    if (blocks.length === 0 && block.text === metadata.title?.value) continue;
    blocks.push(block);
  }
  const words = blocks.filter((b) => b.kind !== 'heading').reduce((n, b) => n + b.text.split(' ').length, 0);
  if (!readerable && words === 0) return undefined;
  return { metadata, blocks, leftOut, words };
}

// ── The body ──────────────────────────────────────────────────────────────────────────────────

const BLOCK_TAGS = new Set(
  'address article aside blockquote dd details div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody td tfoot th thead tr ul'.split(
    ' ',
  ),
);
const SKIP_TAGS = new Set(
  'script style noscript template svg button input select textarea iframe object embed canvas'.split(' '),
);

/** One block per paragraph, heading or list item, in reading order. */
export function blocksOf(root: Element): Block[] {
  const blocks: Block[] = [];
  const push = (kind: BlockKind, raw: string, ordered?: boolean) => {
    const text = cleanText(raw);
    if (text) blocks.push({ kind, text, ...(ordered === undefined ? {} : { ordered }) });
  };
  const walk = (el: Element) => {
    const tag = el.tagName.toLowerCase();
    if (SKIP_TAGS.has(tag)) return;
    if (/^h[1-6]$/u.test(tag)) return push('heading', inlineText(el));
    if (tag === 'li') {
      push('list-item', inlineText(el, true), el.parentElement?.tagName.toLowerCase() === 'ol');
      for (const child of el.children) if (/^(?:ul|ol)$/iu.test(child.tagName)) walk(child);
      return;
    }
    if (tag === 'pre') {
      for (const line of (el.textContent ?? '').split('\n')) push('paragraph', line);
      return;
    }
    if (tag === 'tr') return push('paragraph', [...el.children].map((c) => inlineText(c)).join(' | '));
    const hasBlockChild = [...el.children].some((c) => BLOCK_TAGS.has(c.tagName.toLowerCase()));
    if (!hasBlockChild) {
      if (
        tag === 'p' ||
        tag === 'figcaption' ||
        tag === 'dt' ||
        tag === 'dd' ||
        tag === 'blockquote' ||
        (el.textContent ?? '').trim()
      ) {
        push('paragraph', inlineText(el));
      }
      return;
    }
    // Mixed content: loose text between blocks is a paragraph of its own.
    let loose = '';
    for (const node of el.childNodes) {
      if (node.nodeType === 1 && BLOCK_TAGS.has((node as Element).tagName.toLowerCase())) {
        push('paragraph', loose);
        loose = '';
        walk(node as Element);
      } else if (node.nodeType === 1) loose += inlineText(node as Element);
      else if (node.nodeType === 3) loose += node.textContent ?? '';
    }
    push('paragraph', loose);
  };
  walk(root);
  return blocks;
}

/** An element's text as a reader sees it on one line: `<br>` is a space, nested lists are left to themselves. */
function inlineText(el: Element, skipLists = false): string {
  let text = '';
  for (const node of el.childNodes) {
    if (node.nodeType === 3) text += node.textContent ?? '';
    else if (node.nodeType === 1) {
      const tag = (node as Element).tagName.toLowerCase();
      if (SKIP_TAGS.has(tag) || (skipLists && (tag === 'ul' || tag === 'ol'))) continue;
      text +=
        tag === 'br' ? ' ' : BLOCK_TAGS.has(tag) ? ` ${inlineText(node as Element)} ` : inlineText(node as Element);
    }
  }
  return text;
}

// ── The metadata ──────────────────────────────────────────────────────────────────────────────

function pageMetadata(document: Document): ArticleMetadata {
  const m: ArticleMetadata = {};
  const set = (key: keyof ArticleMetadata, value: unknown, from: string) => {
    if (m[key] || typeof value !== 'string') return;
    const clean = cleanValue(value);
    if (clean) m[key] = { value: clean, from };
  };
  const meta = (selector: string) => document.querySelector(selector)?.getAttribute('content') ?? undefined;

  // 1. JSON-LD (schema.org), the most explicit.
  const ld = jsonLdArticle(document);
  if (ld) {
    set('title', text(ld['headline']) ?? text(ld['name']), `JSON-LD ${ld['headline'] ? 'headline' : 'name'}`);
    set('byline', names(ld['author']), 'JSON-LD author');
    set('publisher', names(ld['publisher']), 'JSON-LD publisher');
    const published = isoDate(text(ld['datePublished']));
    if (published) set('dateIso', published, 'JSON-LD datePublished');
    const modified = isoDate(text(ld['dateModified']));
    if (modified) set('modifiedIso', modified, 'JSON-LD dateModified');
    set(
      'url',
      httpUrl(text(ld['url']) ?? text(ld['mainEntityOfPage']) ?? text(asObject(ld['mainEntityOfPage'])?.['@id'])),
      'JSON-LD url',
    );
  }
  // 2. Open Graph and article:* properties.
  set('title', meta('meta[property="og:title"]'), 'Open Graph og:title');
  set('publisher', meta('meta[property="og:site_name"]'), 'Open Graph og:site_name');
  const ogAuthor = meta('meta[property="article:author"]');
  if (ogAuthor && !httpUrl(ogAuthor)) set('byline', ogAuthor, 'Open Graph article:author');
  const ogDate = isoDate(meta('meta[property="article:published_time"]'));
  if (ogDate) set('dateIso', ogDate, 'Open Graph article:published_time');
  const ogModified = isoDate(meta('meta[property="article:modified_time"]'));
  if (ogModified) set('modifiedIso', ogModified, 'Open Graph article:modified_time');
  // 3. Other meta tags.
  for (const name of ['author', 'byl', 'dc.creator', 'parsely-author', 'sailthru.author']) {
    const value = meta(`meta[name="${name}" i]`);
    if (value && !httpUrl(value)) set('byline', value.replace(/^by\s+/iu, ''), `meta ${name}`);
  }
  for (const name of [
    'date',
    'pubdate',
    'publishdate',
    'publish-date',
    'article.published',
    'dc.date',
    'parsely-pub-date',
    'sailthru.date',
  ]) {
    const iso = isoDate(meta(`meta[name="${name}" i]`));
    if (iso) set('dateIso', iso, `meta ${name}`);
  }
  set('publisher', meta('meta[name="application-name" i]'), 'meta application-name');
  set(
    'url',
    httpUrl(document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? undefined),
    'canonical link',
  );
  set('url', httpUrl(meta('meta[property="og:url"]')), 'Open Graph og:url');

  // The date as the page shows it: a <time> whose datetime is the publication date.
  if (m.dateIso) {
    for (const time of document.querySelectorAll('time[datetime]')) {
      if (isoDate(time.getAttribute('datetime') ?? '') === m.dateIso.value && cleanValue(time.textContent ?? '')) {
        set('date', time.textContent, 'visible date');
        break;
      }
    }
    set('date', humanDate(m.dateIso.value), `${m.dateIso.from}, written out`);
  }
  // "Headline | Site" or "Headline - Site": the site's name is not the title, but it is the publisher.
  const pageTitle = cleanValue(document.querySelector('title')?.textContent ?? '');
  const split = /^(.+?)\s+[|–—-]\s+([^|–—-]+)$/u.exec(pageTitle);
  set('title', split?.[1] ?? pageTitle, 'the page title');
  if (split && m.title && cleanValue(split[1] as string).toLowerCase() === m.title.value.toLowerCase()) {
    set('publisher', split[2], 'the page title, after the headline');
  }
  return m;
}

type Json = Record<string, unknown>;
const asObject = (v: unknown): Json | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined;
const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v : undefined);

/** The first schema.org article object in the page's JSON-LD (inside @graph or arrays too). */
function jsonLdArticle(document: Document): Json | undefined {
  const found: Json[] = [];
  const visit = (v: unknown, depth: number) => {
    if (depth > 6) return;
    if (Array.isArray(v)) v.forEach((x) => visit(x, depth + 1));
    const o = asObject(v);
    if (!o) return;
    const types = ([] as unknown[]).concat(o['@type'] ?? []).filter((t): t is string => typeof t === 'string');
    if (types.some((t) => ARTICLE_TYPES.test(t))) found.push(o);
    if (o['@graph']) visit(o['@graph'], depth + 1);
  };
  for (const script of document.querySelectorAll('script[type="application/ld+json" i]')) {
    try {
      visit(JSON.parse(script.textContent ?? ''), 0);
    } catch {
      // A broken JSON-LD block is ignored: the other sources of metadata remain.
    }
  }
  // An article type over a bare WebPage.
  return found.find((o) => !/^WebPage$/u.test(String(o['@type']))) ?? found[0];
}

/** "Maya Ortiz", or several authors joined: from a string, an object with a name, or a list of either. */
function names(v: unknown): string | undefined {
  const list = (Array.isArray(v) ? v : [v])
    .map((x) => text(x) ?? text(asObject(x)?.['name']))
    .filter((x): x is string => x !== undefined && !httpUrl(x));
  if (list.length === 0) return undefined;
  return list.length === 1 ? list[0] : `${list.slice(0, -1).join(', ')} and ${list.at(-1)}`;
}

function httpUrl(v: string | undefined): string | undefined {
  if (!v) return undefined;
  try {
    const url = new URL(v.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export const humanDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${MONTHS[(m as number) - 1]} ${d}, ${y}`;
};

/**
 * A line that is only a date, as articles print it under the title: "April 29, 2026", "Published: Apr. 29, 2026",
 * "Updated April 29, 2026 10:15 am ET". Undefined for a line that says anything more, or a day that does not exist.
 */
export function parseDateLine(line: string): { date: string; dateIso: string } | undefined {
  const dated = findMonthDayYear(line);
  if (!dated?.iso) return undefined;
  const rest = `${line.slice(0, dated.index)} ${line.slice(dated.index + dated.written.length)}`
    .replace(/[ap]\.m\./giu, ' ')
    .replace(/\b(?:published|updated|posted|on|at|am|pm|ET|EST|EDT|PT|PST|PDT|UTC|GMT|BST|CET|CEST)\b/giu, ' ')
    .replace(/[\d:.,|·•–—()\s-]/gu, '');
  return rest === '' ? { date: cleanValue(dated.written), dateIso: dated.iso } : undefined;
}

/** "By Dana Whitfield · May 5, 2026 · 4 min read" → byline, date as written, ISO date. */
export function parseBylineLine(line: string): { byline: string; date?: string; dateIso?: string } | undefined {
  const match = /^By\s+(.+)$/u.exec(line);
  if (!match || line.split(' ').length > 20) return undefined;
  const body = match[1] as string;
  const dated = findMonthDayYear(body);
  const name = (body.slice(0, dated?.index ?? body.length).split(/\s+[·|•–—]\s+/u)[0] ?? '').replace(
    /[\s,·|•–—]+$/u,
    '',
  );
  // A name is capitalised words ("Dana Whitfield", "Jane Doe and John van Roe"), not a sentence ("By the numbers, …").
  const PART = "(?:\\p{Lu}[\\p{L}'’.-]*|and|&|de|del|van|von|der|den|la|le|da|di|bin)";
  if (!new RegExp(`^${PART}(?:\\s+${PART}){0,7}$`, 'u').test(name)) return undefined;
  const byline = cleanValue(name);
  if (!dated) return { byline };
  return { byline, date: cleanValue(dated.written), ...(dated.iso ? { dateIso: dated.iso } : {}) };
}
