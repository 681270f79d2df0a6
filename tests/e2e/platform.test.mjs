// Issue 13, the platform: saved web pages imported (their scripts never
// run), articles in IndexedDB (the old localStorage store moved in, 20 MB
// kept, a full store naming the article), and backups that restore exactly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { openPage, settled, useSite } from './harness.mjs';

const site = useSite();

async function open(url = site.server.url) {
  const o = await openPage(site.browser, url);
  await settled(o.page);
  return o;
}

async function openImport(page) {
  if (!(await page.getByTestId('import-text').isVisible())) {
    await page.locator('summary', { hasText: 'Add an article' }).click();
  }
}

/** Waits until the import status matches `re`; returns its text. */
async function status(page, re) {
  await page.waitForFunction((src) => new RegExp(src).test(document.querySelector('[data-testid=import-status]').textContent), re.source, { timeout: 120_000 });
  return page.getByTestId('import-status').textContent();
}

/** The user's articles as the app stores them in IndexedDB: [key, article]. */
async function stored(page) {
  return page.evaluate(
    () =>
      new Promise((ok, fail) => {
        const r = indexedDB.open('dateline', 1);
        r.onerror = () => fail(r.error);
        r.onsuccess = () => {
          const t = r.result.transaction('articles');
          const keys = t.objectStore('articles').getAllKeys();
          const values = t.objectStore('articles').getAll();
          t.oncomplete = () => {
            r.result.close();
            ok(keys.result.map((k, i) => [k, JSON.parse(values.result[i])]));
          };
        };
      }),
  );
}

const BODY =
  'Rescue teams reached the flooded village of Nordby on Tuesday, the regional governor said. ' +
  '"We will rebuild every house," Governor Anna Lind told reporters on Wednesday.';

/** A saved news page: Open Graph and article: metadata, JSON-LD, and scripts that must never run. */
function savedPage({ jsonLdBody = true } = {}) {
  const ld = {
    '@context': 'https://schema.org',
    '@graph': [
      { '@type': 'WebSite', name: 'Ignored' },
      {
        '@type': 'NewsArticle',
        headline: 'JSON-LD headline',
        datePublished: '2021-03-02T08:00:00Z',
        publisher: { '@type': 'Organization', name: 'The Nordby Post' },
        ...(jsonLdBody ? { articleBody: BODY } : {}),
      },
    ],
  };
  return `<!doctype html><html><head>
<title>Floods in Nordby | The Nordby Post</title>
<meta property="og:title" content="Floods reach Nordby">
<meta property="og:site_name" content="The Nordby Post">
<meta property="article:published_time" content="2021-03-04T09:30:00+01:00">
<link rel="canonical" href="https://post.example/2021/03/floods-nordby">
<script>window.__pageScriptRan = true;</script>
<script type="application/ld+json">${JSON.stringify(ld)}</script>
</head><body>
<nav><p>Home · World · Sport</p></nav>
<img src="x" onerror="window.__pageScriptRan = true">
<main><article><h1>Floods reach Nordby</h1>
<p>Rescue teams reached the flooded village of Nordby on Tuesday, the regional governor said.</p>
<p>"We will rebuild every house," Governor Anna Lind told reporters on Wednesday.</p>
<script>window.__pageScriptRan = true;</script>
</article></main></body></html>`;
}

