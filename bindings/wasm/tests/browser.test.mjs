// The widget in a real browser: Debian's Chromium (headless) driven by playwright-core, pages
// served by a local HTTP server on 127.0.0.1 that this test starts and stops.
//   - the example page (examples/web/): rows, statuses, rates, search without diacritics,
//     filters, attribute changes; a screenshot in test-output/widget.png;
//   - tests/fixtures/cases.html: catalogue text is never HTML (XSS), readable errors for a
//     missing src, a 404, an invalid document, a file that is not JSON and an unknown unit.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import http from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer, repoRoot, CSP } from './server.mjs';
import { portalNames, syntheticCatalogue } from '../../../examples/web/synthetic.js';
import { tthc } from './helpers.mjs';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

let server;
let context;
let profile;
const pageErrors = [];

before(async () => {
  server = await startServer({ root: repoRoot });
  profile = mkdtempSync(join(tmpdir(), 'tthc-chromium-'));
  // launchPersistentContext: a fresh --user-data-dir of our own (playwright refuses the flag).
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: 1200, height: 900 },
    deviceScaleFactor: 1,
  });
  // Every page is served with a strict Content-Security-Policy (server.mjs): record each
  // violation the browser reports, from before the page's own scripts run.
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    }, true);
  });
});

after(async () => {
  await context?.close();
  await server?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

async function open(path) {
  const page = await context.newPage();
  page.on('response', (r) => {
    if (r.request().resourceType() === 'document') responses.set(path, r.headers());
  });
  page.on('pageerror', (e) => pageErrors.push(`${path}: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(`${path}: console: ${m.text()}`);
  });
  await page.goto(server.url + path);
  await settle(page);
  pages.push([path, page]);
  return page;
}
const responses = new Map();
const pages = [];
/** The CSP violations a page has reported so far. */
const violations = (page) => page.evaluate(() => window.__csp);
/** CSP violations of the pages closed so far. */
const cspSeen = [];
/** Close a page, keeping the CSP violations it reported. */
async function closePage(page) {
  if (!page || page.isClosed()) return;
  cspSeen.push(...(await violations(page)).map((v) => `${page.url()}: ${v}`));
  await page.close();
}

/**
 * Wait two frames: a keystroke or a filter puts one screen of rows in the document at once and
 * the rest of its window after the next frame (the widget's `_topUp`).
 */
const frames = (page) => page.evaluate(() => new Promise((r) => {
  requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0)));
}));

/**
 * The rows beyond the first screen (`FIRST`) come after the reader stops typing (the widget's
 * `TOP_UP_IDLE_MS`, then a frame): wait until `count()` gives `n`, or give up after 5 s.
 */
async function rowsAfterTyping(count, n) {
  let got;
  for (let k = 0; k < 100 && (got = await count()) !== n; k += 1) await new Promise((r) => setTimeout(r, 50));
  return got;
}

/** Wait until every widget on the page has finished its current render. */
async function settle(page) {
  await page.evaluate(async () => {
    await customElements.whenDefined('tthc-procedure-list');
    for (let i = 0; i < 3; i += 1) {
      await Promise.all([...document.querySelectorAll('tthc-procedure-list')].map((w) => w.ready));
      await new Promise((r) => setTimeout(r, 0));
    }
  });
}

const portalText = readFileSync(join(repoRoot, 'examples/web/data/portal-commune-2026.json'), 'utf8');
const portal = JSON.parse(portalText);
/** The codes the core's search finds for a text (every hit): what `tthc search` finds. */
const portalCatalog = tthc.Catalog.fromJson(portalText);
const found = (text) => portalCatalog.search(text, { limit: portal.procedures.length }).map((h) => h.code);
const xssText = readFileSync(join(repoRoot, 'bindings/wasm/tests/fixtures/xss.json'), 'utf8');
const demo = JSON.parse(readFileSync(join(repoRoot, 'examples/web/data/demo-xa-mau-2026.json'), 'utf8'));

describe('example page', () => {
  let page;
  before(async () => {
    page = await open('examples/web/');
  });
  after(async () => closePage(page));

  test('the page fetches the widget\'s own module and its glue, never the full API\'s', async () => {
    const names = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    const wasm = names.filter((n) => n.endsWith('.wasm'));
    assert.deepEqual(wasm.map((n) => n.split('/').pop()), ['tthc_widget_core_bg.wasm'], names.join(' '));
    assert.ok(names.some((n) => n.endsWith('/tthc_widget_core.js')), names.join(' '));
    assert.ok(!names.some((n) => n.endsWith('/tthc_wasm.js')), names.join(' '));
  });

  test('the derived commune list of the 2026 portal data: every row, no status', async () => {
    const w = page.locator('#commune-list');
    assert.equal(await w.locator('li.row').count(), portal.procedures.length);
    assert.equal(await w.locator('li.row[data-status]').count(), 0);
    assert.equal(await w.locator('details.group').count(), portal.fields.length);
    assert.equal(await w.locator('h2').textContent(), 'Thủ tục hành chính cấp xã');
    const first = w.locator('li.row').first();
    assert.match(await first.getAttribute('data-code'), /^\d\.\d{6}$/);
    // Groups in Vietnamese order, as the browser's own ICU collation orders them.
    const groups = await w.locator('details.group summary h3').allTextContents();
    const collated = [...groups].sort(new Intl.Collator('vi').compare);
    assert.deepEqual(groups, collated);
    // Inside each group, names in Vietnamese order too.
    const names = await w.locator('details.group').first().locator('.name').allTextContents();
    assert.deepEqual(names, [...names].sort(new Intl.Collator('vi').compare));
  });

  test('the commune list\'s denominator is derived and explained; no customs or tax procedure in it', async () => {
    const left = JSON.parse(readFileSync(join(repoRoot, 'examples/web/data/portal-commune-2026-left-out.json'), 'utf8'));
    // The page states the file's counts.
    const count = async (key) => Number(await page.locator(`[data-count="${key}"]`).textContent());
    assert.equal(await count('labelled'), left.labelled_commune);
    assert.equal(await count('kept'), portal.procedures.length);
    assert.equal(await count('left-out'), left.procedures.length);
    assert.equal(portal.procedures.length + left.procedures.length, left.labelled_commune);
    for (const [kind, n] of Object.entries(left.counts)) {
      assert.equal(Number(await page.locator(`li[data-kind="${kind}"] strong`).textContent()), n, kind);
    }
    assert.ok(left.counts.customs >= 100 && left.counts.tax >= 50, 'customs and tax procedures are labelled "Cấp xã"');
    assert.match(await page.locator('#danh-muc .derived-label').textContent(), /SUY RA/);
    // The core finds every shown procedure to be the commune People's Committee's.
    const findings = portalCatalog.check().findings.filter((x) => x.path.startsWith('/procedures/'));
    assert.deepEqual(findings, []);
    // Neither commune list on the page shows a left-out procedure or one of a vertical branch.
    const leftOut = new Set(left.procedures.map((p) => p.code));
    const agencies = new Map(portal.procedures.map((p) => [p.code, p.agencies ?? []]));
    const branch = / (hai quan|thue|kho bac|bao hiem xa hoi|bhxh) /;
    const folded = (texts) => ` ${texts.map((a) => tthc.fold(a).replace(/[^a-z0-9]+/g, ' ')).join(' ')} `;
    assert.match(folded(left.procedures.find((p) => p.kind === 'customs').agencies), branch, 'the check can fail');
    for (const id of ['#commune-list', '#demo-unit']) {
      const shown = await page.locator(`${id} li.row`).evaluateAll((rows) => rows.map((r) => r.dataset.code));
      assert.equal(shown.length, portal.procedures.length, id);
      for (const code of shown) {
        assert.ok(!leftOut.has(code), `${id} shows ${code}, which is left out`);
        assert.ok(agencies.get(code).length > 0, `${id} shows ${code}, which has no agency`);
        assert.doesNotMatch(folded(agencies.get(code)), branch, `${id} shows ${code}`);
      }
    }
  });

  test('the illustrative unit: statuses, rate and counts from the core', async () => {
    const w = page.locator('#demo-unit');
    const posted = new Set(demo.units[0].published.one_stop_shop);
    const total = demo.procedures.length;
    assert.equal(await w.locator('li.row').count(), total);
    assert.equal(await w.locator('li.row[data-status="published"]').count(), posted.size);
    assert.equal(await w.locator('li.row[data-status="missing"]').count(), total - posted.size);
    // One row checked one by one.
    const missingCode = demo.procedures.find((p) => !posted.has(p.code)).code;
    assert.equal(await w.locator(`li.row[data-code="${missingCode}"]`).getAttribute('data-status'), 'missing');
    assert.equal(await w.locator(`li.row[data-code="${missingCode}"] .status`).textContent(), 'Chưa công khai');
    assert.equal(await w.locator('.percent').textContent(), tthc.formatPercent([posted.size, total]));
    assert.match(await w.locator('.rate .fraction').first().textContent(), new RegExp(`${posted.size}/${total}`));
    assert.match(await w.locator('h2').textContent(), /Xã Mẫu \(ví dụ minh hoạ\)/);
    // Group counts add up.
    const counts = await w.locator('summary .count').allTextContents();
    assert.equal(counts.reduce((s, c) => s + Number(c), 0), total);
  });

  test('An Biên 2018: the reported rate, shown gracefully without a list', async () => {
    const w = page.locator('#an-bien-908');
    assert.equal(await w.locator('h2').textContent(), 'Huyện An Biên');
    assert.equal(await w.locator('.percent').textContent(), '100,0%');
    assert.match(await w.locator('.rate').textContent(), /261\/261/);
    assert.match(await w.locator('.basis').textContent(), /số liệu báo cáo/);
    assert.match(await w.locator('.rate').textContent(), /39\/39 lĩnh vực/);
    assert.equal(await w.locator('li.row').count(), 0);
    assert.match(await w.locator('.notice').first().textContent(), /số liệu tổng hợp/);
    assert.equal(await w.locator('.notice').count(), 1, 'only the note, no empty-list message');
    assert.equal(await w.locator('.error').count(), 0);
  });

  test('search without diacritics filters as you type: the core\'s hits, in list order', async () => {
    const w = page.locator('#commune-list');
    const box = w.locator('input[type=search]');
    assert.equal(await w.getByRole('searchbox', { name: 'Tìm thủ tục' }).count(), 1, 'the search box has a label');
    const listOrder = await w.locator('li.row').evaluateAll((rows) => rows.map((r) => r.dataset.code));
    const visible = w.locator('li.row:visible');
    const shown = () => visible.evaluateAll((rows) => rows.map((r) => r.dataset.code));
    await box.pressSequentially('dang ky khai sinh', { delay: 5 });
    await frames(page);
    // The widget's rule is the core's search: the rows shown are exactly its hits, kept in the
    // list's order (by field, then name), not in score order.
    const expected = new Set(found('dang ky khai sinh'));
    assert.ok(expected.size >= 3, 'the real data has several birth registration procedures');
    assert.deepEqual(await shown(), listOrder.filter((code) => expected.has(code)));
    assert.ok(expected.has('1.004772'), 'Thủ tục đăng ký khai sinh cho người đã có hồ sơ… is found');
    const status = w.locator('[role=status]');
    assert.equal(await status.getAttribute('aria-live'), 'polite');
    assert.equal(await status.textContent(), `Tìm thấy ${expected.size} trên ${portal.procedures.length} thủ tục`);
    // Only groups with a match stay visible, with their counts.
    const fieldOf = new Map(portal.procedures.map((p) => [p.code, p.field]));
    assert.equal(await w.locator('details.group:visible').count(), new Set([...expected].map((c) => fieldOf.get(c))).size);
    // With diacritics and the other tone placement, the same result.
    await box.fill('Đăng ký khai sinh');
    await frames(page);
    assert.deepEqual(new Set(await shown()), expected);
    // A field's name finds its procedures, a code finds its procedure.
    await box.fill('ho tich');
    await frames(page);
    assert.deepEqual(await shown(), listOrder.filter((code) => found('ho tich').includes(code)));
    await box.fill('1.004772');
    await frames(page);
    assert.deepEqual(await shown(), ['1.004772']);
    await box.fill('');
    await frames(page);
    // One screen of rows at the keystroke, the whole window once typing stops.
    const atOnce = await visible.count();
    assert.ok(atOnce > 0 && atOnce <= portal.procedures.length, `${atOnce} rows`);
    assert.equal(await rowsAfterTyping(() => visible.count(), portal.procedures.length), portal.procedures.length);
  });

  test('filters by field and status; nothing found is said', async () => {
    const w = page.locator('#demo-unit');
    const selects = w.locator('select');
    assert.equal(await selects.count(), 2);
    await selects.nth(1).selectOption('missing');
    await frames(page);
    const posted = new Set(demo.units[0].published.one_stop_shop);
    const missing = demo.procedures.filter((p) => !posted.has(p.code));
    assert.equal(await w.locator('li.row:visible').count(), missing.length);
    assert.equal(await w.locator('li.row:visible:not([data-status="missing"])').count(), 0);
    await selects.nth(0).selectOption('ho-tich');
    await frames(page);
    const expected = missing.filter((p) => p.field === 'ho-tich').length;
    assert.equal(await w.locator('li.row:visible').count(), expected);
    await w.locator('input[type=search]').fill('zzzz khong co');
    await frames(page);
    assert.equal(await w.locator('li.row:visible').count(), 0);
    assert.ok(await w.locator('.notice:visible').count() >= 1);
    await w.locator('input[type=search]').fill('');
    await frames(page);
    await selects.nth(0).selectOption('');
    await frames(page);
    await selects.nth(1).selectOption('');
    await frames(page);
    const rows = () => w.locator('li.row:visible').count();
    assert.equal(await rowsAfterTyping(rows, demo.procedures.length), demo.procedures.length);
  });

  test('keyboard: groups fold with Enter, controls are reachable with Tab', async () => {
    const w = page.locator('#demo-unit');
    const summary = w.locator('details.group summary').first();
    await summary.focus();
    await page.keyboard.press('Enter');
    assert.equal(await w.locator('details.group').first().evaluate((d) => d.open), false);
    await page.keyboard.press('Enter');
    assert.equal(await w.locator('details.group').first().evaluate((d) => d.open), true);
    await w.locator('input[type=search]').focus();
    await page.keyboard.press('Tab');
    const focused = await w.evaluate((host) => host.shadowRoot.activeElement?.tagName);
    assert.equal(focused, 'SELECT');
  });

  test('screenshot: test-output/widget.png', async () => {
    mkdirSync(join(repoRoot, 'test-output'), { recursive: true });
    const w = page.locator('#demo-unit');
    await w.locator('input[type=search]').fill('ho tich');
    await frames(page);
    await page.locator('#minh-hoa').scrollIntoViewIfNeeded();
    await page.locator('#minh-hoa').screenshot({ path: join(repoRoot, 'test-output/widget.png') });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(repoRoot, 'test-output/page-top.png') });
    await w.locator('input[type=search]').fill('');
    await frames(page);
  });

  test('stale-after: stale postings marked and the unchecked count shown, from the core', async () => {
    const w = page.locator('#demo-unit');
    await w.evaluate((el) => el.setAttribute('stale-after', '1'));
    await settle(page);
    const want = tthc.Catalog.fromJson(JSON.stringify(demo)).unitCompliance('99999', { staleAfter: 1 });
    assert.equal(await w.locator('li.row[data-stale]').count(), want.stale.length);
    const tally = await w.locator('.tally li').allTextContents();
    assert.ok(tally.some((x) => x.startsWith('Chưa kiểm tra: ')), tally.join(' | '));
    await w.evaluate((el) => el.removeAttribute('stale-after'));
    await settle(page);
    assert.equal(await w.locator('li.row[data-stale]').count(), 0);
  });

  test('attribute changes re-render (lang, unit, level, channel)', async () => {
    await page.click('#lang');
    await settle(page);
    const demoW = page.locator('#demo-unit');
    assert.match(await demoW.locator('.percent').textContent(), /^\d+\.\d%$/);
    assert.equal(await demoW.locator('li.row[data-status="missing"] .status').first().textContent(), 'Missing');
    assert.equal(await page.locator('#commune-list h2').textContent(), 'Administrative procedures: commune level');
    await page.click('#lang');
    await settle(page);
    assert.equal(await page.locator('#commune-list h2').textContent(), 'Thủ tục hành chính cấp xã');
    // level → province: the few commune procedures that are also province procedures.
    await page.locator('#commune-list').evaluate((w) => w.setAttribute('level', 'province'));
    await settle(page);
    const province = portal.procedures.filter((p) => p.levels.includes('province')).length;
    assert.equal(await page.locator('#commune-list li.row').count(), province);
    await page.locator('#commune-list').evaluate((w) => w.setAttribute('level', 'commune'));
    // channel → portal: the demo unit posted nothing there.
    await page.locator('#demo-unit').evaluate((w) => w.setAttribute('channel', 'portal'));
    await settle(page);
    assert.equal(await page.locator('#demo-unit li.row[data-status="published"]').count(), 0);
    assert.equal(await page.locator('#demo-unit .percent').textContent(), '0,0%');
    await page.locator('#demo-unit').evaluate((w) => w.removeAttribute('channel'));
    await settle(page);
    assert.equal(await page.locator('#commune-list li.row').count(), portal.procedures.length);
  });
});

describe('loading: one module, compressed, a skeleton, the first rows first', () => {
  let page;
  let release;
  const leftOut = JSON.parse(readFileSync(join(repoRoot, 'examples/web/data/portal-commune-2026-left-out.json'), 'utf8'));
  const big = JSON.stringify(syntheticCatalogue(10000, portalNames(portal, leftOut)));
  before(async () => {
    page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(`loading.html: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') pageErrors.push(`loading.html: console: ${m.text()}`);
    });
    // slow.json waits for the test; big.json is 10,000 procedures.
    const held = new Promise((r) => { release = r; });
    await page.route('**/fixtures/slow.json', async (route) => {
      await held;
      await route.fulfill({ path: join(repoRoot, 'bindings/wasm/tests/fixtures/xss.json'), contentType: 'application/json' });
    });
    await page.route('**/fixtures/big.json', (route) => route.fulfill({ body: big, contentType: 'application/json' }));
    await page.goto(`${server.url}bindings/wasm/tests/fixtures/loading.html`);
  });
  after(async () => closePage(page));

  test('a skeleton while the catalogue loads, then the rows', async () => {
    const w = page.locator('#slow');
    await w.locator('.skeleton[role=status]').waitFor();
    assert.ok(await w.locator('.skeleton .line').count() >= 3);
    assert.equal(await w.getAttribute('aria-busy'), 'true');
    release();
    await settle(page);
    assert.equal(await w.locator('.skeleton').count(), 0);
    assert.equal(await w.locator('li.row').count(), 4);
    assert.equal(await w.getAttribute('aria-busy'), null);
  });

  test('10,000 procedures: a window of rows, the rest kept as data; a search typed at the first rows applies to every row', async () => {
    await settle(page);
    const w = page.locator('#big');
    const marks = await page.evaluate(() => performance.getEntriesByName('tthc-first-rows')
      .map((m) => m.detail).filter((d) => d.id === 'big'));
    assert.equal(marks.length, 1);
    assert.ok(marks[0].rows > 0 && marks[0].rows < 10000, `first rows: ${marks[0].rows}`);
    // loading.html typed "khai sinh" into the box at the first-rows event.
    assert.equal(await page.evaluate(() => window.__typedAtFirstRows), marks[0].rows);
    const catalog = tthc.Catalog.fromJson(big);
    const hits = new Set(catalog.search('khai sinh', { limit: 10000 }).map((h) => h.code));
    assert.ok(hits.size > 200 && hits.size < 10000, `${hits.size} hits`);
    // The hits in list order: what the rows show, a window at a time.
    const listed = catalog.procedureList({ unit: '99999' }).map((r) => r.code).filter((c) => hits.has(c));
    const rows = () => w.locator('li.row').evaluateAll((els) => els.map((r) => r.dataset.code));
    const first = await rows();
    assert.ok(first.length > 0 && first.length < hits.size, `${first.length} rows in the document`);
    assert.deepEqual(first, listed.slice(0, first.length));
    assert.match(await w.locator('.summary[role=status]').textContent(), new RegExp(`Tìm thấy ${hits.size} trên 10000`));
    assert.match(await w.locator('p.more').textContent(), new RegExp(`Đang hiện ${first.length} trên ${hits.size}`));
    // Scrolling near the end of the window adds the next one.
    await w.locator('p.more').scrollIntoViewIfNeeded();
    await page.waitForFunction((n) => document.querySelector('#big').shadowRoot.querySelectorAll('li.row').length > n, first.length);
    // "Show more" is a button (keyboard, screen readers): Enter adds a window.
    const count = await w.locator('li.row').count();
    await w.getByRole('button', { name: /Hiện thêm/ }).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => document.querySelector('#big').shadowRoot.querySelectorAll('li.row').length > n, count);
    // Pressed until it goes (scrolling adds windows meanwhile): then every hit is in.
    const pressMore = () => w.evaluate((host) => {
      const button = host.shadowRoot.querySelector('p.more:not([hidden]) button');
      button?.click();
      return Boolean(button);
    });
    for (let k = 0; k < 200 && await pressMore(); k += 1);
    assert.deepEqual(await rows(), listed);
    assert.equal(await w.locator('p.more').isVisible(), false);
    // A new keystroke starts again from one screen of rows, in the document at once; the rest
    // of the first window follows after the next frame (and more if the end is in view).
    const atKeystroke = await w.evaluate((host) => {
      const box = host.shadowRoot.querySelector('input[type=search]');
      box.value = '';
      box.dispatchEvent(new Event('input'));
      return host.shadowRoot.querySelectorAll('li.row').length;
    });
    assert.ok(atKeystroke > 0 && atKeystroke < first.length, `${atKeystroke} rows at the keystroke`);
    await page.waitForFunction((n) => document.querySelector('#big').shadowRoot.querySelectorAll('li.row').length >= n, first.length);
    const again = await rows();
    const all = catalog.procedureList({ unit: '99999' }).map((r) => r.code);
    assert.ok(again.length >= first.length && again.length < 1000, `${again.length} rows`);
    assert.deepEqual(again, all.slice(0, again.length));
    assert.match(await w.locator('.summary[role=status]').textContent(), /10000 thủ tục/);
    // No JSON-LD for a list this long (JSONLD_MAX), one for the short list.
    assert.equal(await w.evaluate((host) => host.querySelectorAll('script').length), 0);
    assert.equal(await page.locator('#slow').evaluate((host) => host.querySelectorAll('script').length), 1);
  });

  test('the module is fetched and compiled once for every widget, compressed', async () => {
    const wasm = await page.evaluate(() => performance.getEntriesByType('resource')
      .filter((e) => e.name.endsWith('.wasm'))
      .map((e) => ({ name: e.name.split('/').pop(), encoded: e.encodedBodySize, decoded: e.decodedBodySize })));
    assert.equal(wasm.length, 1, 'one .wasm request for two widgets');
    assert.equal(wasm[0].name, 'tthc_widget_core_bg.wasm');
    assert.ok(wasm[0].encoded < wasm[0].decoded * 0.6, JSON.stringify(wasm[0]));
  });
});

