import { describe, expect, it } from 'vitest';
import { citationFormats, type CitableWork } from '../../src/lib/cite-this.ts';

const ARTICLE: CitableWork = {
  id: 'azure-exclusivity-ends',
  title: 'Microsoft and OpenAI End 7-Year Azure Exclusivity in Partnership Overhaul',
  url: 'https://renegotiated.example/sources/azure-exclusivity-ends/',
  author: 'Insights AI',
  container: 'Renegotiated (reproduced article)',
  date: '2026-05-02',
  type: 'article',
  note: 'publisher not stated',
};

const PAGE: CitableWork = {
  id: 'renegotiated-exclusivity',
  title: 'What exclusivity meant, and what replaced it',
  url: 'https://renegotiated.example/explainers/exclusivity/',
  container: 'Renegotiated',
  type: 'webpage',
};

/** Special characters in every field BibTeX escapes. */
const HOSTILE: CitableWork = {
  id: 'r&d {50%} $5_#1',
  title: 'R&D: {50%} of $5 for #1 in under_score',
  url: 'https://renegotiated.example/sources/r-and-d/',
  author: 'Smith & {Jones}',
  container: 'News_Desk #2',
  date: '2026-04',
  type: 'article',
  note: '100% & more',
};

type Csl = {
  id: string;
  type: string;
  title: string;
  author?: { literal?: string; family?: string; given?: string }[];
  'container-title': string;
  URL: string;
  issued?: { 'date-parts': number[][] };
  note?: string;
};

const csl = (work: CitableWork): Csl[] => JSON.parse(citationFormats(work).cslJson) as Csl[];

/** `{ key = {value}, … }` of a one-entry BibTeX record: the entry type, key and fields. */
function parseBibtex(bibtex: string): { type: string; key: string; fields: Record<string, string> } {
  const head = /^@(\w+)\{([^,\s]+),\n/u.exec(bibtex);
  if (!head) throw new Error(`not a BibTeX entry: ${bibtex}`);
  const fields: Record<string, string> = {};
  for (const line of bibtex.slice(head[0].length).split('\n')) {
    if (line === '}') break;
    const field = /^ {2}(\w+) = \{(.*)\},$/u.exec(line);
    if (!field) throw new Error(`not a BibTeX field line: "${line}"`);
    fields[field[1] as string] = field[2] as string;
  }
  expect(bibtex.endsWith('\n}')).toBe(true);
  return { type: head[1] as string, key: head[2] as string, fields };
}

/** Braces not preceded by a backslash must nest and balance. */
function bracesBalance(value: string): boolean {
  let depth = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    let escaped = false;
    for (let j = i - 1; j >= 0 && value[j] === '\\'; j--) escaped = !escaped;
    if (escaped) continue;
    if (c === '{') depth++;
    if (c === '}') depth--;
    if (depth < 0) return false;
  }
  return depth === 0;
}

/** Characters LaTeX treats specially that are not escaped with a backslash. */
function unescaped(value: string, chars: string): string[] {
  const found: string[] = [];
  for (let i = 0; i < value.length; i++) {
    if (!chars.includes(value[i] as string)) continue;
    let slashes = 0;
    for (let j = i - 1; j >= 0 && value[j] === '\\'; j--) slashes++;
    if (slashes % 2 === 0) found.push(`${value[i]} at ${i} in "${value}"`);
  }
  return found;
}

describe('citationFormats: plain text', () => {
  it('gives author, title, container, readable date and URL, in that order', () => {
    expect(citationFormats(ARTICLE).text).toBe(
      'Insights AI. “Microsoft and OpenAI End 7-Year Azure Exclusivity in Partnership Overhaul.” Renegotiated (reproduced article), May 2, 2026. https://renegotiated.example/sources/azure-exclusivity-ends/ (publisher not stated)',
    );
  });

  it('leaves out the author when none is stated, and says "n.d." for no date, with one full stop', () => {
    const { text } = citationFormats(PAGE);
    expect(text.startsWith('“What exclusivity meant, and what replaced it.”')).toBe(true);
    expect(text).toContain('Renegotiated, n.d. https://renegotiated.example/explainers/exclusivity/');
    expect(text).not.toContain('n.d..');
    expect(text).not.toContain('undefined');
  });

  it('writes a month-only or year-only date as stated, and never invents a day', () => {
    expect(citationFormats({ ...PAGE, date: '2026-04' }).text).toContain('Renegotiated, April 2026. https://');
    expect(citationFormats({ ...PAGE, date: '2025' }).text).toContain('Renegotiated, 2025. https://');
    expect(citationFormats({ ...PAGE, date: '2026-12-01' }).text).toContain('Renegotiated, December 1, 2026. https://');
  });

  it('ends with the note in brackets only when there is a note', () => {
    expect(citationFormats(ARTICLE).text.endsWith('(publisher not stated)')).toBe(true);
    expect(citationFormats(PAGE).text.endsWith(PAGE.url)).toBe(true);
  });
});

