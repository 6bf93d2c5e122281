import assert from 'node:assert/strict';
import { test } from 'node:test';
import { coordinatesOf } from './coordinates.js';
import { Containment, PLACES } from './places.js';

test('every gazetteer place has coordinates on the globe', () => {
  const missing = [...PLACES.keys()].filter((slug) => coordinatesOf(slug) === undefined);
  assert.deepEqual(missing, []);
  for (const slug of PLACES.keys()) {
    const { latitude, longitude } = coordinatesOf(slug)!;
    assert.ok(latitude >= -90 && latitude <= 90 && longitude >= -180 && longitude <= 180, slug);
  }
});

test('an unknown place has none, and names of Object.prototype are not places', () => {
  assert.equal(coordinatesOf('atlantis'), undefined);
  assert.equal(coordinatesOf('constructor'), undefined);
  assert.equal(coordinatesOf('toString'), undefined);
});

test('a place lies near the country the gazetteer puts it in (a slip of sign or digits shows)', () => {
  const containment = new Containment();
  for (const slug of PLACES.keys()) {
    const country = containment.root(slug);
    if (country === slug) continue;
    const a = coordinatesOf(slug)!;
    const b = coordinatesOf(country)!;
    // Russia spans ~170 degrees of longitude; other countries are far smaller.
    const reach = country === 'russia' ? 60 : country === 'united-states' ? 30 : 12;
    assert.ok(Math.abs(a.latitude - b.latitude) < reach && Math.abs(a.longitude - b.longitude) < reach * 1.5, `${slug} in ${country}`);
  }
});
