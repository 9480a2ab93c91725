// What only the JavaScript build can get wrong, against the Node build: the shape of the API
// (plain objects, getters, bytes in), option objects (camelCase keys, unknown keys, wrong
// types), the browser's clock, and errors (real Error objects with code, path, family and
// errors; never a panic, a RuntimeError or a string). What the core computes — reports,
// listings, search hits, folding, order, percentages, validation — is checked by the shared
// vectors (conformance.test.mjs), not here.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { tthc, thrown } from './helpers.mjs';

const {
  Catalog, validate, fold, foldAll, sortKey, compare, formatPercent, reportColumns, version,
} = tthc;

const DOC = {
  tthc: 1,
  as_of: '2026-03-01',
  title: 'Thử nghiệm',
  fields: [
    { code: 'ho-tich', name: 'Hộ tịch', name_en: 'Civil status' },
    { code: 'dat-dai', name: 'Đất đai' },
  ],
  procedures: [
    { code: '1.001193', name: 'Thủ tục đăng ký khai sinh', field: 'ho-tich', levels: ['commune'], online: 'full' },
    { code: '1.000894', name: 'Thủ tục đăng ký kết hôn', field: 'ho-tich', levels: ['commune'] },
    { code: '1.003000', name: 'Hoà giải tranh chấp đất đai', field: 'dat-dai', levels: ['commune'] },
    { code: '1.004000', name: 'Giao đất', field: 'dat-dai', levels: ['province'] },
  ],
  units: [
    { code: '91', name: 'Tỉnh An Giang', level: 'province' },
    { code: '99999', name: 'Xã Mẫu', level: 'commune', parent: '91', published: { one_stop_shop: ['1.001193'] } },
  ],
};
const catalog = Catalog.fromJson(JSON.stringify(DOC));

function assertTthcError(e, code, path) {
  assert.ok(e instanceof Error, `a real Error, got ${typeof e}: ${e}`);
  assert.equal(e.name, 'TthcError');
  assert.ok(!(e instanceof WebAssembly.RuntimeError), 'not a wasm trap');
  assert.equal(e.code, code, e.message);
  if (path !== undefined) assert.equal(e.path, path, e.message);
  assert.ok(Array.isArray(e.errors) && e.errors.length >= 1);
  assert.deepEqual(Object.keys(e.errors[0]).sort(), ['code', 'message', 'path']);
  assert.equal(e.errors[0].code, e.code);
  assert.equal(e.errors[0].path, e.path);
  assert.equal(typeof e.message, 'string');
  assert.ok(['format', 'validation', 'import', 'argument', 'io'].includes(e.family));
}

const isPlain = (v) => Object.getPrototypeOf(v) === Object.prototype;