test('a saved web page imports with its headline, outlet, date, URL and body; its scripts never run', async () => {
  const { page, errors, context } = await open();
  await openImport(page);
  assert.match(await page.getByTestId('import-file').getAttribute('accept'), /\.html/);
  await page.getByTestId('import-file').setInputFiles({ name: 'floods.html', mimeType: 'text/html', buffer: Buffer.from(savedPage()) });
  await status(page, /Loaded floods\.html/);
  assert.equal(await page.getByTestId('import-title').inputValue(), 'Floods reach Nordby');
  assert.equal(await page.getByTestId('import-outlet').inputValue(), 'The Nordby Post');
  assert.equal(await page.getByTestId('import-date').inputValue(), '2021-03-04');
  assert.equal(await page.getByTestId('import-text').inputValue(), BODY);
  await page.getByTestId('import-submit').click();
  await status(page, /Added/);
  const item = page.locator('[data-testid="article-item"][data-article="my-floods-reach-nordby"]');
  await item.waitFor();
  assert.match(await item.textContent(), /The Nordby Post/);
  assert.match(await page.locator('article#art-my-floods-reach-nordby').textContent(), /We will rebuild every house/);
  const [[, article]] = await stored(page);
  assert.deepEqual(article, {
    id: 'my-floods-reach-nordby',
    title: 'Floods reach Nordby',
    outlet: 'The Nordby Post',
    published: '2021-03-04',
    body: BODY,
    url: 'https://post.example/2021/03/floods-nordby',
  });
  // Neither the page's scripts nor its inline handlers ran, here or in the DOM parser.
  assert.equal(await page.evaluate(() => window.__pageScriptRan), undefined);

  // Several pages at once: each keeps its own metadata; without a JSON-LD
  // body, the article's paragraphs are the text.
  await page.getByTestId('import-file').setInputFiles([
    { name: 'a.html', mimeType: 'text/html', buffer: Buffer.from(savedPage({ jsonLdBody: false }).replace('Floods reach Nordby"', 'Second story"')) },
    { name: 'b.htm', mimeType: 'text/html', buffer: Buffer.from(savedPage().replace('Floods reach Nordby"', 'Third story"')) },
  ]);
  await status(page, /Added/);
  await page.locator('[data-testid="article-item"][data-article="my-second-story"]').waitFor();
  await page.locator('[data-testid="article-item"][data-article="my-third-story"]').waitFor();
  const second = (await stored(page)).find(([, a]) => a.id === 'my-second-story')[1];
  assert.equal(second.body, 'Rescue teams reached the flooded village of Nordby on Tuesday, the regional governor said.\n\n"We will rebuild every house," Governor Anna Lind told reporters on Wednesday.');
  assert.equal(second.published, '2021-03-04');
  assert.equal(await page.evaluate(() => window.__pageScriptRan), undefined);
  // Chrome reports the page's `onerror` handler as refused by the CSP (it
  // never runs, CSP or not: the parsed page has no scripting); nothing else.
  assert.deepEqual(errors.filter((e) => !/inline event handler violates the following Content Security Policy/.test(e)), []);
  await context.close();
});

const OLD = [
  { id: 'my-first', title: 'First “story”', outlet: 'Old Paper', published: '2019-05-06', body: 'The council met on Monday. Ünïcödé ✓ 😀' },
  { id: 'my-second', title: null, outlet: null, published: '2019-05-07', body: '"No comment," the mayor said.' },
  { id: 'my-third', title: 'Third', outlet: 'Old Paper', published: '2019-05-08', body: 'The vote was delayed until June.' },
];

test('the old localStorage store is moved into IndexedDB on first load: every article kept, the key removed', async () => {
  const context = await site.browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // The old store, as an earlier version left it, before the app's first load.
  await page.addInitScript((json) => {
    if (!sessionStorage.getItem('seeded')) {
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem('dateline.imported.v1', json);
    }
  }, JSON.stringify(OLD));
  await page.goto(site.server.url);
  await settled(page);
  for (const a of OLD) await page.locator(`[data-testid="article-item"][data-article="${a.id}"]`).waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('dateline.imported.v1')), null, 'the old key is gone');
  const moved = (await stored(page)).map(([, a]) => a);
  assert.deepEqual(moved, OLD);
  // Still there after a reload, once.
  await page.reload();
  await settled(page);
  assert.equal(await page.getByTestId('article-item').count(), 2 + OLD.length);
  assert.deepEqual(errors, []);
  await context.close();
});

/** The file a click on `testid` in the Export menu downloads. */
async function download(page, testid) {
  await page.locator('summary', { hasText: 'Export' }).click();
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  return { name: dl.suggestedFilename(), buffer: await readFile(await dl.path()) };
}

