// Texts for the reference tools in `npm run bench:extract`: the reference libraries take plain
// text, so HTML pages are reduced to their visible text here (untimed) with htmlparser2. That is a
// head start for the references (Parallax parses the HTML inside its timed run); the bench says so.
import { readFile } from 'node:fs/promises';
import { Parser } from 'htmlparser2';

const INVISIBLE = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head']);
const BLOCK = new Set([
  'p', 'div', 'br', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'article', 'section',
  'header', 'footer', 'nav', 'aside', 'blockquote', 'tr', 'table', 'figure', 'figcaption', 'main', 'title',
]);

/** Visible text of an HTML page, with a line break at each block boundary. */
export function htmlToText(html) {
  const parts = [];
  let hidden = 0;
  const parser = new Parser(
    {
      onopentagname(name) {
        if (INVISIBLE.has(name)) hidden++;
        else if (BLOCK.has(name)) parts.push('\n');
      },
      onclosetag(name) {
        if (INVISIBLE.has(name)) hidden = Math.max(0, hidden - 1);
        else if (BLOCK.has(name)) parts.push('\n');
      },
      ontext(text) {
        if (hidden === 0) parts.push(text);
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return parts.join('').replace(/[ \t]+/g, ' ').replace(/\s*\n\s*/g, '\n\n').trim();
}

export function isHtmlName(name) {
  return /\.html?$/i.test(name);
}

/** Reads one report file and returns { fileBytes, text } where text is what a reference tool gets. */
export async function readReport(path) {
  const bytes = await readFile(path);
  const raw = bytes.toString('utf8');
  return { fileBytes: bytes.length, text: isHtmlName(path) ? htmlToText(raw) : raw };
}
