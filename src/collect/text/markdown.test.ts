import assert from 'node:assert/strict';
import { test } from 'node:test';
import { blankSpans } from '../../domain/span.js';
import { collectPlainText } from './from-plain-text.js';
import { findMarkdown } from './markdown.js';

/** A field note kept as Markdown: front matter, a title, an italic status line, a table, code, a quote, notes. */
const NOTE = [
  '---',
  'title: "Grain barges on the lower river"',
  'date: 2025-06-02',
  'author: Ines Duarte',
  'tags: [river, grain]',
  '---',
  '',
  '# Grain barges on the lower river',
  '',
  '_Field note, draft 3._',
  '',
  '## Summary',
  '',
  'The port authority now counts **about 410** barges a month through the lower lock, up from _roughly 300_ in spring[^1]. The counts are in [the tracker](https://example.org/barges#may).',
  '',
  '| Month | Barges | Source |',
  '|:------|-------:|:-------|',
  '| May | 410 | Port authority[^1] |',
  '',
  '```text',
  '# lock  lat      lon',
  'L-07    45.2113  28.1902',
  '```',
  '',
  '> "We have never seen the river this busy."',
  '> — Mara Iliescu, 28 May',
  '',
  '- [x] Check the `lockwatch` export against the authority\'s count',
  '',
  '[^1]: Port authority monthly bulletin, 1 June 2025, table 4.',
  '',
].join('\n');

test('a Markdown note is recognised, and its markup, code and notes are found', () => {
  const md = findMarkdown(NOTE);
  assert.ok(md);
  assert.equal(md.title, 'Grain barges on the lower river');
  assert.equal(md.date, '2025-06-02');
  assert.equal(md.author, 'Ines Duarte');
  assert.equal(md.fences.length, 1);
  assert.equal(md.notes, NOTE.indexOf('[^1]: Port'));
  const read = blankSpans(NOTE, md.markup);
  // Emphasis, references, link targets, heading hashes, quote marks, task boxes and code ticks read as spaces.
  assert.match(read, /counts {3}about 410 {3}barges a month through the lower lock, up from {2}roughly 300 {2}in spring {4}\./);
  assert.match(read, /are in {2}the tracker {2,}\./);
  assert.match(read, / {3}Summary/);
  assert.match(read, / {2}"We have never seen/);
  assert.match(read, /- {5}Check the {2}lockwatch {2}export/);
  // The table keeps its bars, a note's reference inside it blank; the code is blank, line breaks kept.
  assert.match(read, /\| May \| 410 \| Port authority {4} \|/);
  assert.ok(!read.includes('45.2113'));
  assert.equal(read.length, NOTE.length);
  assert.equal(read.split('\n').length, NOTE.split('\n').length);
});

test('prose with a hash, an asterisk or an underscore is no Markdown', () => {
  assert.equal(findMarkdown('The #1 priority is fuel.\n\nPrices rose 4%* in May.\n\n* Provisional figure.\n'), null);
  assert.equal(findMarkdown('See file_name_v2.csv for the *raw* counts.\n\nShips: 31.\n'), null);
  // Two weak signs alone are not enough; a strong one with one more is.
  assert.equal(findMarkdown('# Port notes\n\nThe **31** ships waited.\n'), null);
  assert.ok(findMarkdown('# Port notes\n\nThe **31** ships waited, says [the log](https://example.org/log).\n'));
  // A file named .md needs one sign.
  assert.ok(findMarkdown('# Port notes\n\nThe ships waited.\n', true));
});

test('a Markdown note is collected with its front matter\'s title and date, its notes outside the body', () => {
  const [doc] = collectPlainText('note.md', NOTE);
  assert.ok(doc);
  assert.equal(doc.title, 'Grain barges on the lower river');
  assert.equal(doc.published, '2025-06-02');
  assert.ok(NOTE.slice(doc.main.start).startsWith('The port authority now counts'));
  assert.ok(NOTE.slice(0, doc.main.end).endsWith("against the authority's count"));
  assert.ok(doc.markup && doc.markup.every((m) => m.start >= doc.main.start && m.end <= doc.main.end));
  // The caller's date wins over the front matter's.
  assert.equal(collectPlainText('note.md', NOTE, { published: '2025-06-05' })[0]!.published, '2025-06-05');
});
