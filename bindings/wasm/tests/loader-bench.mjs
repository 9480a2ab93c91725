// Not a test: Catalog.fromJson against CatalogLoader in Node on the synthetic catalogue of
// 10,000 procedures (the one bench.mjs renders): the total, the longest step, the constructor
// and finish(). Figures go to BENCHMARKS.md ("Loading in steps") by hand.
//   bash bindings/wasm/build.sh && node bindings/wasm/tests/loader-bench.mjs [DIST_NODE_DIR]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { portalNames, syntheticCatalogue } from '../../../examples/web/synthetic.js';

const require = createRequire(import.meta.url);
const dir = process.argv[2] ?? new URL('../dist/node', import.meta.url).pathname;
const { Catalog, CatalogLoader } = require(`${dir}/tthc_wasm.js`);
const data = (name) => JSON.parse(readFileSync(new URL(`../../../examples/web/data/${name}`, import.meta.url)));
const base = portalNames(data('portal-commune-2026.json'), data('portal-commune-2026-left-out.json'));
const text = JSON.stringify(syntheticCatalogue(10000, base));
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const RUNS = 15;

const rows = { fromJson: [], total: [], constructor: [], longestStep: [], finish: [] };
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
}
console.log(`${text.length} bytes, medians of ${RUNS} (ms):`);
for (const [name, xs] of Object.entries(rows)) if (xs.length) console.log(`${name.padEnd(12)} ${median(xs).toFixed(1)}`);
