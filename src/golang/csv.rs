//! Go's `encoding/csv` reading one record, as docker/cli splits `--mount`, `--network`,
//! `--gpus` and long-form `-p` values.

/// Go's `encoding/csv` reading one record of `value` (quotes, `""` escapes).
pub(crate) fn csv_fields(value: &str) -> Result<Vec<String>, String> {
    let mut fields = Vec::new();
    let mut cur = String::new();
    let mut chars = value.chars().peekable();
    let mut col = 0usize;
    loop {
        if chars.peek() == Some(&'"') {
            chars.next();
            col += 1;
            loop {
                match chars.next() {
                    Some('"') => {
                        col += 1;
                        if chars.peek() == Some(&'"') {
                            chars.next();
                            col += 1;
                            cur.push('"');
                        } else {
                            break;
                        }
                    }
                    Some(c) => {
                        col += 1;
                        cur.push(c);
                    }
                    None => {
                        return Err("record on line 1; parse error on line 2, column 0: extraneous or missing \" in quoted-field".to_string())
                    }
                }
            }
            match chars.next() {
                None => {
                    fields.push(std::mem::take(&mut cur));
                    return Ok(fields);
                }
                Some(',') => {
                    col += 1;
                    fields.push(std::mem::take(&mut cur));
                }
                Some(_) => {
                    return Err(format!(
                    "parse error on line 1, column {}: extraneous or missing \" in quoted-field",
                    col + 1
                ))
                }
            }
        } else {
            loop {
                match chars.next() {
                    None => {
                        fields.push(std::mem::take(&mut cur));
                        return Ok(fields);
                    }
                    Some(',') => {
                        col += 1;
                        fields.push(std::mem::take(&mut cur));
                        break;
                    }
                    Some('"') => {
                        return Err(format!(
                            "parse error on line 1, column {}: bare \" in non-quoted-field",
                            col + 1
                        ))
                    }
                    Some(c) => {
                        col += 1;
                        cur.push(c);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_like_encoding_csv() {
        assert_eq!(csv_fields("a,b,c").unwrap(), ["a", "b", "c"]);
        assert_eq!(csv_fields("a,,").unwrap(), ["a", "", ""]);
        assert_eq!(csv_fields("\"a,b\",c").unwrap(), ["a,b", "c"]);
        assert_eq!(csv_fields("\"a\"\"b\"").unwrap(), ["a\"b"]);
        assert_eq!(
            csv_fields("a\"b").unwrap_err(),
            "parse error on line 1, column 2: bare \" in non-quoted-field"
        );
    }
}
