// CatalogLoader (fromJson in steps) against Catalog.fromJson on the Node build: every
// conformance vector's document and a list of bad inputs (truncations, lone surrogates,
// bytes that are not UTF-8, size limits, wrong types), read both ways with tiny steps; the
// catalogue (its JSON) or the thrown error (name, code, path, family, message, every problem)
// must be the same.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tthc, vectors, thrown } from './helpers.mjs';

const { Catalog, CatalogLoader } = tthc;

/** What reading gives, as plain data: the catalogue's JSON, or the error's fields. */
function outcome(read) {
  let catalog;
  try {
    catalog = read();
  } catch (e) {
    return { error: { name: e.name, code: e.code, path: e.path, family: e.family, message: e.message, errors: e.errors } };
  }
  try {
    return { json: catalog.toJson() };
  } finally {
    catalog.free();
  }
}

/** `fromJson` through the loader, `count` elements a step. */
function loaded(text, options, count) {
  const loader = new CatalogLoader(text, options);
  let steps = 0;
  while (!loader.step(count)) steps += 1;
  return { catalog: loader.finish(), steps };
}

function same(text, options, what) {
  const direct = outcome(() => Catalog.fromJson(text, options));
  for (const count of [1, 3]) {
    assert.deepEqual(outcome(() => loaded(text, options, count).catalog), direct, `${what}, ${count} a step`);
  }
  return direct;
}

const DOC = JSON.stringify({
  tthc: 1, title: 'T', as_of: '2024-12-31',
  fields: [{ code: 'a', name: 'Hộ tịch' }],
  procedures: [
    { code: '1.000001', name: 'Đăng ký khai sinh', field: 'a', levels: ['commune'] },
    { code: '1.000002', name: 'Khác', field: 'a', levels: ['commune'], agencies: ['UBND xã'] },
  ],
  units: [{ code: '00001', name: 'Xã', level: 'commune', published: { one_stop_shop: ['1.000001', { procedure: '1.000002', on: '2024-01-02' }] } }],
});

test('every conformance vector: the loader gives what fromJson gives', () => {
  let documents = 0;
  for (const { file, vector, text } of vectors()) {
    if (typeof text !== 'string' || text === '') continue;
    const o = vector.options ?? {};
    same(text, o.max_bytes != null ? { maxBytes: o.max_bytes } : undefined, file);
    documents += 1;
  }
  assert.ok(documents >= 25, `only ${documents} documents`);
});

test('a catalogue of many procedures is read in many steps', () => {
  const { catalog, steps } = loaded(DOC, undefined, 1);
  assert.ok(steps >= 8, `${steps} steps`);
  assert.equal(catalog.procedureCount, 2);
  catalog.free();
});

test('bad inputs: the same errors, codes and paths', () => {
  const bad = [
    '', '   ', '[', ']', 'null', '1', '"x"', '[]', '{}', '{"tthc":1}', '{"tthc":null}', '\u0000',
    '{"tthc":1,"fields":{}}', '{"tthc": 1, "title": "\uD800"}', '{"tthc": 1,\n"title": "\uFFFD\uDC00"}',
    '\uFEFF' + DOC, DOC + ' x', DOC.replace('"levels"', '"levels":1,"x"'), DOC.replace('"tthc":1', '"tthc":2'),
    DOC.replace('"procedures":[', '"procedures":[1,'), DOC.replace('"units":[', '"units":[null,'),
    DOC.replace('"procedures":[', '"procedures":null,"procedures":['),
  ];
  for (let end = 0; end < DOC.length; end += 1) bad.push(DOC.slice(0, end));
  let errors = 0;
  for (const text of bad) {
    if (same(text, undefined, JSON.stringify(text.slice(0, 60))).error) errors += 1;
  }
  assert.ok(errors > DOC.length, `${errors} errors`);
  same(DOC, { maxBytes: 10 }, 'maxBytes');
  const bytes = new TextEncoder().encode(DOC);
  same(bytes, undefined, 'bytes');
  same(Uint8Array.of(...bytes.slice(0, 30), 0xff, ...bytes.slice(31)), undefined, 'bytes not UTF-8');
});

test('bad arguments throw at once, as fromJson throws them', () => {
  for (const [text, options] of [[{ tthc: 1 }, undefined], ['{}', { max_bytes: 1 }]]) {
    const direct = thrown(() => Catalog.fromJson(text, options));
    const loader = thrown(() => new CatalogLoader(text, options));
    assert.deepEqual([loader.code, loader.path, loader.message], [direct.code, direct.path, direct.message]);
  }
});
