import assert from 'node:assert/strict';
import { test } from 'node:test';
import { claim, loc, org } from './claim-record.fixture.js';
import { Containment } from './places.js';
import { readAbout } from './subject-place.js';

test('the speaker named with its written form in brackets is still no subject: "Seoul\'s spy agency" is not whose figure', () => {
  const r = claim({
    id: 's1',
    sentenceText: "Seoul's spy agency said on Friday that about 600 soldiers had been killed near the border.",
    number: '600',
    low: 600,
    unit: 'soldiers',
    counted: 'soldiers',
    attributedTo: "National Intelligence Service (Seoul's spy agency)",
    speakerKey: 'org:national-intelligence-service',
    entities: [loc('seoul', 'Seoul'), org('national-intelligence-service', 'National Intelligence Service')],
  });
  // The capital owns the speaker's noun ("Seoul's spy agency"): it says whose agency, not whose soldiers.
  assert.equal(readAbout(r, 'count', new Containment()).subject, null);
});
