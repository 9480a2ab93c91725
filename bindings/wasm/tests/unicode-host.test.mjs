// The widget's module normalizes with small Unicode tables and JavaScript beyond them (feature
// `host-unicode`, docs/format.md "Text"); the full module with the core's full tables. On every
// Unicode scalar value the two give the same results through the widget's own exports: the
// Vietnamese order of names made of the characters (`listColumns`, whose sort keys use NFC,
// NFD, NFKD, combining marks and assigned code points) and the matches of queries made of them
// (`matchMask`: folding). And text of the small tables' ranges never calls into JavaScript.
//
// The one expected difference: characters that Node's ICU does not know yet (its Unicode is
// older than the core's tables, which come from unicode-normalization): the widget sorts them
// as unassigned code points (by code point, after every letter), the full module by what they
// are. They are left out of the comparison, counted and checked to be unassigned for Node.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { tthc as full } from './helpers.mjs';

const core = await import('../dist/web/tthc_widget_core.js');
core.initSync({ module: readFileSync(new URL('../dist/web/tthc_widget_core_bg.wasm', import.meta.url)) });

/** The lead byte of the sort key of a private-use or unassigned code point (collation.rs). */
const IMPLICIT = 0xf0;
const unassignedForNode = /^[\p{Cn}\p{Co}]$/u;

/** A catalogue document of one procedure per name, every name prefixed with `x`. */
function catalogue(names) {
  return JSON.stringify({
    tthc: 1,
    title: 'Unicode',
    as_of: '2026-03-01',
    fields: [{ code: 'f', name: 'F' }],
    procedures: names.map((name, i) => ({
      code: `${1 + Math.floor(i / 1e6)}.${String(i % 1e6).padStart(6, '0')}`,
      name: `x${name}`,
      field: 'f',
      levels: ['commune'],
    })),
    units: [],
  });
}

// Every scalar value: those Node knows as assigned (not private-use) one per name, the others
// in names of 64 consecutive ones; the characters newer than Node's Unicode left out.
const names = [];
const newer = [];
let run = '';
for (let cp = 0; cp <= 0x10ffff; cp += 1) {
  if (cp >= 0xd800 && cp <= 0xdfff) continue;
  const c = String.fromCodePoint(cp);
  if (!unassignedForNode.test(c)) {
    names.push(c);
  } else if (full.sortKey(c)[0] !== IMPLICIT && /^\p{Cn}$/u.test(c)) {
    newer.push(cp);
  } else {
    run += c;
    if ([...run].length === 64) {
      names.push(run);
      run = '';
    }
  }
}
if (run) names.push(run);
const text = catalogue(names);

/** The widget's module reads a catalogue as the widget does: with `CatalogLoader`. */
function readCore(text) {
  const loader = new core.CatalogLoader(text);
  while (!loader.step(4096));
  return loader.finish();
}

test(`Node's Unicode (${process.versions.unicode}) lacks only a few of the core's characters`, (t) => {
  t.diagnostic(`${names.length} names; ${newer.length} characters newer than Node's Unicode left out, U+${newer[0]?.toString(16).toUpperCase()}..U+${newer.at(-1)?.toString(16).toUpperCase()}`);
  // Unicode 18.0 assigns 13,007 code points that 17.0 did not (11,328 of them CJK Extension J).
  assert.ok(newer.length < 20000, `${newer.length}`);
});

test('every scalar value: the same Vietnamese order and the same matches in both modules', () => {
  const c = readCore(text);
  const f = full.Catalog.fromJson(text);
  try {
    assert.equal(c.procedureCount, names.length);
    const mine = c.listColumns({ level: 'commune' }).ids;
    const theirs = f.listColumns({ level: 'commune' }).ids;
    assert.equal(mine.length, theirs.length);
    const at = mine.findIndex((id, i) => id !== theirs[i]);
    const show = (id) => [...names[id]].slice(0, 4).map((x) => `U+${x.codePointAt(0).toString(16).toUpperCase()}`).join(' ');
    assert.equal(at, -1, at < 0 ? '' : `order differs at row ${at}: widget ${show(mine[at])}, full ${show(theirs[at])}`);
    // Queries made of the names (folded alike or not), and of the Vietnamese letters.
    const queries = names.filter((_, i) => i % 211 === 0).map((n) => `x${n}`)
      .concat(['xa', 'xd', 'xo', 'xu', 'x1', 'x (', 'xđ', 'xÅ', 'x\u212B', 'xǆ', 'xß']);
    for (const q of queries) {
      const a = c.matchMask(q);
      const b = f.matchMask(q);
      const differs = a.findIndex((v, i) => v !== b[i]);
      assert.equal(differs, -1, `matchMask(${JSON.stringify(q)}) differs on ${differs < 0 ? '' : show(differs)}`);
    }
  } finally {
    c.free();
    f.free();
  }
});

/** The calls the widget's module makes to the host while `fn` runs. */
function hostCalls(fn) {
  const { normalize } = String.prototype;
  const { test: match } = RegExp.prototype;
  let calls = 0;
  String.prototype.normalize = function counted(...args) { calls += 1; return normalize.apply(this, args); };
  RegExp.prototype.test = function counted(...args) { calls += 1; return match.apply(this, args); };
  try {
    fn();
  } finally {
    String.prototype.normalize = normalize;
    RegExp.prototype.test = match;
  }
  return calls;
}

/** Load, list and search a document in the widget's module. */
function use(doc, query) {
  const c = readCore(doc);
  try {
    c.listColumns({ level: 'commune' });
    c.matchMask(query);
  } finally {
    c.free();
  }
}

test('Vietnamese text never calls into JavaScript; other scripts do', () => {
  // The real names (the test data's few names in other scripts left out) and the portal's.
  const covered = /^[\u0000-\u036F\u1E00-\u1EFF\u2000-\u22FF]*$/u;
  const read = (path) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
  const vi = read('../../../crates/tthc/tests/data/vi-names.json').names
    .concat(read('../../../examples/web/data/portal-commune-2026.json').procedures.map((p) => p.name))
    .filter((n) => covered.test(n));
  const nfd = vi.map((n) => n.normalize('NFD'));
  const extra = ['Thủ tục – “đăng ký” … ₫ № ½ ≤ → ™ µ Ω', 'A\u030A \u212B ǅ ǆ ½'.normalize('NFC')];
  assert.ok(vi.length > 2000, `${vi.length}`);
  assert.equal(hostCalls(() => use(catalogue([...vi, ...nfd, ...extra]), 'Thủ tục đăng ký')), 0);
  // The counter counts: a Greek name and a Korean query go to JavaScript.
  assert.ok(hostCalls(() => use(catalogue(['Ελληνικά ά']), 'x')) > 0);
  assert.ok(hostCalls(() => use(catalogue(['a']), '한국어')) > 0);
});
