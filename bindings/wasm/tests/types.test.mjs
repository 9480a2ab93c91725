// The TypeScript declarations shipped in dist/web and dist/node: they compile against a usage
// file (tests/types/usage.ts) under `tsc --strict`, and the output types they take from
// js/report-types.d.ts (generated from docs/schema by docs/schema/gen_types.py) describe the
// real outputs: every expected output of the conformance vectors (which conformance.test.mjs
// proves equal to this build's outputs) is written as a typed constant and compiled, so a key
// added, dropped or retyped on one side only fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { vectors } from './helpers.mjs';

const require = createRequire(import.meta.url);
const tsc = require.resolve('typescript/bin/tsc');

/** tsc's output for a project (empty when it compiles). */
function compile(project) {
  try {
    execFileSync(process.execPath, [tsc, '-p', project], { encoding: 'utf8' });
    return '';
  } catch (e) {
    return `${e.stdout}${e.stderr}`;
  }
}

test('TypeScript declarations compile (tsc --strict)', () => {
  assert.equal(compile(fileURLToPath(new URL('./types/tsconfig.json', import.meta.url))), '');
});

/** The type of each operation's output, as the package declares it. */
const TYPES = {
  report: 'Report',
  unit_report: 'UnitReport',
  procedure_list: 'ListedProcedure[]',
  search: 'SearchHit[]',
  validate: 'ValidateOutput',
};

test('the generated output types describe every expected output of the conformance vectors', () => {
  const dir = new URL('../../../test-output/types/', import.meta.url);
  mkdirSync(dir, { recursive: true });
  const lines = [
    '// Written by bindings/wasm/tests/types.test.mjs: every expected output of tests/conformance.',
    `import type { ${[...new Set(Object.values(TYPES).map((t) => t.replace('[]', '')))].join(', ')} } from "../../bindings/wasm/dist/web/tthc_wasm.js";`,
  ];
  let n = 0;
  for (const { file, vector } of vectors()) {
    const type = TYPES[vector.operation ?? 'report'];
    if (!type || !('expect' in vector)) continue;
    lines.push(`// ${file}`, `export const v${n}: ${type} = ${JSON.stringify(vector.expect)};`);
    n += 1;
  }
  assert.ok(n >= 40, `only ${n} typed outputs`);
  writeFileSync(new URL('outputs.ts', dir), `${lines.join('\n')}\n`);
  writeFileSync(new URL('tsconfig.json', dir), JSON.stringify({
    compilerOptions: {
      strict: true, noEmit: true, target: 'ES2022', module: 'ES2022', moduleResolution: 'bundler',
      lib: ['ES2022', 'DOM', 'ESNext.Disposable'], types: [],
    },
    files: ['outputs.ts'],
  }));
  assert.equal(compile(fileURLToPath(new URL('tsconfig.json', dir))), '');
});
