/**
 * Keyboard movement through a list of rows: ↑/↓ or j/k move the focus to the previous or next
 * row's first link, Home/End to the ends; Enter follows the link (the browser's own behaviour).
 */
export function listKeys(container: HTMLElement, rowSelector = 'tr'): () => void {
  const onKey = (e: KeyboardEvent) => {
    const target = e.target as HTMLElement;
    if (target.closest('input, textarea, select')) return;
    const rows = [...container.querySelectorAll<HTMLElement>(rowSelector)].filter((r) => r.querySelector('a, button'));
    if (rows.length === 0) return;
    const current = rows.findIndex((r) => r.contains(document.activeElement));
    // Arrows scroll the page as usual until a row has the focus; j and k always move.
    if (current < 0 && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) return;
    let next = -1;
    if (e.key === 'ArrowDown' || e.key === 'j') next = Math.min(rows.length - 1, current + 1);
    else if (e.key === 'ArrowUp' || e.key === 'k') next = Math.max(0, current - 1);
    else if (e.key === 'Home' && current >= 0) next = 0;
    else if (e.key === 'End' && current >= 0) next = rows.length - 1;
    else return;
    e.preventDefault();
    const link = rows[next]!.querySelector<HTMLElement>('a, button');
    link?.focus();
    link?.scrollIntoView({ block: 'nearest' });
  };
  document.addEventListener('keydown', onKey);
  return () => document.removeEventListener('keydown', onKey);
}
