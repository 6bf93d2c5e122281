import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CollectError } from '../collect-error.js';
import { collectHtml } from './collect-html.js';

const slice = (t: string, s: { start: number; end: number }): string => t.slice(s.start, s.end);

test('block elements break lines, inline elements do not, entities are decoded', () => {
  const html = `<html><body><div><p>Artillery  crews <b>fired</b><i>more</i>
     rounds&nbsp;than &quot;planned&quot; &amp; ran short.</p><p>Second paragraph here.</p>
     <ul><li>first point</li><li>second point</li></ul>line<br>break</div></body></html>`;
  const [doc] = collectHtml('page.html', html);
  assert.equal(
    doc!.text,
    'Artillery crews firedmore rounds than "planned" & ran short.\n\nSecond paragraph here.\n\nfirst point\nsecond point\n\nline\nbreak',
  );
});

test('scripts, styles, forms, navigation, consent and share widgets are not text', () => {
  const html = `<body><script>var x = "hidden words";</script><style>p{color:red}</style>
    <nav><a href="/">Home</a></nav><div class="cookie-banner"><p>We use cookies to track you.</p></div>
    <header><p>Site header line.</p></header>
    <article><p>The convoy crossed the bridge at dawn and reached the depot by noon.</p>
    <div class="share-tools"><a>Share on X</a></div><form><label>Email</label><input value="x"><button>Go</button></form>
    <svg><text>chart label</text></svg><template><p>tmpl</p></template><noscript>enable js</noscript>
    <p>The depot stored fuel for the next three weeks of operations in the area.</p></article>
    <footer><p>Copyright line.</p></footer></body>`;
  const [doc] = collectHtml('page.html', html);
  for (const gone of ['hidden words', 'color', 'Home', 'cookies', 'Site header', 'Share on', 'Email', 'Go', 'chart label', 'tmpl', 'enable js', 'Copyright'])
    assert.ok(!doc!.text.includes(gone), `${gone} should not be in the text`);
  assert.match(doc!.text, /^The convoy crossed/);
});

test('metadata: og:title, article:published_time, canonical URL, site name', () => {
  const html = `<html><head><title>Depot fire | The Harbour Times</title>
    <meta property="og:title" content="Fire destroys fuel depot near the front">
    <meta property="article:published_time" content="2024-03-05T22:10:00+09:00">
    <meta property="og:site_name" content="The Harbour Times">
    <link rel="canonical" href="https://example.org/depot-fire"></head>
    <body><p>A fire destroyed a large fuel depot near the front line late on Tuesday night.</p></body></html>`;
  const [doc] = collectHtml('p.html', html);
  assert.equal(doc!.title, 'Fire destroys fuel depot near the front');
  assert.equal(doc!.published, '2024-03-05');
  assert.equal(doc!.url, 'https://example.org/depot-fire');
  assert.equal(doc!.source, 'The Harbour Times');
});

test('metadata from the title suffix, JSON-LD and a byline date; the option wins', () => {
  const html = `<html><head><title>Drone strike hits rail yard – Northern Ledger</title>
    <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2023-09-14T08:00:00Z"}</script></head>
    <body><article><h1>Drone strike hits rail yard</h1>
    <p>Three freight cars burned after a drone struck the rail yard before sunrise on Thursday.</p></article></body></html>`;
  const [doc] = collectHtml('p.html', html);
  assert.equal(doc!.title, 'Drone strike hits rail yard');
  assert.equal(doc!.source, 'Northern Ledger');
  assert.equal(doc!.published, '2023-09-14');
  const [dated] = collectHtml('p.html', html, { published: '2023-09-20' });
  assert.equal(dated!.published, '2023-09-20');

  const byline = `<body><article><h1>Ferry service resumes</h1><p class="byline">By Ana Ruiz · Published Feb. 3, 2022</p>
    <p>The ferry between the two islands resumed service after a week of storms and high waves.</p></article></body>`;
  assert.equal(collectHtml('b.html', byline)[0]!.published, '2022-02-03');
});

