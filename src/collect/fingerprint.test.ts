import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SYNDICATED_THRESHOLD, fingerprint, resemblance } from './fingerprint.js';

// A made-up wire story of some length, so that shingles are many.
const STORY = [
  'The regional transport authority said on Wednesday that it would replace its entire fleet of diesel buses with electric models over the next six years.',
  'The plan, which will cost an estimated 1.2 billion, was approved by the board after months of debate about charging depots and the reliability of batteries in cold weather.',
  'Officials said the first 150 buses would arrive next spring and would run on the busiest routes in the northern suburbs, where air quality is worst.',
  'Drivers will receive two weeks of training, and the authority will hire about 80 technicians to maintain the new vehicles at three upgraded garages.',
  'Critics on the city council argued that the money would be better spent on more frequent services, saying passengers care more about waiting times than about engines.',
  'The authority replied that running costs for electric buses were lower and that savings would be used to add evening and weekend trips within four years.',
  'A union representing drivers welcomed the plan but asked for guarantees that no jobs would be cut when older depots close.',
  'The first charging depot is due to open in the autumn on the site of a former tram yard near the river.',
].join(' ');

const OTHER = [
  'The regional transport authority faced questions on Wednesday about delays to a new tram line that was meant to open last year.',
  'Engineers said that faulty signalling equipment had forced them to rebuild parts of the line, and that testing would take at least another five months.',
  'Council members asked whether the contractor would pay penalties, and the authority said talks were under way.',
  'Passengers in the eastern districts, who were promised faster trips into the centre, have been using replacement buses since the spring.',
  'The authority said it expected the total cost of the project to rise by about a tenth because of the repairs and the longer construction period.',
].join(' ');

test('a republished copy with another header, footer and small edits is syndicated', () => {
  const edited = STORY.replace('on Wednesday', 'on Wednesday, 3 April,').replace('Critics on the city council', 'Some critics on the council');
  const copy = `REGIONAL NEWS ROUNDUP\nBy staff writers\n${edited}\nShare this story. Follow us for more local news.`;
  const a = fingerprint(STORY);
  const b = fingerprint(copy);
  assert.ok(resemblance(a, b) >= SYNDICATED_THRESHOLD, `resemblance ${resemblance(a, b)}`);
  assert.ok(a.bands.some((band) => b.bands.includes(band)), 'a copy shares at least one band');
  assert.notEqual(a.exact, b.exact);
});

test('a different story on the same topic scores well below the threshold', () => {
  const r = resemblance(fingerprint(STORY), fingerprint(OTHER));
  assert.ok(r < 0.2, `resemblance ${r}`);
});

test('exact hash ignores case, punctuation and white space', () => {
  assert.equal(fingerprint('The  bus, the TRAM!\nand the ferry.').exact, fingerprint('the bus the tram and the ferry').exact);
  assert.notEqual(fingerprint('the bus').exact, fingerprint('the tram').exact);
  assert.match(fingerprint('x').exact, /^[0-9a-f]{40}$/);
});

test('shape: 128 unsigned 32-bit values, 16 band keys; identical texts resemble fully; short and empty texts work', () => {
  const f = fingerprint(STORY);
  assert.equal(f.sketch.length, 128);
  assert.ok(f.sketch.every((v) => Number.isInteger(v) && v >= 0 && v <= 0xffffffff));
  assert.equal(f.bands.length, 16);
  assert.equal(resemblance(f, fingerprint(STORY.toUpperCase())), 1);
  assert.equal(resemblance(fingerprint('three short words'), fingerprint('three short words')), 1);
  assert.equal(fingerprint('').sketch.length, 128);
});

// Speed is measured by benchmark scripts, not asserted here (a timed test fails on a busy machine).
test('a text of several megabytes is fingerprinted like its upper-cased copy', () => {
  const big = STORY.repeat(Math.ceil(4_000_000 / STORY.length));
  const f = fingerprint(big);
  assert.equal(f.exact, fingerprint(big.toUpperCase()).exact);
  assert.equal(resemblance(f, fingerprint(big.toUpperCase())), 1);
});
