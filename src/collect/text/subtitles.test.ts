import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectPlainText } from './from-plain-text.js';
import { findCues, isNoteLine, nameCaption, speakerDashLength, subtitleBlocks } from './subtitles.js';

const SRT = [
  '1',
  '00:00:00,500 --> 00:00:02,000',
  '♪ [theme music] ♪',
  '',
  '2',
  '00:00:02,400 --> 00:00:05,100',
  '[PRESENTER]',
  'Good morning. The harbour board',
  'says it turned away 45',
  '',
  '3',
  '00:00:05,300 --> 00:00:08,000',
  'tankers in the past month.',
  '',
  '4',
  '00:00:08,200 --> 00:00:10,000',
  'MARTA OKONJO | Harbour master',
  '',
  '5',
  '00:00:10,300 --> 00:00:13,000',
  '- MARTA OKONJO:',
  'We had never seen a queue that long.',
  '',
].join('\n');

const VTT = [
  'WEBVTT - harbour clip',
  'Kind: captions',
  '',
  'NOTE checked by the desk on 3 March',
  '',
  'intro',
  '00:01.000 --> 00:03.500 align:start position:10%',
  '<v Ana Ruiz>Crews unloaded 12',
  '',
  '00:03.900 --> 00:06.000',
  'cranes on Monday.</v>',
  '',
].join('\n');

const slices = (text: string, spans: ReadonlyArray<{ start: number; end: number }>): string[] => spans.map((s) => text.slice(s.start, s.end));

test('an SRT file: the cues are the lines shown on screen, numbers and timings left out', () => {
  const cues = findCues(SRT)!;
  assert.deepEqual(slices(SRT, cues), [
    '♪ [theme music] ♪',
    '[PRESENTER]\nGood morning. The harbour board\nsays it turned away 45',
    'tankers in the past month.',
    'MARTA OKONJO | Harbour master',
    '- MARTA OKONJO:\nWe had never seen a queue that long.',
  ]);
});

test('an SRT file with Windows line breaks and a byte-order mark is one too', () => {
  const crlf = `\ufeff${SRT.replace(/\n/g, '\r\n')}`;
  const cues = findCues(crlf)!;
  assert.equal(cues.length, 5);
  assert.equal(crlf.slice(cues[2]!.start, cues[2]!.end), 'tankers in the past month.');
});

test('a WebVTT file: header, NOTE block and cue ids are furniture, the cue settings too', () => {
  const cues = findCues(VTT)!;
  assert.deepEqual(slices(VTT, cues), ['<v Ana Ruiz>Crews unloaded 12', 'cranes on Monday.</v>']);
});

test('ordinary reports with numbered lists, times of day or a lone time code are no subtitle files', () => {
  const numbered = '1\nThe ministry said 40 trucks crossed on Monday.\n\n2\nAt 10:30 the convoy stopped; by 11:45 it was moving.\n';
  assert.equal(findCues(numbered), undefined);
  const schedule = 'Briefing schedule\n\n10:30 - 11:00 Opening remarks\n11:00 - 12:15 Questions\n';
  assert.equal(findCues(schedule), undefined);
  const list = '1. Crews unloaded 12 cranes.\n2. The port handled 300 ships.\n3. Queues reached 5 km.\n';
  assert.equal(findCues(list), undefined);
  // One timing alone is a quotation of a subtitle, not a subtitle file.
  const quoted = '00:00:01,000 --> 00:00:03,000\nThe clip shows 12 cranes.\n\nThe report continues with 300 words of prose here.\n';
  assert.equal(findCues(quoted), undefined);
});

test('a plain-text report with numbered lines and clock times is collected as before, with no cues', () => {
  const text = 'Port queue grows\n\n1\nAt 06:15 the harbour board said 45 tankers were waiting.\n\n2\nBy 18:40 the queue had grown to 52.\n';
  const [doc] = collectPlainText('queue.txt', text);
  assert.equal(doc!.cues, undefined);
});

test('a collected SRT file keeps its cues, and its main body starts at the first words spoken', () => {
  const [doc] = collectPlainText('clip.srt', SRT);
  assert.equal(doc!.cues?.length, 5);
  assert.match(SRT.slice(doc!.main.start, doc!.main.end), /^Good morning\. The harbour board/);
  assert.match(SRT.slice(doc!.main.start, doc!.main.end), /a queue that long\.$/);
});

test('cue lines by their form: notes, speakers\' dashes', () => {
  assert.ok(isNoteLine('[drone buzzing]'));
  assert.ok(isNoteLine('(applause)'));
  assert.ok(isNoteLine('♪ [theme music] ♪'));
  assert.ok(isNoteLine('[ANCHOR]'));
  assert.ok(!isNoteLine('[gunfire] Get down!'));
  assert.ok(!isNoteLine('(translated) In March'));
  assert.equal(speakerDashLength('- MARTA OKONJO:'), 2);
  assert.equal(speakerDashLength('>> REPORTER: Good evening.'), 3);
  assert.equal(speakerDashLength('-How many?'), 1);
  assert.equal(speakerDashLength('-5 degrees overnight'), 0);
  assert.equal(speakerDashLength('Good evening.'), 0);
});

test('name captions: a bar, a comma, or a name line in capitals over a description', () => {
  const caption = (lines: string): { name: string; description: string | null } | undefined => {
    const c = nameCaption(lines, { start: 0, end: lines.length });
    return c && { name: lines.slice(c.name.start, c.name.end), description: c.description && lines.slice(c.description.start, c.description.end) };
  };
  assert.deepEqual(caption('MARTA OKONJO | Harbour master'), { name: 'MARTA OKONJO', description: 'Harbour master' });
  assert.deepEqual(caption('Marta Okonjo / Harbour master'), { name: 'Marta Okonjo', description: 'Harbour master' });
  assert.deepEqual(caption('CAPT. IVO LANG, Port pilot'), { name: 'CAPT. IVO LANG', description: 'Port pilot' });
  assert.deepEqual(caption('CAPT. IVO LANG\nSenior pilot, Port of Elm'), { name: 'CAPT. IVO LANG', description: 'Senior pilot, Port of Elm' });
  assert.deepEqual(caption('DANA REYES | Reporting from the port,\nElm'), { name: 'DANA REYES', description: 'Reporting from the port,\nElm' });
  // Speech, a colon label, a headline in capitals, a sentence in a file written in capitals: no captions.
  assert.equal(caption('We had never seen a queue\nthat long.'), undefined);
  assert.equal(caption('MARTA OKONJO:\nWe had never seen it.'), undefined);
  assert.equal(caption('THE HARBOUR IN NUMBERS\nQueues and prices'), undefined);
  assert.equal(caption('WELL SIR, WE HELD THE LINE'), undefined);
  assert.equal(caption('IVO LANG\nMARTA OKONJO'), undefined);
});

test('blocks of a subtitle file for the main body: a speaker\'s words run on over cues, tags and captions stand alone', () => {
  const blocks = subtitleBlocks(SRT, findCues(SRT)!);
  assert.deepEqual(
    blocks.map((b) => b.text),
    [
      '♪ [theme music] ♪',
      '[PRESENTER]',
      'Good morning. The harbour board says it turned away 45 tankers in the past month.',
      'MARTA OKONJO | Harbour master',
      '- MARTA OKONJO: We had never seen a queue that long.',
    ],
  );
  const run = blocks[2]!;
  assert.equal(SRT.slice(run.start, run.end).split('\n')[0], 'Good morning. The harbour board');
  assert.ok(SRT.slice(run.start, run.end).endsWith('tankers in the past month.'));
});
