import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectHtml } from './collect-html.js';

test("a wiki's message boxes and an ARIA note above a discussion are not its text", () => {
  const html = `<body><main><div class="mw-parser-output">
    <table class="plainlinks tmbox tmbox-notice"><tr><td>This is the page for discussing changes to the harbour article, not a forum for talk about harbours in general.</td></tr></table>
    <div role="note" class="archive-box">Older threads are moved to the archive after sixty days by a bot.</div>
    <p>The lighthouse section says the tower is 40 metres tall, but the port authority's own site gives 42 metres since the rebuild.</p>
    <dl><dd>Agreed, the rebuild added a lantern room of about two metres; the older figure should go.</dd></dl>
  </div></main></body>`;
  const [doc] = collectHtml('talk.html', html);
  assert.match(doc!.text.slice(doc!.main.start, doc!.main.end), /^The lighthouse section says/);
});
