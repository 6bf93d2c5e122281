import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectPlainText } from '../text/from-plain-text.js';
import { mainText } from '../../domain/document.js';

const script = [
  'VALLEY TV | EVENING NEWS',
  'Frost costs orchards a third of their blossom',
  'Input 2027-04-16 19:02',
  '[Anchor Lead]',
  'A single night of frost has cost apple growers in the upper valley about a third of their blossom, the growers\' cooperative said today.',
  '[Reporter]',
  'The cooperative is asking the regional council for 4 million euros in emergency aid, and the council says it will decide next month.',
  'Ines Marlow, Valley TV News.',
  'Copyright Valley TV. All rights reserved.',
  'Most viewed | 1 Bridge works delayed | 2 Ferry fares rise',
];

test('a broadcast script opens at its first segment label and closes with the reporter\'s sign-off', () => {
  const [doc] = collectPlainText('script.txt', script.join('\n\n'));
  assert.match(mainText(doc!), /^\[Anchor Lead\]\n\nA single night of frost/);
  assert.match(mainText(doc!), /Ines Marlow, Valley TV News\.$/);
});

test('the sign-off names the reporter, not anyone in the story: it gives no sentence', () => {
  const [doc] = collectPlainText('script.txt', script.join('\n\n'));
  const at = doc!.text.indexOf('Ines Marlow');
  assert.ok(at < doc!.main.end);
  assert.ok(doc!.boilerplate.some((b) => b.start <= at && b.end > at && b.kind === 'footer'));
});

test('a speech\'s closing cry on a line of its own is its last line', () => {
  const speech = [
    'Address of the Mayor to the valley council',
    'Friends, the frost took a third of our blossom in one night. I have asked the region for 4 million euros, and I will not stop asking until the growers are paid.',
    'Long live the valley!',
    'Read also:',
    'Ferry fares rise by 5 percent in May',
  ];
  const [doc] = collectPlainText('speech.txt', speech.join('\n\n'));
  assert.match(mainText(doc!), /Long live the valley!$/);
});

