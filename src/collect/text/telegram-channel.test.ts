import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectPlainText } from './from-plain-text.js';
import { findTelegramChannel } from './telegram-channel.js';

/** Telegram Desktop's copy of three messages: "Name, [day time]" headers, a forwarded one. */
const DESKTOP = [
  'Harbour Watch, [03.11.2025 9:42]',
  'Two grain ships left Chornomorsk this morning; 14 more are waiting at anchor.',
  '',
  'Harbour Watch, [03.11.2025 13:05]',
  '[Forwarded from Coastal Guard Ukraine]',
  'Our crews cleared 3 drifting mines overnight near the corridor.',
  '',
  'Harbour Watch, [04.11.2025 8:10]',
  'Update: 9 of the 14 have now sailed. Insurance rates are up 12% since October.',
].join('\n');

/** The channel's web page copied as text: chrome, day lines, the name over each post, reactions, views and times. */
const WEB = [
  'Harbour Watch',
  '12 480 subscribers',
  'November 3',
  'Harbour Watch',
  'Two grain ships left Chornomorsk this morning; 14 more are waiting at anchor.',
  '👍 210 🔥 31 😢 4',
  '12.4K views 09:42',
  'Harbour Watch',
  'Forwarded from Coastal Guard Ukraine',
  'Our crews cleared 3 drifting mines overnight near the corridor.',
  '8.1K views edited 13:05',
  'November 4',
  'Harbour Watch',
  'Update: 9 of the 14 have now sailed.',
  '👁 6.9K',
  '08:10',
].join('\n');

const slices = (text: string, spans: ReadonlyArray<{ start: number; end: number }>): string => spans.map((s) => text.slice(s.start, s.end)).join('|');

test('a desktop copy: each post on its header\'s day, the forwarded one in its channel\'s voice, headers furniture', () => {
  const found = findTelegramChannel(DESKTOP, '2025-11-04')!;
  assert.ok(found !== null);
  assert.deepEqual(found.posts.map((p) => [p.published, p.forwardedFrom]), [
    ['2025-11-03', null],
    ['2025-11-03', 'Coastal Guard Ukraine'],
    ['2025-11-04', null],
  ]);
  assert.ok(DESKTOP.slice(found.main.start, found.main.end).startsWith('Two grain ships'));
  const furniture = slices(DESKTOP, found.furniture);
  assert.ok(furniture.includes('[04.11.2025 8:10]') && furniture.includes('Forwarded from'), furniture);
  assert.ok(!furniture.includes('14 more') && !furniture.includes('12%'), furniture);
});

test('a desktop copy with slashes reads month/day/year', () => {
  const text = 'Ops Log, [11/3/2025 9:42 AM]\nFour convoys passed.\nOps Log, [11/4/2025 7:02 AM]\nTwo more.';
  assert.deepEqual(findTelegramChannel(text, null)?.posts.map((p) => p.published), ['2025-11-03', '2025-11-04']);
});

test('a web copy: day lines date the posts, reactions, views, times and "edited" are furniture, the page\'s chrome outside', () => {
  const [doc] = collectPlainText('channel.txt', WEB, { published: '2025-11-05' });
  const body = WEB.slice(doc!.main.start, doc!.main.end);
  assert.ok(body.startsWith('Two grain ships') && body.endsWith('now sailed.'), body);
  assert.deepEqual(doc!.posts?.map((p) => [p.published, p.forwardedFrom]), [
    ['2025-11-03', null],
    ['2025-11-03', 'Coastal Guard Ukraine'],
    ['2025-11-04', null],
  ]);
  const furniture = slices(WEB, doc!.boilerplate);
  for (const f of ['👍 210', '12.4K views 09:42', 'edited 13:05', 'November 4', '👁 6.9K', '08:10', '12 480 subscribers']) assert.ok(furniture.includes(f), `${f} in ${furniture}`);
  assert.ok(!furniture.includes('drifting mines'), furniture);
});

test('a web copy without the channel\'s name over its posts needs three stamped posts', () => {
  const two = ['Fuel queues are back in Kherson.', '3.2K views 10:01', 'Power is off in 40 villages.', '2.9K views 11:15'].join('\n');
  assert.equal(findTelegramChannel(two, '2025-11-03'), null);
  const three = [two, 'Repairs should take 2 days.', '2.1K views 12:30'].join('\n');
  assert.equal(findTelegramChannel(three, '2025-11-03')?.posts.length, 3);
});

test('a story quoting a Telegram post or two, views and all, is no channel copy', () => {
  const story = [
    'Officials in Odesa said 6 people were injured overnight.',
    'The regional administration wrote on Telegram:',
    'Odesa Region Admin',
    'Air defence shot down 19 drones. Debris fell on 2 warehouses.',
    '45.2K views 07:15',
    'A second post an hour later added:',
    'Odesa Region Admin',
    'Power has been restored to 3,000 homes.',
    '38.9K views 08:20',
    'The governor said repairs to the port would take weeks, and that 12 firefighters were still on site.',
    'Residents said sirens sounded for more than 4 hours.',
    'Forwarded from posts on other channels could not be verified.',
  ].join('\n');
  assert.equal(findTelegramChannel(story, '2025-06-01'), null);
  const [doc] = collectPlainText('story.txt', story, { published: '2025-06-01' });
  assert.equal(doc!.posts, undefined);
  // ending right after the second quoted post: the line before it is the story's, no channel name heads both
  const short = story.split('\n').slice(0, 9).join('\n');
  assert.equal(findTelegramChannel(short, '2025-06-01'), null);
  // two posts quoted back to back under an introducing line
  const pair = [...story.split('\n').slice(0, 5), ...story.split('\n').slice(6, 9)].join('\n');
  assert.equal(findTelegramChannel(pair, '2025-06-01'), null);
});
