//! `dkr push` against the real engines, beside docker.
