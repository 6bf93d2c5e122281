import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CollectError } from '../collect-error.js';
import { collectFeed } from './collect-feed.js';

const RSS2 = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Coastal Wire</title>
  <link>https://wire.example/</link>
  <item>
    <title>Ferry line adds winter sailings</title>
    <link>https://wire.example/ferry</link>
    <pubDate>Tue, 05 Nov 2024 07:30:00 GMT</pubDate>
    <description>Short summary.</description>
    <content:encoded><![CDATA[<p>The ferry line will add two winter sailings a week, the operator said.</p><p>Tickets go on sale &amp; prices stay the same.</p>]]></content:encoded>
  </item>
  <item>
    <title>Lighthouse restored</title>
    <link>https://wire.example/lighthouse</link>
    <pubDate>Wed, 06 Nov 2024 09:00:00 +0000</pubDate>
    <description>&lt;p&gt;Volunteers finished restoring the old lighthouse after three summers of work.&lt;/p&gt;</description>
  </item>
</channel>
</rss>`;

test('RSS 2.0: one document per item, text from content:encoded or description HTML', () => {
  const docs = collectFeed('wire.rss', RSS2);
  assert.equal(docs.length, 2);
  const [a, b] = docs as [(typeof docs)[0], (typeof docs)[0]];
  assert.equal(a.origin, 'wire.rss#item-1');
  assert.equal(a.format, 'rss');
  assert.equal(a.title, 'Ferry line adds winter sailings');
  assert.equal(a.url, 'https://wire.example/ferry');
  assert.equal(a.published, '2024-11-05');
  assert.equal(a.source, 'Coastal Wire');
  assert.equal(a.text, 'The ferry line will add two winter sailings a week, the operator said.\n\nTickets go on sale & prices stay the same.');
  assert.equal(b.text, 'Volunteers finished restoring the old lighthouse after three summers of work.');
  assert.equal(b.published, '2024-11-06');
  assert.equal(collectFeed('wire.rss', RSS2, { published: '2024-12-01' })[0]!.published, '2024-12-01');
});

test('RSS 1.0 (RDF): items beside the channel, dc:date', () => {
  const xml = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://rdf.example/"><title>Valley Notes</title></channel>
  <item rdf:about="https://rdf.example/1">
    <title>Orchard harvest starts early</title>
    <link>https://rdf.example/1</link>
    <description>Growers began picking apples two weeks earlier than usual after a warm summer.</description>
    <dc:date>2023-08-28T10:00:00Z</dc:date>
  </item>
</rdf:RDF>`;
  const [doc, ...rest] = collectFeed('notes.rdf', xml);
  assert.equal(rest.length, 0);
  assert.equal(doc!.title, 'Orchard harvest starts early');
  assert.equal(doc!.published, '2023-08-28');
  assert.equal(doc!.source, 'Valley Notes');
  assert.equal(doc!.url, 'https://rdf.example/1');
});

test('Atom: entries with alternate links, content HTML and published dates', () => {
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Hill Country Log</title>
  <entry>
    <title>Road over the pass reopens</title>
    <link rel="edit" href="https://log.example/edit/9"/>
    <link rel="alternate" href="https://log.example/pass"/>
    <id>tag:log.example,2024:9</id>
    <updated>2024-04-12T12:00:00Z</updated>
    <published>2024-04-11T08:00:00Z</published>
    <content type="html">&lt;p&gt;Snow ploughs cleared the road over the pass, and it reopened to cars on Thursday.&lt;/p&gt;</content>
  </entry>
</feed>`;
  const [doc] = collectFeed('log.atom', xml);
  assert.equal(doc!.format, 'atom');
  assert.equal(doc!.url, 'https://log.example/pass');
  assert.equal(doc!.published, '2024-04-11');
  assert.equal(doc!.source, 'Hill Country Log');
  assert.equal(doc!.text, 'Snow ploughs cleared the road over the pass, and it reopened to cars on Thursday.');
});

test('a malformed feed is refused with the line of the fault', () => {
  const xml = '<?xml version="1.0"?>\n<rss version="2.0">\n<channel>\n<title>Broken</title>\n<item><title>One</title>\n</channel>\n</rss>';
  assert.throws(
    () => collectFeed('broken.rss', xml),
    (e: unknown) => e instanceof CollectError && /not well-formed XML: line 6, column \d+/.test(e.problem) && e.origin === 'broken.rss',
  );
});

test('a feed with no items is refused', () => {
  const xml = '<?xml version="1.0"?><rss version="2.0"><channel><title>Empty</title></channel></rss>';
  assert.throws(() => collectFeed('empty.rss', xml), (e: unknown) => e instanceof CollectError && /no items/.test(e.problem));
});
