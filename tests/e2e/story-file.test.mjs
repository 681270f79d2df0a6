// Opening a story computed elsewhere (issue 15): a story JSON written by the
// release CLI (`dateline extract --text`, built by test.sh before these
// tests) is opened through the import's file input and shown as it is,
// without the engine running on its articles; a bad file is refused with a
// message naming it, and the user's own articles stay.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, openPage, settled, useSite } from './harness.mjs';

const site = useSite();
const CLI = join(process.env.CARGO_TARGET_DIR || join(ROOT, 'target'), 'release', 'dateline');

// Two short articles written for this test (not the embedded corpus).
const ARTICLES = {
  'harbour-gazette.txt': `---
title: Harbour bridge to close for repairs
outlet: Harbour Gazette
published: 2021-06-02
---
Mayor Ann Lee announced on Tuesday that the city will close the old harbour bridge for repairs.

"The bridge is no longer safe," Lee told reporters at City Hall. The repairs will begin on June 14 and last three months, officials said.

Council member Tom Reyes criticised the plan. "Nobody asked the people who cross it every day," Reyes said.
`,
  'coast-daily.txt': `---
title: Old bridge closed after mayor's order
outlet: Coast Daily
published: 2021-06-03
---
The city closed the old harbour bridge on Wednesday, a day after Mayor Ann Lee ordered repairs.

"The bridge is no longer safe," Lee said on Tuesday. Ferries will carry commuters until September, the harbour authority said.

Tom Reyes, a council member, said the closure came without warning.
`,
};

let dir;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dateline-story-'));
  await mkdir(join(dir, 'articles'));
  for (const [name, text] of Object.entries(ARTICLES)) await writeFile(join(dir, 'articles', name), text);
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The story the CLI writes for the two articles (`--text` when `text`). */
function cliStory(text) {
  const args = ['extract', ...(text ? ['--text'] : []), join(dir, 'articles')];
  return JSON.parse(execFileSync(CLI, args, { encoding: 'utf8' }));
}

/**
 * A settled page whose engine progress line is watched: `window.__extracted`
 * turns true on any change to it (it is shown, and its text changes, only
 * while the engine runs).
 */
async function open() {
  const o = await openPage(site.browser, site.server.url);
  await settled(o.page);
  await o.page.evaluate(() => {
    window.__extracted = false;
    new MutationObserver(() => {
      window.__extracted = true;
    }).observe(document.querySelector('.progress'), { attributes: true, childList: true, subtree: true, characterData: true });
  });
  return o;
}

