// Progressive enhancement: a "Copy link" button on every passage. Without script the ¶ N
// permalink already is the link; this only saves a right-click.
const status = document.querySelector<HTMLElement>('[data-copy-status]');

/** A text fragment for the passage's opening words: the link still lands if the id ever changed. */
function textFragment(passage: HTMLElement): string {
  // The passage's own words: not the note a revised passage opens with (its earlier text).
  const own = passage.querySelector(':scope > p:not(.revision-note), :scope > h3, :scope > .passage__body');
  const body = own?.cloneNode(true) as HTMLElement | undefined;
  // A furniture passage starts with our label ("Page furniture: …"), which is not the article's text.
  body?.querySelector('.furniture-label')?.remove();
  const words = (body?.textContent ?? '')
    .replace(/[•·▪◦‣∙*–—-]\s/u, '')
    .trim()
    .split(/\s+/u)
    .slice(0, 8)
    .join(' ');
  const enc = (s: string) => encodeURIComponent(s).replace(/-/gu, '%2D').replace(/,/gu, '%2C').replace(/&/gu, '%26');
  // A browser goes to the words' FIRST occurrence: if they appear earlier on the page (the title
  // repeats the headline), the id alone is the better link.
  const before = document.createRange();
  before.setStart(document.body, 0);
  before.setEndBefore(own ?? passage);
  const loose = (s: string) => s.replace(/\s+/gu, ' ').toLowerCase();
  if (!words || loose(before.toString()).includes(loose(words))) return '';
  return `:~:text=${enc(words)}`;
}

// Furniture too: it can be cited, and its ¶ N permalink is as permanent as any other.
for (const passage of document.querySelectorAll<HTMLElement>('.passage[id]')) {
  const ordinal = passage.querySelector('.permalink')?.textContent?.replace(/\D+/gu, '') ?? '';
  // The visible words stay the start of the accessible name (WCAG 2.5.3 Label in Name), before and
  // after a copy: "Copy link to passage 7", then "Copied link to passage 7".
  const state = document.createElement('span');
  const rest = document.createElement('span');
  rest.className = 'visually-hidden';
  const show = (copied: boolean) => {
    state.textContent = copied ? 'Copied' : 'Copy link';
    rest.textContent = `${copied ? ' link' : ''} to passage ${ordinal}`;
  };
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'copy-link';
  button.append(state, rest);
  show(false);
  button.addEventListener('click', async () => {
    const url = new URL(`#${passage.id}${textFragment(passage)}`, location.href).href;
    try {
      await navigator.clipboard.writeText(url);
      show(true);
      button.dataset['copied'] = '';
      if (status) status.textContent = `Link copied: ${url}`;
    } catch {
      if (status) status.textContent = `Copy this link: ${url}`;
    }
    setTimeout(() => {
      show(false);
      delete button.dataset['copied'];
    }, 4000);
  });
  passage.append(button);
}

// A module, not a global script: its names stay its own.
export {};
