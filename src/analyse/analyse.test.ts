import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse } from './analyse.js';
import { diffAnalyses } from './alerts.js';
import type { Analysis, Proposition } from './analysis.js';
import type { ClaimRecord } from './claim-record.js';
import { claim, loc, org } from './claim-record.fixture.js';
import { propositionId } from './group.js';
import { splitId } from './overrides.js';

const NK = loc('north-korea', 'North Korea');
const RU = loc('russia', 'Russia');
const KURSK = loc('kursk', 'Kursk');

/** The proposition a claim ended up in. */
function propOf(a: Analysis, claimId: string): Proposition {
  const p = a.propositions.find((x) => x.series.some((s) => s.claimId === claimId));
  assert.ok(p, `claim ${claimId} is in no proposition`);
  return p;
}
const entry = (a: Analysis, claimId: string) => propOf(a, claimId).series.find((s) => s.claimId === claimId)!;

// A deployment that grows over four months: each figure is later than the one before.
const growth: ClaimRecord[] = [
  claim({
    id: 'g1', number: '3,000', low: 3000, unit: 'troops', counted: 'North Korean troops', published: '2024-10-23',
    source: 'Korea Daily Wire', attributedTo: "South Korea's spy agency", location: 'eastern Russia',
    sentenceText: "South Korea's spy agency said 3,000 North Korean troops were training in eastern Russia.",
    entities: [loc('south-korea', 'South Korea'), RU],
  }),
  claim({
    id: 'g2', number: '10,000', low: 10000, unit: 'soldiers', counted: 'soldiers', published: '2024-10-29',
    qualifier: 'approximate', source: 'Capital Post', attributedTo: 'the Pentagon', speakerKey: 'org:pentagon',
    sentenceText: 'Pyongyang has now moved about 10,000 soldiers to Russia, the Pentagon said.',
    entities: [loc('pyongyang', 'Pyongyang'), RU, org('pentagon', 'Pentagon')],
  }),
  claim({
    id: 'g3', number: '11,000', low: 11000, unit: 'personnel', counted: 'DPRK personnel', published: '2024-11-05',
    source: 'Kyiv Evening', attributedTo: "Ukraine's military intelligence", location: "Russia's Kursk region",
    sentenceText: "Ukraine's military intelligence counted 11,000 DPRK personnel in Russia's Kursk region.",
    entities: [loc('ukraine', 'Ukraine'), loc('north-korea', 'North Korea'), RU, KURSK],
  }),
  claim({
    id: 'g4', number: 'at least 25,000', low: 25000, unit: 'troops', counted: 'North Korean troops', qualifier: 'at_least',
    published: '2025-02-14', source: 'Seoul Ledger', attributedTo: 'lawmakers',
    sentenceText: 'By mid-February at least 25,000 North Korean troops had been sent, lawmakers were told.',
  }),
];

test('a growing series is one proposition with no conflict, its estimate the latest figure', () => {
  const a = analyse(growth);
  const p = propOf(a, 'g1');
  assert.deepEqual(p.series.map((s) => s.claimId), ['g1', 'g2', 'g3', 'g4']);
  assert.equal(p.measure, 'personnel');
  assert.equal(p.subject?.key, 'loc:north-korea');
  assert.equal(p.place?.key, 'loc:russia');
  assert.equal(a.conflicts.length, 0);
  assert.ok(p.series.every((s) => s.credibility === 3), 'uncorroborated, uncontradicted: possibly true');
  assert.equal(p.estimate?.low, 25000);
  assert.equal(p.estimate?.high, null);
  assert.deepEqual(p.estimate?.claimIds, ['g4']);
  assert.equal(entry(a, 'g4').placeFrom, 'proposition');
  assert.equal(entry(a, 'g3').place, 'kursk');
});

const sameDay = (id: string, number: string, low: number, extra: Partial<Parameters<typeof claim>[0]>) =>
  claim({ id, number, low, unit: 'troops', counted: 'North Korean troops', location: 'Russia', published: '2024-11-04', ...extra,
    sentenceText: extra.sentenceText ?? `Some ${number} North Korean troops are in Russia now.` });

