/** A position in a text: 0-based UTF-16 offsets, end exclusive (as in the unist spec). */
export interface Span {
  start: number;
  end: number;
}

export const spanText = (text: string, span: Span): string => text.slice(span.start, span.end);

export const spanContains = (outer: Span, inner: Span): boolean =>
  inner.start >= outer.start && inner.end <= outer.end;

export const spansOverlap = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

/**
 * The text with the spans (sorted, not overlapping) turned into spaces: same length, so an offset into it is an offset
 * into the text. Marks that are furniture inside sentences (an e-mail's ">" quote marks) are read as the space they stand for.
 */
export function blankSpans(text: string, spans: readonly Span[]): string {
  if (spans.length === 0) return text;
  const parts: string[] = [];
  let at = 0;
  for (const s of spans) {
    if (s.start < at) continue;
    parts.push(text.slice(at, s.start), ' '.repeat(s.end - s.start));
    at = s.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}
