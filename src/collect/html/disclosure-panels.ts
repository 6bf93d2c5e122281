import { textOf, type HtmlElement } from './html-tree.js';

/**
 * Parts a page hides only until the reader opens them: an accordion's panels, a "Read more" section, a tab's panel.
 * Their markup hides them (`hidden`, `aria-hidden="true"`, an inline `display:none`) while a control shows them on a
 * click, so they are the page's text as much as what shows at first: a "Key facts" page can hold its whole article in
 * collapsed panels. Menus, search boxes, forms and dialogs are hidden the same way, and stay out.
 */
export interface Disclosures {
  /** Hidden elements the reader can open: read as text. */
  panels: ReadonlySet<HtmlElement>;
  /** The controls that open them from inside a heading (`<h3><button aria-expanded>Casualties</button></h3>`): the
   * panel's title, read as the heading's text where other buttons are dropped. */
  titles: ReadonlySet<HtmlElement>;
}

/** Attributes naming the element a control shows: ARIA's, Bootstrap's and other toggle scripts'. */
const TARGET_ATTRS = ['aria-controls', 'data-target', 'data-bs-target', 'data-toggle-target', 'href'] as const;
/** Controls of a form's fields: a panel holding one is a form (feedback, search, sign-up), not text. */
const FIELD_TAGS = new Set(['input', 'select', 'textarea', 'form']);
/** Largest share of a panel's text inside links: a panel of links is a menu. */
const MAX_LINK_SHARE = 0.5;
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** How far above a control its heading may stand (heading → span → button). */
const MAX_TITLE_DEPTH = 3;

/**
 * The disclosure panels of a page and the controls that title them, or null when the page has none. One pass over the
 * elements finds the controls (cheap attribute tests); ids are looked up only on a page that has some.
 */
export function findDisclosures(root: HtmlElement): Disclosures | null {
  const controls: HtmlElement[] = [];
  const declared: HtmlElement[] = [];
  const labelled: HtmlElement[] = [];
  const withId: HtmlElement[] = [];
  const stack: HtmlElement[] = [root];
  while (stack.length) {
    const el = stack.pop()!;
    const a = el.attrs;
    if (a.id !== undefined) withId.push(el);
    if (a['aria-expanded'] !== undefined || a.role === 'tab') {
      if (opensPanel(el)) controls.push(el);
    } else if (a.role === 'tabpanel' || a.hidden === 'until-found') declared.push(el);
    else if (a['aria-labelledby'] !== undefined) labelled.push(el);
    // Last child pushed first: the walk is in document order.
    for (let i = el.children.length - 1; i >= 0; i--) {
      const c = el.children[i]!;
      if (typeof c !== 'string') stack.push(c);
    }
  }
  if (controls.length === 0 && declared.length === 0) return null;
  // A browser finds the first element of an id.
  const byId = new Map<string, HtmlElement>();
  for (const el of withId) if (!byId.has(el.attrs.id!)) byId.set(el.attrs.id!, el);

  const panels = new Set<HtmlElement>();
  const titles = new Set<HtmlElement>();
  for (const panel of declared) if (isReadable(panel)) panels.add(panel);
  const controlSet = new Set(controls);
  for (const control of controls) {
    for (const id of targetIds(control)) {
      const panel = byId.get(id);
      if (!panel || panel === control) continue;
      if (!isReadable(panel)) continue;
      panels.add(panel);
      if (inHeading(control)) titles.add(control);
    }
  }
  // An accordion's region names its control instead (`<div role="region" aria-labelledby="btn-2" hidden>`).
  for (const panel of labelled) {
    const label = byId.get(panel.attrs['aria-labelledby']!.trim().split(/\s+/)[0]!);
    if (label && controlSet.has(label) && isReadable(panel)) {
      panels.add(panel);
      if (inHeading(label)) titles.add(label);
    }
  }
  return panels.size > 0 ? { panels, titles } : null;
}

/**
 * A control that shows a panel in place: it says whether it is open (`aria-expanded`) or is a tab, and it opens no
 * popup (`aria-haspopup`: a menu, a listbox, a dialog drawn over the page).
 */
function opensPanel(el: HtmlElement): boolean {
  const popup = el.attrs['aria-haspopup'];
  return popup === undefined || popup === 'false';
}

/** The ids a control names: each of `aria-controls`' list, a toggle script's `#id`, a link's `#id`. */
function targetIds(control: HtmlElement): string[] {
  const ids: string[] = [];
  for (const name of TARGET_ATTRS) {
    const v = control.attrs[name];
    if (!v) continue;
    if (name === 'aria-controls') ids.push(...v.trim().split(/\s+/));
    else if (v.charCodeAt(0) === 35 /* # */ && v.length > 1) ids.push(v.slice(1));
  }
  return ids;
}

/**
 * A panel of text: no form's fields in it, and most of its words outside links (a menu's panel is all links). An
 * empty panel (filled by a script) is nothing to read.
 */
function isReadable(panel: HtmlElement): boolean {
  let chars = 0;
  let linked = 0;
  const stack: Array<{ el: HtmlElement; link: boolean }> = [{ el: panel, link: false }];
  while (stack.length) {
    const { el, link } = stack.pop()!;
    if (FIELD_TAGS.has(el.tag)) return false;
    const inLink = link || el.tag === 'a';
    for (const c of el.children) {
      if (typeof c !== 'string') {
        stack.push({ el: c, link: inLink });
        continue;
      }
      const n = c.trim().length;
      chars += n;
      if (inLink) linked += n;
    }
  }
  return chars > 0 && linked <= MAX_LINK_SHARE * chars;
}

function inHeading(control: HtmlElement): boolean {
  let el: HtmlElement | null = control;
  for (let depth = 0; el && depth <= MAX_TITLE_DEPTH; depth++, el = el.parent) {
    if (HEADINGS.has(el.tag)) return textOf(el).trim() === textOf(control).trim();
  }
  return false;
}
