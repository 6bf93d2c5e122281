import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { ingestFiles } from '../cli/ingest-files.js';
import { expandInputs } from '../cli/read-inputs.js';
import { SAMPLES_DIR } from '../cli/commands/demo.js';
import { LOCAL_ADMIN } from '../domain/viewer.js';
import { hashToken, newToken } from '../share/tokens.js';
import { openSqliteStore, type SqliteStore } from '../store/sqlite/sqlite-store.js';
import { buildServer } from './app.js';

/**
 * End to end: the built workspace (dist/web) served by the real server on loopback, driven in
 * Debian's Chromium through playwright-core. Each step saves a screenshot under
 * test-output/workspace/ so a person can look at every view.
 */
const CHROMIUM = process.env['PARALLAX_CHROMIUM'] ?? '/usr/bin/chromium';
const WEB_ROOT = fileURLToPath(new URL('../web/', import.meta.url));
const SHOTS = fileURLToPath(new URL('../../test-output/workspace/', import.meta.url));
const missing = !existsSync(CHROMIUM) ? `no Chromium at ${CHROMIUM} (.ci/run installs Debian's chromium)` : !existsSync(join(WEB_ROOT, 'index.html')) ? 'the workspace is not built (npm run build)' : null;
// CI installs Chromium and builds first: there a missing one is a failure, not a skip.
if (missing && process.env['CI']) throw new Error(`workspace end-to-end test cannot run: ${missing}`);

const NEW_REPORT = [
  'Officials in Tallinn said on Monday that about 4,200 North Korean soldiers had reached a training ground near Kursk.',
  '',
  'The defence ministry added that 600 more were expected within two weeks, according to a written statement.',
].join('\n');

