/** One server-sent event as a test or bench reads it off the wire. */
export interface SseFrame {
  id: string | undefined;
  event: string;
  data: Record<string, unknown>;
}

/**
 * Takes the complete frames off an SSE buffer (a frame ends at a blank line): those with an event,
 * and the rest of the buffer, which waits for the next chunk. Comments and keep-alives are skipped.
 */
export function takeSseFrames(buffer: string): { frames: SseFrame[]; rest: string } {
  const frames: SseFrame[] = [];
  let end: number;
  while ((end = buffer.indexOf('\n\n')) >= 0) {
    const fields = new Map([...buffer.slice(0, end).matchAll(/^(\w+): ?(.*)$/gm)].map((m) => [m[1]!, m[2]!]));
    buffer = buffer.slice(end + 2);
    const event = fields.get('event');
    if (event !== undefined) frames.push({ id: fields.get('id'), event, data: JSON.parse(fields.get('data') ?? 'null') as Record<string, unknown> });
  }
  return { frames, rest: buffer };
}
