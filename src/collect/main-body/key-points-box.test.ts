import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectPlainText } from '../text/from-plain-text.js';
import { mainText } from '../../domain/document.js';

const points = ['Key points:', '- Ferry crews in Galway will strike for 48 hours from Friday', '- The operator says 2 of its 5 routes will still run', '- The union wants a 7 per cent rise'];
const body = [
  'Ferry crews on the Aran Islands routes will walk out for two days from Friday after talks on pay broke down late on Tuesday, their union said.',
  'The operator said it would run two of its five routes with management staff, and that passengers with bookings on the others would be refunded in full.',
  'The union is seeking a 7 per cent rise over two years; the company has offered 4 per cent, which it says is all the contract with the county council allows.',
];

test('a key-points box under a news page\'s posted/updated stamp is the header\'s, not the story\'s opening', () => {
  const text = ['Regional', 'Galway ferry crews to strike as pay talks collapse', 'By transport reporter Niamh Daly', 'Posted Wed 14 Oct 2026 at 6:05am, updated Wed 14 Oct 2026 at 9:40am', ...points, ...body].join('\n\n');
  const [doc] = collectPlainText('ferry.txt', text);
  assert.match(mainText(doc!), /^Ferry crews on the Aran Islands routes/);
});

test('a report\'s highlights under its opening note stay the report\'s own', () => {
  const text = ['Western Ferries Monitor, issue 12', 'This monitor is compiled by the regional transport office from operators\' returns. It covers the week to 11 October 2026.', 'HIGHLIGHTS', '- Ferry crews in Galway will strike for 48 hours from Friday.', '- The operator says 2 of its 5 routes will still run.', ...body].join('\n\n');
  const [doc] = collectPlainText('monitor.txt', text);
  assert.match(mainText(doc!), /HIGHLIGHTS\n\n- Ferry crews in Galway/);
});
