//! `dkr restart` against the real engines, beside docker.
