//! `dkr port` against the real engines, beside docker.
