import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import type { CollectedDocument } from '../domain/document.js';
import { LOCAL_PARTNER, TLP_LABELS, type Marking } from '../domain/marking.js';
import type { Viewer } from '../domain/viewer.js';
import type { KeyRotation, OutgoingReport, ReportProvenance } from '../store/store.js';
import { MarkingError } from './marking-input.js';
import { classificationsUpTo } from './policy.js';

/**
 * Federation between Parallax instances, the parts without I/O: what goes on the wire, and what a
 * receiving instance accepts. The sending side decides what a peer may have with the one access
 * policy (the store's viewer-first reads, as the peer's partner); nothing here decides visibility.
 */
export const FEDERATION_SPEC = 'parallax.federation/1';

/** One report on the wire: the collected document (not the extraction: the receiver extracts), its marking, its provenance. */
export interface WireReport {
  document: CollectedDocument;
  marking: Marking;
  provenance: {
    instance: string;
    reportId: number;
    ingestedAt: string;
    /** The origin's Ed25519 signature of `signedBytes` (base64); absent when the origin did not sign it. */
    signature?: string;
  };
}

export interface WirePush {
  spec: typeof FEDERATION_SPEC;
  /** The sending instance. */
  from: string;
  reports: WireReport[];
  /**
   * Public keys (base64 SPKI DER) by instance: the sender's own, and those it pinned for the origins
   * of the reports it relays. A receiver pins a key it has none for once a signature verifies with it.
   */
  keys?: Record<string, string>;
  /**
   * Statements of key rotation (share/key-rotation.ts): the sender's own and those it keeps for the
   * origins it relays. A receiver's pin follows those signed by the key it pinned.
   */
  rotations?: KeyRotation[];
}

export const RECEIPT_STATUSES = ['ingested', 'duplicate', 'updated', 'unchanged', 'superseded', 'refused', 'failed'] as const;
export type ReceiptStatus = (typeof RECEIPT_STATUSES)[number];

export interface WireReceipt {
  /** The report's origin instance and its id there, as sent. */
  instance: string;
  reportId: number;
  status: ReceiptStatus;
  /** Its id on the receiving instance when the sender may see it there; null otherwise (and when refused or failed). */
  localId: number | null;
  problem: string | null;
}

export interface WirePushResult {
  spec: typeof FEDERATION_SPEC;
  /** The receiving instance. */
  instance: string;
  receipts: WireReceipt[];
}

/**
 * A stored report as it is sent: a report ingested here goes with this instance as its origin; a
 * received one keeps the provenance it came with (it is relayed, not re-originated).
 */
export function toWire(report: OutgoingReport, ownInstance: string, signingKey: string): WireReport {
  const p = report.provenance;
  if (p) {
    const provenance = { instance: p.originInstance, reportId: p.originReportId, ingestedAt: p.originIngestedAt };
    return { document: report.doc, marking: report.marking, provenance: p.signature === null ? provenance : { ...provenance, signature: p.signature } };
  }
  const wire: WireReport = { document: report.doc, marking: report.marking, provenance: { instance: ownInstance, reportId: report.id, ingestedAt: report.ingestedAt } };
  wire.provenance.signature = signReport(wire, signingKey);
  return wire;
}

/**
 * What an origin signs: its provenance, the whole document and the marking, in a fixed order. The
 * marking is signed as a receiver stores it (`local` read as the origin instance), so that a relay
 * can neither widen a release nor change a word without the signature failing further on.
 */
export function signedBytes(report: WireReport): Buffer {
  const { document: d, provenance: p, marking: m } = report;
  const own = (name: string) => (name === LOCAL_PARTNER ? p.instance : name);
  return Buffer.from(
    JSON.stringify([
      FEDERATION_SPEC,
      p.instance,
      p.reportId,
      p.ingestedAt,
      [d.origin, d.format, d.title, d.published, d.url, d.source, d.text, d.main.start, d.main.end, d.boilerplate.map((b) => [b.start, b.end, b.kind])],
      [m.classification, [...new Set(m.releasableTo.map(own))].sort(), own(m.owner), m.tlp],
    ]),
  );
}

export function signReport(report: WireReport, signingKey: string): string {
  return sign(null, signedBytes(report), privateKey(signingKey)).toString('base64');
}

