import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectPlainText } from '../text/from-plain-text.js';
import { mainText } from '../../domain/document.js';

test('a register of units: the first unit\'s headings belong to the story when later units open the same way', () => {
  const text = [
    'Harbour Board > Recorded petitions',
    'Petitions and replies',
    'Fishing quotas: northern waters',
    'Petition to the Fisheries Committee',
    'Ref 3301, lodged on 4 March 2024',
    'Lodged by: Morwenna Tally (Coastal Alliance - Port Hallow)',
    'The petitioners ask the Board to publish the catch limits set for the northern grounds this season and last.',
    'The Board replies that the limits were set at 4,000 tonnes and will be published on its site within a month.',
    'Harbour dues: small vessels',
    'Petition to the Finance Committee',
    'Ref 3307, lodged on 9 March 2024',
    'Lodged by: Ewan Brisk (Independent - Saltmere)',
    'The petitioners ask whether dues for boats under ten metres will rise next year, as the trade press reports.',
    'The Board replies that no rise is planned before the review due in the autumn.',
  ].join('\n\n');
  const [doc] = collectPlainText('petitions.txt', text);
  assert.match(mainText(doc!), /^Fishing quotas: northern waters\n/);
  assert.match(mainText(doc!), /review due in the autumn\.$/);
});

test('a paper: its licence line is masthead, its keywords stay inside, its reference list is end matter', () => {
  const text = [
    'QUARTERLY REVIEW OF RIVER STUDIES',
    'https://doi.org/10.0000/qrrs.2024.0102',
    'Silt and Settlement: Dredging Records of the Lower Vell, 1950–1990',
    'Marta Quill(a) and Otto Brenn(b)',
    '© 2024 The Author(s). Published by Vell Academic. This article is distributed under the terms of the Creative Commons Attribution License.',
    'ABSTRACT',
    'Dredging logs of the lower Vell record how much silt was lifted each season over four decades. We compare them with parish records of flooding.',
    'KEYWORDS',
    'dredging; silt; flood records; archives',
    '1. Introduction',
    'The harbour authority kept its dredging logs by hand until 1990, and most of them survive in the county archive (Penrose 2011).',
    'Our count finds that 212 seasons were logged in full, while the rest lack one or more months.',
    'References',
    'Penrose, A. (2011) Harbours of the Vell. Exeter: Lowland Press, pp. 12–40.',
  ].join('\n\n');
  const [doc] = collectPlainText('paper.txt', text);
  assert.match(mainText(doc!), /^Dredging logs of the lower Vell/);
  assert.match(mainText(doc!), /\nKEYWORDS\n/);
  assert.match(mainText(doc!), /one or more months\.$/);
});

test('a bulletin: its production note is masthead, its key points above the first section are the story\'s', () => {
  const text = [
    'MOLDOVA',
    'Northern Floods: Flash Update No. 3',
    'As of 2 June 2025',
    'This update is prepared by the relief office with its partners. It covers 26 May to 1 June. The next update is due on 9 June.',
    'KEY POINTS',
    '• Rivers in the north rose above warning levels on four days of the week.',
    '• About 1,200 people left their homes in low-lying villages.',
    'OVERVIEW',
    'Rain fell on the northern districts for most of the week, and two bridges were closed after the river undercut their supports.',
    'Partners distributed water kits to the families who stayed behind, and the school in the district centre is now a shelter.',
  ].join('\n');
  const [doc] = collectPlainText('update.txt', text);
  assert.match(mainText(doc!), /^KEY POINTS\n/);
  assert.match(mainText(doc!), /is now a shelter\.$/);
});

test('an encyclopedia page: "[edit]" after a heading does not hide that it opens the end matter, and the last reference marks are cut', () => {
  const text = [
    'The river ferry at Vennholm carried about 40,000 passengers a year before the bridge opened in 1998, when traffic fell to a few hundred crossings.[2]',
    'History[edit]',
    'The first licence was granted to a family of boatmen, who ran two flat-bottomed boats across the narrows until the service passed to the county.[3][citation needed]',
    'See also[edit]',
    'Ferries of the northern lakes',
    'References[ edit ]',
    '^ "Ferry traffic down by half". Lake Courier. 3 May 1999.',
  ].join('\n\n');
  const [doc] = collectPlainText('ferry.txt', text);
  assert.match(mainText(doc!), /^The river ferry/);
  assert.match(mainText(doc!), /passed to the county\.$/);
});

