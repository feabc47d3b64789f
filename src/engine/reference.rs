//! Image references as docker parses and normalises them (distribution/reference
//! `normalize.go`, `reference.go`, `regexp.go` as vendored by docker/cli v28.2.2):
//! `alpine` → `docker.io/library/alpine:latest`, with docker's error texts.
//!
//! distribution/reference is a set of anchored regular expressions; this file checks the same
//! grammar by hand (the crate has no regex engine). Every rule names the Go pattern it mirrors.

use std::fmt;

/// The registry of unqualified names.
pub const DEFAULT_DOMAIN: &str = "docker.io";
/// The old spelling of Docker Hub's domain, normalised to [`DEFAULT_DOMAIN`].
pub const LEGACY_DEFAULT_DOMAIN: &str = "index.docker.io";
/// Where Docker Hub's official images live.
pub const OFFICIAL_REPO_PREFIX: &str = "library/";
/// The tag of a name-only reference.
pub const DEFAULT_TAG: &str = "latest";
/// The credential key (and login server) of Docker Hub (`registry.IndexServer`).
pub const INDEX_SERVER: &str = "https://index.docker.io/v1/";
/// `RepositoryNameTotalLengthMax`.
pub const NAME_TOTAL_LENGTH_MAX: usize = 255;

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
    /// Parse and normalise `s` (`ParseNormalizedNamed`); errors are docker's
    /// `invalid reference format…` texts.
    pub fn parse(s: &str) -> Result<Reference, String> {
        if is_identifier(s) {
            return Err(format!(
                "invalid repository name ({s}), cannot specify 64-byte hexadecimal strings"
            ));
        }
        let (domain, remainder) = split_docker_domain(s);
        let remote = match remainder.find(':') {
            Some(i) => &remainder[..i],
            None => &remainder[..],
        };
        if remote.to_lowercase() != remote {
            return Err(format!(
                "invalid reference format: repository name ({remote}) must be lowercase"
            ));
        }
        parse_strict(&format!("{domain}/{remainder}"))
    }

    /// `docker.io/library/alpine`.
    pub fn full_name(&self) -> String {
        if self.domain.is_empty() {
            self.path.clone()
        } else {
            format!("{}/{}", self.domain, self.path)
        }
    }

    /// `alpine` / `localhost:5000/x` (docker.io/ and library/ stripped).
    pub fn familiar_name(&self) -> String {
        if self.domain != DEFAULT_DOMAIN {
            return self.full_name();
        }
        match self.path.strip_prefix(OFFICIAL_REPO_PREFIX) {
            Some(rest) if !rest.contains('/') => rest.to_string(),
            _ => self.path.clone(),
        }
    }

    /// The familiar form with tag and digest (`FamiliarString`): `alpine:3`, `x@sha256:…`.
    pub fn familiar_string(&self) -> String {
        self.with_suffix(self.familiar_name())
    }

    fn with_suffix(&self, mut name: String) -> String {
        if let Some(tag) = &self.tag {
            name.push(':');
            name.push_str(tag);
        }
        if let Some(digest) = &self.digest {
            name.push('@');
            name.push_str(digest);
        }
        name
    }

    /// Neither tag nor digest (`IsNameOnly`).
    pub fn is_name_only(&self) -> bool {
        self.tag.is_none() && self.digest.is_none()
    }

    /// `latest` added to a name-only reference (`TagNameOnly`).
    pub fn with_default_tag(mut self) -> Reference {
        if self.is_name_only() {
            self.tag = Some(DEFAULT_TAG.to_string());
        }
        self
    }

    /// What the engine API takes as `tag`: the digest if there is one, else the tag, else
    /// `latest` (the client's `getAPITagFromNamedRef`).
    pub fn api_tag(&self) -> String {
        self.digest
            .clone()
            .or_else(|| self.tag.clone())
            .unwrap_or_else(|| DEFAULT_TAG.to_string())
    }

    /// The key credentials are stored under: Docker Hub's index URL, else the domain as written
    /// (`getAuthConfigKey`).
    pub fn auth_key(&self) -> String {
        auth_config_key(&self.domain)
    }

    /// True for Docker Hub.
    pub fn is_official_index(&self) -> bool {
        self.domain == DEFAULT_DOMAIN
    }
}

