import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Containment, findPossessedRegions, placeSlug } from './places.js';
import { placeOfPhrase, scanNames } from './mentions.js';

test('the gazetteer knows what lies in what', () => {
  const w = new Containment();
  assert.deepEqual(w.chain('sudzha'), ['sudzha', 'kursk', 'russia']);
  assert.equal(w.root('vladivostok'), 'russia');
  assert.equal(w.root('pokrovsk'), 'ukraine');
  assert.ok(w.within('kursk', 'russia'));
  assert.ok(!w.within('russia', 'kursk'));
  assert.ok(!w.within('kursk', 'kursk'));
  assert.equal(placeSlug('Kursk Oblast'), 'kursk');
  assert.equal(placeSlug('Kiev'), 'kyiv');
});

test('"<Country>\'s X region" teaches that X lies in the country', () => {
  const w = new Containment();
  const seen: string[] = [];
  findPossessedRegions("Shelling hit Ukraine’s Nova Zorya district and Russia's Glushkovo region overnight.", (slug, c) => {
    seen.push(`${slug}<${c}`);
    w.learn(slug, c);
  });
  assert.deepEqual(seen, ['nova-zorya<ukraine', 'glushkovo<russia']);
  assert.equal(w.root('glushkovo'), 'russia');
  findPossessedRegions("Russia's new region rules", (s) => seen.push(s));
  assert.equal(seen.length, 2, 'lower-case words are no place names');
  w.learn('kursk', 'ukraine');
  assert.equal(w.root('kursk'), 'russia', 'the gazetteer wins over what reports say');
});

test('a location phrase resolves to its most specific place', () => {
  const w = new Containment();
  assert.equal(placeOfPhrase("Russia's Kursk region", [], w), 'kursk');
  assert.equal(placeOfPhrase('eastern Russia', [], w), 'russian-far-east', 'news copy means the Far East');
  assert.equal(placeOfPhrase('western Russia', [], w), 'russia');
  assert.equal(placeOfPhrase('the Russian Far East', [], w), 'russian-far-east');
  assert.equal(placeOfPhrase('the Zolotukhino district', [], w), 'zolotukhino');
  assert.equal(placeOfPhrase('the front line', [], w), null);
});

test('names stand for actors: capitals and bodies for their state, demonyms too', () => {
  const ms = scanNames("The Kremlin and Pyongyang agreed; North Korean units reached the DPRK's border near Vladivostok.");
  assert.deepEqual(
    ms.map((m) => [m.actor, m.place]),
    [['loc:russia', null], ['loc:north-korea', 'pyongyang'], ['loc:north-korea', null], ['loc:north-korea', 'north-korea'], [null, 'vladivostok']],
  );
});