test('a hearing transcript: the record line of the meeting is procedure above the first speaker', () => {
  const text = [
    'The subcommittee met, pursuant to notice, at 2:00 p.m., in room 401, Hon. Clara Vint (chairwoman of the subcommittee) presiding.',
    'OPENING STATEMENT OF HON. CLARA VINT',
    'Chairwoman VINT. The subcommittee will come to order. Today we look at how the port authority spent its dredging budget over the last five years.',
  ].join('\n\n');
  const [doc] = collectPlainText('hearing.txt', text);
  assert.match(mainText(doc!), /^Chairwoman VINT\. The subcommittee/);
});

test('an excerpt of a report opens at its part heading over its first lettered section', () => {
  const [doc] = collectPlainText('excerpt.txt', [
    'RIVER BASIN COMMISSION',
    'Report RBC/2027/1 – Flood defences of the lower basin',
    '[Excerpt: Part II, paragraphs 8 to 11]',
    'II. State of the dykes',
    'A. Northern bank',
    '8. The Commission found that 14 of the 40 dykes on the northern bank had not been inspected since 2019, and that two of them had settled by more than 30 centimetres.',
    '9. The district offices told the Commission that inspections had stopped for want of engineers.',
    'B. Southern bank',
    '10. On the southern bank all 25 dykes were inspected in 2026; the Commission found no settlement above 5 centimetres.',
  ].join('\n\n'));
  assert.match(doc!.text.slice(doc!.main.start, doc!.main.end), /^II\. State of the dykes\n\nA\. Northern bank/);
});

test('a story that opens with a list item opens at the item\'s first word, not its bullet', () => {
  const [doc] = collectPlainText('bullets.txt', [
    'BASIN AUTHORITY',
    'Weekly flood note',
    'Release date:     Friday 6 March 2027, 12:00 CET\nCoverage:         Gauges and dykes of the lower basin',
    '-'.repeat(60),
    'MAIN POINTS',
    '*  About 600 residents left the streets near the old harbour after a second dyke gave way on 4 March.\n*  Gauge 4 read 6.2 metres at noon on Tuesday, the highest reading since the flood of 2019.',
    'GAUGES',
    'The river stayed above the warning mark at four gauges for the whole week. The authority expects it to fall slowly as the rain moves east.',
  ].join('\n\n'));
  assert.match(doc!.text.slice(doc!.main.start, doc!.main.end), /^About 600 residents/);
});

test('a report\'s opening section heading ("Scope Note") heads the story when later sections follow', () => {
  const [doc] = collectPlainText('assessment.txt', [
    'BASIN AUTHORITY',
    'Public Assessment 2027-02 | 6 March 2027',
    'Floods in the Lower Basin: Damage and Outlook',
    'Scope Note',
    'This assessment covers the dykes and gauges of the lower basin between 1 and 5 March 2027 and draws on the reports of four district offices.',
    'Damage',
    'Two dykes gave way on 4 March and about 600 residents left the streets near the old harbour.',
  ].join('\n\n'));
  assert.match(mainText(doc!), /^Scope Note\n\nThis assessment covers/);
});

test('a summary box\'s label above the first paragraph stays the page\'s', () => {
  const [doc] = collectPlainText('summary.txt', [
    'BASIN AUTHORITY',
    'Public Assessment 2027-02 | 6 March 2027',
    'Floods in the Lower Basin: Damage and Outlook',
    'Executive Summary',
    'Two dykes gave way on 4 March and about 600 residents left the streets near the old harbour, the district offices reported.',
    'Damage',
    'Gauge 4 read 6.2 metres at noon on 4 March, the highest reading since the flood of 2019.',
  ].join('\n\n'));
  assert.match(mainText(doc!), /^Two dykes gave way/);
});
