import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_CLASSIFICATIONS, type Marking } from '../domain/marking.js';
import type { Viewer } from '../domain/viewer.js';
import { generateKeyPairSync } from 'node:crypto';
import { backoffDelay, documentProblem, judgeSignature, publicKeyOf, receivedMarking, signatureHolds, toWire } from './federation.js';
import { MarkingError } from './marking-input.js';

const sender: Viewer = { partnerId: 'kr-mnd', clearance: 'RESTRICTED', communities: [], role: 'analyst' };
const KEY = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const mark = (m: Partial<Marking>): Marking => ({ classification: 'UNCLASSIFIED', releasableTo: ['jp-mod'], owner: 'kr-mnd', tlp: 'TLP:GREEN', ...m });

test('a received marking is kept, except that the origin\'s administrator becomes the origin instance', () => {
  assert.deepEqual(receivedMarking(sender, mark({}), 'px-a', DEFAULT_CLASSIFICATIONS), mark({}));
  assert.deepEqual(
    receivedMarking(sender, mark({ owner: 'local', releasableTo: ['local', 'ALL'] }), 'px-a', DEFAULT_CLASSIFICATIONS),
    mark({ owner: 'px-a', releasableTo: ['ALL', 'px-a'] }),
  );
});

test('a received marking above the sender\'s clearance, or not of this deployment, is refused with the reason', () => {
  assert.throws(() => receivedMarking(sender, mark({ classification: 'CONFIDENTIAL' }), 'px-a', DEFAULT_CLASSIFICATIONS), (e: unknown) => e instanceof MarkingError && e.kind === 'forbidden' && /above the sender's clearance/.test(e.message));
  assert.throws(() => receivedMarking(sender, mark({ classification: 'TOP' }), 'px-a', DEFAULT_CLASSIFICATIONS), /"TOP" is not one of/);
});

test('offsets outside the text are named', () => {
  const doc = { origin: 'x', format: 'text' as const, text: 'abc', title: null, published: null, url: null, source: null, main: { start: 0, end: 3 }, boilerplate: [] };
  assert.equal(documentProblem(doc), null);
  assert.match(documentProblem({ ...doc, main: { start: 0, end: 4 } })!, /document\.main 0–4 is not within the text \(3 characters\)/);
  assert.match(documentProblem({ ...doc, boilerplate: [{ start: 2, end: 1, kind: 'promo' }] })!, /document\.boilerplate 2–1/);
  assert.match(documentProblem({ ...doc, published: '2025-02-30' })!, /not a date/);
});

test('a report ingested here goes with this instance as origin; a received one keeps its provenance', () => {
  const base = { id: 12, cursor: 12, doc: { origin: 'x', format: 'text' as const, text: 'abc', title: null, published: null, url: null, source: null, main: { start: 0, end: 3 }, boilerplate: [] }, marking: mark({}), ingestedAt: '2025-01-01T00:00:00.000Z' };
  const own = toWire({ ...base, provenance: null }, 'px-me', KEY);
  assert.deepEqual({ ...own.provenance, signature: undefined }, { instance: 'px-me', reportId: 12, ingestedAt: '2025-01-01T00:00:00.000Z', signature: undefined });
  assert.ok(signatureHolds(own, publicKeyOf(KEY)), 'signed with this instance\'s key');
  const provenance = { originInstance: 'px-c', originReportId: 3, originIngestedAt: '2024-12-01T00:00:00.000Z', receivedFrom: 'px-b', receivedAt: '2025-01-01T00:00:00.000Z', verified: false };
  const relayed = toWire({ ...base, provenance: { ...provenance, signature: null } }, 'px-me', KEY);
  assert.deepEqual(relayed.provenance, { instance: 'px-c', reportId: 3, ingestedAt: '2024-12-01T00:00:00.000Z' });
  assert.equal(toWire({ ...base, provenance: { ...provenance, signature: 'c2ln' } }, 'px-me', KEY).provenance.signature, 'c2ln', "the origin's signature is relayed as it came");
});

test('a signature covers the provenance, every part of the document and the marking as stored', () => {
  const base = { id: 7, cursor: 7, doc: { origin: 'x', format: 'text' as const, text: 'Officials said 40 drones fell.', title: 'T', published: '2025-01-02', url: null, source: null, main: { start: 0, end: 30 }, boilerplate: [] }, marking: mark({ owner: 'local', releasableTo: ['local', 'jp-mod'] }), ingestedAt: '2025-01-02T00:00:00.000Z', provenance: null };
  const wire = toWire(base, 'px-me', KEY);
  const pub = publicKeyOf(KEY);
  assert.ok(signatureHolds(wire, pub));
  // As the receiver stores it and relays it on: `local` is the origin instance. Still verifies.
  assert.ok(signatureHolds({ ...wire, marking: { ...wire.marking, owner: 'px-me', releasableTo: ['jp-mod', 'px-me'] } }, pub));
  const changed = [
    { ...wire, document: { ...wire.document, text: wire.document.text.replace('40', '90') } },
    { ...wire, document: { ...wire.document, title: 'U' } },
    { ...wire, document: { ...wire.document, main: { start: 1, end: 30 } } },
    { ...wire, marking: { ...wire.marking, releasableTo: ['ALL'] } },
    { ...wire, marking: { ...wire.marking, tlp: 'TLP:CLEAR' as const } },
    { ...wire, provenance: { ...wire.provenance, reportId: 8 } },
    { ...wire, provenance: { ...wire.provenance, instance: 'px-other' } },
  ];
  for (const w of changed) assert.equal(signatureHolds(w, pub), false);
  assert.equal(signatureHolds(wire, publicKeyOf(generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString())), false);
  assert.equal(signatureHolds(wire, 'bm90IGEga2V5'), false, 'a malformed key verifies nothing');
});

test('judging a received signature: the pinned key decides; unsigned from a signer is refused; no key keeps it unverified', () => {
  const wire = toWire({ id: 7, cursor: 7, doc: { origin: 'x', format: 'text' as const, text: 'abc', title: null, published: null, url: null, source: null, main: { start: 0, end: 3 }, boilerplate: [] }, marking: mark({}), ingestedAt: '2025-01-02T00:00:00.000Z', provenance: null }, 'px-me', KEY);
  const pub = publicKeyOf(KEY);
  const otherPub = publicKeyOf(generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
  assert.deepEqual(judgeSignature(wire, pub, undefined), { verdict: 'verified', pin: null });
  assert.deepEqual(judgeSignature(wire, undefined, pub), { verdict: 'verified', pin: pub });
  assert.deepEqual(judgeSignature(wire, undefined, undefined), { verdict: 'unverified' });
  assert.equal(judgeSignature(wire, otherPub, pub).verdict, 'refused', 'an offered key never overrides the pinned one');
  assert.equal(judgeSignature(wire, undefined, otherPub).verdict, 'refused');
  const unsigned = { ...wire, provenance: { instance: 'px-me', reportId: 7, ingestedAt: '2025-01-02T00:00:00.000Z' } };
  assert.deepEqual(judgeSignature(unsigned, undefined, pub), { verdict: 'unverified' });
  assert.match((judgeSignature(unsigned, pub, undefined) as { problem: string }).problem, /signs its reports, and this one comes unsigned/);
  // Signed before its origin rotated from KEY to another key: kept, not as verified; a key never retired is still refused.
  assert.deepEqual(judgeSignature(wire, otherPub, undefined, [pub]), { verdict: 'unverified' });
  assert.equal(judgeSignature(wire, otherPub, undefined, [otherPub]).verdict, 'refused');
});

test('backoff doubles up to its ceiling, with jitter between half and all of it', () => {
  assert.deepEqual([1, 2, 3, 4].map((n) => backoffDelay(n, 500, 3000, 0.999999)), [500, 1000, 2000, 3000]);
  assert.equal(backoffDelay(1, 500, 3000, 0), 250);
  assert.equal(backoffDelay(50, 500, 3000, 0.999999), 3000);
});
