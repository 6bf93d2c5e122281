import assert from 'node:assert/strict';
import { test } from 'node:test';
import { XMLValidator } from 'fast-xml-parser';
import { analyse } from '../../analyse/index.js';
import { claim, loc } from '../../analyse/claim-record.fixture.js';
import { estimatesSvg } from './estimates-svg.js';
import { timeScale, valueScale } from './scales.js';

const NK = loc('north-korea', 'North Korea');
const RU = loc('russia', 'Russia');
const troops = (id: string, number: string, low: number, published: string, source: string, extra = {}) =>
  claim({ id, number, low, unit: 'troops', counted: 'North Korean troops', location: 'Russia', published, source,
    entities: [NK, RU], sentenceText: `${source} says ${number} North Korean troops are in Russia <now> & "counting".`, ...extra });

test('the chart is well-formed SVG with one point per claim, a legend entry per source, conflicts and the estimate', () => {
  const a = analyse([
    troops('a', '300', 300, '2024-10-01', 'Outlet One'),
    troops('b', 'about 3,000', 3000, '2024-11-04', 'Outlet Two', { qualifier: 'approximate' }),
    troops('c', '12,000', 12000, '2024-11-04', 'Outlet Three'),
    troops('d', 'at least 40,000', 40000, '2025-02-01', 'Outlet Four', { qualifier: 'at_least' }),
    troops('e', '12,000', 12000, '2024-11-04', 'Outlet Five', { reportId: 'r-copy', originalReportId: 'r-c' }),
  ]);
  const p = a.propositions[0]!;
  assert.equal(p.series.length, 5);
  const conflicts = a.conflicts.filter((c) => c.propositionId === p.id);
  assert.ok(conflicts.length > 0);
  const svg = estimatesSvg(p, conflicts);
  assert.equal(XMLValidator.validate(svg), true);
  assert.ok(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'));
  assert.equal(svg.match(/<circle class="claim/g)?.length, 5, 'one point per claim');
  assert.equal(svg.match(/<rect class="range"/g)?.length, 5, 'one range bar per claim');
  assert.equal(svg.match(/<circle class="claim conflict"/g)?.length, 3, 'both sides, the copy included');
  assert.equal(svg.match(/<g class="conflicts"[^>]*>\n<line/g)?.length, 1);
  assert.match(svg, /class="best-estimate"/);
  assert.match(svg, /\(log scale\)/, '300 to 40,000 spans more than two decades');
  assert.match(svg, /&lt;now&gt; &amp; &quot;counting&quot;/, 'sentences are escaped');
  assert.match(svg, /fill="#ffffff" stroke="[^"]+" stroke-width="[\d.]+"><title>claim e /, 'a copy is drawn hollow');
});

test('value scales: linear within two decades, log beyond; time ticks by month over a year', () => {
  assert.equal(valueScale(3000, 25000, 500, 0).log, false);
  const log = valueScale(300, 40000, 500, 0);
  assert.equal(log.log, true);
  assert.ok(log.at(1000) < log.at(300) && log.at(40000) >= 0);
  const t = timeScale(0, 365, 0, 365).ticks;
  assert.deepEqual(t.slice(0, 3).map((x) => x.label), ['1970', '1970-02', '1970-03']);
  assert.equal(t.length, 13, 'January 1970 to January 1971');
});

test('up to twenty sources get twenty different colours', () => {
  const names = Array.from({ length: 20 }, (_, i) => `Outlet ${String.fromCharCode(65 + i)}`);
  const a = analyse(names.map((n, i) => troops(`s${i}`, String(10_000 + i * 10), 10_000 + i * 10, `2024-11-${String(1 + i).padStart(2, '0')}`, n)));
  const svg = estimatesSvg(a.propositions[0]!, []);
  const fills = [...svg.matchAll(/<circle class="claim"[^>]* fill="(#[0-9a-f]{6})"/g)].map((m) => m[1]);
  assert.equal(fills.length, 20);
  assert.equal(new Set(fills).size, 20);
});
