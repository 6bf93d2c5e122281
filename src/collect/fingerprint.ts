import { createHash } from 'node:crypto';

/**
 * Near-duplicate fingerprints of a story's main body, to find syndicated copies: the same
 * wire story republished with another header, footer and a few edits.
 */
export interface Fingerprint {
  /** sha1 (hex) of the text with case, punctuation and white space normalised away. */
  exact: string;
  /** LSH band keys: two fingerprints that share any band are candidates for comparison. */
  bands: string[];
  /** One-permutation MinHash of word 5-shingles (SKETCH_SIZE unsigned 32-bit values). */
  sketch: number[];
}

/** At or above this estimated resemblance, the second text is a copy of the first. */
export const SYNDICATED_THRESHOLD = 0.7;

const SHINGLE = 5;
const SKETCH_SIZE = 128;
/** Bands are cut from the first BANDS × ROWS values: at resemblance 0.7 a copy shares a band with p ≈ 0.998. */
const BANDS = 16;
const ROWS = 4;
const EMPTY = 0xffffffff;

/**
 * Fingerprint of a text. One pass over the characters hashes words; each 5-word shingle is hashed
 * once and falls into one of SKETCH_SIZE bins (one-permutation hashing), each bin keeping its
 * smallest value; empty bins borrow from the next filled bin (densification). No per-word strings.
 */
export function fingerprint(text: string): Fingerprint {
  const { normalised, words } = scan(text);
  const exact = createHash('sha1').update(normalised).digest('hex');
  const bins = new Uint32Array(SKETCH_SIZE).fill(EMPTY);
  const filled = new Uint8Array(SKETCH_SIZE);
  const shingles = Math.max(1, words.length - SHINGLE + 1);
  for (let i = 0; i < shingles && words.length > 0; i++) {
    let h = 0x9747b28c;
    const end = Math.min(i + SHINGLE, words.length);
    for (let k = i; k < end; k++) h = mix(h ^ words[k]!);
    const bin = h & (SKETCH_SIZE - 1);
    const value = mix(h ^ 0x5bd1e995);
    if (!filled[bin] || value < bins[bin]!) {
      bins[bin] = value;
      filled[bin] = 1;
    }
  }
  densify(bins, filled);
  const sketch = Array.from(bins);
  const bands: string[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = 0; r < ROWS; r++) h = mix(h ^ sketch[b * ROWS + r]!);
    bands.push(`${b}:${h.toString(36)}`);
  }
  return { exact, bands, sketch };
}

/** Estimated Jaccard resemblance of the two texts' word 5-shingles, 0..1. */
export function resemblance(a: Fingerprint, b: Fingerprint): number {
  const n = Math.min(a.sketch.length, b.sketch.length);
  if (n === 0) return 0;
  let same = 0;
  for (let i = 0; i < n; i++) if (a.sketch[i] === b.sketch[i]) same++;
  return same / n;
}

/** Lower-cased code unit of each letter or digit; 0 for separators; filled lazily beyond ASCII. */
const FOLD = new Uint16Array(65536);
const KNOWN = new Uint8Array(65536);

function fold(c: number): number {
  if (KNOWN[c]) return FOLD[c]!;
  const ch = String.fromCharCode(c);
  // Lone surrogates (astral letters, emoji) count as word characters, unchanged.
  const isWord = (c >= 0xd800 && c <= 0xdfff) || /[\p{L}\p{N}\p{M}]/u.test(ch);
  const lower = ch.toLowerCase();
  FOLD[c] = isWord ? (lower.length === 1 ? lower.charCodeAt(0) : c) : 0;
  KNOWN[c] = 1;
  return FOLD[c]!;
}

/**
 * One pass over the text: the normalised text (lower case, letters and digits, single spaces) as
 * UTF-16 bytes for the exact hash, and an FNV-1a hash per word. No per-word strings.
 */
function scan(text: string): { normalised: Uint8Array; words: Uint32Array } {
  const out = new Uint16Array(text.length + 1);
  let len = 0;
  let words = new Uint32Array(Math.max(16, text.length >>> 3));
  let n = 0;
  let h = 0x811c9dc5;
  let inWord = false;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? fold(text.charCodeAt(i)) : 0;
    if (c === 0) {
      if (inWord) {
        if (n === words.length) {
          const grown = new Uint32Array(words.length * 2);
          grown.set(words);
          words = grown;
        }
        words[n++] = h >>> 0;
        h = 0x811c9dc5;
        inWord = false;
      }
      continue;
    }
    if (!inWord && len > 0) out[len++] = 32;
    out[len++] = c;
    h = Math.imul(h ^ c, 0x01000193);
    inWord = true;
  }
  return { normalised: new Uint8Array(out.buffer, 0, len * 2), words: words.subarray(0, n) };
}

/** Empty bins (short texts) take the value of the next filled bin, salted by the distance. */
function densify(bins: Uint32Array, filled: Uint8Array): void {
  const size = bins.length;
  let any = false;
  for (let i = 0; i < size; i++) if (filled[i]) any = true;
  if (!any) return;
  for (let i = 0; i < size; i++) {
    if (filled[i]) continue;
    let j = (i + 1) % size;
    let step = 1;
    while (!filled[j]) {
      j = (j + 1) % size;
      step++;
    }
    bins[i] = mix(bins[j]! ^ Math.imul(step, 0x9e3779b1)) >>> 0;
  }
}

/** murmur3 finaliser: a cheap, well-spread 32-bit mix. */
function mix(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}
