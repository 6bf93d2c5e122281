import { TLP_LABELS, type Marking } from '../domain/marking.js';
import { LOCAL_ADMIN, type Viewer } from '../domain/viewer.js';

/** Test helper: every combination of classification, release, owner and TLP the policy tells apart. */
export const MARKINGS: Marking[] = [];
for (const classification of ['UNCLASSIFIED', 'CONFIDENTIAL', 'SECRET', 'UNKNOWN-LEVEL'])
  for (const releasableTo of [['ALL'], ['kr-mnd'], ['five-eyes'], [], ['jp-mod', 'nato']])
    for (const owner of ['local', 'kr-mnd'])
      for (const tlp of TLP_LABELS) MARKINGS.push({ classification, releasableTo, owner, tlp });

/** Viewers with and without clearance, communities and releases to them. */
export const VIEWERS: Viewer[] = [
  LOCAL_ADMIN,
  { partnerId: 'kr-mnd', clearance: 'CONFIDENTIAL', communities: ['five-eyes'], role: 'analyst' },
  { partnerId: 'jp-mod', clearance: 'UNCLASSIFIED', communities: ['nato'], role: 'reader' },
  { partnerId: 'nobody', clearance: 'NOT-A-LEVEL', communities: [], role: 'reader' },
];
