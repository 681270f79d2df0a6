#!/usr/bin/env node
// Trunk post-build hook (Trunk.toml [[hooks]]), run on the staging dist dir
// ($TRUNK_STAGING_DIR, or the folder given as the first argument):
//
// 0. In a release build, the wasm optimised (Trunk's own wasm-opt step is
//    off, see index.html): first the exports of wasm-streams' classes
//    removed with their code (Leptos always brings wasm-streams; a
//    client-side app never calls them), then binaryen 132's wasm-opt with
//    the flags below: 1.2 KB gzip less than wasm-opt alone.
//    The wasm-bindgen glue minified (terser, from tests/node_modules; so are
//    store.js, register-sw.js and sw.js) and its
//    integrity hash updated: about 2 KB gzip of the site's budget. The wasm's
//    imports renamed without wasm-bindgen's hash suffixes, in the wasm and the
//    glue alike: about 3 KB gzip (the hashes do not compress).
// 1. sw.js: the service worker template (src/web/sw.js) with the list of the
//    site's files and a version hashed from their contents.
// 2. A Content-Security-Policy <meta> that allows only the app's own origin,
//    wasm compilation, and the inline loader script by its hash.
// 3. dateline-standalone.html: the single-file edition, with CSS, JS, wasm and
//    icon inlined, which opens from file:// with no server.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, readdirSync, rmSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

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

// ---------------------------------------------------------------- the glue
let html = read('index.html').toString();
const { minify } = createRequire(join(ROOT, 'tests', 'package.json'))('terser');

/** `html` with the integrity attribute of the link to `file` set for `data`. */
function withIntegrity(html, file, data) {
  const sri = `sha384-${createHash('sha384').update(data).digest('base64')}`;
  const link = new RegExp(`(<link\\b[^>]*href="?\\./${file.replace('.', '\\.')}"?[^>]*\\bintegrity=)"?[^"\\s>]+"?`);
  if (!link.test(html)) {
    console.error(`postbuild: no integrity attribute for ${file} in index.html`);
    process.exit(1);
  }
  return html.replace(link, (_, head) => `${head}"${sri}"`);
}

/** An unsigned LEB128 number at `at` in `bytes`: [value, next offset]. */
function leb(bytes, at) {
  let value = 0;
  for (let shift = 0; ; shift += 7) {
    const b = bytes[at++];
    value += (b & 0x7f) * 2 ** shift;
    if (b < 0x80) return [value, at];
  }
}

function lebBytes(value) {
  const out = [];
  do {
    const b = value % 128;
    value = Math.floor(value / 128);
    out.push(value > 0 ? b | 0x80 : b);
  } while (value > 0);
  return out;
}

/**
 * wasm-bindgen names each import after its JS function plus a 16-digit hash
 * (`__wbg_createElement_de4a31ed2fb252be`). Renames them to the name without
 * the hash (with `_2`, `_3`... when two share one) in the wasm's import
 * section; returns the new wasm and the renames, for the glue.
 */
function shortImportNames(wasm) {
  const utf8 = new TextDecoder();
  const out = [wasm.subarray(0, 8)];
  let renames = new Map();
  let at = 8;
  while (at < wasm.length) {
    const id = wasm[at];
    const [size, body] = leb(wasm, at + 1);
    const end = body + size;
    if (id !== 2) {
      out.push(wasm.subarray(at, end));
      at = end;
      continue;
    }
    // The import section: a count, then each import's module, name, and kind and type.
    const imports = [];
    let [count, p] = leb(wasm, body);
    for (let k = 0; k < count; k++) {
      const [moduleLength, m] = leb(wasm, p);
      const [nameLength, n] = leb(wasm, m + moduleLength);
      const rest = descriptorEnd(wasm, n + nameLength);
      imports.push({ module: wasm.subarray(p, m + moduleLength), name: utf8.decode(wasm.subarray(n, n + nameLength)), rest: wasm.subarray(n + nameLength, rest) });
      p = rest;
    }
    renames = shortNames(imports.map((i) => i.name));
    const parts = [Uint8Array.from(lebBytes(count))];
    for (const i of imports) {
      const name = new TextEncoder().encode(renames.get(i.name) ?? i.name);
      parts.push(i.module, Uint8Array.from(lebBytes(name.length)), name, i.rest);
    }
    const section = Buffer.concat(parts);
    out.push(Uint8Array.of(2, ...lebBytes(section.length)), section);
    at = end;
  }
  return [Buffer.concat(out), renames];
}

/** The renames of `names` without their hash, each new name unused by any other. */
function shortNames(names) {
  const taken = new Set(names);
  const renames = new Map();
  for (const name of names) {
    const base = /^(__wbg_.*)_[0-9a-f]{16}$/.exec(name)?.[1];
    if (!base) continue;
    let short = base;
    for (let k = 2; taken.has(short); k++) short = `${base}_${k}`;
    taken.add(short);
    renames.set(name, short);
  }
  return renames;
}