test('aggregator page: the story lies between its headline and the related, promo and comment blocks', () => {
  const html = `<!doctype html><html><head><title>Port reopens | Wire Digest</title></head><body>
  <div class="site"><nav class="menu"><a href="/">Top</a><a href="/world">World</a></nav>
  <main><article class="story">
    <h1>Port reopens after mine clearance</h1>
    <div class="byline">By Lee Havel, Staff Writer</div>
    <figure><img src="x.jpg"><figcaption>Cranes at the port. Photo: Agency</figcaption></figure>
    <p>ODESA — The southern port reopened to grain ships on Friday after navy divers cleared four mines from the approach channel.</p>
    <p>Port officials said twelve vessels were waiting at anchor and the first would dock within hours.</p>
    <div class="promo-app"><p>Download the Wire Digest app for breaking alerts.</p></div>
    <p>Insurers had raised premiums for the route by a third since the spring, shippers said.</p>
    <p class="editor-note">Reporters in Kyiv contributed to this report.</p>
  </article>
  <section class="related-articles"><h2>Related Articles</h2>
    <article><h3>Grain exports climb for a third month</h3>
      <p>Exports of wheat and maize rose again last month as more ships used the coastal corridor, traders said on Monday.</p>
      <p>The ministry expects a record harvest of sunflower seeds and plans to expand storage at inland terminals before winter.</p>
      <p>Rail operators said they would add two hundred wagons to the grain routes by the end of the quarter.</p>
    </article>
    <article><h3>Short teaser</h3><p>Just one line about something else.</p></article>
  </section>
  <section id="comments"><h2>Comments</h2><p>Great article, thanks for writing it.</p></section>
  </main></div></body></html>`;
  const docs = collectHtml('agg.html', html, { related: true });
  const doc = docs[0]!;
  const main = slice(doc.text, doc.main);
  assert.match(main, /^ODESA — The southern port/);
  assert.match(main, /since the spring, shippers said\.$/);
  assert.ok(!main.includes('Related'));
  const kinds = new Set(doc.boilerplate.map((b) => b.kind));
  for (const k of ['related', 'comments', 'byline', 'promo'] as const) assert.ok(kinds.has(k), `boilerplate has ${k}`);
  // The related story with full text is a document of its own; the teaser is not.
  assert.equal(docs.length, 2);
  assert.equal(docs[1]!.origin, 'agg.html#related-1');
  assert.equal(docs[1]!.title, 'Grain exports climb for a third month');
  assert.match(slice(docs[1]!.text, docs[1]!.main), /^Exports of wheat.*end of the quarter\.$/s);
  // Without the option only the main document comes back.
  assert.equal(collectHtml('agg.html', html).length, 1);
});

test('a page without marked-up article: the block holding most prose is the story', () => {
  const html = `<body><div id="left"><a href="/a">Link one</a><br><a href="/b">Link two</a></div>
    <div id="content"><h2>Council votes on budget</h2>
    <p>The city council approved a budget of forty million after a six-hour debate on Wednesday.</p>
    <p>Opposition members said the spending on roads was too low for a growing district.</p></div>
    <div id="right"><p>Advertisement</p></div></body>`;
  const [doc] = collectHtml('c.html', html);
  assert.match(slice(doc!.text, doc!.main), /^The city council approved.*growing district\.$/s);
});

test('an HTML file with no body text is refused', () => {
  assert.throws(
    () => collectHtml('empty.html', '<html><head><title>x</title><script>var a=1</script></head><body> <nav>Menu</nav> </body></html>'),
    (e: unknown) => e instanceof CollectError && /no body text/.test(e.problem),
  );
});

test('deeply nested markup does not overflow the stack', () => {
  const html = '<div>'.repeat(30000) + '<p>The archive kept every page of the old harbour records in one box.</p>';
  const [doc] = collectHtml('deep.html', html);
  assert.equal(doc!.text, 'The archive kept every page of the old harbour records in one box.');
});

test('a newsletter post: a mid-post Share button does not end it, footnote links become marks, the paywall teaser is not the story', () => {
  const para = (s: string): string => `<p>${s} ${'The harbour pilots kept their own tallies of every ship that came in, and the ledgers were checked each week. '.repeat(2)}</p>`;
  const html = `<body><article>
    ${para('The grain terminal loaded more ships this autumn than in any season before.<a class="footnote-anchor" href="#footnote-1">1</a>')}
    <p>Share</p>
    ${para('Rail deliveries to the terminal slowed in the second half of the season.')}
    <div class="footnote"><a class="footnote-number" href="#footnote-anchor-1">1</a><div><p>Port statistics office, annual summary, March 2025.</p></div></div>
    <p>Paid subscribers: Monday's issue has the full table of sailings. Upgrade to paid</p>
    <h4>12 Comments</h4><p>A reader wrote that the count looked low to him.</p>
  </article></body>`;
  const [doc] = collectHtml('post.html', html);
  const main = slice(doc!.text, doc!.main);
  assert.match(main, /before\.\[1\] The harbour/);
  assert.match(main, /Rail deliveries/);
  assert.match(main, /annual summary, March 2025\.$/);
});

