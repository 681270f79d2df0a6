// Issue 6, hostile input in the page: article text carrying HTML and script
// is rendered as text (nothing runs, no markup is injected); right-to-left
// text, emoji, control characters and a very long line render and the page
// stays responsive.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, useSite } from './harness.mjs';

const site = useSite();

async function importText(page, text, date = '2021-03-04') {
  if (!(await page.getByTestId('import-text').isVisible())) await page.getByText('Add an article').click();
  const before = await page.getByTestId('article-item').count();
  await page.getByTestId('import-text').fill(text);
  await page.getByTestId('import-date').fill(date);
  await page.getByTestId('import-submit').click();
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="article-item"]').length > n, before);
}

test('script-bearing article text is rendered inert, as text', async () => {
  const { page, context, errors } = await openPage(site.browser, site.server.url);
  const dialogs = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss();
  });
  await page.getByTestId('timeline-item').first().waitFor();
  const hostile =
    '<script>window.__pwned = 1; alert(1)</script> Officials met on Monday. ' +
    '<img src=x onerror="window.__pwned = 2; alert(2)"> “<b>We will win</b>,” Jane Smith said on Tuesday. ' +
    '<a href="javascript:alert(3)">click</a> <iframe src="javascript:alert(4)"></iframe> <style>body{display:none}</style>';
  await importText(page, hostile);
  const reader = page.getByTestId('reader');
  await reader.getByText('<script>window.__pwned = 1; alert(1)</script>', { exact: false }).first().waitFor();
  const injected = await page.evaluate(() => ({
    pwned: window.__pwned,
    elements: document.querySelectorAll('[data-testid="reader"] :is(script, img, b, a[href^="javascript"], iframe, style)').length,
    hidden: getComputedStyle(document.body).display === 'none',
  }));
  assert.deepEqual(injected, { pwned: undefined, elements: 0, hidden: false });
  // The quote inside the markup is still found, as text.
  const panels = page.getByTestId('speaker-panel');
  await panels.filter({ hasText: 'Jane Smith' }).first().waitFor();
  await page.waitForTimeout(300);
  assert.deepEqual(dialogs, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('right-to-left text, emoji, control characters and a long line render; the page stays responsive', async () => {
  const { page, context, errors } = await openPage(site.browser, site.server.url);
  await page.getByTestId('timeline-item').first().waitFor();
  const sentence = 'The ministers met on Wednesday in Geneva and said the talks would resume “soon,” officials said. ';
  const text =
    'قال الوزير يوم الأربعاء إن المحادثات كانت مثمرة. 🇺🇸🤝🇷🇺 “Deal done 🎉,” Mr. Smith said.\n' +
    '\u0001\u0007\u007f\u202eReversed\u202c text. שלום עולם.\n' +
    sentence.repeat(800); // an 80 KB line
  const started = Date.now();
  await importText(page, text);
  const took = Date.now() - started;
  // Responsive: a click is handled promptly once the import is done.
  const t = Date.now();
  await page.getByTestId('theme-toggle').click();
  await page.waitForFunction(() => document.documentElement.dataset.theme);
  assert.ok(Date.now() - t < 2000, `click handled in ${Date.now() - t} ms`);
  await page.getByTestId('reader').getByText('قال الوزير', { exact: false }).first().waitFor();
  console.log(`imported an 80 KB line with RTL, emoji and control characters in ${took} ms`);
  assert.deepEqual(errors, []);
  await context.close();
});
