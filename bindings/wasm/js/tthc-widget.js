/**
 * <tthc-procedure-list>: the administrative procedures (thủ tục hành chính) of a unit or a level,
 * grouped by field in Vietnamese order, searchable without diacritics, with each procedure's
 * publication status and the unit's rate. No framework; everything is computed by the tthc
 * WebAssembly core next to this file.
 *
 *   <script type="module" src="tthc-widget.js"></script>
 *   <tthc-procedure-list src="catalogue.json" unit="30988"></tthc-procedure-list>
 *
 * Attributes: src (URL of a catalogue document, JSON v1), unit (a unit's code: its applicable
 * procedures with statuses and its rate), level (without unit: every procedure of the level in
 * force, no status), channel (one_stop_shop | portal | national), lang (vi | en), stale-after
 * (days: stale postings marked, unchecked ones counted, by the core), jsonld ("off": no
 * schema.org JSON-LD). Catalogue text is only ever set with textContent, never parsed as HTML.
 *
 * Loading: the module is compiled once per page however many widgets there are
 * (`WebAssembly.instantiateStreaming`, which needs the server's `application/wasm`), each
 * catalogue is fetched once per URL, in parallel with the module, as bytes (no text decoding
 * in the browser), and read in slices of a few milliseconds (CatalogLoader), a new task
 * between two phases that together would be long, so no task is long; a skeleton shows meanwhile;
 * only a window of rows is in the document (the first `FIRST` matching rows at once, up to
 * `WINDOW` after the next frame — after a keystroke, once typing pauses for `TOP_UP_IDLE_MS` —
 * more as the reader scrolls or asks), the rest kept as data, so neither a long list nor a
 * keystroke over it lays out thousands of rows. Works under a strict
 * Content-Security-Policy (`script-src 'self' 'wasm-unsafe-eval'; style-src 'self'`): styles
 * are a constructable stylesheet, nothing inline.
 *
 * Every rule comes from the core: the list and its order (listColumns: ids, fields and
 * statuses as typed arrays; procedureTexts for the rows shown), the unit's figures
 * (unitCompliance), which procedures match the search box (matchMask: the same procedures
 * as `tthc search` finds, one byte per procedure), and the percentage (formatPercent, the
 * contract's rounding on the exact fraction). The widget only shows them: counts and dates
 * are formatted with Intl. The core's Vietnamese order of the names and its search index are
 * computed in slices of a few milliseconds (prepareList, prepareSearch), so no task is long.
 */
import init, { Catalog, CatalogLoader, formatPercent } from './tthc_widget_core.js';

let wasmReady = null;
/** Load the WebAssembly module (once per page, however many widgets). */
export function ready() {
  wasmReady ??= init({ module_or_path: new URL('./tthc_widget_core_bg.wasm', import.meta.url) }).then(async (m) => {
    await warmUp();
    return m;
  });
  return wasmReady;
}

/**
 * Run each code path once on a tiny catalogue while the real one may still be downloading:
 * the browser compiles a WebAssembly function on its first call, and this moves that work off
 * the first render. One step per task, so no step is a long task on a slow phone.
 */
async function warmUp() {
  const steps = [
    (c) => {
      const work = c.prepare();
      try {
        while (!c.prepareSearch(work, 1));
      } finally {
        work.free();
      }
    },
    (c) => c.listColumns({ unit: '00001' }),
    (c) => c.unitCompliance('00001'),
    (c) => c.procedureTexts(new Uint32Array([0, 1])),
    (c) => c.matchMask('dang ky'),
    (c) => c.schemaOrg({ unit: '00001' }),
    () => formatPercent([1, 2], 'vi'),
  ];
  let c = null;
  try {
    c = await readCatalog(new TextEncoder().encode(JSON.stringify({
      tthc: 1, as_of: '2026-01-01',
      fields: [{ code: 'a', name: 'Hộ tịch' }, { code: 'b', name: 'Đất đai' }],
      procedures: [
        { code: '1.000001', name: 'Thủ tục đăng ký khai sinh', field: 'a', levels: ['commune'] },
        { code: '1.000002', name: 'Thủ tục hòa giải (đất đai)', field: 'b', levels: ['commune'] },
      ],
      units: [{ code: '00001', name: 'Xã', level: 'commune', published: { one_stop_shop: ['1.000001'] } }],
    })));
    for (const step of steps) {
      await nextTask();
      step(c);
    }
  } catch {
    // Only an optimisation.
  } finally {
    c?.free();
  }
}

const catalogs = new Map();
/** JSON-LD texts by catalogue, then by list options (see `_writeJsonLd`). */
const jsonLdTexts = new WeakMap();
/** Fetch and parse a catalogue once per URL (several widgets may share one document). */
function loadCatalog(url) {
  let entry = catalogs.get(url);
  if (!entry) {
    entry = (async () => {
      const download = fetch(url); // in parallel with loading the module
      await ready();
      let response;
      try {
        response = await download;
      } catch (cause) {
        throw Object.assign(new Error(`cannot fetch ${url}`), { kind: 'network', url, cause });
      }
      if (!response.ok) {
        throw Object.assign(new Error(`HTTP ${response.status} for ${url}`), {
          kind: 'http', url, status: response.status,
        });
      }
      // The body as bytes: the loader copies them into the module and checks the UTF-8 there,
      // instead of the browser decoding 2 MB into a string (one task of 10-40 ms for 10,000
      // procedures) that the module then encodes back to UTF-8.
      const bytes = new Uint8Array(await response.arrayBuffer());
      taskStarted(); // the body's arrival is a task of its own
      return readCatalog(bytes);
    })();
    catalogs.set(url, entry);
    entry.catch(() => catalogs.delete(url)); // a failed load is retried on the next render
  }
  return entry;
}

/**
 * `Catalog.fromJson(bytes)` in slices (`CatalogLoader`, `inSlices`): a catalogue of 10,000
 * procedures is read in tasks of a few milliseconds, a small one in one step. Same catalogue,
 * same errors as `fromJson`. Between its phases — the copy of the document into the module
 * (the constructor), the steps, the validation (`finish`) and what the caller does next (the
 * first slice of the list's order) — it goes on in a new task when the current one has run
 * `SLICE_MS / 2` (`yieldIfLong`), so no two large phases add up to a long task.
 */
async function readCatalog(bytes) {
  const loader = new CatalogLoader(bytes);
  try {
    await yieldIfLong();
    await inSlices((count) => loader.step(count));
  } catch (e) {
    loader.free();
    throw e;
  }
  const catalog = loader.finish(); // spends the loader, also when it throws
  await yieldIfLong();
  return catalog;
}

