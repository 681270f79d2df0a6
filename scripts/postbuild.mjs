#!/usr/bin/env node
// Trunk post-build hook (Trunk.toml [[hooks]]), run on the staging dist dir
// ($TRUNK_STAGING_DIR, or the folder given as the first argument):
//
// 1. sw.js: the service worker template (src/web/sw.js) with the list of the
//    site's files and a version hashed from their contents.
// 2. A Content-Security-Policy <meta> that allows only the app's own origin,
//    wasm compilation, and the inline loader script by its hash.
// 3. dateline-standalone.html: the single-file edition, with CSS, JS, wasm and
//    icon inlined, which opens from file:// with no server.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIR = process.env.TRUNK_STAGING_DIR || process.argv[2];
if (!DIR) {
  console.error('postbuild: no folder (set TRUNK_STAGING_DIR or pass one)');
  process.exit(2);
}
const STANDALONE = 'dateline-standalone.html';

const sha256 = (data) => createHash('sha256').update(data).digest('base64');
const read = (name) => readFileSync(join(DIR, name));
const inlineScripts = (html) => [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);

/** The CSP for a page whose inline scripts are `scripts`. */
function csp(scripts, { extraScript = '' } = {}) {
  const hashes = scripts.map((s) => `'sha256-${sha256(s)}'`).join(' ');
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${hashes}${extraScript}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

function withCsp(html, policy) {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
  return html.replace(/<meta charset="?utf-8"?\s*\/?>/i, (m) => `${m}\n    ${meta}`);
}

// ---------------------------------------------------------------- the site
let html = read('index.html').toString();
html = withCsp(html, csp(inlineScripts(html)));
writeFileSync(join(DIR, 'index.html'), html);

const files = readdirSync(DIR).filter((f) => f !== 'sw.js' && f !== STANDALONE).sort();
const version = createHash('sha256');
for (const f of files) version.update(f).update(read(f));
const sw = readFileSync(join(ROOT, 'src', 'web', 'sw.js'), 'utf8')
  .replace('__VERSION__', version.digest('hex').slice(0, 16))
  .replace('__ASSETS__', JSON.stringify(['./', ...files]));
writeFileSync(join(DIR, 'sw.js'), sw);

// ---------------------------------------------------------------- single file
const loader = inlineScripts(html).find((s) => s.includes('module_or_path'));
const js = /import init, \* as bindings from '\.\/([^']+\.js)'/.exec(loader)?.[1];
const wasm = /module_or_path: '\.\/([^']+\.wasm)'/.exec(loader)?.[1];
if (!js || !wasm) {
  console.error("postbuild: can't find the wasm loader in index.html; did Trunk's output change?");
  process.exit(1);
}
const boot = `
const bytes = Uint8Array.from(atob(document.getElementById('dateline-wasm').textContent), (c) => c.charCodeAt(0));
const source = document.getElementById('dateline-js').textContent;
const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
const bindings = await import(url);
const wasm = await bindings.default({ module_or_path: bytes });
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
`;
let single = read('index.html').toString();
// Trunk minifies the page (Trunk.toml): attributes may come unquoted and in any order.
const tag = (name, attr) => new RegExp(`<${name}\\b[^>]*\\b${attr}[^>]*>`, 'g');
const href = (t) => /\bhref="?\.\/([^"\s>]+)/.exec(t)[1];
single = single.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\s*/, '');
single = single.replace(/<script type="?module"?>[\s\S]*?<\/script>/, () => '');
single = single.replace(tag('link', 'rel="?(modulepreload|preload|manifest)\\b'), '');
single = single.replace(/<script\b[^>]*\bsrc="?\.\/register-sw\.js"?[^>]*><\/script>/, '');
// The IndexedDB glue (src/web/store.js), inline and allowed by its hash.
const store = read('store.js').toString();
single = single.replace(/<script\b[^>]*\bsrc="?\.\/store\.js"?[^>]*><\/script>/, () => `<script>${store}</script>`);
single = single.replace(tag('link', 'rel="?stylesheet\\b'), (t) => `<style>\n${read(href(t))}\n</style>`);
single = single.replace(tag('link', 'rel="?icon\\b'), (t) => `<link rel="icon" type="image/svg+xml" href="data:image/svg+xml;base64,${read(href(t)).toString('base64')}" />`);
const payload =
  `<script type="application/octet-stream" id="dateline-wasm">${read(wasm).toString('base64')}</script>\n` +
  `<script type="text/plain" id="dateline-js">${read(js).toString().replace(/<\/script/gi, '<\\/script')}</script>\n` +
  `<script type="module">${boot}</script>\n`;
single = single.replace('</body>', () => `${payload}</body>`);
single = withCsp(single, csp([boot, store], { extraScript: ' blob:' }));
writeFileSync(join(DIR, STANDALONE), single);
console.log(`postbuild: sw.js (${files.length} files), CSP, ${STANDALONE} (${Math.round(single.length / 1024)} KB)`);
