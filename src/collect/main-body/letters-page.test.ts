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

test('a letters page runs from its first letter\'s salutation to the signature under its last: the rules, the intro and the lines under it are the page\'s', () => {
  const text = [
    'THE RIVERSIDE GAZETTE',
    'Letters',
    'Write to the Letters Editor, 3 Mill Lane, Millbrook. Letters must be under 250 words and may be edited.',
    'Many of you wrote about our report on the ferry service last week. Here is a selection.',
    '* * *',
    'Keep the night ferry',
    'Sir, The night ferry carried some 4,000 passengers in June alone, most of them shift workers at the port.',
    'Cutting it would force them onto a road that floods twice a year.',
    'Ruth Calder, Eastbank',
    '* * *',
    'A fare rise is fairer',
    'Sir, Raising the fare by 40 pence would cover the loss without cutting a single crossing.',
    'The Rev Alan Price, Millbrook',
    '* * *',
    'More letters appear on our website. Letters page compiled by Jo Hart.',
  ].join('\n\n');
  const main = mainText(collectPlainText('letters.txt', text)[0]!);
  assert.match(main, /^Sir, The night ferry/);
  assert.match(main, /without cutting a single crossing\.\n\nThe Rev Alan Price, Millbrook$/);
});

test('a letters page whose last signature sets the name over its title and town ends with the town\'s line', () => {
  const text = [
    'Readers\' letters',
    'Sir — The ferry carried some 4,000 passengers in June alone, most of them shift workers at the port.',
    'Ruth Calder\nEastbank',
    'Sir — Raising the fare by 40 pence would cover the loss without cutting a single crossing.',
    'Alan Price\nChair, Millbrook Ferry Users\' Group, Millbrook',
    'Letters should be no longer than 250 words and may be edited for length.',
  ].join('\n\n');
  const main = mainText(collectPlainText('letters.txt', text)[0]!);
  assert.match(main, /^Sir — The ferry carried/);
  assert.match(main, /Alan Price\nChair, Millbrook Ferry Users' Group, Millbrook$/);
});

test('a salutation is found only at a line\'s start, within the span, after a line break of its own', async () => {
  const { holdsLetterSalutation } = await import('./letters-page.js');
  const text = 'Our river editor writes:\nSir Tam Ross opened the bridge.\r\nSir, the new bridge is a marvel.\nYours, Ann';
  const at = text.indexOf('Sir,');
  assert.equal(holdsLetterSalutation(text, 0, text.length), true);
  // Before the salutation's line only a title "Sir" stands; a carriage return alone starts no line here.
  assert.equal(holdsLetterSalutation(text, 0, at), false);
  assert.equal(holdsLetterSalutation(text.replace('\r\nSir,', '\rSir,'), 0, text.length), false);
  assert.equal(holdsLetterSalutation(text, at + 1, text.length), false);
});
