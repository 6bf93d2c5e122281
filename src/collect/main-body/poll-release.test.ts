import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectPlainText } from '../text/from-plain-text.js';
import { mainText } from '../../domain/document.js';

// A polling firm's release copied from its PDF: a masthead set across the page, the headline, the findings, then the
// note on how the survey was run.
const release = [
  'HARBOUR OPINION RESEARCH                              The Coastal Monitor',
  'No. 41 | 3rd week of May 2026',
  'Release: Thu. 21 May 2026, 09:00',
  'Please cite this release as "The Coastal Monitor". Tables are on our website.',
  '',
  'Most coastal residents now back a second ferry',
  'line, the first time a majority has',
  '',
  'Support for a second ferry line to the islands has risen to 54%, up from 47% in',
  'April, with the strongest backing among commuters and the weakest among retirees.',
  '',
  '"People have waited long enough for the boats," said Mira Lund, who leads the',
  'survey team. "The queues at the pier decided it."',
  '',
  'About this survey',
  'The Coastal Monitor is paid for by Harbour Opinion Research. Results for subgroups have larger',
  'margins of error. Figures may not sum to 100 because of rounding.',
].join('\n');

test("a release's masthead and headline stand above the story, and the note on how its survey was run closes it", () => {
  const main = mainText(collectPlainText('release.txt', release)[0]!);
  assert.match(main, /^Support for a second ferry line/);
  assert.match(main, /The queues at the pier decided it\."$/);
});

test('a first line with a wide gap in it opens the story when no headline stands under it', () => {
  const text = ['Support for a second ferry line has risen to 54%,          officials said on Monday.', '', 'The council meets next week and will vote on a budget of 3 million euros for the line.'].join('\n');
  assert.match(mainText(collectPlainText('story.txt', text)[0]!), /^Support for a second ferry line/);
});
