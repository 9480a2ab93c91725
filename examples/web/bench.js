// bench.html's script (a file: the page is served with a strict Content-Security-Policy).
import { ready as wasmReady } from '../../bindings/wasm/dist/web/tthc-widget.js';
import initFull, { Catalog, fold } from '../../bindings/wasm/dist/web/tthc_wasm.js';

/**
 * The full API's module (`searchIds`, `fold`: comparisons the widget's own module does not
 * export), loaded on first use, after the widget's renders are timed.
 */
let fullReady = null;
const full = () => (fullReady ??= initFull({ module_or_path: new URL('../../bindings/wasm/dist/web/tthc_wasm_bg.wasm', import.meta.url) }));

const QUERY = 'dang ky khai sinh';
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const now = () => performance.now();
const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));

/**
 * The synthetic catalogue of n procedures (examples/web/synthetic.js), written by
 * `node bindings/wasm/bench.mjs` as a file: the page's strict CSP (connect-src 'self') does
 * not let it fetch blob: URLs.
 */
function syntheticCatalogue(n) {
  return new URL(`../../test-output/bench-data/synthetic-${n}.json`, import.meta.url).href;
}

/** Time the widget's render of n procedures (the catalogue already parsed and cached). */
async function renderBench(url, runs) {
  const stage = document.getElementById('stage');
  const w = document.createElement('tthc-procedure-list');
  w.setAttribute('src', url);
  w.setAttribute('unit', '99999');
  stage.replaceChildren(w);
  const c0 = now();
  await w.ready; // first render: fetch + parse + the first list (cold caches)
  const c1 = now();
  void w.offsetHeight; void w.shadowRoot.querySelector('.groups')?.offsetHeight;
  const c2 = now();
  const load = w.timings.load;
  const cold = { total: c2 - c0, script: w.timings.total, layout: c2 - c1, parts: { ...w.timings } };
  const script = [];
  const withLayout = [];
  const core = [];
  // When each re-render's first rows (one screen) were in the document: the rest of the window
  // follows after the next frame, so `ready` (every row) includes the wait for that frame.
  const firstRows = [];
  let firstAt = null;
  w.addEventListener('tthc-first-rows', () => { firstAt = now(); });
  for (let k = 0; k < runs; k += 1) {
    await frame();
    const t0 = now();
    firstAt = null;
    w.setAttribute('lang', k % 2 ? 'vi' : 'en'); // any attribute change re-renders
    await w.ready;
    const t1 = now();
    if (firstAt !== null) firstRows.push(firstAt - t0);
    void w.offsetHeight; void w.shadowRoot.querySelector('.groups').offsetHeight;
    const t2 = now();
    script.push(t1 - t0);
    withLayout.push(t2 - t0);
    core.push((w.timings.prepare ?? 0) + w.timings.list + w.timings.index);
  }
  // When the fetch + parse ended, the first render ended, and the re-renders ended: the long
  // tasks of each part are told apart by their start.
  const at = { start: c0, parsed: c0 + load, firstRender: c2, end: now() };
  return {
    w, load, cold, at, script: median(script), withLayout: median(withLayout), best: Math.min(...withLayout), core: median(core),
    firstRows: firstRows.length ? median(firstRows) : null,
  };
}

/** Long tasks (over 50 ms) of the page, as the browser reports them. */
const longTasks = [];
if (PerformanceObserver.supportedEntryTypes?.includes('longtask')) {
  new PerformanceObserver((list) => longTasks.push(...list.getEntries())).observe({ type: 'longtask' });
}

// đ does not decompose: without the replace, "dang ky" would find nothing (no fair comparison).
const strip = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();

/**
 * Put `text` in the widget's search box as one keystroke: the handler's time is pushed to
 * `handler`, handler + forced layout to `withLayout`.
 */
function keystroke(w, box, text, handler, withLayout) {
  box.value = text;
  const t0 = now();
  box.dispatchEvent(new Event('input'));
  const t1 = now();
  void w.shadowRoot.querySelector('.groups').offsetHeight;
  const t2 = now();
  handler.push(t1 - t0);
  withLayout.push(t2 - t0);
}

/** Type QUERY one character at a time into the widget's search box. */
function widgetKeystrokes(w) {
  const box = w.shadowRoot.querySelector('input[type=search]');
  const handler = [];
  const withLayout = [];
  let shown = 0;
  for (let i = 1; i <= QUERY.length; i += 1) keystroke(w, box, QUERY.slice(0, i), handler, withLayout);
  // Rows that match (the document holds a window of them): the widget's status line.
  shown = w._state.shown;
  box.value = '';
  box.dispatchEvent(new Event('input'));
  return { handler: median(handler), withLayout: median(withLayout), max: Math.max(...withLayout), shown };
}

