import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectPlainText } from '../text/from-plain-text.js';
import { mainText } from '../../domain/document.js';
import { findSignatureIssuer } from './press-signature.js';

const statement = [
  'BALTIC WIRE — Official releases',
  'Ministry of Energy reports on winter reserves',
  'The Ministry of Energy of Latvia informs about the state of the gas reserves at the start of the heating season.',
  'As of 1 November the underground storage at Incukalns held about 1 900 million cubic metres of gas, which is on 12% more than a year ago.',
  'The ministry continues to monitor the consumption together with the system operator.',
];
const LAST = /together with the system operator\.$/;
const mainOf = (lines: string[]): string => mainText(collectPlainText('release.txt', lines.join('\n\n'))[0]!);

test('a statement signed by its issuer\'s press service ends above the signature, and the site\'s note under it is not the statement', () => {
  const body = mainOf([
    ...statement,
    'Press service of the Ministry of Energy of Latvia',
    '---',
    'Note from Baltic Wire: This is an automatic translation of the release; we only fixed the headline. The figures could not be checked independently, and 2 of our 5 editors were on leave this week. Comments are closed.',
    'Share: X | Facebook    Views: 1 208',
  ]);
  assert.match(body, LAST);
  assert.doesNotMatch(body, /Press service|Note from/);
});

test('a note headed by the site\'s name closes a relayed statement without a signature too', () => {
  assert.match(mainOf([...statement, 'Note from the Editors: the release was shortened for length.']), LAST);
});

test('a signature line names its issuer in either order; sentences and possessives are no signature', () => {
  assert.equal(findSignatureIssuer('Press service of the General Staff of the Armed Forces of Ukraine'), 'General Staff of the Armed Forces of Ukraine');
  assert.equal(findSignatureIssuer('Ministry of Foreign Affairs press office'), 'Ministry of Foreign Affairs');
  assert.equal(findSignatureIssuer('The press office of the ministry said 40 people were hurt.'), undefined);
  assert.equal(findSignatureIssuer('Contact the press office'), undefined);
  assert.equal(findSignatureIssuer("The Ministry's press service"), undefined);
});
