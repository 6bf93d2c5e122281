import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectPlainText } from '../text/from-plain-text.js';
import { mainText } from '../../domain/document.js';

const story = [
  'Orchard growers count the cost of the late frost',
  'By Tamsin Oduya',
  'Apple growers in the upper valley lost about a third of their blossom to the frost of 14 April, the growers\' cooperative said on Tuesday, and many expect the smallest harvest in a decade.',
  'The cooperative asked the regional council for 4 million euros in emergency aid; the council will decide next month.',
];
const LAST = /the council will decide next month\.$/;

const closedBy = (notes: string[]): string => mainText(collectPlainText('story.txt', [...story, ...notes].join('\n\n'))[0]!);

test('a correction notice under its label closes the story', () => {
  assert.match(closedBy(['Correction', 'An earlier version of this story gave the cooperative\'s request as 5 million euros.']), LAST);
});

test('a note on the writer and a disclaimer of the writer\'s views close an opinion piece', () => {
  assert.match(closedBy(['The writer is a retired agronomist and a former member of the council. Views are personal.']), LAST);
});

test('a note on how an interview was given closes it', () => {
  assert.match(closedBy(['The answers above were given in writing and have been translated from Dutch.']), LAST);
});

test('a wire credit of assistance closes the story', () => {
  assert.match(closedBy(['--With assistance from Piet Laan.']), LAST);
});

test('thanks to a funder and a disclaimer of the speakers\' views close an event summary', () => {
  assert.match(closedBy(['The Valley Institute thanks the Fruit Growers\' Fund for supporting this workshop. The views expressed are those of the speakers and not of the Institute.']), LAST);
});

test('a magazine\'s print-edition line closes the story, with the author note above it', () => {
  assert.match(closedBy(['Tamsin Oduya is a staff writer based in Graz.', 'This article appears in the June 2025 print edition with the headline "Frost."']), LAST);
  assert.match(closedBy(['A version of this article appears in print on page 6 of the regional edition.']), LAST);
});

test('a closing paragraph that reports on writers or thanks stays in the story', () => {
  assert.match(closedBy(['The cooperative thanked the volunteers who lit fires in the orchards that night.']), /lit fires in the orchards that night\.$/);
});

test('a notice closing on a label and a telephone number is a listing after the story', () => {
  assert.match(closedBy(['The growers will meet again at the Old Mill on 12 June. Information: (555) 010-2030.']), LAST);
  assert.match(closedBy(['Tickets for the harvest fair go on sale in May. RSVP: +44 20 7946 0958']), LAST);
});

test('a note on the publication schedule closes the story; a story\'s own "will not publish" stays', () => {
  assert.match(closedBy(['Note: The Valley Bulletin will not publish an edition on 1 May because of the bank holiday.']), LAST);
  assert.match(closedBy(['There will be no weekend edition of the bulletin over Easter.']), LAST);
  const stays = 'The ministry said it will not publish its frost damage report before June.';
  assert.match(closedBy([stays]), /before June\.$/);
});
