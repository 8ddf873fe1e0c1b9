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
