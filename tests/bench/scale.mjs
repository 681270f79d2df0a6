// Scale benchmark (not part of the test suite): imports N Wikinews articles
// (../shared/data/wikinews-sample) into the release site as files, through
// the import form, and reports the time until they are all extracted and
// rendered (the layout's data-settled), the longest main-thread task in
// that time, and the JS heap. `node bench/scale.mjs [N...]`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, DIST, serve, launch } from '../e2e/harness.mjs';
import { parseCsv as csv } from '../../crates/dateline-cli/bench/csv.mjs';


const sample = join(ROOT, '..', 'shared', 'data', 'wikinews-sample');
const articles = ['wikinews_2019.csv', 'wikinews_2020.csv']
  .flatMap((f) => csv(readFileSync(join(sample, f), 'utf8')).slice(1))
  .filter((r) => r.length === 4 && r[3].trim() && Buffer.byteLength(r[3]) < 90_000)
  .map(([, date, title, text], i) => ({
    name: `wikinews-${String(i).padStart(3, '0')}.txt`,
    mimeType: 'text/plain',
    buffer: Buffer.from(`---\ntitle: ${title.replace(/\n/g, ' ')}\npublished: ${date}\n---\n${text}`),
  }));

const counts = process.argv.slice(2).map(Number).filter(Boolean);
const server = await serve(DIST);
const logs = [];
const browser = await launch();
console.log('articles  import+render  longest task  JS heap  wasm memory  bytes  DOM elements');
for (const n of counts.length ? counts : [10, 25, 50, 100]) {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (process.env.PERF) page.on('console', (m) => m.text().includes('PERF') && console.log(m.text()));
  // The engine's linear memory, from Trunk's start event.
  await page.addInitScript(() => addEventListener('TrunkApplicationStarted', (e) => (window.__memory = e.detail.wasm.memory)));
  await page.goto(server.url);
  await page.locator('[data-testid=layout][data-settled=true]').waitFor();
  const base = await page.getByTestId('article-item').count();
  await page.evaluate(() => {
    window.__longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
  const files = articles.slice(0, n);
  const bytes = files.reduce((s, f) => s + f.buffer.length, 0);
  if (!(await page.getByTestId('import-file').isVisible())) await page.getByText('Add an article').click();
  const t0 = Date.now();
  await page.getByTestId('import-file').setInputFiles(files);
  await page.waitForFunction((want) => document.querySelectorAll('[data-testid="article-item"]').length >= want, base + n, { timeout: 600_000, polling: 100 });
  await page.locator('[data-testid=layout][data-settled=true]').waitFor({ timeout: 600_000 });
  const ms = Date.now() - t0;
  const longest = await page.evaluate(() => window.__longest);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const heap = metrics.find((m) => m.name === 'JSHeapUsedSize').value;
  const elements = await page.evaluate(() => document.getElementsByTagName('*').length);
  const wasm = await page.evaluate(() => window.__memory?.buffer.byteLength ?? 0);
  console.log(`${String(n).padStart(8)}  ${String(ms).padStart(10)} ms  ${String(Math.round(longest)).padStart(9)} ms  ${(heap / 1e6).toFixed(1).padStart(5)} MB  ${(wasm / 1e6).toFixed(1).padStart(8)} MB  ${(bytes / 1e3).toFixed(0)} KB  ${elements}`);
  await context.close();
}
await browser.close();
await server.close();
