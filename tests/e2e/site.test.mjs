// The release site (dist/, built by `trunk build --release`) in headless
// chromium: the embedded articles are listed and rendered by sentences, and
// nothing errors. A broken wasm-opt (Debian's binaryen 108) kills the release
// page with "WebAssembly.Table.set(): Argument 1 is invalid": this catches it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT, DIST, openPage, useSite } from './harness.mjs';

const site = useSite();


/** The embedded corpus as the build sees it: id and title of each article. */
export async function corpus() {
  const dir = join(ROOT, 'articles');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.txt')).sort();
  return Promise.all(
    files.map(async (f) => {
      const text = await readFile(join(dir, f), 'utf8');
      return { id: f.replace(/\.txt$/, ''), title: /^title:\s*(.+)$/m.exec(text)[1].trim(), body: text.split(/^---$/m)[2] };
    }),
  );
}


test('the release build has an optimised wasm', async () => {
  const files = await readdir(DIST);
  const wasm = files.find((f) => f.endsWith('.wasm'));
  assert.ok(wasm, `no .wasm in dist/: ${files.join(', ')}`);
});

test('the whole site a visitor loads is within 400 KB gzip (issue 5)', async () => {
  // HTML, JS, wasm, CSS, icon, manifest, service worker; the single-file
  // edition is a separate download. 400 KB = 400,000 bytes, gzip level 9.
  let total = 0;
  for (const f of (await readdir(DIST)).filter((f) => f !== 'dateline-standalone.html')) {
    total += gzipSync(await readFile(join(DIST, f)), { level: 9 }).length;
  }
  console.log(`site: ${total} bytes gzip`);
  assert.ok(total <= 400_000, `site is ${total} bytes gzip`);
});

test('lists every embedded article and renders each by sentences, without errors', async () => {
  const articles = await corpus();
  assert.ok(articles.length >= 2);
  const { page, errors, context } = await openPage(site.browser, site.server.url);
  const items = page.getByTestId('article-item');
  await items.first().waitFor();
  assert.equal(await items.count(), articles.length);
  for (const a of articles) {
    await page.locator(`[data-testid="article-item"][data-article="${a.id}"]`).getByText(a.title).waitFor();
  }

  // Jump to the second article: its heading gets focus, its sentences open the body.
  const second = articles[1];
  await page.locator(`[data-testid="article-item"][data-article="${second.id}"] button`).first().click();
  const reader = page.locator(`article#art-${second.id}`);
  await reader.getByRole('heading', { name: second.title }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H3');
  const sentences = reader.getByTestId('sentence');
  assert.ok((await sentences.count()) >= 5, 'the article renders sentence by sentence');
  const first = (await sentences.first().textContent()).trim();
  assert.ok(second.body.trimStart().startsWith(first), `first sentence ${JSON.stringify(first)} opens the body`);

  assert.deepEqual(errors, []);
  await context.close();
});