describe('catalog', () => {
  test('fromJson reads text and bytes; getters and data as plain objects', () => {
    assert.equal(catalog.title, 'Thử nghiệm');
    assert.equal(catalog.asOf, '2026-03-01');
    assert.equal(catalog.source, undefined);
    assert.equal(catalog.procedureCount, 4);
    const bytes = new TextEncoder().encode(JSON.stringify(DOC));
    assert.equal(Catalog.fromJson(bytes).procedureCount, 4);
    assert.deepEqual(catalog.fields()[0], { code: 'ho-tich', name: 'Hộ tịch', name_en: 'Civil status' });
    assert.deepEqual(catalog.fields()[1], { code: 'dat-dai', name: 'Đất đai', name_en: null });
    // Built key by key (src/js_values.rs, `Record`): the keys in this order.
    assert.equal(JSON.stringify(catalog.fields()[1]), '{"code":"dat-dai","name":"Đất đai","name_en":null}');
    assert.deepEqual(catalog.units()[1], { code: '99999', name: 'Xã Mẫu', level: 'commune', parent: '91' });
    assert.equal(JSON.parse(catalog.toJson()).procedures.length, 4);
    assert.match(version(), /^\d+\.\d+\.\d+/);
    assert.equal(Catalog.anBien2018().title.length > 0, true);
  });

  test('every output is a plain object or array, as JSON.parse gives it', () => {
    const report = catalog.compliance();
    assert.ok(isPlain(report));
    assert.ok(isPlain(catalog.unitCompliance('99999')));
    assert.ok(Array.isArray(catalog.procedureList()) && isPlain(catalog.procedureList()[0]));
    assert.ok(isPlain(catalog.search('khai sinh')[0]));
    assert.ok(isPlain(validate('{}')));
    assert.deepEqual(validate(JSON.stringify(DOC)), { errors: [] });
  });

  test('unitCompliance is the unit\'s entry of compliance(), rank aside', () => {
    for (const options of [undefined, { channel: 'portal' }, { asOf: '2026-01-01' }, { staleAfter: 30 }]) {
      for (const entry of catalog.compliance(options).units) {
        const unit = catalog.unitCompliance(entry.unit, options);
        assert.deepEqual(unit, { ...entry, rank: null });
        // Built directly (src/js_values.rs), it is what JSON.parse of the core's JSON gives
        // (compliance()): the same keys in the same order, the same numbers.
        assert.equal(JSON.stringify(unit), JSON.stringify({ ...entry, rank: null }));
      }
    }
  });

  test('searchCodes: the codes of search()\'s hits, in order', () => {
    for (const [query, options] of [['dang ky', undefined], ['thu tuc', { limit: 2 }], ['1.003000', {}], ['  ', {}]]) {
      assert.deepEqual(catalog.searchCodes(query, options), catalog.search(query, options).map((h) => h.code));
    }
  });

  test('reportColumns: the core\'s unit table, whose names are the report\'s keys', () => {
    const columns = reportColumns();
    assert.equal(columns[0].name, 'unit');
    assert.deepEqual(Object.keys(columns[0]).sort(), ['doc', 'name', 'type']);
    // With staleAfter, so that `stale` and `unchecked` are keys too.
    const unit = catalog.compliance({ staleAfter: 30 }).units[0];
    for (const { name, type } of columns) {
      assert.ok(['text', 'optional_text', 'bool', 'count', 'percent'].includes(type), type);
      if (name !== 'rate_num' && name !== 'rate_den') assert.ok(name in unit, name);
    }
  });

  test('a document without as_of is computed as of today in Vietnam (the JavaScript clock)', () => {
    const doc = { ...DOC };
    delete doc.as_of;
    const c = Catalog.fromJson(JSON.stringify(doc));
    // Today in Vietnam (UTC+7), however the machine's time zone is set.
    const today = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const before = today();
    const { as_of: day } = c.compliance();
    assert.ok(day === before || day === today(), `${day} is not today in Vietnam`);
    assert.equal(c.procedureList({ level: 'commune' }).length, 3);
    assert.equal(c.unitCompliance('99999').applicable, 3);
  });

  test('the example page\'s An Biên file is the core\'s embedded dataset', () => {
    const copy = readFileSync(new URL('../../../examples/web/data/an-bien-2018.json', import.meta.url), 'utf8');
    const core = readFileSync(new URL('../../../crates/tthc/data/an-bien-2018.json', import.meta.url), 'utf8');
    assert.equal(copy, core, 'examples/web/data/an-bien-2018.json is a copy of crates/tthc/data/an-bien-2018.json');
  });
});

describe('schemaOrg: the core\'s JSON-LD of a list', () => {
  test('an ItemList of GovernmentService, the items of procedureList, < > & escaped', () => {
    const hostile = JSON.parse(JSON.stringify(DOC));
    hostile.procedures[0].name = 'Đăng ký </script><!-- "x" & y -->';
    const c = Catalog.fromJson(JSON.stringify(hostile));
    const text = c.schemaOrg({ unit: '99999' });
    assert.doesNotMatch(text, /[<>&]/);
    const ld = JSON.parse(text);
    assert.equal(ld['@type'], 'ItemList');
    const list = c.procedureList({ unit: '99999' });
    assert.deepEqual(ld.itemListElement.map((e) => e.item.identifier), list.map((r) => r.code));
    assert.ok(ld.itemListElement.some((e) => e.item.name === hostile.procedures[0].name));
    assert.equal(typeof c.schemaOrg(), 'string');
    const e = thrown(() => c.schemaOrg({ unit: '55555' }));
    assert.equal(e.code, 'unknown_unit');
    assert.equal(thrown(() => c.schemaOrg({ unti: '1' })).code, 'unknown_key');
    c.free();
  });
});

