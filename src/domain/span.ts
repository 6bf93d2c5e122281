/** A position in a text: 0-based UTF-16 offsets, end exclusive (as in the unist spec). */
export interface Span {
  start: number;
  end: number;
}

export const spanText = (text: string, span: Span): string => text.slice(span.start, span.end);

export const spanContains = (outer: Span, inner: Span): boolean =>
  inner.start >= outer.start && inner.end <= outer.end;

export const spansOverlap = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;
