//! TLS failures in Go's words, as docker prints them (`crypto/tls`, `crypto/x509`, `net/http`).

use std::io;

/// A TLS failure in Go's words (`remote error: tls: bad certificate`), if `e` is one.
pub(super) fn tls_error_text(e: &io::Error) -> Option<String> {
    use rustls::{AlertDescription, CertificateError};
    let err = e.get_ref()?.downcast_ref::<rustls::Error>()?;
    Some(match err {
        rustls::Error::AlertReceived(alert) => {
            let text = match alert {
                AlertDescription::BadCertificate => "bad certificate".to_string(),
                AlertDescription::UnknownCA => "unknown certificate authority".to_string(),
                AlertDescription::CertificateRequired => "certificate required".to_string(),
                AlertDescription::HandshakeFailure => "handshake failure".to_string(),
                other => format!("{other:?}").to_ascii_lowercase(),
            };
            format!("remote error: tls: {text}")
        }
        rustls::Error::InvalidCertificate(CertificateError::UnknownIssuer) => {
            "tls: failed to verify certificate: x509: certificate signed by unknown authority"
                .into()
        }
        rustls::Error::InvalidCertificate(CertificateError::NotValidForName) => {
            "tls: failed to verify certificate: x509: certificate is not valid for this host".into()
        }
        rustls::Error::InvalidCertificate(CertificateError::Expired) => {
            "tls: failed to verify certificate: x509: certificate has expired or is not yet valid"
                .into()
        }
        other => format!("tls: {other}"),
    })
}
