//! `dkr tag` against the real engines, beside docker.
