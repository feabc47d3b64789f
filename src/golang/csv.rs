//! Go's `encoding/csv` reading one record, as docker/cli splits `--mount`, `--network`,
//! `--gpus` and long-form `-p` values (`csv.NewReader(strings.NewReader(value)).Read()`).

/// Go's `csv.ErrQuote`.
const ERR_QUOTE: &str = "extraneous or missing \" in quoted-field";
/// Go's `csv.ErrBareQuote`.
const ERR_BARE_QUOTE: &str = "bare \" in non-quoted-field";

/// Go's `*csv.ParseError` text: positions are 1-based lines and 1-based *byte* columns (Go 1.17
/// and later; docker 28 is built with a newer Go).
fn parse_error(start_line: usize, line: usize, column: usize, err: &str) -> String {
    if start_line != line {
        format!("record on line {start_line}; parse error on line {line}, column {column}: {err}")
    } else {
        format!("parse error on line {line}, column {column}: {err}")
    }
}

/// The input split as Go's `Reader.readLine` returns it: each line keeps its `\n`, `\r\n`
/// becomes `\n`, and a last line without `\n` loses one trailing `\r`.
struct Lines<'a> {
    rest: &'a [u8],
    /// Go's `numLine`: how many lines have been read.
    num: usize,
}

impl<'a> Lines<'a> {
    /// The next line, or `None` at the end of the input (Go's `io.EOF` with an empty line).
    fn next_line(&mut self) -> Option<Vec<u8>> {
        if self.rest.is_empty() {
            self.num += 1;
            return None;
        }
        let end = self
            .rest
            .iter()
            .position(|&b| b == b'\n')
            .map_or(self.rest.len(), |i| i + 1);
        let mut line = self.rest[..end].to_vec();
        self.rest = &self.rest[end..];
        self.num += 1;
        if line.last() != Some(&b'\n') {
            if line.last() == Some(&b'\r') {
                line.pop();
            }
        } else if line.ends_with(b"\r\n") {
            line.truncate(line.len() - 2);
            line.push(b'\n');
        }
        Some(line)
    }
}

/// 1 when `b` ends with `\n` (Go's `lengthNL`).
fn length_nl(b: &[u8]) -> usize {
    usize::from(b.last() == Some(&b'\n'))
}

