import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectPlainText } from '../text/from-plain-text.js';
import { isProse } from './cues.js';
import { mainText } from '../../domain/document.js';

test('a post\'s opening paragraph whose last sentence an emoji closes is the post\'s first paragraph', () => {
  const [doc] = collectPlainText('post.txt', [
    '🌊 RIVER NOTES IN TRANSLATION',
    'Volunteer translation of a post by the channel "Delta Diaries"',
    'Original: 05.03.2027, 08:10 CET | Translated by Mara_K',
    '————————————',
    'Friends, I promised you a proper update from the dykes and here it is. Long read, make yourselves a coffee ☕️',
    '1️⃣ THE DYKES. Two have gone already and the third is leaking at the foot. The engineers say it will hold for about two more days if the rain stops.',
    '2️⃣ PEOPLE. About 600 of our neighbours have left the harbour streets, and the schools on the hill are full.',
  ].join('\n\n'));
  assert.match(mainText(doc!), /^Friends, I promised you/);
});

test('a heading set off by an emoji is no prose', () => {
  assert.equal(isProse('Flood update from the harbour 🌊'), false);
});
