//! `dkr exec` against the real engines, beside docker.
