//! docker's fork of Go's `text/tabwriter` (docker/cli `cli/command/formatter/tabwriter`, v28.2.2):
//! tab-terminated cells aligned in columns, a column's width computed over the run of consecutive
//! lines that have that column, widths measured in terminal cells (East-Asian wide = 2).
//!
//! `docker ps`/`docker images` tables use [`TabWriter::docker`] (minwidth 10, tabwidth 1,
//! padding 3, padchar ' ', no flags): a column is as wide as its widest cell plus 3, at least 10,
//! and the last cell of a line is never padded.

use std::io::{self, Write};
use unicode_width::UnicodeWidthStr;

/// Treat `<`…`>` tags and `&`…`;` entities as zero-width / one-cell text.
pub const FILTER_HTML: u32 = 1;
/// Strip the Escape (0xff) bytes bracketing escaped text.
pub const STRIP_ESCAPE: u32 = 2;
/// Right-align cell contents.
pub const ALIGN_RIGHT: u32 = 4;
/// Give columns whose cells are all empty and soft-terminated zero width.
pub const DISCARD_EMPTY_COLUMNS: u32 = 8;
/// Pad leading empty cells with tabs whatever the padchar.
pub const TAB_INDENT: u32 = 16;
/// Print a vertical bar between columns.
pub const DEBUG: u32 = 32;

/// Bytes between two Escape bytes are written through unchanged and measured as text.
pub const ESCAPE: u8 = 0xff;

#[derive(Clone, Copy, Default, Debug)]
struct Cell {
    /// cell size in bytes
    size: usize,
    /// cell width in terminal cells
    width: usize,
    /// terminated by a horizontal tab
    htab: bool,
}

/// A writer that aligns tab-separated cells, like Go's `tabwriter.Writer`.
/// Text is buffered until [`Write::flush`] (or a line without tabs, or a form feed).
pub struct TabWriter<W: Write> {
    out: W,
    minwidth: usize,
    tabwidth: usize,
    padding: usize,
    padchar: u8,
    flags: u32,

    buf: Vec<u8>,
    pos: usize,
    cell: Cell,
    end_char: u8,
    lines: Vec<Vec<Cell>>,
    widths: Vec<usize>,
}

/// Display width of `text` as go-runewidth's `StringWidth` measures it: East-Asian wide and
/// fullwidth characters take 2 cells, combining marks and control characters 0, an invalid byte 1.
pub fn display_width(text: &[u8]) -> usize {
    let s = String::from_utf8_lossy(text);
    if s.chars().any(char::is_control) {
        let cleaned: String = s.chars().filter(|c| !c.is_control()).collect();
        cleaned.width()
    } else {
        s.width()
    }
}

impl<W: Write> TabWriter<W> {
    /// Go's `tabwriter.NewWriter(out, minwidth, tabwidth, padding, padchar, flags)`.
    pub fn new(
        out: W,
        minwidth: usize,
        tabwidth: usize,
        padding: usize,
        padchar: u8,
        mut flags: u32,
    ) -> Self {
        if padchar == b'\t' {
            flags &= !ALIGN_RIGHT;
        }
        let mut w = TabWriter {
            out,
            minwidth,
            tabwidth,
            padding,
            padchar,
            flags,
            buf: Vec::new(),
            pos: 0,
            cell: Cell::default(),
            end_char: 0,
            lines: Vec::new(),
            widths: Vec::new(),
        };
        w.reset();
        w
    }

    /// docker's table settings: `tabwriter.NewWriter(out, 10, 1, 3, ' ', 0)`.
    pub fn docker(out: W) -> Self {
        TabWriter::new(out, 10, 1, 3, b' ', 0)
    }

    /// Flush the buffered text and return the underlying writer.
    pub fn into_inner(mut self) -> io::Result<W> {
        self.flush_tab()?;
        Ok(self.out)
    }

    /// A reference to the underlying writer.
    pub fn get_ref(&self) -> &W {
        &self.out
    }

    fn reset(&mut self) {
        self.buf.clear();
        self.pos = 0;
        self.cell = Cell::default();
        self.end_char = 0;
        self.lines.clear();
        self.widths.clear();
        self.lines.push(Vec::new());
    }

