//! Support for end-to-end tests of the generated AWS clients.
//!
//! Two kinds of server, both on loopback (`127.0.0.1`) only:
//!
//! - [`moto::MotoServer`]: a [moto](https://github.com/getmoto/moto) server
//!   per test, on a port of its own, from `moto[server]` installed at a pinned
//!   version ([`moto::MOTO_VERSION`]) into a virtual environment under the
//!   workspace's `target/` the first time any test asks for it. It answers
//!   real AWS APIs, so a client's requests and responses are checked against
//!   an independent implementation.
//! - [`scripted::ScriptedServer`]: a local HTTP/1.1 server that answers a
//!   queue of [`scripted::Step`]s, one per request (a response, a response
//!   after a delay, a connection reset, a malformed or truncated answer), and
//!   records every request it received. It drives a client through the
//!   failures that retries and timeouts exist for.
//!
//! # Credentials and region
//!
//! Neither server checks signatures. Tests sign with the fake credentials
//! [`ACCESS_KEY_ID`] / [`SECRET_ACCESS_KEY`] in [`REGION`], given to the
//! client's configuration in code, so that nothing from the machine's
//! environment or `~/.aws` reaches a test, and no real credentials are ever
//! sent anywhere.
//!
//! Both servers are Unix-only: moto runs in a process group of its own, which
//! is killed as a whole when the server is dropped.

pub mod moto;
pub mod scripted;

use awsgen_runtime::bytes::Bytes;
use awsgen_runtime::config::{Config, ConfigBuilder};
use awsgen_runtime::signing::Credentials;

/// The fake access key id tests sign with (the one in AWS's SigV4 examples).
pub const ACCESS_KEY_ID: &str = "AKIDEXAMPLE";

/// The fake secret access key tests sign with.
pub const SECRET_ACCESS_KEY: &str = "secret";

/// The region tests use; moto keeps its state per region.
pub const REGION: &str = "us-east-1";

/// A configuration in [`REGION`] with the fake credentials, and nothing from
/// the environment; add the endpoint or the test transport.
#[must_use]
pub fn test_config() -> ConfigBuilder {
    Config::builder()
        .region(REGION)
        .credentials(Credentials::new(ACCESS_KEY_ID, SECRET_ACCESS_KEY, None))
}

/// `region/service` of a signed request's SigV4 credential scope.
///
/// # Panics
///
/// If the request has no well-formed `Authorization` header.
#[must_use]
pub fn signing_scope(request: &awsgen_runtime::http::Request<Bytes>) -> String {
    let authorization = request.headers()["authorization"]
        .to_str()
        .expect("a text Authorization header");
    let credential = authorization
        .split("Credential=")
        .nth(1)
        .and_then(|rest| rest.split(',').next())
        .expect("a Credential in the Authorization header");
    let parts: Vec<&str> = credential.split('/').collect();
    format!("{}/{}", parts[2], parts[3])
}