test('a true conflict names both claims, both sources and the gap', () => {
  const a = analyse([
    sameDay('c1', 'about 3,000', 3000, { qualifier: 'approximate', source: 'Harbour Times' }),
    sameDay('c2', '12,000', 12000, {
      source: 'Dnipro Daily', attributedTo: "Ukraine's military intelligence",
      sentenceText: "Ukraine's military intelligence said 12,000 North Korean troops are in Russia now.",
    }),
  ]);
  assert.equal(a.conflicts.length, 1);
  const c = a.conflicts[0]!;
  assert.deepEqual([c.a.claimId, c.b.claimId].sort(), ['c1', 'c2']);
  assert.deepEqual([c.a.sourceLabel, c.b.sourceLabel].sort(), ['Harbour Times', "Ukraine's military intelligence"]);
  assert.equal(c.gap, 12000 - 3150);
  assert.equal(c.ratio, 12000 / 3150);
  assert.match(c.why, /3,150 apart|8,850 apart/);
  assert.deepEqual(propOf(a, 'c1').conflictIds, [c.id]);
  assert.equal(entry(a, 'c1').credibility, 4);
  assert.equal(entry(a, 'c2').credibility, 4);
});

test('qualifiers: "up to 12,000" does not contradict 11,000, "more than 12,000" does', () => {
  const upTo = analyse([
    sameDay('q1', 'up to 12,000', 12000, { qualifier: 'at_most', source: 'Outlet One' }),
    sameDay('q2', '11,000', 11000, { source: 'Outlet Two' }),
  ]);
  assert.equal(upTo.conflicts.length, 0);
  assert.equal(entry(upTo, 'q1').credibility, 2, 'corroborated by one independent source');
  const moreThan = analyse([
    sameDay('q3', 'more than 12,000', 12000, { qualifier: 'at_least', source: 'Outlet One' }),
    sameDay('q4', '11,000', 11000, { source: 'Outlet Two' }),
  ]);
  assert.equal(moreThan.conflicts.length, 1);
});

