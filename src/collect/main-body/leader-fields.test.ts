import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectPlainText } from '../text/from-plain-text.js';
import { hardWrapped } from './hard-wrapped.fixture.js';
import { mainText } from '../../domain/document.js';

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
      '                  reproduced as received, with the times the offices gave.',
      'GRADING ......... Reliability A-F and credibility 1-6, graded by the desk.',
      'CONTACT ......... basin.desk@riverwatch.example',
    ].join('\n'),
    rule,
    '1. SITUATION',
    hardWrapped('The river rose above the warning mark at four gauges during the week, and two districts evacuated about 600 residents from the low-lying streets near the old harbour. The desk expects the water to fall slowly over the coming week as the rain moves east.'),
    '2. ENTRIES',
    hardWrapped('Gauge 4 read 6.2 metres at noon on 3 March, the highest reading since the flood of 2019, the district office reported. Gauge 7 read 5.1 metres an hour later and held there until the evening.'),
  ].join('\n\n');
  const [doc] = collectPlainText('log.txt', text);
  assert.match(mainText(doc!), /^1\. SITUATION/);
});