/** Where an import's kind and type (after its name, at `at`) end. */
function descriptorEnd(wasm, at) {
  const kind = wasm[at];
  if (kind === 0) return leb(wasm, at + 1)[1]; // function: type index
  if (kind === 1) return limitsEnd(wasm, at + 2); // table: reftype, limits
  if (kind === 2) return limitsEnd(wasm, at + 1); // memory: limits
  if (kind === 3) return at + 3; // global: valtype, mutability
  if (kind === 4) return leb(wasm, at + 2)[1]; // tag: attribute, type index
  throw new Error(`postbuild: unknown import kind ${kind}`);
}

function limitsEnd(wasm, at) {
  const flags = wasm[at];
  const afterMin = leb(wasm, at + 1)[1];
  return flags & 1 ? leb(wasm, afterMin)[1] : afterMin;
}

// ---------------------------------------------------------------- the wasm

/**
 * wasm-opt's flags, tuned for the gzip size of the wasm, not its raw size
 * (measured with binaryen 132): -Os rather than -Oz, no inlining of big
 * functions into their one caller, the low 1 KB of memory known unused (Rust
 * puts its stack first), and functions ordered by name so that similar code
 * sits together for gzip (this needs the name section, which the
 * `wasm-release` profile keeps; the output has none); no producers and
 * target-features sections (metadata no browser reads); the passes run until
 * nothing changes. See README, "Building by hand".
 */
const WASM_OPT = ['-Os', '--one-caller-inline-max-function-size=20', '--low-memory-unused', '--reorder-functions-by-name', '--strip-producers', '--strip-target-features', '--converge'];

/** Exports no page calls: wasm-streams' `IntoUnderlying*` classes. */
const unused = (name) => /^(__wbg_)?intounderlying/.test(name);

/** binaryen's `tool`, from tests/node_modules, refused unless it is version 132. */
function binaryen(tool) {
  const bin = join(dirname(createRequire(join(ROOT, 'tests', 'package.json')).resolve('binaryen/package.json')), 'bin', tool);
  const version = execFileSync(bin, ['--version']).toString();
  if (!/\bversion 132\b/.test(version)) {
    console.error(`postbuild: ${bin} is ${version.trim()}, not binaryen 132 (run scripts/setup.sh)`);
    process.exit(1);
  }
  return bin;
}

/** The wasm at `path`, its unused exports removed, optimised in place. */
async function optimise(path) {
  const exports = WebAssembly.Module.exports(await WebAssembly.compile(readFileSync(path)));
  const graph = [{ name: 'page', root: true, reaches: exports.filter((e) => !unused(e.name)).map((e) => `export ${e.name}`) }];
  for (const e of exports) graph.push({ name: `export ${e.name}`, export: e.name });
  const [graphFile, kept] = [`${path}.graph.json`, `${path}.kept.wasm`];
  writeFileSync(graphFile, JSON.stringify(graph));
  // -g: the names stay, for wasm-opt's ordering by name.
  execFileSync(binaryen('wasm-metadce'), ['-g', path, '--graph-file', graphFile, '-o', kept], { stdio: ['ignore', 'ignore', 'inherit'] });
  execFileSync(binaryen('wasm-opt'), [...WASM_OPT, kept, '-o', path], { stdio: 'inherit' });
  rmSync(graphFile);
  rmSync(kept);
}

{
  const glue = /href="?\.\/(dateline-app-[0-9a-f]+\.js)"?/.exec(html)?.[1];
  const wasmFile = /href="?\.\/(dateline-app-[0-9a-f]+_bg\.wasm)"?/.exec(html)?.[1];
  if (!glue || !wasmFile) {
    console.error("postbuild: can't find the wasm-bindgen glue or the wasm in index.html; did Trunk's output change?");
    process.exit(1);
  }
  if (process.env.TRUNK_PROFILE === 'release') await optimise(join(DIR, wasmFile));
  const [wasm, renames] = shortImportNames(read(wasmFile));
  let code = read(glue).toString();
  for (const [name, short] of renames) {
    if (!code.includes(name)) {
      console.error(`postbuild: the glue does not name the import ${name}`);
      process.exit(1);
    }
    code = code.replaceAll(name, short);
  }
  writeFileSync(join(DIR, wasmFile), wasm);
  html = withIntegrity(html, wasmFile, wasm);
  const out = await minify(code, { module: true, compress: true, mangle: true });
  writeFileSync(join(DIR, glue), out.code);
  html = withIntegrity(html, glue, out.code);
}
// The small classic scripts minified too (their globals keep their names).
for (const f of ['store.js', 'register-sw.js']) {
  writeFileSync(join(DIR, f), (await minify(read(f).toString(), { compress: true, mangle: true })).code);
}

// ---------------------------------------------------------------- the site
html = withCsp(html, csp(inlineScripts(html)));
writeFileSync(join(DIR, 'index.html'), html);

const files = readdirSync(DIR).filter((f) => f !== 'sw.js' && f !== STANDALONE).sort();
const version = createHash('sha256');
for (const f of files) version.update(f).update(read(f));
const sw = readFileSync(join(ROOT, 'src', 'web', 'sw.js'), 'utf8')
  .replace('__VERSION__', version.digest('hex').slice(0, 16))
  .replace('__ASSETS__', JSON.stringify(['./', ...files]));
writeFileSync(join(DIR, 'sw.js'), (await minify(sw, { compress: true, mangle: true })).code);

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
