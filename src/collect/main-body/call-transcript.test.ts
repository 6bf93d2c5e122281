import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectPlainText } from '../text/from-plain-text.js';
import { mainText } from '../../domain/document.js';

const RULE = '-'.repeat(60);

/** A results call as a transcript service sets it: title, caution box, participants, then the turns under speaker lines. */
function call(intro: string[]): string {
  return [
    'NORDHAVN RAIL ASA',
    'Half-Year 2025 Results Call -- Transcript',
    '',
    RULE,
    'SAFE HARBOUR STATEMENT',
    '',
    'This call contains forward-looking statements about volumes, costs and the timing of new locomotives. Actual results may differ materially from those expressed.',
    RULE,
    '',
    'PARTICIPANTS',
    '  Tova Brandt -- Chief Executive Officer',
    '  Emil Sauer -- Lindqvist Bank -- Analyst',
    '',
    ...intro,
    'Operator',
    '',
    'Good morning, and welcome to the half-year call of Nordhavn Rail. Please go ahead.',
    '',
    'Tova Brandt -- Chief Executive Officer',
    '',
    'Thank you. Freight volumes rose 12% in the half, and we carried 41 million tonnes on the northern line alone, more than in any earlier half.',
    '',
    'Emil Sauer -- Lindqvist Bank -- Analyst',
    '',
    'Thanks. How many locomotives are still on order, and when do they arrive?',
    '',
    'Tova Brandt -- Chief Executive Officer',
    '',
    'About 40, most of them next year. That was our last question.',
    '',
    RULE,
    'This transcript may contain errors. Copyright Fjordline Transcripts 2025.',
  ].join('\n');
}

test('a call transcript opens at the operator\'s first turn: the caution box and the participants list above it are front matter', () => {
  const main = mainText(collectPlainText('call.txt', call([]))[0]!);
  assert.match(main, /^Operator\s+Good morning/);
  assert.match(main, /most of them next year\. That was our last question\.$/);
});

test('a reporter\'s intro above the turns is the story\'s own: the body still opens there', () => {
  const intro = ['The rail operator raised its outlook on Thursday as freight demand held up across the region, and analysts pressed its chief executive on the delivery schedule for new engines.', ''];
  const main = mainText(collectPlainText('call.txt', call(intro))[0]!);
  assert.doesNotMatch(main, /^Operator/);
  assert.match(main, /analysts pressed/);
});
