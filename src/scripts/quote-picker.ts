// Progressive enhancement on source pages: pick a quote. Select words inside one passage (mouse, touch or
// keyboard), or use a passage's "Quote" button, and a panel offers "Copy citation" (the <Cite> to paste
// into an explainer) and "Copy quote" (the words, the source, ¶ N and a link that highlights them).
// Reading needs none of it: without script, the page is the same minus the buttons and the panel.
import { alsoIn, citationFor, readerQuote, wholeWords } from '../lib/quote-pick.ts';

const article = document.querySelector<HTMLElement>('[data-source-slug]');
const main = document.querySelector('main');

/** A passage's own text element: not its ¶ link, revision notes, back-links or buttons. */
const ownText = (passage: Element) =>
  passage.querySelector<HTMLElement>(':scope > p:not(.revision-note, .cited-in), :scope > h3, :scope > .passage__body');

/** The text nodes of a passage's own words, without the list marker or the furniture label. */
function wordNodes(body: HTMLElement): Text[] {
  const nodes: Text[] = [];
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement?.closest('.marker, .furniture-label') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}

interface Passage {
  el: HTMLElement;
  id: string;
  ordinal: number;
  body: HTMLElement;
  nodes: Text[];
  text: string;
}

if (article && main) {
  const slug = article.dataset['sourceSlug'] as string;
  const title = article.dataset['sourceTitle'] ?? document.title;
  const passages: Passage[] = [...document.querySelectorAll<HTMLElement>('.passage[id]')].flatMap((el) => {
    const body = ownText(el);
    if (!body) return [];
    const nodes = wordNodes(body);
    const ordinal = Number(el.querySelector('.permalink')?.textContent?.replace(/\D+/gu, '') ?? 0);
    // A list item's text starts after its marker and the space that follows it.
    const text = nodes
      .map((n) => n.data)
      .join('')
      .replace(/^\s+/u, '');
    return [{ el, id: el.id, ordinal, body, nodes, text }];
  });

  // ── The panel ──
  const panel = document.createElement('section');
  panel.className = 'quote-panel';
  panel.hidden = true;
  panel.setAttribute('aria-labelledby', 'quote-panel-title');
  panel.innerHTML = `<h2 id="quote-panel-title" class="quote-panel__title"></h2>
<p class="quote-panel__words"><q></q></p>
<p class="quote-panel__warning" hidden></p>
<div class="quote-panel__actions">
<button type="button" data-copy="citation">Copy citation</button>
<button type="button" data-copy="quote">Copy quote</button>
<button type="button" data-close>Close</button>
</div>
<p class="quote-panel__status" role="status"></p>`;
  main.append(panel);
  const heading = panel.querySelector('h2') as HTMLElement;
  const wordsEl = panel.querySelector('q') as HTMLElement;
  const warning = panel.querySelector('.quote-panel__warning') as HTMLElement;
  const status = panel.querySelector('.quote-panel__status') as HTMLElement;

  let current: { passage: Passage; start: number; end: number } | undefined;
  let returnFocus: HTMLElement | undefined;
  const copyButtons = [...panel.querySelectorAll<HTMLButtonElement>('[data-copy]')];
  const enable = (on: boolean) => copyButtons.forEach((b) => (b.disabled = !on));

  const show = (passage: Passage, start: number, end: number) => {
    const range = wholeWords(passage.text, start, end);
    if (!range) return;
    current = { passage, ...range };
    const words = passage.text.slice(range.start, range.end);
    heading.textContent = `Quote from ¶ ${passage.ordinal}`;
    wordsEl.textContent = words;
    const others = alsoIn(passages, passage.ordinal, words);
    warning.hidden = others.length === 0;
    warning.textContent =
      others.length > 0
        ? `These words also appear in ${others.map((n) => `¶ ${n}`).join(', ')}: select a few more, so that the citation finds one passage.`
        : '';
    status.textContent = '';
    enable(true);
    panel.hidden = false;
  };
  const close = () => {
    panel.hidden = true;
    current = undefined;
    returnFocus?.focus();
    returnFocus = undefined;
  };

  /** Offset of a point (node, offset) in a passage's own words, or undefined outside them. */
  const offsetIn = (passage: Passage, node: Node, offset: number): number | undefined => {
    let at = 0;
    const lead = passage.nodes.map((n) => n.data).join('').length - passage.text.length;
    for (const text of passage.nodes) {
      if (text === node) return Math.max(0, at + offset - lead);
      at += text.data.length;
    }
    // A point on an element: before or after all of its text.
    if (node === passage.body || passage.body.contains(node)) {
      const range = document.createRange();
      range.setStart(passage.body, 0);
      range.setEnd(node, offset);
      const before = passage.nodes.filter((t) => range.intersectsNode(t) && t !== node);
      return Math.max(0, before.reduce((n, t) => n + t.data.length, 0) - lead);
    }
    return undefined;
  };

  // Words selected inside one passage open the panel (without taking focus from the reader), once the
  // selection rests: not while a mouse button or a finger is still down, or the panel would open under a
  // pointer still dragging and the drag would run on into it.
  let timer: number | undefined;
  let pressed = false;
  const settle = () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => {
      if (pressed) return;
      const selection = document.getSelection();
      if (!selection || selection.isCollapsed || selection.rangeCount === 0) return;
      const range = selection.getRangeAt(0);
      if (panel.contains(range.commonAncestorContainer)) return;
      const passage = passages.find((p) => p.body.contains(range.startContainer) || p.body === range.startContainer);
      const last = passages.find((p) => p.body.contains(range.endContainer) || p.body === range.endContainer);
      if (!passage || passage !== last) {
        const touched = passages.filter((p) => range.intersectsNode(p.body));
        if (touched.length > 1) {
          heading.textContent = 'Quote';
          wordsEl.textContent = '';
          warning.hidden = false;
          warning.textContent = `The selection runs across ${touched.length} passages: a quote must sit within one. Select words inside one passage.`;
          current = undefined;
          enable(false);
          status.textContent = '';
          panel.hidden = false;
        }
        return;
      }
      const start = offsetIn(passage, range.startContainer, range.startOffset);
      const end = offsetIn(passage, range.endContainer, range.endOffset);
      if (start !== undefined && end !== undefined) show(passage, start, end);
    }, 120);
  };
  document.addEventListener('selectionchange', settle);
  // A press in the panel (Copy citation) selects nothing: it must not re-open the panel over its own status.
  document.addEventListener('pointerdown', (event) => (pressed = !panel.contains(event.target as Node)), true);
  for (const type of ['pointerup', 'pointercancel'] as const) {
    document.addEventListener(
      type,
      () => {
        if (!pressed) return;
        pressed = false;
        settle();
      },
      true,
    );
  }

  // A "Quote" button on every passage: the keyboard's way in (and a tap's). It quotes the words selected
  // in the passage, or the whole passage.
  for (const passage of passages) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'quote-button';
    // Label in Name: the visible word starts the accessible name.
    button.innerHTML = '<span>Quote</span><span class="visually-hidden"></span>';
    (button.lastElementChild as HTMLElement).textContent = ` passage ${passage.ordinal}`;
    button.addEventListener('click', () => {
      const same = current?.passage === passage && !panel.hidden;
      if (!same) show(passage, 0, passage.text.length);
      returnFocus = button;
      (panel.querySelector('[data-copy="citation"]') as HTMLElement).focus();
    });
    passage.el.append(button);
  }

  const copy = async (text: string, what: string) => {
    try {
      await navigator.clipboard.writeText(text);
      status.textContent = `${what} copied.`;
    } catch {
      // No clipboard (permissions, an old browser): show it, so it can be copied by hand.
      status.textContent = `Copy this ${what.toLowerCase()}: ${text}`;
    }
  };

  panel.addEventListener('click', (event) => {
    const target = (event.target as HTMLElement).closest('button');
    if (!target) return;
    if (target.hasAttribute('data-close')) return close();
    if (!current) return;
    const { passage, start, end } = current;
    const words = passage.text.slice(start, end);
    if (target.dataset['copy'] === 'citation') return void copy(citationFor(slug, words), 'Citation');
    const before = document.createRange();
    before.setStart(document.body, 0);
    before.setEndBefore(passage.body);
    const { text } = readerQuote({
      words,
      title,
      ordinal: passage.ordinal,
      passageUrl: new URL(`#${passage.id}`, location.href).href,
      pageBefore: before.toString(),
      passageBefore: passage.text.slice(0, start),
    });
    void copy(text, 'Quote');
  });
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') close();
  });
}

// A module, not a global script: its names stay its own.
export {};
