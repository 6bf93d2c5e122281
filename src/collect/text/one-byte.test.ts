import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serialize } from 'node:v8';
import { asOneByte } from './one-byte.js';

// V8's serializer tags a one-byte string '"' and a two-byte string 'c' (after its two header bytes).
const isTwoByte = (s: string): boolean => serialize(s)[2] === 0x63;

test('asOneByte: a Latin-1 line sliced from two-byte text comes back equal and one-byte', () => {
  const page = 'Troops left on Monday \u2014 the ministry said.\nBy Ana Ruiz and Jörg Weiß';
  const line = page.slice(page.indexOf('By'));
  assert.equal(isTwoByte(line), true);
  const copy = asOneByte(line);
  assert.equal(copy, line);
  assert.equal(isTwoByte(copy), false);
});

test('asOneByte: a line holding a character past Latin-1 is given back as it is', () => {
  const line = 'By Seán O\u2019Brien';
  assert.equal(asOneByte(line), line);
  assert.equal(isTwoByte(asOneByte(line)), true);
});
