import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectPlainText } from '../text/from-plain-text.js';
import { mainText } from '../../domain/document.js';

/** A bulletin wrapped near 70 characters, under a letterhead whose third line sets two fields side by side. */
const BULLETIN = [
  'NATIONAL BOARD OF FISHERIES AND COASTAL WATERS, REPUBLIC OF NORTHLAND',
  'Office of Catch Statistics',
  'Bulletin No. 2026-07                          Issued: 4 March 2026, 10:00',
  'Contact: Catch Statistics Unit, landings desk, tel. +00 12 3456 7890',
  'Series: Quarterly landings by species and port (public edition)',
  '',
  'LANDINGS OF COD AND HERRING, FOURTH QUARTER 2025',
  '',
  '1. Overview',
  '',
  'In the fourth quarter of 2025 the fleet landed 41,200 tonnes of fish,',
  'the largest quarterly catch since the spring of 2019. Over the whole',
  'year landings rose 6.3 per cent on 2024, mostly because of herring.',
  '',
  'Landings of cod fell for the third quarter running, to 3,900 tonnes,',
  'as the new quotas took effect in the northern grounds in October.',
  '',
  'Herring landings at the two southern ports reached 22,100 tonnes, up',
  'from 18,700 tonnes a year before, the highest figure on record there.',
].join('\n');

test("a letterhead whose line of fields is set side by side in columns is furniture, however its lines join: the story starts under it", () => {
  const [doc] = collectPlainText('bulletin.txt', BULLETIN);
  assert.match(mainText(doc!), /^In the fourth quarter of 2025 the fleet landed/);
  assert.match(mainText(doc!), /highest figure on record there\.$/);
});

test("a masthead line of fields set in columns is not taken for the headline under it", () => {
  const [doc] = collectPlainText('wire.txt', [
    'HARBOUR WIRE SERVICE - EUROPE                           04-Mar-2026 09:12:44 GMT',
    'HWS0311  2 FSH  kQ7pLm2Zx  (FISHERIES-QUOTAS UPDATE 1)',
    '',
    'UPDATE 1-Cod landings fall for third quarter as new quotas bite',
    '',
    ...BULLETIN.split('\n').slice(10),
  ].join('\n'));
  assert.equal(doc!.title, 'UPDATE 1-Cod landings fall for third quarter as new quotas bite');
});