describe('options and arguments', () => {
  test('unknown option keys, wrong types and wrong shapes are typed errors naming the argument', () => {
    const cases = [
      [() => catalog.procedureList({ unti: '99999' }), 'unknown_key', 'unti'],
      [() => catalog.procedureList('99999'), 'wrong_type', 'options'],
      [() => catalog.procedureList({ unit: 99999 }), 'wrong_type', 'unit'],
      [() => catalog.procedureList({ unit: '99999', asOf: 20260101 }), 'wrong_type', 'as_of'],
      [() => catalog.compliance({ as_of: '2018-12-31' }), 'unknown_key', 'as_of'],
      [() => catalog.compliance(7), 'wrong_type', 'options'],
      [() => catalog.compliance(() => {}), 'wrong_type', 'options'],
      [() => catalog.unitCompliance(908), 'wrong_type', 'unit'],
      [() => catalog.unitCompliance('99999', { unit: '1' }), 'unknown_key', 'unit'],
      [() => catalog.search(42), 'wrong_type', 'query'],
      [() => catalog.search('x', { limit: -1 }), 'bad_value', 'limit'],
      [() => catalog.search('x', { limit: 1.5 }), 'bad_value', 'limit'],
      [() => catalog.search('x', { limit: 'ten' }), 'wrong_type', 'limit'],
      [() => catalog.search('x', { max: 3 }), 'unknown_key', 'max'],
      [() => catalog.searchCodes(null), 'wrong_type', 'query'],
      [() => catalog.searchCodes('x', { limit: -2 }), 'bad_value', 'limit'],
      [() => Catalog.fromJson({ tthc: 1 }), 'wrong_type', 'text'],
      [() => Catalog.fromJson('{}', { max_bytes: 1 }), 'unknown_key', 'max_bytes'],
      [() => validate(null), 'wrong_type', 'text'],
      [() => validate('{}', { maxBytes: -1 }), 'bad_value', 'max_bytes'],
      [() => fold(undefined), 'wrong_type', 'text'],
      [() => foldAll('x'), 'wrong_type', 'texts'],
      [() => foldAll(['x', 1]), 'wrong_type', 'texts'],
      [() => sortKey(null), 'wrong_type', 'text'],
      [() => compare('a', 1), 'wrong_type', 'b'],
      [() => formatPercent([1, 2], 7), 'wrong_type', 'lang'],
      [() => formatPercent('1/2'), 'bad_value', 'rate'],
      [() => formatPercent([1]), 'bad_value', 'rate'],
      [() => formatPercent([1, 2, 3]), 'bad_value', 'rate'],
      [() => formatPercent(['1', 2]), 'bad_value', 'rate'],
    ];
    for (const [call, code, path] of cases) {
      const e = thrown(call);
      assertTthcError(e, code, path);
      assert.equal(e.family, 'argument', `${call}`);
    }
  });

  test('null and undefined options mean the defaults', () => {
    assert.deepEqual(catalog.compliance(null), catalog.compliance());
    assert.deepEqual(catalog.compliance({ channel: undefined, asOf: null }), catalog.compliance());
    assert.deepEqual(catalog.procedureList(null), catalog.procedureList({}));
    assert.equal(formatPercent(undefined), formatPercent(null));
    assert.equal(formatPercent([1, 2], undefined), formatPercent([1, 2], 'vi'));
  });

  test('the JavaScript helpers: sortKey bytes, compare for Array.prototype.sort, foldAll', () => {
    assert.ok(sortKey('a') instanceof Uint8Array);
    const names = ['Tây Yên', 'Đông Thái', 'An Biên', 'Dương', 'bả', 'bạ'];
    const byKey = [...names].sort((a, b) => Buffer.compare(Buffer.from(sortKey(a)), Buffer.from(sortKey(b))));
    assert.deepEqual(byKey, [...names].sort(compare));
    assert.deepEqual([compare('Đông', 'Tây'), compare('a', 'a'), compare('b', 'a')], [-1, 0, 1]);
    assert.deepEqual(foldAll(['Đất đai', 'Hộ tịch']), [fold('Đất đai'), fold('Hộ tịch')]);
  });
});

