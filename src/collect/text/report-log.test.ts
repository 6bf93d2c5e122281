import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectPlainText } from './from-plain-text.js';
import { findReportLog } from './report-log.js';
import { SPOT_LOG } from './report-log.fixture.js';


test('a log of spot reports: each entry is read on its group\'s day, fields as the originator\'s, the note as the compiler\'s', () => {
  const posts = findReportLog(SPOT_LOG, { start: 0, end: SPOT_LOG.length });
  const said = posts.map((p) => [p.published, p.author, SPOT_LOG.slice(p.start, p.end).split('\n')[0]]);
  assert.deepEqual(said, [
    ['2025-03-03', '14th Rifle Bn', 'ENTRY 1 | DTG 030640ZMAR25 | GRADE B2'],
    ['2025-03-03', null, 'NOTE: Our count is at least 2 boats.'],
    ['2025-03-05', '3rd Border Det', 'ENTRY 2 | DTG 051120ZMAR25 | GRADE C3'],
    ['2025-03-05', null, 'NOTE: Single source.'],
  ]);
  // The entry ends at the rule line: the fields' post holds the RESULT line, not the rule.
  assert.ok(SPOT_LOG.slice(posts[0]!.start, posts[0]!.end).endsWith('RESULT: 6x KIA'));
});

test('one dated header alone, or a text without groups, is no log', () => {
  const one = 'ENTRY 1 | DTG 030640ZMAR25\nORIG: 14th Rifle Bn\n  S: approx. 40 pers\n';
  assert.deepEqual(findReportLog(one, { start: 0, end: one.length }), []);
  const prose = 'The battalion said 40 soldiers crossed on 3 March 2025.\nIt said 6 were killed.\n';
  assert.deepEqual(findReportLog(prose, { start: 0, end: prose.length }), []);
});

test('collecting a log of spot reports gives its entries as posts', () => {
  const [doc] = collectPlainText('log.txt', SPOT_LOG);
  assert.equal(doc!.posts?.length, 4);
});
