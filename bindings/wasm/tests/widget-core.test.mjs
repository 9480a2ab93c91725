// The widget's own module (dist/web/tthc_widget_core.js, build.sh: the crate without feature
// `full`) against the full one (dist/node/tthc_wasm.js, which the conformance run checks): on
// the conformance inputs of the calls the widget makes, each of its exports gives exactly what
// the full module gives — the same values, or the same error (code, path, family, every
// problem, message). And it has none of the exports the widget does not call.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { tthc as full, vectors } from './helpers.mjs';

const core = await import('../dist/web/tthc_widget_core.js');
core.initSync({ module: readFileSync(new URL('../dist/web/tthc_widget_core_bg.wasm', import.meta.url)) });

/** What a call gives, comparable across the two modules: its value or its error. */
function outcome(fn) {
  try {
    const value = fn();
    return { value: plain(value) };
  } catch (e) {
    const { name, code, path, family, errors, message } = e;
    return { error: { name, code, path, family, errors, message } };
  }
}

/** Typed arrays (also as an object's values) as `[type, ...items]`, comparable across modules. */
function plain(value) {
  if (ArrayBuffer.isView(value)) return [value.constructor.name, ...value];
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  }
  return value;
}

/** Both modules' outcomes of `call(module)` are deeply equal. */
function same(call, what) {
  assert.deepEqual(outcome(() => call(core)), outcome(() => call(full)), what);
}

/**
 * A module's catalogue of a document: the widget's module reads with `CatalogLoader` (it has no
 * `fromJson`), in steps of one element so every resumption is crossed; the full one with
 * `fromJson`.
 */
function read(m, text) {
  if (m === full) return full.Catalog.fromJson(text);
  const loader = new core.CatalogLoader(text);
  while (!loader.step(1));
  return loader.finish();
}

/** Each module's catalogue of a document (or its error, compared). */
function catalogs(text, file) {
  same((m) => read(m, text).procedureCount, `${file}: read`);
  try {
    return [read(core, text), read(full, text)];
  } catch {
    return null;
  }
}

const listOptions = (o) => Object.fromEntries(
  [['unit', 'unit'], ['level', 'level'], ['field', 'field'], ['status', 'status'], ['channel', 'channel'], ['as_of', 'asOf']]
    .filter(([key]) => o[key] != null)
    .map(([key, name]) => [name, o[key]]),
);
const unitOptions = (o) => Object.fromEntries(
  [['channel', 'channel'], ['as_of', 'asOf'], ['stale_after', 'staleAfter']]
    .filter(([key]) => o[key] != null)
    .map(([key, name]) => [name, o[key]]),
);

/** The widget's calls per kind of vector: (widget module's catalogue, full one's, options). */
const CALLS = {
  procedure_list: (c, f, o) => {
    const options = listOptions(o);
    for (const name of ['listColumns', 'schemaOrg']) {
      same((m) => (m === core ? c : f)[name](options), name);
    }
    same((m) => (m === core ? c : f).fields(), 'fields');
    // The rows' texts, and the order prepared in slices as in one call.
    let ids = [];
    try {
      ids = [...f.listColumns(options).ids];
    } catch {
      // the options' error was compared above
    }
    same((m) => (m === core ? c : f).procedureTexts(Uint32Array.from(ids)), 'procedureTexts');
    same((m) => (m === core ? c : f).procedureTexts(Uint32Array.from([c.procedureCount])), 'procedureTexts, a bad id');
  },
  unit_report: (c, f, o) => same((m) => (m === core ? c : f).unitCompliance(o.unit, unitOptions(o)), 'unitCompliance'),
  search: (c, f, o) => {
    const limit = o.limit ?? 20;
    same((m) => (m === core ? c : f).matchMask(o.query), 'matchMask');
    // The mask marks exactly the full module's hits (every hit, any order).
    let mask = null;
    try {
      mask = c.matchMask(o.query);
    } catch {
      return; // the query's error was compared above
    }
    const hits = new Set(f.searchIds(o.query, { limit: f.procedureCount + 1 }));
    assert.deepEqual([...mask].flatMap((on, id) => (on ? [id] : [])), [...hits].sort((a, b) => a - b), 'matchMask = searchIds');
  },
};

const chosen = vectors().filter(({ vector }) => (vector.operation ?? 'report') in CALLS || vector.operation === 'format_percent');

test('there are vectors of every call compared', () => {
  for (const op of [...Object.keys(CALLS), 'format_percent']) {
    assert.ok(chosen.some(({ vector }) => vector.operation === op), op);
  }
});

