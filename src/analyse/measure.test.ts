import { test } from 'node:test';
import assert from 'node:assert/strict';
import { measureOf, normaliseRate, singular } from './measure.js';

const m = (unit: string, counted: string | null = null, sentenceText = '', numberAt = -1) => measureOf({ unit, counted, sentenceText, numberAt });

test('synonyms of troops and of shells share one measure', () => {
  for (const u of ['troops', 'soldiers', 'personnel', 'servicemen', 'forces', 'service members']) assert.equal(m(u).key, 'personnel', u);
  for (const u of ['shells', 'rounds', 'munitions', 'artillery shells', 'ammunition']) assert.equal(m(u).key, 'shells', u);
  assert.equal(m('casualties').key, 'casualties');
  assert.equal(m('killed').key, 'killed');
  assert.equal(m('soldiers', 'North Korean soldiers wounded').key, 'wounded');
  assert.equal(m('engineers').key, 'engineer', 'unknown nouns group with themselves');
});

test('money by currency code, shares by what they are a share of', () => {
  assert.deepEqual(m('USD'), { key: 'money:USD', kind: 'money', base: 'USD', currency: 'USD', increment: false });
  assert.equal(m('%', "of Russia's artillery shells").key, 'share:shells');
  assert.equal(m('%', null).key, 'share:unspecified');
});

test('increments are their own measure', () => {
  assert.equal(m('troops', '25,000 more troops').key, 'personnel+added');
  const s = 'Pyongyang may send another 25,000 troops.';
  assert.equal(m('troops', 'troops', s, s.indexOf('25,000')).key, 'personnel+added');
  const t = 'Pyongyang has more than 25,000 troops there.';
  assert.equal(m('troops', 'troops', t, t.indexOf('25,000')).key, 'personnel', '"more than" is a qualifier, not an increment');
});

test('rates convert to one period; other pers stay', () => {
  assert.deepEqual(normaliseRate('day', 'count'), { per: 'day', factor: 1 });
  assert.equal(normaliseRate('week', 'count').factor, 1 / 7);
  assert.deepEqual(normaliseRate('month', 'money'), { per: 'year', factor: 12 });
  assert.deepEqual(normaliseRate('shell', 'money'), { per: 'shell', factor: 1 });
  assert.deepEqual(normaliseRate(null, 'count'), { per: null, factor: 1 });
  assert.equal(singular('casualties'), 'casualty');
  assert.equal(singular('personnel'), 'personnel');
});
