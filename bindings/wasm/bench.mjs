// Size and speed of the WebAssembly build and the widget (not a test; figures go to
// BENCHMARKS.md by hand):
//   1. module size raw, gzipped and brotli;
//   2. examples/web/bench.html in headless Chromium: the widget's render of 1,000 and 10,000
//      procedures and its per-keystroke filter beside plain-JS filters, unthrottled and with
//      the CPU throttled 4×;
//   3. page loads from the server as `make serve` runs it (brotli/gzip, ETag, strict CSP), cold
//      cache, unthrottled and on the phone profile (CPU 4×, 1.6 Mbps down, 150 ms latency):
//      the example page (examples/web/) beside the plain-JS page (examples/web/plain.html,
//      the same catalogue without WebAssembly): time to the first rows, to every row, total
//      blocking time, bytes moved, and the keystroke cost on the page.
//
//   bash bindings/wasm/build.sh && node bindings/wasm/bench.mjs [--runs 3] [--json test-output/bench-wasm.json] [--before DIR] [--loads-only]
import { readFileSync, writeFileSync, mkdtempSync, rmSync, mkdirSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer, repoRoot } from './tests/server.mjs';
import { portalNames, syntheticCatalogue } from '../../examples/web/synthetic.js';

const arg = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at > 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
};
const RUNS = Number(arg('--runs', 3));
/** The phone profile of issue 12: Chrome DevTools Protocol settings. */
const PHONE = {
  cpu: 4,
  network: { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 0.75e6 / 8 },
};

const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const f = (x) => (x == null ? '—' : x.toFixed(1)).padStart(7);

const dist = join(repoRoot, 'bindings/wasm/dist/web');
const wasm = readFileSync(join(dist, 'tthc_wasm_bg.wasm'));
const glue = readFileSync(join(dist, 'tthc_wasm.js'));
const widget = readFileSync(join(dist, 'tthc-widget.js'));
const size = {
  wasm: wasm.length,
  wasmGzip: gzipSync(wasm, { level: 9 }).length,
  wasmBrotli: brotliCompressSync(wasm, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  glue: glue.length,
  glueGzip: gzipSync(glue, { level: 9 }).length,
  widget: widget.length,
  widgetGzip: gzipSync(widget, { level: 9 }).length,
};
console.log(`tthc_wasm_bg.wasm  ${kb(size.wasm)} raw, ${kb(size.wasmGzip)} gzipped (-9), ${kb(size.wasmBrotli)} brotli (11)`);
console.log(`tthc_wasm.js       ${kb(size.glue)} raw, ${kb(size.glueGzip)} gzipped`);
console.log(`tthc-widget.js     ${kb(size.widget)} raw, ${kb(size.widgetGzip)} gzipped`);

// The synthetic catalogues bench.html renders (files: its CSP forbids blob: URLs).
const data = (name) => JSON.parse(readFileSync(join(repoRoot, 'examples/web/data', name), 'utf8'));
const base = portalNames(data('portal-commune-2026.json'), data('portal-commune-2026-left-out.json'));
mkdirSync(join(repoRoot, 'test-output/bench-data'), { recursive: true });
for (const n of [1000, 10000]) {
  writeFileSync(join(repoRoot, `test-output/bench-data/synthetic-${n}.json`), JSON.stringify(syntheticCatalogue(n, base)));
}

const server = await startServer({ root: repoRoot });
const profile = mkdtempSync(join(tmpdir(), 'tthc-bench-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  viewport: { width: 1200, height: 900 },
});
// Before any page script: collect long tasks from the start of the page.
await context.addInitScript(() => {
  // When each widget has rendered (the first rows of a widget without `tthc-first-rows`).
  window.__rendered = {};
  document.addEventListener('tthc-render', (e) => { window.__rendered[e.target.id] ??= performance.now(); }, true);
  window.__longTasks = [];
  if (PerformanceObserver.supportedEntryTypes?.includes('longtask')) {
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  }
});

/** A new page with the cache disabled and, when `phone`, the phone profile. */
async function newPage(phone) {
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (phone) {
    await cdp.send('Network.emulateNetworkConditions', PHONE.network);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpu });
  }
  return page;
}

