//! `dkr start` against the real engines, beside docker.
