import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_CLASSIFICATIONS, type Marking } from '../domain/marking.js';
import type { Viewer } from '../domain/viewer.js';
import { viewerScope } from '../store/viewer-scope.js';
import { EventStream, type StreamEvent } from './event-stream.js';

const kr: Viewer = { partnerId: 'kr-mnd', clearance: 'CONFIDENTIAL', communities: ['NATO'], role: 'reader' };
const jp: Viewer = { partnerId: 'jp-mod', clearance: 'UNCLASSIFIED', communities: [], role: 'reader' };
const toNato: Marking = { classification: 'UNCLASSIFIED', releasableTo: ['NATO'], owner: 'local', tlp: 'TLP:GREEN' };
const toAll: Marking = { classification: 'UNCLASSIFIED', releasableTo: ['ALL'], owner: 'local', tlp: 'TLP:CLEAR' };
const secret: Marking = { classification: 'SECRET', releasableTo: ['ALL'], owner: 'local', tlp: 'TLP:CLEAR' };

test('each subscriber receives what it may see, in order, with increasing ids', () => {
  const stream = new EventStream({ classificationOrder: DEFAULT_CLASSIFICATIONS, firstId: 100 });
  const got = new Map<string, StreamEvent[]>([['kr', []], ['jp', []], ['kr2', []]]);
  stream.subscribe({ viewer: kr, send: (e) => got.get('kr')!.push(e) });
  stream.subscribe({ viewer: { ...kr, role: 'analyst' }, send: (e) => got.get('kr2')!.push(e) });
  const stopJp = stream.subscribe({ viewer: jp, send: (e) => got.get('jp')!.push(e) });
  stream.publish('report', { reportId: 1 }, { marking: toNato });
  stream.publish('report', { reportId: 2 }, { marking: toAll });
  stream.publish('report', { reportId: 3 }, { marking: secret });
  stream.publish('conflict', { conflictId: 'c-1' }, { scope: viewerScope(jp) });
  stopJp();
  stream.publish('report', { reportId: 4 }, { marking: toAll });
  assert.deepEqual(got.get('kr')!.map((e) => e.data['reportId']), [1, 2, 4]);
  assert.deepEqual(got.get('kr2')!.map((e) => e.id), [100, 101, 104], 'the role does not change what is seen');
  assert.deepEqual(got.get('jp')!.map((e) => e.data['reportId'] ?? e.data['conflictId']), [2, 'c-1'], 'unsubscribed before report 4');
});

test('resuming after an id replays the visible events since; an id older than the ring is incomplete', () => {
  const stream = new EventStream({ classificationOrder: DEFAULT_CLASSIFICATIONS, capacity: 3, firstId: 10 });
  for (let i = 0; i < 5; i++) stream.publish('claim', { claimId: i }, { marking: i % 2 === 0 ? toAll : secret });
  // ids 10..14; the ring keeps 12, 13, 14.
  assert.deepEqual(stream.since(jp, 11), { events: [stream.since(kr, 11).events[0]!, stream.since(jp, 13).events[0]!], complete: true });
  assert.deepEqual(stream.since(jp, 11).events.map((e) => e.id), [12, 14]);
  assert.equal(stream.since(jp, 10).complete, false, 'event 11 is gone');
  assert.deepEqual(stream.since(jp, 10).events.map((e) => e.id), [12, 14]);
  assert.deepEqual(stream.since(jp, 14), { events: [], complete: true });
  assert.equal(stream.since(jp, 99).complete, false, 'an id this stream never gave');
  assert.equal(stream.lastId, 14);
});

test('events from a bus keep the bus ids: gaps allowed, a repeat ignored, resuming counts from where the stream started', () => {
  const stream = new EventStream({ classificationOrder: DEFAULT_CLASSIFICATIONS, capacity: 3 });
  stream.startAfter(40);
  const got: number[] = [];
  stream.subscribe({ viewer: jp, send: (e) => got.push(e.id) });
  const event = (id: number): StreamEvent => ({ id, type: 'report', data: { reportId: id }, access: { marking: toAll } });
  assert.equal(stream.deliver(event(41)), true);
  assert.equal(stream.deliver(event(43)), true, 'event 42 was not one of this stream');
  assert.equal(stream.deliver(event(43)), false, 'delivered again: ignored');
  assert.equal(stream.deliver(event(42)), false, 'older than the last: ignored');
  assert.deepEqual(got, [41, 43]);
  assert.deepEqual(stream.since(jp, 40), { events: [event(41), event(43)], complete: true });
  assert.equal(stream.since(jp, 39).complete, false, 'before the stream started: may have missed some');
  stream.deliver(event(44));
  stream.deliver(event(45));
  assert.deepEqual(stream.since(jp, 41).events.map((e) => e.id), [43, 44, 45]);
  assert.equal(stream.since(jp, 40).complete, false, 'event 41 left the ring');
});

test('a client resuming after an id not received yet waits for it, up to aheadWaitMs', async () => {
  const stream = new EventStream({ classificationOrder: DEFAULT_CLASSIFICATIONS, aheadWaitMs: 5000 });
  stream.startAfter(0);
  let reached = false;
  const waiting = stream.reached(2).then(() => (reached = true));
  stream.deliver({ id: 1, type: 'claim', data: {}, access: { marking: toAll } });
  await new Promise((r) => setImmediate(r));
  assert.equal(reached, false);
  stream.deliver({ id: 2, type: 'claim', data: {}, access: { marking: toAll } });
  await waiting;
  assert.equal(stream.since(jp, 2).complete, true);
  const soon = new EventStream({ classificationOrder: DEFAULT_CLASSIFICATIONS, aheadWaitMs: 20 });
  soon.startAfter(0);
  await soon.reached(9);
  assert.equal(soon.since(jp, 9).complete, false, 'never came: the client is told to re-read the lists');
});