/** Whether the report's signature verifies with `publicKey`; false when either is malformed. */
export function signatureHolds(report: WireReport, publicKey: string): boolean {
  const signature = report.provenance.signature;
  if (signature === undefined) return false;
  try {
    return verify(null, signedBytes(report), publicKeyObject(publicKey), Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/** The public half of a signing key, as peers are given it: base64 of the SPKI DER. */
export function publicKeyOf(signingKey: string): string {
  return createPublicKey(privateKey(signingKey)).export({ format: 'der', type: 'spki' }).toString('base64');
}

/** Keys and signatures on the wire: base64 (the push schema checks it too). */
export const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** Whether `key` reads as an Ed25519 public key in the form `publicKeyOf` gives. */
export function isPublicKey(key: string): boolean {
  try {
    return BASE64.test(key) && publicKeyObject(key).asymmetricKeyType === 'ed25519';
  } catch {
    return false;
  }
}

/** A public key as `publicKeyOf` gives it (throws when it is none). */
function publicKeyObject(key: string): KeyObject {
  return createPublicKey({ key: Buffer.from(key, 'base64'), format: 'der', type: 'spki' });
}

const privateKeys = new Map<string, KeyObject>();
function privateKey(pem: string): KeyObject {
  let key = privateKeys.get(pem);
  if (!key) privateKeys.set(pem, (key = createPrivateKey(pem)));
  return key;
}

/**
 * How a received report's signature is judged, given the key pinned for its origin (or offered in
 * the push when none is pinned). A signed report needs a key to be `verified`; without one it is
 * kept `unverified` (its signature travels on), as is one signed by a key its origin has since
 * replaced (`retired`: key-rotation.ts). An origin known to sign never sends unsigned
 * reports, so an unsigned one from it was stripped on the way and is refused, as is a bad signature.
 */
export function judgeSignature(
  report: WireReport,
  pinned: string | undefined,
  offered: string | undefined,
  retired: readonly string[] = [],
): { verdict: 'verified'; pin: string | null } | { verdict: 'unverified' } | { verdict: 'refused'; problem: string } {
  const origin = report.provenance.instance;
  if (report.provenance.signature === undefined) {
    return pinned === undefined ? { verdict: 'unverified' } : { verdict: 'refused', problem: `provenance: instance ${origin} signs its reports, and this one comes unsigned` };
  }
  const key = pinned ?? offered;
  if (key === undefined) return { verdict: 'unverified' };
  if (!signatureHolds(report, key)) {
    // Signed before its origin rotated, relayed since: kept, but not as verified (a retired key may have been stolen).
    if (pinned !== undefined && retired.some((k) => signatureHolds(report, k))) return { verdict: 'unverified' };
    return { verdict: 'refused', problem: `provenance: the signature does not verify with ${pinned === undefined ? 'the key offered' : 'the key pinned'} for instance ${origin}` };
  }
  return { verdict: 'verified', pin: pinned === undefined ? key : null };
}

/** Statuses after which a report needs no resending: the peer holds it (or a newer version). */
export function isDelivered(status: ReceiptStatus): boolean {
  return status !== 'refused' && status !== 'failed';
}

/**
 * The marking a received report is stored with: the one it was sent with, except that `local`
 * (the origin instance's own administrator) becomes the origin instance's id, so that it is not
 * read here as this instance's administrator. The submission rule applies as for any partner:
 * nothing above the sender's clearance here (it could not read it back).
 */
export function receivedMarking(sender: Viewer, marking: Marking, originInstance: string, order: readonly string[]): Marking {
  if (!order.includes(marking.classification)) {
    throw new MarkingError(`classification "${marking.classification}" is not one of ${order.join(', ')}`, 'invalid');
  }
  if (!classificationsUpTo(sender.clearance, order).includes(marking.classification)) {
    throw new MarkingError(`classification ${marking.classification} is above the sender's clearance ${sender.clearance} here`, 'forbidden');
  }
  if (!(TLP_LABELS as readonly string[]).includes(marking.tlp)) throw new MarkingError(`tlp "${marking.tlp}" is not one of ${TLP_LABELS.join(', ')}`, 'invalid');
  const own = (name: string) => (name === LOCAL_PARTNER ? originInstance : name);
  return {
    classification: marking.classification,
    releasableTo: [...new Set(marking.releasableTo.map(own))].sort(),
    owner: own(marking.owner),
    tlp: marking.tlp,
  };
}

/** What is wrong with a received document's offsets, or null: the exploit stages trust them. */
export function documentProblem(doc: CollectedDocument): string | null {
  const n = doc.text.length;
  const bad = (s: { start: number; end: number }) => !(Number.isInteger(s.start) && Number.isInteger(s.end) && 0 <= s.start && s.start <= s.end && s.end <= n);
  if (bad(doc.main)) return `document.main ${doc.main.start}–${doc.main.end} is not within the text (${n} characters)`;
  const b = doc.boilerplate.find(bad);
  if (b) return `document.boilerplate ${b.start}–${b.end} is not within the text (${n} characters)`;
  if (doc.published !== null && !isCalendarDate(doc.published)) return `document.published ${doc.published} is not a date`;
  return null;
}

export function provenanceOf(report: WireReport, from: string, verified: boolean): ReportProvenance {
  return {
    originInstance: report.provenance.instance,
    originReportId: report.provenance.reportId,
    originIngestedAt: report.provenance.ingestedAt,
    receivedFrom: from,
    signature: report.provenance.signature ?? null,
    verified,
  };
}

/**
 * Wait before retry `attempt` (1, 2, …) against a peer that failed: doubling from `minMs` up to
 * `maxMs`, with jitter (`random` in [0, 1)) so that peers coming back are not hit in lockstep.
 */
export function backoffDelay(attempt: number, minMs: number, maxMs: number, random: number): number {
  const base = Math.min(maxMs, minMs * 2 ** Math.min(30, Math.max(0, attempt - 1)));
  return Math.round(base * (0.5 + random / 2));
}

function isCalendarDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
