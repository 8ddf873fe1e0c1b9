import { describe, expect, it } from 'vitest';
import { buildFixture } from '../support/fixture-build.ts';
import { allPagePaths, page, text } from '../support/site.ts';
import { fragmentWords } from '../support/text-fragment.ts';

const EXPLAINERS = ['exclusivity', 'financial-terms', 'timeline'];

describe('citation links', () => {
  const citing = allPagePaths().filter((p) => !p.startsWith('/sources/'));

  it.each(citing)('every citation on %s opens a passage that contains the quoted words', (path) => {
    const links = [...page(path).document.querySelectorAll('a[href^="/sources/"][href*="#"]')];
    const problems: string[] = [];
    for (const link of links) {
      const href = link.getAttribute('href') as string;
      const [target, hash = ''] = href.split('#');
      const id = decodeURIComponent(hash.split(':~:')[0] ?? '');
      const passage = page(target as string).document.getElementById(id);
      if (!passage?.classList.contains('passage')) {
        problems.push(`${href}: no passage #${id}`);
        continue;
      }
      const passageText = text(passage);
      for (const words of fragmentWords(href)) {
        if (!passageText.includes(words)) problems.push(`${href}: passage #${id} does not contain "${words}"`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('the explainers, the timeline and the home page cite, with notes that quote the source', () => {
    for (const path of [...EXPLAINERS.map((e) => `/explainers/${e}/`), '/']) {
      const { document } = page(path);
      // The timeline's events mark their citations with letters, listed under each event (tested below).
      const markers = [...document.querySelectorAll('sup.cite-ref > a')].filter((a) => !a.closest('.timeline'));
      expect(markers.length, path).toBeGreaterThan(5);
      for (const marker of markers) {
        const note = document.getElementById(`note-${marker.getAttribute('data-note')}`);
        expect(note, `${path}: note for ${marker.getAttribute('href')}`).not.toBeNull();
        const quote = text(note?.querySelector('q'));
        // A text fragment marks the quoted words, unless they also occur earlier on the source page (a
        // headline the page title repeats), where the browser would stop instead: then the id alone.
        const href = marker.getAttribute('href') as string;
        if (fragmentWords(href).join(' ') === '') {
          const [target, hash = ''] = href.split('#');
          const source = page(target as string).document;
          const passage = source.getElementById(decodeURIComponent(hash));
          const fold = (s: string) => s.replace(/\s+/gu, ' ').toLowerCase();
          const all = fold(text(source.body));
          const before = all.slice(0, all.indexOf(fold(text(passage))));
          expect(before, `${path}: ${href} has no text fragment, yet its words are not earlier on the page`).toContain(
            fold(quote),
          );
        }
        expect(text(marker)).toMatch(/^\[\d+\] .+, ¶ \d+$/u);
        // The note's back-links lead to the markers that use it.
        const refs = [...(note?.querySelectorAll('a.backref') ?? [])].map((a) => a.getAttribute('href'));
        expect(refs, path).toContain(`#${marker.parentElement?.id}`);
        expect(quote.length).toBeGreaterThan(0);
      }
    }
  });

  it.each(EXPLAINERS)('/explainers/%s/ cites in every paragraph and table row that is not editorial', (id) => {
    const { document } = page(`/explainers/${id}/`);
    const body = document.querySelector('.explainer__body');
    // The timeline's event summaries are paragraphs too; an event's date line and sources list are not prose.
    const blocks = [...(body?.querySelectorAll('p, tbody tr') ?? [])].filter(
      (el) =>
        !el.closest('.editorial, .notes, .timeline-event__date, .timeline-event__sources') &&
        !el.matches('.timeline-event__date, .timeline-event__sources') &&
        text(el) !== '' &&
        // A paragraph that only links to rows of the claims ledger rests on those rows.
        !(el.querySelector('a[href^="/claims/#"]') && !el.querySelector('sup.cite-ref')),
    );
    expect(blocks.length).toBeGreaterThan(3);
    const uncited = blocks.filter((el) => !el.querySelector('sup.cite-ref')).map((el) => text(el).slice(0, 80));
    expect(uncited).toEqual([]);
  });

  it.each(EXPLAINERS)('/explainers/%s/ is a real piece of writing with contents and reading time', (id) => {
    const { document } = page(`/explainers/${id}/`);
    const body = document.querySelector('.explainer__body')?.cloneNode(true) as Element;
    // What a reader reads: the prose and the timeline's events, not the notes, markers or links to sources.
    for (const el of body.querySelectorAll('.notes, .cite-ref, .timeline-event__sources, .timeline-event__anchor')) {
      el.remove();
    }
    const words = text(body).split(' ').length;
    expect(words).toBeGreaterThanOrEqual(600);
    expect(words).toBeLessThanOrEqual(1200);
    expect(document.querySelectorAll('.toc a').length).toBeGreaterThan(2);
    // The reading time is for those words, at about 230 a minute.
    const minutes = Number(/^(\d+) min read/u.exec(text(document.querySelector('[data-reading-time]')))?.[1]);
    expect(Math.abs(minutes - words / 230), `${minutes} min read for ${words} words`).toBeLessThanOrEqual(0.6);
    expect(document.querySelectorAll('.explainer__body h2').length).toBeGreaterThan(2);
  });

  it.each(EXPLAINERS)('/explainers/%s/ opens with a summary and defines the terms of art in plain words', (id) => {
    const { document } = page(`/explainers/${id}/`);
    const body = document.querySelector('.explainer__body') as Element;
    // A one-paragraph summary comes before the first section.
    const first = body.firstElementChild;
    expect(first?.tagName, 'the first thing in the body').toBe('P');
    expect(text(first).split(' ').length).toBeGreaterThan(30);
    // "Key terms": each term in bold, then its definition.
    const heading = [...body.querySelectorAll('h2')].find((h) => text(h) === 'Key terms');
    expect(heading, 'a "Key terms" section').toBeDefined();
    const defined = [...(heading?.nextElementSibling?.querySelectorAll('li > strong:first-child') ?? [])].map(text);
    for (const term of [/^Revenue share/u, /^IP licen[cs]e/u, /^The AGI clause/u, /^Exclusivity/u]) {
      expect(
        defined.some((d) => term.test(d)),
        `${term} in ${defined.join(', ')}`,
      ).toBe(true);
    }
  });

  it('every source page says which of its passages are cited, and where', () => {
    const sources = allPagePaths().filter((p) => /^\/sources\/[^/]+\/$/u.test(p));
    for (const path of sources) {
      const { document } = page(path);
      const cited = document.querySelectorAll('.passage--cited');
      expect(cited.length, path).toBeGreaterThan(0);
      const meta = text(document.querySelector('.source-meta'));
      expect(meta, path).toContain(`${cited.length} passage${cited.length === 1 ? '' : 's'} of`);
      for (const passage of cited) {
        const links = [...passage.querySelectorAll('.cited-in a')];
        expect(links.length).toBeGreaterThan(0);
        for (const link of links) {
          const [target, anchor] = (link.getAttribute('href') as string).split('#');
          const citing = page(target as string).document.getElementById(anchor as string);
          expect(citing, link.getAttribute('href') as string).not.toBeNull();
          // The citing place links back to this very passage.
          const back = citing?.matches('a') ? citing : citing?.querySelector(`a[href*="#${passage.id}"]`);
          expect(
            back ?? citing?.querySelector(`a[href^="${path}#${passage.id}"]`),
            link.getAttribute('href') as string,
          ).not.toBeNull();
        }
      }
    }
  });
});

describe('the timeline', () => {
  const { document } = page('/explainers/timeline/');
  const events = [...document.querySelectorAll('ol.timeline > li')];

  it('lists every event in order, each with a <time datetime>, its own anchor and at least one citation', () => {
    expect(events.length).toBeGreaterThanOrEqual(8);
    const dates = events.map((e) => e.querySelector('time')?.getAttribute('datetime') ?? '');
    for (const [i, event] of events.entries()) {
      expect(dates[i], event.id).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/u);
      expect(event.id).toMatch(/^\d{4}/u);
      expect(event.querySelectorAll('a[href^="/sources/"]').length, event.id).toBeGreaterThan(0);
      expect(event.querySelector(`a[href="/explainers/timeline/#${event.id}"]`)).not.toBeNull();
    }
    expect([...dates].sort()).toEqual(dates);
    expect(dates[0]).toBe('2019');
    expect(dates).toContain('2026-04-27');
  });

  it('marks each citation of an event with a letter that its sources list gives, linking to the same passage', () => {
    for (const event of events) {
      const markers = [...event.querySelectorAll('.timeline-event__summary sup.cite-ref > a')];
      expect(markers.length, event.id).toBeGreaterThan(0);
      const listed = new Map(
        [...event.querySelectorAll('.timeline-event__sources .timeline-event__marker')].map((m) => [
          text(m),
          m.nextElementSibling?.getAttribute('href'),
        ]),
      );
      for (const marker of markers) {
        const label = /^\[([a-z]+\d*)\]/u.exec(text(marker))?.[1];
        expect(label, `${event.id}: ${text(marker)}`).toBeDefined();
        expect(listed.get(`[${label}]`), `${event.id}: [${label}]`).toBe(marker.getAttribute('href'));
        // No note on the page belongs to it: the page's notes are numbered, the events' markers lettered.
        expect(marker.hasAttribute('data-note')).toBe(false);
      }
    }
  });
});

describe('a changed quote stops the build', () => {
  it('names the file, line and column, the quote and the closest passage', async () => {
    const build = await buildFixture('broken-quote', {
      editContent: (file, text) =>
        file === 'explainers/exclusivity.mdx'
          ? text.replace('converts from exclusive to non-exclusive', 'converts from exclusive to nonexclusive')
          : text,
    });
    expect(build.status).not.toBe(0);
    expect(build.output).toMatch(
      /\.tmp\/fixtures\/broken-quote\/content\/explainers\/exclusivity\.mdx:\d+:\d+: quote not found in "Microsoft and OpenAI End 7-Year Azure Exclusivity in Partnership Overhaul" \(azure-exclusivity-ends\): "converts from exclusive to nonexclusive"\. Did you mean \(¶ 8\)/u,
    );
    expect(build.output).toContain('Fix: copy the words exactly');
  });
});
