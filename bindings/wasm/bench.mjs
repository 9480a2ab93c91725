// Size and speed of the WebAssembly build (not a test): module size raw and gzipped, and the
// widget's render and per-keystroke filter times in headless Chromium beside a plain-JS filter
// (examples/web/bench.html). Figures go to docs/bench-wasm.md by hand.
//
//   bash bindings/wasm/build.sh && node bindings/wasm/bench.mjs [--json test-output/bench-wasm.json]
import { readFileSync, writeFileSync, mkdtempSync, rmSync, mkdirSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer, repoRoot } from './tests/server.mjs';

const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
const wasmPath = join(repoRoot, 'bindings/wasm/dist/web/tthc_wasm_bg.wasm');
const wasm = readFileSync(wasmPath);
const glue = readFileSync(join(repoRoot, 'bindings/wasm/dist/web/tthc_wasm.js'));
const widget = readFileSync(join(repoRoot, 'bindings/wasm/dist/web/tthc-widget.js'));
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

const server = await startServer({ root: repoRoot });
const profile = mkdtempSync(join(tmpdir(), 'tthc-bench-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  viewport: { width: 1200, height: 900 },
});
try {
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(`${server.url}examples/web/bench.html`);
  const r = await page.evaluate(() => window.runBench());
  r.loadAverage = (await import('node:os')).loadavg();
  const version = await context.browser()?.version?.() ?? '';
  const f = (x) => x.toFixed(1).padStart(7);
  console.log(`\nChromium ${version} headless, query "${r.query}", medians in ms; load average ${r.loadAverage.map((x) => x.toFixed(1)).join(' ')}`);
  for (const n of ['1000', '10000']) {
    const x = r.render[n];
    console.log(`render ${n.padStart(6)}: core list+index ${f(x.core)}  script ${f(x.script)}  + layout ${f(x.withLayout)}  (best ${f(x.best)})`);
    console.log(`  first render ${n.padStart(6)}: fetch+parse ${f(x.load)}  list+index+DOM ${f(x.cold.script)}  + layout ${f(x.cold.script + x.cold.layout)}`);
  }
  const line = (name, x) => console.log(`${name.padEnd(44)} handler ${f(x.handler)}  + layout ${f(x.withLayout)}  max ${f(x.max)}  shown ${x.shown}`);
  line('keystroke 10,000: widget (core search)', r.filter.widget);
  line('keystroke 10,000: plain JS, pre-normalised', r.filter.plainPrefolded);
  line('keystroke 10,000: plain JS, per keystroke', r.filter.plainNaive);
  console.log(`${'match only 10,000: core searchCodes, every hit'.padEnd(44)} ${f(r.filter.searchOnlyCore.ms)}  shown ${r.filter.searchOnlyCore.shown}`);
  console.log(`${'match only 10,000: core fold + includes'.padEnd(44)} ${f(r.filter.matchOnlyCore.ms)}  shown ${r.filter.matchOnlyCore.shown}`);
  console.log(`${'match only 10,000: NFD + strip'.padEnd(44)} ${f(r.filter.matchOnlyNfd.ms)}  shown ${r.filter.matchOnlyNfd.shown}`);
  const at = process.argv.indexOf('--json');
  if (at > 0 && process.argv[at + 1]) {
    const out = process.argv[at + 1];
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, JSON.stringify({ size, chromium: version, ...r }, null, 1));
    console.log(`\nwrote ${out}`);
  }
} finally {
  await context.close();
  await server.close();
  rmSync(profile, { recursive: true, force: true });
}
