//! Flag value types and validators (docker/cli's `opts/` package): each parses and checks one
//! kind of flag value, with its table tests beside it.

pub mod blkio;
pub mod device;
pub mod filter;
pub mod gpus;
pub mod kvfile;
pub mod mount;
pub mod network;
mod path;
pub mod platform;
pub mod port;
pub mod quantity;
pub mod restart;
pub mod security;
pub mod ulimit;
pub mod validate;
pub mod volume;