test('an embedded post keeps its author line and time stamp, which a page header class would drop', () => {
  const html = `<body><article><p>${'The ferry operator cancelled the evening crossings after the storm warning was issued by the coast guard. '.repeat(3)}</p>
    <div class="tweet"><div class="tweet-header"><span>Ines Marlow</span> <span>@imarlow_port</span></div>
    <div class="tweet-text">All evening sailings off until Thursday.</div><div class="tweet-footer"><span>9:12 AM · Mar 3, 2025</span></div></div>
    <p>${'Passengers were offered refunds or places on the morning boats, the operator said in a statement on its site. '.repeat(3)}</p></article></body>`;
  const [doc] = collectHtml('post.html', html);
  assert.ok(doc!.text.includes('Ines Marlow @imarlow_port'));
  assert.ok(doc!.text.includes('Mar 3, 2025'));
});

test('a press release: the lead paragraph that repeats the description is header, the key points above the first paragraph are the story\'s', () => {
  const html = `<html><head><meta name="description" content="Minister opens a flood barrier that protects 3,000 homes on the estuary."></head><body><main>
    <h1>Flood barrier opens on the estuary</h1>
    <p class="lead">Minister opens a flood barrier that protects 3,000 homes on the estuary.</p>
    <dl><dt>From:</dt><dd><a href="/env">Environment Office</a></dd><dt>Published</dt><dd>4 February 2026</dd></dl>
    <ul><li>New barrier on the estuary protects 3,000 homes from tidal surges</li>
    <li>Construction took four years and cost £120 million in public funds</li></ul>
    <p>The Environment Minister today opened the estuary barrier, a gate of 60 metres that closes when surge tides are forecast.</p>
    <p>The barrier was built by a consortium of three firms and will be inspected twice a year.</p></main></body></html>`;
  const [doc] = collectHtml('release.html', html);
  assert.match(slice(doc!.text, doc!.main), /^New barrier on the estuary/);
  assert.match(slice(doc!.text, doc!.main), /inspected twice a year\.$/);
});

test('footnotes: a notes section is the story\'s, and the links back to the anchors are not text', () => {
  const html = `<body><article class="publication-body">
    <p>Grain exports through the corridor reached 4 million tonnes in May, the highest monthly figure since the route opened.<a href="#fn1">1</a></p>
    <p>Insurers have cut war-risk premiums twice this year, to about 1% of a cargo's value.</p>
    <section class="footnotes" id="notes"><h2>Notes</h2><ol>
    <li id="fn1">Port authority figures, June 2026; the count includes barges. <a href="#fnref1">↩</a></li></ol></section>
    </article></body>`;
  const [doc] = collectHtml('paper.html', html);
  assert.ok(!doc!.text.includes('↩'));
  assert.match(slice(doc!.text, doc!.main), /the count includes barges\.$/);
});

test('show notes: an episode page\'s notes are its story, above the transcript; an editor\'s note box stays aside', () => {
  const html = `<body><article class="episode">
    <section class="show-notes"><h2>Show notes</h2>
    <p>Ferry crossings to the islands fell by a fifth this summer, and our guest explains why the timetable shrank so fast.</p>
    <p>Recorded on Friday in the harbour studio, with the gulls audible in the second half of the conversation.</p></section>
    <section class="transcript"><h2>Transcript</h2>
    <p>[00:00:10] HOST: How many boats are still running? Tell us what the company has actually cut back this year.</p>
    <p>[00:00:20] GUEST: Six of the nine vessels sail daily now. The other three are laid up for repairs until the spring at least.</p></section>
    <div class="editor-note"><p>This episode was edited for length and clarity by the producer after it was recorded.</p></div>
    </article></body>`;
  const [doc] = collectHtml('episode.html', html);
  assert.match(slice(doc!.text, doc!.main), /^Ferry crossings to the islands/);
  assert.match(slice(doc!.text, doc!.main), /until the spring at least\.$/);
});

test('a box of links set between paragraphs ("Recommended for you") does not end the story', () => {
  const para = (s: string): string => `<p>${s} The harbour office said the figures would be checked against the customs register before the next monthly report is sent out.</p>`;
  const html = `<body><div class="story-body">
    ${para('Ships unloaded 2,300 containers at the new terminal in its first week of operation.')}
    ${para('Dock workers said queues of lorries stretched for two kilometres on the busiest day.')}
    <h3>Recommended for you</h3><ul><li><a href="/a">Rail strike called off after late-night talks</a></li><li><a href="/b">City council approves budget for new bridge</a></li></ul>
    ${para('The terminal is expected to handle 40,000 containers a month once its second berth opens.')}
    </div></body>`;
  const [doc] = collectHtml('port.html', html);
  assert.match(slice(doc!.text, doc!.main), /second berth opens\. The harbour office/);
});

