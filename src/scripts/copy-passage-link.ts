// Progressive enhancement: a "Copy link" button on every passage. Without script the ¶ N
// permalink already is the link; this only saves a right-click.
const status = document.querySelector<HTMLElement>('[data-copy-status]');

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
    const url = new URL(`#${passage.id}`, location.href).href;
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
