import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inCountingRun, leadingParagraphNumber, paragraphNumbers } from './paragraph-numbers.js';

test("bare numbers counting up 1, 2, 3 at the start of a ruling's lines number its paragraphs", () => {
  const ruling = 'DECISION OF THE TRIBUNAL\n\n1 The claimant ran 3 ferries.\n\nFacts\n\n  2 The authority fined it.\n\n3 Inspectors came twice.\n';
  assert.deepEqual([...paragraphNumbers(ruling)].map((i) => ruling.slice(i, i + 3)), ['1 T', '2 T', '3 I']);
});

test('a line opening with a count, or lines whose numbers do not count up, are no numbering', () => {
  assert.equal(paragraphNumbers('12 Rescuers reached the village.\n\n40 Families had left.\n\n7 Boats stayed.\n').size, 0);
  assert.equal(paragraphNumbers('1 The ferry sank.\n\n2 Divers searched the wreck.\n').size, 0, 'two lines in a row are too few');
});

test("a paragraph's number is bare digits, a blank and a capital", () => {
  assert.equal(leadingParagraphNumber('14 The court', 0), 14);
  assert.equal(leadingParagraphNumber('14. The court', 0), -1);
  assert.equal(leadingParagraphNumber('14 tonnes', 0), -1);
  assert.equal(leadingParagraphNumber('014 The', 0), -1);
  assert.equal(leadingParagraphNumber('2024 The', 0), -1, 'four digits are a year');
  assert.deepEqual(inCountingRun([4, 1, 2, 3, 9]), [false, true, true, true, false]);
});