for (const { file, vector, text } of chosen) {
  test(`widget module = full module: ${file}`, () => {
    const o = vector.options ?? {};
    if (vector.operation === 'format_percent') {
      same((m) => m.formatPercent(o.rate, o.lang), 'formatPercent');
      return;
    }
    const pair = catalogs(text, file);
    if (!pair) return; // the document's error was compared
    const [c, f] = pair;
    try {
      for (const getter of ['title', 'asOf', 'source', 'procedureCount']) assert.equal(c[getter], f[getter], getter);
      CALLS[vector.operation](c, f, o);
    } finally {
      c.free();
      f.free();
    }
  });
}

test('formatPercent: bad arguments give the same errors', () => {
  for (const args of [[[1, 0]], [[2, 1]], [[1.5, 2]], ['x'], [[1, 2], 'fr'], [null, 'en'], [[72, 77], 'en']]) {
    same((m) => m.formatPercent(...args), JSON.stringify(args));
  }
});

test('the widget module has only what the widget calls', () => {
  for (const name of ['validate', 'diff', 'fold', 'foldAll', 'sortKey', 'compare', 'reportColumns']) {
    assert.equal(core[name], undefined, name);
    assert.equal(typeof full[name], 'function', name);
  }
  for (const name of ['compliance', 'check', 'toJson', 'search', 'searchCodes', 'units', 'procedureList', 'listIds', 'searchIds']) {
    assert.equal(core.Catalog.prototype[name], undefined, name);
    assert.equal(typeof full.Catalog.prototype[name], 'function', name);
  }
  for (const name of ['fields', 'listColumns', 'procedureTexts', 'matchMask', 'prepare', 'prepareList', 'prepareSearch', 'unitCompliance', 'schemaOrg']) {
    assert.equal(typeof core.Catalog.prototype[name], 'function', name);
  }
  assert.equal(typeof core.formatPercent, 'function');
  assert.equal(core.Catalog.fromJson, undefined, 'fromJson (the widget reads with CatalogLoader)');
  assert.equal(typeof core.CatalogLoader, 'function');
});

test('its TypeScript declarations compile beside the widget\'s (tsc --strict)', () => {
  const dir = new URL('../../../test-output/types-widget-core/', import.meta.url);
  mkdirSync(dir, { recursive: true });
  writeFileSync(new URL('usage.ts', dir), `// Written by bindings/wasm/tests/widget-core.test.mjs.
import init, { Catalog, CatalogLoader, formatPercent, type FieldInfo, type ListColumns, type ProcedureText, type UnitReport } from "../../bindings/wasm/dist/web/tthc_widget_core.js";
import { define, type TthcProcedureList } from "../../bindings/wasm/dist/web/tthc-widget.js";
export async function widget(text: string): Promise<string> {
  await init({ module_or_path: new URL("./tthc_widget_core_bg.wasm", import.meta.url) });
  define();
  const loader = new CatalogLoader(text);
  while (!loader.step(256));
  const catalog: Catalog = loader.finish();
  const work = catalog.prepare();
  while (!catalog.prepareList(work, 100));
  while (!catalog.prepareSearch(work, 100));
  const columns: ListColumns = catalog.listColumns({ unit: "1" });
  const ids: Uint32Array = columns.ids;
  const texts: ProcedureText[] = catalog.procedureTexts(ids);
  const fields: FieldInfo[] = catalog.fields();
  const mask: Uint8Array = catalog.matchMask("dang ky");
  const unit: UnitReport = catalog.unitCompliance("1", { channel: "portal", staleAfter: 30 });
  const element: TthcProcedureList | null = document.querySelector("tthc-procedure-list");
  return [texts.length, ids.length, fields.length, mask.length, element?.ready, catalog.title, catalog.asOf, catalog.source,
    catalog.schemaOrg({ unit: "1" }), formatPercent(unit.rate, "en")].join();
}
`);
  writeFileSync(new URL('tsconfig.json', dir), JSON.stringify({
    compilerOptions: {
      strict: true, noEmit: true, target: 'ES2022', module: 'ES2022', moduleResolution: 'bundler',
      lib: ['ES2022', 'DOM', 'ESNext.Disposable'], types: [], skipLibCheck: false,
    },
    files: ['usage.ts'],
  }));
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  let out = '';
  try {
    execFileSync(process.execPath, [tsc, '-p', fileURLToPath(new URL('tsconfig.json', dir))], { encoding: 'utf8' });
  } catch (e) {
    out = `${e.stdout}${e.stderr}`;
  }
  assert.equal(out, '');
});