test('a call to the reader ending in "!" under the story is not a closing cry', () => {
  const [doc] = collectPlainText('story.txt', [
    'Frost costs orchards a third of their blossom',
    'A single night of frost has cost apple growers in the upper valley about a third of their blossom, the growers\' cooperative said today.',
    'Subscribe to our newsletter!',
  ].join('\n\n'));
  assert.match(mainText(doc!), /the growers' cooperative said today\.$/);
});

test('in a subtitle file a bracketed tag is a caption, and the story opens at the words under it', () => {
  const srt = [
    '1\n00:00:00,100 --> 00:00:03,000\n[theme music]',
    '2\n00:00:03,200 --> 00:00:07,000\n[PRESENTER]\nA single night of frost has cost',
    '3\n00:00:07,200 --> 00:00:11,000\napple growers a third of their blossom,\nthe cooperative said today.',
  ].join('\n\n');
  const [doc] = collectPlainText('news.srt', srt);
  assert.match(mainText(doc!), /^A single night of frost/);
});

test('a transcript\'s last turn closed by a stage direction is its last line', () => {
  const [doc] = collectPlainText('panel.txt', [
    'Panel: what the frost cost the valley',
    'MODERATOR: Welcome. Our guests grow apples in the upper valley, where one night of frost took about a third of the blossom.',
    'ORTEGA: We lost more than that on the north slopes, close to half, and the insurers will pay for none of it.',
    'MODERATOR: We have to stop there. Thank you both. [applause]',
    '[END OF TRANSCRIPT]',
  ].join('\n\n'));
  assert.match(mainText(doc!), /Thank you both\. \[applause\]$/);
});

test('a newsletter\'s goodbye ending in "!" is no closing cry', () => {
  const [doc] = collectPlainText('letter.txt', [
    'Frost costs orchards a third of their blossom',
    'A single night of frost has cost apple growers in the upper valley about a third of their blossom, the growers\' cooperative said today.',
    'Thanks for reading!',
  ].join('\n\n'));
  assert.match(mainText(doc!), /the growers' cooperative said today\.$/);
});

test('a podcast transcript opens at its first stamped turn, however many of its words are names', () => {
  const text = [
    'HARBOUR HOURS - Episode 9: "Who owns the cranes?"',
    'Released 4 May 2027 | 31 min',
    'Hosts: Marta Kowalski, Tomas Riel | Guest: Dr Ilse Brandt, Rotterdam Port Institute',
    '[Transcript generated automatically.]',
    '[00:00:03] MARTA KOWALSKI: Hello and welcome to Harbour Hours. I\'m Marta Kowalski in Hamburg.',
    '[00:00:07] TOMAS RIEL: And I\'m Tomas Riel in Gdansk. This week we look at who owns the container cranes on the quays, because the numbers have changed fast since the spring.',
    '[00:00:19] ILSE BRANDT: Thanks for having me. About 40 of the 300 cranes in the northern ports now belong to one operator, up from 12 five years ago.',
    '[00:01:02] MARTA KOWALSKI: Thank you, Ilse. See you next week.',
  ].join('\n\n');
  const [doc] = collectPlainText('episode.txt', text);
  assert.match(mainText(doc!), /^\[00:00:03\] MARTA KOWALSKI: Hello and welcome/);
});

test('a running order\'s filing note on the line under its fields is the masthead\'s: the script opens after the rule', () => {
  const rule = '-'.repeat(50);
  const text = [
    'VALLEY RADIO — MIDDAY NEWS\nSLOT: 1200 MON 12/05/27\nREADER: Ann Vale        PRODUCER: Piet Maas\nLENGTH: 3\'00"   ACTUAL: 2\'54"\nSent to playout 11:48. Audio in /NEWS/1200/. Check item 2 with the desk before any repeat after 1400.',
    rule,
    'HEADLINES',
    'READ: Good afternoon. Frost has cost apple growers in the upper valley about a third of their blossom, the growers\' cooperative says.',
    rule,
    'ITEM 1 — FROST',
    'The cooperative is asking the regional council for 4 million euros in emergency aid, and the council says it will decide next month.',
  ].join('\n\n');
  const [doc] = collectPlainText('bulletin.txt', text);
  assert.match(mainText(doc!), /^READ: Good afternoon\./);
});

test('a memo\'s first paragraph, set apart from its fields by a blank line, still opens the story above the rule', () => {
  const text = [
    'To: District offices\nFrom: Basin desk\nSubject: Frost losses',
    'Frost has cost apple growers in the upper valley about a third of their blossom, the growers\' cooperative told the desk this morning.',
    '-'.repeat(50),
    'The cooperative is asking the regional council for 4 million euros in emergency aid, and the council says it will decide next month.',
  ].join('\n\n');
  const [doc] = collectPlainText('memo.txt', text);
  assert.match(mainText(doc!), /^Frost has cost apple growers/);
});

test('a bulletin script framed by rules, its fields padded to line up: it opens under the lower rule and closes above its end mark', () => {
  const rule = '='.repeat(60);
  const text = [
    'VALLEY 97.1  |  NEWSDESK  |  BULLETIN SCRIPT',
    rule,
    'SLOT     : 1700  FRI 14/05/27           LENGTH : 3\'00"\nREADER   : Ann VALE                     EDITOR : Piet MAAS\nNOTES    : Clip 1 is down the line, so keep the\n           level up. Item 3 embargoed to 16:30.',
    rule,
    '[STING: NEWS IN]',
    'Valley News at five. I\'m Ann Vale.',
    'Frost has cost apple growers in the upper valley about a third of their blossom, the growers\' cooperative says.',
    '[STING: WEATHER]',
    'Clear skies tonight, with a low of two degrees. Our next news is at six.',
    '[STING: NEWS OUT]',
    'END OF BULLETIN - 2\'58"',
    'Legal: cooperative figures from its statement of 12:10 - cleared to run.',
  ].join('\n\n');
  const [doc] = collectPlainText('bulletin.txt', text);
  assert.match(mainText(doc!), /^Valley News at five\./);
  assert.match(mainText(doc!), /Our next news is at six\.$/);
});
