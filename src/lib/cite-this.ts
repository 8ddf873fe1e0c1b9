/** "Cite this page" in three formats: plain text, BibTeX and CSL-JSON. Pure; no dates invented. */
import { MONTH_NAMES as MONTHS } from './months.ts';

export interface CitableWork {
  /** A stable key: the page's slug. */
  id: string;
  title: string;
  url: string;
  /** Who wrote it, as stated; undefined when not stated. */
  author?: string | undefined;
  /** Where it appears ("Renegotiated"), as stated. */
  container: string;
  /** YYYY-MM-DD, YYYY-MM or YYYY, when known. */
  date?: string | undefined;
  /** webpage for our pages, article for a reproduced article. */
  type: 'webpage' | 'article';
  /** A note such as "Reproduced from …; publisher not stated". */
  note?: string | undefined;
}

export interface CitationFormats {
  text: string;
  bibtex: string;
  cslJson: string;
}

function readableDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  if (!m) return String(y);
  return d ? `${MONTHS[m - 1]} ${d}, ${y}` : `${MONTHS[m - 1]} ${y}`;
}

/** BibTeX values go inside braces: keep braces balanced and backslashes literal. */
// Escape around each backslash, so the braces of \textbackslash{} are not escaped in turn.
const bib = (value: string) =>
  value
    .split('\\')
    .map((part) => part.replace(/([{}%&$#_^~])/gu, '\\$1'))
    .join('\\textbackslash{}');

export function citationFormats(work: CitableWork): CitationFormats {
  const when = work.date ? readableDate(work.date) : 'n.d.';
  const text = [
    work.author ? `${work.author}.` : undefined,
    `“${work.title}.”`,
    `${work.container},`,
    when.endsWith('.') ? when : `${when}.`,
    work.url,
    work.note ? `(${work.note})` : undefined,
  ]
    .filter(Boolean)
    .join(' ');

  const [year, month] = (work.date ?? '').split('-');
  const fields: [string, string | undefined][] = [
    ['title', work.title],
    ['author', work.author],
    ['howpublished', `\\url{${work.url}}`],
    ['organization', work.container],
    ['year', year || undefined],
    ['month', month ? (MONTHS[Number(month) - 1] as string).slice(0, 3).toLowerCase() : undefined],
    ['note', work.note],
  ];
  const bibtex = [
    `@misc{${work.id.replace(/[^A-Za-z0-9:-]+/gu, '-')},`,
    ...fields
      .filter((f): f is [string, string] => f[1] !== undefined)
      .map(([k, v]) => `  ${k} = {${k === 'howpublished' ? v : bib(v)}},`),
    '}',
  ].join('\n');

  const csl = {
    id: work.id,
    type: work.type === 'article' ? 'article-newspaper' : 'webpage',
    title: work.title,
    ...(work.author ? { author: [{ literal: work.author }] } : {}),
    'container-title': work.container,
    URL: work.url,
    ...(work.date ? { issued: { 'date-parts': [work.date.split('-').map(Number)] } } : {}),
    ...(work.note ? { note: work.note } : {}),
  };
  return { text, bibtex, cslJson: JSON.stringify([csl], null, 2) };
}
