// A small static file server for the example page, the browser test and the benchmark, set up
// as a provincial portal's web server should be (README "Serving the widget"):
//   - the right MIME types (`application/wasm`, needed for streaming compilation);
//   - brotli or gzip when the browser accepts it (`Accept-Encoding`), `Vary: Accept-Encoding`;
//   - `Cache-Control: no-cache` with an `ETag`: the browser keeps every file and revalidates it
//     (a `304 Not Modified` costs one round trip, no body);
//   - a strict Content-Security-Policy (`CSP` below) on every response, unless `csp: false`.
// `node tests/server.mjs [port]` serves the repository (make serve).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, gzip, constants } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.md': 'text/markdown; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
};
/** Compressed when asked for: text and WebAssembly (images are compressed already). */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.json', '.wasm', '.css', '.svg', '.md', '.ts']);

/** The policy a government site may send; the widget needs nothing more (docs: README). */
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

export const repoRoot = resolve(fileURLToPath(new URL('../../..', import.meta.url)));

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);
/** Compressed bodies by file, encoding, size and modification time (computed once each). */
const compressed = new Map();
function encode(file, info, body, encoding) {
  const key = `${file}\0${encoding}\0${info.size}\0${info.mtimeMs}`;
  let entry = compressed.get(key);
  if (!entry) {
    // Small files (the module, the widget, a commune's catalogue) at the highest level, as a
    // build step would precompress them; big ones at the level web servers use on the fly
    // (brotli 11 takes seconds per megabyte).
    const small = body.length <= 1 << 20;
    entry = encoding === 'br'
      ? brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: small ? 11 : 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
      : gz(body, { level: small ? 9 : 6 });
    compressed.set(key, entry);
  }
  return entry;
}

/** `br`, `gzip` or null: the best encoding `accept` (an Accept-Encoding header) allows. */
export function chooseEncoding(accept = '') {
  const allowed = new Map();
  for (const part of accept.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    allowed.set(name.trim(), q ? Number(q.slice(2)) : 1);
  }
  const ok = (name) => (allowed.get(name) ?? (allowed.has('*') ? allowed.get('*') : 0)) > 0;
  if (ok('br')) return 'br';
  if (ok('gzip')) return 'gzip';
  return null;
}

/**
 * Start serving `root`; resolves to `{ url, close }` (port 0 picks a free port). `csp: false`
 * leaves the Content-Security-Policy header out; `compress: false` sends files as they are.
 */
export function startServer({ root = repoRoot, port = 0, host = '127.0.0.1', csp = true, compress = true } = {}) {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      let file = normalize(join(base, path));
      if (file !== base && !file.startsWith(base + sep)) {
        res.writeHead(403).end('forbidden');
        return;
      }
      let info = await stat(file).catch(() => null);
      if (info?.isDirectory()) {
        file = join(file, 'index.html');
        info = await stat(file).catch(() => null);
      }
      const common = csp ? { 'content-security-policy': CSP } : {};
      if (!info?.isFile()) {
        res.writeHead(404, { ...common, 'content-type': 'text/plain; charset=utf-8' }).end('not found');
        return;
      }
      const ext = extname(file);
      const encoding = compress && COMPRESSIBLE.has(ext) ? chooseEncoding(req.headers['accept-encoding']) : null;
      // One validator per file version and encoding (a gzip body is not a brotli body).
      const etag = `"${info.size.toString(36)}-${Math.floor(info.mtimeMs).toString(36)}${encoding ? `-${encoding}` : ''}"`;
      const headers = {
        ...common,
        'content-type': TYPES[ext] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
        etag,
        'x-content-type-options': 'nosniff',
      };
      if (compress && COMPRESSIBLE.has(ext)) headers.vary = 'Accept-Encoding';
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, headers).end();
        return;
      }
      let body = await readFile(file);
      if (encoding) {
        body = await encode(file, info, body, encoding);
        headers['content-encoding'] = encoding;
      }
      headers['content-length'] = body.length;
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (e) {
      res.writeHead(500).end(String(e));
    }
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      const { port: p } = server.address();
      done({
        url: `http://${host}:${p}/`,
        close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(() => ok()); }),
      });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(process.argv[2] ?? 8080);
  const { url } = await startServer({ port });
  console.log(`serving ${repoRoot} at ${url} (brotli/gzip, ETag, Content-Security-Policy: ${CSP})`);
  console.log(`example page: ${url}examples/web/`);
  console.log(`benchmark:    ${url}examples/web/bench.html`);
}
