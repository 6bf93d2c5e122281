import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectPlainText } from '../text/from-plain-text.js';
import { collectHtml } from '../html/collect-html.js';
import { mainText } from '../../domain/document.js';

/** A made-up story about an island ferry, in paragraphs long enough to be a page's story. */
const STORY = [
  'The ferry company that runs the crossing between Holm and the mainland said on Monday it would take its oldest boat out of service for good after an inspection found corrosion in the hull plates below the car deck.',
  "The boat, launched in 1984, carried about 310,000 passengers last year, almost half of the line's traffic, and its withdrawal leaves two smaller vessels to keep the timetable until a chartered replacement arrives in June.",
  "The company's operations director said crossings would run every ninety minutes instead of every hour, and that lorries would be asked to book ahead. Islanders who commute to the mainland hospital will keep priority boarding.",
  'Local councillors said the news confirmed warnings they had made for a decade. One of them said the regional transport board had twice put off the order for a new boat because of its cost, now estimated at 38 million euros.',
  'The transport board said in a statement that it would meet next week to decide whether to bring the order forward, and that it had asked the shipyard that bid last time to confirm its price.',
];
const FIRST = /^The ferry company that runs the crossing/;
const LAST = /confirm its price\.$/;

/** The same story told as a column of short items, none a paragraph's length. */
const ITEMS = [
  'The ferry company said on Monday it would take its oldest boat out of service for good after inspectors found corrosion below the car deck.',
  "The boat, launched in 1984, carried about 310,000 passengers last year, almost half of the line's traffic on the crossing.",
  'Two smaller vessels will keep the timetable until a chartered replacement arrives in June, sailing every ninety minutes.',
  'Lorries will be asked to book ahead, and islanders who commute to the mainland hospital will keep priority boarding.',
  'Councillors said the regional transport board had twice put off ordering a new boat, now estimated to cost 38 million euros.',
  'The board said it would meet next week to decide whether to bring the order forward.',
];

/** A standfirst of more than 200 characters: the finder's retry for a one-line teaser does not reach it. */
const STANDFIRST =
  'The oldest boat on the island crossing will not sail again, the operator says, after inspectors found corrosion below its car deck, and two smaller vessels will keep a thinner timetable until a chartered boat arrives.';

const text = (...parts: string[]): string => parts.join('\n\n');

test('a column of items over a closing contact note: the items are the story, the note stays end matter', () => {
  const [doc] = collectPlainText('column.txt', text('Holm ferry withdrawn after hull inspection', ITEMS.map((i) => `- ${i}`).join('\n'), 'Contact', 'Questions about the timetable can be sent to the harbour office.'));
  assert.match(mainText(doc!), /^The ferry company said on Monday/);
  assert.match(mainText(doc!), /bring the order forward\.$/);
});

test('in a page, a list of items over a contact label and note: the list is the story', () => {
  const html = `<html><body><article><h1>Holm ferry withdrawn after hull inspection</h1><ul>${ITEMS.map((i) => `<li>${i}</li>`).join('')}</ul>
<p>Media enquiries</p><p>Questions about the timetable can be sent to the harbour office on weekdays.</p></article></body></html>`;
  const [doc] = collectHtml('column.html', html);
  assert.match(mainText(doc!), /^The ferry company said on Monday/);
  assert.match(mainText(doc!), /bring the order forward\.$/);
});

test('a long standfirst over a share button and a photo caption does not stand for the story under them', () => {
  const [doc] = collectPlainText('share.txt', text('Holm ferry withdrawn after hull inspection', STANDFIRST, 'Share', 'The Holm ferry at its berth on the mainland side (Harbour Office)', ...STORY));
  assert.match(mainText(doc!), FIRST);
  assert.match(mainText(doc!), LAST);
});

test("an editor's note between the standfirst and the story is the header's, not the story's end", () => {
  const [doc] = collectPlainText('note.txt', text('Holm ferry withdrawn after hull inspection', STANDFIRST, "Editor's note: This story is part of our series on island transport.", ...STORY));
  assert.match(mainText(doc!), FIRST);
  assert.match(mainText(doc!), LAST);
});

