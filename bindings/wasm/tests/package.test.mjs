// The npm package as users install it: dist/tthc-V.tgz (scripts/dist.sh npm) installed with
// `npm install` into a scratch project outside the source tree, then the conformance runner of
// this directory (conformance.test.mjs, unchanged) run twice against the installed package,
// once through require('tthc') and once through import 'tthc'; and the widget, the types and
// the version as the package.json of the tarball declares them.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = fileURLToPath(new URL('../../../', import.meta.url));
const dist = join(root, 'dist');
const tarballs = existsSync(dist) ? readdirSync(dist).filter((f) => /^tthc-.*\.tgz$/.test(f)) : [];
const version = /\[workspace\.package\][^[]*?\nversion\s*=\s*"([^"]+)"/.exec(readFileSync(join(root, 'Cargo.toml'), 'utf8'))[1];

const scratch = mkdtempSync(join(tmpdir(), 'tthc-npm-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

const run = (args, cwd = scratch) => {
  const env = { ...process.env };
  delete env.NODE_TEST_CONTEXT; // a nested `node --test` reports on its own
  return spawnSync(process.execPath, args, { cwd, env, encoding: 'utf8' });
};

test('the tarball installs into a scratch project', () => {
  assert.equal(tarballs.length, 1, `one tthc-*.tgz in ${dist} (scripts/dist.sh npm), found ${tarballs}`);
  writeFileSync(join(scratch, 'package.json'), JSON.stringify({ name: 'scratch', private: true }));
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error', join(dist, tarballs[0])],
    { cwd: scratch, stdio: ['ignore', 'ignore', 'inherit'] });
  const pkg = JSON.parse(readFileSync(join(scratch, 'node_modules/tthc/package.json'), 'utf8'));
  assert.equal(pkg.version, version, 'package.json carries the version of Cargo.toml');
  assert.equal(pkg.dependencies, undefined, 'no runtime dependencies');
});

// The conformance runner and its helpers, copied into the scratch project with the two lines
// that point into the source tree pointed at the installed package and the vectors.
function conformance(name, load) {
  const dir = join(scratch, name);
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(here, 'conformance.test.mjs'), join(dir, 'conformance.test.mjs'));
  const helpers = readFileSync(join(here, 'helpers.mjs'), 'utf8');
  const from = "export const tthc = require('../dist/node/tthc_wasm.js');";
  const vectors = "new URL('../../../tests/conformance/', import.meta.url)";
  assert.ok(helpers.includes(from) && helpers.includes(vectors), 'helpers.mjs still loads dist/node and the vectors as expected');
  const rewritten = helpers
    .replace(from, load)
    .replace(vectors, `new URL(${JSON.stringify(pathToFileURL(join(root, 'tests/conformance/')).href)})`);
  writeFileSync(join(dir, 'helpers.mjs'), rewritten);
  const out = run(['--test', '--test-reporter=spec', 'conformance.test.mjs'], dir);
  const summary = out.stdout.split('\n').filter((l) => /conformance \(node\)|^ℹ (pass|fail)/.test(l)).join('\n');
  console.log(`${name}:\n${summary}`);
  assert.equal(out.status, 0, `${out.stdout.slice(-4000)}\n${out.stderr}`);
  assert.match(out.stdout, /ℹ pass [1-9]/);
}

test("conformance vectors against require('tthc')", () => {
  conformance('required', "export const tthc = require('tthc');");
});

test("conformance vectors against import 'tthc'", () => {
  conformance('imported', "import * as installed from 'tthc';\nexport const tthc = installed;");
});

test('the widget, the web build and the types resolve from the package', () => {
  const script = join(scratch, 'resolve.mjs');
  writeFileSync(script, `for (const s of ['tthc', 'tthc/web', 'tthc/widget', 'tthc/tthc_wasm_bg.wasm', 'tthc/tthc_widget_core_bg.wasm']) console.log(import.meta.resolve(s));`);
  const out = run([script]);
  assert.equal(out.status, 0, out.stderr);
  const [node, web, widget, wasm, widgetWasm] = out.stdout.trim().split('\n').map((u) => fileURLToPath(u));
  assert.match(node, /node_modules\/tthc\/node\/tthc_wasm\.js$/);
  assert.match(web, /node_modules\/tthc\/web\/tthc_wasm\.js$/);
  assert.match(widget, /node_modules\/tthc\/web\/tthc-widget\.js$/);
  assert.match(wasm, /node_modules\/tthc\/web\/tthc_wasm_bg\.wasm$/);
  assert.match(widgetWasm, /node_modules\/tthc\/web\/tthc_widget_core_bg\.wasm$/);
  for (const f of [node, web, widget, wasm, widgetWasm, widget.replace(/\.js$/, '.d.ts')]) assert.ok(existsSync(f), f);
  for (const half of ['web', 'node']) assert.ok(existsSync(join(scratch, 'node_modules/tthc', half, 'tthc_wasm.d.ts')));
});

test('the widget finds its own module in the package (tthc_widget_core)', () => {
  const web = join(scratch, 'node_modules/tthc/web');
  const widget = readFileSync(join(web, 'tthc-widget.js'), 'utf8');
  // Every file the widget names relative to itself: its imports and the .wasm it fetches.
  const named = [...widget.matchAll(/(?:from |new URL\()'\.\/([^']+)'/g)].map((m) => m[1]);
  assert.ok(named.includes('tthc_widget_core.js'), `the widget imports tthc_widget_core.js: ${named}`);
  assert.ok(named.includes('tthc_widget_core_bg.wasm'), `the widget loads tthc_widget_core_bg.wasm: ${named}`);
  for (const f of named) assert.ok(existsSync(join(web, f)), `${f} is in the package`);
  for (const f of ['tthc_widget_core.d.ts', 'tthc_widget_core_bg.wasm.d.ts']) assert.ok(existsSync(join(web, f)), f);
  const out = run(['-e', `import(${JSON.stringify(pathToFileURL(join(web, 'tthc_widget_core.js')).href)}).then((m) => {
    m.initSync({ module: require('node:fs').readFileSync(${JSON.stringify(join(web, 'tthc_widget_core_bg.wasm'))}) });
    console.log(m.formatPercent([72, 77]), typeof m.CatalogLoader, typeof m.Catalog.fromJson, typeof m.validate);
  })`]);
  assert.equal(out.status, 0, out.stderr);
  assert.equal(out.stdout.trim(), '93,5% function undefined undefined');
});