    fn write_padding(&mut self, textw: usize, cellw: usize, use_tabs: bool) -> io::Result<()> {
        if self.padchar == b'\t' || use_tabs {
            if self.tabwidth == 0 {
                return Ok(());
            }
            let cellw = cellw.div_ceil(self.tabwidth) * self.tabwidth;
            let n = cellw.saturating_sub(textw);
            let tabs = n.div_ceil(self.tabwidth);
            self.out.write_all(&vec![b'\t'; tabs])?;
            return Ok(());
        }
        let n = cellw.saturating_sub(textw);
        self.out.write_all(&vec![self.padchar; n])
    }

    fn write_lines(&mut self, pos0: usize, line0: usize, line1: usize) -> io::Result<usize> {
        let mut pos = pos0;
        for i in line0..line1 {
            let mut use_tabs = self.flags & TAB_INDENT != 0;
            for j in 0..self.lines[i].len() {
                let c = self.lines[i][j];
                if j > 0 && self.flags & DEBUG != 0 {
                    self.out.write_all(b"|")?;
                }
                if c.size == 0 {
                    if j < self.widths.len() {
                        self.write_padding(c.width, self.widths[j], use_tabs)?;
                    }
                } else {
                    use_tabs = false;
                    if self.flags & ALIGN_RIGHT == 0 {
                        self.out.write_all(&self.buf[pos..pos + c.size])?;
                        pos += c.size;
                        if j < self.widths.len() {
                            self.write_padding(c.width, self.widths[j], false)?;
                        }
                    } else {
                        if j < self.widths.len() {
                            self.write_padding(c.width, self.widths[j], false)?;
                        }
                        self.out.write_all(&self.buf[pos..pos + c.size])?;
                        pos += c.size;
                    }
                }
            }
            if i + 1 == self.lines.len() {
                // last buffered line: it has no newline, just the incomplete cell's text
                let end = pos + self.cell.size;
                self.out.write_all(&self.buf[pos..end])?;
                pos = end;
            } else {
                self.out.write_all(b"\n")?;
            }
        }
        Ok(pos)
    }

    /// Go's `format`: a column block is the run of consecutive lines that have a cell in this
    /// column (not counting each line's last cell); nested columns are formatted recursively.
    fn format(&mut self, pos0: usize, line0: usize, line1: usize) -> io::Result<usize> {
        let mut pos = pos0;
        let mut line0 = line0;
        let column = self.widths.len();
        let mut this = line0;
        while this < line1 {
            if column + 1 >= self.lines[this].len() {
                this += 1;
                continue;
            }
            // cell exists in this column => this line has more cells than the previous line
            pos = self.write_lines(pos, line0, this)?;
            line0 = this;

            let mut width = self.minwidth;
            let mut discardable = true;
            while this < line1 {
                let line = &self.lines[this];
                if column + 1 >= line.len() {
                    break;
                }
                let c = line[column];
                let w = c.width + self.padding;
                if w > width {
                    width = w;
                }
                if c.width > 0 || c.htab {
                    discardable = false;
                }
                this += 1;
            }
            if discardable && self.flags & DISCARD_EMPTY_COLUMNS != 0 {
                width = 0;
            }
            self.widths.push(width);
            pos = self.format(pos, line0, this)?;
            self.widths.pop();
            line0 = this;
        }
        self.write_lines(pos, line0, line1)
    }

    fn append(&mut self, text: &[u8]) {
        self.buf.extend_from_slice(text);
        self.cell.size += text.len();
    }

    fn update_width(&mut self) {
        self.cell.width += display_width(&self.buf[self.pos..]);
        self.pos = self.buf.len();
    }

    fn start_escape(&mut self, ch: u8) {
        match ch {
            ESCAPE => self.end_char = ESCAPE,
            b'<' => self.end_char = b'>',
            b'&' => self.end_char = b';',
            _ => {}
        }
    }

    fn end_escape(&mut self) {
        match self.end_char {
            ESCAPE => {
                self.update_width();
                if self.flags & STRIP_ESCAPE == 0 {
                    self.cell.width = self.cell.width.saturating_sub(2);
                }
            }
            b'>' => {}
            b';' => self.cell.width += 1,
            _ => {}
        }
        self.pos = self.buf.len();
        self.end_char = 0;
    }

    fn terminate_cell(&mut self, htab: bool) -> usize {
        self.cell.htab = htab;
        let cell = std::mem::take(&mut self.cell);
        let line = self.lines.last_mut().expect("always one line");
        line.push(cell);
        line.len()
    }

