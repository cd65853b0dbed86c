//! Sending one HTTP request and reading its whole response: hyper's HTTP/1.1
//! client with its connection pool, rustls for TLS (the `ring` provider and
//! the system's root certificates), and the configured timeouts.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;

use super::TestHttp;

/// A pooled HTTP client; cheap to clone, clones share connections.
#[derive(Clone)]
pub(crate) struct Transport {
    /// The pooled client, or why TLS could not be set up (reported by
    /// every request rather than by the constructor, which cannot fail).
    client: Result<Client<hyper_rustls::HttpsConnector<HttpConnector>, Full<Bytes>>, Arc<str>>,
    connect_timeout: Option<Duration>,
    /// Answers in place of the network when a test configured it.
    test_http: Option<TestHttp>,
}

impl fmt::Debug for Transport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Transport").finish_non_exhaustive()
    }
}

/// Why no response came back.
#[derive(Debug)]
pub(crate) struct TransportError {
    pub(crate) kind: FailureKind,
    pub(crate) source: Box<dyn std::error::Error + Send + Sync>,
}

/// How an attempt failed without a response, which decides whether it may be
/// retried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FailureKind {
    /// No connection was made: the request never left.
    Connect,
    /// No connection within the connect timeout.
    ConnectTimeout,
    /// The connection broke (reset, closed) before a whole response came.
    Broken,
    /// No whole response within the timeout.
    Timeout,
}

impl Transport {
    /// A client whose TLS trusts the system's root certificates. A machine
    /// without any still gets a client: plain `http` endpoints (a local
    /// server) work, and `https` ones fail naming the certificate problem.
    pub(crate) fn new(connect_timeout: Option<Duration>, test_http: Option<TestHttp>) -> Transport {
        if test_http.is_some() {
            // Nothing goes over the network: no TLS to set up.
            return Transport {
                client: Err(Arc::from("a test transport has no network client")),
                connect_timeout,
                test_http,
            };
        }
        let mut roots = rustls::RootCertStore::empty();
        for certificate in rustls_native_certs::load_native_certs().certs {
            // A certificate rustls cannot use is skipped, as the SDKs do.
            let _ = roots.add(certificate);
        }
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let client = rustls::ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .map(|builder| {
                let tls = builder.with_root_certificates(roots).with_no_client_auth();
                let mut http = HttpConnector::new();
                http.enforce_http(false);
                http.set_connect_timeout(connect_timeout);
                http.set_nodelay(true);
                let connector = hyper_rustls::HttpsConnectorBuilder::new()
                    .with_tls_config(tls)
                    .https_or_http()
                    .enable_http1()
                    .wrap_connector(http);
                Client::builder(TokioExecutor::new()).build(connector)
            })
            .map_err(|error| Arc::from(format!("TLS could not be set up: {error}")));
        Transport {
            client,
            connect_timeout,
            test_http,
        }
    }

    /// Sends `request` and reads the whole response, within `timeout` when
    /// one is set (connecting included).
    pub(crate) async fn send(
        &self,
        request: http::Request<Bytes>,
        timeout: Option<Duration>,
    ) -> Result<http::Response<Bytes>, TransportError> {
        let exchange = self.exchange(request);
        match timeout {
            Some(limit) => match tokio::time::timeout(limit, exchange).await {
                Ok(result) => result,
                Err(_) => Err(TransportError {
                    kind: FailureKind::Timeout,
                    source: format!("no response within {limit:?}").into(),
                }),
            },
            None => exchange.await,
        }
    }

    async fn exchange(
        &self,
        request: http::Request<Bytes>,
    ) -> Result<http::Response<Bytes>, TransportError> {
        if let Some(test_http) = &self.test_http {
            return Ok(test_http.exchange(request));
        }
        let client = self.client.as_ref().map_err(|message| TransportError {
            kind: FailureKind::Connect,
            source: message.to_string().into(),
        })?;
        let request = request.map(Full::new);
        let response = client.request(request).await.map_err(|error| {
            let kind = if error.is_connect() {
                if self.connect_timeout.is_some() && is_timeout(&error) {
                    FailureKind::ConnectTimeout
                } else {
                    FailureKind::Connect
                }
            } else {
                FailureKind::Broken
            };
            TransportError {
                kind,
                source: Box::new(error),
            }
        })?;
        let (parts, body) = response.into_parts();
        let body = body
            .collect()
            .await
            .map_err(|error| TransportError {
                kind: FailureKind::Broken,
                source: Box::new(error),
            })?
            .to_bytes();
        Ok(http::Response::from_parts(parts, body))
    }
}

/// Whether an error, or one of its causes, is a timeout.
fn is_timeout(error: &(dyn std::error::Error + 'static)) -> bool {
    let mut current = Some(error);
    while let Some(error) = current {
        if let Some(io) = error.downcast_ref::<std::io::Error>() {
            if io.kind() == std::io::ErrorKind::TimedOut {
                return true;
            }
        }
        current = error.source();
    }
    false
}
