//! Go's `net` package: its words for a name that does not resolve (`lookup NAME on SERVER: no
//! such host`, as docker, built with Go's own resolver, says it, naming the DNS server it
//! asked), and `JoinHostPort`.

use std::io;

/// Go's `net.JoinHostPort`: a host with a colon (IPv6) goes in brackets.
pub fn join_host_port(host: &str, port: &str) -> String {
    if host.contains(':') {
        format!("[{host}]:{port}")
    } else {
        format!("{host}:{port}")
    }
}

/// A host name that the resolver says does not exist (getaddrinfo's `EAI_NONAME`/`EAI_NODATA`),
/// carried inside an `io::Error` from the dial to the error message.
#[derive(Debug)]
pub struct NoSuchHost {
    pub name: String,
}

impl std::fmt::Display for NoSuchHost {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "lookup {} on {}: no such host",
            self.name,
            dns_server(&std::fs::read_to_string("/etc/resolv.conf").unwrap_or_default())
        )
    }
}

impl std::error::Error for NoSuchHost {}

/// `e` as a [`NoSuchHost`] for `name` when it is the resolver saying the name does not exist;
/// any other failure (a timeout, no network) is returned unchanged.
pub fn classify_lookup_error(name: &str, e: io::Error) -> io::Error {
    // std reports getaddrinfo's failures with gai_strerror's text only.
    let text = e.to_string();
    if text.contains("Name or service not known") || text.contains("No address associated") {
        io::Error::new(
            io::ErrorKind::NotFound,
            NoSuchHost {
                name: name.to_string(),
            },
        )
    } else {
        e
    }
}

/// The server Go's resolver names: the first `nameserver` of resolv.conf with port 53
/// (IPv6 in brackets), or Go's default `127.0.0.1:53` when there is none.
pub fn dns_server(resolv_conf: &str) -> String {
    resolv_conf
        .lines()
        .filter_map(|l| {
            let mut words = l.split_whitespace();
            (words.next()? == "nameserver").then(|| words.next())?
        })
        .next()
        .map(|ip| {
            // A scoped address (fe80::1%eth0) keeps its zone, as Go's JoinHostPort does.
            if ip.contains(':') {
                format!("[{ip}]:53")
            } else {
                format!("{ip}:53")
            }
        })
        .unwrap_or_else(|| "127.0.0.1:53".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dns_server_is_the_first_nameserver() {
        assert_eq!(
            dns_server("# x\nsearch a.b\nnameserver 10.0.0.2\nnameserver 1.1.1.1\n"),
            "10.0.0.2:53"
        );
        assert_eq!(dns_server("nameserver ::1\n"), "[::1]:53");
        assert_eq!(dns_server(""), "127.0.0.1:53");
    }

    #[test]
    fn only_a_missing_name_becomes_no_such_host() {
        let gai =
            io::Error::other("failed to lookup address information: Name or service not known");
        let e = classify_lookup_error("bad", gai);
        assert!(e.get_ref().unwrap().downcast_ref::<NoSuchHost>().is_some());
        let other = io::Error::other(
            "failed to lookup address information: Temporary failure in name resolution",
        );
        let e = classify_lookup_error("bad", other);
        assert!(e.get_ref().unwrap().downcast_ref::<NoSuchHost>().is_none());
    }
}