/** One cold load of `path`: first rows, every row, total blocking time, bytes, keystroke cost. */
async function load(path, phone, plain, base = server.url) {
  const page = await newPage(phone);
  try {
    await page.goto(base + path, { waitUntil: 'load' });
    return await page.evaluate(async (isPlain) => {
      const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      let box;
      let host;
      if (isPlain) {
        while (!performance.getEntriesByName('plain-first-rows').length) await frame();
        box = document.getElementById('q');
        host = document.getElementById('list');
      } else {
        await customElements.whenDefined('tthc-procedure-list');
        const widgets = [...document.querySelectorAll('tthc-procedure-list')];
        for (let i = 0; i < 3; i += 1) await Promise.all(widgets.map((w) => w.ready));
        host = document.getElementById('commune-list');
        box = host.shadowRoot.querySelector('input[type=search]');
      }
      const done = performance.now();
      await new Promise((r) => setTimeout(r, 100)); // the last long-task entries
      const marks = performance.getEntriesByName(isPlain ? 'plain-first-rows' : 'tthc-first-rows');
      const first = isPlain ? marks[0] : marks.find((m) => m.detail?.id === 'commune-list')
        ?? { startTime: window.__rendered['commune-list'] };
      const tasks = window.__longTasks.filter((t) => t.start < done);
      const bytes = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
        .reduce((s, e) => s + (e.transferSize || 0), 0);
      // Keystroke cost on the page: handler + layout per character of the query.
      const query = 'dang ky khai sinh';
      const keys = [];
      for (let i = 1; i <= query.length; i += 1) {
        box.value = query.slice(0, i);
        const t0 = performance.now();
        box.dispatchEvent(new Event('input'));
        void host.offsetHeight;
        void (host.shadowRoot ?? host).querySelector('ul')?.offsetHeight;
        keys.push(performance.now() - t0);
      }
      keys.sort((a, b) => a - b);
      return {
        firstRows: first?.startTime ?? null,
        allRows: done,
        tbt: tasks.reduce((s, t) => s + Math.max(0, t.duration - 50), 0),
        longestTask: tasks.reduce((m, t) => Math.max(m, t.duration), 0),
        bytes,
        keystroke: keys[Math.floor(keys.length / 2)],
        keystrokeMax: keys[keys.length - 1],
      };
    }, plain);
  } finally {
    await page.close();
  }
}

