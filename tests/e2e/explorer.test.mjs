// The explorer against the release build: timeline, evidence, reader marks,
// filters and deep links, speaker panels, import (and storage), export,
// accessibility (axe-core, both themes) and the phone layout.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { openPage, settled, useSite } from './harness.mjs';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');

const site = useSite();

/** A page with the timeline rendered. */
async function open(url = site.server.url, options = {}) {
  const o = await openPage(site.browser, url, options);
  await o.page.getByTestId('timeline-item').first().waitFor();
  await settled(o.page);
  return o;
}

/** The file a click downloads, parsed by `parse`. */
async function download(page, testid, parse = JSON.parse) {
  const summary = page.locator('summary', { hasText: 'Export' });
  if (!(await page.getByTestId(testid).isVisible())) await summary.click();
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  const path = await dl.path();
  const text = await readFile(path, 'utf8');
  return { name: dl.suggestedFilename(), data: parse(text), text, path };
}

async function openImport(page) {
  if (!(await page.getByTestId('import-text').isVisible())) {
    await page.locator('summary', { hasText: 'Add an article' }).click();
  }
}

test('timeline: items grouped by day with dates, bounds, participants and outlet badges', async () => {
  const { page, errors, context } = await open();
  const items = page.getByTestId('timeline-item');
  const n = await items.count();
  assert.ok(n >= 5, `${n} items`);
  const attrs = await items.evaluateAll((els) =>
    els.map((e) => ({ date: e.dataset.date, sources: Number(e.dataset.sources), text: e.textContent })),
  );
  for (const a of attrs) {
    assert.ok(a.date === '' || /^\d{4}/.test(a.date), `date ${a.date}`);
    assert.ok(a.sources >= 1);
  }
  assert.ok(attrs.some((a) => a.sources >= 2), 'an event merged across outlets');
  const bounded = attrs.find((a) => a.date === '' && /before /.test(a.text));
  assert.ok(bounded, 'a bounded item says "before …"');
  // Day headings in order; the bounded group is marked uncertain.
  const headings = await page.locator('.day-h').allTextContents();
  assert.ok(headings.length >= 3);
  assert.equal(await page.locator('.day.uncertain').count() >= 1, true);
  assert.deepEqual(errors, []);
  await context.close();
});

test('clicking an item shows its evidence and highlights its sentences; deep link and Back', async () => {
  const { page, errors, context } = await open();
  const merged = page.locator('[data-testid="timeline-item"][data-sources="2"]').first();
  const id = await merged.getAttribute('data-id');
  await merged.locator('.item-btn').click();
  await merged.locator('.evidence blockquote').first().waitFor();
  assert.equal(await merged.locator('.item-btn').getAttribute('aria-expanded'), 'true');
  const selected = page.locator('[data-testid="sentence"][data-selected="true"]');
  await selected.first().waitFor();
  const arts = await selected.evaluateAll((els) => [...new Set(els.map((e) => e.closest('article').id))]);
  assert.equal(arts.length, 2, 'evidence highlighted in each article');
  // Evidence text is the highlighted sentence text.
  const quoted = (await merged.locator('.evidence blockquote').first().textContent()).trim();
  const sel = (await selected.allTextContents()).map((t) => t.trim());
  assert.ok(sel.some((s) => quoted.includes(s) || s.includes(quoted)), 'evidence matches a highlighted sentence');
  assert.ok(page.url().includes(`sel=ev:${id}`), page.url());

  // Select another, then Back restores the first.
  const other = page.locator('[data-testid="timeline-item"]').nth(0);
  const otherId = await other.getAttribute('data-id');
  assert.notEqual(otherId, id);
  await other.locator('.item-btn').click();
  await page.waitForFunction((x) => location.hash.includes(`ev:${x}`), otherId);
  await page.goBack();
  await page.waitForFunction((x) => location.hash.includes(`ev:${x}`), id);
  await page.locator(`[data-testid="timeline-item"][data-id="${id}"].selected`).waitFor();

  // The link reopens the same view after a reload.
  const url = page.url();
  await page.reload();
  await page.locator(`[data-testid="timeline-item"][data-id="${id}"] .evidence blockquote`).first().waitFor();
  assert.equal(page.url(), url);
  assert.ok((await page.locator('[data-testid="sentence"][data-selected="true"]').count()) >= 2);
  assert.deepEqual(errors, []);
  await context.close();
});

