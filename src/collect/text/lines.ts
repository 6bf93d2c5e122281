import type { Span } from '../../domain/span.js';

/**
 * The lines of text[from, to): each without its line break and carriage return, blank ones included (a text ending in
 * a line break ends with an empty line). The one line splitter of the plain-text formats (subtitles, Markdown, spot-report
 * logs) and of the exploit stages that read their lines again.
 */
export function* linesOf(text: string, from: number, to: number): Generator<Span> {
  for (let at = from; at <= to; ) {
    let nl = text.indexOf('\n', at);
    if (nl < 0 || nl > to) nl = to;
    const end = nl > at && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    yield { start: at, end };
    if (nl >= to) return;
    at = nl + 1;
  }
}
