import { test } from 'node:test';
import assert from 'node:assert/strict';
import { claim } from './claim-record.fixture.js';
import { indexReports, normaliseSpeaker, sourceOf } from './sources.js';

test('speakers normalise across outlets and wordings', () => {
  assert.equal(normaliseSpeaker("Ukraine's military intelligence"), normaliseSpeaker('Ukrainian military intelligence'));
  assert.equal(normaliseSpeaker('the Pentagon'), 'pentagon');
  assert.equal(normaliseSpeaker("South Korea’s National Intelligence Service"), 'south korea national intelligence service');
});

test('copies take the original outlet; anonymous officials stay with their outlet', () => {
  const base = { number: '1', low: 1, unit: 'troops', sentenceText: 'Some 1 troop.' };
  const orig = claim({ ...base, id: 'a', reportId: 'r1', source: 'Wire' });
  const copy = claim({ ...base, id: 'b', reportId: 'r2', source: 'Paper', originalReportId: 'r1' });
  const copyOfCopy = claim({ ...base, id: 'c', reportId: 'r3', source: 'Blog', originalReportId: 'r2' });
  const orphan1 = claim({ ...base, id: 'd', reportId: 'r4', source: 'X', originalReportId: 'r9' });
  const orphan2 = claim({ ...base, id: 'e', reportId: 'r5', source: 'Y', originalReportId: 'r9' });
  const anon1 = claim({ ...base, id: 'f', reportId: 'r6', source: 'X', attributedTo: 'senior officials' });
  const anon2 = claim({ ...base, id: 'g', reportId: 'r7', source: 'Y', attributedTo: 'senior officials' });
  const idx = indexReports([orig, copy, copyOfCopy, orphan1, orphan2, anon1, anon2]);
  const key = (r: typeof orig) => sourceOf(r, idx).key;
  assert.equal(key(orig), 'outlet:wire');
  assert.equal(key(copy), 'outlet:wire');
  assert.equal(key(copyOfCopy), 'outlet:wire');
  assert.equal(sourceOf(copy, idx).outlet, 'Wire');
  assert.equal(key(orphan1), key(orphan2), 'copies of one absent original are one source');
  assert.notEqual(key(anon1), key(anon2));
  assert.equal(key(anon1), 'outlet:x/senior officials');
});
