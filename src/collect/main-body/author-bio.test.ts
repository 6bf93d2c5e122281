import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectPlainText } from '../text/from-plain-text.js';
import { mainText } from '../../domain/document.js';

const commentary = (closing: string[]): string => [
  'OPINION',
  'Why the grain corridor will not last the winter',
  'By Ilse Maarten-Obi',
  'March 3, 2026',
  'The corridor carried 4.1 million tonnes of wheat in its first six months, more than its sponsors had promised. That success hides how fragile the arrangement is, and how little it would take to close it.',
  'Insurers have already raised their premiums twice this year. Another strike on a loading terminal would push them past what most traders will pay.',
  ...closing,
].join('\n\n');

test('a commentary: the author note and the disclaimer under it are not the piece', () => {
  const [doc] = collectPlainText('op-ed.txt', commentary([
    'Ilse Maarten-Obi is a visiting scholar at the Lindqvist Centre for Maritime Trade. She spent 11 years as a freight analyst in Rotterdam.',
    'The opinions expressed here are solely those of the author and not of the Lindqvist Centre.',
    'More From Ilse Maarten-Obi',
  ]));
  assert.match(mainText(doc!), /what most traders will pay\.$/);
});

test('a story that closes on a person it reports on keeps that paragraph', () => {
  const [doc] = collectPlainText('op-ed.txt', commentary([
    'Tomas Reyk is a broker in Odesa who has watched three corridors open and close. He expects this one to go the same way.',
  ]));
  assert.match(mainText(doc!), /expects this one to go the same way\.$/);
});

test('the author named in the last paragraph as a party to the story is not a note about the author', () => {
  const [doc] = collectPlainText('op-ed.txt', commentary([
    'Ilse Maarten-Obi argued the opposite case in these pages last spring, and the winter proved her wrong.',
  ]));
  assert.match(mainText(doc!), /proved her wrong\.$/);
});

test("a paper's edition: standfirst over a byline with places, reading time, signature and translation note", () => {
  const [doc] = collectPlainText('edition.txt', [
    'La Gazette du Nord — English edition',
    'Grain ships wait off Constanta as the Danube freezes',
    'Port officials say the queue has doubled in ten days. Traders fear the season is already lost.',
    'By Lucie Barral (Constanta, special correspondent) and Henri Vasseur (Paris)',
    'Published on 3 February 2026 at 07h15',
    'Reading time: 5 min. Translated from the French by the English edition.',
    'CONSTANTA — Forty-two bulk carriers were anchored off the port on Monday, twice the number counted ten days earlier. The ice on the lower Danube has stopped the barges that feed them.',
    '"We have not seen a winter like this since 2012," said the harbour master, who asked that his name not be used.',
    'Lucie Barral (Constanta, special correspondent) and Henri Vasseur (Paris)',
    'This article is a translation of an original published in French. Read it in French.',
  ].join('\n\n'));
  assert.match(mainText(doc!), /^CONSTANTA — Forty-two/);
  assert.match(mainText(doc!), /asked that his name not be used\.$/);
});

test("a note on the author under a byline of bars is the page's, and the piece starts at its first paragraph", () => {
  const text = [
    'The Lantern — essays from the Coastal Policy Forum',
    'Why harbour dues keep rising',
    'Prof Ines Calloway | 4 March 2025 | 7 minute read',
    'Ines Calloway is a research fellow at the Coastal Policy Forum, based in Hobart.',
    'Harbour dues at the five largest ports rose by 14 per cent last year, twice as fast as freight volumes. Port operators blame dredging costs, which have doubled since 2019, and the price of steel for new berths.',
    'Shipping lines say the increases will be passed on to importers within the year.',
  ].join('\n\n');
  const [doc] = collectPlainText('essay.txt', text);
  assert.match(mainText(doc!), /^Harbour dues at the five largest ports/);
});

test('a story whose lead names the person in its headline and dateline line starts at that lead', () => {
  const text = [
    'Mayor Ruth Okonjo quits after budget row',
    'Ruth Okonjo | 4 March 2025',
    'Ruth Okonjo resigned as mayor of Tarrow on Monday after the council rejected her budget by 9 votes to 4.',
    'She had held the post since 2021.',
  ].join('\n\n');
  const [doc] = collectPlainText('story.txt', text);
  assert.match(mainText(doc!), /^Ruth Okonjo resigned as mayor/);
});