test('a syndicated copy and a relayed statement do not count twice', () => {
  const original = sameDay('s1', '10,000', 10000, { reportId: 'wire-1', source: 'Global Wire' });
  const copy = sameDay('s2', '10,000', 10000, { reportId: 'paper-7', source: 'Morning Paper', originalReportId: 'wire-1' });
  const other = sameDay('s3', '10,000', 10000, { reportId: 'tv-2', source: 'Evening TV' });
  const a = analyse([original, copy, other]);
  assert.equal(entry(a, 's1').sourceKey, entry(a, 's2').sourceKey);
  assert.equal(entry(a, 's2').copyOf, 's1');
  assert.equal(entry(a, 's1').credibility, 2, 'one independent corroboration, not two');
  assert.equal(entry(a, 's3').credibility, 2);
  assert.match(entry(a, 's3').reasons.join('\n'), /corroborated by 1 independent source/);

  // Two outlets relaying the same speaker are one source; a third, independent, confirms it.
  const relay = (id: string, source: string, speaker: string) =>
    sameDay(id, '12,000', 12000, { source, attributedTo: speaker, sentenceText: `${speaker} said 12,000 North Korean troops are in Russia now.` });
  const b = analyse([
    relay('u1', 'Outlet A', "Ukraine's intelligence"),
    relay('u2', 'Outlet B', 'Ukrainian intelligence'),
    relay('u3', 'Outlet C', 'Estonian defence officials'),
    relay('u4', 'Outlet D', 'officials'),
  ]);
  assert.equal(entry(b, 'u1').sourceKey, entry(b, 'u2').sourceKey);
  assert.equal(entry(b, 'u1').credibility, 1, 'confirmed by two other independent sources');
  assert.match(entry(b, 'u1').reasons.join('\n'), /2 claims carry this statement \(2 outlets/);
  assert.equal(b.sources.length, 3);
});

test("a merge and a split survive re-analysis with new claims", () => {
  const workers = (id: string, low: number, published: string) =>
    claim({ id, number: String(low), low, unit: 'labourers', counted: 'North Korean labourers', location: 'Russia', published,
      source: `Outlet ${id}`, sentenceText: `About ${low} North Korean labourers arrived in Russia this month.` });
  const builders = (id: string, low: number, published: string) =>
    claim({ id, number: String(low), low, unit: 'builders', counted: 'North Korean builders', location: 'Russia', published,
      source: `Outlet ${id}`, sentenceText: `Some ${low} North Korean builders went to Russia.` });
  const first = [workers('w1', 5000, '2024-09-01'), builders('b1', 6000, '2024-09-20')];
  const before = analyse(first);
  const into = propOf(before, 'w1').id;
  const from = propOf(before, 'b1').id;
  assert.notEqual(into, from);
  const overrides = [{ kind: 'merge' as const, from, into }];
  const merged = analyse(first, { overrides });
  assert.equal(propOf(merged, 'b1').id, into);
  assert.equal(propOf(merged, 'b1').origin, 'merged');

  // New reports arrive; the analyst's merge still holds and the ids have not moved.
  const later = [...first, builders('b2', 7000, '2024-10-10'), workers('w2', 8000, '2024-11-01')];
  const again = analyse(later, { overrides });
  assert.equal(propOf(again, 'b2').id, into);
  assert.deepEqual(propOf(again, 'w2').series.map((s) => s.claimId), ['w1', 'b1', 'b2', 'w2']);
  assert.deepEqual(propOf(again, 'w2').mergedFrom, [from]);

  // A split of one claim out of the merged proposition also persists.
  const withSplit = [...overrides, { kind: 'split' as const, propositionId: into, claimIds: ['b2'], newLabel: 'Builders, autumn' }];
  const split = analyse(later, { overrides: withSplit });
  assert.equal(propOf(split, 'b2').id, splitId(into, 'Builders, autumn'));
  assert.equal(propOf(split, 'b2').label, 'Builders, autumn');
  assert.equal(propOf(analyse(later, { overrides: withSplit }), 'b2').id, propOf(split, 'b2').id);
});

test('unit synonyms group; the killed and the wounded stay apart', () => {
  const s = (id: string, unit: string, counted: string) =>
    claim({ id, number: '1,000', low: 1000, unit, counted, location: 'Kursk', published: '2024-12-01', source: `S${id}`,
      sentenceText: `Some 1,000 ${counted} in Kursk.` });
  const a = analyse([
    s('u1', 'troops', 'North Korean troops'), s('u2', 'servicemen', 'North Korean servicemen'),
    s('u3', 'forces', 'North Korean forces'), s('u4', 'soldiers', 'North Korean soldiers killed'),
    s('u5', 'wounded', 'North Korean wounded'),
  ]);
  assert.equal(propOf(a, 'u1').id, propOf(a, 'u2').id);
  assert.equal(propOf(a, 'u1').id, propOf(a, 'u3').id);
  assert.equal(propOf(a, 'u4').measure, 'killed');
  assert.equal(propOf(a, 'u5').measure, 'wounded');
  assert.equal(new Set(['u1', 'u4', 'u5'].map((id) => propOf(a, id).id)).size, 3);
});

test('places: Kursk lies in Russia; a learned district too; a part may not exceed the whole', () => {
  const c = (id: string, low: number, location: string, sentenceText: string) =>
    claim({ id, number: low.toLocaleString('en-US'), low, unit: 'troops', counted: 'North Korean troops', location,
      published: '2024-12-02', source: `S${id}`, sentenceText });
  const a = analyse([
    c('p1', 11000, 'Russia', 'There are 11,000 North Korean troops in Russia.'),
    c('p2', 9000, 'Kursk', 'Of those, 9,000 North Korean troops are in Kursk.'),
    c('p3', 500, 'Zolotukhino', "Around 500 North Korean troops sit in Russia's Zolotukhino district."),
  ]);
  assert.equal(new Set(['p1', 'p2', 'p3'].map((id) => propOf(a, id).id)).size, 1);
  assert.equal(a.conflicts.length, 0, 'a part smaller than the whole is no conflict');
  assert.equal(entry(a, 'p2').credibility, 3, 'a part does not corroborate the whole');

  const b = analyse([
    c('p4', 11000, 'Russia', 'There are 11,000 North Korean troops in Russia.'),
    c('p5', 15000, 'Kursk', 'Some 15,000 North Korean troops are in Kursk.'),
  ]);
  assert.equal(b.conflicts.length, 1);
  assert.match(b.conflicts[0]!.why, /Kursk lies in Russia/);
});

test('places are read from the sentence when the claim has none; a different subject is a different proposition', () => {
  const a = analyse([
    claim({ id: 'x1', number: '11,000', low: 11000, unit: 'troops', counted: 'troops', source: 'A',
      sentenceText: "Pyongyang sent 11,000 troops to Russia's Kursk region.", entities: [loc('pyongyang', 'Pyongyang'), RU, KURSK] }),
    claim({ id: 'x2', number: '11,000', low: 11000, unit: 'soldiers', counted: 'North Korean soldiers', location: 'Kursk', source: 'B',
      sentenceText: 'About 11,000 North Korean soldiers are fighting in Kursk.' }),
    claim({ id: 'x3', number: '50,000', low: 50000, unit: 'troops', counted: 'troops', source: 'C',
      sentenceText: 'Russia has massed 50,000 troops in Kursk.', entities: [RU, KURSK] }),
  ]);
  assert.equal(propOf(a, 'x1').id, propOf(a, 'x2').id);
  assert.equal(entry(a, 'x1').placeFrom, 'sentence');
  assert.equal(propOf(a, 'x3').subject?.key, 'loc:russia');
  assert.notEqual(propOf(a, 'x3').id, propOf(a, 'x1').id);
  assert.equal(a.conflicts.length, 0);
});

test('ids are deterministic: the same claims in another order give the same ids', () => {
  const records = [
    ...growth,
    sameDay('c1', 'about 3,000', 3000, { qualifier: 'approximate', source: 'Harbour Times' }),
    sameDay('c2', '12,000', 12000, { source: 'Dnipro Daily' }),
  ];
  const a = analyse(records);
  const b = analyse([...records].reverse());
  assert.deepEqual(a.propositions.map((p) => p.id), b.propositions.map((p) => p.id));
  assert.deepEqual(a.conflicts.map((c) => c.id), b.conflicts.map((c) => c.id));
  assert.deepEqual(a, b);
  const p = propOf(a, 'g1');
  assert.equal(p.id, propositionId(p.key));
  assert.equal(p.key, 'personnel||loc:north-korea|russia');
});

test('credibility grades come with their reasons', () => {
  const c = (id: string, low: number, source: string, extra: Partial<Parameters<typeof claim>[0]> = {}) =>
    sameDay(id, low.toLocaleString('en-US'), low, { source, ...extra });
  const a = analyse([c('k1', 11000, 'A'), c('k2', 11000, 'B'), c('k3', 11000, 'C'), c('k4', 2000, 'D'),
    c('k5', 5000, 'E', { vague: true, sentenceText: 'Thousands of North Korean troops are in Russia now, 5,000 perhaps.' })]);
  const k1 = entry(a, 'k1');
  assert.equal(k1.credibility, 2, 'corroborated by two, contradicted by one weaker side');
  assert.match(k1.reasons.join('\n'), /corroborated by 2 independent sources/);
  assert.match(k1.reasons.join('\n'), /contradicted by 1 independent source/);
  assert.match(k1.reasons.join('\n'), /outweighed/);
  const k4 = entry(a, 'k4');
  assert.equal(k4.credibility, 5);
  assert.equal(k4.credibilityLabel, 'Improbable');
  assert.match(k4.reasons.join('\n'), /contradicted by 3 independent sources/);
  assert.match(k4.reasons.join('\n'), /several/);
  assert.equal(entry(a, 'k5').credibility, 6);
  const undated = analyse([c('k6', 11000, 'F', { published: null })]);
  assert.equal(entry(undated, 'k6').credibility, 6);
  assert.match(entry(undated, 'k6').reasons.join('\n'), /no time/);
  assert.equal(propOf(undated, 'k6').estimate, null);
  assert.match(entry(a, 'k5').reasons.join('\n'), /vague/);
  assert.deepEqual([propOf(a, 'k1').estimate?.low, propOf(a, 'k1').estimate?.high], [11000, 11000]);

  // Reliability: an A source outweighs a lone F source that contradicts it.
  const graded = analyse([c('r1', 11000, 'Good Agency'), c('r2', 3000, 'Rumour Mill')], {
    reliability: { 'outlet:good agency': 'A' },
  });
  assert.equal(entry(graded, 'r1').credibility, 3);
  assert.equal(entry(graded, 'r2').credibility, 5);
  assert.equal(graded.sources.find((s) => s.key === 'outlet:good agency')?.reliabilityLabel, 'Completely reliable');
  assert.equal(graded.sources.find((s) => s.key === 'outlet:rumour mill')?.reliability, 'F');
  assert.equal(propOf(graded, 'r1').estimate?.low, 11000);
});

test('rates and currencies: periods convert, currencies only with a given rate', () => {
  const shells = (id: string, number: string, low: number, per: string) =>
    claim({ id, number, low, unit: 'shells', counted: 'Russian artillery shells', per, source: `S${id}`, published: '2024-06-01',
      qualifier: number.startsWith('about') ? 'approximate' : 'exact',
      sentenceText: `Gunners fire ${number} Russian artillery shells a ${per}.` });
  const a = analyse([shells('d1', '10,000', 10000, 'day'), shells('d2', 'about 300,000', 300000, 'month')]);
  assert.equal(propOf(a, 'd1').id, propOf(a, 'd2').id);
  assert.equal(propOf(a, 'd1').per, 'day');
  assert.match(entry(a, 'd2').conversion ?? '', /per month → per day/);
  assert.equal(a.conflicts.length, 0, 'about 300,000 a month is about 9,856 a day: compatible with 10,000');
  assert.equal(entry(a, 'd1').credibility, 2);
  const exact = analyse([shells('d3', '10,000', 10000, 'day'), shells('d4', '400,000', 400000, 'month')]);
  assert.equal(exact.conflicts.length, 1, '400,000 a month is 13,142 a day');

  const money = (id: string, unit: string, low: number) =>
    claim({ id, number: 'X', low, unit, counted: 'arms sales', source: `M${id}`, published: '2024-12-31',
      sentenceText: `North Korea earned X from arms sales to Russia.` });
  const apart = analyse([money('m1', 'USD', 5e9), money('m2', 'KRW', 7e12)]);
  assert.notEqual(propOf(apart, 'm1').id, propOf(apart, 'm2').id);
  assert.equal(propOf(apart, 'm1').key, 'money:USD:revenue||loc:north-korea+loc:russia|', 'earnings are revenue');
  const budget = claim({ id: 'm3', number: 'Y', low: 6e9, unit: 'USD', source: 'M3', published: '2024-12-31',
    sentenceText: 'North Korea set its defence budget for Russia-related work at Y.', entities: [] });
  assert.notEqual(propOf(analyse([money('m1', 'USD', 5e9), budget]), 'm3').id, propOf(apart, 'm1').id, 'a budget is not revenue');
  const together = analyse([money('m1', 'USD', 5e9), money('m2', 'KRW', 7e12)], { rates: [{ from: 'KRW', to: 'USD', rate: 1 / 1400, note: 'analyst, Dec 2024' }] });
  assert.equal(propOf(together, 'm1').id, propOf(together, 'm2').id);
  assert.match(entry(together, 'm2').conversion ?? '', /KRW → USD/);
  assert.equal(entry(together, 'm2').stated.unit, 'KRW');
});

test('alerts: a moved estimate and a new conflict, each once', () => {
  const first = analyse(growth.slice(0, 3));
  const second = analyse(growth);
  const alerts = diffAnalyses(first, second);
  assert.equal(alerts.length, 1);
  assert.equal(alerts[0]!.kind, 'estimate-moved');
  assert.match(alerts[0]!.what, /moved from 11,000 .* to at least 25,000/);
  assert.match(alerts[0]!.why, /g4/);
  assert.deepEqual(diffAnalyses(second, second), []);

  const conflicting = analyse([...growth, claim({ ...growth[3]!, id: 'g5', number: '5,000', low: 5000, qualifier: 'exact', source: 'Other Desk',
    attributedTo: null, sentenceText: 'By mid-February 5,000 North Korean troops had been sent.' })]);
  const next = diffAnalyses(second, conflicting);
  // The contradiction also leaves the estimate contested: it now spans both figures.
  assert.deepEqual(next.map((x) => x.kind).sort(), ['estimate-moved', 'new-conflict']);
  assert.match(next.find((x) => x.kind === 'new-conflict')!.what, /g4.*g5|g5.*g4/);
  assert.equal(propOf(conflicting, 'g5').estimate?.contested, true);
  assert.equal(propOf(conflicting, 'g5').estimate?.low, 5000);
  assert.deepEqual(diffAnalyses(conflicting, conflicting), []);
});

test('a busy day with hundreds of sources stays linear and still weighs every source', () => {
  const records: ClaimRecord[] = [];
  for (let i = 0; i < 400; i++) {
    const low = i % 100 === 0 ? 40000 : 11000;
    records.push(sameDay(`b${i}`, low.toLocaleString('en-US'), low, { source: `Outlet ${i}` }));
  }
  const a = analyse(records);
  assert.equal(entry(a, 'b0').credibility, 5, 'four outliers against 396');
  assert.match(entry(a, 'b0').reasons.join('\n'), /contradicted by 396 independent sources/);
  assert.equal(entry(a, 'b1').credibility, 2);
  assert.ok(a.conflicts.length <= 4 * 3, 'an outlier is listed a few times, not 396');
  assert.deepEqual([propOf(a, 'b1').estimate?.low, propOf(a, 'b1').estimate?.high], [11000, 11000]);
});

test('whose count: the noun phrase first; a nationality past it is something else; the report fills a gap', () => {
  const a = analyse([
    claim({ id: 'w1', number: '8,000', low: 8000, unit: 'soldiers', reportId: 'r-w', source: 'A', location: 'Kursk region',
      sentenceText: 'About 8,000 North Korean soldiers moved to the Kursk region near the Ukrainian border.', entities: [KURSK] }),
    claim({ id: 'w2', number: '11,000', low: 11000, unit: 'soldiers', reportId: 'r-v', source: 'B', location: 'Kursk', published: '2024-12-20',
      sentenceText: 'The president put the number in Kursk at 11,000 and said Ukrainian troops had fought them.', entities: [KURSK] }),
    claim({ id: 'w3', number: '12,000', low: 12000, unit: 'troops', counted: 'North Korean troops', reportId: 'r-w', source: 'A',
      sentenceText: 'In all, 12,000 North Korean troops are expected in Russia.', entities: [RU] }),
    claim({ id: 'w4', number: '15,000', low: 15000, unit: 'troops', reportId: 'r-w', source: 'A', published: '2025-04-01',
      sentenceText: 'The agency now believes 15,000 troops have been sent in total.' }),
  ]);
  assert.equal(propOf(a, 'w1').subject?.key, 'loc:north-korea');
  assert.notEqual(propOf(a, 'w2').subject?.key, 'loc:ukraine', '"Ukrainian troops" after the figure are not whose figure');
  assert.equal(propOf(a, 'w4').subject?.key, 'loc:north-korea', 'the report is about North Korean troops');
  assert.equal(a.conflicts.length, 0, '8,000 in Kursk is a part of 12,000 in all');
});

test("a place in the speaker's title is whose minister, not whose count", () => {
  const a = analyse([
    claim({ id: 't1', number: '6,000', low: 6000, unit: 'soldiers', reportId: 'r-t', source: 'A', attributedTo: 'Jane Doyle', location: 'Russia',
      sentenceText: 'British Foreign Secretary Jane Doyle says around 6,000 have reached Russia.', entities: [loc('united-kingdom', 'United Kingdom'), RU] }),
    claim({ id: 't2', number: '2,000', low: 2000, unit: 'soldiers', reportId: 'r-t', source: 'A', location: 'Russia',
      sentenceText: 'The first rotation of 2,000 North Korean soldiers reached Russia in October.', counted: 'North Korean soldiers', entities: [NK, RU] }),
  ]);
  assert.notEqual(propOf(a, 't1').subject?.key, 'loc:united-kingdom', 'the minister is British, the soldiers are not');
  assert.equal(propOf(a, 't1').subject?.key, 'loc:north-korea', 'the report is about North Korean soldiers');

  // The same with the country abbreviated, linked to the claim but written as "US", not "United States".
  const b = analyse([
    claim({ id: 'u1', number: '7,000', low: 7000, unit: 'soldiers', reportId: 'r-u', source: 'A', attributedTo: 'John Reyes', location: 'Russia',
      sentenceText: 'US Defense Secretary John Reyes says some 7,000 are now in Russia.', entities: [loc('united-states', 'United States'), RU] }),
    claim({ id: 'u2', number: '1,000', low: 1000, unit: 'soldiers', reportId: 'r-u', source: 'A', location: 'Russia',
      sentenceText: 'A first wave of 1,000 North Korean soldiers landed in Russia.', counted: 'North Korean soldiers', entities: [NK, RU] }),
  ]);
  assert.equal(propOf(b, 'u1').subject?.key, 'loc:north-korea', '"US" opens the secretary\'s title');
});

test('"the first group of 1,500" is part of a total, not a rival figure', () => {
  const a = analyse([
    claim({ id: 'f1', number: '12,000', low: 12000, unit: 'troops', counted: 'North Korean troops', source: 'A', published: '2024-10-18',
      sentenceText: 'Pyongyang will send some 12,000 North Korean troops to Russia.', entities: [RU] }),
    claim({ id: 'f2', number: '1,500', low: 1500, unit: 'troops', counted: 'North Korean troops', source: 'B', published: '2024-10-18',
      sentenceText: 'The first group of 1,500 North Korean troops has left for Russia.', entities: [RU] }),
  ]);
  assert.equal(propOf(a, 'f1').id, propOf(a, 'f2').id);
  assert.equal(a.conflicts.length, 0);
});

test('a forecast is not the current best estimate while a figure for the present exists', () => {
  const a = analyse([
    claim({ id: 'n1', number: '12,000', low: 12000, unit: 'troops', counted: 'North Korean troops', source: 'A', published: '2025-03-01',
      sentenceText: 'Some 12,000 North Korean troops are in Russia now.', entities: [RU] }),
    claim({ id: 'n2', number: '30,000', low: 30000, unit: 'troops', counted: 'North Korean troops', source: 'B', published: '2025-03-02',
      time: { start: '2025-06-01', end: '2025-08-31' },
      sentenceText: 'By the summer, 30,000 North Korean troops could be in Russia.', entities: [RU] }),
  ]);
  assert.equal(propOf(a, 'n1').id, propOf(a, 'n2').id);
  assert.deepEqual([propOf(a, 'n1').estimate?.low, propOf(a, 'n1').estimate?.high], [12000, 12000]);
});

test('shares of something unsaid stay apart; shares of the same thing group', () => {
  const a = analyse([
    claim({ id: 's1', number: 'half', low: 50, unit: '%', counted: null, source: 'A', sentenceText: 'About half failed on launch.' }),
    claim({ id: 's2', number: 'a third', low: 33.33, unit: '%', counted: null, source: 'B', sentenceText: 'Officials said a third were repaired.' }),
    claim({ id: 's3', number: 'half', low: 50, unit: '%', counted: "of Russia's shells", source: 'C',
      sentenceText: "North Korea now supplies half of Russia's shells.", entities: [NK, RU] }),
    claim({ id: 's4', number: '60', low: 60, unit: '%', counted: "of Russia's artillery rounds", source: 'D', published: '2024-12-01',
      sentenceText: "North Korea supplies 60% of Russia's artillery rounds.", entities: [NK, RU] }),
  ]);
  assert.notEqual(propOf(a, 's1').id, propOf(a, 's2').id);
  assert.equal(propOf(a, 's3').id, propOf(a, 's4').id);
});

test('a count no sentence of its report attributes to anyone takes the actor its headline names with it', () => {
  const a = analyse([
    claim({ id: 't1', number: '4,000', low: 4000, unit: 'troops', reportId: 'r-t', source: 'A', reportTitle: 'More North Korean troops reach the front',
      sentenceText: 'Officials believe some 4,000 troops crossed last week.' }),
    claim({ id: 't2', number: '900', low: 900, unit: 'sailors', reportId: 'r-u', source: 'B', reportTitle: 'More North Korean troops reach the front',
      sentenceText: 'Another report says 900 sailors stayed at home.' }),
  ]);
  assert.equal(propOf(a, 't1').subject?.key, 'loc:north-korea');
  assert.equal(propOf(a, 't2').subject, null, 'the headline speaks of troops, not sailors');
});
