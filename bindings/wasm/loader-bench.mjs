// Not a test: Catalog.fromJson against CatalogLoader in Node on the synthetic catalogue of
// 10,000 procedures (the one bench.mjs renders): the total, the longest step, the constructor
// and finish(); and what the widget's fetch costs before the loader: the document given as a
// string (decoded with TextDecoder, as `response.text()` does, then copied into the module) or
// as bytes (as `response.arrayBuffer()` gives it). Figures go to BENCHMARKS.md by hand.
//   bash bindings/wasm/build.sh && node bindings/wasm/loader-bench.mjs [DIST_NODE_DIR]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { portalNames, syntheticCatalogue } from '../../examples/web/synthetic.js';

const require = createRequire(import.meta.url);
const dir = process.argv[2] ?? new URL('./dist/node', import.meta.url).pathname;
const { Catalog, CatalogLoader } = require(`${dir}/tthc_wasm.js`);
const data = (name) => JSON.parse(readFileSync(new URL(`../../examples/web/data/${name}`, import.meta.url)));
const base = portalNames(data('portal-commune-2026.json'), data('portal-commune-2026-left-out.json'));
const text = JSON.stringify(syntheticCatalogue(10000, base));
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const RUNS = 15;

const bytes = new TextEncoder().encode(text);
const rows = {
  fromJson: [], total: [], constructor: [], longestStep: [], finish: [],
  'decode + new (string)': [], 'new (bytes)': [],
};
for (let k = 0; k < RUNS; k += 1) {
  let t0 = performance.now();
  Catalog.fromJson(text).free();
  rows.fromJson.push(performance.now() - t0);
  if (!CatalogLoader) continue;
  const start = performance.now();
  const loader = new CatalogLoader(text);
  rows.constructor.push(performance.now() - start);
  let longest = 0;
  for (;;) {
    t0 = performance.now();
    const done = loader.step(256);
    longest = Math.max(longest, performance.now() - t0);
    if (done) break;
  }
  rows.longestStep.push(longest);
  t0 = performance.now();
  const catalog = loader.finish();
  rows.finish.push(performance.now() - t0);
  rows.total.push(performance.now() - start);
  catalog.free();
  t0 = performance.now();
  new CatalogLoader(new TextDecoder().decode(bytes)).free();
  rows['decode + new (string)'].push(performance.now() - t0);
  t0 = performance.now();
  new CatalogLoader(bytes).free();
  rows['new (bytes)'].push(performance.now() - t0);
}
console.log(`${text.length} bytes, medians of ${RUNS} (ms):`);
for (const [name, xs] of Object.entries(rows)) if (xs.length) console.log(`${name.padEnd(22)} ${median(xs).toFixed(1)}`);
