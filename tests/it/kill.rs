//! `dkr kill` against the real engines, beside docker.
