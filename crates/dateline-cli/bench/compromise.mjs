// Runs compromise over the article bodies of the Wikinews sample (the same
// text as `dateline bench`) and prints MB/s, on one thread.
//   cd crates/dateline-cli/bench && npm install && node compromise.mjs [PATH]
// PATH: a CSV file or a folder of them (default ../shared/data/wikinews-sample,
// relative to the project root; also tried relative to this folder).
import fs from 'node:fs';
import path from 'node:path';
import nlp from 'compromise';
import { parseCsv } from './csv.mjs';


const here = path.dirname(new URL(import.meta.url).pathname);
const candidates = process.argv[2] ? [process.argv[2]] : ['../shared/data/wikinews-sample', path.join(here, '../../../../shared/data/wikinews-sample')];
const target = candidates.find((p) => fs.existsSync(p));
if (!target) { console.error('no wikinews-sample found'); process.exit(2); }
const files = fs.statSync(target).isDirectory()
  ? fs.readdirSync(target).filter((f) => f.endsWith('.csv')).sort().map((f) => path.join(target, f))
  : [target];
const bodies = [];
for (const f of files) {
  const rows = parseCsv(fs.readFileSync(f, 'utf8'));
  const col = rows[0].indexOf('text');
  for (const r of rows.slice(1)) if (r[col]) bodies.push(r[col]);
}
const bytes = bodies.reduce((n, b) => n + Buffer.byteLength(b, 'utf8'), 0);
const pass = () => {
  let found = 0;
  for (const b of bodies) {
    const doc = nlp(b);
    found += doc.quotations().length + doc.people().length + doc.organizations().length + doc.places().length;
  }
  return found;
};
pass(); // warm-up
const start = process.hrtime.bigint();
let rounds = 0; let found = 0;
while (rounds < 2 || Number(process.hrtime.bigint() - start) / 1e9 < 2) { found = pass(); rounds++; }
const secs = Number(process.hrtime.bigint() - start) / 1e9 / rounds;
const mb = bytes / 1e6;
console.log(`compromise: ${bodies.length} articles, ${mb.toFixed(2)} MB, ${found} quotes+people+orgs+places; ${secs.toFixed(3)} s per pass (${rounds} passes); ${(mb / secs).toFixed(2)} MB/s`);
