//! The commands of catalogues over time: `import --into` (a decision's list), `report
//! --stale-after`, `diff`, `check`.

mod common;

use common::{stderr, stdout, tthc};

/// A file in this file's own scratch folder (other test files write files of the same names).
fn scratch(name: &str, content: &str) -> std::path::PathBuf {
    common::scratch(&format!("lifecycle-{name}"), content)
}

fn s(p: &std::path::Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

const CATALOGUE: &str = r#"{"tthc":1,"as_of":"2026-03-31",
  "fields":[{"code":"ho-tich","name":"Hộ tịch"}],
  "procedures":[
    {"code":"1.001193","name":"Thủ tục đăng ký khai sinh","field":"ho-tich","levels":["commune"]},
    {"code":"1.000894","name":"Thủ tục đăng ký kết hôn","field":"ho-tich","levels":["commune"]},
    {"code":"1.000656","name":"Thủ tục đăng ký khai tử","field":"ho-tich","levels":["commune"]}],
  "units":[{"code":"91","name":"Tỉnh An Giang","level":"province"},
    {"code":"30985","name":"Xã An Biên","level":"commune","parent":"91","published":{"one_stop_shop":[
      {"procedure":"1.001193","on":"2025-07-03","checked":"2026-03-01"},
      {"procedure":"1.000894","on":"2025-07-03"},"1.000656"]}}]}"#;

