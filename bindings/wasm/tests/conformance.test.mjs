// The shared conformance vectors (tests/conformance/*.json) against the Node build: one
// table-driven runner that dispatches on each vector's `operation` (tests/conformance/README.md)
// and compares as the Rust runner (crates/tthc/tests/conformance.rs) does: the output exactly
// (deep equality of the JSON values), or the errors as (code, path) pairs in order. An operation
// this runner does not know fails its vector; `import` is known but not in the browser build
// (no importers in the wasm package), so its vectors are skipped with that reason and counted.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { tthc, vectors } from './helpers.mjs';

const { Catalog, validate, fold, compare, formatPercent, diff } = tthc;

/** JavaScript options (camelCase keys) from a vector's options (snake_case), without nulls. */
function js(options, names) {
  const out = {};
  for (const [key, name] of Object.entries(names)) {
    if (options[key] != null) out[name] = options[key];
  }
  return out;
}
const read = (o) => js(o, { max_bytes: 'maxBytes' });
const day = (o) => js(o, { channel: 'channel', as_of: 'asOf' });
const stale = (o) => js(o, { channel: 'channel', as_of: 'asOf', stale_after: 'staleAfter' });

/** Each operation: (document text or undefined, options) → the output compared with `expect`. */
const OPERATIONS = {
  report: (text, o) => Catalog.fromJson(text, read(o)).compliance(stale(o)),
  unit_report: (text, o) => Catalog.fromJson(text).unitCompliance(o.unit, stale(o)),
  procedure_list: (text, o) => Catalog.fromJson(text).procedureList(
    js(o, { unit: 'unit', level: 'level', field: 'field', status: 'status', channel: 'channel', as_of: 'asOf' }),
  ),
  search: (text, o) => Catalog.fromJson(text).search(o.query, js(o, { limit: 'limit' })),
  fold: (_, o) => fold(o.text),
  sort: (_, o) => [...o.items].sort(compare),
  format_percent: (_, o) => formatPercent(o.rate, o.lang),
  validate: (text, o) => validate(text, read(o)),
  // OLD is read first: its errors win.
  diff: (text, o) => diff(Catalog.fromJson(text), Catalog.fromJson(JSON.stringify(o.new)), day(o)),
  check: (text, o) => Catalog.fromJson(text).check(stale(o)),
};
/** Known operations that this build does not have, with the reason. */
const UNSUPPORTED = {
  import: 'the WebAssembly build has no importers (CSV/Excel import is the CLI\'s and Python\'s)',
};

const all = vectors();
/** Vectors per operation, in the order of the README's table, then unknown ones. */
const counts = new Map([...Object.keys(OPERATIONS), ...Object.keys(UNSUPPORTED)].map((op) => [op, 0]));
const count = (map, op) => map.set(op, (map.get(op) ?? 0) + 1);

test('the conformance directory has vectors', () => {
  assert.ok(all.length >= 25, `only ${all.length} vectors`);
});

for (const { file, vector, text } of all) {
  const op = vector.operation ?? 'report';
  count(counts, op);
  if (op in UNSUPPORTED) {
    test(`conformance ${file}`, { skip: UNSUPPORTED[op] }, () => {});
    continue;
  }
  test(`conformance ${file}: ${vector.description}`, () => {
    const run = OPERATIONS[op];
    assert.ok(run, `unknown operation \`${op}\` (known: ${[...Object.keys(OPERATIONS), ...Object.keys(UNSUPPORTED)].join(', ')})`);
    let output;
    let error;
    try {
      output = run(text, vector.options ?? {});
    } catch (e) {
      error = e;
    }
    if ('expect_errors' in vector) {
      assert.ok(error, `expected errors, got ${JSON.stringify(output)}`);
      assert.ok(error instanceof Error && error.name === 'TthcError', `a TthcError, got ${error}`);
      assert.deepEqual(
        error.errors.map(({ code, path }) => ({ code, path })),
        vector.expect_errors.map(({ code, path }) => ({ code, path })),
      );
    } else {
      if (error) throw error;
      assert.deepEqual(output, vector.expect);
    }
  });
}

after(() => {
  const parts = [...counts].map(([op, n]) => {
    if (op in UNSUPPORTED) return `${op} ${n} skipped`;
    return op in OPERATIONS ? `${op} ${n}` : `${op} ${n} UNKNOWN`;
  });
  console.log(`conformance (node): ${parts.join(', ')} (${all.length} vectors)`);
});