describe('lone surrogates', () => {
  // A JavaScript string may hold a lone surrogate (it is not Unicode text). Every string
  // argument refuses one with the core's `bad_text` at the argument's name — never U+FFFD
  // silently put in its place; in document text it is a syntax error where it stands, as in
  // Python (format.md, "Text").
  const LONE = 'a\uD800b';
  const calls = [
    ['fold', 'text', () => fold(LONE)],
    ['fold (low surrogate)', 'text', () => fold('a\uDFFF')],
    ['fold (reversed pair)', 'text', () => fold('\uDE00\uD83D')],
    ['foldAll', 'texts', () => foldAll(['ok', LONE])],
    ['sortKey', 'text', () => sortKey('\uDFFF')],
    ['compare a', 'a', () => compare(LONE, 'b')],
    ['compare b', 'b', () => compare('a', LONE)],
    ['search', 'query', () => catalog.search('\uD800')],
    ['searchCodes', 'query', () => catalog.searchCodes(LONE)],
    ['unitCompliance', 'unit', () => catalog.unitCompliance(LONE)],
    ['compliance channel', 'channel', () => catalog.compliance({ channel: '\uD800' })],
    ['compliance asOf', 'as_of', () => catalog.compliance({ asOf: '2026\uD800' })],
    ['unitCompliance channel', 'channel', () => catalog.unitCompliance('99999', { channel: LONE })],
    ['procedureList unit', 'unit', () => catalog.procedureList({ unit: LONE })],
    ['procedureList level', 'level', () => catalog.procedureList({ level: LONE })],
    ['procedureList field', 'field', () => catalog.procedureList({ field: LONE })],
    ['procedureList status', 'status', () => catalog.procedureList({ status: LONE })],
    ['procedureList channel', 'channel', () => catalog.procedureList({ channel: LONE })],
    ['procedureList asOf', 'as_of', () => catalog.procedureList({ asOf: LONE })],
    ['formatPercent lang', 'lang', () => formatPercent([1, 2], LONE)],
  ];
  for (const [name, path, call] of calls) {
    test(`${name}: bad_text at ${path}`, () => {
      const e = thrown(call);
      assertTthcError(e, 'bad_text', path);
      assert.equal(e.family, 'argument');
      assert.match(e.message, /lone surrogate \(U\+D[89A-F][0-9A-F]{2} at index \d+\)/);
    });
  }

  test('the message names the surrogate and its index in the string (UTF-16 units)', () => {
    assert.match(thrown(() => fold('Hà Nội \uDC80 x')).message, /U\+DC80 at index 7/);
    // A pair is one character; U+FFFD of the string itself is text.
    assert.equal(fold('\uD83D\uDE00'), '\u{1F600}');
    assert.equal(fold('a\uFFFDb'), 'a\uFFFDb');
  });

  test('in document text: a syntax error at its line and column, as in Python', () => {
    const text = '{"tthc": 1, "title": "\uD800"}';
    const e = thrown(() => Catalog.fromJson(text));
    assertTthcError(e, 'syntax', 'line 1, column 23');
    assert.equal(e.family, 'format');
    assert.deepEqual(validate(text).errors.map((p) => [p.code, p.path]), [['syntax', 'line 1, column 23']]);
    // After a U+FFFD of the text itself, and on a later line.
    const later = thrown(() => Catalog.fromJson('{"tthc": 1,\n"title": "\uFFFD\uDC00"}'));
    assertTthcError(later, 'syntax', 'line 2, column 14');
  });
});

