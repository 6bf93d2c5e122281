import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectPlainText } from '../text/from-plain-text.js';

const mainOf = (d: { text: string; main: { start: number; end: number } }): string => d.text.slice(d.main.start, d.main.end);

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
  assert.match(mainOf(doc!), /what most traders will pay\.$/);
});

test('a story that closes on a person it reports on keeps that paragraph', () => {
  const [doc] = collectPlainText('op-ed.txt', commentary([
    'Tomas Reyk is a broker in Odesa who has watched three corridors open and close. He expects this one to go the same way.',
  ]));
  assert.match(mainOf(doc!), /expects this one to go the same way\.$/);
});

test('the author named in the last paragraph as a party to the story is not a note about the author', () => {
  const [doc] = collectPlainText('op-ed.txt', commentary([
    'Ilse Maarten-Obi argued the opposite case in these pages last spring, and the winter proved her wrong.',
  ]));
  assert.match(mainOf(doc!), /proved her wrong\.$/);
});
