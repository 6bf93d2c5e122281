import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectPlainText } from '../text/from-plain-text.js';
import { collectHtml } from '../html/collect-html.js';
import { mainText } from '../../domain/document.js';

// Pages whose body is a run of short items of one kind: captions, correction items, labelled form sections, a table
// over a budget page's notes.

test('a gallery: the captions are the story, from the first caption to the last, without counters, credits or teasers', () => {
  const slide = (n: number, caption: string, credit: string): string =>
    `<li><figure><img src="p${n}.jpg" alt="x"><figcaption><span class="counter">${n}/4</span><p class="caption">${caption}</p><p class="credit">Photograph: ${credit}</p></figcaption></figure></li>`;
  const html = `<body><article><header><h1>Harvest festival in the valley – in pictures</h1><p>Farmers bring in the grapes.</p></header>
    <ul>${slide(1, 'Pickers start at dawn on the steep slopes above the village, where the harvest began on Monday.', 'Ana Vidal/Valley Press')}
    ${slide(2, 'About 300 seasonal workers arrived this year, the cooperative said, fewer than last year.', 'Ana Vidal/Valley Press')}
    <li class="item--ad"><div class="ad-slot">Advertisement</div></li>
    ${slide(3, 'Crates are weighed at the press house before the grapes are crushed the same evening.', 'Tom Reis')}
    ${slide(4, 'A brass band leads the parade through the square as the festival ends on Sunday night.', 'Tom Reis')}</ul>
    <div class="end"><a href="/valley">More on the valley</a></div></article>
    <aside><h2>More galleries</h2><ul><li><a href="/g1">The week in 20 pictures</a></li></ul></aside></body>`;
  const [doc] = collectHtml('gallery.html', html);
  const main = mainText(doc!);
  assert.match(main, /^Pickers start at dawn/);
  assert.match(main, /festival ends on Sunday night\.$/);
  assert.match(main, /About 300 seasonal workers/);
  assert.ok(!main.includes('More galleries') && !main.includes('More on the valley'));
});

test('a story with a few captioned pictures keeps its captions out of the story', () => {
  const para = (s: string): string => `<p>${s} The cooperative said the weights would be checked against last year's register before any payment.</p>`;
  const fig = (s: string): string => `<figure><img src="a.jpg"><figcaption>${s}</figcaption></figure>`;
  const html = `<body><article>${fig('Pickers on the slopes at dawn, where the harvest began.')}${para('The harvest began on Monday on the steep slopes above the village.')}
    ${fig('Crates at the press house, where grapes are weighed.')}${para('About 300 seasonal workers arrived this year, fewer than last year.')}
    ${fig('The brass band in the square, at the end of the festival.')}${para('The festival ends on Sunday night with a parade.')}</article></body>`;
  const [doc] = collectHtml('story.html', html);
  assert.match(mainText(doc!), /^The harvest began on Monday/);
  assert.match(mainText(doc!), /before any payment\.$/);
});

const ITEMS = [
  '• A report on the ferry strike (Ports fall silent, 3 May, page 12) said 4,000 dock workers had walked out. The union said about 2,400 had, out of the roughly 6,000 it represents at the three ports, and the port authority gave a similar figure.',
  '• A map with a feature on the coastal railway (The line that time forgot, 28 April) placed the junction at Vennby on the wrong side of the river. The junction lies on the north bank, about 3km east of the town centre.',
  '• An article on the new bridge (Crossing opens at last, 25 April, page 8) gave its cost as 40m crowns. The council put it at 46m crowns when the bridge opened, after two years of delays caused by flooding in the valley.',
  '• An obituary of the harbour pilot Nils Berg (20 April, page 30) gave his age as 81. He was 84.',
];

test('a corrections column: its items of a paragraph\'s length are the story, the complaints contact under them is not', () => {
  const [doc] = collectPlainText('corrections.txt', [
    'The Coast Gazette | Opinion',
    'Corrections and clarifications',
    'Compiled by the readers\' editor',
    'Saturday 10 May 2025',
    'Share on Facebook  Share on X  Share via Email',
    ...ITEMS,
    'Editorial complaints and corrections can be sent to the readers\' editor by email: readers@gazette.example, or by post to the address below.',
    'Topics: Corrections',
  ].join('\n\n'));
  assert.match(mainText(doc!), /^A report on the ferry strike/);
  assert.match(mainText(doc!), /He was 84\.$/);
});

test('a notice of numbered sections of labelled fields is read from section 1 to its last sentence, without the registry sections after it', () => {
  const field = (label: string, value: string): string => `<dt>${label}</dt><dd>${value}</dd>`;
  const html = `<body><main><h1>Poland – Ferries – Supply of two ferries</h1><p>OJ S 12/2026</p>
    <section><h2>1. Buyer</h2><dl>${field('Official name:', 'Harbour Board')}${field('Legal type of the buyer:', 'Regional authority')}${field('Activity:', 'Transport')}</dl></section>
    <section><h2>2. Procedure</h2><dl>${field('Title:', 'Supply of two passenger ferries')}${field('Estimated value excluding VAT:', '90 000 000,00 PLN')}${field('Duration:', '24 Months')}${field('Type of procedure:', 'Open')}</dl></section>
    <section><h2>6. Additional information</h2><p>The ferries will replace two vessels built in 1979, which carried about 400 000 passengers last year between the island and the mainland port.</p></section>
    <section><h2>8. Organisations</h2><dl>${field('Official name:', 'Harbour Board')}${field('Postal address:', 'ul. Portowa 1')}${field('Telephone:', '+48 58 000 000')}</dl></section>
    <section><h2>11. Notice information</h2><dl>${field('Notice dispatch date:', '12/01/2026')}${field('Languages in which this notice is officially available:', 'Polish, English')}</dl></section></main></body>`;
  const [doc] = collectHtml('notice.html', html);
  assert.match(mainText(doc!), /^1\. Buyer/);
  assert.match(mainText(doc!), /and the mainland port\.$/);
});

test('a budget page copied from print: the table over its notes opens the story, a hard-wrapped last paragraph closes it', () => {
  const [doc] = collectPlainText('budget.txt', [
    '                         FERRY BOARD BUDGET 2027',
    'Line Item Code: 551',
    '',
    'Summary                              Prior Years     FY 2025     FY 2026     FY 2027',
    'Vessels Procured (Each)                        12           2           1           2',
    'Cost ($ in Millions)                      410.200      88.415      46.900      97.310',
    '',
    'Note: FY 2026 reflects the enacted budget, including a transfer of $4.100 million from',
    'the harbour fund approved in the spring.',
    '',
    'Justification: FY 2027 buys two ferries for the island route to replace vessels that will be retired in',
    'FY 2028, when their hull certificates lapse. The board expects the new ferries to cut fuel use by about',
    'a fifth against the old ones, provided the shore charging points are built on time at both harbours and',
    'stay in service.',
    '',
    'Ferry Board                          Page 1 of 2',
  ].join('\n'));
  assert.match(mainText(doc!), /^Summary {3,}Prior Years/);
  assert.match(mainText(doc!), /stay in service\.$/);
});
