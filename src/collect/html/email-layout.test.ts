import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectHtml } from './collect-html.js';

const slice = (t: string, s: { start: number; end: number }): string => t.slice(s.start, s.end);

/** A row of an e-mail's layout table: one cell with inline styles, as newsletter builders write them. */
const row = (inner: string): string => `<tr><td align="left" style="padding:0 24px; font-family:Georgia, serif;">${inner}</td></tr>`;
const p = (s: string): string => `<p style="margin:0 0 16px 0;">${s}</p>`;

const essay = [
  'The ferry operators on the northern coast carried fewer passengers in the winter months than in any season of the past decade, and the port authority blames the storms that closed the harbour for nine days.',
  'Freight held up better. The three operators moved about 41,000 lorries between December and February, close to the figure for the winter before, and the authority expects the spring to bring the usual rise.',
  'The island councils are less sure. They want a second vessel on the longest route and say they will put the request to the transport ministry when it reviews the subsidy in the autumn.',
  'Crews tell a different story again. Two of the operators laid up a ship each for repairs in January, and the sailors who stayed on the remaining vessels worked longer shifts to keep the timetable running.',
  'The unions have asked for a meeting with the operators before the summer timetable is set, and both sides say the talks should start before Easter, when the first holiday crossings are booked.',
  'None of this is new on the coast, where the winter timetable has been argued over for as long as the ferries have run, but the storms of this year have made the argument louder than usual.',
].map(p).join('');

const items = [
  '<p><strong>Bridge repairs finish early</strong></p>' + p('The coastal road bridge at the river mouth reopened on Monday, two weeks ahead of schedule, after engineers replaced 14 of its bearings.') + '<p><a href="https://link.example/c/1">Read more →</a></p>',
  '<p><strong>Harbour dues to rise</strong></p>' + p('The port authority will raise its dues for cargo ships by 4% from April, the first increase since the pandemic, its board said in a statement.') + '<p><a href="https://link.example/c/2">Read more →</a></p>',
];

const sponsor = `<table role="presentation" width="100%" style="background-color:#f6f3ea;"><tr><td style="padding:16px;">
  <p style="font-size:10px; text-transform:uppercase;">Sponsored by Tidewater Charts</p>
  <p>Tide tables for every harbour on the coast, updated 6 times a day, with 30% off your first year.</p>
</td></tr></table>`;

const subscribe = `<table role="presentation" width="100%" style="background-color:#0f4c81;"><tr><td align="center" style="padding:20px;">
  <p style="font-size:18px;">Forwarded this? Subscribe</p>
  <p>Join more than 9,000 skippers, pilots and harbour staff who read the bulletin every Friday. It is free.</p>
  <a href="https://example.org/subscribe">Get it in your inbox</a>
</td></tr></table>`;

function newsletter(middle: string, end: string): string {
  return `<!DOCTYPE html><html><head><title>Coast Bulletin #42</title></head><body style="margin:0;">
  <span style="display:none; max-height:0; overflow:hidden; mso-hide:all;">Ferries lose passengers, 41,000 lorries still cross, and more this week</span>
  <table role="presentation" width="100%"><tr><td align="center">
    <table role="presentation" width="600">
      ${row('<p style="font-size:12px;">Issue 42 · 7 March 2025</p>')}
      ${row('<h1 style="font-size:28px;">A quiet winter on the ferries</h1><p style="font-size:13px;">By Ines Marr, Editor</p>')}
      ${row(essay)}
      ${row('<p style="text-transform:uppercase;">Also this week</p>')}
      ${row(items[0]!)}
      ${middle}
      ${row(items[1]!)}
      ${end}
    </table>
  </td></tr>
  <tr><td align="center"><table role="presentation" width="600">${row(
    p('You are receiving this because you signed up at coastbulletin.example. The bulletin is published by Coastline Media Ltd.') +
      p('Coastline Media, 12 Harbour Row, Port Elin 4410') +
      '<p><a href="https://example.org/unsubscribe">Unsubscribe</a> · <a href="https://example.org/prefs">Update your preferences</a></p>',
  )}</table></td></tr></table></body></html>`;
}

test('an e-mail newsletter in layout tables: its lead essay and the items in the rows below are the story; the sponsor, subscribe box and footer are not', () => {
  const [doc] = collectHtml('bulletin.html', newsletter('', row(sponsor) + row(subscribe)));
  const main = slice(doc!.text, doc!.main);
  assert.match(main, /^The ferry operators on the northern coast/);
  assert.match(main, /Harbour dues to rise/);
  assert.match(main, /its board said in a statement\.$/);
  assert.ok(!doc!.text.includes('Ferries lose passengers'), 'the hidden preheader is not text');
});

test('an e-mail newsletter: a sponsor box set between two items is the outlet\'s and does not end the story', () => {
  const [doc] = collectHtml('bulletin.html', newsletter(row(sponsor), row(subscribe)));
  const main = slice(doc!.text, doc!.main);
  assert.match(main, /its board said in a statement\.$/);
  const sponsorAt = doc!.text.indexOf('Tide tables for every harbour');
  assert.ok(
    doc!.boilerplate.some((b) => b.kind === 'promo' && b.start <= sponsorAt && b.end > sponsorAt),
    'the sponsor box is a promotion inside the story\'s range',
  );
});

test('a page laid out in tables: a rail in a cell beside the story is not the story', () => {
  const story = essay + p('The authority will publish its full figures for the winter at the end of the month, with a breakdown by route.');
  const rail = p('Our readers also liked this long piece about the lighthouse keepers of the western isles, who kept their lamps burning through two wars and a century of storms, and the families who lived beside them on rocks with no trees.');
  const html = `<body><table width="900"><tr><td width="600">${story}</td><td width="300">${rail}</td></tr></table></body>`;
  const [doc] = collectHtml('site.html', html);
  const main = slice(doc!.text, doc!.main);
  assert.match(main, /^The ferry operators/);
  assert.match(main, /breakdown by route\.$/);
});

test('an e-mail\'s preheader hidden only by transparency or by a clipped zero height is not text; a "View this email in your browser" row is header matter', () => {
  const html = `<body><div style="opacity:0; color:#fff; font-size:1px;">Fewer ferries, more lorries: the winter in numbers</div>
  <div style="max-height:0px; overflow:hidden; mso-hide:all;">Read the bulletin for all 41,000 crossings</div>
  <table role="presentation" width="600">
    ${row('<p style="font-size:11px;">Pictures not showing? View this email in your browser <a href="https://view.example/42">here</a>.</p>')}
    ${row(essay)}${row(items[0]!)}${row(items[1]!)}
  </table></body>`;
  const [doc] = collectHtml('bulletin.html', html);
  assert.ok(!doc!.text.includes('Fewer ferries'), 'a transparent preheader is not text');
  assert.ok(!doc!.text.includes('all 41,000 crossings'), 'a preheader clipped to no height is not text');
  assert.match(slice(doc!.text, doc!.main), /^The ferry operators on the northern coast/);
});

test('an e-mail whose footer rows share the story\'s layout table: the "You are receiving this" line and the address are not the story', () => {
  const footer = row(p('You are receiving this email because you asked for harbour news from the port authority of Port Elin.') + p('Port Elin Harbour Office, 3 Quay Street, Port Elin 4410'));
  const html = `<body><table role="presentation" width="600">${row(essay)}${row(items[0]!)}${row(items[1]!)}${footer}</table></body>`;
  const [doc] = collectHtml('bulletin.html', html);
  assert.match(slice(doc!.text, doc!.main), /its board said in a statement\.$/);
});