describe('analyst workspace in Chromium', { skip: missing ?? false }, () => {
  let dir: string;
  let store: SqliteStore;
  let app: FastifyInstance;
  let base: string;
  let browser: Browser;
  const tokens: Record<string, string> = {};
  let restrictedId = 0;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'parallax-e2e-'));
    mkdirSync(SHOTS, { recursive: true });
    store = await openSqliteStore(join(dir, 'store.db'));
    const expanded = await expandInputs([SAMPLES_DIR], { stderr: process.stderr } as never);
    await ingestFiles(store, expanded.files.filter((f) => !/README\.md$/i.test(f.origin)), expanded.missing, {});
    for (const [id, clearance, communities, role] of [
      ['kr-mnd', 'CONFIDENTIAL', ['NATO'], 'analyst'],
      ['jp-mod', 'UNCLASSIFIED', [], 'reader'],
    ] as const) {
      await store.addPartner(LOCAL_ADMIN, { id, clearance, communities: [...communities] });
      tokens[id] = newToken();
      await store.issueToken(LOCAL_ADMIN, { partnerId: id, role, tokenHash: hashToken(tokens[id]!) });
    }
    app = await buildServer({ store, webRoot: WEB_ROOT, conflictDelayMs: 200 });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  });

  after(async () => {
    await browser?.close();
    await app?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function signedIn(partner: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}/`);
    await page.getByLabel('API token').fill(tokens[partner]!);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('header.top .who').getByText(partner).waitFor();
    (page as Page & { errors?: string[] }).errors = errors;
    return page;
  }
  const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`) });
  const post = (partner: string, body: unknown) =>
    fetch(`${base}/api/v1/reports`, { method: 'POST', headers: { authorization: `Bearer ${tokens[partner]}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });

  test('sign-in refuses an unknown token and accepts a partner token; the reports list shows a marking on every row', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${base}/`);
    await shot(page, '01-sign-in');
    await page.getByLabel('API token').fill('plx_not-a-real-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').getByText('not known').waitFor();
    await page.close();

    const p = await signedIn('kr-mnd');
    const rows = p.locator('table.reports tbody tr');
    await rows.first().waitFor();
    const count = await rows.count();
    assert.ok(count >= 15, `${count} rows`);
    assert.equal(await p.locator('table.reports tbody tr .chip-group').count(), count, 'every row carries its marking');
    // Sorting is the server's: by source, ascending.
    await p.getByRole('link', { name: 'Source' }).click();
    await p.locator('th[aria-sort=ascending]').getByText('Source').waitFor();
    await shot(p, '02-reports');
    // Keyboard: j moves the focus into the list, Enter opens the report.
    await p.keyboard.press('j');
    assert.match(String(await p.evaluate('document.activeElement && document.activeElement.getAttribute("href")')), /^\/reports\/\d+$/);
    await p.close();
  });

  test('an analyst ingests a report by pasting it and sees its claims highlighted, with a card on hover', async () => {
    const p = await signedIn('kr-mnd');
    await p.getByRole('link', { name: 'Ingest' }).click();
    await p.getByLabel('Classification').selectOption('CONFIDENTIAL');
    await p.getByLabel('Releasable to').fill('NATO');
    await p.getByLabel('TLP').selectOption('TLP:AMBER');
    await p.getByRole('textbox', { name: 'Text or HTML' }).fill(NEW_REPORT);
    await p.getByLabel('Title (optional)').fill('Tallinn counts North Korean soldiers near Kursk');
    await p.getByLabel('Published (optional)').fill('2025-06-20');
    await p.getByRole('button', { name: 'Ingest', exact: true }).click();
    const link = p.getByTestId('ingested-link');
    await link.waitFor();
    await shot(p, '03-ingest');
    restrictedId = Number((await link.getAttribute('href'))!.split('/').pop());
    assert.ok(restrictedId > 0);
    await link.click();
    await p.getByRole('heading', { name: 'Tallinn counts North Korean soldiers near Kursk' }).waitFor();
    assert.match((await p.locator('.banner-top').textContent()) ?? '', /CONFIDENTIAL\/\/REL TO NATO/);
    assert.match((await p.locator('.banner-bottom').textContent()) ?? '', /TLP:AMBER/);
    const marks = p.locator('article mark.claim');
    const figures = await marks.allTextContents();
    assert.ok(figures.includes('4,200') && figures.includes('600'), `both figures are highlighted in the text: ${figures.join(', ')}`);
    assert.ok((await p.locator('article .ent-location').count()) >= 1, 'places are highlighted');
    await marks.first().hover();
    const tip = p.locator('#tip');
    await tip.waitFor({ state: 'visible' });
    const card = (await tip.textContent()) ?? '';
    for (const field of ['value', 'unit', 'qualifier', 'speaker', 'holds', 'credibility']) assert.ok(card.includes(field), `card shows ${field}: ${card}`);
    assert.match(card, /approximate/);
    assert.match(card, /Officials in Tallinn/);
    await shot(p, '04-reader-hover');
    // The keyboard reaches the claims too: focus shows the same card.
    await p.mouse.move(0, 0);
    await marks.nth(1).focus();
    await tip.getByText('600').first().waitFor();
    await p.getByLabel(/Show cut boilerplate/).check();
    await p.close();
  });

  test('a proposition opens with its chart, its best estimate and the claims behind it', async () => {
    const p = await signedIn('kr-mnd');
    await p.getByRole('link', { name: 'Propositions' }).click();
    await p.getByRole('link', { name: /North Korea: personnel in Russia/ }).first().click();
    const chart = p.getByTestId('estimate-chart');
    await chart.waitFor();
    assert.ok((await chart.locator('.mark').count()) >= 10, 'one mark per dated claim');
    assert.ok((await chart.locator('.conflict-line').count()) >= 1, 'conflicts are marked on the chart');
    assert.match((await p.getByTestId('best-estimate').textContent()) ?? '', /Best current estimate\s*[\d,]+/);
    const sentenceLink = p.locator('td.sentence a').first();
    assert.match((await sentenceLink.getAttribute('href')) ?? '', /^\/reports\/\d+\?claim=\d+$/);
    await shot(p, '05-proposition-chart');
    await sentenceLink.click();
    await p.locator('.sent.target mark.claim').first().waitFor();
    await p.close();
  });

  test('conflicts open both sentences side by side with their sources and grades', async () => {
    const p = await signedIn('kr-mnd');
    await p.getByRole('link', { name: 'Conflicts' }).click();
    await p.locator('.conflict-head').first().click();
    const sides = p.locator('.side-by-side:not([hidden]) .side');
    await sides.first().locator('blockquote').waitFor();
    assert.equal(await sides.count(), 2);
    for (const side of await sides.all()) {
      assert.ok(((await side.locator('blockquote').textContent()) ?? '').length > 20, 'the sentence is shown');
      assert.match((await side.locator('.grade-chip').textContent()) ?? '', /^[A-F][1-6]?$/);
    }
    await shot(p, '06-conflicts');
    await p.close();
  });

  test('a new report arrives live: the counter goes up and the list says so, without a reload', async () => {
    const p = await signedIn('kr-mnd');
    await p.locator('.live-dot.on').waitFor();
    await p.locator('table.reports tbody tr').first().waitFor();
    const before = Number(await p.getByTestId('live-count').textContent());
    const r = await post('kr-mnd', { text: 'Border guards in Narva said on Tuesday that 35 trucks had crossed overnight.', published: '2025-06-21', marking: { releasableTo: ['ALL'] } });
    assert.equal(r.status, 201);
    await p.getByTestId('live-count').filter({ hasNotText: new RegExp(`^${before}$`) }).waitFor();
    assert.ok(Number(await p.getByTestId('live-count').textContent()) > before, 'the counter went up');
    await p.locator('.fresh').getByText('1 new report').waitFor();
    await p.getByRole('button', { name: /Live updates/ }).click();
    await p.locator('#live-panel').getByText('report').first().waitFor();
    await shot(p, '07-live-update');
    await p.close();
  });

  test('timeline, map and graph draw what the partner may see, and open the claims behind a bar, a place or a node', async () => {
    const p = await signedIn('kr-mnd');
    await p.locator('nav').getByRole('link', { name: 'Timeline' }).click();
    const bars = p.locator('svg.timeline .bucket');
    await bars.first().waitFor();
    await bars.first().focus();
    await p.keyboard.press('Enter');
    await p.locator('.side-panel h2').getByText('Claims holding').waitFor();
    await shot(p, '09-timeline');

    await p.locator('nav').getByRole('link', { name: 'Map' }).click();
    const places = p.locator('svg.map circle.place');
    await places.first().waitFor();
    assert.ok((await places.count()) >= 5, 'the gazetteer places the sample reports’ places');
    assert.ok((await p.locator('svg.map path.land').count()) > 100, 'country boundaries are drawn offline');
    // Small places lie over large ones near the front: the keyboard reaches each of them.
    await p.getByRole('button', { name: /^Kursk:/ }).focus();
    await p.keyboard.press('Enter');
    await p.locator('.side-panel h2').getByText('Kursk').waitFor();
    await shot(p, '10-map');

    await p.locator('nav').getByRole('link', { name: 'Graph' }).click();
    await p.locator('[data-testid=graph][data-ready=true]').waitFor();
    await p.locator('.side-panel').getByRole('button', { name: 'Russia', exact: true }).click();
    await p.locator('.side-panel h2').getByText('Russia').waitFor();
    await shot(p, '11-graph');
    await p.close();
  });

  test('admin: an analyst grades a source; partners and tokens are for admins only', async () => {
    const p = await signedIn('kr-mnd');
    await p.locator('nav').getByRole('link', { name: 'Admin' }).click();
    const first = p.getByRole('combobox', { name: /^Reliability of / }).first();
    await first.waitFor();
    await first.selectOption('B');
    await p.getByText('saved').first().waitFor();
    assert.equal(await p.getByRole('heading', { name: 'Partners' }).count(), 0, 'an analyst sees no partner administration');
    await shot(p, '12-admin');
    await p.close();
    const grades = await store.listSourceGrades(LOCAL_ADMIN);
    assert.ok(grades.some((g) => g.grade === 'B' && g.partnerId === 'kr-mnd'));
  });

  test('a partner without release cannot reach a restricted report by its URL: it answers as one that does not exist', async () => {
    assert.ok(restrictedId > 0, 'the ingest step ran');
    const p = await signedIn('jp-mod');
    await p.goto(`${base}/reports/${restrictedId}`);
    await p.getByTestId('not-found').waitFor();
    const hidden = (await p.getByTestId('not-found').textContent())!.replace(String(restrictedId), 'N');
    assert.doesNotMatch((await p.content()) ?? '', /Tallinn/);
    await shot(p, '08-restricted-not-found');
    await p.goto(`${base}/reports/999999`);
    await p.getByTestId('not-found').waitFor();
    assert.equal((await p.getByTestId('not-found').textContent())!.replace('999999', 'N'), hidden, 'hidden and absent look the same');
    // Nor through the list or search.
    await p.goto(`${base}/reports?q=Tallinn`);
    await p.getByText(/No report you may see matches/).waitFor();
    await p.close();
  });
});
