import { Buffer } from 'node:buffer';

/** Bytes → text, refusing what is not text. Errors name the problem; the caller names the input. */
export class DecodeError extends Error {}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Signatures of common binary formats, so the message can say what the file is. */
const MAGIC: ReadonlyArray<{ bytes: number[]; name: string }> = [
  { bytes: [0x25, 0x50, 0x44, 0x46], name: 'a PDF document' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], name: 'a ZIP archive (or an Office document)' },
  { bytes: [0x1f, 0x8b], name: 'a gzip archive' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], name: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], name: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], name: 'a GIF image' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], name: 'an old Office document' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], name: 'an executable' },
];

export function decodeText(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new DecodeError('the file is empty');
  const magic = MAGIC.find((m) => m.bytes.every((b, i) => bytes[i] === b));
  if (magic) throw new DecodeError(`the file is binary (${magic.name}), not text`);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new DecodeError('the file is UTF-16 text; save it as UTF-8');
  }
  if (looksBinary(bytes)) throw new DecodeError('the file is binary, not text (it contains NUL bytes)');
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new DecodeError(`the file is not valid UTF-8 (first bad byte at offset ${firstInvalidUtf8(bytes)})`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw new DecodeError('the file holds only white space');
  return text;
}

/** A NUL byte in the first 8 KiB (Buffer's search is a native memchr, far faster than a loop). */
function looksBinary(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 8192)).indexOf(0) >= 0;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return i;
}
