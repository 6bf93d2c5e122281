import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectPlainText } from '../text/from-plain-text.js';
import { mainText } from '../../domain/document.js';

const page = (opening: string): string =>
  [
    'The Valley Post',
    'Readers write',
    `${opening} The new toll on the river bridge costs a commuter some 900 a year, and the county has not said where the money goes.`,
    'Jon Ekdahl\nTreasurer, Riverside Tenants\' Union, Millbrook',
    'Letters should be no longer than 200 words. Send your letters to the editor at the address below.',
    '© The Valley Post',
  ].join('\n\n');

test('the signature block under the last letter (name, then title and town) stays in the letters', () => {
  for (const opening of ['Sir —', 'Dear Editor,', 'To the Editor:']) {
    const [doc] = collectPlainText('letters.txt', page(opening));
    assert.match(mainText(doc!), new RegExp(`^${opening}`));
    assert.match(mainText(doc!), /where the money goes\.\n\nJon Ekdahl\nTreasurer, Riverside Tenants' Union, Millbrook$/);
  }
});

test('without a salutation the lines under the last paragraph are trimmed as before', () => {
  const [doc] = collectPlainText('story.txt', page('Commuters are angry.'));
  assert.match(mainText(doc!), /where the money goes\.$/);
});
