#!/usr/bin/env node
// Generates the ICU oracle for tests/text_collation.rs:
//   vi-names.json            the names to sort: every distinct name of the real data, in the
//                            order first seen, plus hand-written adversarial cases;
//   vi-names-icu-order.json  the same names sorted with `new Intl.Collator('vi').compare`
//                            (Node's ICU), and the positions where ICU calls two neighbours equal.
//
// Usage (from the repository root, once; the output is committed):
//   node crates/tthc/tests/data/make_icu_order.js [/work/shared/data]
// The argument is the folder of the shared real data (see its README.md):
//   portal/procedures-metadata-2026.csv   columns ten_thu_tuc and linh_vuc
//   units/*.csv                            the unit, commune and province name columns
//   text/vi-collation-sample-icu.txt      an ICU-72-sorted sample, one name a line
'use strict';
const fs = require('fs');
const path = require('path');

const dataDir = process.argv[2] || '/work/shared/data';
const outDir = __dirname;

// RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks.
function parseCsv(text) {
  const rows = [];
  let row = [], field = '', i = 0, quoted = false;
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  for (; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  const [header, ...body] = rows;
  return body.filter((r) => r.length === header.length).map((r) => Object.fromEntries(header.map((h, j) => [h, r[j]])));
}
const readCsv = (rel) => parseCsv(fs.readFileSync(path.join(dataDir, rel), 'utf8'));

const names = [];
const seen = new Set();
const add = (s) => { if (s !== undefined && s !== '' && !seen.has(s)) { seen.add(s); names.push(s); } };

for (const r of readCsv('portal/procedures-metadata-2026.csv')) { add(r.ten_thu_tuc); add(r.linh_vuc); }
const unitColumns = {
  'units/an-bien-communes-2025-mapping.csv': ['district_name', 'commune_name_old', 'commune_type_old', 'commune_name_new_in_An_Giang'],
  'units/an-giang-communes-2025.csv': ['commune_name', 'province'],
  'units/provinces-2025.csv': ['Tên 34 tỉnh sau sáp nhập'],
};
for (const [file, columns] of Object.entries(unitColumns)) {
  for (const r of readCsv(file)) for (const c of columns) add(r[c]);
}
const sample = fs.readFileSync(path.join(dataDir, 'text/vi-collation-sample-icu.txt'), 'utf8')
  .split('\n').filter((l) => l !== '');
for (const s of sample) add(s);
const realCount = names.length;

// Adversarial cases: tones, case, đ/d, prefixes, digits, punctuation, spaces, tone placement,
// NFD, ignorable characters, accents of other languages, other scripts.
const adversarial = [
  'ba', 'bà', 'bả', 'bã', 'bá', 'bạ', 'Ba', 'BA', 'bA', 'Bà', 'bab', 'bác', 'bạc', 'bặc', 'bắc',
  'a', 'A', 'á', 'Á', 'ă', 'Ă', 'â', 'Â', 'ặ', 'Ặ', 'ấ', 'ậ',
  'd', 'D', 'đ', 'Đ', 'da', 'đa', 'Đa', 'dz', 'dơ', 'đơ', 'Đông', 'Dông', 'Tây',
  'e', 'ê', 'o', 'ô', 'ơ', 'u', 'ư', 'ư a', 'ưa', 'f', 'j', 'w', 'z', 'y', 'ỳ', 'ỵ',
  'Tây Yên', 'Tây Yên A', 'Tây Yên a', 'Tây  Yên', 'TâyYên', 'Tây-Yên', 'Tây Yên 1', 'Tây Yên (A)',
  '1', '2', '10', '9', 'a1', 'a 1', 'a-1', '1.001193', '1.000894', '2.000528', '1,5', '1 000',
  'a b', 'ab', 'a-b', 'a.b', 'a,b', 'a;b', 'a/b', 'a(b)', 'a_b', 'a%', 'a“b”', 'a"b"', "a'b", 'a’b', 'a–b',
  '(a)', '-a', '.a', ' a', 'a ', 'a\tb', 'a\u00a0b', 'a\nb', '',
  'Uỷ ban', 'Ủy ban', 'Uỷ Ban', 'uỷ ban', 'hoà', 'hòa', 'Hoà', 'hoa', 'hoá', 'hóa', 'thuỷ', 'thủy',
  'hoà à', 'hòa a', 'khoẻ', 'khỏe', 'Thuý', 'Thúy',
  'Thủ tục đăng ký khai sinh'.normalize('NFD'), 'Thủ tục đăng ký khai sinh', 'Đăng ký'.normalize('NFD'),
  'a\u0323\u0302', 'a\u0302\u0323', 'ậ', 'o\u031b\u0301', 'ớ', 'e\u0301\u0302', 'ế',
  'a\u00adb', 'a\u200bb', 'é', 'è', 'ë', 'ñ', 'ç', 'ø', 'ö', 'å', 'ǎ', 'ĕ', 'ŭ', 'ŏ', 'ĉ',
  'α', 'Α', 'ά', 'я', 'Я', '한', '€', '₫', '§', '©', '°', '±', '×',
];
// Not here, because tthc documents a different order for them: compatibility expansions such
// as '…' ('...'), '‼', '½', 'ß' ('ss'), 'æ' ('ae'), which ICU sorts as their expansion, and Han
// characters, which ICU sorts after all other scripts (tthc: by code point after Latin).
for (const s of adversarial) add(s);

const vi = new Intl.Collator('vi');
const order = [...names].sort((a, b) => vi.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0));
const ties = [];
for (let i = 1; i < order.length; i++) if (vi.compare(order[i - 1], order[i]) === 0) ties.push(i);

const generated = `node crates/tthc/tests/data/make_icu_order.js (Node ${process.version}, ICU ${process.versions.icu}, CLDR ${process.versions.cldr})`;
const write = (file, value) => {
  // One string a line keeps the files readable and their diffs small.
  const body = Object.entries(value).map(([k, v]) => Array.isArray(v)
    ? `  ${JSON.stringify(k)}: [\n${v.map((x) => '    ' + JSON.stringify(x)).join(',\n')}\n  ]`
    : `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(',\n');
  fs.writeFileSync(path.join(outDir, file), `{\n${body}\n}\n`);
};
write('vi-names.json', {
  source: 'Names copied from the shared real data: portal/procedures-metadata-2026.csv (ten_thu_tuc, linh_vuc; crawl of dichvucong.gov.vn), units/*.csv (unit, commune and province names; Resolution 1654/NQ-UBTVQH15, GSO), text/vi-collation-sample-icu.txt; then hand-written adversarial cases. Distinct, in the order first seen; NFD and stray spaces kept as in the source.',
  generated_by: generated,
  real_names: realCount,
  sample_icu72: sample,
  names,
});
write('vi-names-icu-order.json', {
  source: "The names of vi-names.json sorted with new Intl.Collator('vi').compare; 'ties' lists each i where ICU compares order[i-1] and order[i] equal.",
  generated_by: generated,
  ties,
  order,
});
console.log(`${names.length} names (${realCount} real), ${ties.length} ties`);
