import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectPlainText } from '../text/from-plain-text.js';
import { mainText } from '../../domain/document.js';

const ruling = [
  'DECISION OF THE APPEALS BOARD (Second Section)',
  '4 March 2024',
  '(Common fisheries policy – Conservation of fishery resources – Allocation of quotas among the vessels registered in the northern zone – Refusal to renew a licence – Obligation to state reasons – Error of assessment – Principle of proportionality – Equal treatment of the holders of licences – Legitimate expectations – Right to be heard before the decision)',
  'In Appeal A-17/23,',
  'Northsound Trawling AS, established in Tromsø (Norway), represented by K. Holm, advocate,',
  'appellant,',
  'v',
  'Directorate of Fisheries, represented by P. Lind, acting as Agent,',
  'respondent,',
  'THE APPEALS BOARD,',
  'composed of M. Ek, Chair, T. Berg and A. Sund (Rapporteur), Members,',
  'gives the following',
  'Decision',
  '1 The appellant seeks the annulment of the refusal of 9 May 2023 to renew its licence.',
  '2 The appellant held a licence for 3 vessels from 2015 to 2023.',
  'Law',
  '3 The Directorate found 11 breaches of the reporting rules in 2022.',
  '4 The appeal must therefore be dismissed.',
  'On those grounds, THE APPEALS BOARD hereby:',
  '1. Dismisses the appeal;',
  '2. Orders Northsound Trawling AS to pay the costs.',
  'Ek          Berg          Sund',
  'Delivered in Bergen on 4 March 2024.',
  '[Signatures]',
].join('\n\n');

test("a ruling whose paragraphs are numbered 1, 2, 3 opens at paragraph 1, under its caption of parties and members", () => {
  assert.match(mainText(collectPlainText('ruling.txt', ruling)[0]!), /^1 The appellant seeks/);
});

test("a row of signatories' names set in columns closes the ruling", () => {
  assert.match(mainText(collectPlainText('ruling.txt', ruling)[0]!), /Orders Northsound Trawling AS to pay the costs\.$/);
});

test("a sentence above paragraph 1 keeps the start above it, and rows of columns under a table's rows close nothing", () => {
  const report = [
    'Harbour works behind schedule',
    'The port authority published its annual review on Monday. It covers three projects.',
    '1 The north quay is two years late.',
    '2 The dredging ran 40 percent over budget.',
    '3 The ferry terminal opened in May.',
    'Quay          Berths          Cranes',
    'North          4          2',
    'Kell          Moss          Dunn',
    'The authority expects all three to be finished by 2026.',
  ].join('\n\n');
  const main = mainText(collectPlainText('review.txt', report)[0]!);
  assert.match(main, /^The port authority published/);
  assert.match(main, /finished by 2026\.$/, 'a row of names under a table\'s rows is one of its rows');
});

test("a transcript's language field above its participants list is header, and the body opens at the first turn", () => {
  const call = [
    'Harbourline Freight Ltd',
    'Second-Quarter 2024 Results Call — Transcript',
    'Date: 2024.08.07',
    'Language: Danish with simultaneous English interpretation. The English channel is given here.',
    'Participants',
    '  Mette Lund — Chief Executive Officer',
    '  Ravi Shah — Northgate Bank',
    'OPERATOR: Good morning and welcome to the call. I hand over to Ms. Lund.',
    'METTE LUND: Thank you. Volumes rose 6 percent in the quarter.',
    'RAVI SHAH: Thanks. How many ships are idle?',
    'METTE LUND: Two, both in Aarhus.',
  ].join('\n');
  assert.match(mainText(collectPlainText('call.txt', call)[0]!), /^OPERATOR: Good morning/);
});
