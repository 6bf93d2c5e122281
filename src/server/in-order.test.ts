import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InOrderDelivery, type SequencedMessage } from './in-order.js';

const bytes = (seq: number) => new TextEncoder().encode(`event ${seq}`);

function setup(stored: Map<number, Uint8Array>, last = 0) {
  const passed: number[] = [];
  const acked: number[] = [];
  const warnings: string[] = [];
  const reads: number[] = [];
  const order = new InOrderDelivery({
    last,
    pass: (seq, data) => {
      assert.equal(new TextDecoder().decode(data), `event ${seq}`);
      passed.push(seq);
    },
    read: async (seq) => {
      reads.push(seq);
      return stored.get(seq);
    },
    warn: (m) => warnings.push(m),
  });
  const msg = (seq: number): SequencedMessage => ({ seq, data: bytes(seq), ack: () => acked.push(seq) });
  return { order, msg, passed, acked, warnings, reads };
}

test('messages in order pass at once and are acknowledged after; a redelivery is acknowledged, not passed again', () => {
  const s = setup(new Map());
  s.order.offer(s.msg(1));
  s.order.offer(s.msg(2));
  s.order.offer(s.msg(1));
  assert.deepEqual(s.passed, [1, 2]);
  assert.deepEqual(s.acked, [1, 2, 1]);
  assert.equal(s.order.last, 2);
});

test('a gap is filled from the stream before what follows it; what the stream no longer has is skipped with a warning', async () => {
  // 4 was delivered to a process that crashed before acknowledging it; 5 is gone from the stream.
  const stored = new Map([[4, bytes(4)], [6, bytes(6)]]);
  const s = setup(stored, 3);
  s.order.offer(s.msg(7));
  s.order.offer(s.msg(8));
  assert.deepEqual(s.passed, [], 'nothing passes before the gap is filled');
  await s.order.settled();
  assert.deepEqual(s.passed, [4, 6, 7, 8]);
  assert.deepEqual(s.reads, [4, 5, 6]);
  assert.deepEqual(s.acked, [7, 8]);
  assert.equal(s.warnings.length, 1);
  assert.match(s.warnings[0]!, /event 5 is no longer in the stream/);
  // The consumer redelivers 4 after its ack wait: acknowledged, not passed twice.
  s.order.offer(s.msg(4));
  assert.deepEqual(s.passed, [4, 6, 7, 8]);
  assert.deepEqual(s.acked, [7, 8, 4]);
});

test('what was read back at start is not passed again when the consumer delivers it', () => {
  const s = setup(new Map(), 10);
  s.order.passed(11, bytes(11));
  s.order.passed(12, bytes(12));
  s.order.offer(s.msg(11));
  s.order.offer(s.msg(12));
  s.order.offer(s.msg(13));
  assert.deepEqual(s.passed, [11, 12, 13]);
  assert.deepEqual(s.acked, [11, 12, 13]);
});

test('when the stream cannot be read, queued messages are left unacknowledged for redelivery', async () => {
  const s = setup(new Map(), 0);
  const failing = new InOrderDelivery({
    last: 0,
    pass: (seq) => s.passed.push(seq),
    read: async () => {
      throw new Error('timeout');
    },
    warn: (m) => s.warnings.push(m),
  });
  failing.offer(s.msg(3));
  await failing.settled();
  assert.deepEqual(s.passed, []);
  assert.deepEqual(s.acked, []);
  assert.match(s.warnings[0]!, /timeout/);
  // Redelivered later, in order this time.
  failing.offer(s.msg(1));
  failing.offer(s.msg(2));
  failing.offer(s.msg(3));
  assert.deepEqual(s.passed, [1, 2, 3]);
});
