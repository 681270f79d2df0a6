// Benchmark (not part of the test suite): run `node bench/speed.mjs` in tests/
// after `trunk build --release`. Measures, in headless chromium on localhost:
//  - time from navigation start to the first timeline item in the DOM
//    (median of 7 cold page loads, cache disabled by a fresh context);
//  - the whole site's size, raw and gzip -9 (HTML, JS, wasm, CSS, icon);
//  - importing a long pasted article (99 KB, just under the limit): time until it
//    is extracted ("Added"), until every list is rendered (data-settled), and
//    the longest main-thread task in that time.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DIST, serve, launch } from '../e2e/harness.mjs';

const server = await serve(DIST);
const browser = await launch();

const times = [];
for (let i = 0; i < 7; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    new MutationObserver((_, obs) => {
      if (document.querySelector('[data-testid="timeline-item"]')) {
        window.__timeline = performance.now();
        obs.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(server.url);
  await page.waitForFunction(() => window.__timeline);
  times.push(await page.evaluate(() => window.__timeline));
  await context.close();
}
times.sort((a, b) => a - b);

let raw = 0;
let gz = 0;
const files = [];
// The site a visitor loads; the single-file edition is a separate download.
for (const f of (await readdir(DIST)).filter((f) => f !== 'dateline-standalone.html')) {
  const body = await readFile(join(DIST, f));
  const z = gzipSync(body, { level: 9 }).length;
  raw += body.length;
  gz += z;
  files.push(`${f}: ${(body.length / 1024).toFixed(1)} KB raw, ${(z / 1024).toFixed(1)} KB gzip`);
}

// A long paste: Wikinews-like prose repeated to 200 KB.
const context = await browser.newContext();
const page = await context.newPage();
await page.goto(server.url);
await page.locator('[data-testid=layout][data-settled=true]').waitFor();
await page.locator('summary', { hasText: 'Add an article' }).click();
const para = 'On Tuesday the minister said the talks, which began last week in Geneva, had made progress. "We will meet again next month," she told reporters. Officials said a deal could come by March 3. ';
let text = '';
while (text.length < 99_000 - para.length) text += para + (text.length % 2000 < para.length ? '\n\n' : '');
await page.getByTestId('import-text').fill(text);
await page.getByTestId('import-date').fill('2020-02-11');
await page.evaluate(() => {
  window.__long = 0;
  new PerformanceObserver((l) => l.getEntries().forEach((e) => (window.__long = Math.max(window.__long, e.duration)))).observe({ type: 'longtask' });
  window.__t0 = performance.now();
});
await page.getByTestId('import-submit').click();
await page.waitForFunction(() => /Added|too long/.test(document.querySelector('[data-testid=import-status]').textContent), null, { timeout: 60_000 });
const importMs = await page.evaluate(() => performance.now() - window.__t0);
await page.locator('[data-testid=layout][data-settled=true]').waitFor({ timeout: 60_000 });
const settledMs = await page.evaluate(() => performance.now() - window.__t0);
const longest = await page.evaluate(() => window.__long);
await context.close();

console.log(`timeline rendered after navigation: median ${times[3].toFixed(0)} ms (min ${times[0].toFixed(0)}, max ${times[6].toFixed(0)}) over 7 loads`);
console.log(`site size: ${(raw / 1024).toFixed(1)} KB raw, ${(gz / 1024).toFixed(1)} KB gzip (budget 400 KB)`);
for (const f of files) console.log(`  ${f}`);
console.log(`import of a ${(text.length / 1000).toFixed(0)} KB paste: extracted in ${importMs.toFixed(0)} ms, all rendered in ${settledMs.toFixed(0)} ms; longest main-thread task ${longest.toFixed(0)} ms`);
await browser.close();
await server.close();
