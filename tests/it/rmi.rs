//! `dkr rmi` against the real engines, beside docker.