describe('errors', () => {
  test('an invalid document: every problem, with code, path and family', () => {
    const bad = {
      tthc: 1, fields: [{ code: 'a', name: 'A', colour: 'red' }],
      procedures: [
        { code: '1.1', name: 'X', field: 'a', levels: ['commune'] },
        { code: '1.000002', name: 'Y', field: 'zz', levels: ['commune'] },
      ],
      units: [],
    };
    const e = thrown(() => Catalog.fromJson(JSON.stringify(bad)));
    assertTthcError(e, 'unknown_key', '/fields/0/colour');
    assert.equal(e.family, 'validation');
    assert.ok(e.errors.length >= 3);
    assert.ok(e.message.includes('unknown_key'), e.message);
    // validate() gives the same problems as data, without throwing.
    assert.deepEqual(validate(JSON.stringify(bad)).errors, e.errors.map((p) => ({ ...p })));
    assertTthcError(thrown(() => Catalog.fromJson('{"tthc": 1,')), 'syntax');
    assert.equal(thrown(() => Catalog.fromJson('')).family, 'format');
    const option = thrown(() => catalog.compliance({ channel: 'fax' }));
    assertTthcError(option, 'unknown_channel', 'channel');
    assert.equal(option.family, 'argument');
  });

  test('hostile and random inputs never trap (the module keeps working afterwards)', () => {
    const inputs = [
      '[', ']', '{"tthc":1}', 'null', '1', '"x"', '[]', '{"tthc":null}', '\u0000', '{"tthc":1,"fields":{}}',
      '['.repeat(10_000) + ']'.repeat(10_000), '{"a":'.repeat(5000), '\uFEFF{}', '\uD800',
      JSON.stringify({ ...DOC, units: [{ code: '1', name: '', level: 'moon', parent: '1' }] }),
      JSON.stringify({ ...DOC, procedures: [{ ...DOC.procedures[0], effective: '2026-02-30', levels: [] }] }),
      JSON.stringify({ ...DOC, reports: [{ unit: '91', scope: 'all', channel: 'x', procedures: -1, published: 1e30 }] }),
      JSON.stringify({ ...DOC, tthc: 1.5 }),
      JSON.stringify({ ...DOC, units: [{ code: '91', name: 'x', level: 'province', parent: '91' }] }),
    ];
    // Deterministic pseudo-random mutations of a valid document.
    const base = JSON.stringify(DOC);
    let seed = 42;
    const rand = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
    for (let k = 0; k < 300; k += 1) {
      const chars = [...base];
      for (let m = 0; m < 1 + rand(4); m += 1) {
        const at = rand(chars.length);
        const op = rand(3);
        if (op === 0) chars.splice(at, 1);
        else if (op === 1) chars.splice(at, 0, '{}[]",:0aé\\'[rand(11)]);
        else chars[at] = '"0123456789'[rand(11)];
      }
      inputs.push(chars.join(''));
    }
    for (const text of inputs) {
      const { errors } = validate(text);
      let c;
      try {
        c = Catalog.fromJson(text);
      } catch (e) {
        assertTthcError(e, e.code);
        assert.deepEqual(e.errors.map((p) => ({ ...p })), errors);
        continue;
      }
      assert.deepEqual(errors, []);
      for (const call of [
        () => c.compliance(),
        () => c.compliance({ channel: 'portal' }),
        () => c.unitCompliance('99999'),
        () => c.procedureList(),
        () => c.procedureList({ unit: '99999' }),
        () => c.procedureList({ level: 'commune' }),
        () => c.search('dang ky'),
      ]) {
        try {
          call();
        } catch (e) {
          assertTthcError(e, e.code);
        }
      }
    }
    // Still alive and correct afterwards.
    assert.equal(catalog.compliance().units.length, 2);
  });
});