test('filters and search narrow the view and live in the URL', async () => {
  const { page, errors, context } = await open();
  const all = await page.getByTestId('timeline-item').count();
  await page.locator('#f-outlet').selectOption('Townhall');
  await page.waitForFunction(() => location.hash.includes('outlet=Townhall'));
  const some = await page.getByTestId('timeline-item').count();
  assert.ok(some > 0 && some < all, `${some} of ${all}`);
  assert.equal(await page.locator('article.article:visible').count(), 1, 'reader shows that outlet only');
  await page.getByTestId('search').fill('Putin');
  await page.waitForFunction(() => location.hash.includes('q=Putin'));
  const found = await page.getByTestId('timeline-item').allTextContents();
  assert.ok(found.length >= 1 && found.length <= some);
  assert.ok((await page.locator('.sentence.match').count()) >= 1, 'matching sentences marked');
  // The entity menu filters by participant.
  await page.getByTestId('clear-filters').click();
  await page.waitForFunction(() => location.hash === '');
  assert.equal(await page.getByTestId('timeline-item').count(), all);
  // Some entity takes part in some items but not all: filtering by it narrows the timeline.
  const options = await page.locator('#f-entity option').evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
  assert.ok(options.length >= 3, `entity options: ${options}`);
  let entity = null;
  let byEntity = 0;
  for (const value of options) {
    await page.locator('#f-entity').selectOption(value);
    byEntity = await page.getByTestId('timeline-item').count();
    if (byEntity >= 1 && byEntity < all) {
      entity = value;
      break;
    }
  }
  assert.ok(entity, 'an entity filter narrows the timeline');
  // Reload keeps the filter.
  await page.reload();
  await page.getByTestId('timeline-item').first().waitFor();
  assert.equal(await page.locator('#f-entity').inputValue(), entity);
  assert.equal(await page.getByTestId('timeline-item').count(), byEntity);
  assert.deepEqual(errors, []);
  await context.close();
});

test('reader: dates show value and resolution on hover and keyboard focus', async () => {
  const { page, errors, context } = await open();
  const timex = page.locator('time.timex').first();
  await page.locator('body').click({ position: { x: 1, y: 1 } });
  // Tab from the last filter control until a date gets focus.
  await page.locator('.article-btn').last().focus();
  let tag = '';
  for (let i = 0; i < 40 && tag !== 'TIME'; i++) {
    await page.keyboard.press('Tab');
    tag = await page.evaluate(() => document.activeElement?.tagName);
  }
  assert.equal(tag, 'TIME', 'a date is reachable by keyboard');
  const after = await page.evaluate(() => getComputedStyle(document.activeElement, '::after').content);
  assert.match(after, /\d{4}.*—/, 'tooltip with value and note on focus');
  const described = await timex.evaluate((el) => document.getElementById(el.getAttribute('aria-describedby'))?.textContent);
  assert.match(described, /\(\d{4}-\d{2}-\d{2}\) — /);
  assert.deepEqual(errors, []);
  await context.close();
});

