//! An HTTP layer for tests: a client configured with [`TestHttp`] sends
//! nothing over the network; each request is recorded and answered by a
//! function. Code that uses a generated client can so be tested without a
//! server, and a test can read exactly what the client would have sent
//! (endpoint, headers, signature, body).

use std::fmt;
use std::sync::{Arc, Mutex, PoisonError};

use bytes::Bytes;

type Respond = dyn Fn(&http::Request<Bytes>) -> http::Response<Bytes> + Send + Sync;

/// Answers every request with a function and keeps the requests; clones
/// share both, so the test keeps one clone and gives another to the
/// [`Config`](crate::config::Config).
#[derive(Clone)]
pub struct TestHttp {
    respond: Arc<Respond>,
    requests: Arc<Mutex<Vec<http::Request<Bytes>>>>,
}

impl TestHttp {
    /// Answers each request with `respond(request)`.
    pub fn new(
        respond: impl Fn(&http::Request<Bytes>) -> http::Response<Bytes> + Send + Sync + 'static,
    ) -> TestHttp {
        TestHttp {
            respond: Arc::new(respond),
            requests: Arc::default(),
        }
    }

    /// Answers every request with `status` and `body`.
    pub fn always(status: u16, body: &'static str) -> TestHttp {
        TestHttp::new(move |_| {
            let mut response = http::Response::new(Bytes::from_static(body.as_bytes()));
            *response.status_mut() =
                http::StatusCode::from_u16(status).unwrap_or(http::StatusCode::OK);
            response
        })
    }

    /// The requests sent so far, in order, as they would have gone out.
    pub fn requests(&self) -> Vec<http::Request<Bytes>> {
        self.requests
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    pub(crate) fn exchange(&self, request: http::Request<Bytes>) -> http::Response<Bytes> {
        let response = (self.respond)(&request);
        self.requests
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(request);
        response
    }
}

impl fmt::Debug for TestHttp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TestHttp")
            .field("requests", &self.requests().len())
            .finish_non_exhaustive()
    }
}

/// Two handles are equal when they share their requests.
impl PartialEq for TestHttp {
    fn eq(&self, other: &TestHttp) -> bool {
        Arc::ptr_eq(&self.requests, &other.requests)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clones_share_the_recorded_requests() {
        let http = TestHttp::always(404, "{}");
        let clone = http.clone();
        let response = clone.exchange(http::Request::new(Bytes::from_static(b"body")));
        assert_eq!(response.status(), 404);
        assert_eq!(response.body().as_ref(), b"{}");
        let requests = http.requests();
        assert_eq!(requests.len(), 1);
        assert_eq!(requests[0].body().as_ref(), b"body");
        assert_eq!(http, clone);
        assert_ne!(http, TestHttp::always(200, ""));
    }
}