test('a box with a form that asks for an e-mail address is a promo, whatever its class', () => {
  const html = `<body><article>
    <p>The city council voted on Monday to close the old bridge to lorries heavier than 7.5 tonnes from next month.</p>
    <div class="box-x"><p>Morning Digest</p><p>Five stories before breakfast. Join 80,000 readers.</p>
    <form action="/signup"><input type="email" name="addr"><button>Sign up</button></form></div>
    <p>Engineers found cracks in two of the bridge's piers during an inspection in the spring.</p></article></body>`;
  const [doc] = collectHtml('bridge.html', html);
  const promo = doc!.boilerplate.find((b) => b.kind === 'promo');
  assert.ok(promo && slice(doc!.text, promo).includes('Join 80,000 readers'));
});

test('a donation box between paragraphs, marked by its class, is a promo: its readers and amounts are not the story\'s', () => {
  const html = `<body><article>
    <p>The ferry company cancelled 14 crossings on Tuesday after gusts of 90 km/h closed the outer harbour.</p>
    <div class="hp-donate-box"><h4>Independent local news</h4><p>Some 3,500 readers keep our newsroom going. Give from 4 euros a month.</p></div>
    <p>Passengers booked on the cancelled sailings will be moved to Wednesday's boats at no charge, the company said.</p></article></body>`;
  const [doc] = collectHtml('ferry.html', html);
  const promo = doc!.boilerplate.find((b) => b.kind === 'promo');
  assert.ok(promo && slice(doc!.text, promo).includes('Some 3,500 readers'));
  assert.match(slice(doc!.text, doc!.main), /^The ferry company.*at no charge, the company said\.$/s);
});

test('a lead paragraph over the line the markup calls its byline (name, time, views) is the standfirst', () => {
  const html = `<body><article>
    <h1>Grain convoy reaches the port</h1>
    <p class="lead">Forty lorries crossed the pass overnight; drivers describe checkpoints every few kilometres.</p>
    <div class="story-meta"><span>By Tamsin Holloway</span> <time>3 March 2025, 08:15</time> <span>2,417 views</span></div>
    <p>ODESA – The convoy of 40 lorries carrying 1,100 tonnes of wheat reached the port at dawn on Monday after a 19-hour drive over the pass, its organisers said.</p>
    <p>Drivers said they had been stopped at nine checkpoints along the way, each time for about 20 minutes, and that the road was icy for most of the night.</p></article></body>`;
  const [doc] = collectHtml('convoy.html', html);
  assert.match(slice(doc!.text, doc!.main), /^ODESA – The convoy/);
});

test('a tally page: the sentence that introduces a list of figures, and the list, open the story', () => {
  const html = `<body><main><article><h1>Harbour traffic as of 30 June 2026</h1>
    <div class="article-meta"><time>30.06.2026</time> Views: 1 204</div>
    <div class="article-text">
      <p>The Port Authority of Eastmouth reports that the traffic handled from 01.01.2026 to 30.06.2026 amounts to about:</p>
      <ul><li>container ships — 1,412 (+6)</li><li>tankers — 388 (+1)</li><li>bulk carriers — 905 (+0)</li></ul>
      <p>The figures are provisional.</p>
      <p>Harbour masters said the new breakwater had shortened waiting times for the larger vessels, which now dock within a day.</p>
    </div></article>
    <section class="related"><h2>Related news</h2><p>Ferry timetable changes for the summer season.</p></section></main></body>`;
  const [doc] = collectHtml('tally.html', html);
  const main = slice(doc!.text, doc!.main);
  assert.match(main, /^The Port Authority of Eastmouth reports/);
  assert.match(main, /tankers — 388 \(\+1\)/);
  assert.match(main, /dock within a day\.$/);
});

test('a figure keeps its caption when its class or id names a widget word ("chart-share"); a share bar is still dropped', () => {
  const html = `<body><article>
    <p>Rail freight across the northern border grew steadily through the winter, according to customs records.</p>
    <figure class="graphic" id="market-share"><img src="/g.png" alt="bars">
      <figcaption>Chart: Rail's share of cross-border freight rose to 41% in March.</figcaption></figure>
    <div class="share-bar"><a href="#x">Post on X</a></div>
    <table class="ad-spend"><tr><td>Quarter</td><td>Wagons</td></tr><tr><td>Q1</td><td>1,250</td></tr></table>
    <p>Road hauliers say the shift has cost them a fifth of their cross-border business since the autumn.</p></article></body>`;
  const [doc] = collectHtml('freight.html', html);
  assert.match(doc!.text, /rose to 41% in March/);
  assert.match(doc!.text, /1,250/);
  assert.ok(!doc!.text.includes('Post on X'));
});

