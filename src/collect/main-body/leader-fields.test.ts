import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectPlainText } from '../text/from-plain-text.js';

const mainOf = (d: { text: string; main: { start: number; end: number } }): string => d.text.slice(d.main.start, d.main.end);

test('a form of dot-leader fields above a log is its particulars, not its text', () => {
  const rule = '='.repeat(70);
  const text = [
    'PUBLIC RELEASE',
    rule,
    'RIVER WATCH FLOOD LOG -- LOWER BASIN',
    '-'.repeat(70),
    [
      'LOG NO .......... RW/LB/12',
      'PERIOD .......... 01-07 MAR 2027',
      'COMPILED BY ..... Basin desk, shift C',
      'SOURCES ......... Gauge readings and reports of the district offices,',
      '                  reproduced as received.',
    ].join('\n'),
    rule,
    '1. SITUATION',
    'The river rose above the warning mark at four gauges during the week, and two districts evacuated about 600 residents from the low-lying streets near the old harbour.',
    '2. ENTRIES',
    'Gauge 4 read 6.2 metres at noon on 3 March, the highest reading since the flood of 2019, the district office reported.',
  ].join('\n\n');
  const [doc] = collectPlainText('log.txt', text);
  assert.match(mainOf(doc!), /^1\. SITUATION/);
});
