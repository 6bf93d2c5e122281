import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectPlainText } from './from-plain-text.js';
import { findMailThread } from './mail-thread.js';

/** A thread saved from a mail client: the newest reply on top, two older messages quoted, a forwarded item, a notice. */
const THREAD = [
  'From: Priya Nair <priya.nair@harbourdesk.example>',
  'To: Tomas Berg <tomas.berg@harbourdesk.example>',
  'Date: Thu, 6 Mar 2025 15:02:10 +0000',
  'Subject: Re: Fwd: Port closures',
  '',
  'Tomas,',
  '',
  'Fine by me. We lead with the harbour authority figure and keep the union',
  'claim for the second paragraph, clearly attributed to the union.',
  '',
  'Priya',
  '',
  '--',
  'Priya Nair',
  'Editor, Maritime Desk',
  'T +44 20 7946 0999',
  '',
  'On Thu, 6 Mar 2025 at 10:15, Tomas Berg <tomas.berg@harbourdesk.example> wrote:',
  '> Priya, the union now says 46 ships are waiting outside the breakwater,',
  '> but I only trust what we counted ourselves: 31 ships at anchor on the',
  '> morning tide, which is still the worst backlog since the storm season.',
  '>',
  '> Tomas',
  '>',
  '> On Wed, 5 Mar 2025 at 18:40, Priya Nair <priya.nair@harbourdesk.example> wrote:',
  '> > ---------- Forwarded message ---------',
  '> > From: Coastal Wire <desk@coastalwire.example>',
  '> > Date: Wed, 5 Mar 2025 at 17:55',
  '> > Subject: Port closes two berths',
  '> >',
  '> > The port authority closed two berths yesterday after a crane collapsed,',
  '> > and said about 1,300 containers would be held until the inspection ends.',
  '> >',
  '> > (c) 2025 Coastal Wire. All rights reserved.',
  '',
  '________________________________',
  'This message is confidential and intended solely for the addressee. If you',
  'received it in error, please delete it and notify the sender.',
].join('\n');

test('a saved thread: each message with its author and day, the lines that open messages and signatures as furniture', () => {
  const thread = findMailThread(THREAD)!;
  assert.ok(thread);
  const who = thread.messages.map((m) => [m.author ?? null, m.forwardedFrom, m.published]);
  assert.deepEqual(who.slice(0, 4), [
    ['Priya Nair', null, '2025-03-06'],
    ['Tomas Berg', null, '2025-03-06'],
    ['Priya Nair', null, '2025-03-05'],
    [null, 'Coastal Wire', '2025-03-05'],
  ]);
  // The authors' addresses spell their names: people.
  assert.ok(thread.messages[0]!.authorIsPerson && thread.messages[1]!.authorIsPerson);
  const furniture = thread.furniture.map((f) => THREAD.slice(f.start, f.end).split('\n')[0]);
  assert.deepEqual(furniture, [
    '--',
    'On Thu, 6 Mar 2025 at 10:15, Tomas Berg <tomas.berg@harbourdesk.example> wrote:',
    '> On Wed, 5 Mar 2025 at 18:40, Priya Nair <priya.nair@harbourdesk.example> wrote:',
    '> > ---------- Forwarded message ---------',
  ]);
  // Every quoted line's marks, and nothing else.
  assert.ok(thread.quoteMarks.every((m) => /^[> ]+$/.test(THREAD.slice(m.start, m.end))));
  assert.equal(THREAD.slice(thread.quoteMarks[0]!.start, thread.quoteMarks[0]!.end), '> ');
});

test('the main body of a thread runs from the newest message to the end of the oldest one\'s text; quote marks are recorded', () => {
  const [doc] = collectPlainText('thread.txt', THREAD);
  const main = THREAD.slice(doc!.main.start, doc!.main.end);
  assert.match(main, /^Tomas,/);
  assert.match(main, /until the inspection ends\.$/);
  assert.equal(doc!.title, 'Port closures');
  assert.equal(doc!.posts?.length, 4);
  assert.ok(doc!.quoteMarks!.length > 0 && doc!.quoteMarks!.every((m) => m.start >= doc!.main.start && m.end <= doc!.main.end));
  // The signature inside the body is furniture; the notice after the thread is outside it.
  assert.ok(doc!.boilerplate.some((b) => b.kind === 'footer' && THREAD.slice(b.start, b.end).startsWith('--\nPriya Nair')));
});

test('a report that quotes a letter or a post with ">" lines is no thread', () => {
  const report = [
    'Officials in the port town wrote to the ministry last week. On 3 March 2025 the mayor wrote:',
    '',
    '> We have 31 ships at anchor and no berth for any of them.',
    '',
    'The ministry has not answered. On Monday at 10:15 a union official wrote: the backlog is growing.',
    '> Quoted lines in a report are block quotes, not a saved conversation.',
  ].join('\n');
  assert.equal(findMailThread(report), null);
  const [doc] = collectPlainText('report.txt', report);
  assert.equal(doc!.posts, undefined);
  assert.equal(doc!.quoteMarks, undefined);
});

test('a message from a desk or a list is no person\'s, though its address spells its name', () => {
  const desk = THREAD.replace('Priya Nair <priya.nair@harbourdesk.example>\nTo', 'Maritime Desk <maritime-desk@harbourdesk.example>\nTo');
  const thread = findMailThread(desk)!;
  assert.equal(thread.messages[0]!.author, 'Maritime Desk');
  assert.equal(thread.messages[0]!.authorIsPerson, undefined);
});

test('an Outlook reply: the older message under a From/Sent header block, not quoted', () => {
  const text = [
    'Agreed, we use 31.',
    '',
    '-----Original Message-----',
    'From: Tomas Berg',
    'Sent: 06 March 2025 10:15',
    'To: Priya Nair',
    'Subject: Ships',
    '',
    'We counted 31 ships at anchor this morning.',
  ].join('\n');
  const thread = findMailThread(text)!;
  assert.deepEqual(thread.messages.map((m) => [m.author ?? m.forwardedFrom, m.published]), [
    [null, null],
    ['Tomas Berg', '2025-03-06'],
  ]);
  // Under a rule instead of a marker, the header block says whom or what about as well.
  const ruled = text.replace('-----Original Message-----', '________________________________');
  assert.equal(findMailThread(ruled)?.messages[1]?.author, 'Tomas Berg');
  assert.equal(findMailThread(ruled.replace(/To: .*\nSubject: .*\n/, '')), null);
});

test('a forwarded wire story\'s end mark closes the thread\'s text but is none of it', () => {
  const [doc] = collectPlainText('thread.txt', THREAD.replace('until the inspection ends.', 'until the inspection ends. (END)'));
  assert.match(doc!.text.slice(doc!.main.start, doc!.main.end), /until the inspection ends\.$/);
});
