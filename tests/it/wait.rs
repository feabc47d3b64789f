//! `dkr wait` against the real engines, beside docker.
