// Not a test: bench.html's long tasks measured over a bare DevTools connection.
// bench.mjs drives Chromium with Playwright, which turns on the DevTools Network domain for every
// page; with it on, Chromium decodes each response body as text for the inspector
// (`TextResourceDecoder::Decode` under `ResponseBodyLoader::DidFinishLoadingBody`, 15-18 ms for
// the 2.5 MB catalogue of 10,000 procedures), a task no visitor's browser runs. This script
// starts Chromium itself and talks to the page over the DevTools WebSocket with only the Page
// and Runtime domains, runs `runBench()` (unthrottled) and prints the long tasks of each
// render: fetch + read, the rest of the first render, the re-renders. Needs Node's WebSocket
// (`--experimental-websocket` on Node 20). Figures go to BENCHMARKS.md by hand.
//   bash bindings/wasm/build.sh && node --experimental-websocket bindings/wasm/bench-bare.mjs [RUNS]
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, repoRoot } from './tests/server.mjs';
const RUNS = Number(process.argv[2] ?? 3);
const server = await startServer({ root: repoRoot });
const port = 9333;
const chrome = spawn('/usr/bin/chromium', ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', `--remote-debugging-port=${port}`, `--user-data-dir=${mkdtempSync(join(tmpdir(), 'raw-'))}`, 'about:blank'], { stdio: 'ignore' });
let list;
for (let i = 0; i < 50; i += 1) { try { list = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json(); if (list.length) break; } catch {} await new Promise((r) => setTimeout(r, 200)); }
const page = list.find((t) => t.type === 'page');
const ws = new WebSocket(page.webSocketDebuggerUrl);
await new Promise((r) => ws.addEventListener('open', r));
let id = 0; const pending = new Map();
ws.addEventListener('message', (m) => { const d = JSON.parse(m.data); if (d.id && pending.has(d.id)) { pending.get(d.id)(d); pending.delete(d.id); } });
const send = (method, params = {}) => new Promise((r) => { id += 1; pending.set(id, r); ws.send(JSON.stringify({ id, method, params })); });
await send('Page.enable');
for (let run = 1; run <= RUNS; run += 1) {
  await send('Page.navigate', { url: `${server.url}examples/web/bench.html` });
  await new Promise((r) => setTimeout(r, 3000));
  const r = await send('Runtime.evaluate', { expression: 'window.runBench().then((x) => JSON.stringify(x.render))', awaitPromise: true, returnByValue: true });
  const render = JSON.parse(r.result.result.value);
  for (const n of Object.keys(render)) console.log(`run ${run}, ${n} procedures: long tasks`, 'fetch+read', JSON.stringify(render[n].longTasksParse), 'first', JSON.stringify(render[n].longTasksFirst), 'rerender', JSON.stringify(render[n].longTasksRerender), 'load', render[n].load.toFixed(1));
}
ws.close(); chrome.kill(); await server.close();