#[test]
fn report_with_stale_after() {
    let file = scratch("fresh.json", CATALOGUE);
    let o = tthc(&["report", s(&file), "--stale-after", "90"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains("Cần kiểm tra lại") && out.contains("Chưa kiểm tra"),
        "{out}"
    );
    assert!(
        out.contains("Xã An Biên (30985): cần kiểm tra lại 1 (1.000894); chưa kiểm tra 1"),
        "{out}"
    );
    let o = tthc(&[
        "report",
        s(&file),
        "--stale-after",
        "90",
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(v["units"][1]["stale"], serde_json::json!(["1.000894"]));
    assert_eq!(v["units"][1]["unchecked"], 1);
    let o = tthc(&["report", s(&file), "--stale-after", "0"]);
    assert_eq!(o.status.code(), Some(2), "0 days is a usage error");
    let o = tthc(&["report", s(&file)]);
    assert!(!stdout(&o).contains("Chưa kiểm tra"));
}

#[test]
fn import_a_decision_into_a_catalogue() {
    let catalogue = scratch("into.json", CATALOGUE);
    let list = scratch(
        "decision.csv",
        "UBND TỈNH AN GIANG\n\"Quyết định số 123/QĐ-UBND ngày 30/6/2025\"\n\
         Danh mục thủ tục hành chính thuộc thẩm quyền giải quyết của UBND cấp xã\n\
         Mã TTHC,Tên thủ tục\n1.001193,Đăng ký khai sinh\n1.000894,Đăng ký kết hôn\n",
    );
    let out = scratch("out.json", "");
    let o = tthc(&[
        "import",
        s(&list),
        "--into",
        s(&catalogue),
        "--effective",
        "2025-07-01",
        "-o",
        s(&out),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("decision 123/QĐ-UBND (2 items, the complete list; scope commune within 91, effective 2025-07-01)"),
        "{}",
        stderr(&o)
    );
    let c = tthc::Catalog::from_path(&out, &tthc::io::json::ReadOptions::default())
        .expect("valid catalogue written");
    assert_eq!(c.decisions().len(), 1);
    // The report marks the commune and names the decision.
    let o = tthc(&["report", s(&out)]);
    let text = stdout(&o);
    assert!(text.contains("Xã An Biên (30985) †"), "{text}");
    assert!(text.contains("123/QĐ-UBND (hiệu lực 2025-07-01"), "{text}");
    // Strict: a bad action cell writes nothing and exits 1.
    let bad = scratch("bad.csv", "Mã TTHC,Hình thức\n1.001193,Giữ nguyên\n");
    let none = scratch("none.json", "");
    let o = tthc(&[
        "import",
        s(&bad),
        "--into",
        s(&catalogue),
        "--decision",
        "9",
        "--effective",
        "2025-07-01",
        "--scope",
        "commune",
        "-o",
        s(&none),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("bad_cell at row 2, column \"Hình thức\""),
        "{}",
        stderr(&o)
    );
    assert_eq!(std::fs::read_to_string(&none).expect("file"), "");
    // Decision options need --into.
    let o = tthc(&["import", s(&bad), "--decision", "9"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn diff_table_json_and_exit_code() {
    let old = scratch("old.json", CATALOGUE);
    let new_text = CATALOGUE
        .replace(
            r#""name":"Thủ tục đăng ký kết hôn","field":"ho-tich","levels":["commune"]"#,
            r#""name":"Thủ tục đăng ký kết hôn","field":"ho-tich","levels":["commune"],"amended":"2026-01-01""#,
        )
        .replace(
            r#"{"code":"1.000656","name":"Thủ tục đăng ký khai tử","field":"ho-tich","levels":["commune"]}"#,
            r#"{"code":"1.000656","name":"Thủ tục đăng ký khai tử","field":"ho-tich","levels":["province"]},
               {"code":"1.013000","name":"Thủ tục mới","field":"ho-tich","levels":["commune"]}"#,
        );
    let new = scratch("new.json", &new_text);
    let o = tthc(&["diff", s(&old), s(&new)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    for line in [
        "Thủ tục: thêm 1, bỏ 0, thay đổi 2",
        "  + 1.013000  Thủ tục mới",
        "      amended: — → 2026-01-01",
        "Xã An Biên (30985) — niêm yết tại Bộ phận Một cửa",
        "  Niêm yết mới (1):",
        "    1.013000  Thủ tục mới",
        "  Niêm yết lại (đã sửa đổi) (1):",
        "    1.000894  Thủ tục đăng ký kết hôn",
        "  Gỡ bỏ (1):",
        "    1.000656  Thủ tục đăng ký khai tử",
    ] {
        assert!(
            out.lines().any(|l| l == line),
            "missing {line:?} in:\n{out}"
        );
    }
    let o = tthc(&["diff", s(&old), s(&new), "--format", "json", "--lang", "en"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(v["tthc_diff"], 1);
    assert_eq!(
        v["actions"][1]["take_down"],
        serde_json::json!(["1.000656"])
    );
    // --exit-code: 1 with differences, 0 without; 0 without the flag.
    assert_eq!(
        tthc(&["diff", s(&old), s(&new), "--exit-code"])
            .status
            .code(),
        Some(1)
    );
    assert_eq!(
        tthc(&["diff", s(&old), s(&old), "--exit-code"])
            .status
            .code(),
        Some(0)
    );
    let o = tthc(&["diff", s(&old), s(&old), "--lang", "en"]);
    assert!(stdout(&o).contains("No difference."));
    // Bad input: 1 for an invalid document, 2 for a missing file.
    let bad = scratch("bad.json", r#"{"tthc":1}"#);
    assert_eq!(tthc(&["diff", s(&old), s(&bad)]).status.code(), Some(1));
    assert_eq!(
        tthc(&["diff", s(&old), "/nonexistent.json"]).status.code(),
        Some(2)
    );
}

#[test]
fn check_counts_first_then_findings() {
    let text = CATALOGUE.replace(
        r#""name":"Thủ tục đăng ký khai tử","field":"ho-tich","levels":["commune"]"#,
        r#""name":"Thủ tục đăng ký khai tử","field":"ho-tich","levels":["commune"],"agencies":["Chi cục Hải quan khu vực"]"#,
    );
    let file = scratch("check.json", &text);
    let o = tthc(&["check", s(&file), "--stale-after", "90"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "findings are not errors: {}",
        stderr(&o)
    );
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].ends_with("4 findings (as of 2026-03-31)"), "{out}");
    assert_eq!(lines[1], "  level_agency_mismatch             1");
    assert_eq!(lines[2], "  no_agency                         2");
    assert_eq!(lines[3], "  stale                             1");
    assert!(
        out.contains("level_agency_mismatch at /procedures/2/agencies:"),
        "{out}"
    );
    assert!(
        out.contains("stale at /units/1/published/one_stop_shop/1:"),
        "{out}"
    );
    let o = tthc(&["check", s(&file), "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(v["findings"].as_array().map(Vec::len), Some(3));
    // A portal list is imported on the fly.
    let csv = scratch(
        "list.csv",
        "ma_thu_tuc,ten_thu_tuc,cap_thuc_hien,linh_vuc,co_quan_thuc_hien\n\
         1.000001,Khai báo,Cấp xã,Hải quan,Chi cục Hải quan khu vực\n",
    );
    let o = tthc(&["check", s(&csv)]);
    assert!(
        stdout(&o).contains("level_agency_mismatch"),
        "{}",
        stdout(&o)
    );
}
