import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectPlainText } from '../text/from-plain-text.js';
import { BILL_PAGES, numberedText } from './numbered-text.fixture.js';
import { plainTextBlocks } from './text-block.js';
import { mainText } from '../../domain/document.js';

test('line-numbered text: each line number, and the furniture between two pages, is a margin', () => {
  const text = numberedText(BILL_PAGES);
  const { margins } = plainTextBlocks(text);
  const numbers = margins.filter((m) => /^\d+$/.test(text.slice(m.start, m.end)));
  assert.equal(numbers.length, 8 + 12 + 5);
  // "some⏎ 3           60 patrol boats": the 3 is the line's number, the 60 the text's.
  const boats = text.indexOf('60 patrol boats');
  assert.ok(margins.some((m) => text.slice(m.start, m.end) === '3' && m.end < boats && boats - m.end < 12));
  // From the last line's end to the line break before the next page's line 1: footer, form feed, header, page number.
  const breaks = margins.filter((m) => text.slice(m.start, m.end).includes('\f'));
  assert.equal(breaks.length, 2);
  assert.match(text.slice(breaks[0]!.start, breaks[0]!.end), /^\n\ns:\\DRAFT.*Jkt 000000.*\n\fH:\\DRAFTS\\BILL_012\.XML\n\n +2$/s);
  assert.equal(text.charCodeAt(breaks[0]!.end), 10);
});

test('line-numbered text: the body runs from the first numbered line to the last, without its cover or last footer', () => {
  const [doc] = collectPlainText('bill.txt', numberedText(BILL_PAGES));
  assert.match(mainText(doc!), /^Be it enacted by the Senate/);
  assert.match(mainText(doc!), /to the appropriate committees\.$/);
  const margins = doc!.boilerplate.filter((b) => b.kind === 'margin');
  assert.equal(margins.length, 8 + 12 + 5 + 2);
  // The first line's number stands before the body's first word; every other margin lies inside the body.
  assert.ok(margins[0]!.end < doc!.main.start);
  assert.ok(margins.slice(1).every((m) => m.start >= doc!.main.start && m.end <= doc!.main.end));
});

test('numbered paragraphs and lists are not line numbers', () => {
  const paragraphs = (n: number, mark: (i: number) => string): string =>
    Array.from({ length: n }, (_, i) => `${mark(i + 1)} The inspectors counted ${10 * (i + 2)} barges at the quay on the ${i + 3}th day of the survey.`).join('\n');
  for (const mark of [(i: number) => `${i}.`, (i: number) => `(${i})`, (i: number) => `${i})`]) {
    // Two numbered lists of a dozen items, each starting again at 1, between paragraphs and a short line.
    const text = `Port survey\n\n${paragraphs(12, mark)}\n\nSecond survey\n\n${paragraphs(12, mark)}\n`;
    assert.deepEqual(plainTextBlocks(text).margins, []);
  }
});

test('a ranked list without marks, restarting at 1, is not line-numbered unless its breaks repeat as a page\'s furniture do', () => {
  const list = (n: number): string => Array.from({ length: n }, (_, i) => `${i + 1}  Harbour ${String.fromCharCode(65 + i)} handled ${(i + 1) * 120} ships`).join('\n');
  const text = `Busiest harbours in 2024\n\n${list(12)}\n\nBusiest harbours in 2025, by the port authority\n\n${list(12)}\n\nSmallest harbours\n\n${list(12)}\n`;
  assert.deepEqual(plainTextBlocks(text).margins, []);
});
