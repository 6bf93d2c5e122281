/** Fingerprint sketches as 64-bit floats: exact for any number the fingerprint uses, 8 bytes each. */
export function sketchToBlob(sketch: readonly number[]): Buffer {
  return Buffer.from(Float64Array.from(sketch).buffer);
}

export function sketchFromBlob(blob: Uint8Array): number[] {
  // Copy first: a Buffer's offset into its pool need not be 8-byte aligned.
  return Array.from(new Float64Array(new Uint8Array(blob).buffer));
}