impl fmt::Display for Reference {
    /// The fully qualified form: `docker.io/library/alpine:latest`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.with_suffix(self.full_name()))
    }
}

/// `getAuthConfigKey`: Docker Hub's domains map to its index URL, anything else to itself.
pub fn auth_config_key(domain: &str) -> String {
    if domain == DEFAULT_DOMAIN || domain == LEGACY_DEFAULT_DOMAIN {
        INDEX_SERVER.to_string()
    } else {
        domain.to_string()
    }
}

/// Whether `s` is a reference of any kind (`ParseAnyReference`): a 64-hex image ID, a digest
/// (`sha256:<hex>`), or a name as [`Reference::parse`] takes it, whose error this returns.
pub fn check_any(s: &str) -> Result<(), String> {
    if is_identifier(s) || validate_digest(s).is_ok() {
        return Ok(());
    }
    Reference::parse(s).map(|_| ())
}

/// `splitDockerDomain`: the registry part of a familiar name, and the rest (`library/` added for
/// Docker Hub's single-component names).
fn split_docker_domain(name: &str) -> (String, String) {
    let Some((maybe_domain, maybe_remote)) = name.split_once('/') else {
        return (
            DEFAULT_DOMAIN.to_string(),
            format!("{OFFICIAL_REPO_PREFIX}{name}"),
        );
    };
    // The order of docker's switch matters: `index.docker.io` contains a dot.
    let (domain, mut remote) = if maybe_domain == "localhost" {
        (maybe_domain.to_string(), maybe_remote.to_string())
    } else if maybe_domain == LEGACY_DEFAULT_DOMAIN {
        (DEFAULT_DOMAIN.to_string(), maybe_remote.to_string())
    } else if maybe_domain.contains(['.', ':']) || maybe_domain.to_lowercase() != maybe_domain {
        (maybe_domain.to_string(), maybe_remote.to_string())
    } else {
        (DEFAULT_DOMAIN.to_string(), name.to_string())
    };
    if domain == DEFAULT_DOMAIN && !remote.contains('/') {
        remote = format!("{OFFICIAL_REPO_PREFIX}{remote}");
    }
    (domain, remote)
}

/// `reference.Parse` of an already qualified string, as a named reference.
fn parse_strict(s: &str) -> Result<Reference, String> {
    let Some((name, tag, digest)) = match_reference(s) else {
        if s.is_empty() {
            return Err("repository name must have at least one component".into());
        }
        if match_reference(&s.to_lowercase()).is_some() {
            return Err("repository name must be lowercase".into());
        }
        return Err("invalid reference format".into());
    };
    let (domain, path) = split_name(name);
    if path.len() > NAME_TOTAL_LENGTH_MAX {
        return Err(format!(
            "repository name must not be more than {NAME_TOTAL_LENGTH_MAX} characters"
        ));
    }
    if let Some(d) = digest {
        validate_digest(d)?;
    }
    if path.is_empty() {
        return Err("repository name must have at least one component".into());
    }
    Ok(Reference {
        domain: domain.to_string(),
        path: path.to_string(),
        tag: tag.map(str::to_string),
        digest: digest.map(str::to_string),
    })
}

/// `ReferenceRegexp`: `^(name)(?::(tag))?(?:@(digest))?$`, returning the three captures.
fn match_reference(s: &str) -> Option<(&str, Option<&str>, Option<&str>)> {
    // Neither names nor tags contain `@`, and digests don't either.
    let (before, digest) = match s.split_once('@') {
        Some((b, d)) => {
            if !is_digest_pattern(d) {
                return None;
            }
            (b, Some(d))
        }
        None => (s, None),
    };
    // A tag contains neither `:` nor `/`; a name has `:` only in its domain's port, which comes
    // before a `/`. So a `:` after the last `/` starts the tag.
    let last_slash = before.rfind('/');
    let (name, tag) = match before.rfind(':') {
        Some(i) if last_slash.map(|sl| i > sl).unwrap_or(true) => {
            (&before[..i], Some(&before[i + 1..]))
        }
        _ => (before, None),
    };
    if let Some(t) = tag {
        if !is_tag(t) {
            return None;
        }
    }
    if !is_name(name) {
        return None;
    }
    Some((name, tag, digest))
}