test('speaker panels: shown whenever the story has quotes', async () => {
  const { page, errors, context } = await open();
  const story = (await download(page, 'export-json')).data;
  const quotes = story.articles.flatMap((a) => a.quotes);
  const panels = page.getByTestId('speaker-panel');
  if (quotes.some((q) => q.speaker)) {
    await panels.first().waitFor();
    const names = await panels.evaluateAll((els) => els.map((e) => e.dataset.speaker));
    const entityNames = new Set(story.entities.map((e) => e.name));
    for (const n of names) assert.ok(entityNames.has(n), `panel ${n} is an entity`);
    const kinds = await page.getByTestId('quote').evaluateAll((els) => els.map((e) => e.dataset.kind));
    assert.ok(kinds.every((k) => ['direct', 'reported', 'mixed'].includes(k)));
    // Selecting a quote highlights its sentence.
    await page.getByTestId('quote').first().locator('.quote-btn').click();
    await page.locator('[data-testid="sentence"][data-selected="true"]').first().waitFor();
  } else {
    assert.equal(await panels.count(), 0);
    await page.getByText('No quotes found in these articles yet.').waitFor();
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('import: bad input is refused clearly; an article is extracted, shown, kept across reloads, removed', async () => {
  const { page, errors, context } = await open();
  await openImport(page);
  const status = page.getByTestId('import-status');
  // Empty text.
  await page.getByTestId('import-submit').click();
  await page.waitForFunction(() => /empty/.test(document.querySelector('[data-testid=import-status]').textContent));
  // No date.
  await page.getByTestId('import-text').fill('"We will win," Jane Smith said on Tuesday. The campaign ended on Friday.');
  await page.getByTestId('import-submit').click();
  await page.waitForFunction(() => /publication date/.test(document.querySelector('[data-testid=import-status]').textContent));
  assert.equal(await status.evaluate((e) => e.classList.contains('error')), true);
  // A binary file.
  await page.getByTestId('import-file').setInputFiles({ name: 'x.txt', mimeType: 'text/plain', buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 1]) });
  await page.waitForFunction(() => /binary/.test(document.querySelector('[data-testid=import-status]').textContent));
  // A too-large file.
  await page.getByTestId('import-file').setInputFiles({ name: 'big.md', mimeType: 'text/markdown', buffer: Buffer.alloc(2_100_000, 'a') });
  await page.waitForFunction(() => /too large/.test(document.querySelector('[data-testid=import-status]').textContent));
  assert.equal(await page.getByTestId('import-text').inputValue(), '"We will win," Jane Smith said on Tuesday. The campaign ended on Friday.');

  // Now a good one.
  await page.getByTestId('import-date').fill('2020-03-05');
  await page.getByTestId('import-title').fill('Smith wins');
  await page.getByTestId('import-outlet').fill('My Paper');
  await page.getByTestId('import-submit').click();
  await page.waitForFunction(() => /Added/.test(document.querySelector('[data-testid=import-status]').textContent));
  const item = page.locator('[data-testid="article-item"][data-article="my-smith-wins"]');
  await item.waitFor();
  const article = page.locator('article#art-my-smith-wins');
  assert.match(await article.textContent(), /We will win/);
  assert.ok((await article.locator('time.timex').count()) >= 1, 'its dates are extracted');
  await article.locator('time.timex[data-value="2020-03-03"]').waitFor();
  await page.locator('#f-outlet option[value="My Paper"]').waitFor({ state: 'attached' });

  // Panels, whenever the engine attributes the quote.
  const story = (await download(page, 'export-json')).data;
  const mine = story.articles.find((a) => a.id === 'my-smith-wins');
  assert.ok(mine, 'the export carries the imported article');
  if (mine.quotes.some((q) => q.speaker)) {
    await page.locator('[data-testid="speaker-panel"]', { hasText: 'Smith' }).waitFor();
    await page.locator('[data-testid="quote"][data-kind="direct"]', { hasText: 'We will win' }).waitFor();
  }

  // Survives a reload; nothing else was lost.
  await page.reload();
  await page.getByTestId('timeline-item').first().waitFor();
  await item.waitFor();
  assert.match(await page.locator('article#art-my-smith-wins').textContent(), /We will win/);

  // Removed on request, and stays removed.
  await item.getByTestId('remove-article').click();
  await item.waitFor({ state: 'detached' });
  await page.reload();
  await page.getByTestId('timeline-item').first().waitFor();
  assert.equal(await item.count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

/**
 * The rules of TimelineJS's JSON format (timeline.knightlab.com/docs/json-format.html)
 * that a broken export breaks: `events` of slides, each with a `start_date`
 * whose `year` is a number; optional `end_date` (never null) not before the
 * start; month 1-12 and day 1-31 when present; `text` with string `headline`
 * and `text` (rendered as HTML, so no raw markup from the articles); no null
 * anywhere. Returns the problems found.
 */
function timelineProblems(doc) {
  const problems = [];
  const json = JSON.stringify(doc);
  if (json.includes('null')) problems.push('a null value');
  if (!Array.isArray(doc.events) || doc.events.length === 0) return [...problems, 'no events array'];
  const date = (d, where) => {
    if (typeof d !== 'object' || d === null) return problems.push(`${where}: not an object`);
    if (!Number.isInteger(d.year)) problems.push(`${where}: year ${d.year}`);
    if ('month' in d && !(Number.isInteger(d.month) && d.month >= 1 && d.month <= 12)) problems.push(`${where}: month ${d.month}`);
    if ('day' in d && !(Number.isInteger(d.day) && d.day >= 1 && d.day <= 31 && 'month' in d)) problems.push(`${where}: day ${d.day}`);
  };
  const ms = (d) => Date.UTC(d.year, (d.month || 1) - 1, d.day || 1);
  for (const e of doc.events) {
    const id = e.unique_id;
    date(e.start_date, `${id} start_date`);
    if ('end_date' in e) {
      date(e.end_date, `${id} end_date`);
      if (ms(e.end_date) < ms(e.start_date)) problems.push(`${id}: ends before it starts`);
    }
    if (typeof e.text?.headline !== 'string' || typeof e.text?.text !== 'string') problems.push(`${id}: text`);
    // Markup only where the export writes it: links to the sources.
    const tags = `${e.text?.headline} ${e.text?.text}`.match(/<\/?([a-z]+)/gi) || [];
    if (tags.some((t) => !/^<\/?a$/i.test(t))) problems.push(`${id}: raw markup ${tags}`);
    if ('display_date' in e && typeof e.display_date !== 'string') problems.push(`${id}: display_date`);
  }
  return problems;
}

test('export: story JSON as the CLI, quotes CSV with a BOM, TimelineJS JSON valid against its format', async () => {
  const { page, errors, context } = await open();
  const story = await download(page, 'export-json');
  assert.equal(story.name, 'dateline-story.json');
  assert.equal(story.data.schema, 1);
  assert.ok(story.data.articles.length >= 2 && story.data.events.length >= 5);
  for (const a of story.data.articles) {
    assert.ok(a.sentences.length && a.timexes.every((t) => Array.isArray(t.span) && t.value));
  }
  const csv = await download(page, 'export-csv', (t) => t);
  assert.deepEqual([...(await readFile(csv.path)).subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the CSV opens with the UTF-8 BOM');
  const rows = csv.text.replace(/^\uFEFF/, '').split('\r\n');
  assert.match(rows[0], /^article,outlet,published,speaker_id,speaker,kind,cue,source,quote,start,end$/);
  const quotes = story.data.articles.reduce((n, a) => n + a.quotes.length, 0);
  assert.equal(rows.filter(Boolean).length, quotes + 1);
  for (const row of rows.slice(1)) assert.ok(!/(^|,)[=+\-@\t]/.test(row), `no cell is a formula: ${row}`);
  const tl = await download(page, 'export-timelinejs');
  assert.deepEqual(timelineProblems(tl.data), []);
  const dated = story.data.events.filter((e) => e.when.value || e.when.earliest || e.when.latest);
  assert.ok(tl.data.events.length >= 5 && tl.data.events.length <= dated.length, `${tl.data.events.length} slides of ${dated.length} dated items`);
  // Each slide says which outlets reported it.
  for (const e of tl.data.events) assert.match(e.text.text, /^Reported by /);
  assert.deepEqual(errors, []);
  await context.close();
});

async function axe(page) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(() => axe.run(document, { resultTypes: ['violations'] }));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

test('accessibility: no serious or critical axe violations, light and dark', async () => {
  // axe-core is injected as an inline script, which the page's CSP forbids: bypass it for the audit.
  const { page, errors, context } = await open(site.server.url, { colorScheme: 'light', bypassCSP: true });
  await page.locator('[data-testid="timeline-item"][data-sources="2"] .item-btn').first().click();
  assert.deepEqual(await axe(page), [], 'light');
  await page.getByTestId('theme-toggle').click();
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  assert.deepEqual(await axe(page), [], 'dark');
  // The choice is kept.
  await page.reload();
  await page.getByTestId('timeline-item').first().waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  assert.deepEqual(errors, []);
  await context.close();
});

test('layouts: no horizontal scrolling at 375 px; three columns at 1440 px', async () => {
  const phone = await open(site.server.url, { viewport: { width: 375, height: 800 } });
  assert.ok(await phone.page.evaluate(() => document.documentElement.scrollWidth <= 375), 'fits 375 px');
  assert.deepEqual(phone.errors, []);
  await phone.context.close();
  const wide = await open(site.server.url, { viewport: { width: 1440, height: 900 } });
  const tops = await wide.page.evaluate(() => ['.timeline-col', '.reader-col', '.speakers-col'].map((s) => document.querySelector(s).getBoundingClientRect().top));
  assert.ok(Math.max(...tops) - Math.min(...tops) < 5, `columns side by side: ${tops}`);
  await wide.context.close();
});
