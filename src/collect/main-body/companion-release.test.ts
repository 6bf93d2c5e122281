import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectPlainText } from '../text/from-plain-text.js';
import { mainText } from '../../domain/document.js';

const mainOf = (lines: string[]): string => mainText(collectPlainText('release.txt', lines.join('\n\n'))[0]!);

const statement = [
  'MINISTRY OF HARBOURS',
  'Press Office',
  'March 4, 2026',
  'OSLO, March 4, 2026 - The ministers of the four coastal states met today and agreed a common plan for winter ports.',
  'They noted that ice closed 12 northern harbours for more than a month last winter, and that the closures cost shippers about $40 million in delays and rerouting.',
  '###',
];
const sheet = [
  'BACKGROUND NOTE',
  'Press Office',
  'March 4, 2026',
  'Winter Ports Plan',
  'Norway will fund two new icebreakers by 2028, to be based at the two busiest northern ports and shared with neighbours.',
  'Finland will open a joint forecasting desk with a staff of 15 meteorologists, issuing ice warnings every six hours during the season.',
  '###',
];

test('a note issued with a release under its end mark, with the same office and day over it, is part of the document', () => {
  const body = mainOf([...statement, ...sheet, 'Related releases', 'Harbour dues for 2026 - January 9, 2026']);
  assert.match(body, /^OSLO, March 4/);
  assert.match(body, /issuing ice warnings every six hours during the season\.$/);
});

test('notes to editors under an end mark repeat no header line and stay out', () => {
  const body = mainOf([...statement, 'Notes to editors', 'The Ministry of Harbours oversees 40 public ports and employs about 900 people in its regional offices and head office. For interviews call the duty officer.']);
  assert.match(body, /rerouting\.$/);
});