const LEVELS = ['central', 'province', 'district', 'commune', 'other'];
const CHANNELS = ['one_stop_shop', 'portal', 'national'];

const TEXT = {
  vi: {
    loading: 'Đang tải danh mục thủ tục hành chính…',
    heading: 'Thủ tục hành chính',
    levelHeading: {
      central: 'Thủ tục hành chính cấp bộ',
      province: 'Thủ tục hành chính cấp tỉnh',
      district: 'Thủ tục hành chính cấp huyện',
      commune: 'Thủ tục hành chính cấp xã',
      other: 'Thủ tục hành chính của cơ quan khác',
    },
    allHeading: 'Thủ tục hành chính đang có hiệu lực',
    unitLevel: { province: 'Cấp tỉnh', district: 'Cấp huyện', commune: 'Cấp xã' },
    channel: {
      one_stop_shop: 'niêm yết tại Bộ phận Một cửa',
      portal: 'công khai trên cổng/trang thông tin điện tử',
      national: 'công khai trên Cổng Dịch vụ công quốc gia',
    },
    asOf: (d) => `số liệu đến ngày ${d}`,
    rateTitle: 'Tỷ lệ thủ tục đã công khai',
    rateOf: (p, a) => `${p}/${a} thủ tục`,
    fieldsOf: (p, a) => (a == null ? '' : `${p ?? '—'}/${a} lĩnh vực`),
    noRate: 'Chưa có thủ tục nào áp dụng cho đơn vị này.',
    reported: 'số liệu báo cáo',
    about: 'khoảng ',
    approximate: 'số liệu ước tính (khoảng)',
    reportedNote: 'Đơn vị chỉ có số liệu tổng hợp trong báo cáo, không có danh sách từng thủ tục đã niêm yết.',
    search: 'Tìm thủ tục',
    searchHint: 'Gõ có dấu hoặc không dấu, ví dụ: dang ky khai sinh',
    field: 'Lĩnh vực',
    allFields: 'Tất cả lĩnh vực',
    status: 'Trạng thái',
    stale: 'Cần kiểm tra lại',
    staleHint: 'Đã công khai, nhưng lần kiểm tra gần nhất đã quá số ngày stale-after',
    unchecked: 'Chưa kiểm tra',
    allStatuses: 'Tất cả trạng thái',
    statusLabel: { published: 'Đã công khai', missing: 'Chưa công khai', outdated: 'Chưa cập nhật' },
    statusHint: {
      published: 'Đã công khai đúng quy định',
      missing: 'Thủ tục áp dụng cho đơn vị nhưng chưa được công khai',
      outdated: 'Đã công khai nhưng chưa cập nhật sau lần sửa đổi gần nhất',
    },
    shown: (n, total) => (n === total ? `${total} thủ tục` : `Tìm thấy ${n} trên ${total} thủ tục`),
    groupCount: (n, total) => (n === total ? `${total}` : `${n}/${total}`),
    nothing: 'Không có thủ tục nào phù hợp.',
    more: (n, total) => `Đang hiện ${n} trên ${total} thủ tục.`,
    showMore: (n) => `Hiện thêm ${n} thủ tục`,
    empty: 'Danh mục không có thủ tục nào cho lựa chọn này.',
    source: 'Nguồn dữ liệu',
    code: 'Mã thủ tục',
    errorTitle: 'Không hiển thị được danh sách thủ tục',
    noSrc: 'Chưa khai báo địa chỉ tệp danh mục (thuộc tính src).',
    http: (status, url) => `Không tải được tệp danh mục ${url} (mã lỗi HTTP ${status}).`,
    network: (url) => `Không kết nối được để tải tệp danh mục ${url}.`,
    invalid: (n) => `Tệp danh mục không hợp lệ (${n} lỗi).`,
    unknownUnit: (code) => `Danh mục không có đơn vị mã ${code}.`,
    badAttribute: (name, value) => `Giá trị không hợp lệ của thuộc tính ${name}: “${value}”.`,
  },
  en: {
    loading: 'Loading the catalogue of administrative procedures…',
    heading: 'Administrative procedures',
    levelHeading: {
      central: 'Administrative procedures: central level',
      province: 'Administrative procedures: province level',
      district: 'Administrative procedures: district level',
      commune: 'Administrative procedures: commune level',
      other: 'Administrative procedures: other agencies',
    },
    allHeading: 'Administrative procedures in force',
    unitLevel: { province: 'Province', district: 'District', commune: 'Commune' },
    channel: {
      one_stop_shop: 'posted at the one-stop desk',
      portal: 'published on the portal or website',
      national: 'published on the National Public Service Portal',
    },
    asOf: (d) => `figures as of ${d}`,
    rateTitle: 'Share of procedures published',
    rateOf: (p, a) => `${p}/${a} procedures`,
    fieldsOf: (p, a) => (a == null ? '' : `${p ?? '—'}/${a} fields`),
    noRate: 'No procedure applies to this unit.',
    reported: 'reported figures',
    about: 'about ',
    approximate: 'approximate figures',
    reportedNote: 'This unit only has figures from a report, no list of the procedures it posted.',
    search: 'Search procedures',
    searchHint: 'With or without diacritics, e.g. dang ky khai sinh',
    field: 'Field',
    allFields: 'All fields',
    status: 'Status',
    stale: 'Stale',
    staleHint: 'Published, but last checked more than stale-after days ago',
    unchecked: 'Unchecked',
    allStatuses: 'All statuses',
    statusLabel: { published: 'Published', missing: 'Missing', outdated: 'Outdated' },
    statusHint: {
      published: 'Published as required',
      missing: 'Applies to the unit but is not published',
      outdated: 'Published, but not updated since its last amendment',
    },
    shown: (n, total) => (n === total ? `${total} procedures` : `${n} of ${total} procedures`),
    groupCount: (n, total) => (n === total ? `${total}` : `${n}/${total}`),
    nothing: 'No procedure matches.',
    more: (n, total) => `Showing ${n} of ${total} procedures.`,
    showMore: (n) => `Show ${n} more`,
    empty: 'The catalogue has no procedure for this choice.',
    source: 'Data source',
    code: 'Procedure code',
    errorTitle: 'The procedure list cannot be shown',
    noSrc: 'No catalogue address given (the src attribute).',
    http: (status, url) => `Could not load the catalogue ${url} (HTTP ${status}).`,
    network: (url) => `Could not connect to load the catalogue ${url}.`,
    invalid: (n) => `The catalogue file is not valid (${n} problem${n === 1 ? '' : 's'}).`,
    unknownUnit: (code) => `The catalogue has no unit with code ${code}.`,
    badAttribute: (name, value) => `Invalid value of the ${name} attribute: “${value}”.`,
  },
};

