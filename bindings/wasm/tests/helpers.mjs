// Shared by the Node tests: the Node build of the package and the conformance vectors.
import { createRequire } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
/** The package built by build.sh for Node (dist/node, CommonJS). */
export const tthc = require('../dist/node/tthc_wasm.js');

export const conformanceDir = new URL('../../../tests/conformance/', import.meta.url);

/**
 * The raw text of the value of a top-level key of a JSON object text, byte for byte as written
 * (like serde_json's RawValue): duplicate keys, number spellings and positions of syntax errors
 * must reach the library exactly as the Rust and Python runners give them.
 */
export function rawValue(text, key) {
  let i = 0;
  const ws = () => { while (i < text.length && ' \t\r\n'.includes(text[i])) i += 1; };
  const string = () => {
    const start = i;
    i += 1;
    while (text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i += 1;
    return JSON.parse(text.slice(start, i));
  };
  const skip = () => {
    ws();
    const c = text[i];
    if (c === '"') return void string();
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i += 1;
      ws();
      if (text[i] === close) { i += 1; return; }
      for (;;) {
        if (c === '{') { ws(); string(); ws(); i += 1; /* : */ }
        skip();
        ws();
        if (text[i] === ',') { i += 1; continue; }
        i += 1; /* close */
        return;
      }
    }
    while (i < text.length && !',}] \t\r\n'.includes(text[i])) i += 1;
  };
  ws();
  if (text[i] !== '{') throw new Error('not an object');
  i += 1;
  for (;;) {
    ws();
    if (text[i] === '}') return undefined;
    const k = string();
    ws();
    i += 1; // :
    ws();
    const start = i;
    skip();
    if (k === key) return text.slice(start, i);
    ws();
    if (text[i] === ',') i += 1;
  }
}

/** Every vector: `{ file, vector, text }` where text is the document exactly as written. */
export function vectors() {
  return readdirSync(conformanceDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const source = readFileSync(new URL(file, conformanceDir), 'utf8');
      const vector = JSON.parse(source);
      const text = 'input_text' in vector ? vector.input_text : rawValue(source, 'input');
      return { file, vector, text };
    });
}

/** Run `fn`, return what it threw (fails when it does not throw). */
export function thrown(fn) {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error, nothing was thrown');
}
