/**
 * The results list as one tab stop (the WAI-ARIA roving tabindex): the current row and its link and
 * buttons are in the tab order, the other rows' are not. Up and Down (Home, End) move between rows,
 * Enter on a row opens its Details (its first button). Plain DOM on the list the popup rendered, loaded
 * the first time focus enters the list (entrypoints/list-keys.ts), so the popup's first files carry none
 * of it; before then, every row's link and buttons are in the tab order, as in any list.
 */
const roving = new WeakSet<HTMLElement>();

export function roveRows(list: HTMLElement): void {
  if (roving.has(list)) return;
  roving.add(list);
  let current: Element | null = null;
  const apply = () => {
    const rows = [...list.children] as HTMLElement[];
    if (!current?.isConnected) current = rows[0] ?? null;
    for (const row of rows) {
      const stop = row === current ? 0 : -1;
      row.tabIndex = stop;
      for (const control of row.querySelectorAll<HTMLElement>('a, button')) control.tabIndex = stop;
    }
  };
  list.addEventListener('focusin', (focus) => {
    const row = (focus.target as Element).closest('li');
    if (row && row !== current) {
      current = row;
      apply();
    }
  });
  list.addEventListener('keydown', (key) => {
    const row = key.target as HTMLElement;
    // On the row itself: a link or button keeps its own keys.
    if (row.parentElement !== list) return;
    const next = {
      ArrowDown: row.nextElementSibling,
      ArrowUp: row.previousElementSibling,
      Home: list.firstElementChild,
      End: list.lastElementChild,
    }[key.key];
    if (next instanceof HTMLElement) {
      key.preventDefault();
      next.focus();
    } else if (key.key === 'Enter') {
      key.preventDefault();
      row.querySelector('button')?.click();
    }
  });
  // Rows come and go (More, another provider's answer, a new search): each keeps the rule.
  new MutationObserver(apply).observe(list, { childList: true });
  apply();
}
