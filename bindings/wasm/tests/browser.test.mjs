// The widget in a real browser: Debian's Chromium (headless) driven by playwright-core, pages
// served by a local HTTP server on 127.0.0.1 that this test starts and stops.
//   - the example page (examples/web/): rows, statuses, rates, search without diacritics,
//     filters, attribute changes; a screenshot in test-output/widget.png;
//   - tests/fixtures/cases.html: catalogue text is never HTML (XSS), readable errors for a
//     missing src, a 404, an invalid document, a file that is not JSON and an unknown unit.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer, repoRoot } from './server.mjs';
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
});

after(async () => {
  await context?.close();
  await server?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

async function open(path) {
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(`${path}: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(`${path}: console: ${m.text()}`);
  });
  await page.goto(server.url + path);
  await settle(page);
  return page;
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
const demo = JSON.parse(readFileSync(join(repoRoot, 'examples/web/data/demo-xa-mau-2026.json'), 'utf8'));

describe('example page', () => {
  let page;
  before(async () => {
    page = await open('examples/web/');
  });
  after(async () => page?.close());

  test('the commune-level list of the 2026 portal data: every row, no status', async () => {
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
    // The widget's rule is the core's search: the rows shown are exactly its hits, kept in the
    // list's order (by field, then name), not in score order.
    const expected = new Set(found('dang ky khai sinh'));
    assert.ok(expected.size >= 5, 'the real data has several birth registration procedures');
    assert.deepEqual(await shown(), listOrder.filter((code) => expected.has(code)));
    assert.ok(expected.has('1.001193'), 'Thủ tục đăng ký khai sinh is found');
    const status = w.locator('[role=status]');
    assert.equal(await status.getAttribute('aria-live'), 'polite');
    assert.equal(await status.textContent(), `Tìm thấy ${expected.size} trên ${portal.procedures.length} thủ tục`);
    // Only groups with a match stay visible, with their counts.
    const fieldOf = new Map(portal.procedures.map((p) => [p.code, p.field]));
    assert.equal(await w.locator('details.group:visible').count(), new Set([...expected].map((c) => fieldOf.get(c))).size);
    // With diacritics and the other tone placement, the same result.
    await box.fill('Đăng ký khai sinh');
    assert.deepEqual(new Set(await shown()), expected);
    // A field's name finds its procedures, a code finds its procedure.
    await box.fill('ho tich');
    assert.deepEqual(await shown(), listOrder.filter((code) => found('ho tich').includes(code)));
    await box.fill('1.001193');
    assert.deepEqual(await shown(), ['1.001193']);
    await box.fill('');
    assert.equal(await visible.count(), portal.procedures.length);
  });

  test('filters by field and status; nothing found is said', async () => {
    const w = page.locator('#demo-unit');
    const selects = w.locator('select');
    assert.equal(await selects.count(), 2);
    await selects.nth(1).selectOption('missing');
    const posted = new Set(demo.units[0].published.one_stop_shop);
    const missing = demo.procedures.filter((p) => !posted.has(p.code));
    assert.equal(await w.locator('li.row:visible').count(), missing.length);
    assert.equal(await w.locator('li.row:visible:not([data-status="missing"])').count(), 0);
    await selects.nth(0).selectOption('ho-tich');
    const expected = missing.filter((p) => p.field === 'ho-tich').length;
    assert.equal(await w.locator('li.row:visible').count(), expected);
    await w.locator('input[type=search]').fill('zzzz khong co');
    assert.equal(await w.locator('li.row:visible').count(), 0);
    assert.ok(await w.locator('.notice:visible').count() >= 1);
    await w.locator('input[type=search]').fill('');
    await selects.nth(0).selectOption('');
    await selects.nth(1).selectOption('');
    assert.equal(await w.locator('li.row:visible').count(), demo.procedures.length);
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
    await page.locator('#minh-hoa').scrollIntoViewIfNeeded();
    await page.locator('#minh-hoa').screenshot({ path: join(repoRoot, 'test-output/widget.png') });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(repoRoot, 'test-output/page-top.png') });
    await w.locator('input[type=search]').fill('');
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

describe('hostile catalogue and errors', () => {
  let page;
  before(async () => {
    await context.addInitScript(() => {
      window.__xss = undefined;
    });
    page = await open('bindings/wasm/tests/fixtures/cases.html');
  });
  after(async () => page?.close());

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

test('no uncaught error or console error in the pages', () => {
  const unexpected = pageErrors.filter((e) => !/does-not-exist\.json|404/.test(e));
  assert.deepEqual(unexpected, []);
});
