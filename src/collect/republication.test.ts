import { test } from 'node:test';
import assert from 'node:assert/strict';
import { declaresRepublication } from './republication.js';

const body = 'Officials in Seoul said on Monday that thousands of soldiers had been moved east. '.repeat(30);

test('a byline or footer that says the story is republished marks a copy', () => {
  assert.equal(declaresRepublication(`Harbour Wire (syndicated from the Pine Coast Herald)\n\n${body}`), true);
  assert.equal(declaresRepublication(`${body}\nThis story first appeared in the Pine Coast Herald and is republished here.`), true);
  assert.equal(declaresRepublication(`${body}\nRepublished under a content-sharing agreement.`), true);
});

test('an original report, or a body that merely quotes such words, is not a copy', () => {
  assert.equal(declaresRepublication(`Pine Coast Herald\n\n${body}`), false);
  const quoting = `Pine Coast Herald\n\n${body.slice(0, 900)} The leaflet, which first appeared in Kursk, was reprinted widely. ${body.slice(0, 900)}`;
  assert.equal(declaresRepublication(quoting), false);
});
