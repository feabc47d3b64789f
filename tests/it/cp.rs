//! `dkr cp` against the real engines, beside docker.
