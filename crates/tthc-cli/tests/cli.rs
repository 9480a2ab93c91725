//! The `tthc` binary as people run it: help, version, typos, exit statuses and outputs.
//! Every child's stdout and stderr are pipes, so stderr is never a terminal here.

mod common;

use common::{scratch, stderr, stdout, tthc};

#[test]
fn help_lists_the_commands_and_examples() {
    let o = tthc(&["--help"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    for command in [
        "report",
        "validate",
        "diff",
        "check",
        "synth",
        "import",
        "stats",
        "export",
        "search",
        "fold",
        "sort",
        "completions",
    ] {
        assert!(out.contains(command), "`{command}` missing from:\n{out}");
    }
    assert!(out.contains("Examples:"), "{out}");
    assert!(
        !out.contains('\x1b'),
        "no colour when not a terminal: {out:?}"
    );
}

#[test]
fn no_command_prints_the_help() {
    let o = tthc(&[]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("Usage: tthc"), "{}", stdout(&o));
}

#[test]
fn every_command_has_help_with_examples() {
    for command in [
        "report",
        "validate",
        "diff",
        "check",
        "synth",
        "import",
        "stats",
        "export",
        "search",
        "fold",
        "sort",
        "completions",
    ] {
        let o = tthc(&[command, "--help"]);
        assert_eq!(o.status.code(), Some(0), "{command}: {}", stderr(&o));
        let out = stdout(&o);
        assert!(out.contains("Examples:"), "{command}:\n{out}");
        assert!(
            out.contains(&format!("tthc {command}")),
            "{command}:\n{out}"
        );
    }
    let o = tthc(&["help", "report"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("Examples:"));
}

#[test]
fn report_help_lists_the_core_vocabulary() {
    use tthc::Vocabulary as _;
    let out = stdout(&tthc(&["report", "--help"]));
    for word in tthc::Channel::ALL
        .iter()
        .map(|c| c.word())
        .chain(tthc::OutputFormat::ALL.iter().map(|f| f.word()))
        .chain(tthc::Lang::ALL.iter().map(|l| l.word()))
    {
        assert!(out.contains(word), "`{word}` missing from:\n{out}");
    }
}

#[test]
fn version() {
    let o = tthc(&["--version"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        stdout(&o).trim(),
        format!("tthc {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn a_typo_gets_a_suggestion() {
    let o = tthc(&["reprot"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    let err = stderr(&o);
    assert!(err.contains("'report'"), "{err}");
}

#[test]
fn an_unknown_channel_lists_the_channels() {
    let o = tthc(&["report", "--channel", "website"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    let err = stderr(&o);
    assert!(err.contains("website"), "{err}");
    assert!(
        err.contains("one_stop_shop, portal, national"),
        "the channels are listed: {err}"
    );
    let o = tthc(&["report", "--channel", "portl"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("'portal'"), "{}", stderr(&o));
}

#[test]
fn a_bad_date_is_a_usage_error_with_the_core_message() {
    let o = tthc(&["report", "--as-of", "2018-02-30"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("`2018-02-30` is not a real day written YYYY-MM-DD"),
        "{err}"
    );
}

#[test]
fn report_csv_has_the_unit_columns() {
    let o = tthc(&["report", "--format", "csv"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    let header: Vec<&str> = tthc::compliance::columns::UNIT_COLUMNS
        .iter()
        .map(|c| c.name)
        .collect();
    assert_eq!(out.lines().next(), Some(header.join(",").as_str()));
    let catalog = tthc::Catalog::an_bien_2018();
    assert_eq!(out.lines().count(), 1 + catalog.units().len());
}

#[test]
fn report_json_is_the_report() {
    let o = tthc(&["report", "--format", "json", "--channel", "portal"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(v["tthc_report"], 1);
    assert_eq!(v["channel"], "portal");
    assert!(v["units"].as_array().is_some_and(|u| !u.is_empty()));
}

#[test]
fn report_table_is_the_readme_table() {
    let o = tthc(&["report"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    for line in [
        "Đơn vị                           Cấp         Lĩnh vực  TTHC áp dụng  Đã công khai  Tỷ lệ              Hạng",
        "  Huyện An Biên (908) (*)        Cấp huyện      39/39           261           261  100,0% ██████████     1",
        "    Thị trấn Thứ Ba (30985) (*)  Cấp xã     khoảng 28             —    khoảng 108  —",
    ] {
        assert!(out.lines().any(|l| l == line), "missing {line:?} in:\n{out}");
    }
}

#[test]
fn a_successful_report_writes_nothing_to_stderr() {
    let o = tthc(&["report"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(o.stderr.is_empty(), "{}", stderr(&o));
    // Reading a file is where the spinner would run: hidden, stderr not being a terminal.
    let file = scratch(
        "an-bien.json",
        &tthc::Catalog::an_bien_2018().to_json_pretty(),
    );
    let o = tthc(&["report", file.to_str().expect("UTF-8 path")]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(o.stderr.is_empty(), "{}", stderr(&o));
    assert_eq!(stdout(&o), stdout(&tthc(&["report"])));
}

#[test]
fn validate_a_bad_document_exits_1() {
    let file = scratch(
        "bad.json",
        r#"{"tthc": 1, "fields": [],
          "procedures": [{"code": "1.0011", "name": "x", "field": "ho-tich", "levels": ["commune"]}]}"#,
    );
    let path = file.to_str().expect("UTF-8 path");
    let o = tthc(&["validate", path]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("3 errors"), "{err}");
    assert!(err.contains("bad_code at /procedures/0/code"), "{err}");

    let o = tthc(&["validate", path, "--format", "json"]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(v["errors"].as_array().map(Vec::len), Some(3));
}

#[test]
fn validate_a_good_document_and_a_missing_one() {
    let file = scratch("good.json", &tthc::Catalog::an_bien_2018().to_json_pretty());
    let path = file.to_str().expect("UTF-8 path");
    for format in ["table", "text"] {
        let o = tthc(&["validate", path, "--format", format]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        assert!(stdout(&o).contains("valid"));
    }
    let o = tthc(&["validate", "/nonexistent/catalogue.json"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn completions_for_each_shell() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let o = tthc(&["completions", shell]);
        assert_eq!(o.status.code(), Some(0), "{shell}: {}", stderr(&o));
        let out = stdout(&o);
        assert!(out.contains("tthc"), "{shell}");
        assert!(out.contains("channel"), "{shell}: options completed");
        if shell != "powershell" {
            // clap_complete's PowerShell script completes options, not their values.
            assert!(out.contains("one_stop_shop"), "{shell}: channels completed");
        }
    }
    let o = tthc(&["completions", "tcsh"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn search_fold_and_sort() {
    let o = tthc(&[
        "search", "dang", "ky", "khai", "sinh", "--limit", "1", "--format", "json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(v[0]["code"], "1.001193");
    assert_eq!(v[0]["field"], "ho-tich");

    let o = tthc(&["fold", "Đăng", "Ký", "-x"]);
    assert_eq!(stdout(&o), "dang ky -x\n");

    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_tthc"))
        .arg("sort")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("tthc sort runs");
    {
        use std::io::Write as _;
        let mut stdin = child.stdin.take().expect("stdin");
        stdin
            .write_all("Xã Tây Yên\nXã Đông Thái\nXã An Biên\n".as_bytes())
            .expect("written");
    }
    let o = child.wait_with_output().expect("tthc sort ends");
    assert_eq!(stdout(&o), "Xã An Biên\nXã Đông Thái\nXã Tây Yên\n");
}

#[test]
fn synth_checks_sizes_and_needs_an_output() {
    let o = tthc(&["synth", "--communes", "100000", "-o", "x.json"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--communes"), "{}", stderr(&o));
    let o = tthc(&["synth"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--output"), "{}", stderr(&o));
}
