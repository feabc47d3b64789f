//! `dkr rm` against the real engines, beside docker.