const STYLE = `
:host {
  display: block;
  --tthc-primary: #0f4c81;
  --tthc-accent: #b3261e;
  --tthc-text: #1d2733;
  --tthc-muted: #5b6775;
  --tthc-border: #d9dee5;
  --tthc-surface: #ffffff;
  --tthc-soft: #f3f6f9;
  --tthc-ok: #17683a;
  --tthc-ok-bg: #e5f4ea;
  --tthc-bad: #a61b1b;
  --tthc-bad-bg: #fbe9e9;
  --tthc-warn: #8a5300;
  --tthc-warn-bg: #fdf1dc;
  color: var(--tthc-text);
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif;
}
:host([hidden]) { display: none; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
.card {
  background: var(--tthc-surface);
  border: 1px solid var(--tthc-border);
  border-top: 4px solid var(--tthc-accent);
  border-radius: 10px;
  padding: 20px 22px 16px;
  box-shadow: 0 1px 2px rgba(16, 24, 40, .05);
}
header { display: flex; flex-wrap: wrap; gap: 12px 28px; align-items: flex-start; justify-content: space-between; }
.titles { flex: 1 1 320px; min-width: 0; }
h2 { margin: 0; font-size: 1.35rem; line-height: 1.3; color: var(--tthc-primary); }
.meta { margin: 4px 0 0; color: var(--tthc-muted); font-size: .92rem; }
.rate { flex: 0 1 300px; min-width: 220px; background: var(--tthc-soft); border-radius: 8px; padding: 10px 14px 12px; }
.rate-title { margin: 0; font-size: .85rem; color: var(--tthc-muted); }
.rate-figure { display: flex; align-items: baseline; gap: 10px; flex-wrap: wrap; }
.percent { font-size: 1.9rem; font-weight: 700; color: var(--tthc-primary); font-variant-numeric: tabular-nums; }
.fraction { color: var(--tthc-muted); font-size: .92rem; }
.bar { height: 10px; border-radius: 5px; background: #dfe5ec; overflow: hidden; margin-top: 6px; }
.bar > span { display: block; height: 100%; background: linear-gradient(90deg, var(--tthc-primary), #2f7bbf); border-radius: 5px; }
.basis { display: inline-block; margin-top: 8px; font-size: .8rem; padding: 1px 8px; border-radius: 999px; background: #e8eef6; color: var(--tthc-primary); }
.tally { display: flex; flex-wrap: wrap; gap: 6px 12px; margin: 8px 0 0; padding: 0; list-style: none; font-size: .85rem; color: var(--tthc-muted); }
.controls { display: grid; grid-template-columns: minmax(220px, 2fr) minmax(160px, 1fr) minmax(150px, 1fr); gap: 10px 14px; margin: 18px 0 6px; }
.controls.no-status { grid-template-columns: minmax(220px, 2fr) minmax(160px, 1fr); }
label { display: flex; flex-direction: column; gap: 4px; font-size: .85rem; font-weight: 600; color: var(--tthc-muted); }
input, select {
  font: inherit; font-weight: 400; color: var(--tthc-text);
  padding: 8px 10px; border: 1px solid #b9c2cc; border-radius: 6px; background: #fff; min-width: 0;
}
input:focus-visible, select:focus-visible, summary:focus-visible {
  outline: 3px solid #8cb8e6; outline-offset: 1px; border-color: var(--tthc-primary);
}
.summary { margin: 10px 0 8px; font-size: .92rem; color: var(--tthc-muted); }
.more { margin: 10px 0 0; color: var(--tthc-muted); font-size: .92rem; }
.more button { font: inherit; color: var(--tthc-primary); background: #e8eef6; border: 1px solid #c6d3e3; border-radius: 6px; padding: 4px 10px; cursor: pointer; }
.notice { margin: 12px 0 0; padding: 10px 12px; background: var(--tthc-soft); border-radius: 6px; color: var(--tthc-muted); }
details.group { border-top: 1px solid var(--tthc-border); content-visibility: auto; contain-intrinsic-size: auto 360px; }
details.group:last-of-type { border-bottom: 1px solid var(--tthc-border); }
summary { cursor: pointer; list-style: none; display: flex; align-items: center; gap: 10px; padding: 10px 4px; }
summary::-webkit-details-marker { display: none; }
summary::before { content: ""; width: 7px; height: 7px; border-right: 2px solid var(--tthc-muted); border-bottom: 2px solid var(--tthc-muted); transform: rotate(-45deg); transition: transform .15s; flex: none; margin: 0 2px; }
details[open] > summary::before { transform: rotate(45deg); }
summary h3 { margin: 0; font-size: 1rem; font-weight: 650; flex: 1; }
.count { font-size: .8rem; font-weight: 600; color: var(--tthc-primary); background: #e8eef6; border-radius: 999px; padding: 1px 9px; font-variant-numeric: tabular-nums; }
ul.rows { list-style: none; margin: 0 0 10px; padding: 0; }
li.row { display: grid; grid-template-columns: 6.6em 1fr auto; gap: 4px 12px; align-items: start; padding: 7px 6px 7px 26px; border-top: 1px solid #edf0f3; }
li.row:hover { background: #f6f9fc; }
.code { font: .82rem/1.9 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; color: var(--tthc-muted); }
.name { min-width: 0; overflow-wrap: anywhere; }
.status { font-size: .78rem; font-weight: 600; white-space: nowrap; padding: 2px 9px; border-radius: 999px; margin-top: 1px; }
.status::before { margin-right: 4px; }
.status.published { color: var(--tthc-ok); background: var(--tthc-ok-bg); }
.status.published::before { content: "✓"; }
.status.missing { color: var(--tthc-bad); background: var(--tthc-bad-bg); }
.status.missing::before { content: "✕"; }
.status.outdated { color: var(--tthc-warn); background: var(--tthc-warn-bg); }
.status.outdated::before { content: "!"; font-weight: 800; }
.status.stale { color: var(--tthc-warn); background: var(--tthc-warn-bg); }
.status.stale::before { content: "?"; font-weight: 800; }
.error { border: 1px solid #f1b5b5; border-left: 4px solid var(--tthc-bad); background: #fff7f7; border-radius: 8px; padding: 12px 16px; color: #5f1212; }
.error strong { display: block; margin-bottom: 4px; }
.error p { margin: 4px 0; }
.error ul { margin: 6px 0 0; padding-left: 20px; font-size: .88rem; }
.loading { color: var(--tthc-muted); padding: 16px 4px; }
.skeleton .loading { padding: 4px 4px 8px; margin: 0; }
.skeleton .line { display: block; height: 14px; margin: 12px 4px; border-radius: 4px;
  background: linear-gradient(90deg, #e6ebf0 25%, #f4f6f9 50%, #e6ebf0 75%); background-size: 200% 100%;
  animation: tthc-shimmer 1.4s linear infinite; }
.skeleton .w60 { width: 60%; } .skeleton .w70 { width: 70%; } .skeleton .w75 { width: 75%; }
.skeleton .w80 { width: 80%; } .skeleton .w85 { width: 85%; } .skeleton .w90 { width: 90%; }
@keyframes tthc-shimmer { from { background-position: 100% 0; } to { background-position: -100% 0; } }
footer { margin-top: 12px; font-size: .8rem; color: var(--tthc-muted); }
footer summary { padding: 4px 0; display: inline-flex; }
footer p { margin: 4px 0 0; }
@media (max-width: 640px) {
  .card { padding: 14px; }
  .controls, .controls.no-status { grid-template-columns: 1fr; }
  li.row { grid-template-columns: 1fr auto; padding-left: 8px; }
  .code { grid-column: 1 / -1; line-height: 1.2; }
}
@media (prefers-reduced-motion: reduce) { summary::before { transition: none; } .skeleton .line { animation: none; } }
`;

