import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Marking } from '../domain/marking.js';
import type { BusEvent } from '../share/event-bus.js';
import type { StreamEvent } from '../share/event-stream.js';
import { connectJetStreamBus, EVENTS_PER_MESSAGE, parseBusEvent, type JetStreamBus } from './jetstream-bus.js';
import { deleteTestStream, requireNats, skipNats, TEST_NATS_URL, uniquePrefix } from './nats.fixture.js';

const toNato: Marking = { classification: 'UNCLASSIFIED', releasableTo: ['NATO'], owner: 'kr-mnd', tlp: 'TLP:GREEN' };
const report = (reportId: number): BusEvent => ({ type: 'report', data: { reportId }, access: { marking: toNato } });

/** A node: its bus and what it was given. */
async function node(prefix: string, nodeId: string, replay = 0) {
  const bus = await connectJetStreamBus({ url: TEST_NATS_URL, prefix, nodeId, replay });
  const got: StreamEvent[] = [];
  let startedAfter: number | undefined;
  await bus.subscribe({ startAfter: (id) => (startedAfter = id), deliver: (e) => got.push(e) });
  return { bus, got, startedAfter: () => startedAfter };
}

async function until(what: string, ok: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const reportIds = (events: StreamEvent[]) => events.map((e) => e.data['reportId']);
/** The id of the event at `place` in the stream's message `seq`. */
const id = (seq: number, place = 0) => seq * EVENTS_PER_MESSAGE + place;
const tick = () => new Promise((r) => setImmediate(r));

const prefix = uniquePrefix();
const open: JetStreamBus[] = [];
before(async () => {
  if (!skipNats) await requireNats();
});
after(async () => {
  if (skipNats) return;
  await Promise.all(open.map((b) => b.close()));
  // Not reached when NATS is not: the before hook said so already.
  await deleteTestStream(prefix).catch(() => undefined);
});

test('every node receives every event once, in one order, with ids from the stream sequence; a message published twice is stored once', { skip: skipNats }, async () => {
  const a = await node(prefix, 'a');
  const b = await node(prefix, 'b');
  open.push(a.bus, b.bus);
  assert.equal(a.startedAfter(), id(0, EVENTS_PER_MESSAGE - 1), 'a new stream: nothing before');
  // One turn of the event loop, one message (as a report and its claims are emitted).
  a.bus.publish(report(1), 'report-1');
  a.bus.publish(report(2), 'report-2');
  a.bus.publish(report(1), 'report-1'); // the same event again in the turn: once
  await tick();
  b.bus.publish(report(3), 'report-3');
  await tick();
  b.bus.publish(report(3), 'report-3'); // sent again (as a retry does): the stream keeps the first
  await until('three events on both', () => a.got.length >= 3 && b.got.length >= 3);
  await new Promise((r) => setTimeout(r, 200));
  // Two connections: the stream decides which of the two messages comes first, the same for every node.
  assert.deepEqual(b.got, a.got, 'the same events, in the same order, with the same ids');
  assert.deepEqual([...reportIds(a.got)].sort(), [1, 2, 3]);
  const [one, two] = [a.got.find((e) => e.data['reportId'] === 1)!, a.got.find((e) => e.data['reportId'] === 2)!];
  assert.equal(two.id, one.id + 1, 'reports 1 and 2: one message, places 0 and 1');
  assert.ok([id(1, 0), id(2, 0)].includes(one.id));
  assert.deepEqual(one.access, { marking: toNato }, 'the marking travels with the event');
});

test('a node started again with its id gets what it missed, once; a new node reads recent events back', { skip: skipNats }, async () => {
  const a = await node(prefix, 'a2');
  open.push(a.bus);
  let b = await node(prefix, 'b-restart');
  a.bus.publish(report(10), 'report-10');
  await until('event 10 on b', () => b.got.length === 1);
  await b.bus.close();
  a.bus.publish(report(11), 'report-11');
  await tick();
  a.bus.publish(report(12), 'report-12');
  await until('events 11 and 12 on a', () => reportIds(a.got).includes(12));
  b = await node(prefix, 'b-restart');
  open.push(b.bus);
  // Messages so far: 1 (reports 1, 2), 2 (3), 3 (10), 4 (11), 5 (12). It resumes where it
  // acknowledged (after 3), or just before when its last acknowledgement had not reached the
  // server as it stopped (acknowledgements are not confirmed); a new consumer would start after 5.
  const resumed = [id(3, EVENTS_PER_MESSAGE - 1), id(2, EVENTS_PER_MESSAGE - 1)];
  assert.ok(resumed.includes(b.startedAfter()!), `resumes after what it acknowledged, not ${b.startedAfter()}`);
  const missed = () => b.got.filter((e) => e.id > id(3, EVENTS_PER_MESSAGE - 1));
  assert.deepEqual(reportIds(missed()), [11, 12], 'subscribe resolves once the missed events are delivered');
  a.bus.publish(report(13), 'report-13');
  await until('event 13 on b', () => missed().length === 3);
  await new Promise((r) => setTimeout(r, 200));
  assert.deepEqual(missed().map((e) => e.id), [id(4), id(5), id(6)], 'no repeats');
  assert.deepEqual(b.got.map((e) => e.id), [...new Set(b.got.map((e) => e.id))].sort((x, y) => x - y), 'each id once, in order');

  const c = await node(prefix, 'c', 3);
  open.push(c.bus);
  assert.equal(c.startedAfter(), id(3, EVENTS_PER_MESSAGE - 1));
  assert.deepEqual(c.got.map((e) => e.id), [id(4), id(5), id(6)], 'the last three messages, read back');
});

test('a message that is not a whole event is refused, naming what is wrong', () => {
  assert.equal(parseBusEvent(report(1)).type, 'report');
  assert.throws(() => parseBusEvent([1]), /unknown type/);
  assert.throws(() => parseBusEvent({ ...report(1), type: 'gossip' }), /unknown type "gossip"/);
  const { tlp: _, ...noTlp } = toNato;
  assert.throws(() => parseBusEvent({ ...report(1), access: { marking: noTlp } }), /no access/, 'a marking without TLP could reach too many');
  assert.equal(parseBusEvent({ type: 'conflict', data: {}, access: { scope: 'kr|SECRET|' } }).type, 'conflict');
});
