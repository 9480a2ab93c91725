//! A small argument parser: positionals and `--name value` options, nothing implicit.

/// Parsed words of one command.
pub struct Args {
    /// Words that are not options, in order.
    pub positional: Vec<String>,
    options: Vec<(String, String)>,
}

impl Args {
    /// Parse `words`; `valued` lists options that take a value, `flags` those that do not.
    pub fn parse(words: &[String], valued: &[&str], flags: &[&str]) -> Result<Args, String> {
        let mut positional = Vec::new();
        let mut options = Vec::new();
        let mut it = words.iter();
        while let Some(w) = it.next() {
            if let Some(name) = w
                .strip_prefix("--")
                .or_else(|| w.strip_prefix('-').filter(|n| n.len() == 1))
            {
                let (name, inline) = match name.split_once('=') {
                    Some((n, v)) => (n, Some(v.to_owned())),
                    None => (name, None),
                };
                if flags.contains(&name) {
                    options.push((name.to_owned(), String::new()));
                } else if valued.contains(&name) {
                    let value = match inline {
                        Some(v) => v,
                        None => it
                            .next()
                            .ok_or(format!("option --{name} needs a value"))?
                            .clone(),
                    };
                    options.push((name.to_owned(), value));
                } else {
                    return Err(format!("unknown option `{w}`"));
                }
            } else {
                positional.push(w.clone());
            }
        }
        Ok(Args {
            positional,
            options,
        })
    }

    /// The last value of an option.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.options
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Whether a flag is present.
    pub fn flag(&self, name: &str) -> bool {
        self.options.iter().any(|(n, _)| n == name)
    }

    /// A numeric option with a default.
    pub fn number(&self, name: &str, default: u64) -> Result<u64, String> {
        self.get(name).map_or(Ok(default), |v| {
            v.parse()
                .map_err(|_| format!("--{name} needs a whole number, not `{v}`"))
        })
    }
}

/// Print a usage error and return exit code 2.
pub fn usage_error(message: &str) -> i32 {
    eprintln!("tthc: {message} (see `tthc help`)");
    2
}

/// Exit code and printed problems for a library error: 1 for invalid input, 2 for I/O or usage.
pub fn error_exit(e: &tthc::Error) -> i32 {
    for p in e.problems() {
        eprintln!("{p}");
    }
    match e.family() {
        tthc::Family::Io | tthc::Family::Argument => 2,
        _ => 1,
    }
}