test('a table row reads as cells set apart by tabs, its rows stay together under the caption', () => {
  const html = `<body><article><p>The ministry published its count of the stranded barges on Friday morning.</p>
    <table><caption>Table: Barges held by port</caption>
      <thead><tr><th>Port</th><th>Month</th><th>Barges (laden unless stated)</th></tr></thead>
      <tbody><tr><td>Izmail</td><td>May 2025</td><td>40+</td></tr><tr><td>Reni</td><td></td><td>c.25 empty</td></tr></tbody>
    </table></article></body>`;
  const [doc] = collectHtml('barges.html', html);
  assert.match(doc!.text, /Table: Barges held by port\n\nPort\tMonth\tBarges \(laden unless stated\)\nIzmail\tMay 2025\t40\+\nReni\t\tc\.25 empty/);
});

test('a box of spans, each a phrase, sets each on its own line (a chart\'s title, subtitle, annotations); spans of one line stay on it', () => {
  const html = `<body><article><p>Grain exports recovered through the spring as the new corridor opened to larger ships.</p>
    <figure><figcaption><span class="t">Chart: Grain shipped each month</span>
      <span class="s">Tonnes loaded at the three deep-water ports, January to June</span></figcaption>
      <div class="notes"><span>Low: about 2.1m tonnes (Feb)</span><span>High: 4.3m tonnes (Jun)</span></div></figure>
    <div class="when"><span>Updated</span> <span>Friday</span></div>
    <p>Officials expect the summer harvest to lift loadings further, weather permitting, by the autumn.</p></article></body>`;
  const [doc] = collectHtml('grain.html', html);
  assert.match(doc!.text, /Chart: Grain shipped each month\nTonnes loaded/);
  assert.match(doc!.text, /Low: about 2\.1m tonnes \(Feb\)\nHigh: 4\.3m/);
  assert.match(doc!.text, /Updated Friday/);
});

test('a headed box of prose set after the story\'s paragraphs (a methods note) is the story\'s; a box of links is not', () => {
  const para = (s: string): string => `<p>${s} Customs officers said the numbers would be revised once the late declarations had been counted.</p>`;
  const html = `<body><div class="story-body">
    ${para('Truck crossings at the eastern checkpoint fell to about 1,900 a day in May.')}
    <aside class="inline-links"><h3>More on this</h3><p><a href="/a">Border queues ease after new lanes open at the western crossing point, officials say in a statement released on Monday</a></p></aside>
    ${para('Hauliers blamed the drop on the new inspection rules introduced in the spring.')}
    <aside class="box-method"><h3>How we counted</h3><p>We read the daily crossing logs the customs service publishes for each checkpoint from January to May, added the lorries and vans listed in each, and left out buses and private cars, which the logs count apart. Days with no log were left blank.</p></aside>
    </div><aside class="rail"><h2>Most read</h2><ul><li><a href="/b">Port strike ends</a></li></ul></aside></body>`;
  const [doc] = collectHtml('trucks.html', html);
  const main = slice(doc!.text, doc!.main);
  assert.match(main, /which the logs count apart\. Days with no log were left blank\.$/);
  const related = doc!.boilerplate.filter((b) => b.kind === 'related').map((b) => slice(doc!.text, b)).join(' ');
  assert.match(related, /Border queues ease/);
});

test('a table becomes lines of tab-separated cells, header and body rows one after another', () => {
  const html = `<body><article><p>${'The harbour office published its weekly figures for the ferries and barges today. '.repeat(3)}</p>
    <table><thead><tr><th>Pier</th><th>Week</th><th>Calls (vessels)</th></tr></thead>
    <tbody><tr><td>North pier</td><td> Wk 12 </td><td>41</td></tr><tr><td>Old quay</td><td>Wk 12</td><td>c.9</td></tr></tbody></table>
    <p>${'Dredging of the channel is to resume once the spring tides have passed the estuary. '.repeat(3)}</p></article></body>`;
  const [doc] = collectHtml('page.html', html);
  assert.ok(doc!.text.includes('Pier\tWeek\tCalls (vessels)\nNorth pier\tWk 12\t41\nOld quay\tWk 12\tc.9'), doc!.text);
});

test('a headed box of figures in a definition list, set after the story\'s paragraphs, is the story\'s (a factbox)', () => {
  const para = (s: string): string => `<p>${s} Port officials said the figures would be revised after the autumn audit of the terminals.</p>`;
  const html = `<body><div class="story-body">
    ${para('Container traffic through the southern harbour rose again this spring.')}
    <aside class="factbox"><h3>At a glance</h3><dl>
      <dt>2.4m</dt><dd>containers handled at the southern harbour last year, according to the port authority</dd>
      <dt>310</dt><dd>dock workers hired since January to clear the backlog on the eastern quays</dd>
      <dt>€45m</dt><dd>what the regional government has pledged for a second rail link to the terminals</dd>
    </dl></aside>
    ${para('Shipping lines have asked for longer opening hours at the gates.')}
    </div></body>`;
  const [doc] = collectHtml('port.html', html);
  const main = slice(doc!.text, doc!.main);
  assert.match(main, /2\.4m\ncontainers handled at the southern harbour/);
  assert.equal(doc!.boilerplate.filter((b) => b.kind === 'related').length, 0);
});

