import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectPlainText } from '../text/from-plain-text.js';
import { mainText } from '../../domain/document.js';

// A briefing copied from a PDF: a cover, a page note that reads as a sentence, a contents list, then the sections.
const cover = ['MERIDIAN FIELD', 'ANALYTICS', 'Baltic Ports', 'Quarterly Note', 'March 2031', 'For subscribers only. Do not forward.'];
const sections = [
  'Summary',
  'Container traffic through Klaipeda fell for a third quarter in a row.',
  'Rail links to the hinterland carried 12 percent less freight than a year earlier.',
  '1. Traffic and tariffs',
  'The port authority counted 410,000 containers in the quarter, against 455,000 a year before.',
  '2. Outlook',
  'We expect the decline to slow once the new terminal opens in the autumn.',
];

test('a contents list with dotted leaders is front matter: the story starts under its first section', () => {
  const contents = ['Contents', 'Summary .................................... 2', '1. Traffic and tariffs ..................... 3', '2. Outlook ................................. 4'];
  const [doc] = collectPlainText('note.txt', [...cover, ...contents, ...sections].join('\n'));
  assert.match(mainText(doc!), /^Container traffic through Klaipeda/);
});

test('an unlabelled list of entries with leaders and page numbers is a contents list too', () => {
  const contents = ['Summary . . . . . . . . . . . . 2', '1. Traffic and tariffs . . . . . . 3', '2. Outlook . . . . . . . . . . . 4'];
  const [doc] = collectPlainText('note.txt', [...cover, ...contents, ...sections].join('\n'));
  assert.match(mainText(doc!), /^Container traffic through Klaipeda/);
});

test('a list whose sections never come again as headings moves nothing', () => {
  const contents = ['Contents', 'Findings ..................... 2', 'Annex ........................ 9'];
  const [withList] = collectPlainText('note.txt', [...cover, ...contents, ...sections].join('\n'));
  assert.doesNotMatch(mainText(withList!), /^Container traffic/);
});

test("a contents list whose lines a hard-wrapped text joins into one paragraph, under a bracketed label and a filing's header rule", () => {
  const text = [
    'REGISTRY  Filing System  |  Company: Harbour Steel Ltd.   Filed: 2031.03.02',
    '',
    '--------------------------------------------------------------------------',
    '',
    'To: Securities Commission',
    'Date of submission: 2031.03.02',
    '',
    '[Table of contents]',
    'I. Company overview ..................................................... 3',
    'II. Business overview ................................................... 9',
    'III. Financial matters .................................................. 21',
    '(Only Section II is given below.)',
    '',
    'II. BUSINESS OVERVIEW',
    '',
    'The company rolls plate steel for shipyards at two mills on the south coast, and it sold most of its output to',
    'three domestic yards during the year under review, with the rest going to buyers in Southeast Asia.',
  ].join('\n');
  const [doc] = collectPlainText('filing.txt', text);
  assert.match(mainText(doc!), /^The company rolls plate steel/);
});

test("a part's own contents list, paged by part (\"IV-3\"), with an overview above its first section: the overview opens the story", () => {
  const text = [
    'ANNUAL REVIEW OF INLAND SHIPPING',
    'Ministry of Transport',
    '',
    'PART IV',
    'CANALS AND LOCKS',
    '',
    'Contents of this Part',
    '   A. Lock Closures ........................................ IV-2',
    '   B. Dredging and Maintenance of the Northern Network and Its Feeder Canals . IV-5',
    '   C. Traffic ............................................... IV-7',
    '',
    'This Part reviews the state of the canal network during the year, and the works the ministry carried out on it.',
    'Figures are the ministry\'s own unless a note says otherwise.',
    '',
    'A. LOCK CLOSURES',
    '',
    'Eleven locks were closed for repairs for more than a month, four more than in the year before.',
  ].join('\n');
  const [doc] = collectPlainText('review.txt', text);
  assert.match(mainText(doc!), /^This Part reviews the state/);
});
