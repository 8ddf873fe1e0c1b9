// "Only where sources differ": hides the other rows of the claims matrix. Without script the
// checkbox stays hidden and the whole table shows.
const wrapper = document.querySelector<HTMLElement>('[data-claims-filter]');
const checkbox = document.querySelector<HTMLInputElement>('#differ-only');
const count = document.querySelector<HTMLElement>('[data-claims-count]');
const rows = [...document.querySelectorAll<HTMLTableRowElement>('.claims-table tbody tr')];

function apply() {
  const only = checkbox?.checked ?? false;
  let shown = 0;
  for (const row of rows) {
    row.hidden = only && row.dataset['differs'] !== 'true';
    if (!row.hidden) shown++;
  }
  if (count)
    count.textContent = only ? `Showing ${shown} of ${rows.length} claims.` : `Showing all ${rows.length} claims.`;
}

if (wrapper && checkbox) {
  wrapper.hidden = false;
  checkbox.addEventListener('change', apply);
  apply();
}

export {};