async function choose(page, name, text) {
  if (!(await page.getByTestId('import-file').isVisible())) {
    await page.locator('summary', { hasText: 'Add an article' }).click();
  }
  await page.getByTestId('import-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

async function status(page, pattern) {
  await page.waitForFunction((p) => new RegExp(p).test(document.querySelector('[data-testid=import-status]').textContent), pattern.source);
  return page.getByTestId('import-status').textContent();
}

test('a story JSON from the CLI opens as it is: timeline, evidence and speaker panels, without extracting', async () => {
  const story = cliStory(true);
  assert.equal(story.articles.length, 2);
  assert.ok(story.articles.every((a) => typeof a.text === 'string'), 'written with the texts');
  assert.ok(story.events.length >= 2 && story.entities.length >= 1);
  // Marks the engine never writes: the page shows the file, not a new extraction.
  story.events[0].label += ' [from the file]';
  const lee = story.entities.find((e) => e.name === 'Ann Lee');
  assert.ok(lee, 'the CLI found Ann Lee');
  lee.name = 'Ann Lee [from the file]';

  const { page, errors, context } = await open();
  const embedded = await page.getByTestId('article-item').evaluateAll((els) => els.map((e) => e.dataset.article));
  await choose(page, 'bridge-story.json', JSON.stringify(story));
  await status(page, /Opened bridge-story\.json/);
  const banner = page.getByTestId('story-banner');
  await banner.waitFor();
  assert.match(await banner.textContent(), new RegExp(`Showing bridge-story\\.json: 2 articles, ${story.events.length} timeline items`));
  await settled(page);

  // The articles are the file's, not the embedded ones.
  const listed = await page.getByTestId('article-item').evaluateAll((els) => els.map((e) => e.dataset.article));
  assert.deepEqual(listed.sort(), story.articles.map((a) => a.id).sort());
  for (const id of embedded) assert.ok(!listed.includes(id));

  // Every timeline item, with the file's labels; its evidence is the article's sentence.
  const items = page.getByTestId('timeline-item');
  assert.equal(await items.count(), story.events.length);
  const first = page.locator(`[data-testid="timeline-item"][data-id="${story.events[0].id}"]`);
  assert.match(await first.textContent(), /\[from the file\]/);
  await first.locator('.item-btn').click();
  const ev = story.events[0].evidence[0];
  const art = story.articles.find((a) => a.id === ev.article);
  const evidence = (await first.locator('.evidence blockquote').first().textContent()).trim();
  assert.ok(evidence.includes(Buffer.from(art.text).subarray(ev.span[0], ev.span[1]).toString().trim()), `evidence ${evidence}`);
  await page.locator('[data-testid="sentence"][data-selected="true"]').first().waitFor();

  // Speaker panels with their quotes and where they come from.
  const panel = page.locator('[data-testid="speaker-panel"][data-speaker="Ann Lee [from the file]"]');
  await panel.waitFor();
  await panel.locator('[data-testid="quote"][data-kind="direct"]', { hasText: 'The bridge is no longer safe' }).first().waitFor();
  assert.ok((await panel.locator('.outlet-badge').allTextContents()).some((o) => /Harbour Gazette|Coast Daily/.test(o)));
  await page.locator('[data-testid="speaker-panel"][data-speaker="Tom Reyes"]').waitFor();
  // The reader shows the texts with their marks.
  assert.match(await page.locator('article#art-harbour-gazette').textContent(), /Nobody asked the people/);

  assert.equal(await page.evaluate(() => window.__extracted), false, 'the engine did not run');

  // Back to the user's articles, in place; a reload also shows them.
  await page.getByTestId('story-back').click();
  await page.locator(`[data-testid="article-item"][data-article="${embedded[0]}"]`).waitFor();
  assert.equal(await banner.isVisible(), false);
  await choose(page, 'bridge-story.json', JSON.stringify(story));
  await banner.waitFor();
  await page.reload();
  await settled(page);
  assert.equal(await page.getByTestId('story-banner').isVisible(), false);
  const again = await page.getByTestId('article-item').evaluateAll((els) => els.map((e) => e.dataset.article));
  assert.deepEqual(again, embedded);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a story without its texts: the user is told which, the timeline and panels still show', async () => {
  const story = cliStory(false);
  assert.ok(story.articles.every((a) => a.text === undefined));
  const { page, errors, context } = await open();
  await choose(page, 'no-text.json', JSON.stringify(story));
  const banner = page.getByTestId('story-banner');
  await banner.waitFor();
  const said = await banner.textContent();
  assert.match(said, /The file has no text for 2 articles/);
  assert.match(said, /Harbour bridge to close for repairs/);
  assert.match(said, /Old bridge closed after mayor's order/);
  await settled(page);
  assert.equal(await page.getByTestId('timeline-item').count(), story.events.length);
  await page.locator('[data-testid="speaker-panel"][data-speaker="Ann Lee"]').waitFor();
  assert.match(await page.locator('article#art-coast-daily').textContent(), /not in the story file/);
  assert.equal(await page.evaluate(() => window.__extracted), false, 'the engine did not run');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a bad file is refused with its name and the problem; the user’s articles stay', async () => {
  const { page, errors, context } = await open();
  // One article of the user's own first.
  await page.locator('summary', { hasText: 'Add an article' }).click();
  await page.getByTestId('import-text').fill('"We will win," Jane Smith said on Tuesday.');
  await page.getByTestId('import-date').fill('2020-03-05');
  await page.getByTestId('import-title').fill('Smith wins');
  await page.getByTestId('import-submit').click();
  await status(page, /Added/);
  assert.equal(await page.evaluate(() => window.__extracted), true, 'the watch sees the engine run');
  const mine = page.locator('[data-testid="article-item"][data-article="my-smith-wins"]');
  await mine.waitFor();
  const before = await page.getByTestId('article-item').evaluateAll((els) => els.map((e) => e.dataset.article));

  const bad = [
    ['notes.json', 'this is { not JSON', /Could not open notes\.json: it is not JSON \(line 1, column 1/],
    ['settings.json', '{"theme": "dark"}', /Could not open settings\.json: not a story JSON/],
    ['cut.json', JSON.stringify({ schema: 1, articles: [{ id: 'a', published: '2017-04-12', text: 'Hi.', sentences: [[0, 50]] }] }), /Could not open cut\.json: articles\[0\]\.sentences\[0\]: \[0, 50\] is not inside/],
    ['deep.json', '{"a":'.repeat(200_000), /Could not open deep\.json: it is not JSON .*nested too deeply/],
  ];
  for (const [name, text, want] of bad) {
    await choose(page, name, text);
    const message = await status(page, want);
    assert.match(message, /Nothing was changed\./);
    assert.equal(await page.getByTestId('import-status').evaluate((e) => e.classList.contains('error')), true);
  }
  assert.equal(await page.getByTestId('story-banner').isVisible(), false);
  const after = await page.getByTestId('article-item').evaluateAll((els) => els.map((e) => e.dataset.article));
  assert.deepEqual(after, before);
  await page.reload();
  await settled(page);
  await mine.waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});
