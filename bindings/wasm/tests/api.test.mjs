// The JavaScript API of the Node build: Catalog, compliance, procedures, search, fold, sortKey,
// compare, formatPercent, and errors (real Error objects with code, path and errors; never a
// panic, a RuntimeError or a string).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { tthc, thrown, vectors } from './helpers.mjs';

const { Catalog, fold, foldAll, sortKey, compare, formatPercent, version } = tthc;

const DOC = {
  tthc: 1,
  as_of: '2026-03-01',
  title: 'Thử nghiệm',
  fields: [
    { code: 'ho-tich', name: 'Hộ tịch', name_en: 'Civil status' },
    { code: 'dat-dai', name: 'Đất đai' },
    { code: 'chung-thuc', name: 'Chứng thực' },
  ],
  procedures: [
    { code: '1.001193', name: 'Thủ tục đăng ký khai sinh', field: 'ho-tich', levels: ['commune'], online: 'full' },
    { code: '1.000894', name: 'Thủ tục đăng ký kết hôn', field: 'ho-tich', levels: ['commune'], amended: '2025-07-01' },
    { code: '1.000656', name: 'Thủ tục đăng ký khai tử', field: 'ho-tich', levels: ['commune'] },
    { code: '2.000908', name: 'Chứng thực bản sao từ bản chính', field: 'chung-thuc', levels: ['commune'] },
    { code: '1.003000', name: 'Hoà giải tranh chấp đất đai', field: 'dat-dai', levels: ['commune'] },
    { code: '1.004000', name: 'Giao đất', field: 'dat-dai', levels: ['province'] },
  ],
  units: [
    { code: '91', name: 'Tỉnh An Giang', level: 'province' },
    {
      code: '99999', name: 'Xã Mẫu', level: 'commune', parent: '91',
      published: { one_stop_shop: ['1.001193', { procedure: '1.000894', on: '2024-01-01' }, '1.003000'] },
    },
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

describe('Catalog', () => {
  test('fromJson reads text and bytes; getters', () => {
    assert.equal(catalog.title, 'Thử nghiệm');
    assert.equal(catalog.asOf, '2026-03-01');
    assert.equal(catalog.source, undefined);
    assert.equal(catalog.procedureCount, 6);
    const bytes = new TextEncoder().encode(JSON.stringify(DOC));
    assert.equal(Catalog.fromJson(bytes).procedureCount, 6);
    assert.deepEqual(catalog.fields()[0], { code: 'ho-tich', name: 'Hộ tịch', nameEn: 'Civil status' });
    assert.deepEqual(catalog.units()[1], { code: '99999', name: 'Xã Mẫu', level: 'commune', parent: '91' });
    assert.equal(JSON.parse(catalog.toJson()).procedures.length, 6);
    assert.match(version(), /^\d+\.\d+\.\d+/);
  });

  test('compliance returns the report of format.md §3 as a plain object', () => {
    const report = catalog.compliance();
    assert.equal(report.tthc_report, 1);
    assert.equal(report.as_of, '2026-03-01');
    assert.equal(report.channel, 'one_stop_shop');
    const unit = report.units.find((u) => u.unit === '99999');
    assert.equal(unit.applicable, 5);
    assert.equal(unit.published, 2);
    assert.equal(unit.outdated, 1);
    assert.deepEqual(unit.rate, [2, 5]);
    assert.equal(unit.percent, 40);
    assert.deepEqual([...unit.missing].sort(), ['1.000656', '2.000908']);
    assert.deepEqual(unit.outdated_procedures, ['1.000894']);
    // The same object as the core's JSON.
    assert.equal(Object.getPrototypeOf(report), Object.prototype);
    const portal = catalog.compliance({ channel: 'portal', asOf: '2026-01-01' });
    assert.equal(portal.channel, 'portal');
    assert.equal(portal.as_of, '2026-01-01');
    assert.deepEqual(portal.units.find((u) => u.unit === '99999').rate, [0, 5]);
  });

  test('the embedded An Biên 2018 dataset: 261/261 reported', () => {
    const report = Catalog.anBien2018().compliance();
    const district = report.units.find((u) => u.unit === '908');
    assert.equal(district.basis, 'reported');
    assert.deepEqual(district.rate, [261, 261]);
    assert.equal(formatPercent(district.rate), '100,0%');
    // The copy used by the example page is the core's file.
    const copy = readFileSync(new URL('../../../examples/web/data/an-bien-2018.json', import.meta.url), 'utf8');
    const core = readFileSync(new URL('../../../crates/tthc/data/an-bien-2018.json', import.meta.url), 'utf8');
    assert.equal(copy, core, 'examples/web/data/an-bien-2018.json is a copy of crates/tthc/data/an-bien-2018.json');
  });

  test('a document without as_of is computed as of today (no panic on the wasm clock)', () => {
    const doc = { ...DOC };
    delete doc.as_of;
    const c = Catalog.fromJson(JSON.stringify(doc));
    const report = c.compliance();
    assert.match(report.as_of, /^\d{4}-\d{2}-\d{2}$/);
    const year = Number(report.as_of.slice(0, 4));
    assert.ok(Math.abs(year - new Date().getUTCFullYear()) <= 1);
    assert.equal(c.procedures({ level: 'commune' }).length, 5);
    assert.equal(c.procedures({ unit: '99999' }).length, 5);
  });
});

describe('procedures', () => {
  test('a unit: applicable procedures with status, Vietnamese order of field then name', () => {
    const list = catalog.procedures({ unit: '99999' });
    assert.deepEqual(
      list.map((r) => [r.field, r.code, r.status]),
      [
        ['chung-thuc', '2.000908', 'missing'],
        ['dat-dai', '1.003000', 'published'],
        // kết < khai: e before h, whatever the tones.
        ['ho-tich', '1.000894', 'outdated'],
        ['ho-tich', '1.001193', 'published'],
        ['ho-tich', '1.000656', 'missing'],
      ],
    );
    assert.deepEqual(list[3], {
      code: '1.001193', name: 'Thủ tục đăng ký khai sinh', field: 'ho-tich', fieldName: 'Hộ tịch',
      fieldNameEn: 'Civil status', online: 'full', status: 'published',
    });
  });

  test('a level: every procedure in force, no status', () => {
    const list = catalog.procedures({ level: 'province' });
    assert.deepEqual(list.map((r) => [r.code, r.status]), [['1.004000', null]]);
    assert.equal(catalog.procedures().length, 6);
  });

  test('filters by field and status; another channel', () => {
    assert.deepEqual(catalog.procedures({ unit: '99999', field: 'ho-tich', status: 'missing' }).map((r) => r.code), ['1.000656']);
    assert.ok(catalog.procedures({ unit: '99999', channel: 'portal' }).every((r) => r.status === 'missing'));
  });

  test('bad arguments are typed errors naming the argument', () => {
    assertTthcError(thrown(() => catalog.procedures({ unit: '12345' })), 'unknown_unit', 'unit');
    assertTthcError(thrown(() => catalog.procedures({ unit: '99999', field: 'nope' })), 'unknown_field', 'field');
    assertTthcError(thrown(() => catalog.procedures({ level: 'xã' })), 'unknown_level', 'level');
    assertTthcError(thrown(() => catalog.procedures({ unit: '99999', status: 'done' })), 'bad_value', 'status');
    assertTthcError(thrown(() => catalog.procedures({ level: 'commune', status: 'missing' })), 'bad_value', 'status');
    assertTthcError(thrown(() => catalog.procedures({ unit: '99999', level: 'province' })), 'bad_value', 'level');
    assertTthcError(thrown(() => catalog.procedures({ unit: 99999 })), 'wrong_type', 'unit');
    assertTthcError(thrown(() => catalog.procedures({ unti: '99999' })), 'unknown_key', 'unti');
    assertTthcError(thrown(() => catalog.procedures('99999')), 'wrong_type', 'options');
    assertTthcError(thrown(() => catalog.procedures({ unit: '99999', asOf: '2026-13-01' })), 'bad_date', 'as_of');
    const e = thrown(() => catalog.procedures({ unit: '12345' }));
    assert.equal(e.family, 'argument');
  });
});

describe('search', () => {
  test('finds procedures without diacritics, best first', () => {
    const hits = catalog.search('dang ky khai sinh');
    assert.ok(hits.length >= 1);
    assert.deepEqual(Object.keys(hits[0]).sort(), ['code', 'field', 'name', 'score']);
    assert.equal(hits[0].code, '1.001193');
    assert.equal(hits[0].field, 'ho-tich');
    for (let i = 1; i < hits.length; i += 1) assert.ok(hits[i - 1].score >= hits[i].score);
    assert.equal(catalog.search('1.000894')[0].code, '1.000894');
    // Either tone placement.
    assert.equal(catalog.search('hòa giải')[0].code, '1.003000');
  });

  test('limit; nothing for a blank query; bad options', () => {
    assert.equal(catalog.search('thu tuc', { limit: 2 }).length, 2);
    assert.equal(catalog.search('thu tuc', { limit: 0 }).length, 0);
    assert.deepEqual(catalog.search('   '), []);
    assertTthcError(thrown(() => catalog.search('x', { limit: -1 })), 'bad_value', 'limit');
    assertTthcError(thrown(() => catalog.search('x', { limit: 'ten' })), 'wrong_type', 'limit');
    assertTthcError(thrown(() => catalog.search(42)), 'wrong_type', 'query');
    assertTthcError(thrown(() => catalog.search('x', { max: 3 })), 'unknown_key', 'max');
  });
});

describe('text', () => {
  test('fold removes tones and diacritics, đ → d, either tone placement', () => {
    assert.equal(fold('Thủ tục  Đăng ký KHAI SINH '), 'thu tuc dang ky khai sinh');
    assert.equal(fold('Uỷ ban'), fold('Ủy ban'));
    assert.equal(fold('hoà'), fold('hòa'));
    assert.equal(fold('Thu\u0309 tu\u0323c'), 'thu tuc'); // NFD input
    assert.deepEqual(foldAll(['Đất đai', 'Hộ tịch']), ['dat dai', 'ho tich']);
    assertTthcError(thrown(() => fold(undefined)), 'wrong_type', 'text');
    assertTthcError(thrown(() => foldAll('x')), 'wrong_type', 'texts');
    assertTthcError(thrown(() => foldAll(['x', 1])), 'wrong_type', 'texts');
  });

  test('sortKey and compare give Vietnamese order', () => {
    assert.ok(sortKey('a') instanceof Uint8Array);
    const names = ['Tây Yên', 'Đông Thái', 'An Biên', 'Dương', 'bả', 'bạ', 'Ê', 'Ơn', 'Ôn', 'On'];
    const byKey = [...names].sort((a, b) => Buffer.compare(Buffer.from(sortKey(a)), Buffer.from(sortKey(b))));
    const byCompare = [...names].sort(compare);
    assert.deepEqual(byKey, byCompare);
    assert.deepEqual(byCompare, ['An Biên', 'bả', 'bạ', 'Dương', 'Đông Thái', 'Ê', 'On', 'Ôn', 'Ơn', 'Tây Yên']);
    assert.equal(compare('Đông', 'Tây'), -1);
    assert.equal(compare('a', 'a'), 0);
    assertTthcError(thrown(() => sortKey(null)), 'wrong_type', 'text');
  });

  test('formatPercent: the core rounds and writes the decimal comma', () => {
    assert.equal(formatPercent([72, 77]), '93,5%');
    assert.equal(formatPercent([72, 77], 'en'), '93.5%');
    assert.equal(formatPercent([5, 16], 'vi'), '31,3%');
    assert.equal(formatPercent(null), '—');
    assertTthcError(thrown(() => formatPercent([1, 0])), 'bad_value', 'rate');
    assertTthcError(thrown(() => formatPercent([1])), 'bad_value', 'rate');
    assertTthcError(thrown(() => formatPercent([1.5, 2])), 'bad_value', 'rate');
    assertTthcError(thrown(() => formatPercent([1, 2], 'fr')), 'bad_value', 'lang');
  });
});

describe('errors', () => {
  test('an invalid document: every problem, with code and path', () => {
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
    const codes = e.errors.map((p) => p.code);
    assert.ok(codes.includes('bad_code'), codes.join());
    assert.ok(codes.includes('unknown_field'), codes.join());
    assert.ok(e.errors.length >= 3);
    assert.ok(e.message.includes('unknown_key'), e.message);
  });

  test('syntax, version, size and argument errors', () => {
    assertTthcError(thrown(() => Catalog.fromJson('{"tthc": 1,')), 'syntax');
    assertTthcError(thrown(() => Catalog.fromJson('')), 'syntax');
    assertTthcError(thrown(() => Catalog.fromJson('{"tthc": 2, "fields": [], "procedures": [], "units": []}')), 'unsupported_version');
    assertTthcError(thrown(() => Catalog.fromJson(JSON.stringify(DOC), { maxBytes: 10 })), 'too_large');
    assertTthcError(thrown(() => Catalog.fromJson({ tthc: 1 })), 'wrong_type', 'text');
    assertTthcError(thrown(() => Catalog.fromJson('{}', { max_bytes: 1 })), 'unknown_key', 'max_bytes');
    assertTthcError(thrown(() => catalog.compliance({ channel: 'fax' })), 'unknown_channel', 'channel');
    assertTthcError(thrown(() => catalog.compliance({ asOf: '31/12/2018' })), 'bad_date', 'as_of');
    assertTthcError(thrown(() => catalog.compliance({ as_of: '2018-12-31' })), 'unknown_key', 'as_of');
    assertTthcError(thrown(() => catalog.compliance(7)), 'wrong_type', 'options');
  });

  test('every bad document of the conformance vectors is a typed Error, never a trap', () => {
    let n = 0;
    for (const { vector, text } of vectors()) {
      if (!('expect_errors' in vector)) continue;
      const read = vector.options?.max_bytes == null ? undefined : { maxBytes: vector.options.max_bytes };
      const e = thrown(() => Catalog.fromJson(text, read).compliance({
        channel: vector.options?.channel, asOf: vector.options?.as_of,
      }));
      assertTthcError(e, vector.expect_errors[0].code, vector.expect_errors[0].path);
      n += 1;
    }
    assert.ok(n >= 10, `only ${n} error vectors`);
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
      let c;
      try {
        c = Catalog.fromJson(text);
      } catch (e) {
        assertTthcError(e, e.code);
        continue;
      }
      for (const call of [
        () => c.compliance(),
        () => c.compliance({ channel: 'portal' }),
        () => c.procedures(),
        () => c.procedures({ unit: '99999' }),
        () => c.procedures({ level: 'commune' }),
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
