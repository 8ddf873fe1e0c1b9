// The search page: Pagefind's Component UI, loaded only here, with the query kept in the URL
// (/search/?q=cap) so a search can be shared and Back restores it.

interface PagefindInstance {
  on(event: 'search', callback: (term: string, filters: unknown) => void): void;
  triggerSearch(term: string): void;
}
declare global {
  interface Window {
    PagefindComponents?: { getInstanceManager(): { getInstance(name?: string): PagefindInstance } };
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

  const instance = window.PagefindComponents?.getInstanceManager().getInstance('default');
  const input = document.querySelector('pagefind-input')?.querySelector('input');
  if (!instance || !input) return;
  input.setAttribute('aria-label', 'Search the site');

  const initial = new URLSearchParams(location.search).get('q') ?? '';
  if (initial) {
    input.value = initial;
    instance.triggerSearch(initial);
  }
  // Put the cursor in the box, unless the reader has already moved focus themselves while the UI loaded.
  if (document.activeElement === document.body || document.activeElement === null) input.focus();

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
