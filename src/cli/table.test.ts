import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatTable, type Column } from './table.js';

interface Row {
  name: string;
  count: number;
}
const COLUMNS: Column<Row>[] = [
  { header: 'name', value: (r) => r.name, shrink: true },
  { header: 'count', value: (r) => r.count },
];
const ROWS: Row[] = [
  { name: 'Defence Intelligence of Ukraine', count: 12000 },
  { name: 'NIS', count: 7 },
];

test('numbers are right-aligned with thousands separators, text left-aligned', () => {
  const lines = formatTable(COLUMNS, ROWS).trimEnd().split('\n');
  assert.equal(lines[0], `${'name'.padEnd(31)}   count`);
  assert.equal(lines[2], 'Defence Intelligence of Ukraine  12,000');
  assert.equal(lines[3], 'NIS                                   7');
});

test('shrinkable columns are cut to the width, with an ellipsis', () => {
  const lines = formatTable(COLUMNS, ROWS, 24).trimEnd().split('\n');
  assert.ok(lines.every((l) => l.length <= 24), lines.join('\n'));
  assert.equal(lines[2], 'Defence Intelli…  12,000');
});

test('line breaks inside a value do not break the table', () => {
  const out = formatTable(COLUMNS, [{ name: 'two\nlines', count: 1 }]);
  assert.equal(out.trimEnd().split('\n').length, 3);
});
