import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectPlainText } from '../text/from-plain-text.js';
import { mainText } from '../../domain/document.js';

const story = [
  'Ferry operators on the southern route carried fewer passengers this summer, the port office said on Monday.',
  'The office blamed two weeks of storms in July and the closure of one berth for repairs, which ended in August.',
];
const table = ['| Route       | 2024  | 2025  |', '|-------------|-------|-------|', '| Mokpo–Jeju  | 9,410 | 8,120 |', '| Wando–Jeju  | 3,005 | 2,870 |'].join('\n');

test("a source line right under a table is the table's note, inside the story", () => {
  const main = mainText(collectPlainText('release.txt', [...story, table, 'Source: Port Office (figures for June to August)', '---\nPort office | 12 Harbour Road'].join('\n\n'))[0]!);
  assert.match(main, /Source: Port Office \(figures for June to August\)$/);
});

test('a source line under a paragraph of prose stays a credit outside the story', () => {
  const main = mainText(collectPlainText('story.txt', [...story, 'Source: Port Office'].join('\n\n'))[0]!);
  assert.match(main, /ended in August\.$/);
});