/**
 * Rows in the document at a time, and how many more each step adds: several screens of a
 * phone or a laptop. A longer list keeps its other rows as data; they are added a window at a
 * time as the reader scrolls near the end (or presses "show more").
 */
const WINDOW = 100;
/**
 * Rows put in the document at once when a list is shown or filtered: one screen's worth (a row
 * is at least 39 px high, so 30 rows fill a 1,170 px-tall viewport below the widget's header;
 * a phone shows 10-15). The window's other rows (up to `WINDOW`) follow in a task of their own
 * after the next frame (`_topUp`; after a keystroke, once typing pauses), so a keystroke lays
 * out one screen of rows, not three, and removes at most one screen.
 */
const FIRST = 30;
/** Longest list written as JSON-LD: a commune's or a district's list (hundreds), not a nation's. */
const JSONLD_MAX = 1000;

/**
 * After a keystroke or a filter, the window's other rows wait this long without another one
 * (then the next frame): people type a character every 100-300 ms, so while they type each
 * keystroke changes one screen of rows, not the `WINDOW` a top-up puts in.
 */
const TOP_UP_IDLE_MS = 300;

/**
 * Which rows match the search box's mask (`null`: every row), the field (index, or -1: any)
 * and the status (code, or 0: any): `s.visible[i]` 1 or 0 per row of the list, `perGroup[k]`
 * the matching rows of group k, `first` the indices of the first `limit` matching rows (the
 * window `_paint` shows); returns how many match. Plain loops over typed arrays, with the
 * search box alone (the common case while typing) and no filter at all apart: a keystroke over
 * 10,000 rows runs one of them, once.
 */
function matchRows(s, mask, fieldIndex, status, perGroup, first, limit) {
  const { ids, rowFields, statuses, groupOf, visible } = s;
  const n = ids.length;
  if (fieldIndex < 0 && status === 0) {
    if (mask === null) {
      visible.fill(1);
      for (let k = 0; k < perGroup.length; k += 1) perGroup[k] = s.groups[k].total;
      for (let i = 0; i < n && i < limit; i += 1) first.push(i);
      return n;
    }
    let shown = 0;
    for (let i = 0; i < n; i += 1) {
      const v = mask[ids[i]];
      visible[i] = v;
      perGroup[groupOf[i]] += v;
      if (v !== 0 && shown < limit) first.push(i);
      shown += v;
    }
    return shown;
  }
  let shown = 0;
  for (let i = 0; i < n; i += 1) {
    const ok = (mask === null || mask[ids[i]] === 1)
      && (fieldIndex < 0 || rowFields[i] === fieldIndex)
      && (status === 0 || statuses[i] === status);
    visible[i] = ok ? 1 : 0;
    if (ok) {
      if (shown < limit) first.push(i);
      shown += 1;
      perGroup[groupOf[i]] += 1;
    }
  }
  return shown;
}

/** Set the text of an element that holds one text node (or none yet) when it differs. */
function setText(e, text) {
  const node = e.firstChild;
  if (node === null) e.textContent = text;
  else if (node.data !== text) node.data = text;
}

/** Resolve in a task after the next frame (the browser paints what changed first). */
function afterFrame() {
  if (typeof requestAnimationFrame !== 'function' || document.visibilityState === 'hidden') return nextTask();
  return new Promise((resolve) => requestAnimationFrame(() => nextTask().then(resolve)));
}

/** Resolve in a new task, after the browser has had the chance to paint and handle input. */
function nextTask() {
  const next = globalThis.scheduler?.yield ? globalThis.scheduler.yield() : new Promise((resolve) => {
    const channel = new MessageChannel(); // no 4 ms clamp, unlike nested setTimeout
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
  return next.then(taskStarted);
}

/** When the widget's current task began (`taskStarted`: after a `nextTask`, or an event's). */
let taskStart = -Infinity;
function taskStarted() {
  taskStart = performance.now();
}

/**
 * Go on in a new task when this one has already run `SLICE_MS / 2` (since `taskStarted`),
 * else at once: the phases of a large catalogue's loading each get a task, while a small
 * catalogue's run in one, its first rows not waiting behind the other widgets' tasks.
 */
function yieldIfLong() {
  return performance.now() - taskStart < SLICE_MS / 2 ? Promise.resolve() : nextTask();
}

/**
 * Longest slice of the core's preparation of a catalogue (ms): well under the 50 ms of a long
 * task, even on a phone four times slower than the machine that measured it.
 */
const SLICE_MS = 8;

/**
 * Run `step(count)` (one slice of the core's work on `count` names, `true` when there is none
 * left) in tasks of their own, each slice sized from the last one's time to take about
 * `SLICE_MS`. What the caller does next goes on in a new task when the last slice was long
 * (`yieldIfLong`), not after it in the same task.
 */
async function inSlices(step) {
  let count = 256;
  for (;;) {
    const t0 = performance.now();
    if (step(count)) return yieldIfLong();
    const ms = performance.now() - t0;
    count = Math.max(16, Math.min(count * 4, Math.floor((count * SLICE_MS) / Math.max(ms, 0.25))));
    await nextTask();
  }
}

/** The core's preparation of each catalogue (`Catalog.prepare`), shared by its widgets. */
const preparations = new WeakMap();
/**
 * Prepare a catalogue's list order (`what` = 'list') or its search index too ('search') in
 * slices (`inSlices`), once per catalogue however many widgets show it: the first list
 * then does not compute the Vietnamese order of every name in one long task, nor the first
 * keystroke the index.
 */
function prepared(catalog, what) {
  let p = preparations.get(catalog);
  if (!p) {
    const work = catalog.prepare();
    p = { work, list: null, search: null };
    p.list = inSlices((n) => catalog.prepareList(work, n));
    preparations.set(catalog, p);
  }
  if (what === 'search' && !p.search) {
    p.search = p.list
      .then(() => inSlices((n) => catalog.prepareSearch(p.work, n)))
      .finally(() => p.work.free());
  }
  return what === 'search' ? p.search : p.list;
}

/** Each catalogue's fields (`catalog.fields()`, read once): `{ code, name, name_en }`. */
const fieldLists = new WeakMap();
function fieldsOf(catalog) {
  let fields = fieldLists.get(catalog);
  if (!fields) fieldLists.set(catalog, (fields = catalog.fields()));
  return fields;
}

let sheet = null;
/**
 * Give a shadow root the widget's styles: one constructable stylesheet shared by every widget
 * (allowed by a strict `style-src 'self'`, unlike a `<style>` element), or a `<style>` element
 * in browsers without `adoptedStyleSheets`.
 */
function adoptStyle(root) {
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(STYLE);
    }
    root.adoptedStyleSheets = [sheet];
  } else {
    const style = document.createElement('style');
    style.textContent = STYLE;
    root.append(style);
  }
}

