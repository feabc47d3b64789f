//! Flag value types and validators (docker/cli's `opts/` package): each parses and checks one
//! kind of flag value, with its table tests beside it.

pub mod filter;
