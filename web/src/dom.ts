/**
 * A tiny DOM builder: `h('a', { href }, 'text', child)`. The workspace is a handful of views that
 * redraw themselves; building elements directly keeps it small and free of a framework. Text is
 * always set as text (never as HTML), so nothing in a report can become markup.
 */
type Child = Node | string | number | null | undefined | false | readonly Child[];
type Attrs = Record<string, string | number | boolean | null | undefined | EventListener | Partial<CSSStyleDeclaration>>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Attrs | null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (attrs) setAttrs(el, attrs);
  append(el, children);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

export function s<K extends keyof SVGElementTagNameMap>(tag: K, attrs?: Attrs | null, ...children: Child[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  if (attrs) setAttrs(el, attrs);
  append(el, children);
  return el;
}

function setAttrs(el: Element, attrs: Attrs): void {
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2).toLowerCase(), v as EventListener);
    else if (k === 'style' && typeof v === 'object') Object.assign((el as HTMLElement).style, v);
    else el.setAttribute(k === 'className' ? 'class' : k, v === true ? '' : String(v));
  }
}

export function append(el: Node, children: readonly Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.appendChild(typeof c === 'object' ? (c as Node) : document.createTextNode(String(c)));
  }
}

export function replace(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, children);
}

/** 12,345 · 1.5 · 10,000–12,000 */
export function num(n: number | null | undefined): string {
  if (n === null || n === undefined) return '';
  const abs = Math.abs(n);
  if (abs >= 1e12) return `${trim(n / 1e12)} trillion`;
  if (abs >= 1e9) return `${trim(n / 1e9)} billion`;
  if (abs >= 1e7) return `${trim(n / 1e6)} million`;
  return n.toLocaleString('en-US', { maximumFractionDigits: abs < 10 ? 2 : 0 });
}
const trim = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 2 });

export function range(low: number, high: number | null): string {
  if (high === null) return `≥${num(low)}`;
  return low === high ? num(low) : `${num(low)}–${num(high)}`;
}

export function days(start: string | undefined | null, end: string | undefined | null): string {
  if (!start) return '';
  return !end || start === end ? start : `${start}…${end}`;
}

/** Announces a short message to screen readers (the status region in the header). */
export function announce(text: string): void {
  const region = document.getElementById('status');
  if (region) region.textContent = text;
}