/** A channel's web preview: posts side by side, each with its own dated time, one of them forwarded. */
function channelPage(): string {
  const post = (day: string, body: string, forwarded = ''): string => `<div class="msg_wrap"><div class="msg">
      <div class="msg_author"><a href="/c">Harbour Watch</a></div>
      ${forwarded ? `<div class="msg_forwarded_from">Forwarded from <a href="/p">${forwarded}</a></div>` : ''}
      <div class="msg_text">${body}</div>
      <div class="msg_reactions"><span>👍1.3K</span> <span>😮240</span></div>
      <div class="msg_footer"><span class="msg_views">18.2K views</span> <a href="/c/9"><time datetime="${day}T07:15:00+00:00">07:15</time></a></div>
    </div></div>`;
  return `<html><head><title>Harbour Watch</title></head><body>
    <header class="page_header"><div>Harbour Watch</div><div>41.7K subscribers</div></header>
    <main><section class="history">
      <div class="date_sep">May 2</div>
      ${post('2026-05-02', 'Dockers at the north quay walked out this morning. About 600 of them are on strike, the union told us, and the cranes have stopped.')}
      ${post('2026-05-03', 'The port authority reports that 14 container ships are waiting at anchor outside the breakwater and that 3 more are due tonight.', 'Port Authority Notices')}
      <div class="date_sep">May 4</div>
      ${post('2026-05-04', 'Talks resume at noon. We will post the outcome as soon as the union confirms it, and thank you for following the strike with us.')}
    </section></main>
    <div class="join_bar">41,702 subscribers <a href="/c">Join channel</a></div></body></html>`;
}

test('a page of dated posts: each post is a part of the text with its own day, and a forwarded one names its source', () => {
  const [doc] = collectHtml('channel.html', channelPage());
  const posts = doc!.posts!;
  assert.deepEqual(posts.map((p) => [p.published, p.forwardedFrom]), [
    ['2026-05-02', null],
    ['2026-05-03', 'Port Authority Notices'],
    ['2026-05-04', null],
  ]);
  assert.match(slice(doc!.text, posts[1]!), /14 container ships/);
  assert.doesNotMatch(slice(doc!.text, posts[0]!), /container ships/);
  // The reactions are furniture inside the body, the subscriber counts lie outside it.
  assert.ok(doc!.boilerplate.some((b) => b.kind === 'footer' && slice(doc!.text, b) === '👍1.3K 😮240'));
  const main = slice(doc!.text, doc!.main);
  assert.match(main, /^Dockers at the north quay/);
  assert.doesNotMatch(main, /subscribers/);
});

test('an article with one dated time in its byline has no posts', () => {
  const html = `<body><article><div class="byline">By Ann Lee <time datetime="2026-05-02T08:00:00Z">May 2</time></div>
    <p>${'Dockers at the north quay walked out this morning and the cranes have stopped across the harbour. '.repeat(3)}</p></article>
    <aside class="related"><a href="/a">Earlier strike</a> <time datetime="2025-11-02">Nov 2</time></aside></body>`;
  const [doc] = collectHtml('article.html', html);
  assert.equal(doc!.posts, undefined);
});

test('paragraphs that each date an event with an inline time are no posts', () => {
  const para = (day: string, words: string): string =>
    `<p>${words} The quay was closed <time datetime="${day}">that morning</time> while divers searched the harbour floor for the lost containers.</p>`;
  const html = `<body><article>${para('2026-05-02', 'Dockers walked out on Friday.')}${para('2026-05-03', 'Talks failed on Saturday.')}${para('2026-05-04', 'The union called off the strike.')}</article></body>`;
  const [doc] = collectHtml('article.html', html);
  assert.equal(doc!.posts, undefined);
});

