import type { BoilerplateSpan, DocumentFormat } from '../domain/document.js';
import type { TlpLabel } from '../domain/marking.js';
import { generateKeyPairSync } from 'node:crypto';
import { fromJson } from './rows.js';
import type { KeyRotation, OutgoingReport, Peer, StoredProvenance } from './store.js';

/** Federation rows (peers, provenance, outgoing reports) as both dialects select them, mapped to the store's records. */

export interface PeerRow {
  id: number;
  url: string;
  partner_id: string;
  token: string;
  peer_instance: string | null;
  cursor: number;
  sent: number;
  refused: number;
  last_ok_at: string | null;
  last_error: string | null;
  last_error_at: string | null;
  created_at: string;
}

/** The provenance columns as `provenanceFromRow` reads them (all null for a report ingested here). */
export const PROVENANCE_COLUMNS =
  'p.origin_instance, p.origin_report_id, p.origin_ingested_at, p.received_from, p.received_at, p.signature, p.verified';

export interface ProvenanceRow {
  origin_instance: string | null;
  origin_report_id: number | null;
  origin_ingested_at: string | null;
  received_from: string | null;
  received_at: string | null;
  signature: string | null;
  /** 0/1 in SQLite, a boolean in PostgreSQL; null for a report ingested here. */
  verified: number | boolean | null;
}

export interface OutgoingRow extends ProvenanceRow {
  id: number;
  origin: string;
  format: DocumentFormat;
  title: string | null;
  url: string | null;
  source: string | null;
  published: string | null;
  text: string;
  main_start: number;
  main_end: number;
  boilerplate: string | BoilerplateSpan[];
  ingested_at: string;
  classification: string;
  releasable_to: string | string[];
  owner: string;
  tlp: string;
  /** Position in the outgoing order: the id in SQLite, the feed position in PostgreSQL. */
  cursor: number;
}

export function provenanceFromRow(r: ProvenanceRow): StoredProvenance | null {
  if (r.origin_instance === null) return null;
  return {
    originInstance: r.origin_instance,
    originReportId: r.origin_report_id!,
    originIngestedAt: r.origin_ingested_at!,
    receivedFrom: r.received_from!,
    receivedAt: r.received_at!,
    signature: r.signature,
    verified: Boolean(r.verified),
  };
}

export function outgoingFromRow(r: OutgoingRow): OutgoingReport {
  return {
    id: r.id,
    cursor: r.cursor,
    doc: {
      origin: r.origin,
      format: r.format,
      text: r.text,
      title: r.title,
      published: r.published,
      url: r.url,
      source: r.source,
      main: { start: r.main_start, end: r.main_end },
      boilerplate: fromJson<BoilerplateSpan[]>(r.boilerplate),
    },
    marking: {
      classification: r.classification,
      releasableTo: fromJson<string[]>(r.releasable_to),
      owner: r.owner,
      tlp: r.tlp as TlpLabel,
    },
    ingestedAt: r.ingested_at,
    provenance: provenanceFromRow(r),
  };
}

export function peerFromRow(r: PeerRow): Peer {
  return {
    id: r.id,
    url: r.url,
    partnerId: r.partner_id,
    token: r.token,
    peerInstance: r.peer_instance,
    cursor: r.cursor,
    sent: r.sent,
    refused: r.refused,
    lastOkAt: r.last_ok_at,
    lastError: r.last_error,
    lastErrorAt: r.last_error_at,
    createdAt: r.created_at,
  };
}


/** A new Ed25519 signing key for this instance, as PKCS#8 PEM (both dialects keep it in instance_settings). */
export function newSigningKey(): string {
  return generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

export interface RotationRow {
  instance: string;
  from_key: string;
  to_key: string;
  at: string;
  signature: string;
}

export function rotationFromRow(r: RotationRow): KeyRotation {
  return { instance: r.instance, from: r.from_key, to: r.to_key, at: r.at, signature: r.signature };
}

/** Statements of one instance apply in the order they were made. */
export function inTimeOrder(rotations: readonly KeyRotation[]): KeyRotation[] {
  return [...rotations].sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : 0));
}
