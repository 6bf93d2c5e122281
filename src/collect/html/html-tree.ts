import { Parser } from 'htmlparser2';

/** A light element tree: enough for text, hints and metadata, nothing of the DOM API. */
export interface HtmlElement {
  tag: string;
  attrs: Record<string, string>;
  children: HtmlNode[];
  parent: HtmlElement | null;
}
export type HtmlNode = HtmlElement | string;

/** A parsed page: its root, and every element in document order (the root first). */
export interface HtmlTree {
  root: HtmlElement;
  elements: HtmlElement[];
}

/**
 * Parses HTML forgivingly (htmlparser2 closes implied tags and decodes entities). Elements are
 * listed as their tags open, which is document order: the passes over all elements need no walk.
 */
export function parseHtml(html: string): HtmlTree {
  const root: HtmlElement = { tag: '#root', attrs: {}, children: [], parent: null };
  const elements: HtmlElement[] = [root];
  let current = root;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const el: HtmlElement = { tag: name, attrs, children: [], parent: current };
        current.children.push(el);
        elements.push(el);
        current = el;
      },
      ontext(data) {
        const n = current.children.length;
        const last = n > 0 ? current.children[n - 1] : undefined;
        if (typeof last === 'string') current.children[n - 1] = last + data;
        else current.children.push(data);
      },
      onclosetag(name) {
        // Close up to the matching element; htmlparser2 reports implied closes too.
        let el: HtmlElement | null = current;
        while (el && el.tag !== name) el = el.parent;
        if (el && el.parent) current = el.parent;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  return { root, elements };
}

/** All text inside an element, raw. */
export function textOf(el: HtmlElement): string {
  let out = '';
  const stack: HtmlNode[] = [el];
  while (stack.length) {
    const n = stack.pop()!;
    if (typeof n === 'string') out += n;
    else for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return out;
}

export function isInside(el: HtmlElement | null, ancestor: HtmlElement): boolean {
  for (let e = el; e; e = e.parent) if (e === ancestor) return true;
  return false;
}
