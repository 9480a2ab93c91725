#!/usr/bin/env node
// Generates crates/tthc/src/text/tables.rs: the few collation weights that tthc::text::sort_key
// needs and that are not simply "the Vietnamese alphabet": the primary order of spaces,
// punctuation and symbols, and the secondary order of combining marks. Everything is measured
// with `new Intl.Collator('vi')` (ICU), so the table follows the same ICU/CLDR version as the
// oracle files (see make_icu_order.js). The library itself never calls ICU.
//
// Usage (from the repository root):   node crates/tthc/tests/data/make_collation_tables.js
// then: rustfmt crates/tthc/src/text/tables.rs
'use strict';
const fs = require('fs');
const path = require('path');

const vi = new Intl.Collator('vi');
const base = new Intl.Collator('vi', { sensitivity: 'base' });
const accent = new Intl.Collator('vi', { sensitivity: 'accent' });
const level = (a, b) =>
  vi.compare(a, b) === 0 ? '=' : base.compare(a, b) !== 0 ? 'P' : accent.compare(a, b) !== 0 ? 'S' : 'T';
const visible = (cp) => (/^[\p{L}\p{N}\p{P}\p{S}]$/u.test(String.fromCodePoint(cp)) ? ' ' + String.fromCodePoint(cp) : '');
const hex = (cp) => 'U+' + cp.toString(16).toUpperCase().padStart(4, '0');
const fail = (msg) => { console.error('make_collation_tables: ' + msg); process.exit(1); };

// 1. The Vietnamese alphabet: check the tailoring is what the Rust code assumes.
const LETTERS = 'aăâbcdđeêfghijklmnoôơpqrstuưvwxyz';
const letters = [...LETTERS];
for (let i = 1; i < letters.length; i++) {
  if (level(letters[i - 1], letters[i]) !== 'P' || vi.compare(letters[i - 1], letters[i]) >= 0)
    fail(`letters ${letters[i - 1]} ${letters[i]} are not in primary order`);
}
for (const l of letters) {
  const u = l.toUpperCase();
  if (level(l, u) !== 'T' || vi.compare(l, u) >= 0) fail(`${u} is not a tertiary variant after ${l}`);
}
const TONES = ['\u0300', '\u0309', '\u0303', '\u0301', '\u0323']; // huyền hỏi ngã sắc nặng
for (let i = 0; i < TONES.length; i++) {
  const prev = i === 0 ? 'ba' : 'ba' + TONES[i - 1];
  if (level(prev, 'ba' + TONES[i]) !== 'S' || vi.compare(prev, 'ba' + TONES[i]) >= 0)
    fail('tone order is not none < huyền < hỏi < ngã < sắc < nặng');
}

// 2. Combining marks U+0300..U+036F that stay separate after NFC (on the base "q", which has
//    no precomposed forms): their secondary order. Marks that ICU gives a primary weight
//    (U+0363..U+036F, combining Latin letters) are left to the library's fallback.
const marks = [];
const ignorableMarks = [];
for (let cp = 0x300; cp <= 0x36f; cp++) {
  const m = String.fromCodePoint(cp);
  if (m.normalize('NFC') !== m) continue; // U+0340, U+0341, U+0343, U+0344: never in NFC text
  const l = level('q', 'q' + m);
  if (l === 'S') marks.push(m);
  else if (l === '=') ignorableMarks.push(cp);
}
marks.sort((a, b) => vi.compare('q' + a, 'q' + b));
const markRank = []; // [cp, rank]
let rank = 0;
for (let i = 0; i < marks.length; i++) {
  if (i > 0) {
    const l = level('q' + marks[i - 1], 'q' + marks[i]);
    if (l === 'S') rank++;
    else if (l !== '=') fail(`marks ${hex(marks[i - 1].codePointAt(0))} ${hex(marks[i].codePointAt(0))} differ at ${l}`);
  }
  markRank.push([marks[i].codePointAt(0), rank]);
}

