import { describe, expect, it } from 'vitest';
import { typedCountsInPage } from '../../../src/lib/site-checks/typed-counts.ts';

const page = (body: string, head = '<title>T</title>') =>
  `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;

describe('typedCountsInPage: counts of sources typed into a template', () => {
  it('finds a number of sources in the page text, the title and the description', () => {
    expect(typedCountsInPage(page('<footer><p>From five news articles.</p></footer>')).map((c) => c.text)).toEqual([
      'five news articles',
    ]);
    expect(typedCountsInPage(page('', '<title>What all five say</title>')).map((c) => c.text)).toEqual(['all five']);
    expect(
      typedCountsInPage(page('', '<title>T</title><meta name="description" content="Built from 5 articles.">')).map(
        (c) => c.text,
      ),
    ).toEqual(['5 articles']);
  });

  it('finds a count written with a character reference or across inline elements (the quick pre-check misses none)', () => {
    expect(typedCountsInPage(page('<p>From five&nbsp;news articles.</p>')).map((c) => c.text)).toEqual([
      'five news articles',
    ]);
    expect(
      typedCountsInPage(page('<p>From <strong>five</strong> <em>news</em> articles.</p>')).map((c) => c.text),
    ).toEqual(['five news articles']);
    expect(typedCountsInPage(page('<p>Nothing here counts a thing.</p>'))).toEqual([]);
  });

  it('passes a count the site computed (data-count), and the sources’ own words', () => {
    const html = page(
      '<p>From <span data-count>five news articles</span>.</p>' +
        '<div class="passages"><p class="passage">Two reports said so.</p></div>' +
        '<p><q>three sources confirmed</q> <cite>Five Sources Say</cite></p>',
    );
    expect(typedCountsInPage(html)).toEqual([]);
  });

  it('passes a template naming the collection without a number ("every source", "all sources")', () => {
    expect(typedCountsInPage(page('<nav><a href="/sources/">All sources</a> · search every source</nav>'))).toEqual([]);
  });

  it('reads each block on its own, so a number ending one block never meets the next block’s first word', () => {
    expect(typedCountsInPage(page('<p>See ¶ 11</p><h2>Sources</h2>'))).toEqual([]);
  });
});
