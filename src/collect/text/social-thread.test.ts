import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectPlainText } from './from-plain-text.js';
import { findSocialThread } from './social-thread.js';

/** A Bluesky thread copied from the web page: ages and days beside handles, bare counts, a quoted post, replies. */
const BLUESKY = [
  'Home',
  'Post',
  'Tomas Varga',
  '@tvarga.bsky.social',
  '1. Tracking the Danube grain barges this month. So far I have logged 312 barge movements past Izmail.',
  'March 14, 2025 at 8:05 AM',
  '18 reposts',
  '4 quotes',
  '96 likes',
  'Tomas Varga',
  '@tvarga.bsky.social',
  '· Mar 14',
  '2. That is up from about 250 in February. The port authority said last week that 41 berths are working:',
  'Danube Port Desk',
  '@danubeportdesk.bsky.social',
  '· Mar 12',
  'Izmail now has 41 berths in service, the most since 2022.',
  '7',
  '22',
  '130',
  'Tomas Varga',
  '@tvarga.bsky.social',
  '· Mar 14',
  '3. Method notes on my blog. Corrections welcome.',
  '2',
  '9',
  'Replies',
  'Anna Hrytsenko',
  '@annah.bsky.social',
  '· Mar 14',
  'Replying to @tvarga.bsky.social',
  'I count closer to 400 movements from the river cameras.',
  '1',
  '3',
].join('\n');

/** A Mastodon thread: handles with their instance, day and time on their own line, labelled counts. */
const MASTODON = [
  'Lina Ortmann',
  '@lina@social.example',
  'Feb 2, 2025, 10:12',
  'Three weeks of flight tracking over the Baltic: 57 surveillance sorties, most of them at night.',
  'Boost 14',
  'Favourite 40',
  'Lina Ortmann',
  '@lina@social.example',
  'Feb 2, 2025, 10:15',
  'The busiest day had 6 sorties. Data in the replies.',
  '3 boosts',
  '11 favourites',
].join('\n');

test('a Bluesky thread copied as text: the body is the author\'s posts, headers and counts furniture, replies outside', () => {
  const found = findSocialThread(BLUESKY, null)!;
  assert.ok(found !== null);
  const body = BLUESKY.slice(found.main.start, found.main.end);
  assert.ok(body.startsWith('1. Tracking the Danube'), body);
  assert.ok(body.endsWith('Corrections welcome.'), body);
  assert.deepEqual(found.posts.map((p) => [p.published, p.author, p.account?.handle]), [
    ['2025-03-14', null, '@tvarga.bsky.social'],
    ['2025-03-14', null, '@tvarga.bsky.social'],
    ['2025-03-12', 'Danube Port Desk', '@danubeportdesk.bsky.social'],
    ['2025-03-14', null, '@tvarga.bsky.social'],
  ]);
  // Counts and headers inside the body are furniture; the posts' words are not.
  const furniture = found.furniture.map((f) => BLUESKY.slice(f.start, f.end)).join('|');
  assert.ok(furniture.includes('18 reposts') && furniture.includes('130') && furniture.includes('@danubeportdesk.bsky.social'), furniture);
  assert.ok(!furniture.includes('312') && !furniture.includes('41 berths'), furniture);
});

test('a Mastodon thread copied as text: days with their times, labelled counts', () => {
  const [doc] = collectPlainText('thread.txt', MASTODON);
  const body = MASTODON.slice(doc!.main.start, doc!.main.end);
  assert.ok(body.startsWith('Three weeks') && body.endsWith('Data in the replies.'), body);
  assert.equal(doc!.published, '2025-02-02');
  assert.deepEqual(doc!.posts?.map((p) => p.published), ['2025-02-02', '2025-02-02']);
  assert.ok(doc!.boilerplate.some((b) => MASTODON.slice(b.start, b.end).includes('Favourite 40')));
});

test('a day without a year is the thread\'s year, the year before when it would fall after publication', () => {
  const text = ['Ola Dahl', '@ola_maps', '· Dec 30', 'Two convoys crossed today.', '4', 'Ola Dahl', '@ola_maps', '· Jan 2', 'And 3 more since.'].join('\n');
  assert.deepEqual(findSocialThread(text, '2025-01-03')?.posts.map((p) => p.published), ['2024-12-30', '2025-01-02']);
});

test('a story that quotes one post, or names handles in its sentences, is no thread', () => {
  const story = [
    'Officials said 40 people were evacuated.',
    'One resident wrote on X:',
    'Maria Petrenko',
    '@mpetrenko',
    'We left with nothing. 12 houses on our street are gone.',
    'The regional governor said 1,200 homes had no power and that views differ on when it returns.',
  ].join('\n');
  assert.equal(findSocialThread(story, '2025-06-01'), null);
  const prose = 'The video has 2.3 million views and 40,000 likes.\n@cityhall said 14 roads were shut.\n';
  assert.equal(findSocialThread(prose, '2025-06-01'), null);
});
