// Compiled (not run) by tests/types.test.mjs with `tsc --noEmit --strict`: the shipped
// declarations must describe the API as documented.
import init, {
  Catalog, validate, fold, foldAll, sortKey, compare, formatPercent, reportColumns,
  type Report, type UnitReport, type GroupReport, type PerUnit, type Fraction, type ListedProcedure,
  type SearchHit, type ValidateOutput, type Problem, type ErrorCode, type Column, type TthcError,
} from "../../dist/web/tthc_wasm.js";
import { define, TthcProcedureList } from "../../dist/web/tthc-widget.js";
import * as node from "../../dist/node/tthc_wasm.js";

export async function web(text: string): Promise<string> {
  await init();
  const catalog = Catalog.fromJson(text);
  const report: Report = catalog.compliance({ channel: "portal", asOf: "2026-01-01" });
  const unit: UnitReport = report.units[0];
  const alone: UnitReport = catalog.unitCompliance(unit.unit, { channel: "national" });
  const rate: Fraction | null = alone.rate;
  const percent: string = formatPercent(unit.rate, "vi");
  // Per-unit counts are [smallest, largest] counts, not fractions.
  const group: GroupReport | undefined = report.groups[0];
  const perUnit: PerUnit | null = group?.published_per_unit ?? null;
  const rows: ListedProcedure[] = catalog.procedureList({ unit: unit.unit, status: "missing" });
  const fieldName: string = rows[0].field_name;
  const level = catalog.procedureList({ level: "commune" });
  const jsonLd: string = catalog.schemaOrg({ unit: unit.unit });
  const hits: SearchHit[] = catalog.search("dang ky", { limit: 3 });
  const found: string[] = catalog.searchCodes("dang ky", { limit: catalog.procedureCount });
  const checked: ValidateOutput = validate(text, { maxBytes: 1000 });
  const codes: ErrorCode[] = checked.errors.map((p: Problem) => p.code);
  const columns: Column[] = reportColumns();
  const key: Uint8Array = sortKey("Đông");
  const order: number = compare("a", "b");
  const folded: string[] = foldAll(rows.map((r) => r.name));
  catalog.compliance();
  catalog.procedureList();
  catalog.search("x");
  try {
    Catalog.fromJson("{", { maxBytes: 10 });
  } catch (e) {
    const err = e as TthcError;
    const first: { code: string; path: string; message: string } = err.errors[0];
    return `${err.code} ${err.path} ${first.message}`;
  }
  return [percent, rate, perUnit, fieldName, level.length, hits[0]?.score, found, codes, columns[0].type, key.length, order, folded, fold("Đ")].join();
}

export function nodeApi(text: string): number | null {
  return node.Catalog.fromJson(text).compliance().units[0]?.percent ?? null;
}

export function widget(): void {
  define();
  const el: TthcProcedureList = document.createElement("tthc-procedure-list");
  el.setAttribute("unit", "30988");
  el.addEventListener("tthc-render", (e) => console.log(e.detail.rows, e.detail.timings?.total, e.detail.timings?.index));
  void el.ready;
}
