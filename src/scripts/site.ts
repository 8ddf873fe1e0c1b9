// The only script every page loads, kept tiny. Everything else loads when it is needed.
//  - "/" and Ctrl-K / ⌘-K go to search (the header field, or the search page's own field).
//  - Arriving from a search result (?highlight=…), load Pagefind's highlighter to mark the words.

const typing = (el: Element | null) =>
  el instanceof HTMLElement && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/u.test(el.tagName));

document.addEventListener('keydown', (event) => {
  const mod = event.metaKey || event.ctrlKey;
  const slash = event.key === '/' && !mod && !event.altKey && !typing(document.activeElement);
  if (!slash && !(mod && event.key.toLowerCase() === 'k')) return;
  const field = document.querySelector<HTMLInputElement>('pagefind-input input, #site-search-q');
  if (!field) return;
  event.preventDefault();
  field.focus();
  field.select();
});

const highlightParam = 'highlight';
if (new URLSearchParams(location.search).has(highlightParam)) {
  const script = document.createElement('script');
  script.src = '/pagefind/pagefind-highlight.js';
  script.type = 'module';
  script.onload = () => {
    const Highlight = (window as unknown as { PagefindHighlight?: new (o: object) => unknown }).PagefindHighlight;
    // Our stylesheet styles the marks: no inline <style> (the CSP forbids it).
    if (Highlight) new Highlight({ highlightParam, addStyles: false });
  };
  document.head.append(script);
}

// A link with a text fragment (#id:~:text=…) makes the browser mark the quoted words, but then
// the passage is not :target. Mark it ourselves so the whole passage is highlighted too.
function markTarget() {
  for (const el of document.querySelectorAll('.is-targeted')) el.classList.remove('is-targeted');
  const id = decodeURIComponent(location.hash.slice(1));
  const target = id ? document.getElementById(id) : null;
  if (target && !target.matches(':target')) target.classList.add('is-targeted');
}
markTarget();
window.addEventListener('hashchange', markTarget);

// A module, not a global script: its names stay its own.
export {};