const results = { size, runs: RUNS, loadAverageBefore: loadavg(), bench: {}, load: {} };
/** Stops the `--before` tree's server (its open server would keep Node running). */
let closeBefore = async () => {};
try {
  const version = context.browser()?.version?.() ?? '';
  results.chromium = version;
  // 2. bench.html, unthrottled and CPU 4×.
  for (const [name, phone] of process.argv.includes('--loads-only') ? [] : [['unthrottled', false], ['cpu4', true]]) {
    const page = await newPage(false);
    if (phone) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpu });
    }
    await page.goto(`${server.url}examples/web/bench.html`);
    const r = await page.evaluate(() => window.runBench());
    await page.close();
    results.bench[name] = r;
    console.log(`\nbench.html, Chromium ${version} headless, ${name === 'cpu4' ? 'CPU throttled 4×' : 'unthrottled'}; medians in ms`);
    for (const n of ['1000', '10000']) {
      const x = r.render[n];
      console.log(`render ${n.padStart(6)}: core list+index ${f(x.core)}  first rows ${f(x.firstRows)}  every row ${f(x.script)}  + layout ${f(x.withLayout)}  (best ${f(x.best)})  long tasks ${x.longTasks.count} (max ${f(x.longTasks.max)})`);
      if (x.longTasksParse) console.log(`  long tasks: fetch+parse ${x.longTasksParse.count} (max ${f(x.longTasksParse.max)})  rest of the first render ${x.longTasksFirst.count} (max ${f(x.longTasksFirst.max)})  re-renders ${x.longTasksRerender.count} (max ${f(x.longTasksRerender.max)})`);
      console.log(`  first render ${n.padStart(6)}: fetch+parse ${f(x.load)}  first rows ${f((x.cold.parts.prepare ?? 0) + x.cold.parts.list + x.cold.parts.firstRows)}  every row ${f(x.cold.script)}`);
    }
    const line = (label, x) => console.log(`${label.padEnd(44)} handler ${f(x.handler)}  + layout ${f(x.withLayout)}  max ${f(x.max)}  shown ${x.shown}`);
    line('keystroke 10,000: widget (core search)', r.filter.widget);
    const paced = r.filter.widgetPaced;
    console.log(`${`keystroke 10,000: widget, typed every ${paced.paceMs} ms`.padEnd(44)} handler ${f(paced.handler)}  + layout ${f(paced.withLayout)}  max ${f(paced.max)}  next frame ${f(paced.frame)}`);
    line('keystroke 10,000: plain JS, pre-normalised', r.filter.plainPrefolded);
    line('keystroke 10,000: plain JS, per keystroke', r.filter.plainNaive);
    console.log(`${'match only 10,000: core searchIds'.padEnd(44)} ${f(r.filter.searchOnlyCore.ms)}  shown ${r.filter.searchOnlyCore.shown}  (median over the query's prefixes)`);
    console.log(`${'match only 10,000: core matchMask'.padEnd(44)} ${f(r.filter.searchOnlyCore.maskMs)}  shown ${r.filter.searchOnlyCore.maskShown ?? '—'}`);
    console.log(`${'match only 10,000: NFD + strip'.padEnd(44)} ${f(r.filter.matchOnlyNfd.ms)}  shown ${r.filter.matchOnlyNfd.shown}`);
  }
  // 3. Page loads, cold cache, interleaved so both pages see the same machine load.
  const pages = [['widget', 'examples/web/', false], ['plain JS', 'examples/web/plain.html', true]];
  // --before DIR: the same page from another tree (e.g. `git archive` of the commit before
  // this work, with this build's dist/web), served by that tree's own server.
  const beforeDir = arg('--before', null);
  if (beforeDir) {
    const { startServer: startBefore } = await import(join(beforeDir, 'bindings/wasm/tests/server.mjs'));
    const old = await startBefore({ root: beforeDir });
    results.beforeDir = beforeDir;
    pages.push(['before', 'examples/web/', false, old.url]);
    closeBefore = () => old.close();
  }
  // One untimed load of each page first: the server compresses each file once and keeps it,
  // as a site serves precompressed files; the timed loads then measure the browser, not zlib.
  for (const [, path, plain, base] of pages) await load(path, false, plain, base);
  for (const [name, phone] of [['unthrottled', false], ['phone', true]]) {
    const runs = Object.fromEntries(pages.map(([label]) => [label, []]));
    for (let k = 0; k < RUNS; k += 1) {
      for (const [label, path, plain, base] of pages) runs[label].push(await load(path, phone, plain, base));
    }
    results.load[name] = runs;
    console.log(`\npage load, ${name === 'phone' ? `phone profile (CPU ${PHONE.cpu}×, 1.6 Mbps down, 150 ms latency)` : 'unthrottled'}, cold cache, median of ${RUNS}, ms`);
    for (const [label] of pages) {
      const m = (k) => median(runs[label].map((x) => x[k]));
      console.log(`${label.padEnd(9)} first rows ${f(m('firstRows'))}  every list ${f(m('allRows'))}  TBT ${f(m('tbt'))}  longest task ${f(m('longestTask'))}  ${kb(m('bytes'))} moved  keystroke ${f(m('keystroke'))} (max ${f(m('keystrokeMax'))})`);
    }
  }
  results.loadAverageAfter = loadavg();
  console.log(`\nload average before ${results.loadAverageBefore.map((x) => x.toFixed(2)).join(' ')}, after ${results.loadAverageAfter.map((x) => x.toFixed(2)).join(' ')}`);
  const out = arg('--json', null);
  if (out) {
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, JSON.stringify(results, null, 1));
    console.log(`wrote ${out}`);
  }
} finally {
  await context.close();
  await server.close();
  await closeBefore();
  rmSync(profile, { recursive: true, force: true });
}
