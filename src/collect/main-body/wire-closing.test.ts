import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectPlainText } from '../text/from-plain-text.js';
import { mainText } from '../../domain/document.js';

test('a wire story: the agency its dateline names marks its closing lines, the staff credit above them goes too', () => {
  const text = [
    'Europe | Energy',
    'Baltic grid operators add 300 MW of storage ahead of winter',
    'By Mira Solberg',
    'RIGA, Nov 3 (Northlight) - Grid operators in the three Baltic states have added about 300 megawatts of battery storage since the summer, two officials said on Monday, as they prepare for a first winter off the Russian grid.',
    'The batteries can cover the loss of the largest power plant for up to 90 minutes, one of the officials said.',
    'Reporting by Mira Solberg in Riga; Editing by Tom Hale',
    'Our Standards: The Northlight Trust Principles.',
    'Read Next',
    '  Europe: Finland orders two more icebreakers, 3 hours ago',
  ].join('\n\n');
  const [doc] = collectPlainText('wire.txt', text);
  assert.match(mainText(doc!), /^RIGA, Nov 3 \(Northlight\)/);
  assert.match(mainText(doc!), /one of the officials said\.$/);
});

test('the agency\'s name in the story\'s last paragraph, reporting, keeps that paragraph', () => {
  const text = [
    'RIGA, Nov 3 (Northlight) - Grid operators in the three Baltic states have added about 300 megawatts of battery storage since the summer, two officials said on Monday.',
    'Northlight could not independently verify the figure.',
  ].join('\n\n');
  const [doc] = collectPlainText('wire.txt', text);
  assert.match(mainText(doc!), /could not independently verify the figure\.$/);
});

test('a wire story\'s end mark run on after its last sentence is not the story\'s', () => {
  const text = [
    'Baltic grid operators add 300 MW of storage',
    'RIGA, Nov 3 (Northlight) - Grid operators in the three Baltic states have added about 300 megawatts of battery storage since the summer, two officials said on Monday.',
    'The batteries can cover the loss of the largest power plant for up to 90 minutes, one of the officials said. (END)',
    'Copyright (c) Northlight. All rights reserved.',
  ].join('\n\n');
  const [doc] = collectPlainText('wire.txt', text);
  assert.match(mainText(doc!), /one of the officials said\.$/);
});