/** Time from a frame's callbacks to a task queued from them: the frame's style, layout and paint. */
const frameWork = () => new Promise((resolve) => requestAnimationFrame(() => {
  const t = now();
  const channel = new MessageChannel();
  channel.port1.onmessage = () => resolve(now() - t);
  channel.port2.postMessage(null);
}));

/** Pause between two characters typed at a person's pace (a quick typist's). */
const PACE_MS = 120;

/**
 * QUERY typed at a person's pace: `PACE_MS` and a frame between characters, so whatever the
 * widget does after a keystroke (the rest of its window of rows) may run before the next one.
 * Per keystroke: handler, handler + forced layout, and the next frame's own work (style,
 * layout, paint of what changed), medians over `runs` passes.
 */
async function widgetPacedKeystrokes(w, runs = 3) {
  const box = w.shadowRoot.querySelector('input[type=search]');
  const handler = [];
  const withLayout = [];
  const frameAfter = [];
  let shown = 0;
  for (let r = 0; r < runs; r += 1) {
    for (let i = 1; i <= QUERY.length; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, PACE_MS));
      await frameWork();
      keystroke(w, box, QUERY.slice(0, i), handler, withLayout);
      frameAfter.push(await frameWork());
    }
    shown = w._state.shown;
    box.value = '';
    box.dispatchEvent(new Event('input'));
  }
  await new Promise((resolve) => setTimeout(resolve, PACE_MS));
  return {
    handler: median(handler), withLayout: median(withLayout), max: Math.max(...withLayout),
    frame: median(frameAfter), paceMs: PACE_MS, shown,
  };
}

/** The same rows in a plain list, filtered with normalize('NFD') + strip + includes. */
function plainKeystrokes(names, prefold) {
  const stage = document.getElementById('stage');
  const ul = document.createElement('ul');
  ul.id = 'plain';
  const items = names.map((n) => { const li = document.createElement('li'); li.textContent = n; ul.append(li); return li; });
  stage.replaceChildren(ul);
  void ul.offsetHeight;
  const hay = prefold ? names.map(strip) : null;
  const handler = [];
  const withLayout = [];
  let shown = 0;
  for (let i = 1; i <= QUERY.length; i += 1) {
    const q = strip(QUERY.slice(0, i)).split(' ').filter(Boolean);
    const t0 = now();
    shown = 0;
    for (let k = 0; k < items.length; k += 1) {
      const h = prefold ? hay[k] : strip(names[k]);
      const ok = q.every((word) => h.includes(word));
      if (items[k].hidden === ok) items[k].hidden = !ok;
      if (ok) shown += 1;
    }
    const t1 = now();
    void ul.offsetHeight;
    const t2 = now();
    handler.push(t1 - t0);
    withLayout.push(t2 - t0);
  }
  return { handler: median(handler), withLayout: median(withLayout), max: Math.max(...withLayout), shown };
}

/**
 * Matching only (no DOM), every prefix of QUERY as typed: the ids of the core's search hits,
 * every hit, scored and sorted (`searchIds`, what the widget called per keystroke before), and
 * the mask of the same procedures (`matchMask`, what it calls now).
 */
async function searchOnly(url, runs = 5) {
  await full();
  const catalog = Catalog.fromJson(await (await fetch(url)).text());
  catalog.searchIds('', { limit: 0 }); // build the index
  const ids = [];
  const mask = [];
  let shown = 0;
  let masked = 0;
  for (let r = 0; r < runs; r += 1) {
    for (let i = 1; i <= QUERY.length; i += 1) {
      const q = QUERY.slice(0, i);
      let t0 = now();
      shown = catalog.searchIds(q, { limit: catalog.procedureCount }).length;
      ids.push(now() - t0);
      t0 = now();
      const m = typeof catalog.matchMask === 'function' ? catalog.matchMask(q) : null;
      if (m) mask.push(now() - t0);
      masked = m ? m.reduce((a, b) => a + b, 0) : null;
    }
  }
  catalog.free();
  return { ms: median(ids), shown, maskMs: mask.length ? median(mask) : null, maskShown: masked };
}

/** Matching only (no DOM): the core's fold of the query + includes on pre-folded names. */
function matchOnly(names, foldFn, runs = 20) {
  const hay = names.map(foldFn);
  const times = [];
  let shown = 0;
  for (let r = 0; r < runs; r += 1) {
    const t0 = now();
    const q = foldFn(QUERY).split(' ').filter(Boolean);
    shown = 0;
    for (let k = 0; k < hay.length; k += 1) if (q.every((w) => hay[k].includes(w))) shown += 1;
    times.push(now() - t0);
  }
  return { ms: median(times), shown };
}

/**
 * Run the benchmark: render each size in `sizes` (first render, then `runs` re-renders, 7 for
 * the large ones unless given), and time the keystrokes and matches on the largest. The
 * defaults are the benchmark's; the browser test runs it small (`{ sizes: [200], runs: 1 }`,
 * a catalogue file it writes) to see that the page works, not how fast.
 */