    fn flush_no_defers(&mut self) -> io::Result<()> {
        if self.cell.size > 0 {
            if self.end_char != 0 {
                self.end_escape();
            }
            self.terminate_cell(false);
        }
        let n = self.lines.len();
        let r = self.format(0, 0, n);
        self.reset();
        r.map(|_| ())
    }

    /// Go's `Flush`: format and write everything buffered (the underlying writer is not flushed).
    pub fn flush_tab(&mut self) -> io::Result<()> {
        self.flush_no_defers()
    }

    fn write_tab(&mut self, buf: &[u8]) -> io::Result<()> {
        let mut n = 0;
        for (i, &ch) in buf.iter().enumerate() {
            if self.end_char == 0 {
                match ch {
                    b'\t' | 0x0b | b'\n' | 0x0c => {
                        self.append(&buf[n..i]);
                        self.update_width();
                        n = i + 1;
                        let ncells = self.terminate_cell(ch == b'\t');
                        if ch == b'\n' || ch == 0x0c {
                            self.lines.push(Vec::new());
                            if ch == 0x0c || ncells == 1 {
                                // A line without tabs ends every column block: flush now, so
                                // the next lines start fresh (Go does the same).
                                self.flush_no_defers()?;
                                if ch == 0x0c && self.flags & DEBUG != 0 {
                                    self.out.write_all(b"---\n")?;
                                }
                            }
                        }
                    }
                    ESCAPE => {
                        self.append(&buf[n..i]);
                        self.update_width();
                        n = i;
                        if self.flags & STRIP_ESCAPE != 0 {
                            n += 1;
                        }
                        self.start_escape(ESCAPE);
                    }
                    b'<' | b'&' if self.flags & FILTER_HTML != 0 => {
                        self.append(&buf[n..i]);
                        self.update_width();
                        n = i;
                        self.start_escape(ch);
                    }
                    _ => {}
                }
            } else if ch == self.end_char {
                let mut j = i + 1;
                if ch == ESCAPE && self.flags & STRIP_ESCAPE != 0 {
                    j = i;
                }
                self.append(&buf[n..j]);
                n = i + 1;
                self.end_escape();
            }
        }
        self.append(&buf[n..]);
        Ok(())
    }
}

impl<W: Write> Write for TabWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.write_tab(buf)?;
        Ok(buf.len())
    }

    /// Formats and writes everything buffered (Go's `Flush`), then flushes the underlying writer.
    fn flush(&mut self) -> io::Result<()> {
        self.flush_tab()?;
        self.out.flush()
    }
}

