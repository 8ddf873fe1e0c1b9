// The search page: Pagefind's Component UI, loaded only here, with the query kept in the URL
// (/search/?q=cap) so a search can be shared and Back restores it. Readers' queries go through
// readerSearch (./reader-search.ts) on their way to the index; a line above the results says what was
// searched when it is not what was typed.
import type { SearchNote } from '../lib/search/fallback.ts';
import { readerSearch, type PagefindSearch } from './reader-search.ts';

interface PagefindInstance {
  on(event: 'search', callback: (term: string, filters: unknown) => void): void;
  triggerSearch(term: string): void;
  triggerLoad(): Promise<void>;
  /**
   * The Pagefind search API the instance made when it loaded. Not part of the documented API, but the one place
   * a query passes through before Pagefind sees it; tests/browser/search-reader-queries.test.ts notices if it goes.
   */
  __pagefind__?: { search: PagefindSearch } | null;
}
declare global {
  interface Window {
    PagefindComponents?: {
      getInstanceManager(): { getInstance(name?: string): PagefindInstance };
      configureInstance(name: string, options: Record<string, unknown>): void;
    };
  }
}

const container = document.querySelector<HTMLElement>('[data-search]');
const unavailable = document.querySelector<HTMLElement>('[data-search-unavailable]');

async function start() {
  // In `astro dev` there is no index: say so instead of failing.
  const probe = await fetch('/pagefind/pagefind-entry.json', { method: 'HEAD' }).catch(() => undefined);
  if (!probe?.ok) {
    if (unavailable) unavailable.hidden = false;
    return;
  }
  if (container) container.hidden = false;
  const style = document.createElement('link');
  style.rel = 'stylesheet';
  style.href = '/pagefind/pagefind-component-ui.css';
  document.head.append(style);
  await loadScript('/pagefind/pagefind-component-ui.js');
  await customElements.whenDefined('pagefind-input');

  const components = window.PagefindComponents;
  const instance = components?.getInstanceManager().getInstance('default');
  const input = document.querySelector('pagefind-input')?.querySelector('input');
  if (!components || !instance || !input) return;
  input.setAttribute('aria-label', 'Search the site');

  // Ranking options (src/lib/search/ranking.ts), given before anything can make Pagefind load.
  components.configureInstance('default', { ranking: JSON.parse(container?.dataset['ranking'] ?? '{}') });

  const initial = new URLSearchParams(location.search).get('q') ?? '';
  if (initial) input.value = initial;
  // Put the cursor in the box, unless the reader has already moved focus themselves while the UI loaded.
  if (document.activeElement === document.body || document.activeElement === null) input.focus();

  // The query in the address, as the reader typed it (a search typed while Pagefind loads included).
  let timer: number | undefined;
  instance.on('search', (term) => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => {
      const url = new URL(location.href);
      if (term) url.searchParams.set('q', term);
      else url.searchParams.delete('q');
      if (url.href !== location.href) history.replaceState(null, '', url);
    }, 300);
  });

  // Load Pagefind now (this page is for searching), then send every search through readerSearch. A search
  // typed while it loaded went to Pagefind as typed: run it again.
  await instance.triggerLoad();
  const pagefind = instance.__pagefind__;
  if (pagefind) pagefind.search = readerSearch(pagefind.search.bind(pagefind), showNote);
  const pending = input.value || initial;
  if (pending) instance.triggerSearch(pending);
}

/** "Showing results for jassy. No page has “jasy”; the nearest word is “jassy”." — as text, never as markup. */
function showNote(note: SearchNote | undefined) {
  const line = document.querySelector<HTMLElement>('[data-search-note]');
  if (!line) return;
  line.replaceChildren();
  if (!note) return;
  if (note.query) {
    const query = document.createElement('strong');
    query.textContent = note.query;
    line.append(`${note.lead} `, query, '.');
  }
  for (const detail of note.details) line.append(line.childNodes.length > 0 ? ' ' : '', detail);
}

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`Could not load ${src}`));
    document.head.append(script);
  });
}

void start();

// A module, not a global script: its names stay its own.
export {};
