//! A spinner on stderr while a long operation runs (loading, importing, generating), drawn only
//! when stderr is a terminal: piped or redirected, nothing extra is written.

use std::io::IsTerminal as _;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// A running spinner; it is cleared when dropped.
pub struct Spinner(ProgressBar);

impl Spinner {
    /// Start a spinner saying `message` (hidden when stderr is not a terminal).
    pub fn start(message: impl Into<String>) -> Spinner {
        if !std::io::stderr().is_terminal() {
            return Spinner(ProgressBar::hidden());
        }
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
        bar.set_style(
            ProgressStyle::with_template("{spinner} {msg} {elapsed}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        bar.set_message(message.into());
        bar.enable_steady_tick(Duration::from_millis(100));
        Spinner(bar)
    }

    /// Say what is being done now.
    pub fn say(&self, message: impl Into<String>) {
        self.0.set_message(message.into());
    }
}

impl Drop for Spinner {
    fn drop(&mut self) {
        self.0.finish_and_clear();
    }
}
