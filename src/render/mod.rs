//! Pure renderers: rows, format, `now` and width in, bytes out. Nothing here talks to the
//! engine.

pub mod container;
pub mod format;
pub mod image;
pub mod json_rows;
pub mod progress;
pub mod pull_view;
pub mod sanitize;
pub mod table;
pub mod template;
pub mod units;
