// Concurrency (issue 13, item 5): the Node build used from worker_threads. Eight workers, each
// with its own instance of the package, load the same document and compute at once — reports
// on every channel, one unit alone, a commune's procedure list, a search, the check — and
// every worker's results equal the main thread's. The Rust (crates/tthc/tests/concurrency.rs)
// and Python (bindings/python/tests/test_threads.py) tests do the same with shared memory.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { tthc } from './helpers.mjs';

const WORKERS = 8;
const PACKAGE = fileURLToPath(new URL('../dist/node/tthc_wasm.js', import.meta.url));

/** A province with `communes` communes, `procedures` commune procedures, most posted on two
 * channels, some before the procedure's amendment (outdated). */
function document(communes, procedures) {
  const doc = {
    tthc: 1,
    as_of: '2025-12-31',
    fields: Array.from({ length: 12 }, (_, i) => ({ code: `f${i}`, name: `Lĩnh vực ${i}` })),
    procedures: Array.from({ length: procedures }, (_, i) => ({
      code: `1.${String(i).padStart(6, '0')}`,
      name: `Thủ tục đăng ký số ${i}`,
      field: `f${i % 12}`,
      levels: ['commune'],
      ...(i % 9 === 0 ? { amended: '2025-06-01' } : {}),
    })),
    units: [{ code: '01', name: 'Tỉnh Mẫu', level: 'province' }],
  };
  for (let c = 0; c < communes; c += 1) {
    const posted = (channel) => doc.procedures
      .filter((_, i) => (i * 7 + c + channel) % 10 < 8)
      .map((p, i) => ({ procedure: p.code, on: i % 2 ? '2025-01-15' : '2025-09-01' }));
    doc.units.push({
      code: String(10000 + c), name: `Xã ${c}`, level: 'commune', parent: '01',
      published: { one_stop_shop: posted(0), portal: posted(3) },
    });
  }
  return JSON.stringify(doc);
}

/** Everything one thread computes. The same function runs in the workers (as source text). */
function everything(pkg, text) {
  const catalog = pkg.Catalog.fromJson(text);
  const commune = catalog.units().at(-1).code;
  const out = {
    reports: ['one_stop_shop', 'portal', 'national'].map((channel) => catalog.compliance({ channel })),
    unit: catalog.unitCompliance(commune),
    list: catalog.procedureList({ unit: commune }),
    search: catalog.search('dang ky so 12'),
    check: catalog.check(),
  };
  catalog.free();
  return out;
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const pkg = require(workerData.package);
const everything = ${everything.toString()};
const runs = [];
for (let i = 0; i < workerData.runs; i += 1) runs.push(everything(pkg, workerData.text));
parentPort.postMessage(runs);
`;

function run(text, runs) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { package: PACKAGE, text, runs } });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => { if (code !== 0) reject(new Error(`worker exited with ${code}`)); });
  });
}

test(`${WORKERS} worker threads at once give the results of the main thread`, async () => {
  const text = document(300, 120);
  const expected = everything(tthc, text);
  assert.equal(expected.reports[0].units.length, 301);
  assert.ok(expected.reports[0].units.some((u) => u.outdated > 0), 'outdated postings are counted');
  assert.ok(expected.list.length > 0 && expected.search.length > 0);
  const results = await Promise.all(Array.from({ length: WORKERS }, () => run(text, 2)));
  assert.equal(results.flat().length, WORKERS * 2);
  for (const r of results.flat()) assert.deepEqual(r, expected);
});

test('an error in a worker is the same TthcError as in the main thread', async () => {
  const source = `
const { parentPort, workerData } = require('node:worker_threads');
const pkg = require(workerData.package);
try { pkg.Catalog.fromJson('{"tthc": 1, "fields": [], "procedures": [], "units": [], "x": 1}'); }
catch (e) { parentPort.postMessage({ name: e.name, code: e.code, path: e.path, family: e.family }); }
`;
  const got = await new Promise((resolve, reject) => {
    const w = new Worker(source, { eval: true, workerData: { package: PACKAGE } });
    w.once('message', resolve);
    w.once('error', reject);
  });
  assert.deepEqual(got, { name: 'TthcError', code: 'unknown_key', path: '/x', family: 'validation' });
});