test('a forum thread: the post\'s title opens the post\'s text, the comments and rail are not the post; a news story keeps its headline out', () => {
  const page = (type: string): string => `<html><head><title>Ferry strike called off | r/harbourtalk</title>
    <script type="application/ld+json">{"@context":"https://schema.org","@type":"${type}","headline":"Ferry strike called off"}</script></head>
    <body><main><article class="post">
      <div class="post-meta">Posted by <a href="/u/quayside">u/quayside</a> <time datetime="2025-03-07T08:00:00Z">3h ago</time></div>
      <h1 class="post-title">Ferry strike called off after the operators offer crews a 6% rise</h1>
      <span class="flair">News</span> <a class="link-card" href="https://news.example/ferry">news.example</a>
      <div class="md post-body"><p>The union says its members will vote on the offer next week. Until then the 14 ferries on the northern routes run to the winter timetable, and the port authority has lifted its warning to travellers.</p>
      <p>My own take: the offer is better than the one the crews turned down in January, and most of them will take it.</p></div>
    </article>
    <section class="comments"><div class="comment"><p>Ferry crews on the southern routes got 8% last year, so this is not much of a win for them.</p></div></section></main>
    <aside class="rail"><p>A community for news about the harbour, its ships and the people who work there, with about 12,000 members.</p></aside></body></html>`;
  const [forum] = collectHtml('thread.html', page('DiscussionForumPosting'));
  const post = slice(forum!.text, forum!.main);
  assert.match(post, /^Ferry strike called off after the operators/);
  assert.match(post, /most of them will take it\.$/);
  const titleAt = forum!.text.indexOf('Ferry strike called off after');
  assert.ok(!forum!.boilerplate.some((b) => b.start <= titleAt && b.end > titleAt), 'the title is no furniture');
  const [news] = collectHtml('story.html', page('NewsArticle'));
  assert.match(slice(news!.text, news!.main), /^The union says its members/);
});

test('an office export\'s table (each cell\'s text in a paragraph) still reads as rows of tab-separated cells', () => {
  const cell = (s: string): string => `<td><p class="MsoNormal"><span lang="EN-GB">${s}</span><o:p></o:p></p></td>`;
  const html = `<body><div class="WordSection1"><p class="MsoNormal">${'The port authority set out the week\'s traffic at its three piers in a short table. '.repeat(3)}</p>
    <table class="MsoTableGrid"><tr>${cell('Pier')}${cell('Calls')}${cell('Source')}</tr>
    <tr>${cell('North')}${cell('approx. 41')}${cell('Harbour<br>office')}</tr></table>
    <table><tr><td><p>${'A page laid out in a table keeps the paragraphs of its long cells apart, as it always has. '.repeat(4)}</p><p>Second paragraph of the layout cell.</p></td></tr></table></div></body>`;
  const [doc] = collectHtml('piers.html', html);
  assert.ok(doc!.text.includes('Pier\tCalls\tSource\nNorth\tapprox. 41\tHarbour office'), doc!.text);
  assert.ok(doc!.text.includes('as it always has.\n\nSecond paragraph'), doc!.text);
});

test('a Google Docs draft: its version and status line is the masthead\'s, reviewers\' comments after the text are no story', () => {
  const p = (s: string): string => `<p class="c3"><span class="c1">${s}</span></p>`;
  const html = `<body><div id="contents"><p class="c12 title"><span>Barges on the lower river</span></p>
    ${p('Version 1.2, 3 June 2025. Not for circulation; comments to the editors by Friday.')}
    ${p('River traffic fell by a third in May as the lock at the estuary stayed shut for repairs, the port office says.<sup><a href="#cmnt1" id="cmnt_ref1">[a]</a></sup>')}
    ${p('About 40 barges waited upstream at the end of the month, and their owners have asked the ministry for help with the cost of the delay.')}
    <div class="c23"><p class="c6"><a href="#cmnt_ref1" id="cmnt1">[a]</a><span class="c5">Is the third from the port office or from us? Their release says 30 barges.</span></p>
    <p class="c6"><span class="c5">It is theirs; I will cite it.</span></p></div></div></body>`;
  const [doc] = collectHtml('draft.html', html);
  const main = slice(doc!.text, doc!.main);
  assert.match(main, /^River traffic fell by a third/);
  assert.match(main, /the cost of the delay\.$/);
  assert.ok(doc!.boilerplate.some((b) => b.kind === 'comments' && slice(doc!.text, b).includes('30 barges')));
});

test('a paragraph anchored "after-newsletter" (where a sign-up box’s skip link lands) is story, the box before it a promo', () => {
  const para = (s: string): string => `<p>${s} ${'Dock workers unloaded the grain barges through the night, and the foremen logged every crate. '.repeat(2)}</p>`;
  const html = `<body><article>
    ${para('The river port reopened on Monday after the flood.')}
    <div class="newsletter-signup"><p>Sign up to Harbour Notes</p><p>Our weekly letter, sent to 40,000 readers</p></div>
    <p id="after-newsletter">Barge traffic recovered to about 70 sailings a day by the weekend.</p>
    ${para('Insurers have yet to count the losses.')}
  </article></body>`;
  const [doc] = collectHtml('port.html', html);
  const promos = doc!.boilerplate.filter((b) => b.kind === 'promo').map((b) => slice(doc!.text, b)).join(' ');
  assert.match(promos, /40,000 readers/);
  assert.doesNotMatch(promos, /70 sailings/);
});

