#!/usr/bin/env node
// Generates the ICU oracle for the characters beyond Vietnamese text (tests/text_beyond_vi.rs):
//   icu-beyond-vi.json   strings with compatibility characters (ligatures, full-width, circled,
//                        superscript, font variants, fractions, Roman numerals…), the decimal
//                        digits of every script, private-use and unassigned code points, U+FFFD,
//                        combining Latin letters and strings of combining marks alone, each alone
//                        and beside Vietnamese letters, sorted with `new Intl.Collator('vi')`
//                        (Node's ICU), with the positions where ICU calls two neighbours equal.
// The strings are chosen by Unicode properties (Node's regular expressions use the Unicode
// version of its ICU) and a fixed pseudo-random sample, so the file is reproducible. The
// library's own sort_key is never used to write it.
//
// Usage (from the repository root, once; the output is committed):
//   node crates/tthc/tests/data/make_icu_beyond_vi.js
'use strict';
const fs = require('fs');
const path = require('path');

const vi = new Intl.Collator('vi');
const out = path.join(__dirname, 'icu-beyond-vi.json');

// A fixed pseudo-random generator (mulberry32), so the sample does not change between runs.
let seed = 0x7474_6863;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const sample = (list, n) => {
  const pool = [...list];
  const picked = [];
  while (picked.length < n && pool.length) picked.push(pool.splice(Math.floor(random() * pool.length), 1)[0]);
  return picked.sort((a, b) => a.codePointAt(0) - b.codePointAt(0));
};
const chars = (from, to, test) => {
  const list = [];
  for (let cp = from; cp <= to; cp++) {
    const c = String.fromCodePoint(cp);
    if (test(c)) list.push(c);
  }
  return list;
};
const isCompat = (c) => c.normalize('NFKD') !== c.normalize('NFD');

const groups = {};
// The pairs of the black-box run that found the problem.
groups.named = ['1', '9', 'a', 'z', 'r', 's', 'c', 'd', 'ss', 'fi', '3', 'ß', 'ﬁ', 'ȼ', '１', '①', '٣', '\u036C',
  '\uE000', '\u0378', 'A', 'Z', 'đ', 'Đ', 'ă', 'ơ', 'ư'];
// Compatibility characters of the blocks that text copied from PDFs and Word files carries,
// all of them where the block is small, a sample where it is large.
groups.compat = [
  ...chars(0xa0, 0x24f, isCompat), // ª ¹ ½ Ĳ ŀ ŉ ſ ǆ ǳ …
  ...chars(0x2b0, 0x2ff, isCompat), // modifier letters ʰ ʲ …
  ...sample(chars(0x1d2c, 0x1dbf, isCompat), 25), // modifier letters ᴬ ᵃ …
  ...chars(0x2070, 0x209f, isCompat), // superscripts and subscripts
  ...chars(0x2100, 0x218f, isCompat), // letterlike symbols, number forms (℃ № ™ Ⅻ ⅰ ⅓ …)
  ...chars(0x2460, 0x24ff, isCompat), // enclosed alphanumerics ① ⑴ ⒈ ⓐ Ⓐ …
  ...chars(0xfb00, 0xfb06, isCompat), // ligatures ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ
  ...chars(0xff01, 0xff5e, isCompat), // full-width ASCII
  ...sample(chars(0x1d400, 0x1d7ff, isCompat), 40), // mathematical letters and digits
  ...sample(chars(0x1f100, 0x1f1ff, isCompat), 20), // enclosed alphanumeric supplement
  ...sample(chars(0x3250, 0x33ff, (c) => isCompat(c) && /^[\p{ASCII}]+$/u.test(c.normalize('NFKD'))), 25), // ㎏ ㏂ …
];
// Decimal digits of every script (Unicode encodes each set as ten code points 0..9): 1 and 7 of
// each set without a compatibility decomposition, and ASCII.
const nd = new Set(chars(0x80, 0x10ffff, (c) => /^\p{Nd}$/u.test(c) && !isCompat(c)));
const zeros = [...nd].filter((c) => !nd.has(String.fromCodePoint(c.codePointAt(0) - 1)));
groups.digits = ['0', '1', '2', '7', '10',
  ...zeros.flatMap((z) => [1, 7].map((d) => String.fromCodePoint(z.codePointAt(0) + d)))];
// Private use and unassigned code points (not the noncharacters U+FFFE, U+FFFF), and U+FFFD.
groups.implicit = [
  '\uE000', '\uE001', '\uF8FF', '\u{F0000}', '\u{FFFFD}', '\u{100000}', '\u{10FFFD}',
  ...sample(chars(0x0378, 0xfffd, (c) => /^\p{Cn}$/u.test(c) && !(c >= '\uFDD0' && c <= '\uFDEF')), 15),
  ...sample(chars(0x10000, 0x10ffff, (c) => /^\p{Cn}$/u.test(c) && (c.codePointAt(0) & 0xfffe) !== 0xfffe), 15),
  '\uFFFD', 'a\uFFFD', '\uFFFDa',
];
// Combining Latin small letters (U+0363..U+036F) and combining marks alone.
groups.combining = [
  ...chars(0x363, 0x36f, () => true),
  'a\u036C', 'r\u0363', '\u036C\u0363', '\u0363\u0363',
  '\u0301', '\u0300', '\u0301\u0300', '\u0323', 'a\u0301',
];
// Letters of the Vietnamese alphabet and a few neighbours they must sort among.
groups.letters = ['a', 'A', 'á', 'b', 'c', 'C', 'd', 'e', 'f', 'F', 'h', 'i', 'k', 'K', 'l', 'm', 'n', 'o', 'r', 'R', 's', 'S',
  't', 'v', 'x', 'y', 'z', 'đ', 'ê', 'ô', 'ơ', 'ư', 'fi', 'Fi', 'FI', 'ff', 'ffi', 'ss', 'Ss', 'st', 'dz', 'Dz', 'DZ', 'kg', 'tm', 'TM', 'no',
  ' ', '-', '(', ')', '.', '/', '%', '+'];

// Each character alone, and beside letters: "x" + c and c + "a".
const items = new Set();
for (const list of Object.values(groups)) {
  for (const s of list) {
    items.add(s);
    if ([...s].length === 1) { items.add('x' + s); items.add(s + 'a'); }
  }
}
const list = [...items];
const order = [...list].sort((a, b) => vi.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0));
const ties = [];
for (let i = 1; i < order.length; i++) if (vi.compare(order[i - 1], order[i]) === 0) ties.push(i);

fs.writeFileSync(out, JSON.stringify({
  generated_by: 'crates/tthc/tests/data/make_icu_beyond_vi.js',
  oracle: `new Intl.Collator('vi') of Node ${process.version}, ICU ${process.versions.icu}, CLDR ${process.versions.cldr}, Unicode ${process.versions.unicode}`,
  groups: Object.fromEntries(Object.entries(groups).map(([k, v]) => [k, v.length])),
  order,
  ties,
}, null, 1) + '\n');
console.log(`make_icu_beyond_vi: ${order.length} strings, ${ties.length} ties -> ${path.relative(process.cwd(), out)}`);