test('backup: export my articles, clear, import: identical articles; importing again doubles nothing', async () => {
  const first = await open();
  await first.page.evaluate((json) => localStorage.setItem('dateline.imported.v1', json), JSON.stringify(OLD));
  await first.page.reload();
  await settled(first.page);
  const before = (await stored(first.page)).map(([, a]) => a);
  assert.equal(before.length, OLD.length);
  const backup = await download(first.page, 'export-backup');
  assert.equal(backup.name, 'dateline-my-articles.json');
  await first.context.close();

  // A new browser profile: nothing stored.
  const { page, errors, context } = await open();
  assert.equal((await stored(page)).length, 0);
  await openImport(page);
  await page.getByTestId('import-file').setInputFiles({ name: backup.name, mimeType: 'application/json', buffer: backup.buffer });
  await status(page, /Added/);
  assert.deepEqual((await stored(page)).map(([, a]) => a), before, 'restored exactly, in order');
  for (const a of OLD) await page.locator(`[data-testid="article-item"][data-article="${a.id}"]`).waitFor();
  // The same backup again: reported, not doubled.
  await page.getByTestId('import-file').setInputFiles({ name: backup.name, mimeType: 'application/json', buffer: backup.buffer });
  const text = await status(page, /Already here/);
  assert.match(text, /First “story”/);
  assert.equal((await stored(page)).length, OLD.length);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a full store refuses the article that does not fit, by name, and keeps everything else', async () => {
  const { page, errors, context } = await open();
  // The browser's quota, forced: a write of the article "Too big" fails as a full disk would.
  await page.evaluate(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (value, key) {
      if (typeof value === 'string' && value.includes('"title":"Too big"')) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.call(this, value, key);
    };
  });
  await openImport(page);
  const files = [
    { name: 'kept-one.txt', mimeType: 'text/plain', buffer: Buffer.from('The first article that fits.') },
    { name: 'Too big.txt', mimeType: 'text/plain', buffer: Buffer.from('This one does not fit.') },
    { name: 'kept-two.txt', mimeType: 'text/plain', buffer: Buffer.from('The second article that fits.') },
  ];
  await page.getByTestId('import-date').fill('2022-01-02');
  await page.getByTestId('import-file').setInputFiles(files);
  const text = await status(page, /Added/);
  assert.match(text, /“Too big” did not fit in this browser's storage/);
  assert.equal(await page.getByTestId('import-status').evaluate((e) => e.classList.contains('error')), true);
  assert.deepEqual((await stored(page)).map(([, a]) => a.title), ['kept one', 'kept two']);
  await page.reload();
  await settled(page);
  await page.locator('[data-testid="article-item"][data-article="my-kept-one"]').waitFor();
  await page.locator('[data-testid="article-item"][data-article="my-kept-two"]').waitFor();
  assert.equal(await page.getByTestId('article-item').count(), 4);
  assert.deepEqual(errors, []);
  await context.close();
});

test('20 MB of imported articles are stored and listed after a reload', { timeout: 300_000 }, async () => {
  const { page, errors, context } = await open();
  // Ten articles of 2 MB (the per-article limit): a few sentences, then filler.
  const filler = 'and the water kept rising through the night while crews worked along the river ';
  const articles = Array.from({ length: 10 }, (_, i) => {
    let body = `Crews in district ${i + 1} worked through Monday night, officials said. `;
    body += filler.repeat(Math.floor((1_999_000 - body.length) / filler.length));
    return { id: `my-flood-${i + 1}`, title: `Flood report ${i + 1}`, outlet: 'Wire', published: '2023-04-0' + ((i % 9) + 1), body };
  });
  const buffer = Buffer.from(JSON.stringify(articles));
  assert.ok(buffer.length > 19_900_000, `${buffer.length} bytes`);
  await openImport(page);
  await page.getByTestId('import-file').setInputFiles({ name: 'twenty-megabytes.json', mimeType: 'application/json', buffer });
  await status(page, /Added/);
  await page.reload();
  await settled(page);
  for (const a of articles) await page.locator(`[data-testid="article-item"][data-article="${a.id}"]`).waitFor();
  const kept = (await stored(page)).map(([, a]) => a);
  assert.equal(kept.reduce((n, a) => n + a.body.length, 0), articles.reduce((n, a) => n + a.body.length, 0));
  assert.deepEqual(kept.map((a) => a.id), articles.map((a) => a.id));
  assert.deepEqual(errors, []);
  await context.close();
});
