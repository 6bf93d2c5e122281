import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mainText } from '../../domain/document.js';
import { collectPlainText } from '../text/from-plain-text.js';

const wrap = (p: string): string => {
  // Hard-wrapped at 70 columns, its first line indented, as the register's text files set a paragraph.
  const words = p.split(' ');
  const lines: string[] = [];
  let line = '   ';
  for (const w of words) {
    if (line.length + w.length + 1 > 70) {
      lines.push(line + ' ');
      line = w;
    } else line += ' ' + w;
  }
  lines.push(line);
  return lines.join('\n');
};

const NOTICE = [
  '[Federal Register Volume 91, Number 40 (Monday, March 2, 2026)]\n[Notices]\n[Pages 1200-1201]\nFrom the Federal Register Online via the Government Publishing Office [www.gpo.gov]\n[FR Doc No: 2026-04410]',
  '-----------------------------------------------------------------------',
  'DEPARTMENT OF TRADE\n\nHarbour Licensing Office\n\n[Docket No. 26-HLO-0031]\n\nOrder Relating to Merrow Shipping Ltd\n\nIn the Matter of:\nMerrow Shipping Ltd, 12 Quay Street, Portland; Respondent',
  wrap('The Harbour Licensing Office has notified Merrow Shipping Ltd of its intention to start a proceeding against the firm under Section 12 of the Harbour Rules,\\1\\ alleging that the firm moved 44 cargoes without a permit between March and June of last year, with a declared value of $90,000 in all.'),
  '---------------------------------------------------------------------------\n\n    \\1\\ 33 CFR parts 100-140 (2025).\n---------------------------------------------------------------------------',
  wrap('It is therefore ordered that the firm pay a civil penalty of $25,000 within 30 days of this Order, and that it shall not apply for a permit for one year from the date of this Order.'),
  wrap('The firm may answer the charges in writing within the time the rules allow; if it fails to do so, the failure will be treated as a default.'),
  '---------------------------------------------------------------------------\n\n    \\2\\ See 33 CFR 104.2 (2025).\n---------------------------------------------------------------------------',
  'Sincerely,\nJane R. Holm,\nDirector, Harbour Licensing Office.\n[FR Doc. 2026-04410 Filed 2-27-26; 8:45 am]\nBILLING CODE 3510-DT-P',
].join('\n\n');

test('a Federal Register text file: the body runs from the first paragraph under its flush-left heading to its last paragraph, before the notes under it', () => {
  const [doc] = collectPlainText('notice.txt', NOTICE);
  const main = mainText(doc!);
  assert.match(main, /^The Harbour Licensing Office has notified/);
  assert.match(main, /treated as a\s+default\.$/);
  // The note between paragraphs stays in the body.
  assert.match(main, /33 CFR parts 100-140/);
});
