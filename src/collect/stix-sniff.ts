/**
 * True for JSON text whose top level is a STIX bundle (`"type": "bundle"`), recognised by content
 * whatever the file is called. Bundles are mapped by src/interop/stix (reports, claims, markings,
 * objects kept verbatim), not collected as text.
 */
export function isStixBundle(text: string): boolean {
  let i = 0;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  if (text[i] !== '{' || !/"type"\s*:\s*"bundle"/.test(text)) return false;
  try {
    return (JSON.parse(text) as { type?: unknown }).type === 'bundle';
  } catch {
    return false;
  }
}