describe('the server (make serve): compression, content types, cache validation, CSP', () => {
  const get = (path, headers = {}) => new Promise((done, fail) => {
    http.get(server.url + path, { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => done({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', fail);
  });
  const wasmPath = 'bindings/wasm/dist/web/tthc_wasm_bg.wasm';
  const raw = () => readFileSync(join(repoRoot, wasmPath));

  test('brotli when accepted, else gzip, else identity; application/wasm; Vary', async () => {
    const br = await get(wasmPath, { 'accept-encoding': 'gzip, deflate, br' });
    assert.equal(br.headers['content-type'], 'application/wasm');
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(br.headers.vary, 'Accept-Encoding');
    assert.deepEqual(brotliDecompressSync(br.body), raw());
    const gz = await get(wasmPath, { 'accept-encoding': 'gzip' });
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.deepEqual(gunzipSync(gz.body), raw());
    const none = await get(wasmPath, { 'accept-encoding': 'br;q=0, gzip;q=0' });
    assert.equal(none.headers['content-encoding'], undefined);
    assert.deepEqual(none.body, raw());
    const json = await get('examples/web/data/portal-commune-2026.json', { 'accept-encoding': 'br' });
    assert.equal(json.headers['content-type'], 'application/json; charset=utf-8');
    assert.ok(json.body.length * 4 < portalText.length, 'the catalogue compresses well');
  });

  test('no-cache with an ETag: a revalidation is a 304 without a body', async () => {
    const first = await get(wasmPath, { 'accept-encoding': 'br' });
    assert.equal(first.headers['cache-control'], 'no-cache');
    assert.ok(first.headers.etag);
    const again = await get(wasmPath, { 'accept-encoding': 'br', 'if-none-match': first.headers.etag });
    assert.equal(again.status, 304);
    assert.equal(again.body.length, 0);
    const other = await get(wasmPath, { 'accept-encoding': 'gzip', 'if-none-match': first.headers.etag });
    assert.equal(other.status, 200, 'a gzip body has its own ETag');
  });

  test('the strict Content-Security-Policy on every response', async () => {
    for (const path of ['examples/web/', 'examples/web/data/portal-commune-2026.json', 'nope']) {
      assert.equal((await get(path)).headers['content-security-policy'], CSP);
    }
    assert.equal(CSP, "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'");
  });
});

describe('hostile catalogue and errors', () => {
  let page;
  before(async () => {
    await context.addInitScript(() => {
      window.__xss = undefined;
    });
    page = await open('bindings/wasm/tests/fixtures/cases.html');
  });
  after(async () => closePage(page));

  test('catalogue text is never inserted as HTML', async () => {
    const w = page.locator('#xss');
    const row = w.locator('li.row[data-code="1.000001"]');
    assert.equal(await row.locator('.name').textContent(), '<img src=x onerror="window.__xss = \'name\'">');
    const images = await w.evaluate((host) => host.shadowRoot.querySelectorAll('img, script, b, i').length);
    assert.equal(images, 0, 'no element made from catalogue text');
    assert.equal(await page.evaluate(() => document.querySelectorAll('img').length), 0);
    assert.match(await w.locator('h2').textContent(), /^Xã <img src=x onerror=/);
    // Symbols sort before letters (as in ICU): the hostile field comes first.
    assert.match(await w.locator('summary h3').first().textContent(), /^<script>/);
    assert.equal(await w.locator('summary h3').last().textContent(), 'Hộ tịch <b>in đậm</b>');
    await page.waitForTimeout(100);
    assert.equal(await page.evaluate(() => window.__xss), undefined, 'no onerror handler ran');
  });

  test('schema.org JSON-LD: the core\'s text, parsed back exactly, hostile names included', async () => {
    const w = page.locator('#xss');
    const scripts = await w.evaluate((host) => [...host.querySelectorAll(':scope > script')]
      .map((e) => ({ type: e.type, text: e.textContent })));
    assert.equal(scripts.length, 1);
    assert.equal(scripts[0].type, 'application/ld+json');
    const { text } = scripts[0];
    assert.equal(text, tthc.Catalog.fromJson(xssText).schemaOrg({ unit: '10001' }));
    assert.doesNotMatch(text, /[<>]/, 'nothing can close the element or open a comment');
    const ld = JSON.parse(text);
    assert.equal(ld['@context'], 'https://schema.org');
    assert.equal(ld['@type'], 'ItemList');
    assert.equal(ld.numberOfItems, 4);
    assert.ok(ld.itemListElement.every((e) => e.item['@type'] === 'GovernmentService'));
    const names = ld.itemListElement.map((e) => e.item.name).sort();
    assert.deepEqual(names, JSON.parse(xssText).procedures.map((p) => p.name).sort());
    assert.ok(names.some((n) => n.includes('</script><!--')), 'the fixture holds the hostile name');
    // The page as HTML (saved, or rendered on a server) parses back to the same one script.
    const html = await w.evaluate((host) => host.outerHTML);
    const back = await page.evaluate((markup) => {
      const doc = new DOMParser().parseFromString(markup, 'text/html');
      const found = [...doc.querySelectorAll('script')];
      return { n: found.length, text: found[0]?.textContent, img: doc.querySelectorAll('img').length };
    }, html);
    assert.equal(back.n, 1);
    assert.equal(back.img, 0);
    assert.deepEqual(JSON.parse(back.text), ld);
    assert.equal(await page.evaluate(() => window.__xss), undefined);
    // jsonld="off" removes it; an error shows none.
    await w.evaluate((el) => el.setAttribute('jsonld', 'off'));
    await settle(page);
    assert.equal(await w.evaluate((host) => host.querySelectorAll('script').length), 0);
    await w.evaluate((el) => el.removeAttribute('jsonld'));
    await settle(page);
    assert.equal(await w.evaluate((host) => host.querySelectorAll('script').length), 1);
    assert.equal(await page.locator('#unknown-unit').evaluate((host) => host.querySelectorAll('script').length), 0);
  });

  test('the outdated status (a posting older than the last amendment)', async () => {
    const w = page.locator('#xss');
    assert.equal(await w.locator('li.row[data-code="1.001193"]').getAttribute('data-status'), 'outdated');
    assert.equal(await w.locator('li.row[data-code="1.001193"] .status').textContent(), 'Chưa cập nhật');
    assert.equal(await w.locator('li.row[data-code="1.000656"]').getAttribute('data-status'), 'missing');
    assert.equal(await w.locator('li.row[data-code="1.000894"]').getAttribute('data-status'), 'published');
    assert.equal(await w.locator('.percent').textContent(), '50,0%');
  });

  test('a missing src is a readable error', async () => {
    const box = page.locator('#no-src .error[role=alert]');
    assert.match(await box.textContent(), /thuộc tính src/);
  });

  test('a src that does not exist is a readable error', async () => {
    const box = page.locator('#not-found .error[role=alert]');
    assert.match(await box.textContent(), /does-not-exist\.json.*HTTP 404/);
  });

  test('an invalid document lists its problems', async () => {
    const text = await page.locator('#invalid .error[role=alert]').textContent();
    assert.match(text, /không hợp lệ/);
    assert.match(text, /unknown_key \(\/fields\/0\/colour\)/);
    assert.match(text, /bad_code/);
    const notJson = await page.locator('#not-json .error[role=alert]').textContent();
    assert.match(notJson, /syntax/);
  });

  test('the catalogue is read as bytes: a byte order mark is accepted, bytes that are not UTF-8 are the core\'s syntax error', async () => {
    const xss = readFileSync(join(repoRoot, 'bindings/wasm/tests/fixtures/xss.json'));
    const at = xss.indexOf('"Xã');
    await page.route('**/fixtures/bom.json', (route) => route.fulfill({
      body: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), xss]), contentType: 'application/json',
    }));
    // "Xã" written in Latin-1 (0xE3), as a wrongly saved file would hold it.
    await page.route('**/fixtures/latin1.json', (route) => route.fulfill({
      body: Buffer.concat([xss.subarray(0, at + 2), Buffer.from([0xe3]), xss.subarray(at + 4)]), contentType: 'application/json',
    }));
    await page.evaluate(() => {
      for (const id of ['bom', 'latin1']) {
        const w = document.createElement('tthc-procedure-list');
        w.id = id;
        w.setAttribute('src', `${id}.json`);
        w.setAttribute('unit', '10001');
        document.body.append(w);
      }
    });
    await settle(page);
    assert.equal(await page.locator('#bom li.row').count(), 4);
    const error = await page.locator('#latin1 .error[role=alert]').textContent();
    assert.match(error, /syntax \(line \d+, column \d+\): the text is not valid UTF-8/);
    await page.evaluate(() => document.querySelectorAll('#bom, #latin1').forEach((w) => w.remove()));
  });

  test('an unknown unit is a readable error, and fixing the attribute re-renders', async () => {
    const w = page.locator('#unknown-unit');
    assert.match(await w.locator('.error').textContent(), /không có đơn vị mã 55555/);
    await w.evaluate((el) => el.setAttribute('unit', '10001'));
    await settle(page);
    assert.equal(await w.locator('.error').count(), 0);
    assert.equal(await w.locator('li.row').count(), 4);
    // And setting src on the element without one.
    await page.locator('#no-src').evaluate((el) => el.setAttribute('src', 'xss.json'));
    await settle(page);
    assert.equal(await page.locator('#no-src li.row').count(), 4);
  });
});

// The benchmark's page (examples/web/bench.html, bench.js) crashed once unseen: run it small
// (a 200-procedure catalogue, one re-render) and check that every part gave figures. Not a
// timing test: no figure is compared with a limit.
test('the benchmark page runs end to end on a small catalogue', async () => {
  const data = (name) => JSON.parse(readFileSync(join(repoRoot, 'examples/web/data', name), 'utf8'));
  const n = 200;
  mkdirSync(join(repoRoot, 'test-output/bench-data'), { recursive: true });
  writeFileSync(join(repoRoot, `test-output/bench-data/synthetic-${n}.json`),
    JSON.stringify(syntheticCatalogue(n, portalNames(data('portal-commune-2026.json'), data('portal-commune-2026-left-out.json')))));
  const page = await open('examples/web/bench.html');
  try {
    const r = await page.evaluate((size) => window.runBench({ sizes: [size], runs: 1 }), n);
    const render = r.render[n];
    for (const x of [render.load, render.firstRows, render.script, render.withLayout, render.cold.script]) {
      assert.ok(Number.isFinite(x) && x >= 0, JSON.stringify(render));
    }
    // "dang ky khai sinh" over the synthetic names: the widget, the core and plain JS agree.
    const { widget, widgetPaced, searchOnlyCore, plainPrefolded } = r.filter;
    assert.ok(widget.shown > 0 && widget.shown < n, JSON.stringify(r.filter));
    // Typed at a person's pace: the same rows found, and a figure for the frame after each key.
    assert.equal(widgetPaced.shown, widget.shown);
    assert.ok(Number.isFinite(widgetPaced.frame) && widgetPaced.frame >= 0, JSON.stringify(widgetPaced));
    assert.equal(searchOnlyCore.shown, widget.shown);
    assert.equal(searchOnlyCore.maskShown, widget.shown);
    assert.ok(plainPrefolded.shown > 0);
    // The results table is on the page.
    assert.ok(await page.locator('#out table tr').count() > 5);
  } finally {
    await closePage(page);
  }
});

test('strict CSP: no violation reported by any page, and the listener does catch one', async () => {
  for (const [path, page] of pages) {
    if (!page.isClosed()) assert.deepEqual(await violations(page), [], path);
  }
  assert.deepEqual(cspSeen, [], 'violations of pages already closed');
  // The control: an inline style attribute is refused and reported on the same kind of page.
  const page = await context.newPage();
  await page.goto(`${server.url}bindings/wasm/tests/fixtures/cases.html?csp-control`);
  await page.evaluate(() => {
    const d = document.createElement('div');
    d.setAttribute('style', 'color: red');
    document.body.append(d);
  });
  await page.waitForFunction(() => window.__csp.length > 0);
  assert.match((await violations(page))[0], /^style-src-attr/);
  await page.close();
});

test('no uncaught error or console error in the pages', () => {
  const unexpected = pageErrors.filter((e) => !/does-not-exist\.json|404/.test(e));
  assert.deepEqual(unexpected, []);
});

// The calls the widget makes instead of `procedureList` and `searchIds` on a long list (issue
// 12), against those calls, in Node: the same rows, the same procedures, whatever the slices.
test('listColumns, procedureTexts, matchMask and the sliced preparation agree with procedureList and search', () => {
  const data = (name) => JSON.parse(readFileSync(join(repoRoot, 'examples/web/data', name), 'utf8'));
  const doc = JSON.stringify(syntheticCatalogue(3000, portalNames(data('portal-commune-2026.json'), data('portal-commune-2026-left-out.json'))));
  const plain = tthc.Catalog.fromJson(doc);
  const sliced = tthc.Catalog.fromJson(doc);
  const work = sliced.prepare();
  let steps = 0;
  while (!sliced.prepareList(work, 100)) steps += 1;
  assert.ok(steps > 30, `the order in ${steps} slices`);
  while (!sliced.prepareSearch(work, 100)) steps += 1;
  work.free();
  const again = sliced.prepare();
  assert.equal(sliced.prepareSearch(again, 1), true, 'nothing left to prepare');
  again.free();
  for (const options of [{ unit: '99999' }, { unit: '99999', status: 'missing' }, { level: 'commune' }]) {
    const rows = plain.procedureList(options);
    for (const c of [plain, sliced]) {
      const cols = c.listColumns(options);
      assert.deepEqual([...cols.ids], [...plain.listIds(options)]);
      const fields = c.fields();
      assert.deepEqual([...cols.fields].map((k) => fields[k].code), rows.map((r) => r.field));
      assert.deepEqual(cols.statusWords, ['published', 'missing', 'outdated']);
      assert.deepEqual([...cols.statuses].map((k) => (k === 0 ? null : cols.statusWords[k - 1])), rows.map((r) => r.status ?? null));
      assert.deepEqual(c.procedureTexts(cols.ids), rows.map((r) => ({ code: r.code, name: r.name })));
    }
  }
  const all = plain.procedureCount;
  for (const query of ['d', 'da', 'dang', 'dang ky khai sinh', 'ho tich', '1.00', '1.001193', 'khai sinh lại', '  ', 'zzz']) {
    const hits = new Set(plain.searchIds(query, { limit: all }));
    assert.deepEqual([...sliced.searchIds(query, { limit: all })], [...plain.searchIds(query, { limit: all })], query);
    for (const c of [plain, sliced]) {
      const mask = c.matchMask(query);
      assert.ok(mask instanceof Uint8Array && mask.length === all);
      assert.deepEqual([...mask].flatMap((m, id) => (m ? [id] : [])), [...hits].sort((a, b) => a - b), query);
    }
  }
  assert.throws(() => plain.procedureTexts(new Uint32Array([all])), (e) => e.name === 'TthcError' && e.code === 'bad_value' && e.path === 'ids');
  plain.free();
  sliced.free();
});