test('a reader poll inside the story (a box with vote buttons) is a promo; a chart of an opinion poll the story reports is not', () => {
  const para = (s: string): string => `<p>${s} ${'Dock workers unloaded the grain barges through the night, and the foremen logged every crate. '.repeat(2)}</p>`;
  const html = `<body><article>
    ${para('The river port reopened on Monday after the flood.')}
    <div class="poll-widget"><h3>Should the city pay for a new flood wall?</h3>
      <ul><li><button>Yes</button> <span>64%</span></li><li><button>No</button> <span>36%</span></li></ul>
      <p>3,912 votes so far.</p></div>
    <div class="poll-chart"><p>In the council's own survey, 58% of residents backed the wall.</p></div>
    ${para('Insurers have yet to count the losses.')}
  </article></body>`;
  const [doc] = collectHtml('port.html', html);
  const promos = doc!.boilerplate.filter((b) => b.kind === 'promo').map((b) => slice(doc!.text, b)).join(' ');
  assert.match(promos, /3,912 votes/);
  assert.match(promos, /64%/);
  assert.doesNotMatch(promos, /58% of residents/);
});

test('a reader poll whose class runs its words together ("pollembed", "pollwidget") is a promo too', () => {
  const para = (s: string): string => `<p>${s} ${'The ferry crews checked every berth along the quay before the tide turned. '.repeat(2)}</p>`;
  for (const cls of ['pollembed', 'pollwidget', 'poll_embed', 'story-poll-widget']) {
    const html = `<body><article>
      ${para('The harbour board met on Tuesday.')}
      <div class="${cls}"><h3>Should the quay open at night?</h3>
        <button>Yes</button> <span>71%</span> <button>No</button> <span>29%</span></div>
      ${para('The board will vote again in spring.')}
    </article></body>`;
    const [doc] = collectHtml('quay.html', html);
    const promos = doc!.boilerplate.filter((b) => b.kind === 'promo').map((b) => slice(doc!.text, b)).join(' ');
    assert.match(promos, /71%/, cls);
  }
});

test('a dateline in a span of its own opening the first paragraph does not make the paragraph a byline', () => {
  const html = `<body><article><h1>Storm closes the northern basin</h1><div class="byline">By Ida Brandt</div>
    <p><span class="dateline">Bergen, Norway</span> — ${'The harbour master closed the northern basin to small craft after the gale damaged two piers. '.repeat(2)}</p>
    <p>${'Repairs to the piers are expected to take most of the spring, the port authority said in a statement. '.repeat(2)}</p></article></body>`;
  const [doc] = collectHtml('story.html', html);
  assert.match(slice(doc!.text, doc!.main), /^Bergen, Norway — The harbour master/);
  // A byline box whose spans carry most of its words is still a byline.
  const box = `<body><article><div class="meta"><span class="author">Ida Brandt</span> <span class="author-role">Nordic correspondent</span> <time>4 March 2026</time></div>
    <p>${'The harbour master closed the northern basin to small craft after the gale damaged two piers. '.repeat(2)}</p></article></body>`;
  const [boxed] = collectHtml('story.html', box);
  assert.match(slice(boxed!.text, boxed!.main), /^The harbour master/);
});

test('a highlights list above the story whose items are not all sentences stays outside the story', () => {
  const html = `<body><article><h1>Storm closes the northern basin</h1>
    <div class="summary-box"><h2>In brief</h2><ul>
      <li>Piers in Bergen damaged by the gale, officials say</li>
      <li>Harbour Master Expects Repairs By May</li>
      <li>Small craft are barred from the northern basin until further notice</li></ul></div>
    <p>${'The harbour master closed the northern basin to small craft after the gale damaged two piers. '.repeat(2)}</p>
    <p>${'Repairs to the piers are expected to take most of the spring, the port authority said in a statement. '.repeat(2)}</p></article></body>`;
  const [doc] = collectHtml('story.html', html);
  assert.match(slice(doc!.text, doc!.main), /^The harbour master closed/);
});

test('a summary box of bullets above the story, with its note on how it was made, is not the story\'s start', () => {
  const html = `<body><article><h1>Ferry strike enters second week</h1><p class="byline">By Ana Lind</p>
    <div class="box-x1"><div><span>AI Summary</span><button>Fold</button></div>
    <ul><li>Dock workers at the three ports have struck for nine days over pay.</li>
    <li>The operator says it has cancelled about 240 crossings so far.</li></ul>
    <p>This summary was generated by AI and reviewed by an editor. Read the full story for context.</p></div>
    <p>TALLINN — Dock workers at the three ferry ports walked out for a ninth day on Monday, and the operator said it had cancelled about 240 crossings since the strike began.</p>
    <p>The union wants a raise of 12 percent over two years, while the operator has offered 5 percent and a one-off bonus for the summer season.</p>
    </article></body>`;
  const [doc] = collectHtml('page.html', html);
  assert.match(slice(doc!.text, doc!.main), /^TALLINN — Dock workers/);
});