/** Grey placeholder lines while the module and the catalogue load (the text for screen readers). */
function skeleton(t) {
  const box = el('div', 'skeleton');
  box.setAttribute('role', 'status');
  box.append(el('p', 'loading', t.loading));
  for (const width of ['w60', 'w90', 'w75', 'w85', 'w70', 'w90', 'w80']) {
    const line = el('span', `line ${width}`);
    line.setAttribute('aria-hidden', 'true');
    box.append(line);
  }
  return box;
}

/** `el('span', 'code', text)`: an element with a class and text (never HTML). */
function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text != null) e.textContent = text;
  return e;
}

let uid = 0;

export class TthcProcedureList extends HTMLElement {
  static get observedAttributes() {
    return ['src', 'unit', 'level', 'channel', 'lang', 'stale-after', 'jsonld'];
  }

  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
    this._root = el('div', 'card');
    adoptStyle(this.shadowRoot);
    this.shadowRoot.append(this._root);
    this._id = `tthc-${++uid}`;
    this._pending = false;
    this._generation = 0;
    this._query = '';
    /** Timings of the last render in milliseconds: { load, list, index, dom, total }. */
    this.timings = null;
    this.ready = Promise.resolve();
  }

  connectedCallback() {
    this._schedule();
  }

  attributeChangedCallback(_name, oldValue, newValue) {
    if (oldValue !== newValue && this.isConnected) this._schedule();
  }

  _schedule() {
    if (this._pending) return;
    this._pending = true;
    let done;
    this.ready = new Promise((resolve) => { done = resolve; });
    queueMicrotask(() => {
      this._pending = false;
      this._render().finally(done);
    });
  }

  get _t() {
    return TEXT[this.getAttribute('lang') === 'en' ? 'en' : 'vi'];
  }

  get _lang() {
    return this.getAttribute('lang') === 'en' ? 'en' : 'vi';
  }

  async _render() {
    const generation = ++this._generation;
    const t = this._t;
    const src = this.getAttribute('src');
    this._root.setAttribute('lang', this._lang);
    this.setAttribute('aria-busy', 'true');
    const started = performance.now();
    try {
      if (!src || !src.trim()) throw Object.assign(new Error('no src'), { kind: 'nosrc' });
      if (!this._root.firstChild) this._root.append(skeleton(t));
      const url = new URL(src, document.baseURI).href;
      const catalog = await loadCatalog(url);
      if (generation !== this._generation) return;
      const loaded = performance.now();
      await this._show(catalog, loaded - started, generation);
    } catch (error) {
      if (generation !== this._generation) return;
      this._showError(error);
    } finally {
      if (generation === this._generation) this.removeAttribute('aria-busy');
    }
  }

  _showError(error) {
    const t = this._t;
    const box = el('div', 'error');
    box.setAttribute('role', 'alert');
    box.append(el('strong', null, t.errorTitle));
    const unit = this.getAttribute('unit');
    let message;
    const details = [];
    if (error.kind === 'nosrc') message = t.noSrc;
    else if (error.kind === 'http') message = t.http(error.status, error.url);
    else if (error.kind === 'network') message = t.network(error.url);
    else if (error.name === 'TthcError' && error.code === 'unknown_unit' && error.path === 'unit') {
      message = t.unknownUnit(unit);
    } else if (error.name === 'TthcError' && error.family === 'argument') {
      const attribute = { as_of: 'as-of', stale_after: 'stale-after' }[error.path] ?? error.path;
      message = t.badAttribute(attribute, this.getAttribute(attribute) ?? '');
    } else if (error.name === 'TthcError') {
      message = t.invalid(error.errors.length);
      for (const p of error.errors.slice(0, 5)) {
        details.push(`${p.code}${p.path ? ` (${p.path})` : ''}: ${p.message}`);
      }
      if (error.errors.length > 5) details.push('…');
    } else {
      message = String(error && error.message ? error.message : error);
    }
    box.append(el('p', null, message));
    if (details.length) {
      const list = el('ul');
      for (const d of details) list.append(el('li', null, d));
      box.append(list);
    }
    this._root.replaceChildren(box);
    this._state = null;
    this.querySelector(':scope > script[data-tthc-jsonld]')?.remove();
    this.dispatchEvent(new CustomEvent('tthc-error', { detail: error }));
  }

  /**
   * Show the list: the header, controls and the first window of rows (`WINDOW`); the other
   * rows stay data until the reader scrolls near the end of the window or presses "show
   * more" (issue 12: a long list neither blocks the page with thousands of row elements nor
   * makes each keystroke lay them out). Before, the core's list order is prepared in slices
   * (`prepared`); the list crosses as columns (`listColumns`: ids, fields, statuses), and
   * only the rows shown fetch their code and name (`procedureTexts`). Then, in tasks of their
   * own, the core's search index (in slices) and the JSON-LD.
   */
  async _show(catalog, loadMs, generation) {
    const t = this._t;
    const lang = this._lang;
    const unitCode = this.getAttribute('unit')?.trim() || null;
    const level = this.getAttribute('level')?.trim() || null;
    const channel = this.getAttribute('channel')?.trim() || undefined;
    const p0 = performance.now();
    await prepared(catalog, 'list');
    if (generation !== this._generation) return;
    const t0 = performance.now();
    const options = { channel };
    if (unitCode) options.unit = unitCode;
    else if (level) options.level = level;
    const { ids, fields: rowFields, statuses, statusWords } = catalog.listColumns(options);
    const fields = fieldsOf(catalog);
    // The unit's own row of the report, computed alone by the core.
    // stale-after (days): the core lists the unit's stale postings and counts unchecked ones.
    const staleText = this.getAttribute('stale-after')?.trim();
    const staleAfter = staleText ? Number(staleText) : undefined;
    const figures = unitCode ? catalog.unitCompliance(unitCode, { channel, staleAfter }) : null;
    const stale = new Set(figures?.stale ?? []);
    // The day the data describes, when the document says it (otherwise figures are as of today).
    const asOf = catalog.asOf;
    const t1 = performance.now();
    // The core's part of a long list (10,000 procedures: 5-20 ms) and the first rows' DOM in
    // tasks of their own (a short list's in one).
    await yieldIfLong();
    if (generation !== this._generation) return;
    const d0 = performance.now();

    const n = ids.length;
    const frag = document.createDocumentFragment();
    frag.append(this._header(catalog, { unitCode, level, channel, figures, asOf }));
    const withStatus = statuses.some((x) => x > 0);
    const { controls, search, fieldSelect, statusSelect } = this._controls(fields, rowFields, statuses, statusWords, withStatus);
    const summary = el('p', 'summary');
    summary.setAttribute('role', 'status');
    summary.setAttribute('aria-live', 'polite');
    summary.id = `${this._id}-summary`;
    search.setAttribute('aria-describedby', summary.id);
    const list = el('div', 'groups');
    const nothing = el('p', 'notice', n ? t.nothing : t.empty);
    nothing.hidden = n > 0;

    // Every group (with its count) and every row as columns: cheap. Row elements are built
    // when they first come into the window (`_paint`) and kept.
    const groups = [];
    const groupOf = new Uint16Array(n);
    let group = null;
    for (let i = 0; i < n; i += 1) {
      if (!group || group.fieldIndex !== rowFields[i]) {
        group = this._group(fields[rowFields[i]], rowFields[i], lang);
        list.append(group.element);
        groups.push(group);
      }
      group.total += 1;
      groupOf[i] = groups.length - 1;
    }
    for (const g of groups) {
      g.shown = g.total;
      g.counted = g.total;
      g.count.textContent = t.groupCount(g.total, g.total);
    }
    summary.textContent = t.shown(n, n);
    const { more, moreButton } = this._more();

    const reportedOnly = figures && figures.basis === 'reported';
    if (reportedOnly) frag.append(el('p', 'notice', t.reportedNote));
    if (n) frag.append(controls);
    if (n || !reportedOnly) frag.append(summary, nothing);
    frag.append(list, more);
    if (catalog.source) {
      const footer = document.createElement('footer');
      const d = document.createElement('details');
      d.append(el('summary', null, t.source), el('p', null, catalog.source));
      footer.append(d);
      frag.append(footer);
    }
    const s = {
      catalog, ids, rowFields, statuses, statusWords, groupOf, visible: new Uint8Array(n).fill(1),
      elements: new Array(n).fill(null), groups, summary, nothing, more, total: n, shown: n,
      fieldSelect, statusSelect, search, limit: FIRST, build: this._rowBuilder(stale, statusWords),
      mask: null, maskQuery: null, topUp: 0, lastKey: 0, idleTimer: false,
    };
    this._state = s;
    this._paint();
    const keep = this._query;
    this._observer?.disconnect();
    this._root.replaceChildren(frag);
    const filter = () => this._filter();
    search.addEventListener('input', filter);
    fieldSelect.addEventListener('change', filter);
    statusSelect?.addEventListener('change', filter);
    moreButton.addEventListener('click', () => this._grow());
    if (keep) {
      search.value = keep;
      this._filter();
    }
    // Scrolling near the end of the window adds the next one.
    if (typeof IntersectionObserver === 'function') {
      this._observer = new IntersectionObserver((entries, observer) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        this._grow();
        // Observed again: if the end is still near (a tall screen), the next window follows.
        observer.unobserve(more);
        observer.observe(more);
      }, { rootMargin: '600px 0px' });
      this._observer.observe(more);
    }
    const t2 = performance.now();
    const built = s.elements.reduce((k, e) => k + (e ? 1 : 0), 0);
    performance.mark?.('tthc-first-rows', { detail: { id: this.id, rows: built } });
    this.dispatchEvent(new CustomEvent('tthc-first-rows', { detail: { rows: built, at: t2 } }));
    // The rest of the first window, after the first rows are painted.
    await this._topUp();
    if (generation !== this._generation) return;
    // The core's search index, in slices of their own, so that neither the first keystroke
    // pays for it nor any task is long.
    let index = 0;
    if (n) {
      const i0 = performance.now();
      await prepared(catalog, 'search');
      if (generation !== this._generation) return;
      index = performance.now() - i0;
    }
    // schema.org JSON-LD for search engines, in a task of its own too.
    await nextTask();
    if (generation !== this._generation) return;
    const ld0 = performance.now();
    this._writeJsonLd(catalog, options, n);
    const jsonLd = performance.now() - ld0;
    const firstRows = t2 - d0;
    this.timings = {
      load: loadMs, prepare: t0 - p0, list: t1 - t0, index, dom: firstRows, firstRows, jsonLd,
      total: t0 - p0 + t1 - t0 + index + firstRows,
    };
    this.dispatchEvent(new CustomEvent('tthc-render', { detail: { rows: n, timings: this.timings } }));
  }

  /** A field's group: a `<details>` with its heading and count, and an empty list of rows. */
  _group(f, fieldIndex, lang) {
    const details = el('details', 'group');
    details.open = true;
    details.setAttribute('data-field', f.code);
    const summaryEl = document.createElement('summary');
    const english = lang === 'en' && f.name_en;
    const h3 = el('h3', null, english ? f.name_en : f.name);
    if (!english) h3.lang = 'vi';
    const count = el('span', 'count');
    summaryEl.append(h3, count);
    const ul = el('ul', 'rows');
    ul.lang = 'vi'; // procedure names are Vietnamese whatever the interface language
    details.append(summaryEl, ul);
    return { field: f.code, fieldIndex, element: details, list: ul, count, total: 0, shown: 0, counted: 0, rows: [] };
  }

  /**
   * A function that builds the row element of a procedure from its text (`{ code, name }`, from
   * `procedureTexts`) and its status code (`listColumns`), cloned from small templates.
   */
  _rowBuilder(stale, statusWords) {
    const t = this._t;
    const rowTemplate = el('li', 'row');
    rowTemplate.append(el('span', 'code', ''), el('span', 'name', ''));
    const chips = {};
    for (const status of statusWords) {
      const chip = el('span', `status ${status}`, t.statusLabel[status]);
      chip.title = t.statusHint[status];
      chips[status] = chip;
    }
    const staleChip = el('span', 'status stale', t.stale);
    staleChip.title = t.staleHint;
    return (text, statusCode) => {
      const li = rowTemplate.cloneNode(true);
      li.setAttribute('data-code', text.code);
      li.firstChild.textContent = text.code;
      li.lastChild.textContent = text.name;
      const status = statusWords[statusCode - 1];
      if (status) {
        li.setAttribute('data-status', status);
        li.append(chips[status].cloneNode(true));
      }
      if (stale.has(text.code)) {
        li.setAttribute('data-stale', '');
        li.append(staleChip.cloneNode(true));
      }
      return li;
    };
  }

  /**
   * Write the list's schema.org JSON-LD (docs/exports.md) into one
   * `<script type="application/ld+json">` child of the element (light DOM, where search
   * engines read it). The core makes the text, with `<`, `>` and `&` escaped; it is set as
   * `textContent`, never parsed as HTML. `jsonld="off"` leaves it out, and so does a list of
   * more than `JSONLD_MAX` procedures (a national list is megabytes of JSON-LD no search engine
   * wants, and a long task to make).
   */
  _writeJsonLd(catalog, options, count) {
    let script = this.querySelector(':scope > script[data-tthc-jsonld]');
    if (this.getAttribute('jsonld') === 'off' || count > JSONLD_MAX) {
      script?.remove();
      return;
    }
    // The same catalogue and options give the same text: a re-render (lang, stale-after)
    // reuses it.
    let texts = jsonLdTexts.get(catalog);
    if (!texts) jsonLdTexts.set(catalog, (texts = new Map()));
    const key = JSON.stringify([options.unit, options.level, options.channel]);
    let text = texts.get(key);
    if (text === undefined) texts.set(key, (text = catalog.schemaOrg(options)));
    if (!script) {
      script = document.createElement('script');
      script.type = 'application/ld+json';
      script.setAttribute('data-tthc-jsonld', '');
      this.append(script);
    }
    if (script.textContent !== text) script.textContent = text;
  }

  _header(catalog, { unitCode, level, channel, figures, asOf }) {
    const t = this._t;
    const lang = this._lang;
    const header = document.createElement('header');
    const titles = el('div', 'titles');
    let heading;
    const meta = [];
    if (unitCode && figures) {
      heading = figures.name;
      if (t.unitLevel[figures.level]) meta.push(t.unitLevel[figures.level]);
    } else if (level && LEVELS.includes(level)) {
      heading = t.levelHeading[level];
      if (catalog.title) meta.push(catalog.title);
    } else {
      heading = t.allHeading;
      if (catalog.title) meta.push(catalog.title);
    }
    const h2 = el('h2', null, heading);
    titles.append(h2);
    if (unitCode) meta.push(t.channel[CHANNELS.includes(channel) ? channel : 'one_stop_shop']);
    if (asOf) meta.push(t.asOf(formatDate(asOf, lang)));
    if (meta.length) titles.append(el('p', 'meta', meta.join(' · ')));
    header.append(titles);
    if (figures) header.append(this._rate(figures));
    return header;
  }

  _rate(u) {
    const t = this._t;
    const lang = this._lang;
    const box = el('div', 'rate');
    box.append(el('p', 'rate-title', t.rateTitle));
    if (!u.rate) {
      box.append(el('p', 'fraction', t.noRate));
      return box;
    }
    const figure = el('div', 'rate-figure');
    // The core's word for an approximate count (format_count: "khoảng 108", "about 108").
    const approx = u.approximate ? t.about : '';
    const percent = el('span', 'percent', formatPercent(u.rate, lang));
    figure.append(percent, el('span', 'fraction', approx + t.rateOf(number(u.rate[0], lang), number(u.rate[1], lang))));
    const bar = el('div', 'bar');
    bar.setAttribute('aria-hidden', 'true');
    const fill = document.createElement('span');
    fill.style.width = `${u.percent}%`;
    bar.append(fill);
    box.append(figure, bar);
    if (u.basis === 'items') {
      const tally = el('ul', 'tally');
      for (const [status, n] of [['published', u.published], ['missing', u.missing.length], ['outdated', u.outdated]]) {
        if (n > 0 || status !== 'outdated') tally.append(el('li', null, `${t.statusLabel[status]}: ${number(n, lang)}`));
      }
      if (u.stale) tally.append(el('li', null, `${t.stale}: ${number(u.stale.length, lang)}`));
      if (u.unchecked != null) tally.append(el('li', null, `${t.unchecked}: ${number(u.unchecked, lang)}`));
      box.append(tally);
    } else {
      const fields = t.fieldsOf(u.fields_published, u.fields);
      if (fields) box.append(el('p', 'fraction', fields));
      box.append(el('span', 'basis', u.approximate ? `${t.reported} · ${t.approximate}` : t.reported));
    }
    return box;
  }

  _controls(fields, rowFields, statuses, statusWords, withStatus) {
    const t = this._t;
    const lang = this._lang;
    const controls = el('div', withStatus ? 'controls' : 'controls no-status');
    controls.setAttribute('role', 'search');
    const searchLabel = el('label', null, t.search);
    const search = document.createElement('input');
    search.type = 'search';
    search.placeholder = t.searchHint;
    search.autocomplete = 'off';
    search.spellcheck = false;
    searchLabel.append(search);

    const fieldLabel = el('label', null, t.field);
    const fieldSelect = document.createElement('select');
    fieldSelect.append(new Option(t.allFields, ''));
    // Rows per field, in the order the fields first appear in the list.
    const counts = new Map();
    for (let i = 0; i < rowFields.length; i += 1) counts.set(rowFields[i], (counts.get(rowFields[i]) ?? 0) + 1);
    for (const [k, n] of counts) {
      const f = fields[k];
      const name = lang === 'en' && f.name_en ? f.name_en : f.name;
      fieldSelect.append(new Option(`${name} (${number(n, lang)})`, f.code));
    }
    fieldLabel.append(fieldSelect);
    controls.append(searchLabel, fieldLabel);

    let statusSelect = null;
    if (withStatus) {
      const statusLabel = el('label', null, t.status);
      statusSelect = document.createElement('select');
      statusSelect.append(new Option(t.allStatuses, ''));
      const byStatus = new Uint32Array(statusWords.length + 1);
      for (let i = 0; i < statuses.length; i += 1) byStatus[statuses[i]] += 1;
      statusWords.forEach((s, k) => {
        statusSelect.append(new Option(`${t.statusLabel[s]} (${number(byStatus[k + 1], lang)})`, s));
      });
      statusLabel.append(statusSelect);
      controls.append(statusLabel);
    }
    return { controls, search, fieldSelect, statusSelect };
  }

  /**
   * Show the rows that match the search box and the filters. The search box keeps the rows
   * whose procedure the core finds for its text (`catalog.matchMask`: one byte per procedure,
   * exactly the procedures of `searchIds` with every hit, i.e. of `tthc search`, without
   * scoring or sorting them); rows stay in list order (by field, then name, in Vietnamese
   * order). An empty box keeps every row. The counts cover every matching row; the document
   * holds the first window of them (`_paint`).
   */
  _filter() {
    const s = this._state;
    if (!s) return;
    const t = this._t;
    const text = s.search.value;
    this._query = text;
    // The mask is kept while the text stays the same (a change of a select reuses it).
    if (!text.trim()) {
      s.mask = null;
    } else if (s.maskQuery !== text) {
      s.mask = s.catalog.matchMask(text);
    }
    s.maskQuery = s.mask ? text : null;
    const mask = s.mask;
    const field = s.fieldSelect.value;
    const fieldIndex = field ? fieldsOf(s.catalog).findIndex((f) => f.code === field) : -1;
    const status = s.statusSelect ? s.statusWords.indexOf(s.statusSelect.value) + 1 : 0;
    const { groups } = s;
    const perGroup = new Uint32Array(groups.length);
    const first = [];
    const shown = matchRows(s, mask, fieldIndex, status, perGroup, first, FIRST);
    // A group's count is written when the group is in the window (`_paint`).
    for (let k = 0; k < groups.length; k += 1) groups[k].shown = perGroup[k];
    s.shown = shown;
    s.limit = FIRST;
    this._paint(first);
    setText(s.summary, t.shown(shown, s.total));
    s.nothing.hidden = shown > 0;
    this._topUp(TOP_UP_IDLE_MS);
    return shown;
  }

  /**
   * After the next frame (and, after a keystroke or a filter, `idle` ms without another), fill
   * the window up to `WINDOW` rows (the first `FIRST` are in the document already). A newer
   * keystroke or render makes a pending top-up do nothing: while the reader types, the window
   * stays one screen, so no keystroke removes the rows a top-up added.
   */
  async _topUp(idle = 0) {
    const s = this._state;
    if (!s) return;
    let token = (s.topUp += 1);
    if (s.limit >= WINDOW || s.limit >= s.shown) return;
    if (idle) {
      // One timer for a burst of keystrokes, not one per keystroke: it waits again while
      // keystrokes keep coming, then tops up for the last one.
      s.lastKey = performance.now();
      if (s.idleTimer) return;
      s.idleTimer = true;
      for (let wait = idle; wait > 0; wait = s.lastKey + idle - performance.now()) {
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
      s.idleTimer = false;
      if (this._state !== s) return;
      token = s.topUp;
    }
    await afterFrame();
    if (this._state !== s || s.topUp !== token || s.limit >= WINDOW || s.limit >= s.shown) return;
    s.limit = WINDOW;
    this._paint();
  }

  /** Add the next window of rows (the reader scrolled near the end, or asked for more). */
  _grow() {
    const s = this._state;
    if (!s || s.limit >= s.shown) return;
    s.limit += WINDOW;
    this._paint();
  }

  /**
   * Put the first `limit` matching rows in the document (`inWindow`, their indices, when the
   * caller has them), in list order, each in its group; a group without a row in the window is
   * hidden (its rows come with a later window), a group in it shows its count. Rows met for
   * the first time fetch their texts from the core in one call. Only groups whose rows or
   * count change are touched.
   */
  _paint(inWindow = null) {
    const s = this._state;
    const { visible, elements, groupOf, groups } = s;
    if (inWindow === null) {
      inWindow = [];
      for (let i = 0; i < visible.length && inWindow.length < s.limit; i += 1) {
        if (visible[i]) inWindow.push(i);
      }
    }
    const unbuilt = inWindow.filter((i) => elements[i] === null);
    if (unbuilt.length) {
      const texts = s.catalog.procedureTexts(Uint32Array.from(unbuilt, (i) => s.ids[i]));
      unbuilt.forEach((i, k) => { elements[i] = s.build(texts[k], s.statuses[i]); });
    }
    const wanted = groups.map(() => []);
    for (const i of inWindow) wanted[groupOf[i]].push(elements[i]);
    for (let k = 0; k < groups.length; k += 1) {
      const g = groups[k];
      const rows = wanted[k];
      const now = g.rows;
      if (rows.length !== now.length || rows.some((r, j) => r !== now[j])) {
        // A window that grows only adds rows after a group's last one: append them alone.
        if (now.length && now.length < rows.length && now.every((r, j) => r === rows[j])) {
          g.list.append(...rows.slice(now.length));
        } else {
          g.list.replaceChildren(...rows);
        }
        g.rows = rows;
      }
      const hide = rows.length === 0;
      if (g.element.hidden !== hide) g.element.hidden = hide;
      if (!hide && g.counted !== g.shown) {
        g.counted = g.shown;
        setText(g.count, this._t.groupCount(g.shown, g.total));
      }
    }
    const n = inWindow.length;
    const left = s.shown - n;
    s.more.hidden = left <= 0;
    if (left > 0) setText(s.more.firstChild, this._t.more(n, s.shown));
    return n;
  }

  /** After the window: how many rows are shown of how many, and a button for the next window. */
  _more() {
    const t = this._t;
    const more = el('p', 'more');
    more.append(el('span', null, ''));
    const moreButton = el('button', null, t.showMore(WINDOW));
    moreButton.type = 'button';
    more.append(' ', moreButton);
    more.hidden = true;
    return { more, moreButton };
  }
}

const numberFormats = {
  vi: new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 }),
};
/** A count for people: 1.234 (vi), 1,234 (en). */
function number(n, lang) {
  return numberFormats[lang].format(n);
}

const dateFormats = {
  vi: new Intl.DateTimeFormat('vi-VN', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
};
/** A day `YYYY-MM-DD` for people: 31/12/2018 (vi), 31 December 2018 (en). */
function formatDate(iso, lang) {
  const day = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(day.getTime()) ? iso : dateFormats[lang].format(day);
}

/**
 * Register the element (done when this module loads; call it yourself when a bundler
 * tree-shakes side effects, or to use another tag name).
 */
export function define(name = 'tthc-procedure-list') {
  if (!customElements.get(name)) {
    customElements.define(name, name === 'tthc-procedure-list' ? TthcProcedureList : class extends TthcProcedureList {});
  }
}

define();
