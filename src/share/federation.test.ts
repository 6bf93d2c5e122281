import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_CLASSIFICATIONS, type Marking } from '../domain/marking.js';
import type { Viewer } from '../domain/viewer.js';
import { backoffDelay, documentProblem, receivedMarking, toWire } from './federation.js';
import { MarkingError } from './marking-input.js';

const sender: Viewer = { partnerId: 'kr-mnd', clearance: 'RESTRICTED', communities: [], role: 'analyst' };
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
  assert.deepEqual(toWire({ ...base, provenance: null }, 'px-me').provenance, { instance: 'px-me', reportId: 12, ingestedAt: '2025-01-01T00:00:00.000Z' });
  const relayed = toWire({ ...base, provenance: { originInstance: 'px-c', originReportId: 3, originIngestedAt: '2024-12-01T00:00:00.000Z', receivedFrom: 'px-b', receivedAt: '2025-01-01T00:00:00.000Z' } }, 'px-me');
  assert.deepEqual(relayed.provenance, { instance: 'px-c', reportId: 3, ingestedAt: '2024-12-01T00:00:00.000Z' });
});

test('backoff doubles up to its ceiling, with jitter between half and all of it', () => {
  assert.deepEqual([1, 2, 3, 4].map((n) => backoffDelay(n, 500, 3000, 0.999999)), [500, 1000, 2000, 3000]);
  assert.equal(backoffDelay(1, 500, 3000, 0), 250);
  assert.equal(backoffDelay(50, 500, 3000, 0.999999), 3000);
});
