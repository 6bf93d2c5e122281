import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clockTime } from './clock-time.js';

const whole = (source: string): RegExp => new RegExp(`^${source}$`);

test('a clock time of each form its readers ask for: seconds, dots in "p.m.", the gap before it', () => {
  const post = whole(clockTime({ seconds: false, dotted: true, gap: '\\s?' })); // a copied thread's post stamp
  const channel = whole(clockTime({ seconds: false, dotted: false, gap: '\\s?' })); // a channel's web stamp
  const desktop = whole(clockTime({ seconds: true, dotted: true, gap: '\\s?' })); // a desktop export's header
  const field = whole(clockTime({ seconds: true, dotted: true, gap: '\\s*' })); // an export's date field
  for (const re of [post, channel, desktop, field]) {
    for (const t of ['7:05', '19:05', '7:05 PM', '7:05am']) assert.ok(re.test(t), `${re} ${t}`);
    for (const t of ['7:5', '123:05', '7:05 PX', '7.05']) assert.ok(!re.test(t), `${re} ${t}`);
  }
  assert.deepEqual([post, channel, desktop, field].map((re) => re.test('7:05 p.m.')), [true, false, true, true]);
  assert.deepEqual([post, channel, desktop, field].map((re) => re.test('07:05:33')), [false, false, true, true]);
  assert.deepEqual([post, channel, desktop, field].map((re) => re.test('7:05   PM')), [false, false, false, true]);
});
