// Compiled (not run) by tests/types.test.mjs with `tsc --noEmit --strict`: the shipped
// declarations must describe the API as documented.
import init, { Catalog, fold, foldAll, sortKey, compare, formatPercent, type Report, type ListedProcedure, type TthcError } from "../../dist/web/tthc_wasm.js";
import { define, TthcProcedureList } from "../../dist/web/tthc-widget.js";
import * as node from "../../dist/node/tthc_wasm.js";

export async function web(text: string): Promise<string> {
  await init();
  const catalog = Catalog.fromJson(text);
  const report: Report = catalog.compliance({ channel: "portal", asOf: "2026-01-01" });
  const unit = report.units[0];
  const percent: string = formatPercent(unit.rate, "vi");
  const rows: ListedProcedure[] = catalog.procedures({ unit: unit.unit, status: "missing" });
  const level = catalog.procedures({ level: "commune" });
  const hits = catalog.search("dang ky", { limit: 3 });
  const key: Uint8Array = sortKey("Đông");
  const order: number = compare("a", "b");
  const folded: string[] = foldAll(rows.map((r) => r.name));
  catalog.compliance();
  catalog.procedures();
  catalog.search("x");
  try {
    Catalog.fromJson("{", { maxBytes: 10 });
  } catch (e) {
    const err = e as TthcError;
    const first: { code: string; path: string; message: string } = err.errors[0];
    return `${err.code} ${err.path} ${first.message}`;
  }
  return [percent, level.length, hits[0]?.score, key.length, order, folded, fold("Đ")].join();
}

export function nodeApi(text: string): number | null {
  return node.Catalog.fromJson(text).compliance().units[0]?.percent ?? null;
}

export function widget(): void {
  define();
  const el: TthcProcedureList = document.createElement("tthc-procedure-list");
  el.setAttribute("unit", "30988");
  el.addEventListener("tthc-render", (e) => console.log(e.detail.rows, e.detail.timings?.total));
  void el.ready;
}