test('in a page, a correction set above the story does not end it at the standfirst', () => {
  const html = `<html><body><article><h1>Holm ferry withdrawn after hull inspection</h1><p>${STANDFIRST}</p>
<p>Correction: An earlier version of this story gave the wrong year for the boat's launch.</p>
${STORY.map((p) => `<p>${p}</p>`).join('\n')}</article></body></html>`;
  const [doc] = collectHtml('correction.html', html);
  assert.match(mainText(doc!), FIRST);
  assert.match(mainText(doc!), LAST);
});

test('a "Written by" byline over the date, under the standfirst, opens the story rather than ending it', () => {
  const [doc] = collectPlainText('byline.txt', text('Holm ferry withdrawn after hull inspection', STANDFIRST, 'Written by Ann Vale', '4 May 2026', ...STORY));
  assert.match(mainText(doc!), FIRST);
  assert.match(mainText(doc!), LAST);
});

/** A short news brief of just over 200 characters. */
const BRIEF =
  'The Holm ferry will not sail on Tuesday because of a forecast gale, the operator said on Monday evening. Crossings are expected to resume on Wednesday morning, and tickets will be honoured on later boats.';
/** A reader's comment in several paragraphs, far longer than the brief. */
const LONG_COMMENT = [
  'I have taken this boat twice a week for eleven years and I have never seen the timetable this thin, even in the worst winters we had when the old pier was closed.',
  'The company keeps blaming the weather, but the real problem is that the boat is forty years old and the board has known that for a decade without ordering a new one.',
  'If the crossing is cancelled again on Wednesday my mother will miss her hospital appointment for the second time this month, and nobody at the office answers the phone.',
  'Anyone who thinks a chartered boat will fix this should look at the northern route, where the charter cost twice the estimate and broke down in its first month.',
  'We were promised a new boat at every election since I moved here, and every time the order was put off until after the next one.',
  'The least the company could do is put the cancellations on its website before people drive to the pier at six in the morning.',
];

test('a short brief keeps its body over a long comments section under its label', () => {
  const [doc] = collectPlainText('brief-comments.txt', text('Gale stops Holm ferry on Tuesday', BRIEF, 'Comments (23)', 'Ann Vale', ...LONG_COMMENT, 'Peder Holm', 'Stay safe, everyone.'));
  assert.equal(mainText(doc!), BRIEF);
});

test('in a page, a short brief keeps its body over the comments the markup names, one long comment among them', () => {
  const others = LONG_COMMENT.map((p, i) => `<div class="comment"><p>Reader ${i + 2}</p><p>${p}</p></div>`).join('');
  const html = `<html><body><article><h1>Gale stops Holm ferry on Tuesday</h1><p>${BRIEF}</p></article>
<section><h2>Comments</h2><div class="comment"><p>Ann Vale</p>${LONG_COMMENT.map((p) => `<p>${p}</p>`).join('')}</div>${others}</section></body></html>`;
  const [doc] = collectHtml('brief-comments.html', html);
  assert.equal(mainText(doc!), BRIEF);
});

test('a short brief keeps its body over a share button and comments stamped with their age', () => {
  const [doc] = collectPlainText('brief-share.txt', text('Gale stops Holm ferry on Tuesday', BRIEF, 'Share', 'Ann Vale · 2 hours ago', ...LONG_COMMENT, 'Peder Holm · 3 hours ago', 'Stay safe, everyone.'));
  assert.equal(mainText(doc!), BRIEF);
});

test('a short release keeps its body over long notes to editors after its end mark', () => {
  const [doc] = collectPlainText('release.txt', text('Holm ferry timetable for the gale', BRIEF, 'ENDS', 'Notes to editors', ...LONG_COMMENT));
  assert.equal(mainText(doc!), BRIEF);
});

test('a short post keeps its body over the author box under it (a "Written by" label with no date)', () => {
  const [doc] = collectPlainText('post.txt', text('Gale stops Holm ferry on Tuesday', BRIEF, 'Written by Ann Vale', ...LONG_COMMENT));
  assert.equal(mainText(doc!), BRIEF);
});

test('a short brief keeps its body over a "Most read" list of sentences', () => {
  const [doc] = collectPlainText('most-read.txt', text('Gale stops Holm ferry on Tuesday', BRIEF, 'Most read', LONG_COMMENT.map((c) => `- ${c}`).join('\n')));
  assert.equal(mainText(doc!), BRIEF);
});
