//! The commands of catalogues over time: `import --into` (a decision's list), `report
//! --stale-after`, `diff`, `check`.

use std::path::PathBuf;
use std::process::{Command, Output};

fn tthc(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tthc"))
        .args(args)
        .env_remove("CLICOLOR_FORCE")
        .output()
        .expect("the tthc binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("stderr is UTF-8")
}

fn scratch(name: &str, content: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("lifecycle");
    std::fs::create_dir_all(&dir).expect("scratch dir");
    let path = dir.join(name);
    std::fs::write(&path, content).expect("scratch file written");
    path
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
