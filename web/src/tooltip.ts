import { h, replace } from './dom.js';

/**
 * One floating card shared by every view: shown on hover and on keyboard focus of the element it
 * describes (aria-describedby points to it), hidden on leave, blur or Escape.
 */
let tip: HTMLElement | null = null;

function card(): HTMLElement {
  if (!tip) {
    tip = h('div', { id: 'tip', role: 'tooltip', className: 'tip', hidden: true });
    document.body.appendChild(tip);
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') hideTip();
    });
  }
  return tip;
}

export function showTip(target: Element, content: (Node | string)[], at?: { x: number; y: number }): void {
  const t = card();
  replace(t, ...content);
  t.hidden = false;
  const r = target.getBoundingClientRect();
  const x = at?.x ?? r.left;
  const y = at?.y ?? r.bottom;
  const w = t.offsetWidth;
  const ht = t.offsetHeight;
  const left = Math.max(8, Math.min(x, window.innerWidth - w - 8));
  const top = y + 8 + ht > window.innerHeight ? (at?.y ?? r.top) - ht - 8 : y + 8;
  t.style.left = `${left + window.scrollX}px`;
  t.style.top = `${Math.max(8, top) + window.scrollY}px`;
  target.setAttribute('aria-describedby', 'tip');
}

export function hideTip(): void {
  if (tip) tip.hidden = true;
}

/** Rows of a card: label, value (skipped when empty). */
export function tipRows(rows: [string, string | Node | null | undefined][]): HTMLElement {
  return h(
    'dl',
    { className: 'tip-rows' },
    rows.filter(([, v]) => v !== null && v !== undefined && v !== '').map(([k, v]) => [h('dt', null, k), h('dd', null, v as string | Node)]),
  );
}
