import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectPlainText } from '../text/from-plain-text.js';
import { mainText } from '../../domain/document.js';
import { entryCode } from './entry-headings.js';
import { isInventoryLine } from './inventory-lines.js';

test('an entry heading is a name closed by its code, whose letters the name holds in order', () => {
  assert.equal(entryCode('Japan JPN'), 'JPN');
  assert.equal(entryCode('Congo, Democratic Republic of the DRC'), 'DRC');
  assert.equal(entryCode("China, People's Republic of PRC"), 'PRC');
  // A headline closed by an unrelated acronym, or a heading in capitals, is none.
  assert.equal(entryCode('Talks stall at the UN'), null);
  assert.equal(entryCode('New Sanctions On DPRK'), null);
  assert.equal(entryCode('ORGANISATIONS BY SERVICE'), null);
});

test('an inventory line is a label and its figure; an address or a page line is not', () => {
  assert.ok(isInventoryLine('Navy ε3,400'));
  assert.ok(isInventoryLine('AIP submarines 4+'));
  assert.ok(isInventoryLine('LATVIA: NATO Enhanced Forward Presence 160; 1 inf coy'));
  assert.ok(isInventoryLine('ESTONIA: Baltic air policing ε140 (Amari)'));
  assert.ok(isInventoryLine('Gendarmerie &\nParamilitary 4,500'));
  assert.ok(!isInventoryLine('Chapter 12'));
  assert.ok(!isInventoryLine('Registered charity no. 1180442'));
  assert.ok(!isInventoryLine('Cost: Free; seating for 120'));
  assert.ok(!isInventoryLine('Copyright 2024'));
});

test("a yearbook's entry runs from under its heading to its last inventory line, not into the next entry", () => {
  const text = [
    'NORDIC DEFENCE ALMANAC 2026 — Lakeside Defence Studies Centre',
    'Part Two: Europe — national entries (online edition, pp. 41–42)',
    'Copied from the online reader. For personal use only.',
    '',
    'Note on data: unless stated, figures hold as at 1 December 2025.',
    '',
    '41                                                    NORDIC DEFENCE ALMANAC 2026',
    '',
    'Finland FIN',
    '',
    'Population          5,618,000',
    '',
    'Capabilities',
    'Finland keeps a large trained reserve built on conscription and has joined the alliance, which changed its planning',
    'for the eastern border; the army is buying new rocket artillery and the air force is moving to a new combat aircraft',
    'over the decade, while the navy commissions four corvettes that were delayed by design work at the yard.',
    '',
    'ACTIVE 24,000 (Army 16,000 Navy 4,000 Air 4,000)',
    'RESERVE 238,000',
    '',
    'DEPLOYMENT',
    'LATVIA: NATO Enhanced Forward Presence 160',
    '',
    'France FRA',
    '',
    'Population          68,300,000',
    'ACTIVE 200,000',
  ].join('\n');
  const [doc] = collectPlainText('almanac.txt', text);
  const main = mainText(doc!);
  assert.match(main, /^Population {10}5,618,000/);
  assert.match(main, /NATO Enhanced Forward Presence 160$/);
});

test("an event box's particulars with a figure are no inventory line", () => {
  assert.ok(!isInventoryLine('When: 10 a.m. Sunday, June 8'));
  assert.ok(!isInventoryLine('Where: 14 Harbour Road'));
  assert.ok(isInventoryLine('MBT 410 Leopard 2A6; T-72M1'));
});

test('a lone digit counts after a label in capitals, not after a title-case name it numbers; a headline is none', () => {
  assert.ok(isInventoryLine('LEBANON: UNIFIL 2'));
  assert.ok(isInventoryLine('MHC 3 Sandown'));
  assert.ok(!isInventoryLine('Harbour Research Unit 1'));
  assert.ok(!isInventoryLine('Coastal Studies Service 2'));
  assert.ok(!isInventoryLine('SANCTIONS: PACKAGE 16 IS OUT'));
  assert.ok(!isInventoryLine('TARIFFS 16 ARE BACK'));
});

test("a section heading spelling out an abbreviation inside an entry is no next entry's heading", () => {
  const text = [
    'Finland FIN',
    '',
    'Population          5,618,000',
    '',
    'Finland keeps a large trained reserve built on conscription and has joined the alliance, which changed its planning for the eastern border.',
    '',
    'Special Operations Forces SOF',
    '',
    'The special forces were enlarged in 2024 and now train with allied units in the north every winter, the ministry says.',
  ].join('\n');
  const [doc] = collectPlainText('almanac.txt', text);
  assert.match(mainText(doc!), /every winter, the ministry says\.$/);
});
