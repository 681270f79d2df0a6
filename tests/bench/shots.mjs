// Screenshots for review (not part of the test suite): 375 and 1440 px,
// light and dark, with a timeline item selected. `node bench/shots.mjs [DIR]`.
import { mkdir } from 'node:fs/promises';
import { DIST, serve, launch } from '../e2e/harness.mjs';

const out = process.argv[2] || '/tmp/ui-shots';
await mkdir(out, { recursive: true });
const server = await serve(DIST);
const browser = await launch();
for (const width of [375, 1440]) {
  for (const scheme of ['light', 'dark']) {
    const context = await browser.newContext({ viewport: { width, height: width < 500 ? 812 : 900 }, colorScheme: scheme });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.locator('[data-testid=layout][data-settled=true]').waitFor();
    await page.screenshot({ path: `${out}/${width}-${scheme}.png` });
    await page.locator('[data-testid="timeline-item"][data-sources="2"] .item-btn').first().click();
    await page.waitForTimeout(400);
    await page.screenshot({ path: `${out}/${width}-${scheme}-selected.png` });
    if (width === 1440) {
      await page.locator('time.timex').nth(2).focus();
      await page.waitForTimeout(200);
      await page.screenshot({ path: `${out}/${width}-${scheme}-tooltip.png` });
      await page.locator('summary', { hasText: 'Add an article' }).click();
      await page.screenshot({ path: `${out}/${width}-${scheme}-import.png` });
      // A long paste: the progress while the engine runs.
      const para = 'On Tuesday the minister said the talks had made progress. "We will meet again next month," she told reporters. ';
      await page.getByTestId('import-text').fill(para.repeat(800));
      await page.getByTestId('import-date').fill('2020-02-11');
      await page.getByTestId('import-submit').click();
      await page.locator('.progress:not([hidden])').waitFor();
      await page.screenshot({ path: `${out}/${width}-${scheme}-progress.png` });
      await page.locator('[data-testid=layout][data-settled=true]').waitFor({ timeout: 60_000 });
      await page.keyboard.press('Escape');
      await page.locator('summary', { hasText: 'Add an article' }).click();
      await page.screenshot({ path: `${out}/${width}-${scheme}-long.png` });
    }
    await page.screenshot({ path: `${out}/${width}-${scheme}-full.png`, fullPage: width < 500 });
    await context.close();
  }
}
await browser.close();
await server.close();
console.log(`screenshots in ${out}`);