/// Go's `Reader.Read` on `value` with the default options (comma `,`, no comments, strict
/// quotes): the first record's fields, `EOF` when there is none (an empty value), or the
/// `ParseError` text. Empty lines before the record are skipped and lines after it are ignored,
/// as Go does; a quoted field may span lines.
pub fn read_record(value: &str) -> Result<Vec<String>, String> {
    let mut lines = Lines {
        rest: value.as_bytes(),
        num: 0,
    };
    // Skip empty lines; only the end of the input stops the search.
    let mut line = loop {
        match lines.next_line() {
            None => return Err("EOF".to_string()),
            Some(l) if l.len() == length_nl(&l) => continue,
            Some(l) => break l,
        }
    };
    let rec_line = lines.num;
    let mut buf: Vec<u8> = Vec::new();
    let mut ends: Vec<usize> = Vec::new();
    // Go's `pos`: where `line[0]` is in the input.
    let (mut pos_line, mut pos_col) = (lines.num, 1usize);
    let mut at = 0usize; // `line[at..]` is Go's `line`.
    'field: loop {
        let rest = &line[at..];
        if rest.first() != Some(&b'"') {
            let comma = rest.iter().position(|&b| b == b',');
            let field = match comma {
                Some(i) => &rest[..i],
                None => &rest[..rest.len() - length_nl(rest)],
            };
            if let Some(j) = field.iter().position(|&b| b == b'"') {
                return Err(parse_error(
                    rec_line,
                    lines.num,
                    pos_col + j,
                    ERR_BARE_QUOTE,
                ));
            }
            buf.extend_from_slice(field);
            ends.push(buf.len());
            match comma {
                Some(i) => {
                    at += i + 1;
                    pos_col += i + 1;
                    continue 'field;
                }
                None => break 'field,
            }
        }
        // A quoted field: `""` is a quote; the closing quote must be followed by a comma or
        // the end of the line.
        at += 1;
        pos_col += 1;
        loop {
            let rest = &line[at..];
            if let Some(i) = rest.iter().position(|&b| b == b'"') {
                buf.extend_from_slice(&rest[..i]);
                at += i + 1;
                pos_col += i + 1;
                let rest = &line[at..];
                match rest.first() {
                    Some(b'"') => {
                        buf.push(b'"');
                        at += 1;
                        pos_col += 1;
                    }
                    Some(b',') => {
                        at += 1;
                        pos_col += 1;
                        ends.push(buf.len());
                        continue 'field;
                    }
                    _ if length_nl(rest) == rest.len() => {
                        ends.push(buf.len());
                        break 'field;
                    }
                    _ => {
                        return Err(parse_error(rec_line, lines.num, pos_col - 1, ERR_QUOTE));
                    }
                }
            } else if !rest.is_empty() {
                // The field goes on after the end of this line.
                buf.extend_from_slice(rest);
                pos_col += rest.len();
                line = lines.next_line().unwrap_or_default();
                at = 0;
                if !line.is_empty() {
                    pos_line += 1;
                    pos_col = 1;
                }
            } else {
                // The input ended inside the quotes.
                return Err(parse_error(rec_line, pos_line, pos_col, ERR_QUOTE));
            }
        }
    }
    // Fields end at ASCII bytes, so each is valid UTF-8 as the input was.
    let mut fields = Vec::with_capacity(ends.len());
    let mut start = 0;
    for end in ends {
        fields.push(String::from_utf8_lossy(&buf[start..end]).into_owned());
        start = end;
    }
    Ok(fields)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Cases from Go's encoding/csv/reader_test.go (`readTests`, first record only) and the
    /// texts docker 28 prints for `--mount` values.
    #[test]
    fn records_like_encoding_csv() {
        let ok: &[(&str, &[&str])] = &[
            ("a,b,c", &["a", "b", "c"]),
            ("a,b,c\n", &["a", "b", "c"]),
            ("a,,", &["a", "", ""]),
            ("\"a,b\",c", &["a,b", "c"]),
            ("\"a\"\"b\"", &["a\"b"]),
            ("\"\"", &[""]),
            (",", &["", ""]),
            ("\n\na,b\nc,d", &["a", "b"]),
            ("a,b\r\n", &["a", "b"]),
            ("a,b\r", &["a", "b"]),
            ("a\rb,c", &["a\rb", "c"]),
            ("\"two\nline\",x", &["two\nline", "x"]),
            ("\"a\r\nb\"", &["a\nb"]),
            ("é,\"ü\"", &["é", "ü"]),
        ];
        for (input, want) in ok {
            assert_eq!(read_record(input).unwrap(), *want, "{input:?}");
        }
        let quote = |line: usize, col: usize| {
            format!("parse error on line {line}, column {col}: extraneous or missing \" in quoted-field")
        };
        let bare = |col: usize| {
            format!("parse error on line 1, column {col}: bare \" in non-quoted-field")
        };
        let bad: &[(&str, String)] = &[
            ("", "EOF".to_string()),
            ("\n\n", "EOF".to_string()),
            ("a\"b", bare(2)),
            ("é\"", bare(3)),
            ("\"ab\"c", quote(1, 4)),
            ("\"é\"x", quote(1, 4)),
            ("\"ab", quote(1, 4)),
            ("type=bind,\"src=/x\"y", quote(1, 18)),
            (
                "\"a\nb",
                "record on line 1; parse error on line 2, column 2: extraneous or missing \" in quoted-field"
                    .to_string(),
            ),
            (
                "\"a\nb\"c",
                "record on line 1; parse error on line 2, column 2: extraneous or missing \" in quoted-field"
                    .to_string(),
            ),
        ];
        for (input, want) in bad {
            assert_eq!(read_record(input).as_ref(), Err(want), "{input:?}");
        }
    }
}