/// `NameRegexp`: `(?:domainAndPort/)?remoteName`.
fn is_name(s: &str) -> bool {
    if is_remote_name(s) {
        return true;
    }
    match s.split_once('/') {
        Some((d, rest)) => is_domain_and_port(d) && is_remote_name(rest),
        None => false,
    }
}

/// `anchoredNameRegexp`'s captures: the optional (greedy) domain, and the path.
fn split_name(name: &str) -> (&str, &str) {
    if let Some((d, rest)) = name.split_once('/') {
        if is_domain_and_port(d) && is_remote_name(rest) {
            return (d, rest);
        }
    }
    ("", name)
}

/// `remoteName`: path components joined by `/`.
fn is_remote_name(s: &str) -> bool {
    !s.is_empty() && s.split('/').all(is_path_component)
}

/// `pathComponent`: `[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*`.
fn is_path_component(s: &str) -> bool {
    let b = s.as_bytes();
    let alnum = |c: u8| c.is_ascii_lowercase() || c.is_ascii_digit();
    if b.is_empty() || !alnum(b[0]) || !alnum(b[b.len() - 1]) {
        return false;
    }
    let mut i = 0;
    while i < b.len() {
        if alnum(b[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && !alnum(b[i]) {
            i += 1;
        }
        let sep = &s[start..i];
        let ok = sep == "." || sep == "_" || sep == "__" || sep.bytes().all(|c| c == b'-');
        if !ok {
            return false;
        }
    }
    true
}

/// `domainAndPort`: `(?:domainName|\[[a-fA-F0-9:]+\])(?::[0-9]+)?`.
fn is_domain_and_port(s: &str) -> bool {
    let (host, port) = if let Some(rest) = s.strip_prefix('[') {
        let Some(close) = rest.find(']') else {
            return false;
        };
        let inner = &rest[..close];
        if inner.is_empty() || !inner.bytes().all(|c| c.is_ascii_hexdigit() || c == b':') {
            return false;
        }
        let after = &rest[close + 1..];
        (None, after)
    } else {
        match s.find(':') {
            Some(i) => (Some(&s[..i]), &s[i..]),
            None => (Some(s), ""),
        }
    };
    if let Some(h) = host {
        if !is_domain_name(h) {
            return false;
        }
    }
    if port.is_empty() {
        return true;
    }
    match port.strip_prefix(':') {
        Some(digits) => !digits.is_empty() && digits.bytes().all(|c| c.is_ascii_digit()),
        None => false,
    }
}

/// `domainName`: components `[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]` joined by `.`.
fn is_domain_name(s: &str) -> bool {
    s.split('.').all(|c| {
        let b = c.as_bytes();
        !b.is_empty()
            && b[0].is_ascii_alphanumeric()
            && b[b.len() - 1].is_ascii_alphanumeric()
            && b.iter().all(|x| x.is_ascii_alphanumeric() || *x == b'-')
    })
}

/// `tag`: `[\w][\w.-]{0,127}`.
fn is_tag(s: &str) -> bool {
    let b = s.as_bytes();
    let word = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    !b.is_empty()
        && b.len() <= 128
        && word(b[0])
        && b.iter().all(|c| word(*c) || *c == b'.' || *c == b'-')
}

/// `digestPat`: `[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][[:xdigit:]]{32,}`.
fn is_digest_pattern(s: &str) -> bool {
    let Some((alg, hex)) = s.split_once(':') else {
        return false;
    };
    if hex.len() < 32 || !hex.bytes().all(|c| c.is_ascii_hexdigit()) {
        return false;
    }
    // Each part between separators starts with a letter and continues alphanumeric.
    let mut part_start = true;
    for c in alg.bytes() {
        if part_start {
            if !c.is_ascii_alphabetic() {
                return false;
            }
            part_start = false;
        } else if matches!(c, b'-' | b'_' | b'+' | b'.') {
            part_start = true;
        } else if !c.is_ascii_alphanumeric() {
            return false;
        }
    }
    !alg.is_empty() && !part_start
}

/// `anchoredIdentifierRegexp`: 64 lowercase hex digits.
fn is_identifier(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|c| matches!(c, b'a'..=b'f' | b'0'..=b'9'))
}

/// go-digest's `Digest.Validate` for a string that already matched `digestPat`.
pub fn validate_digest(d: &str) -> Result<(), String> {
    const FORMAT: &str = "invalid checksum digest format";
    let Some(i) = d.find(':').filter(|i| *i > 0 && i + 1 < d.len()) else {
        return Err(FORMAT.into());
    };
    let (alg, encoded) = (&d[..i], &d[i + 1..]);
    let size = match alg {
        "sha256" => 32,
        "sha384" => 48,
        "sha512" => 64,
        _ => {
            // DigestRegexpAnchored: `[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+`.
            let alg_ok = alg.split(['.', '+', '_', '-']).all(|p| {
                !p.is_empty()
                    && p.bytes()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
            });
            let enc_ok = encoded
                .bytes()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'=' | b'_' | b'-'));
            return Err(if alg_ok && enc_ok {
                "unsupported digest algorithm".into()
            } else {
                FORMAT.into()
            });
        }
    };
    if encoded.len() != size * 2 {
        return Err("invalid checksum digest length".into());
    }
    if encoded
        .bytes()
        .all(|c| matches!(c, b'a'..=b'f' | b'0'..=b'9'))
    {
        Ok(())
    } else {
        Err(FORMAT.into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const D: &str = "sha256:21265c78a6ff6c9e25c1df0470f92bada45271ff6ae0e1680c8a79d1e82f0d71";

    fn full(s: &str) -> String {
        Reference::parse(s).unwrap().to_string()
    }

    fn err(s: &str) -> String {
        Reference::parse(s).unwrap_err()
    }

    #[test]
    fn normalises_familiar_names() {
        assert_eq!(full("alpine"), "docker.io/library/alpine");
        assert_eq!(full("alpine:3"), "docker.io/library/alpine:3");
        assert_eq!(full("user/x"), "docker.io/user/x");
        assert_eq!(full("a/b/c"), "docker.io/a/b/c");
        assert_eq!(full("index.docker.io/alpine"), "docker.io/library/alpine");
        assert_eq!(full("docker.io/alpine"), "docker.io/library/alpine");
        assert_eq!(full("localhost/x"), "localhost/x");
        assert_eq!(full("localhost:5000/busybox:1"), "localhost:5000/busybox:1");
        assert_eq!(full("example.com/a/b:v1.0"), "example.com/a/b:v1.0");
        assert_eq!(full("[::1]:5000/foo"), "[::1]:5000/foo");
        assert_eq!(full("foo__bar/a-b---c.d"), "docker.io/foo__bar/a-b---c.d");
        assert_eq!(
            full(&format!("alpine@{D}")),
            format!("docker.io/library/alpine@{D}")
        );
        assert_eq!(
            full(&format!("alpine:3@{D}")),
            format!("docker.io/library/alpine:3@{D}")
        );
        // A port-looking suffix without a slash is a tag.
        let r = Reference::parse("localhost:5000").unwrap();
        assert_eq!(r.path, "library/localhost");
        assert_eq!(r.tag.as_deref(), Some("5000"));
    }

    #[test]
    fn familiar_forms() {
        let r = Reference::parse("docker.io/library/alpine:3").unwrap();
        assert_eq!(r.familiar_name(), "alpine");
        assert_eq!(r.familiar_string(), "alpine:3");
        let r = Reference::parse("docker.io/library/a/b").unwrap();
        assert_eq!(r.familiar_name(), "library/a/b");
        let r = Reference::parse("localhost:5000/x").unwrap();
        assert_eq!(r.familiar_name(), "localhost:5000/x");
        assert_eq!(r.auth_key(), "localhost:5000");
        assert_eq!(Reference::parse("user/x").unwrap().auth_key(), INDEX_SERVER);
    }

    #[test]
    fn tags_and_api_tags() {
        let r = Reference::parse("alpine").unwrap();
        assert!(r.is_name_only());
        assert_eq!(r.api_tag(), "latest");
        let r = r.with_default_tag();
        assert_eq!(r.to_string(), "docker.io/library/alpine:latest");
        let r = Reference::parse(&format!("alpine:3@{D}")).unwrap();
        assert_eq!(r.api_tag(), D);
    }

    #[test]
    fn docker_error_texts() {
        const BAD: &str = "invalid reference format";
        let lowercase = |name: &str| format!("{BAD}: repository name ({name}) must be lowercase");
        for (input, want) in [
            ("Bad/Name", lowercase("Name")),
            ("Bad", lowercase("library/Bad")),
            ("localhost:5000/Foo:tag", lowercase("Foo")),
            ("foo:", BAD.into()),
            ("-foo", BAD.into()),
            ("foo/", BAD.into()),
            ("", BAD.into()),
            ("foo..bar", BAD.into()),
            ("foo:bad/tag", BAD.into()),
            ("a:b/c", BAD.into()),
            ("foo@sha256:abc", BAD.into()),
        ] {
            assert_eq!(err(input), want, "{input:?}");
        }
        assert_eq!(
            err(&format!("foo:{}", "a".repeat(129))),
            "invalid reference format"
        );
        assert!(Reference::parse(&format!("foo:{}", "a".repeat(128))).is_ok());
        assert_eq!(
            err(&"a".repeat(64)),
            format!(
                "invalid repository name ({}), cannot specify 64-byte hexadecimal strings",
                "a".repeat(64)
            )
        );
        // Uppercase in a registry that isn't a valid domain: Parse's own message.
        assert_eq!(err("Foo_Bar/baz"), "repository name must be lowercase");
        assert_eq!(
            err(&format!("x/{}", "a".repeat(256))),
            "repository name must not be more than 255 characters"
        );
    }

    #[test]
    fn digest_errors() {
        let hex32 = "0123456789abcdef0123456789abcdef";
        assert_eq!(
            err(&format!("x@sha256:{hex32}")),
            "invalid checksum digest length"
        );
        assert_eq!(
            err(&format!("x@md5:{hex32}")),
            "unsupported digest algorithm"
        );
        // The part before the first `:` is checked for case first.
        assert_eq!(
            err(&format!("x@MD5:{hex32}")),
            "invalid reference format: repository name (library/x@MD5) must be lowercase"
        );
        assert_eq!(
            err(&format!("x@sha256:{}", D[7..].to_uppercase())),
            "invalid checksum digest format"
        );
        assert!(Reference::parse(&format!("x@sha512:{}", "ab".repeat(64))).is_ok());
    }

    #[test]
    fn any_reference() {
        assert_eq!(check_any(&"a".repeat(64)), Ok(()));
        assert_eq!(check_any(D), Ok(()));
        // Not a valid digest: a name `sha256` with a tag.
        assert_eq!(check_any("sha256:abc"), Ok(()));
        assert_eq!(check_any("busybox"), Ok(()));
        assert_eq!(
            check_any("BAD"),
            Err("invalid reference format: repository name (library/BAD) must be lowercase".into())
        );
        assert_eq!(check_any("a b"), Err("invalid reference format".into()));
    }

    #[test]
    fn grammar_pieces() {
        assert!(is_path_component("a"));
        assert!(is_path_component("a.b_c__d-e--f"));
        assert!(!is_path_component("a___b"));
        assert!(!is_path_component("a._b"));
        assert!(!is_path_component("a-"));
        assert!(!is_path_component("A"));
        assert!(is_domain_and_port("localhost:5000"));
        assert!(is_domain_and_port("Example-1.COM"));
        assert!(is_domain_and_port("[fe80::1]:80"));
        assert!(!is_domain_and_port("[]"));
        assert!(!is_domain_and_port("a:"));
        assert!(!is_domain_and_port("a-.b"));
        assert!(is_digest_pattern(D));
        assert!(is_digest_pattern(
            "a+b.c-d_e:0123456789abcdef0123456789ABCDEF"
        ));
        assert!(!is_digest_pattern("1a:0123456789abcdef0123456789abcdef"));
        assert!(!is_digest_pattern("a-:0123456789abcdef0123456789abcdef"));
    }
}
