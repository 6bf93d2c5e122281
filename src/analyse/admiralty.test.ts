import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CREDIBILITY, RELIABILITY, RELIABILITY_GRADES, CREDIBILITY_GRADES } from './admiralty.js';

// From src/analyse or dist/analyse alike: three levels up is the folder beside the project.
const taxonomy = fileURLToPath(new URL('../../../shared/standards/misp-taxonomies/admiralty-scale/machinetag.json', import.meta.url));

test('labels and values match the MISP admiralty-scale taxonomy', { skip: !existsSync(taxonomy) && 'taxonomy not present' }, () => {
  const t = JSON.parse(readFileSync(taxonomy, 'utf8')) as {
    values: { predicate: string; entry: { value: string; expanded: string; numerical_value: number }[] }[];
  };
  const entries = (p: string) => new Map(t.values.find((v) => v.predicate === p)!.entry.map((e) => [e.value, e]));
  const rel = entries('source-reliability');
  for (const g of RELIABILITY_GRADES) {
    assert.equal(RELIABILITY[g].label, rel.get(g.toLowerCase())!.expanded);
    assert.equal(RELIABILITY[g].value, rel.get(g.toLowerCase())!.numerical_value);
  }
  const cred = entries('information-credibility');
  for (const g of CREDIBILITY_GRADES) {
    assert.equal(CREDIBILITY[g].label, cred.get(String(g))!.expanded);
    assert.equal(CREDIBILITY[g].value, cred.get(String(g))!.numerical_value);
  }
});