// 3. Spaces, punctuation and symbols: the candidates, sorted; primary groups; secondary and
//    tertiary ranks inside a group. Whatever ICU sorts at or after the digit 0 (letters,
//    fractions, superscripts, currency signs that expand to letters) is not a symbol.
const candidates = [];
const addRange = (a, b) => { for (let cp = a; cp <= b; cp++) candidates.push(cp); };
addRange(0x00, 0x7f); addRange(0x80, 0xbf); candidates.push(0xd7, 0xf7);
addRange(0x2000, 0x206f); addRange(0x20a0, 0x20c0); candidates.push(0x2212, 0x3000, 0xfeff);
const isAsciiAlnum = (cp) => (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
const chars = candidates.filter((cp) => !isAsciiAlnum(cp)).map((cp) => String.fromCodePoint(cp))
  .filter((s) => s.normalize('NFC') === s);
const ignorable = chars.filter((s) => vi.compare('a' + s + 'b', 'ab') === 0).map((s) => s.codePointAt(0));
for (const cp of ignorableMarks) ignorable.push(cp);
const symbols = chars.filter((s) => !ignorable.includes(s.codePointAt(0)) && vi.compare(s, '0') < 0);
symbols.sort((a, b) => vi.compare(a, b) || a.codePointAt(0) - b.codePointAt(0));
const entries = new Map(); // cp -> {group, sec, ter}
let group = 0, sec = 0, ter = 0, maxSec = 0, groupStart = null, prev = null;
const expansions = [];
for (const s of symbols) {
  const l = prev === null ? 'P' : level(prev, s);
  if (l === 'P' && groupStart !== null && vi.compare(s, groupStart + '0') < 0) {
    // Sorts inside the previous group's range: an expansion such as U+203C = "!!". Left out.
    expansions.push(s.codePointAt(0));
    continue;
  }
  if (prev !== null) {
    if (l === 'P') { group++; sec = 0; ter = 0; groupStart = s; }
    else if (l === 'S') { sec++; ter++; }
    else if (l === 'T') ter++;
  } else groupStart = s;
  prev = s;
  maxSec = Math.max(maxSec, sec);
  entries.set(s.codePointAt(0), { group: group + 1, sec, ter });
}
console.log('left out (expansions): ' + expansions.map(hex).join(' '));
if (group + 1 > 0x9e) fail('too many symbol groups for the one-byte encoding');

// Secondary bytes: 2 = common; 3.. = symbol variants (curly quotes); then the marks.
const COMMON = 2; // = weights::COMMON in src/text/weights.rs
const markBase = COMMON + maxSec + 1;
if (markBase + rank >= 0xfe) fail('too many secondary weights');

// 4. Emit Rust.
const ce = (e) => `sym(${e.group}, ${e.sec === 0 ? COMMON : COMMON + e.sec}, ${COMMON + e.ter})`;
let ascii = [];
for (let cp = 0; cp < 128; cp++) {
  const ch = String.fromCodePoint(cp);
  let v;
  if (cp >= 0x30 && cp <= 0x39) v = `dig(${cp - 0x30})`;
  else if (cp >= 0x61 && cp <= 0x7a) v = `letter(${letters.indexOf(ch)}, 2)`;
  else if (cp >= 0x41 && cp <= 0x5a) v = `letter(${letters.indexOf(ch.toLowerCase())}, UPPER)`;
  else if (ignorable.includes(cp)) v = 'IGNORABLE';
  else if (entries.has(cp)) v = ce(entries.get(cp));
  else fail(`ASCII ${hex(cp)} has no weight`);
  ascii.push(`    ${v}, // ${hex(cp)}${visible(cp)}`);
}
const other = [];
for (const cp of [...new Set([...ignorable, ...entries.keys()])].filter((cp) => cp >= 0x80).sort((a, b) => a - b)) {
  const v = ignorable.includes(cp) ? 'IGNORABLE' : ce(entries.get(cp));
  other.push(`    ('\\u{${cp.toString(16)}}', ${v}), // ${hex(cp)}${visible(cp)}`);
}
const markLines = [...markRank].sort((a, b) => a[0] - b[0]).map(([cp, r]) => `    ('\\u{${cp.toString(16)}}', ${markBase + r}), // ${hex(cp)}`);
const out = `// @generated by crates/tthc/tests/data/make_collation_tables.js — do not edit by hand.
// Measured with Node ${process.version}, ICU ${process.versions.icu}, CLDR ${process.versions.cldr},
// \`new Intl.Collator('vi')\` (default options: tertiary strength, non-ignorable punctuation).
//! Collation weights measured from ICU's \`vi\` collation (see the generator named above).

use super::weights::{dig, letter, sym, Ce, IGNORABLE, UPPER};

/// The Vietnamese alphabet in collation order; a letter's primary weight is its index here
/// (the code uses the indices; the tests check them against this string).
#[cfg(test)]
pub(super) const LETTERS: &str = ${JSON.stringify(LETTERS)};

// Secondary weights of the Vietnamese tones huyền, hỏi, ngã, sắc, nặng: ${TONES.map((t) => markBase + markRank.find(([cp]) => cp === t.codePointAt(0))[1]).join(', ')}.

/// Weights of every ASCII character.
pub(super) const ASCII: [Ce; 128] = [
${ascii.join('\n')}
];

/// Weights of the non-ASCII spaces, punctuation, symbols and ignorable characters that ICU sorts
/// before the digits, sorted by character.
pub(super) static SYMBOLS: [(char, Ce); ${other.length}] = [
${other.join('\n')}
];

/// Secondary weights of the combining marks U+0300..U+036F, sorted by character.
pub(super) static MARKS: [(char, u8); ${markLines.length}] = [
${markLines.join('\n')}
];
`;
const target = path.join(__dirname, '..', '..', 'src', 'text', 'tables.rs');
fs.writeFileSync(target, out);
console.log(`wrote ${target}: ${ascii.length} ASCII, ${other.length} symbols, ${markLines.length} marks, ${group + 1} symbol groups`);
