// Browser tests of the analyst UI (run by scripts/e2e.sh, which builds the
// UI, builds a store from the seeds + examples/corpus and starts `marsad
// serve`). Playwright drives Debian's chromium: no browser download.
//
// Environment: MARSAD_URL (server), CHROMIUM (browser binary),
// SCREENSHOT_DIR (where page screenshots go), MARSAD_SEEDS_DIR (to tell the
// seed articles apart).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

// playwright-core is a dependency of web/ (one package-lock for the front end).
const require = createRequire(new URL('../../web/package.json', import.meta.url));
const { chromium } = require('playwright-core');

const BASE = process.env.MARSAD_URL || 'http://127.0.0.1:8080';
const SHOTS = process.env.SCREENSHOT_DIR || 'build/e2e-screenshots';
mkdirSync(SHOTS, { recursive: true });

let browser;
let page;
const consoleErrors = [];

async function getJson(p) {
  const res = await fetch(BASE + p);
  assert.equal(res.status, 200, `${p} -> ${res.status}`);
  return res.json();
}

async function shot(name) {
  await page.screenshot({ path: path.join(SHOTS, name + '.png'), fullPage: true });
}

// The seeds' story: the story holding the most seed documents.
async function seedStory() {
  const list = await getJson('/api/stories?limit=500');
  let best = null;
  for (const item of list.items) {
    const story = await getJson('/api/stories/' + encodeURIComponent(item.id));
    const seeds = (story.documents || []).filter((d) => String(d.source || '').includes('seeds')).length;
    if (!best || seeds > best.seeds) best = { id: item.id, seeds, story };
  }
  return best;
}

before(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'ar' });
  page = await context.newPage();
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  page.setDefaultTimeout(15000);
});

after(async () => {
  if (browser) await browser.close();
});

test('home page lists the stories in Arabic, right to left', async () => {
  await page.goto(BASE + '/#/');
  await page.waitForSelector('[data-testid="stories-list"]');
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  assert.ok(await page.locator('[data-testid="story-link"]').count() >= 1);
  await shot('home');
});

test('story page: claims matrix, timeline, map, and evidence on click', async () => {
  const best = await seedStory();
  assert.ok(best && best.seeds >= 3, `a story with the seed articles (best: ${JSON.stringify(best && { id: best.id, seeds: best.seeds })})`);
  assert.match(best.story.title + JSON.stringify(best.story.documents), /البوكمال/, 'the Al-Bukamal story');
  await page.goto(BASE + '/#/story/' + encodeURIComponent(best.id));
  const matrix = page.locator('[data-testid="claims-matrix"]');
  await matrix.waitFor();
  const rows = await matrix.locator('tbody tr').count();
  assert.equal(rows, best.story.claims.length, 'one row per claim');
  assert.ok(rows >= 1, 'the story has claims');
  const outletCols = await matrix.locator('thead th.outlet-col').count();
  assert.ok(outletCols >= 2, `several outlets as columns (${outletCols})`);
  assert.equal(await matrix.locator('td[data-testid="matrix-cell"]').count(), rows * outletCols);

  // Timeline (vis-timeline) renders items.
  await page.waitForSelector('[data-testid="timeline"] .vis-item');
  assert.ok(await page.locator('[data-testid="timeline"] .vis-item').count() >= 1);
  // Map: bundled country borders and at least one place marker.
  await page.waitForSelector('[data-testid="map"] path.leaflet-interactive');
  const borders = await page.locator('[data-testid="map"] .leaflet-overlay-pane path').count();
  assert.ok(borders > 50, `country borders drawn (${borders} paths)`);
  assert.ok(Number(await page.getAttribute('[data-testid="map"]', 'data-markers')) >= 1, 'place markers');

  // Click an asserting cell: its evidence sentence is highlighted in the article.
  const cell = matrix.locator('td[data-stance="asserts"]').first();
  await cell.scrollIntoViewIfNeeded();
  await cell.click();
  const hl = page.locator('[data-testid="evidence-panel"] [data-testid="evidence-highlight"]');
  await hl.first().waitFor();
  const quote = (await page.locator('[data-testid="evidence-quote"]').innerText()).trim();
  const marked = (await hl.allInnerTexts()).join('').trim();
  assert.ok(marked.length > 10, 'a highlighted sentence');
  assert.equal(marked.replace(/\s+/g, ' '), quote.replace(/\s+/g, ' '), 'the highlight is the evidence sentence');
  await shot('story');

  // A silent cell says the outlet does not report the claim.
  const silent = matrix.locator('td[data-stance="silent"]').first();
  if (await silent.count()) {
    await silent.click();
    await page.waitForSelector('[data-testid="evidence-panel"] p.muted');
  }
});

test('search for بالبوكمال finds the seeds', async () => {
  const docs = await getJson('/api/documents?limit=500');
  const seedTitles = docs.items.filter((d) => String(d.source).includes('seeds')).map((d) => d.title);
  assert.ok(seedTitles.length >= 5, 'the seeds are stored');
  await page.goto(BASE + '/#/search');
  await page.fill('[data-testid="search-input"]', 'بالبوكمال');  // "in Al-Bukamal"
  await page.click('[data-testid="search-submit"]');
  await page.waitForSelector('[data-testid="search-hit"]');
  const titles = await page.locator('[data-testid="search-hit"] h3').allInnerTexts();
  for (const t of seedTitles) {
    assert.ok(titles.some((x) => x.trim() === t.trim()), `seed "${t}" among the hits`);
  }
  assert.ok(await page.locator('[data-testid="search-hit"] mark').count() >= 1, 'matches highlighted');
  assert.ok(await page.locator('[data-testid="facet-outlet"] li').count() >= 2, 'outlet facet');
  await shot('search');
});

test('article page highlights layers and shows removed chrome on demand', async () => {
  await page.locator('[data-testid="search-hit"] h3 a').first().click();
  await page.waitForSelector('[data-testid="article-body"]');
  assert.ok(await page.locator('.hl-entity').count() >= 1, 'entities highlighted');
  const removed = page.locator('[data-testid="removed"]');
  assert.equal(await removed.isVisible(), false);
  await page.click('[data-testid="toggle-removed"]');
  assert.equal(await removed.isVisible(), true);
  await shot('article');
});

test('entity page: aliases, relations, mentions over time, actor graph', async () => {
  const places = await getJson('/api/places');
  const bukamal = places.items.find((p) => p.name_ar === 'البوكمال') || places.items[0];
  await page.goto(BASE + '/#/entity/' + encodeURIComponent(bukamal.id));
  await page.waitForSelector('[data-testid="entity-title"]');
  await page.waitForSelector('[data-testid="graph"] canvas');
  assert.ok(Number(await page.getAttribute('[data-testid="graph"]', 'data-nodes')) >= 1);
  await page.waitForSelector('[data-testid="mentions-chart"] rect');
  await shot('entity');
});

test('English toggle switches to left-to-right', async () => {
  await page.click('[data-testid="lang-toggle"]');
  await page.waitForFunction(() => document.documentElement.dir === 'ltr');
  await page.waitForSelector('[data-testid="entity-title"]');
  await shot('entity-en');
  await page.click('[data-testid="lang-toggle"]');
  await page.waitForFunction(() => document.documentElement.dir === 'rtl');
  assert.deepEqual(consoleErrors, [], 'no uncaught page errors');
});
