//! Image references as docker parses and normalises them (distribution/reference
//! `normalize.go`): `alpine` → `docker.io/library/alpine:latest`.
//!
//! (Interface fixed by the lead; the body is being written.)

/// A parsed, normalised image reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    /// Registry domain (`docker.io`, `localhost:5000`).
    pub domain: String,
    /// Repository path (`library/alpine`).
    pub path: String,
    pub tag: Option<String>,
    pub digest: Option<String>,
}

impl Reference {
    /// Parse and normalise `s`; errors are docker's `invalid reference format…` texts.
    pub fn parse(s: &str) -> Result<Reference, String> {
        Err(format!("reference parsing not written yet: {s}"))
    }

    /// `docker.io/library/alpine`.
    pub fn full_name(&self) -> String {
        format!("{}/{}", self.domain, self.path)
    }

    /// `alpine` / `localhost:5000/x` (docker.io/ and library/ stripped).
    pub fn familiar_name(&self) -> String {
        self.full_name()
    }
}
