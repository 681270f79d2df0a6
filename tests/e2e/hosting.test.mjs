// Issue 6, hosting: offline after the first visit (service worker), the
// single-file edition from file://, a sub-path deploy, no cross-origin
// requests, and a Content-Security-Policy that the page runs under.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, cp, mkdtemp, readFile, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, DIST, serve, launch, openPage } from './harness.mjs';

let browser;
let articleCount;

before(async () => {
  browser = await launch();
  articleCount = (await readdir(join(ROOT, 'articles'))).filter((f) => f.endsWith('.txt')).length;
});

after(async () => {
  await browser?.close();
});

/** Waits until the page lists every embedded article. */
async function listsArticles(page) {
  await page.getByTestId('article-item').first().waitFor();
  assert.equal(await page.getByTestId('article-item').count(), articleCount);
  await page.getByTestId('sentence').first().waitFor();
}

test('works offline after the first visit, then picks up a new deploy', async () => {
  // A copy of the site, so the test can deploy a new version of it.
  const site = await mkdtemp(join(tmpdir(), 'dateline-site-'));
  await cp(DIST, site, { recursive: true });
  const server = await serve(site);
  const { page, context, errors } = await openPage(browser, server.url);
  await listsArticles(page);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((ok) => navigator.serviceWorker.addEventListener('controllerchange', ok, { once: true }));
    }
  });
  const cache = await page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('dateline-')));
  assert.equal(cache.length, 1, `one cache: ${cache}`);

  await context.setOffline(true);
  await page.reload();
  await listsArticles(page);
  await context.setOffline(false);

  // A new deploy: the worker changes (new version), replaces the cache, and
  // the old cache is gone.
  const sw = await readFile(join(site, 'sw.js'), 'utf8');
  const deployed = sw.replace(/(["'])dateline-[0-9a-f]{16}\1/, "'dateline-0000000000000000'");
  assert.notEqual(deployed, sw, 'the worker names its cache version');
  await writeFile(join(site, 'sw.js'), deployed);
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    const changed = new Promise((ok) => navigator.serviceWorker.addEventListener('controllerchange', ok, { once: true }));
    await registration.update();
    await changed;
    // The new worker controls the page while it activates; wait for the end
    // of its activation, which deletes the old cache.
    const worker = navigator.serviceWorker.controller;
    if (worker.state !== 'activated') {
      await new Promise((ok) => worker.addEventListener('statechange', () => worker.state === 'activated' && ok()));
    }
  });
  const after = await page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('dateline-')));
  assert.deepEqual(after, ['dateline-0000000000000000']);
  await page.reload();
  await listsArticles(page);
  assert.deepEqual(errors, []);
  await context.close();
  await server.close();
  await rm(site, { recursive: true });
});

test('the single-file edition opens from file:// with no server', async () => {
  const url = pathToFileURL(join(DIST, 'dateline-standalone.html')).href;
  const { page, context, errors } = await openPage(browser, url);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await listsArticles(page);
  await page.reload();
  await listsArticles(page);
  const outside = requests.filter((u) => !/^(file|data|blob):/.test(u));
  assert.deepEqual(outside, [], 'the single file loads nothing from a network');
  assert.deepEqual(errors, []);
  await context.close();
});

test('serves from a sub-path and requests nothing outside its own origin and path', async () => {
  const server = await serve(DIST, '/news/dateline/');
  const context = await browser.newContext();
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(server.url);
  await listsArticles(page);
  await page.waitForTimeout(300); // let the service worker register and precache
  const outside = requests.filter((u) => !u.startsWith(server.url) && !/^(data|blob):/.test(u));
  assert.deepEqual(outside, [], 'every request stays under the sub-path');
  assert.ok(requests.some((u) => u.endsWith('.wasm')));
  assert.deepEqual(errors, []);
  await context.close();
  await server.close();
});

test('the page carries a Content-Security-Policy that forbids other origins', async () => {
  const server = await serve(DIST);
  const { page, context, errors } = await openPage(browser, server.url);
  await listsArticles(page);
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(policy, /default-src 'self'/);
  assert.match(policy, /object-src 'none'/);
  assert.doesNotMatch(policy, /script-src[^;]*'unsafe-inline'/);
  // A script the policy doesn't list must not run.
  const ran = await page.evaluate(() => {
    window.__injected = false;
    const s = document.createElement('script');
    s.textContent = 'window.__injected = true';
    document.body.append(s);
    return window.__injected;
  });
  assert.equal(ran, false);
  assert.ok(errors.every((e) => /Content Security Policy/.test(e)), errors.join('\n'));
  await context.close();
  await server.close();
});
