import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectHtml } from './collect-html.js';

test("a question page's body is its question and accepted answer, not the comments and answers after it", () => {
  const post = (prop: string, text: string): string =>
    `<div itemprop="${prop}" itemscope itemtype="https://schema.org/Answer"><div itemprop="text"><p>${text}</p></div>
     <div class="user-info">answered May 3 at 10:02 <a href="/u/7">harbour_pilot</a> 1,204</div></div>
     <div class="comments"><p>Nice answer, though the 2019 dredging figure looks high to me at first sight. – someone May 3</p></div>`;
  const html = `<body><main><div itemscope itemtype="https://schema.org/Question"><h1>Why do the tonnage figures for the port differ?</h1>
    <div itemprop="text"><p>Two reports give the port's 2023 throughput as 41 million and 44 million tonnes; which one is right?</p></div></div>
    ${post('acceptedAnswer', 'The lower figure leaves out transhipment, which the port authority counts separately at about 3 million tonnes.')}
    ${post('suggestedAnswer', 'Another reason is the calendar: one report runs to March, the other to December of the same year.')}
  </main></body>`;
  const [doc] = collectHtml('question.html', html);
  const main = doc!.text.slice(doc!.main.start, doc!.main.end);
  assert.match(main, /^Two reports give/);
  assert.match(main, /about 3 million tonnes\.$/);
});
