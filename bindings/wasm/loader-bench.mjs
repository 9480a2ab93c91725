// Not a test: Catalog.fromJson against CatalogLoader in Node on the synthetic catalogue of
// 10,000 procedures (the one bench.mjs renders): the total, the number of steps and the
// longest one (256 elements a step; and sized as the widget sizes them, about 8 ms each:
// `adaptive`), the constructor and finish(); and what the widget's fetch costs before the
// loader: the document given as a string (decoded with TextDecoder, as `response.text()` does,
// then copied into the module) or as bytes (as `response.arrayBuffer()` gives it). Figures go to
// BENCHMARKS.md by hand.
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
const rows = { fromJson: [], total: [], constructor: [], steps: [], longestStep: [], finish: [], adaptiveSteps: [], adaptiveLongest: [], adaptiveFinish: [],
  'decode + new (string)': [], 'new (bytes)': [] };
/** The widget's `inSlices` without its pauses: the count sized from the last step's time. */
function adaptive() {
  const loader = new CatalogLoader(text);
  let count = 256;
  let steps = 0;
  let longest = 0;
  for (;;) {
    const t0 = performance.now();
    const done = loader.step(count);
    const ms = performance.now() - t0;
    longest = Math.max(longest, ms);
    steps += 1;
    if (done) break;
    count = Math.max(16, Math.min(count * 4, Math.floor((count * 8) / Math.max(ms, 0.25))));
  }
  const t0 = performance.now();
  loader.finish().free();
  rows.adaptiveFinish.push(performance.now() - t0);
  rows.adaptiveSteps.push(steps);
  rows.adaptiveLongest.push(longest);
}
for (let k = 0; k < RUNS; k += 1) {
  let t0 = performance.now();
  Catalog.fromJson(text).free();
  rows.fromJson.push(performance.now() - t0);
  if (!CatalogLoader) continue;
  const start = performance.now();
  const loader = new CatalogLoader(text);
  rows.constructor.push(performance.now() - start);
  let longest = 0;
  let steps = 0;
  for (;;) {
    t0 = performance.now();
    const done = loader.step(256);
    longest = Math.max(longest, performance.now() - t0);
    steps += 1;
    if (done) break;
  }
  rows.steps.push(steps);
  rows.longestStep.push(longest);
  t0 = performance.now();
  const catalog = loader.finish();
  rows.finish.push(performance.now() - t0);
  rows.total.push(performance.now() - start);
  catalog.free();
  adaptive();
  t0 = performance.now();
  new CatalogLoader(new TextDecoder().decode(bytes)).free();
  rows['decode + new (string)'].push(performance.now() - t0);
  t0 = performance.now();
  new CatalogLoader(bytes).free();
  rows['new (bytes)'].push(performance.now() - t0);
}
console.log(`${text.length} bytes, medians of ${RUNS} (ms):`);
for (const [name, xs] of Object.entries(rows)) if (xs.length) console.log(`${name.padEnd(22)} ${median(xs).toFixed(1)}`);
