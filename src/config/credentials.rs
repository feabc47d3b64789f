//! Registry credentials: config.json `auths`, `credsStore`, `credHelpers`, and the
//! `X-Registry-Auth` encoding (not implemented yet).
