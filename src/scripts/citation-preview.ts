// Progressive enhancement: a preview of the cited passage on hover, keyboard focus or tap.
// Meets WCAG 1.4.13: Esc dismisses it, the pointer can move onto it, and it stays while the
// marker or the card is hovered or focused. Without script, markers are plain links.

const markers = document.querySelectorAll<HTMLAnchorElement>('.cite-ref a[data-note]');
const pages = new Map<string, Promise<Document>>();

const card = document.createElement('div');
card.className = 'cite-preview';
card.id = 'cite-preview';
card.setAttribute('role', 'tooltip');
card.hidden = true;
// Inside <main>, with the text it belongs to: all content stays within a landmark (axe: region).
(document.querySelector('main') ?? document.body).append(card);

let current: HTMLAnchorElement | undefined;
let hideTimer: number | undefined;
let armedForTap: HTMLAnchorElement | undefined;

function sourceDocument(url: string): Promise<Document> {
  let page = pages.get(url);
  if (!page) {
    page = fetch(url, { credentials: 'same-origin' })
      .then((r) => (r.ok ? r.text() : Promise.reject(new Error(String(r.status)))))
      .then((html) => new DOMParser().parseFromString(html, 'text/html'));
    pages.set(url, page);
  }
  return page;
}

function passageText(el: Element): string {
  const body = el.querySelector('p, h3, .passage__body');
  return (body?.textContent ?? '').replace(/\s+/gu, ' ').trim();
}

/** Fill the card with text nodes only: source text is never parsed as HTML. */
function render(title: string, ordinal: string, text: string, quote: string, hint: string) {
  card.replaceChildren();
  const head = document.createElement('p');
  head.className = 'cite-preview__source';
  head.textContent = `${title} · ${ordinal}`;
  const body = document.createElement('p');
  const at = quote ? text.indexOf(quote) : -1;
  if (at >= 0) {
    const mark = document.createElement('mark');
    mark.textContent = quote;
    body.append(text.slice(0, at), mark, text.slice(at + quote.length));
  } else {
    body.textContent = text;
  }
  const foot = document.createElement('p');
  foot.className = 'cite-preview__hint';
  foot.textContent = hint;
  card.append(head, body, foot);
}

async function show(marker: HTMLAnchorElement, viaTap = false) {
  window.clearTimeout(hideTimer);
  current = marker;
  const url = new URL(marker.href);
  const id = decodeURIComponent(url.hash.slice(1).split(':~:')[0] ?? '');
  const note = document.getElementById(`note-${marker.dataset['note']}`);
  const quote = (note?.querySelector('q')?.textContent ?? '').replace(/\s+/gu, ' ').trim();
  const label = marker.querySelector('.visually-hidden')?.textContent?.trim() ?? '';
  const [title, ordinal] = [label.replace(/, ¶ \d+$/u, ''), label.match(/¶ \d+$/u)?.[0] ?? ''];
  const hint = viaTap ? 'Tap the marker again to open the passage.' : 'Press Esc to close.';
  render(title, ordinal, 'Loading the passage…', '', hint);
  place(marker);
  try {
    const doc = await sourceDocument(url.pathname);
    const passage = doc.getElementById(id);
    if (current !== marker) return;
    render(title, ordinal, passage ? passageText(passage) : 'The passage could not be found.', quote, hint);
    place(marker);
  } catch {
    if (current === marker)
      render(title, ordinal, 'The passage could not be loaded; follow the link to read it.', '', hint);
  }
}

function place(marker: HTMLElement) {
  card.hidden = false;
  marker.setAttribute('aria-describedby', card.id);
  const rect = marker.getBoundingClientRect();
  const width = Math.min(448, document.documentElement.clientWidth - 16);
  card.style.width = `${width}px`;
  const left = Math.max(
    8,
    Math.min(rect.left + window.scrollX - 16, window.scrollX + document.documentElement.clientWidth - width - 8),
  );
  card.style.left = `${left}px`;
  card.style.top = `${rect.bottom + window.scrollY + 6}px`;
}

function hide() {
  if (!current) return;
  current.removeAttribute('aria-describedby');
  current = undefined;
  armedForTap = undefined;
  card.hidden = true;
}

function hideSoon() {
  window.clearTimeout(hideTimer);
  hideTimer = window.setTimeout(() => {
    if (!card.matches(':hover') && !(current && (current.matches(':hover') || current === document.activeElement)))
      hide();
  }, 250);
}

for (const marker of markers) {
  marker.addEventListener('pointerenter', (e) => {
    if (e.pointerType === 'mouse' || e.pointerType === 'pen') void show(marker);
  });
  marker.addEventListener('pointerleave', hideSoon);
  marker.addEventListener('focus', () => void show(marker));
  marker.addEventListener('blur', hideSoon);
  marker.addEventListener('click', (e) => {
    // On touch, the first tap previews and the second follows the link.
    const touch = (e as PointerEvent).pointerType === 'touch';
    if (touch && armedForTap !== marker) {
      e.preventDefault();
      armedForTap = marker;
      void show(marker, true);
    }
  });
}
card.addEventListener('pointerenter', () => window.clearTimeout(hideTimer));
card.addEventListener('pointerleave', hideSoon);
document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && current) {
    hide();
  }
});
document.addEventListener('pointerdown', (e) => {
  const target = e.target as Node;
  if (current && !card.contains(target) && !current.contains(target)) hide();
});

// A module, not a global script: its names stay its own.
export {};