async function run({ sizes = [1000, 10000], runs } = {}) {
  await wasmReady();
  const results = { userAgent: navigator.userAgent, query: QUERY, render: {}, filter: {} };
  const largest = Math.max(...sizes);
  for (const n of sizes) {
    const url = syntheticCatalogue(n);
    const seen = longTasks.length;
    const r = await renderBench(url, runs ?? (n > 5000 ? 7 : 15));
    await new Promise((done) => setTimeout(done, 50)); // long-task entries arrive after the task
    const during = longTasks.slice(seen);
    const tally = (from, to) => {
      const d = during.filter((e) => e.startTime >= from && e.startTime < to).map((e) => e.duration);
      return { count: d.length, max: d.length ? Math.max(...d) : 0 };
    };
    results.render[n] = {
      load: r.load, cold: r.cold, script: r.script, withLayout: r.withLayout, best: r.best, core: r.core, firstRows: r.firstRows,
      longTasks: tally(-Infinity, Infinity),
      // Fetch + parse (the core's Catalog.fromJson: one call), the rest of the first render,
      // the re-renders.
      longTasksParse: tally(r.at.start, r.at.parsed),
      longTasksFirst: tally(r.at.parsed, r.at.firstRender),
      longTasksRerender: tally(r.at.firstRender, Infinity),
    };
    if (n === largest) {
      // Every name of the list in its order (the document holds a window of the rows).
      const s = r.w._state;
      const names = s.items ? s.items.map((it) => it.row.name) : s.catalog.procedureTexts(s.ids).map((x) => x.name);
      results.filter.widget = widgetKeystrokes(r.w);
      results.filter.widgetPaced = await widgetPacedKeystrokes(r.w, runs ?? 3);
      results.filter.searchOnlyCore = await searchOnly(url);
      results.filter.plainPrefolded = plainKeystrokes(names, true);
      results.filter.plainNaive = plainKeystrokes(names, false);
      results.filter.matchOnlyCore = matchOnly(names, fold);
      results.filter.matchOnlyNfd = matchOnly(names, strip);
    }
  }
  document.getElementById('stage').replaceChildren();
  show(results);
  window.benchResults = results;
  return results;
}

function show(r) {
  const f = (x) => x.toFixed(1);
  const sizes = Object.keys(r.render).map(Number);
  const [small, large] = [Math.min(...sizes), Math.max(...sizes)].map((n) => [n, n.toLocaleString('en')]);
  const rows = [
    [`first render ${small[1]} (list + index + DOM, cold)`, f(r.render[small[0]].cold.script), f(r.render[small[0]].cold.script + r.render[small[0]].cold.layout), ''],
    [`render ${small[1]} (core list + index)`, f(r.render[small[0]].core), '', ''],
    [`render ${small[1]} (script)`, f(r.render[small[0]].script), '', ''],
    [`render ${small[1]} (+ layout)`, f(r.render[small[0]].withLayout), '', ''],
    [`render ${large[1]} (+ layout)`, f(r.render[large[0]].withLayout), '', ''],
    [`keystroke, ${large[1]}: widget (core search)`, f(r.filter.widget.handler), f(r.filter.widget.withLayout), r.filter.widget.shown],
    [`keystroke, ${large[1]}: plain JS, pre-normalised`, f(r.filter.plainPrefolded.handler), f(r.filter.plainPrefolded.withLayout), r.filter.plainPrefolded.shown],
    [`keystroke, ${large[1]}: plain JS, normalise per keystroke`, f(r.filter.plainNaive.handler), f(r.filter.plainNaive.withLayout), r.filter.plainNaive.shown],
    [`match only, ${large[1]}: core searchIds, every hit (median over the prefixes of the query)`, f(r.filter.searchOnlyCore.ms), '', r.filter.searchOnlyCore.shown],
    [`match only, ${large[1]}: core matchMask (same)`, r.filter.searchOnlyCore.maskMs == null ? '—' : f(r.filter.searchOnlyCore.maskMs), '', r.filter.searchOnlyCore.maskShown ?? ''],
    [`match only, ${large[1]}: core fold + includes`, f(r.filter.matchOnlyCore.ms), '', r.filter.matchOnlyCore.shown],
    [`match only, ${large[1]}: NFD + strip`, f(r.filter.matchOnlyNfd.ms), '', r.filter.matchOnlyNfd.shown],
  ];
  const table = document.createElement('table');
  const head = table.insertRow();
  for (const h of ['case', 'ms (script)', 'ms (+ layout)', 'rows shown']) head.append(Object.assign(document.createElement('th'), { textContent: h }));
  for (const row of rows) {
    const tr = table.insertRow();
    for (const cell of row) tr.insertCell().textContent = cell;
  }
  document.getElementById('out').replaceChildren(table);
}

window.runBench = run;
document.getElementById('run').addEventListener('click', () => run());
