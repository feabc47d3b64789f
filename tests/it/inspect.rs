//! `dkr inspect` against the real engines, beside docker.
