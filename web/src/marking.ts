import type { Marking } from './api.js';
import { h } from './dom.js';

/** Colour class of a classification (analysts' conventions: green, blue, red; others neutral). */
function levelClass(classification: string): string {
  const c = classification.toUpperCase();
  if (c.startsWith('UNCLASS')) return 'lvl-u';
  if (c.startsWith('RESTRICT')) return 'lvl-r';
  if (c.startsWith('CONFIDENTIAL')) return 'lvl-c';
  if (c === 'SECRET') return 'lvl-s';
  if (c.startsWith('TOP')) return 'lvl-ts';
  return 'lvl-x';
}

/** `CONFIDENTIAL//REL TO NATO, KOR-UKR`: the line analysts read first. */
export function markingLine(m: Marking): string {
  const rel = m.releasableTo.length === 0 ? `ORIGINATOR ONLY (${m.owner})` : m.releasableTo.includes('ALL') ? 'REL TO ALL' : `REL TO ${[...m.releasableTo].sort().join(', ')}`;
  return `${m.classification.toUpperCase()}//${rel}`;
}

const tlpClass = (tlp: string) => `tlp tlp-${tlp.replace('TLP:', '').replace('+STRICT', '-strict').toLowerCase()}`;

/** The full-width banner of an item (top and bottom of a report, head of a card). */
export function markingBanner(m: Marking, where: 'top' | 'bottom' = 'top'): HTMLElement {
  return h(
    'div',
    { className: `banner ${levelClass(m.classification)} banner-${where}`, role: where === 'top' ? 'note' : null, 'aria-label': `Marking: ${markingLine(m)}, ${m.tlp}` },
    h('span', { className: 'banner-line' }, markingLine(m)),
    h('span', { className: tlpClass(m.tlp) }, m.tlp),
    h('span', { className: 'banner-owner' }, `owner ${m.owner}`),
  );
}

/** The compact form for a row of a list. */
export function markingChip(m: Marking): HTMLElement {
  return h(
    'span',
    { className: 'chip-group', title: `${markingLine(m)} · ${m.tlp} · owner ${m.owner}` },
    h('span', { className: `chip ${levelClass(m.classification)}` }, abbreviate(m.classification)),
    h('span', { className: 'chip chip-rel' }, m.releasableTo.includes('ALL') ? 'REL ALL' : m.releasableTo.length === 0 ? 'ORCON' : `REL ${[...m.releasableTo].sort().join(',')}`),
    h('span', { className: tlpClass(m.tlp) }, m.tlp.replace('TLP:', '')),
  );
}

function abbreviate(c: string): string {
  const u = c.toUpperCase();
  return { UNCLASSIFIED: 'U', RESTRICTED: 'R', CONFIDENTIAL: 'C', SECRET: 'S', 'TOP SECRET': 'TS' }[u] ?? u;
}
