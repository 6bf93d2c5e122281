import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stixId, typeOfId, uuidv5 } from './ids.js';

test('uuidv5 matches RFC 4122 (the DNS namespace example of python uuid.uuid5)', () => {
  // uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org')
  assert.equal(uuidv5('python.org', '6ba7b810-9dad-11d1-80b4-00c04fd430c8'), '886313e1-3b8a-5372-9b90-0c9aee199e5d');
});

test('stix ids are deterministic, typed and differ by key', () => {
  const a = stixId('identity', 'person:kim-jong-un');
  assert.equal(a, stixId('identity', 'person:kim-jong-un'));
  assert.notEqual(a, stixId('identity', 'person:vladimir-putin'));
  assert.equal(typeOfId(a), 'identity');
  assert.equal(typeOfId('identity--not-a-uuid'), undefined);
});