/// Align `input` with docker's table settings and return the bytes.
pub fn format_docker_table(input: &[u8]) -> Vec<u8> {
    let mut tw = TabWriter::docker(Vec::new());
    tw.write_all(input).expect("writing to a Vec cannot fail");
    tw.into_inner().expect("writing to a Vec cannot fail")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn docker(input: &str) -> String {
        String::from_utf8(format_docker_table(input.as_bytes())).unwrap()
    }

    #[test]
    fn empty_ps_header_matches_docker() {
        // `docker ps --filter name=nothing | cat -A` (docker-cli-behaviour.md §2)
        let header = "CONTAINER ID\tIMAGE\tCOMMAND\tCREATED\tSTATUS\tPORTS\tNAMES\n";
        assert_eq!(
            docker(header),
            "CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n"
        );
    }

    #[test]
    fn columns_take_widest_cell_plus_padding_min_10() {
        let input = "STATE\tNAMES\nexited\tbeh-logs\n";
        assert_eq!(docker(input), "STATE     NAMES\nexited    beh-logs\n");
        let input = "REPOSITORY\tTAG\tIMAGE ID\nlocalhost:5000/busybox\t1\td592c1a8346a\nbusybox\tlatest\td592c1a8346a\n";
        assert_eq!(
            docker(input),
            "REPOSITORY               TAG       IMAGE ID\n\
             localhost:5000/busybox   1         d592c1a8346a\n\
             busybox                  latest    d592c1a8346a\n"
        );
    }

    #[test]
    fn last_cell_is_never_padded_and_empty_trailing_cell_is() {
        // "a\t" has an empty last cell: the first cell is padded, the empty one is not.
        assert_eq!(docker("a\t\nbb\tc\n"), "a         \nbb        c\n");
        // no trailing whitespace after the last cell
        assert_eq!(
            docker("x\tyyyyyyyyyyyyyyyy\n"),
            "x         yyyyyyyyyyyyyyyy\n"
        );
    }

    #[test]
    fn wide_characters_count_two_cells() {
        // 漢字 is 4 cells wide, é is 1, … (U+2026) is 1
        let out = docker("漢字\tx\né\ty\n…\tz\n");
        assert_eq!(out, "漢字      x\né         y\n…         z\n");
        let out = docker("漢字漢字漢字漢字\tx\na\ty\n");
        // 16 cells + 3 padding = 19
        assert_eq!(out, "漢字漢字漢字漢字   x\na                  y\n");
    }

    #[test]
    fn line_without_tabs_splits_column_blocks() {
        // The middle line has one cell, so the first and last lines are aligned separately.
        let out = docker("aaaaaaaaaaaaaaa\tb\nplain line\nc\td\n");
        assert_eq!(out, "aaaaaaaaaaaaaaa   b\nplain line\nc         d\n");
    }

    #[test]
    fn column_blocks_follow_go_for_ragged_lines() {
        // Go's tabwriter: column 1 is aligned over lines 1-2 only (line 3 has no column 1).
        let input = "a\tbbbbbbbbbbbbbb\tc\nd\te\tf\ng\th\n";
        let out = docker(input);
        assert_eq!(
            out,
            "a         bbbbbbbbbbbbbb   c\n\
             d         e                f\n\
             g         h\n"
        );
        // a short line in the middle of a block ends the inner block
        let input = "x\ty\tlong-third-cell\tq\nx\ty\nx\ty\tz\tw\n";
        assert_eq!(
            docker(input),
            "x         y         long-third-cell   q\n\
             x         y\n\
             x         y         z         w\n"
        );
    }

    #[test]
    fn text_without_final_newline_is_written_on_flush() {
        assert_eq!(docker("a\tb\nc\td"), "a         b\nc         d");
        assert_eq!(docker(""), "");
        assert_eq!(docker("\n"), "\n");
    }

    #[test]
    fn writes_may_be_split_anywhere() {
        let input = "NAME\tIMAGE\tSTATUS\nweb-1\tnginx:latest\tUp 2 hours\n漢字\tx\ty\n";
        let whole = docker(input);
        let mut tw = TabWriter::docker(Vec::new());
        for b in input.as_bytes() {
            tw.write_all(std::slice::from_ref(b)).unwrap();
        }
        assert_eq!(String::from_utf8(tw.into_inner().unwrap()).unwrap(), whole);
    }

    /// Go's text/tabwriter test table (tabwriter_test.go), run like Go runs it: written all
    /// at once, byte by byte, and in Fibonacci-sized slices. Only case "11" differs: docker's
    /// fork measures 本 as two cells where Go's original counts runes.
    #[test]
    fn go_tabwriter_test_table() {
        type Case = (
            &'static str,
            usize,
            usize,
            usize,
            u8,
            u32,
            &'static [u8],
            &'static [u8],
        );
        let cases: &[Case] = &[
            ("1a", 8, 0, 1, b'.', 0, b"", b""),
            ("1a debug", 8, 0, 1, b'.', DEBUG, b"", b""),
            ("1b esc stripped", 8, 0, 1, b'.', STRIP_ESCAPE, b"\xff\xff", b""),
            ("1b esc", 8, 0, 1, b'.', 0, b"\xff\xff", b"\xff\xff"),
            ("1c esc stripped", 8, 0, 1, b'.', STRIP_ESCAPE, b"\xff\t\xff", b"\t"),
            ("1c esc", 8, 0, 1, b'.', 0, b"\xff\t\xff", b"\xff\t\xff"),
            ("1d esc stripped", 8, 0, 1, b'.', STRIP_ESCAPE, b"\xff\"foo\t\n\tbar\"\xff", b"\"foo\t\n\tbar\""),
            ("1d esc", 8, 0, 1, b'.', 0, b"\xff\"foo\t\n\tbar\"\xff", b"\xff\"foo\t\n\tbar\"\xff"),
            ("1e esc stripped", 8, 0, 1, b'.', STRIP_ESCAPE, b"abc\xff\tdef", b"abc\tdef"),
            ("1e esc", 8, 0, 1, b'.', 0, b"abc\xff\tdef", b"abc\xff\tdef"),
            ("2", 8, 0, 1, b'.', 0, b"\n\n\n", b"\n\n\n"),
            ("3", 8, 0, 1, b'.', 0, b"a\nb\nc", b"a\nb\nc"),
            ("4a", 8, 0, 1, b'.', 0, b"\t", b""),
            ("4b", 8, 0, 1, b'.', ALIGN_RIGHT, b"\t", b""),
            ("5", 8, 0, 1, b'.', 0, b"*\t*", b"*.......*"),
            ("5b", 8, 0, 1, b'.', 0, b"*\t*\n", b"*.......*\n"),
            ("5c", 8, 0, 1, b'.', 0, b"*\t*\t", b"*.......*"),
            ("5c debug", 8, 0, 1, b'.', DEBUG, b"*\t*\t", b"*.......|*"),
            ("5d", 8, 0, 1, b'.', ALIGN_RIGHT, b"*\t*\t", b".......**"),
            ("6", 8, 0, 1, b'.', 0, b"\t\n", b"........\n"),
            ("7a", 8, 0, 1, b'.', 0, b"a) foo", b"a) foo"),
            ("7b", 8, 0, 1, b' ', 0, b"b) foo\tbar", b"b) foo  bar"),
            ("7c", 8, 0, 1, b'.', 0, b"c) foo\tbar\t", b"c) foo..bar"),
            ("7d", 8, 0, 1, b'.', 0, b"d) foo\tbar\n", b"d) foo..bar\n"),
            ("7e", 8, 0, 1, b'.', 0, b"e) foo\tbar\t\n", b"e) foo..bar.....\n"),
            ("7f", 8, 0, 1, b'.', FILTER_HTML, b"f) f&lt;o\t<b>bar</b>\t\n", b"f) f&lt;o..<b>bar</b>.....\n"),
            ("7g", 8, 0, 1, b'.', FILTER_HTML,
                b"g) f&lt;o\t<b>bar</b>\t non-terminated entity &amp",
                b"g) f&lt;o..<b>bar</b>..... non-terminated entity &amp"),
            ("7g debug", 8, 0, 1, b'.', FILTER_HTML | DEBUG,
                b"g) f&lt;o\t<b>bar</b>\t non-terminated entity &amp",
                b"g) f&lt;o..|<b>bar</b>.....| non-terminated entity &amp"),
            ("8", 8, 0, 1, b'*', 0, b"Hello, world!\n", b"Hello, world!\n"),
            ("9a", 1, 0, 0, b'.', 0,
                b"1\t2\t3\t4\n11\t222\t3333\t44444\n",
                b"1.2..3...4\n11222333344444\n"),
            ("9b", 1, 0, 0, b'.', FILTER_HTML,
                b"1\t2<!---\x0c--->\t3\t4\n11\t222\t3333\t44444\n",
                b"1.2<!---\x0c--->..3...4\n11222333344444\n"),
            ("9c", 1, 0, 0, b'.', 0,
                b"1\t2\t3\t4\x0c11\t222\t3333\t44444\n",
                b"1234\n11222333344444\n"),
            ("9c debug", 1, 0, 0, b'.', DEBUG,
                b"1\t2\t3\t4\x0c11\t222\t3333\t44444\n",
                b"1|2|3|4\n---\n11|222|3333|44444\n"),
            ("10a", 5, 0, 0, b'.', 0, b"1\t2\t3\t4\n", b"1....2....3....4\n"),
            ("10b", 5, 0, 0, b'.', 0, b"1\t2\t3\t4\t\n", b"1....2....3....4....\n"),
            // Go: "本.......b.......c\naa......本本本.....cccc....ddddd\n…" (runes, not cells)
            ("11", 8, 0, 1, b'.', 0,
                "本\tb\tc\naa\t本本本\tcccc\tddddd\naaa\tbbbb\n".as_bytes(),
                "本......b.......c\naa......本本本..cccc....ddddd\naaa.....bbbb\n".as_bytes()),
            ("12a", 8, 0, 1, b' ', ALIGN_RIGHT,
                "a\tè\tc\t\naa\tèèè\tcccc\tddddd\t\naaa\tèèèè\t\n".as_bytes(),
                "       a       è       c\n      aa     èèè    cccc   ddddd\n     aaa    èèèè\n".as_bytes()),
            ("12b", 2, 0, 0, b' ', 0,
                b"a\tb\tc\naa\tbbb\tcccc\naaa\tbbbb\n",
                b"a  b  c\naa bbbcccc\naaabbbb\n"),
            ("12c", 8, 0, 1, b'_', 0,
                b"a\tb\tc\naa\tbbb\tcccc\naaa\tbbbb\n",
                b"a_______b_______c\naa______bbb_____cccc\naaa_____bbbb\n"),
            ("13a", 4, 0, 1, b'-', 0,
                "4444\t日本語\t22\t1\t333\n999999999\t22\n7\t22\n\t\t\t88888888\n\n666666\t666666\t666666\t4444\n1\t1\t999999999\t0000000000\n".as_bytes(),
                "4444------日本語-22--1---333\n999999999-22\n7---------22\n------------------88888888\n\n666666-666666-666666----4444\n1------1------999999999-0000000000\n".as_bytes()),
            ("13b", 4, 0, 3, b'.', 0,
                b"4444\t333\t22\t1\t333\n999999999\t22\n7\t22\n\t\t\t88888888\n\n666666\t666666\t666666\t4444\n1\t1\t999999999\t0000000000\n",
                b"4444........333...22...1...333\n999999999...22\n7...........22\n....................88888888\n\n666666...666666...666666......4444\n1........1........999999999...0000000000\n"),
            ("13c", 8, 8, 1, b'\t', FILTER_HTML,
                "4444\t333\t22\t1\t333\n999999999\t22\n7\t22\n\t\t\t88888888\n\n666666\t666666\t666666\t4444\n1\t1\t<font color=red attr=日本語>999999999</font>\t0000000000\n".as_bytes(),
                "4444\t\t333\t22\t1\t333\n999999999\t22\n7\t\t22\n\t\t\t\t88888888\n\n666666\t666666\t666666\t\t4444\n1\t1\t<font color=red attr=日本語>999999999</font>\t0000000000\n".as_bytes()),
            ("14", 1, 0, 2, b' ', ALIGN_RIGHT,
                b".0\t.3\t2.4\t-5.1\t\n23.0\t12345678.9\t2.4\t-989.4\t\n5.1\t12.0\t2.4\t-7.0\t\n.0\t0.0\t332.0\t8908.0\t\n.0\t-.3\t456.4\t22.1\t\n.0\t1.2\t44.4\t-13.3\t\t",
                b"    .0          .3    2.4    -5.1\n  23.0  12345678.9    2.4  -989.4\n   5.1        12.0    2.4    -7.0\n    .0         0.0  332.0  8908.0\n    .0         -.3  456.4    22.1\n    .0         1.2   44.4   -13.3"),
            ("14 debug", 1, 0, 2, b' ', ALIGN_RIGHT | DEBUG,
                b".0\t.3\t2.4\t-5.1\t\n23.0\t12345678.9\t2.4\t-989.4\t\n5.1\t12.0\t2.4\t-7.0\t\n.0\t0.0\t332.0\t8908.0\t\n.0\t-.3\t456.4\t22.1\t\n.0\t1.2\t44.4\t-13.3\t\t",
                b"    .0|          .3|    2.4|    -5.1|\n  23.0|  12345678.9|    2.4|  -989.4|\n   5.1|        12.0|    2.4|    -7.0|\n    .0|         0.0|  332.0|  8908.0|\n    .0|         -.3|  456.4|    22.1|\n    .0|         1.2|   44.4|   -13.3|"),
            ("15a", 4, 0, 0, b'.', 0, b"a\t\tb", b"a.......b"),
            ("15b", 4, 0, 0, b'.', DISCARD_EMPTY_COLUMNS, b"a\t\tb", b"a.......b"),
            ("15c", 4, 0, 0, b'.', DISCARD_EMPTY_COLUMNS, b"a\x0b\x0bb", b"a...b"),
            ("15d", 4, 0, 0, b'.', ALIGN_RIGHT | DISCARD_EMPTY_COLUMNS, b"a\x0b\x0bb", b"...ab"),
            ("16a", 100, 100, 0, b'\t', 0,
                b"a\tb\t\td\na\tb\t\td\te\na\na\tb\tc\td\na\tb\tc\td\te\n",
                b"a\tb\t\td\na\tb\t\td\te\na\na\tb\tc\td\na\tb\tc\td\te\n"),
            ("16b", 100, 100, 0, b'\t', DISCARD_EMPTY_COLUMNS,
                b"a\x0bb\x0b\x0bd\na\x0bb\x0b\x0bd\x0be\na\na\x0bb\x0bc\x0bd\na\x0bb\x0bc\x0bd\x0be\n",
                b"a\tb\td\na\tb\td\te\na\na\tb\tc\td\na\tb\tc\td\te\n"),
            ("16b debug", 100, 100, 0, b'\t', DISCARD_EMPTY_COLUMNS | DEBUG,
                b"a\x0bb\x0b\x0bd\na\x0bb\x0b\x0bd\x0be\na\na\x0bb\x0bc\x0bd\na\x0bb\x0bc\x0bd\x0be\n",
                b"a\t|b\t||d\na\t|b\t||d\t|e\na\na\t|b\t|c\t|d\na\t|b\t|c\t|d\t|e\n"),
            ("16c", 100, 100, 0, b'\t', DISCARD_EMPTY_COLUMNS,
                b"a\tb\t\td\na\tb\t\td\te\na\na\tb\tc\td\na\tb\tc\td\te\n",
                b"a\tb\t\td\na\tb\t\td\te\na\na\tb\tc\td\na\tb\tc\td\te\n"),
            ("16c debug", 100, 100, 0, b'\t', DISCARD_EMPTY_COLUMNS | DEBUG,
                b"a\tb\t\td\na\tb\t\td\te\na\na\tb\tc\td\na\tb\tc\td\te\n",
                b"a\t|b\t|\t|d\na\t|b\t|\t|d\t|e\na\na\t|b\t|c\t|d\na\t|b\t|c\t|d\t|e\n"),
        ];
        for &(name, minwidth, tabwidth, padding, padchar, flags, src, expected) in cases {
            let run = |chunks: Vec<&[u8]>, how: &str| {
                let mut tw =
                    TabWriter::new(Vec::new(), minwidth, tabwidth, padding, padchar, flags);
                for c in chunks {
                    tw.write_all(c).unwrap();
                }
                let got = tw.into_inner().unwrap();
                assert_eq!(
                    String::from_utf8_lossy(&got),
                    String::from_utf8_lossy(expected),
                    "case {name} ({how})"
                );
                assert_eq!(got, expected, "case {name} ({how}), bytes");
            };
            run(vec![src], "all at once");
            run(src.chunks(1).collect(), "byte by byte");
            let mut fib = Vec::new();
            let (mut i, mut d) = (0usize, 0usize);
            while i < src.len() {
                fib.push(&src[i..i + d]);
                i += d;
                d += 1;
                if i + d > src.len() {
                    d = src.len() - i;
                }
            }
            run(fib, "fibonacci slices");
        }
    }

    #[test]
    fn escape_bytes_are_passed_through_and_not_measured() {
        let mut input = b"\xffab\xff\tx\nlong-cell-here\ty\n".to_vec();
        let out = format_docker_table(&input);
        let mut expected = b"\xffab\xff".to_vec();
        expected.extend_from_slice(&[b' '; 15]);
        expected.extend_from_slice(b"x\nlong-cell-here   y\n");
        assert_eq!(out, expected);
        input.clear();
    }

    #[test]
    fn docker_ps_real_output_layout() {
        // The table from docker-cli-behaviour.md §2, fed as docker's formatter writes it.
        let input = "CONTAINER ID\tIMAGE\tCOMMAND\tCREATED\tSTATUS\tPORTS\tNAMES\n\
7d463d0cc8cf\tbusybox\t\"sleep 300\"\t1 second ago\tUp 1 second\t0.0.0.0:18090->80/tcp, [::]:18090->80/tcp\tbeh-show\n\
3e2463177fbc\tbusybox\t\"sh -c 'echo line1; …\"\t4 minutes ago\tExited (0) 4 minutes ago\t\tbeh-logs\n\
22d7b0a983a2\tbusybox\t\"sleep 600\"\t5 minutes ago\tExited (137) 5 minutes ago\t\tbeh-linked\n";
        let expected = "CONTAINER ID   IMAGE     COMMAND                  CREATED         STATUS                       PORTS                                       NAMES\n\
7d463d0cc8cf   busybox   \"sleep 300\"              1 second ago    Up 1 second                  0.0.0.0:18090->80/tcp, [::]:18090->80/tcp   beh-show\n\
3e2463177fbc   busybox   \"sh -c 'echo line1; …\"   4 minutes ago   Exited (0) 4 minutes ago                                                 beh-logs\n\
22d7b0a983a2   busybox   \"sleep 600\"              5 minutes ago   Exited (137) 5 minutes ago                                               beh-linked\n";
        assert_eq!(docker(input), expected);
    }
}
