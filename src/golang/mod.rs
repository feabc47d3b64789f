//! Go's standard-library rules that docker's output depends on, one file per Go package, so
//! every caller formats, parses and escapes exactly as docker (written in Go) does.

pub mod csv;
pub mod fmt;
pub mod json;
pub mod strconv;
pub mod utf8;
