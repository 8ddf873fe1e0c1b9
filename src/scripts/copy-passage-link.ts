// Progressive enhancement: a "Copy link" button on every passage. Without script the ¶ N
// permalink already is the link; this only saves a right-click.
const status = document.querySelector<HTMLElement>('[data-copy-status]');

/** A text fragment for the passage's opening words: the link still lands if the id ever changed. */
function textFragment(passage: HTMLElement): string {
  const body = passage.querySelector('p, h3, .passage__body');
  const words = (body?.textContent ?? '')
    .replace(/[•·▪◦‣∙*–—-]\s/u, '')
    .trim()
    .split(/\s+/u)
    .slice(0, 8)
    .join(' ');
  const enc = (s: string) => encodeURIComponent(s).replace(/-/gu, '%2D').replace(/,/gu, '%2C').replace(/&/gu, '%26');
  return words ? `:~:text=${enc(words)}` : '';
}

for (const passage of document.querySelectorAll<HTMLElement>('.passage[id]:not(.passage--furniture)')) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'copy-link';
  button.textContent = 'Copy link';
  button.setAttribute(
    'aria-label',
    `Copy link to passage ${passage.querySelector('.permalink')?.textContent?.replace(/\D+/gu, '') ?? ''}`.trim(),
  );
  button.addEventListener('click', async () => {
    const url = new URL(`#${passage.id}${textFragment(passage)}`, location.href).href;
    try {
      await navigator.clipboard.writeText(url);
      button.textContent = 'Copied';
      button.dataset['copied'] = '';
      if (status) status.textContent = `Link copied: ${url}`;
    } catch {
      if (status) status.textContent = `Copy this link: ${url}`;
    }
    setTimeout(() => {
      button.textContent = 'Copy link';
      delete button.dataset['copied'];
    }, 2000);
  });
  passage.append(button);
}

// A module, not a global script: its names stay its own.
export {};
