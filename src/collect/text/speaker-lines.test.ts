import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findSpeakerLines, mayHaveSpeakerLines } from './speaker-lines.js';

const call = [
  'Participants',
  '  Tova Brandt -- Chief Executive Officer',
  '  Emil Sauer -- Lindqvist Bank -- Analyst',
  '',
  'Operator',
  '',
  'Welcome to the results call of Nordhavn Rail. Please go ahead.',
  '',
  'Tova Brandt -- Chief Executive Officer',
  '',
  'Thank you. Freight volumes rose 12% in the half.',
  '',
  'Emil Sauer -- Lindqvist Bank -- Analyst',
  '',
  'How many locomotives are still on order?',
  '',
  'Tova Brandt',
  '',
  'About 40, most of them for the northern line.',
].join('\n');

test('a call transcript\'s speaker lines: the name over its turn, the post or firm after a dash, a bare name the participants list describes', () => {
  const main = { start: call.indexOf('Operator'), end: call.length };
  const lines = findSpeakerLines(call, main, 0);
  assert.deepEqual(lines.map((l) => [l.name, l.description ?? null]), [
    ['Operator', null],
    ['Tova Brandt', 'Chief Executive Officer'],
    ['Emil Sauer', 'Lindqvist Bank -- Analyst'],
    ['Tova Brandt', null],
  ]);
  // The participants list sets its lines one under another: none is a turn.
  assert.ok(lines.every((l) => l.start >= main.start));
});

test('headlines over paragraphs and a dateline\'s dash over a wrapped sentence are no speaker lines', () => {
  const page = [
    'Ferries Return to the Islands',
    '',
    'The first boats since March sailed on Monday with 300 passengers.',
    '',
    'Harbour Fees Rise Again',
    '',
    'Fees went up by 4% at the start of the month.',
    '',
    'OSLO - Storms closed the harbour for two days and cost the',
    'operators about 2 million kroner.',
    '',
    'BERGEN - Ferry Crews Vote',
    '',
    'Crews voted to accept the offer.',
  ].join('\n');
  assert.deepEqual(findSpeakerLines(page, { start: 0, end: page.length }), []);
});

test('the speaker-line gate: a dash near a line start after a blank line, not a dash deep in a long line; per text and span', () => {
  const call = 'Quarterly call\n\nJane Roe -- Head of Investor Relations\nThank you all for joining us today.\n';
  const prose = `Intro paragraph.\n\n${'The board met again and weighed the offer at length '.repeat(3)}- and then it adjourned.\n`;
  assert.equal(mayHaveSpeakerLines(call, 0, call.length), true);
  assert.equal(mayHaveSpeakerLines(prose, 0, prose.length), false);
  // The same text over a span without the line, then again with it: each span has its own answer.
  assert.equal(mayHaveSpeakerLines(call, 0, 14), false);
  assert.equal(mayHaveSpeakerLines(call, 0, call.length), true);
  // A dash within a name's reach of a line start, on a short line under a blank one.
  const near = 'Notes\n\nA. Writer - Editor\nBody text follows here.\n';
  assert.equal(mayHaveSpeakerLines(near, 0, near.length), true);
});
