// The shared conformance vectors (tests/conformance/*.json) against the Node build: the same
// report, or the same errors (code and path, in order), as the Rust and Python runners.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tthc, vectors } from './helpers.mjs';

const all = vectors();

test('the conformance directory has vectors', () => {
  assert.ok(all.length >= 25, `only ${all.length} vectors`);
});

for (const { file, vector, text } of all) {
  test(`conformance ${file}: ${vector.description}`, () => {
    assert.equal(typeof text, 'string', 'vector has input or input_text');
    const o = vector.options ?? {};
    const read = o.max_bytes == null ? undefined : { maxBytes: o.max_bytes };
    const options = {};
    if (o.channel != null) options.channel = o.channel;
    if (o.as_of != null) options.asOf = o.as_of;
    let report;
    let error;
    try {
      report = tthc.Catalog.fromJson(text, read).compliance(options);
    } catch (e) {
      error = e;
    }
    if ('expect_errors' in vector) {
      assert.ok(error, `expected errors, got a report ${JSON.stringify(report)}`);
      assert.ok(error instanceof Error, 'a real Error');
      assert.equal(error.name, 'TthcError', String(error));
      assert.deepEqual(
        error.errors.map(({ code, path }) => ({ code, path })),
        vector.expect_errors.map(({ code, path }) => ({ code, path })),
      );
      assert.equal(error.code, vector.expect_errors[0].code);
      assert.equal(error.path, vector.expect_errors[0].path);
    } else {
      if (error) throw error;
      assert.deepEqual(report, vector.expect);
    }
  });
}
