import type { HtmlElement } from './html-tree.js';
import { textOf } from './html-tree.js';

/**
 * Elements a page's own style sets with their line breaks kept (`white-space: pre`, `pre-wrap`, `pre-line`,
 * `break-spaces`): a video's or a profile's description, a comment box, a log. The browser shows each source line of
 * their text as a line; read without the style sheet they would run on into one paragraph, a list of sources into one
 * sentence. Read from the page's `<style>` rules whose selector is simple (`#id`, `.class`, `tag`, `tag.class`,
 * `tag#id`, comma-separated lists of them) and from inline `style` attributes; other selectors are passed over.
 * Null when no style keeps breaks (most pages: one scan of the elements' tags and style attributes).
 */
export function preWrappedElements(elements: readonly HtmlElement[]): Set<HtmlElement> | null {
  let rules: SimpleSelector[] | null = null;
  let inline: HtmlElement[] | null = null;
  for (const el of elements) {
    if (el.tag === 'style') {
      const css = textOf(el);
      // Cheap gate: a rule that keeps breaks holds "white-space" and "pre".
      if (css.indexOf('white-space') < 0 || !KEEPS_BREAKS.test(css)) continue;
      for (const s of preWrapSelectors(css)) (rules ??= []).push(s);
      continue;
    }
    const style = el.attrs.style;
    if (style !== undefined && style.indexOf('white-space') >= 0 && KEEPS_BREAKS.test(style)) (inline ??= []).push(el);
  }
  if (rules === null && inline === null) return null;
  const out = new Set<HtmlElement>(inline ?? []);
  if (rules !== null) {
    for (const el of elements) {
      if (el.tag === 'style' || el.tag === 'script') continue;
      for (const r of rules) {
        if (matches(el, r)) {
          out.add(el);
          break;
        }
      }
    }
  }
  return out.size > 0 ? out : null;
}

/** A `white-space` declaration that keeps line breaks. */
const KEEPS_BREAKS = /white-space\s*:\s*(?:pre(?:-wrap|-line)?|break-spaces)\b/i;

interface SimpleSelector {
  tag: string | null;
  id: string | null;
  classes: string[];
}

/** One simple selector: an optional tag, then `#id` and `.class` parts; no combinators, attributes or pseudo-classes. */
const SIMPLE = /^([a-z][a-z0-9-]*)?((?:[#.][\w-]+)*)$/i;

/** The simple selectors of the rules in `css` whose declarations keep line breaks. */
function preWrapSelectors(css: string): SimpleSelector[] {
  const out: SimpleSelector[] = [];
  const body = css.replace(/\/\*[\s\S]*?\*\//g, ' ');
  // Rules of the top level (an @media block's inner rules read as its own: the braces part them the same way).
  const RULE = /([^{}]+)\{([^{}]*)\}/g;
  for (let m = RULE.exec(body); m !== null; m = RULE.exec(body)) {
    if (!KEEPS_BREAKS.test(m[2]!)) continue;
    for (const part of m[1]!.split(',')) {
      const sel = part.trim();
      const s = SIMPLE.exec(sel);
      if (s === null || sel === '') continue;
      const selector: SimpleSelector = { tag: s[1]?.toLowerCase() ?? null, id: null, classes: [] };
      for (const piece of s[2]!.match(/[#.][\w-]+/g) ?? []) {
        if (piece[0] === '#') selector.id = piece.slice(1);
        else selector.classes.push(piece.slice(1));
      }
      // A bare `pre` rule says what a browser does anyway; `*` or an empty selector is none of ours.
      if (selector.tag === 'pre' && selector.id === null && selector.classes.length === 0) continue;
      if (selector.tag === null && selector.id === null && selector.classes.length === 0) continue;
      out.push(selector);
    }
  }
  return out;
}

function matches(el: HtmlElement, s: SimpleSelector): boolean {
  if (s.tag !== null && el.tag !== s.tag) return false;
  if (s.id !== null && el.attrs.id !== s.id) return false;
  if (s.classes.length > 0) {
    const cls = el.attrs.class;
    if (cls === undefined) return false;
    const have = cls.split(/\s+/);
    for (const c of s.classes) if (!have.includes(c)) return false;
  }
  return true;
}
