import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectPlainText } from '../text/from-plain-text.js';
import { mainText } from '../../domain/document.js';

test('a rule with the page\'s number in it, printed once inside the body, is furniture and not the body\'s end', () => {
  const text = [
    'Shelter Cluster  |  River Basin Flood Response',
    '',
    'Since 2 April the river has risen past its banks in four districts, and the shelter partners have opened eleven schools to families who lost their houses.',
    '',
    '~~~~ Page 1 of 2 ~~~~  Shelter Cluster Lowland · flood export · 09-Apr-25 ~~~~',
    '',
    'A further 300 tents are on their way from the central warehouse and should reach the districts before the weekend, if the bridge at the ferry holds.',
  ].join('\n');
  const [doc] = collectPlainText('flood.txt', text);
  const footer = doc!.boilerplate.find((b) => doc!.text.slice(b.start, b.end).includes('Page 1 of 2'));
  assert.equal(footer?.kind, 'footer');
  assert.match(mainText(doc!), /if the bridge at the ferry holds\.$/);
});

test('a sentence that speaks of a page is no page break', () => {
  const text = [
    'River Basin Flood Response',
    '',
    'The shelter partners have opened eleven schools to families who lost their houses, and more will open next week as the water keeps rising in the south.',
    '',
    '--- see the map on page 3 of the annex for the districts the partners cover, which changed on Monday after the water rose.',
  ].join('\n');
  const [doc] = collectPlainText('flood.txt', text);
  assert.ok(!doc!.boilerplate.some((b) => b.kind === 'footer' && doc!.text.slice(b.start, b.end).includes('page 3')));
});
