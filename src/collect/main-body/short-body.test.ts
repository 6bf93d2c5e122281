import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectPlainText } from '../text/from-plain-text.js';
import { collectHtml } from '../html/collect-html.js';
import { mainText } from '../../domain/document.js';

/** Paragraphs of a made-up story about a town's water works, long enough to be the page's story. */
const STORY = [
  'The town council voted on Tuesday to replace the pumping station at the river weir, a project it now puts at 14 million euros, almost twice the figure given when the plan was first drawn up three years ago.',
  'Engineers told the council that the old pumps, installed in 1971, failed four times last winter and left about 2,300 homes on the east bank without water for up to two days each time.',
  'The new station will be built beside the old one, which will keep running until the switch-over, now planned for the spring of 2028. The council will borrow most of the money from the regional development bank.',
  'Opposition members said the cost had grown because the council waited too long, and asked for an audit of the earlier estimate. The mayor said she would welcome one but that the pumps could not wait for it.',
  'Residents on the east bank will be asked at a public meeting next month where the new intake pipe should run, since two of the three routes cross private gardens.',
];

test('a one-line teaser above a "Read more" line is not the story: the story is the long prose under it', () => {
  const [doc] = collectPlainText('teaser.txt', [
    'Weir pumping station to be replaced at twice the cost',
    'The council says the bill for new pumps at the weir has nearly doubled since the plan was drawn up, and the east bank will wait two more years.',
    'Read more',
    'Hannes Ribbeck',
    '9 March 2026',
    ...STORY,
  ].join('\n\n'));
  assert.match(mainText(doc!), /^The town council voted on Tuesday/);
  assert.match(mainText(doc!), /cross private gardens\.$/);
});

test('a one-line standfirst over a share bar is not the story: the story under the byline is', () => {
  const [doc] = collectPlainText('standfirst.txt', [
    'Weir pumping station to be replaced',
    'Old pumps failed four times last winter.',
    'Share',
    'Hannes Ribbeck, local affairs reporter',
    'Photo: the weir at low water',
    ...STORY,
  ].join('\n\n'));
  assert.match(mainText(doc!), /^The town council voted on Tuesday/);
  assert.match(mainText(doc!), /cross private gardens\.$/);
});

test('in a page, a teaser over a sign-up line and a header block does not stand for the article below', () => {
  const html = `<html><head><title>Weir pumps</title></head><body>
<h1>Weir pumping station to be replaced</h1>
<p>Costs have nearly doubled, the council admits.</p>
<p>Tags</p>
<p>Local affairs</p>
<p>9 March 2026</p>
<h2>The vote</h2>
${STORY.map((p) => `<p>${p}</p>`).join('\n')}
</body></html>`;
  const [doc] = collectHtml('page.html', html);
  assert.match(mainText(doc!), /^The town council voted on Tuesday/);
  assert.match(mainText(doc!), /cross private gardens\.$/);
});

test('a short news flash with nothing else keeps its body', () => {
  const flash = 'The river weir pumping station failed again this morning and about 2,300 homes on the east bank are without water until repairs are done.';
  const [doc] = collectPlainText('flash.txt', ['Water cut on east bank', flash].join('\n\n'));
  assert.equal(mainText(doc!), flash);
});

test('a short news flash over reader comments or related headlines keeps its body', () => {
  const flash = 'The river weir pumping station failed again this morning and about 2,300 homes on the east bank are without water until repairs are done.';
  const comments = [
    'Comments',
    ...STORY.map((p) => `${p.slice(0, 60)} is what I keep hearing from neighbours, and frankly I am not convinced that anyone at the town hall has a plan for the east bank at all.`),
  ];
  const [a] = collectPlainText('flash-comments.txt', ['Water cut on east bank', flash, ...comments].join('\n\n'));
  assert.equal(mainText(a!), flash);
  const related = ['Related stories'];
  for (const p of STORY) related.push('Council budget under strain', p);
  const [b] = collectPlainText('flash-related.txt', ['Water cut on east bank', flash, ...related].join('\n\n'));
  assert.equal(mainText(b!), flash);
});

test('a teaser over a share bar does not stand for a transcript of short spoken lines below it', () => {
  const lines = [
    '0:02 Good evening, and welcome to the council hour.',
    '0:06 Tonight we look at the pumping station at the weir.',
    '0:11 The council voted on Tuesday to replace it entirely.',
    '0:15 The bill is now put at fourteen million euros.',
    '0:19 That is almost twice what was first estimated.',
    '0:24 The old pumps failed four times last winter alone.',
    '0:29 Each time, homes on the east bank lost their water.',
    '0:33 Some of them went without it for two whole days.',
    '0:38 The new station should be running by spring 2028.',
    '0:43 Until then, the old pumps will have to hold out.',
    '0:47 We asked the mayor whether they would manage it.',
    '0:51 She said the engineers were confident they would.',
    '0:55 The opposition wants an audit of the first estimate.',
    '0:59 That is all from the council hour for this week.',
  ];
  const [doc] = collectPlainText('video.txt', [
    'Council hour: the weir pumps',
    'Watch the full episode below.',
    'Share',
    'Transcript',
    ...lines,
  ].join('\n\n'));
  assert.match(mainText(doc!), /^0:02 Good evening/);
  assert.match(mainText(doc!), /for this week\.$/);
});

test('two teasers, each over its button, do not stand for the story below them', () => {
  const [doc] = collectPlainText('teasers.txt', [
    'Weir pumping station to be replaced',
    'The council says the bill for new pumps has nearly doubled.',
    'Read more',
    'Residents on the east bank will be asked where the pipe should run.',
    'Share',
    'Hannes Ribbeck',
    ...STORY,
  ].join('\n\n'));
  assert.match(mainText(doc!), /^The town council voted on Tuesday/);
  assert.match(mainText(doc!), /cross private gardens\.$/);
});

test('a one-line release keeps its body over its end mark and the long notes to editors under it', () => {
  const release = 'The council will close the weir footbridge for repairs from 4 May to 12 June, it said on Monday.';
  const [doc] = collectPlainText('release.txt', [
    'Weir footbridge to close for repairs',
    release,
    'ENDS',
    'Notes to editors',
    ...STORY,
  ].join('\n\n'));
  assert.equal(mainText(doc!), release);
});
