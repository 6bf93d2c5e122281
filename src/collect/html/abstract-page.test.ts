import assert from 'node:assert/strict';
import { test } from 'node:test';
import { abstractLabelLength } from './abstract-page.js';
import { collectHtml } from './collect-html.js';

const mainOf = (html: string): string => {
  const doc = collectHtml('paper.html', html)[0]!;
  return doc.text.slice(doc.main.start, doc.main.end);
};

const HEAD = `<head><title>Grain barges on the lower Danube</title>
  <meta name="citation_title" content="Grain barges on the lower Danube">
  <meta name="citation_author" content="Varga, Petra"><meta name="citation_date" content="2025/02/11"></head>`;

const ABSTRACT = `<blockquote class="abstract"><span class="descriptor">Abstract:</span>We count grain barges passing the Iron Gates locks from radar images taken every six days between March 2022 and December 2024. The series shows 4,310 loaded barges heading downstream, two thirds of them in the autumn months after the harvest. Loads averaged 1,450 tonnes, so the river carried roughly 6.2 million tonnes over the period, a quarter more than the customs records suggest.</blockquote>`;

const SUMMARY = `<div class="lay-summary"><span class="descriptor">Plain summary:</span>
  <p><strong>What we did.</strong> We looked at radar pictures of the river and counted the loaded boats going down it.</p>
  <p><strong>Why it matters.</strong> More grain left by river than the official figures show, which matters for how ports plan their storage.</p></div>`;

const AFTER = `<div class="metatable"><table><tr><td>Comments:</td><td>31 pages, 9 figures</td></tr>
  <tr><td>Subjects:</td><td>Transport Economics (econ.TE)</td></tr></table></div>`;

test('a paper\'s landing page: its text is the abstract and the summary after it', () => {
  const html = `<html>${HEAD}<body><main><div id="content">
    <div class="dateline">[Submitted on 11 Feb 2025]</div>
    <h1 class="title">Grain barges on the lower Danube</h1>
    <div class="authors">Petra Varga (1), Ion Munteanu (2) ((1) Central European University, (2) University of Bucharest)</div>
    ${ABSTRACT}${SUMMARY}${AFTER}
    <div class="submission-history"><h2>Submission history</h2>[v1] Tue, 11 Feb 2025 08:02:41 UTC (2,204 KB)</div>
    <div class="about-tab"><p>Our labs let partners build new features for readers of the server, and we ask each of them to share our values of openness and privacy.</p></div>
  </div></main></body></html>`;
  const main = mainOf(html);
  assert.match(main, /^We count grain barges/);
  assert.match(main, /ports plan their storage\.$/);
  assert.doesNotMatch(main, /31 pages|Submission history|openness/);
});

test('an abstract with no Highwire tags in the head is left to the general finder', () => {
  const html = `<html><head><title>River freight</title></head><body><main>
    <p>Barge traffic on the river has recovered since the locks reopened, the port authority said on Monday in its yearly review.</p>
    ${ABSTRACT}
    <p>The authority expects the number of barges to grow again next year, when a second lock chamber opens at the upper gate.</p>
  </main></body></html>`;
  assert.match(mainOf(html), /^Barge traffic/);
});

test('the label run into an abstract\'s first sentence is measured, not the sentence', () => {
  assert.equal(abstractLabelLength('Abstract: We count barges.'), 'Abstract: '.length);
  assert.equal(abstractLabelLength('Abstract.We count barges.'), 'Abstract.'.length);
  assert.equal(abstractLabelLength('Abstracts of the talks follow.'), 0);
});
