import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CollectError, collectBytes, sniffFormat } from './index.js';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
const refuses = (origin: string, input: Uint8Array, problem: RegExp, options = {}): void => {
  assert.throws(
    () => collectBytes(origin, input, options),
    (e: unknown) => e instanceof CollectError && e.origin === origin && problem.test(e.problem),
  );
};

test('empty, blank, binary and invalid UTF-8 inputs are refused with a clear problem', () => {
  refuses('empty.txt', new Uint8Array(0), /the file is empty/);
  refuses('blank.txt', bytes(' \n\t\n'), /only white space/);
  refuses('nul.txt', new Uint8Array([104, 105, 0, 1, 2]), /binary.*NUL/);
  refuses('scan.txt', new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31]), /binary \(a PDF document\)/);
  refuses('latin1.txt', new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6e, 0x6f, 0x69, 0x72]), /not valid UTF-8 \(first bad byte at offset 3\)/);
  refuses('wide.txt', new Uint8Array([0xff, 0xfe, 0x68, 0x00]), /UTF-16/);
});

test('an input over the size limit is refused before decoding', () => {
  // 50 MiB of invalid bytes: the size message wins, so nothing was decoded.
  const big = new Uint8Array(50 * 1024 * 1024).fill(0xff);
  refuses('dump.txt', big, /^the file is 50\.0 MB, over the 16 MB limit for one report$/);
  refuses('small-limit.txt', bytes('A short line of text that is long enough.'), /over the/, { maxBytes: 10 });
});

test('the publication date given by the caller wins over the one in the document', () => {
  const text = 'Harbour Gazette | Monday, 4 March 2024\n\nThe new pier opened to visitors on Monday morning after two years of work.\n';
  assert.equal(collectBytes('a.txt', bytes(text))[0]!.published, '2024-03-04');
  assert.equal(collectBytes('a.txt', bytes(text), { published: '2024-03-06' })[0]!.published, '2024-03-06');
  assert.equal(collectBytes('b.txt', bytes('No date here at all, only words.'))[0]!.published, null);
});

test('formats are sniffed from the name, then the content', () => {
  assert.equal(sniffFormat('a.html', 'x'), 'html');
  assert.equal(sniffFormat('feed.xml', '<?xml version="1.0"?><rss version="2.0">'), 'rss');
  assert.equal(sniffFormat('-', '<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'), 'atom');
  assert.equal(sniffFormat('-', '<rdf:RDF xmlns:rdf="x">'), 'rss');
  assert.equal(sniffFormat('-', '<!DOCTYPE html><html>'), 'html');
  assert.equal(sniffFormat('notes.txt', 'Plain words.'), 'text');
  const [doc] = collectBytes('page', bytes('<!doctype html><p>The station reopened after the flood waters fell.</p>'));
  assert.equal(doc!.format, 'html');
});
