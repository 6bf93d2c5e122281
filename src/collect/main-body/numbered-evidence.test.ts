import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectPlainText } from '../text/from-plain-text.js';
import { mainText } from '../../domain/document.js';

const submission = (label: string): string =>
  [
    'Written evidence submitted by Professor Ann Vale, Harbourside University (FLD0007)',
    'Environment Committee',
    'Inquiry: River flooding and the lower valley',
    'Summary',
    '•\tThe lower valley has flooded four times in ten years, and each flood has cost growers more than the last.',
    '•\tThe Government should fund a permanent gauge network and publish its readings every day.',
    label,
    '1.\tI am Professor of Hydrology at Harbourside University, where I have studied the lower valley\'s rivers since 2009. I write in a personal capacity.',
    'How often the valley floods',
    '2.\tThe river broke its banks in 2016, 2019, 2022 and 2025. Each time the water stood longer on the fields, about nine days on average in the last flood.',
    '3.\tThe district offices counted some 600 households evacuated in the last flood, twice as many as in 2016.',
    '4.\tI would be glad to give oral evidence if that would help the Committee.',
    'March 2026',
  ].join('\n\n');

test('"About the author" heading paragraph 1 of numbered evidence is a section of it: the summary above opens the body', () => {
  const [doc] = collectPlainText('evidence.txt', submission('About the author'));
  const main = mainText(doc!);
  assert.match(main, /The lower valley has flooded four times/);
  assert.match(main, /About the author\n\n1\.\tI am Professor of Hydrology/);
  assert.match(main, /if that would help the Committee\.$/);
});

test('an "About the author" box over unnumbered prose still closes the story', () => {
  const [doc] = collectPlainText('story.txt', [
    'Valley floods for the fourth time in ten years',
    'The river broke its banks again on Sunday, and the district offices counted some 600 households evacuated, twice as many as in 2016.',
    'Growers say the water stood on their fields for nine days, longer than in any flood they remember, and ask for a permanent gauge network.',
    'About the author',
    'Ann Vale is Professor of Hydrology at Harbourside University.',
  ].join('\n\n'));
  assert.match(mainText(doc!), /ask for a permanent gauge network\.$/);
});