describe('citationFormats: BibTeX', () => {
  it('is one well-formed @misc entry with the page’s fields', () => {
    const { type, key, fields } = parseBibtex(citationFormats(ARTICLE).bibtex);
    expect(type).toBe('misc');
    expect(key).toBe('azure-exclusivity-ends');
    expect(fields).toEqual({
      title: 'Microsoft and OpenAI End 7-Year Azure Exclusivity in Partnership Overhaul',
      author: 'Insights AI',
      howpublished: '\\url{https://renegotiated.example/sources/azure-exclusivity-ends/}',
      organization: 'Renegotiated (reproduced article)',
      year: '2026',
      month: 'may',
      note: 'publisher not stated',
    });
  });

  it('leaves out author, year and month rather than inventing them', () => {
    const { fields } = parseBibtex(citationFormats(PAGE).bibtex);
    expect(Object.keys(fields)).toEqual(['title', 'howpublished', 'organization']);
    expect(citationFormats(PAGE).bibtex).not.toContain('undefined');
  });

  it.each([
    ['2026-01-15', 'jan'],
    ['2026-02', 'feb'],
    ['2026-03-08', 'mar'],
    ['2026-04-27', 'apr'],
    ['2026-09-30', 'sep'],
    ['2026-12-01', 'dec'],
  ])('gives %s the month abbreviation %s', (date, month) => {
    const { fields } = parseBibtex(citationFormats({ ...PAGE, date }).bibtex);
    expect(fields['month']).toBe(month);
    expect(fields['year']).toBe(date.slice(0, 4));
  });

  it('has a year but no month for a year-only date', () => {
    const { fields } = parseBibtex(citationFormats({ ...PAGE, date: '2025' }).bibtex);
    expect(fields['year']).toBe('2025');
    expect(fields['month']).toBeUndefined();
  });

  it('sanitises the key to letters, digits, colons and hyphens', () => {
    const { key } = parseBibtex(citationFormats(HOSTILE).bibtex);
    expect(key).toMatch(/^[A-Za-z0-9:-]+$/u);
    expect(key.startsWith('r-d-50-5-1')).toBe(true);
  });

  it('escapes { } % & $ # _ in every field, and keeps braces balanced', () => {
    const { bibtex } = citationFormats(HOSTILE);
    expect(bracesBalance(bibtex)).toBe(true);
    const { fields } = parseBibtex(bibtex);
    for (const name of ['title', 'author', 'organization', 'note']) {
      const value = fields[name] as string;
      expect(bracesBalance(value), name).toBe(true);
      expect(unescaped(value, '{}%&$#_'), name).toEqual([]);
    }
    expect(fields['title']).toBe('R\\&D: \\{50\\%\\} of \\$5 for \\#1 in under\\_score');
    expect(fields['author']).toBe('Smith \\& \\{Jones\\}');
    expect(fields['organization']).toBe('News\\_Desk \\#2');
    expect(fields['note']).toBe('100\\% \\& more');
  });

  it('writes a backslash in a value as \\textbackslash{}, so it prints as one backslash', () => {
    const { fields } = parseBibtex(citationFormats({ ...PAGE, title: 'C:\\Users' }).bibtex);
    expect(fields['title']).toBe('C:\\textbackslash{}Users');
  });

  it('puts the URL, unescaped, in \\url{}', () => {
    const url = 'https://renegotiated.example/sources/a_b/';
    const { fields } = parseBibtex(citationFormats({ ...PAGE, url }).bibtex);
    expect(fields['howpublished']).toBe(`\\url{${url}}`);
  });
});

describe('citationFormats: CSL-JSON', () => {
  it('parses as an array of one item', () => {
    const items = csl(ARTICLE);
    expect(Array.isArray(items)).toBe(true);
    expect(items).toHaveLength(1);
  });

  it('describes a reproduced article as article-newspaper, with its author as a literal name', () => {
    expect(csl(ARTICLE)[0]).toEqual({
      id: 'azure-exclusivity-ends',
      type: 'article-newspaper',
      title: 'Microsoft and OpenAI End 7-Year Azure Exclusivity in Partnership Overhaul',
      author: [{ literal: 'Insights AI' }],
      'container-title': 'Renegotiated (reproduced article)',
      URL: 'https://renegotiated.example/sources/azure-exclusivity-ends/',
      issued: { 'date-parts': [[2026, 5, 2]] },
      note: 'publisher not stated',
    });
  });

  it('describes one of our pages as a webpage, with no author, issued or note key when none is known', () => {
    const [item] = csl(PAGE);
    expect(item?.type).toBe('webpage');
    expect(item).not.toHaveProperty('author');
    expect(item).not.toHaveProperty('issued');
    expect(item).not.toHaveProperty('note');
    expect(item).toEqual({
      id: 'renegotiated-exclusivity',
      type: 'webpage',
      title: 'What exclusivity meant, and what replaced it',
      'container-title': 'Renegotiated',
      URL: 'https://renegotiated.example/explainers/exclusivity/',
    });
  });

  it.each([
    ['2026-04-27', [2026, 4, 27]],
    ['2026-03-08', [2026, 3, 8]],
    ['2026-04', [2026, 4]],
    ['2019', [2019]],
  ])('gives %s as issued date-parts %j', (date, parts) => {
    expect(csl({ ...PAGE, date })[0]?.issued).toEqual({ 'date-parts': [parts] });
  });

  it('keeps special characters as they are (JSON needs no TeX escapes)', () => {
    const [item] = csl(HOSTILE);
    expect(item?.id).toBe(HOSTILE.id);
    expect(item?.title).toBe(HOSTILE.title);
    expect(item?.author).toEqual([{ literal: 'Smith & {Jones}' }]);
    expect(item?.['container-title']).toBe('News_Desk #2');
    expect(item?.note).toBe('100% & more');
  });
});
