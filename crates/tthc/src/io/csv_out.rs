//! The one CSV writer: RFC 4180 records (comma, `\n` line ends), a cell quoted when it holds
//! a comma, a quote or a line break, or starts or ends with white space (which readers trim).

/// Append one record to `out`.
pub fn write_record<'a>(out: &mut String, cells: impl IntoIterator<Item = &'a str>) {
    for (i, cell) in cells.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let quote = cell.contains([',', '"', '\n', '\r'])
            || cell.starts_with(char::is_whitespace)
            || cell.ends_with(char::is_whitespace);
        if quote {
            out.push('"');
            out.push_str(&cell.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(cell);
        }
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::write_record;

    #[test]
    fn quotes_only_where_needed() {
        let mut out = String::new();
        write_record(&mut out, ["a", "b,c", "say \"hi\"", " x", "Xã Tây Yên"]);
        assert_eq!(out, "a,\"b,c\",\"say \"\"hi\"\"\",\" x\",Xã Tây Yên\n");
    }
}
