import { test } from 'node:test';
import assert from 'node:assert/strict';
import { measureOf, normaliseRate, singular } from './measure.js';

const m = (unit: string, counted: string | null = null, sentenceText = '', numberAt = -1) => measureOf({ unit, counted, sentenceText, numberAt });

test('synonyms of troops and of shells share one measure', () => {
  for (const u of ['troops', 'soldiers', 'personnel', 'servicemen', 'forces', 'service members']) assert.equal(m(u).key, 'personnel', u);
  for (const u of ['shells', 'rounds', 'munitions', 'artillery shells', 'ammunition']) assert.equal(m(u).key, 'shells', u);
  assert.equal(m('casualties').key, 'casualties');
  assert.equal(m('killed').key, 'killed');
  assert.equal(m('kills', 'confirmed kills').key, 'killed', '"claimed 200 kills": the dead, not a noun of its own');
  assert.equal(m('soldiers', 'North Korean soldiers wounded').key, 'wounded');
  assert.equal(m('', 'killed or wounded').key, 'casualties', 'both outcomes counted together are casualties');
  assert.equal(m('killed or wounded', 'killed or wounded').key, 'casualties', 'also when the unit names both');
  assert.equal(m('', 'killed').key, 'killed');
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

test('what happened to the people counted is read around the number', () => {
  const at = (unit: string, s: string, n: string) => m(unit, null, s, s.indexOf(n)).key;
  assert.equal(at('Koreans', 'More than 3,000 North Koreans had been killed or wounded by then.', '3,000'), 'casualties');
  assert.equal(at('soldiers', 'Some 300 soldiers have been killed in the fighting.', '300'), 'killed');
  assert.equal(at('soldiers', 'Of those, around six hundred are dead.', 'around six hundred'), 'killed', 'unit carried from an earlier sentence');
  assert.equal(at('soldiers', 'Kyiv says it captured two wounded soldiers near the border.', 'two'), 'captured');
  assert.equal(at('casualties', 'Casualties stand at about 4,700, including some 600 dead.', 'about 4,700'), 'casualties', 'a later "dead" belongs to another figure');
  assert.equal(at('troops', 'About 8,000 troops were sent, and many were killed.', '8,000'), 'personnel');
});

test('nationals counted are personnel, but a nationality before another noun is not', () => {
  assert.equal(m('Koreans', 'North Koreans').key, 'personnel');
  assert.equal(m('engineers', 'North Korean engineers').key, 'engineer');
  assert.equal(m('reinforcements').key, 'personnel+added');
});
