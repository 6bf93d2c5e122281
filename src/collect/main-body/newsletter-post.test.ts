import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectPlainText } from '../text/from-plain-text.js';
import { mainText } from '../../domain/document.js';

test('a newsletter masthead\'s pitch and subscribe button above the post are its header: the post starts at its first paragraph', () => {
  const [doc] = collectPlainText('edition.txt', [
    'Grain Lane Weekly',
    'Ports, barges and the grain trade on the lower Danube. Every Friday.',
    '1,052 subscribers',
    'Subscribe',
    'Why the barge queue at the lock got longer this summer',
    'Petra Lindqvist',
    'Freight analyst | Inland shipping',
    'Published Jul 4, 2025',
    '+ Follow',
    'The queue of barges waiting at the lower lock grew to 140 last week, the longest I have seen since I began counting three summers ago. Low water is only part of the story.',
    'The other part is the lock itself: one of its two chambers has been shut for repairs since May, and the operator now expects it to reopen in October.',
    'Thanks for reading. Reply and tell me what you see on your stretch of the river.',
  ].join('\n\n'));
  assert.match(mainText(doc!), /^The queue of barges waiting/);
  assert.match(mainText(doc!), /reopen in October\./);
});

test('a subscribe button under a short post with only end matter after it still closes the post', () => {
  const [doc] = collectPlainText('note.txt', [
    'Harbour notes',
    'The ferry to the outer island runs on its winter timetable from Monday, with two crossings a day instead of five.',
    'Subscribe',
    'Comments',
    'Will the early crossing still carry freight? Nobody at the pier could tell me this morning when I asked about it.',
  ].join('\n\n'));
  assert.match(mainText(doc!), /^The ferry to the outer island/);
  assert.match(mainText(doc!), /instead of five\.$/);
});

test('a writer\'s "views are my own" line under a post is its end matter', () => {
  for (const line of ['Views are my own, not my employer\'s.', 'Opinions my own.', 'All views and opinions expressed here are my own.']) {
    const [doc] = collectPlainText('post.txt', [
      'Three things I learned walking the canal towpath this spring',
      'I walked the whole towpath from the basin to the sea lock in April, about 60 kilometres over four days, and counted the boats moored along it.',
      'Most were leisure boats, but about one in ten was someone\'s home, which surprised me more than anything else on the walk.',
      line,
      '#Canals #Walking',
    ].join('\n\n'));
    assert.match(mainText(doc!), /anything else on the walk\.$/, line);
  }
});

test('a desk\'s call for readers to write in under a column is its end matter', () => {
  for (const line of ['Have a question for the travel desk? Write to letters@example.org. We answer some every month.', 'Got a tip? Email us at tips@example.org.']) {
    const [doc] = collectPlainText('column.txt', [
      'Your travel questions answered',
      'Is the night train to the coast still running this winter? It is, but only on Fridays and Sundays, and the sleeper cars now sell out about three weeks ahead.',
      'The operator says it will add a third weekly train in March if the new carriages arrive in time, which it admits is not certain.',
      line,
      'Travel',
      'Rail',
    ].join('\n\n'));
    assert.match(mainText(doc!), /which it admits is not certain\.$/, line);
  }
});

test("a newsletter's long pitch to a reader it was forwarded to, above its greeting, is no part of the story", () => {
  const [doc] = collectPlainText('digest.txt', [
    'Harbour Digest',
    'Was this email forwarded to you? Sign up here to get Harbour Digest in your inbox every Friday morning at six.',
    'Hello from Rotterdam. The cranes on the west quay stood still for most of the week, and the strike is the only thing anyone at the terminal talks about.',
    'About 42 container ships waited at anchor on Sunday evening, the port authority said, twice the usual number for the season.',
  ].join('\n\n'));
  assert.match(mainText(doc!), /^Hello from Rotterdam\./);
});
