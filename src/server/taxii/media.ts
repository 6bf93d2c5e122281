/** TAXII 2.1 media types, timestamps and the error resource (see ../shared/standards/TAXII-2.1-checklist.md). */
export const TAXII_MEDIA = 'application/taxii+json;version=2.1';
export const STIX_MEDIA = 'application/stix+json;version=2.1';

/**
 * Whether an Accept header admits the TAXII 2.1 media type (bare `application/taxii+json` means
 * the latest version, which is 2.1; `*\/*` too). The manifest endpoint also takes the STIX type.
 * No Accept at all is let through: clients MUST send one, but a server need not refuse.
 */
export function acceptsTaxii(accept: string | undefined, alsoStix = false): boolean {
  if (accept === undefined || accept.trim() === '') return true;
  return accept.split(',').some((range) => {
    const [type = '', ...params] = range.split(';').map((p) => p.trim().toLowerCase());
    const version = params.find((p) => p.startsWith('version='))?.slice('version='.length);
    if (type === '*/*' || type === 'application/*') return true;
    const ours = type === 'application/taxii+json' || (alsoStix && type === 'application/stix+json');
    return ours && (version === undefined || version === '2.1');
  });
}

/** Whether a POST's Content-Type is the TAXII 2.1 envelope type. */
export function isTaxiiContentType(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  const [type = '', ...params] = contentType.split(';').map((p) => p.trim().toLowerCase());
  const version = params.find((p) => p.startsWith('version='))?.slice('version='.length);
  return type === 'application/taxii+json' && (version === undefined || version === '2.1');
}

/** A TAXII timestamp: RFC 3339, UTC, microseconds. `micros` (0–999) extends a millisecond time. */
export function taxiiTimestamp(isoMillis: string, micros = 0): string {
  const d = new Date(isoMillis).toISOString();
  return `${d.slice(0, 23)}${String(micros).padStart(3, '0')}Z`;
}

/** Parses a TAXII (or any RFC 3339 UTC) timestamp; undefined when it is not one. Returns microseconds since the epoch. */
export function parseTimestamp(s: string): number | undefined {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,6}))?Z$/.exec(s);
  if (!m) return undefined;
  const ms = Date.parse(`${m[1]}Z`);
  if (Number.isNaN(ms)) return undefined;
  return ms * 1000 + Number((m[2] ?? '').padEnd(6, '0'));
}

export interface TaxiiError {
  title: string;
  description?: string;
  http_status: string;
}

export const taxiiError = (status: number, title: string, description?: string): TaxiiError => ({
  title,
  ...(description ? { description } : {}),
  http_status: String(status),
});
