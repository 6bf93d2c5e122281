import { after, describe } from 'node:test';
import type { TestStores } from '../test-stores.fixture.js';
import { analysisTests } from './analysis.js';
import { federationTests } from './federation.js';
import { interopTests } from './interop.js';
import { reportContentsTests } from './report-contents.js';
import { reportTests } from './reports.js';
import { shareTests } from './share.js';

/**
 * The behaviour every store dialect must have, as node:test tests over `stores` (new, empty stores
 * of one dialect and a way to read their data past the policy). Each dialect's test file calls it
 * once; tests of one dialect alone (WAL, a killed writer) stay beside that dialect.
 */
export function storeConformance(stores: TestStores): void {
  describe(`Store conformance (${stores.dialect})`, { skip: stores.skip ?? false }, () => {
    after(() => stores.dispose());
    reportTests(stores);
    analysisTests(stores);
    shareTests(stores);
    federationTests(stores);
    interopTests(stores);
    reportContentsTests(stores);
  });
}
