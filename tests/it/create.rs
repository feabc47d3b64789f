//! `dkr create` against the real engines, beside docker.
