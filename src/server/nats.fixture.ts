import { randomBytes } from 'node:crypto';
import { connect } from 'nats';

/** Where the bus tests find NATS with JetStream ($PARALLAX_TEST_NATS; CI runs one on 127.0.0.1:4222). */
export const TEST_NATS_URL = process.env['PARALLAX_TEST_NATS'] || 'nats://127.0.0.1:4222';

/** `test(name, { skip: skipNats }, …)`: set PARALLAX_SKIP_NATS=1 to skip the tests that need NATS. */
export const skipNats: string | false = process.env['PARALLAX_SKIP_NATS'] === '1' ? 'PARALLAX_SKIP_NATS=1' : false;

/** A prefix no other run uses, so parallel runs do not share a stream. */
export const uniquePrefix = (): string => `ptest_${randomBytes(4).toString('hex')}`;

/** Fails with what to do when NATS is not there, rather than timing out somewhere deeper. */
export async function requireNats(): Promise<void> {
  try {
    const nc = await connect({ servers: TEST_NATS_URL, timeout: 3000, maxReconnectAttempts: 0 });
    await nc.jetstreamManager({ timeout: 3000 }).finally(() => nc.close());
  } catch (e) {
    throw new Error(
      `NATS with JetStream is not reachable at ${TEST_NATS_URL} (${(e as Error).message}): start nats-server -js, ` +
        'set PARALLAX_TEST_NATS to where it runs, or PARALLAX_SKIP_NATS=1 to skip the bus tests',
    );
  }
}

/** Deletes the stream of a test's prefix (and with it its consumers). */
export async function deleteTestStream(prefix: string): Promise<void> {
  const nc = await connect({ servers: TEST_NATS_URL, timeout: 3000, maxReconnectAttempts: 0 });
  try {
    const jsm = await nc.jetstreamManager();
    await jsm.streams.delete(`${prefix}_events`).catch(() => false);
  } finally {
    await nc.close();
  }
}
