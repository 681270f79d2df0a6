// The README's serve command: `trunk serve --release` (what scripts/serve.sh
// runs, on a free port here) serves a page that lists the articles and
// renders one, with no console errors (e.g. no script the CSP blocks).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, launch, openPage } from './harness.mjs';

async function freePort() {
  const srv = createServer();
  await new Promise((ok) => srv.listen(0, '127.0.0.1', ok));
  const { port } = srv.address();
  await new Promise((ok) => srv.close(ok));
  return port;
}

test('trunk serve --release serves the explorer without errors', { timeout: 600_000 }, async () => {
  const port = await freePort();
  // Its own dist folder: the other browser tests read dist/ meanwhile.
  const dist = await mkdtemp(join(tmpdir(), 'dateline-serve-'));
  const trunk = spawn('trunk', ['serve', '--release', '--port', String(port), '--dist', dist], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let log = '';
  trunk.stdout.on('data', (d) => (log += d));
  trunk.stderr.on('data', (d) => (log += d));
  const url = `http://127.0.0.1:${port}/`;
  const browser = await launch();
  try {
    const deadline = Date.now() + 540_000;
    for (;;) {
      const ok = await fetch(url).then((r) => r.ok, () => false);
      if (ok) break;
      assert.ok(Date.now() < deadline && trunk.exitCode === null, `trunk serve did not come up:\n${log.slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 1000));
    }
    const { page, context, errors } = await openPage(browser, url);
    await page.getByTestId('article-item').first().waitFor();
    assert.ok((await page.getByTestId('article-item').count()) >= 2);
    await page.getByTestId('sentence').first().waitFor();
    await page.getByTestId('timeline-item').first().waitFor();
    await page.waitForTimeout(500);
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    await browser.close();
    process.kill(-trunk.pid, 'SIGTERM');
    await rm(dist, { recursive: true, force: true });
  }
});
