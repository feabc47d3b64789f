//! Untrusted text on a terminal: messages that come from the engine or a registry (daemon
//! errors, pull status and error lines, warnings) can carry escape sequences that would move
//! the cursor, retitle the window, or hide text when printed to a terminal. As ripgrep and fd
//! do for file names, such text is shown with its control characters made visible — but only
//! when the destination is a terminal: piped output stays byte-identical to docker's.
//!
//! Kept: newline and tab (docker's own multi-line and tabular messages). Escaped: every other
//! C0 control (including ESC and CR), DEL, the C1 controls (U+0080–U+009F, among them the
//! 8-bit CSI U+009B), and the bidirectional overrides and isolates (U+202A–U+202E,
//! U+2066–U+2069) that can make text read differently from what it is. A container's own
//! output (`logs`, attached `run`) is never touched: it is the user's data.

use std::borrow::Cow;
use std::io::IsTerminal;

/// True for a character that must not reach a terminal as is.
pub fn is_dangerous(c: char) -> bool {
    match c {
        '\n' | '\t' => false,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => true,
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => true,
        _ => false,
    }
}

/// `s` with every dangerous character written as a visible escape: `\x1b` for one below
/// U+0100, `\u{202e}` above.
pub fn escape_controls(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_dangerous) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if !is_dangerous(c) {
            out.push(c);
        } else if (c as u32) < 0x100 {
            out.push_str(&format!("\\x{:02x}", c as u32));
        } else {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        }
    }
    Cow::Owned(out)
}

/// `s` as it should be written to a destination that is (`true`) or is not a terminal.
pub fn for_destination(s: &str, is_terminal: bool) -> Cow<'_, str> {
    if is_terminal {
        escape_controls(s)
    } else {
        Cow::Borrowed(s)
    }
}

/// `s` as it should be written to this process's stderr.
pub fn for_stderr(s: &str) -> Cow<'_, str> {
    for_destination(s, std::io::stderr().is_terminal())
}

/// A rendered `ps`/`images` listing for stdout: a table (`format` empty or `table …`) holds the
/// daemon's words (names, images, labels), so on a terminal their control characters are made
/// visible; a custom `--format` is the user's own output and, like anything piped, untouched.
pub fn listing_for_stdout(format: &str, rendered: Vec<u8>) -> Vec<u8> {
    let is_table = format.is_empty() || format.trim_start().starts_with("table");
    if !is_table || !std::io::stdout().is_terminal() {
        return rendered;
    }
    match std::str::from_utf8(&rendered) {
        Ok(text) => escape_controls(text).into_owned().into_bytes(),
        Err(_) => escape_controls(&String::from_utf8_lossy(&rendered))
            .into_owned()
            .into_bytes(),
    }
}

/// Write part of a listing streamed as it comes (`ps -q`, `images -q`): escaped as
/// [`listing_for_stdout`] would when `terminal` (stdout is a terminal, asked once).
pub fn write_listing_part<W: std::io::Write>(
    out: &mut W,
    format: &str,
    terminal: bool,
    part: Vec<u8>,
) -> std::io::Result<()> {
    if terminal {
        out.write_all(&listing_for_stdout(format, part))
    } else {
        out.write_all(&part)
    }
}

/// `s` as it should be written to this process's stdout.
pub fn for_stdout(s: &str) -> Cow<'_, str> {
    for_destination(s, std::io::stdout().is_terminal())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_borrowed_untouched() {
        let s = "Error response from daemon: No such container: x\n\tdetail ü 日本";
        assert!(matches!(escape_controls(s), Cow::Borrowed(_)));
    }

    #[test]
    fn controls_are_made_visible() {
        assert_eq!(
            escape_controls("a\x1b[31mred\x1b]0;title\x07\rb\x7f"),
            "a\\x1b[31mred\\x1b]0;title\\x07\\rb\\x7f".replace("\\r", "\\x0d")
        );
        assert_eq!(escape_controls("\u{9b}2J"), "\\x9b2J");
        assert_eq!(escape_controls("abc\u{202e}fed"), "abc\\u{202e}fed");
        assert_eq!(escape_controls("\0"), "\\x00");
    }

    #[test]
    fn only_terminals_get_escapes() {
        let s = "x\x1b[2Jy";
        assert_eq!(for_destination(s, false), s);
        assert_eq!(for_destination(s, true), "x\\x1b[2Jy");
    }

    #[test]
    fn escaping_is_idempotent_and_never_leaves_a_control() {
        for s in ["\x1b\x1b", "\\x1b", "\u{85}\u{2067}\r\n\t", ""] {
            let once = escape_controls(s).into_owned();
            assert!(!once.chars().any(is_dangerous), "{once:?}");
            assert_eq!(escape_controls(&once), once);
        }
    }
}
