import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findSpeakerLines } from './speaker-lines.js';

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
