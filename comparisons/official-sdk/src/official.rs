//! Drives the official SDK clients against a canned HTTP response and times
//! their serialization and deserialization phases with an interceptor.
//!
//! - [`CannedHttpClient`] answers every request at once with the same
//!   response, without a network, and can keep a copy of the last request so
//!   that the benchmark can check both sides put the same bytes on the wire.
//! - [`PhaseTimer`] is an interceptor that records `Instant::now()` in
//!   `read_before_serialization` / `read_after_serialization` and in
//!   `read_before_deserialization` / `read_after_deserialization`. The windows
//!   hold what the orchestrator does between those hooks: for serialization,
//!   turning the operation input into an HTTP request (URI, headers, body);
//!   for deserialization, collecting the (in-memory) body and parsing it into
//!   the operation output. Endpoint resolution, signing, retries and the
//!   client's other interceptors' other hooks are outside the windows.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use aws_smithy_runtime_api::box_error::BoxError;
use aws_smithy_runtime_api::client::http::{
    HttpClient, HttpConnector, HttpConnectorFuture, HttpConnectorSettings, SharedHttpConnector,
};
use aws_smithy_runtime_api::client::interceptors::context::{
    AfterDeserializationInterceptorContextRef, BeforeDeserializationInterceptorContextRef,
    BeforeSerializationInterceptorContextRef, BeforeTransmitInterceptorContextRef,
};
use aws_smithy_runtime_api::client::interceptors::Intercept;
use aws_smithy_runtime_api::client::orchestrator::{HttpRequest, HttpResponse};
use aws_smithy_runtime_api::client::runtime_components::RuntimeComponents;
use aws_smithy_runtime_api::http::StatusCode;
use aws_smithy_types::body::SdkBody;
use aws_smithy_types::config_bag::ConfigBag;
use awsgen_runtime::bytes::Bytes;

/// The region every official client is configured with.
pub const REGION: &str = "us-east-1";

/// The serialization and deserialization windows of one call, or the sums of
/// several calls' windows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Windows {
    /// From `read_before_serialization` to `read_after_serialization`.
    pub serialize: Duration,
    /// From `read_before_deserialization` to `read_after_deserialization`.
    pub deserialize: Duration,
    /// How many serialization windows were closed.
    pub serialize_count: u32,
    /// How many deserialization windows were closed.
    pub deserialize_count: u32,
}

#[derive(Debug, Default)]
struct TimerState {
    serialize_start: Option<Instant>,
    deserialize_start: Option<Instant>,
    windows: Windows,
}

/// An interceptor that times the serialization and deserialization phases of
/// every call made by the client it is registered on.
///
/// The start instant is taken after the lock is held and the end instant
/// before it is taken, so the lock itself stays outside the windows.
#[derive(Clone, Debug, Default)]
pub struct PhaseTimer(Arc<Mutex<TimerState>>);

impl PhaseTimer {
    /// A timer with no windows recorded.
    pub fn new() -> Self {
        Self::default()
    }

    fn state(&self) -> MutexGuard<'_, TimerState> {
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Closes the window that `start` opened: adds its length to `total`.
    fn close(
        start: &mut Option<Instant>,
        end: Instant,
        total: &mut Duration,
        count: &mut u32,
    ) -> Result<(), BoxError> {
        let start = start.take().ok_or("a window closed that never opened")?;
        *total += end - start;
        *count += 1;
        Ok(())
    }

    /// The windows recorded since the last `take`, which it resets.
    pub fn take(&self) -> Windows {
        let mut state = self.state();
        state.serialize_start = None;
        state.deserialize_start = None;
        std::mem::take(&mut state.windows)
    }
}

impl Intercept for PhaseTimer {
    fn name(&self) -> &'static str {
        "PhaseTimer"
    }

    fn read_before_serialization(
        &self,
        _context: &BeforeSerializationInterceptorContextRef<'_>,
        _runtime_components: &RuntimeComponents,
        _cfg: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        let mut state = self.state();
        state.serialize_start = Some(Instant::now());
        Ok(())
    }

    fn read_after_serialization(
        &self,
        _context: &BeforeTransmitInterceptorContextRef<'_>,
        _runtime_components: &RuntimeComponents,
        _cfg: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        let end = Instant::now();
        let state = &mut *self.state();
        Self::close(
            &mut state.serialize_start,
            end,
            &mut state.windows.serialize,
            &mut state.windows.serialize_count,
        )
    }

    fn read_before_deserialization(
        &self,
        _context: &BeforeDeserializationInterceptorContextRef<'_>,
        _runtime_components: &RuntimeComponents,
        _cfg: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        let mut state = self.state();
        state.deserialize_start = Some(Instant::now());
        Ok(())
    }

    fn read_after_deserialization(
        &self,
        _context: &AfterDeserializationInterceptorContextRef<'_>,
        _runtime_components: &RuntimeComponents,
        _cfg: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        let end = Instant::now();
        let state = &mut *self.state();
        Self::close(
            &mut state.deserialize_start,
            end,
            &mut state.windows.deserialize,
            &mut state.windows.deserialize_count,
        )
    }
}

/// The response a [`CannedHttpClient`] gives to every request.
#[derive(Clone, Debug)]
pub struct CannedResponse {
    /// The HTTP status code.
    pub status: u16,
    /// The `Content-Type` header.
    pub content_type: &'static str,
    /// The body, shared (not copied) by every response.
    pub body: Bytes,
}

/// A request the official client sent, as the [`CannedHttpClient`] saw it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CapturedRequest {
    /// The HTTP method.
    pub method: String,
    /// The full URI, endpoint included.
    pub uri: String,
    /// The body, when it was in memory.
    pub body: Option<Vec<u8>>,
}

#[derive(Debug)]
struct CannedState {
    status: StatusCode,
    content_type: &'static str,
    body: Bytes,
    capture: AtomicBool,
    captured: Mutex<Option<CapturedRequest>>,
}

impl CannedState {
    fn captured(&self) -> MutexGuard<'_, Option<CapturedRequest>> {
        self.captured
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

#[derive(Clone, Debug)]
struct CannedConnector(Arc<CannedState>);

impl HttpConnector for CannedConnector {
    fn call(&self, request: HttpRequest) -> HttpConnectorFuture {
        let state = &*self.0;
        if state.capture.load(Ordering::Relaxed) {
            *state.captured() = Some(CapturedRequest {
                method: request.method().to_owned(),
                uri: request.uri().to_owned(),
                body: request.body().bytes().map(<[u8]>::to_vec),
            });
        }
        let mut response = HttpResponse::new(state.status, SdkBody::from(state.body.clone()));
        response
            .headers_mut()
            .insert("content-type", state.content_type);
        HttpConnectorFuture::ready(Ok(response))
    }
}

/// An HTTP client that answers every request with one canned response,
/// immediately and without a network.
#[derive(Clone, Debug)]
pub struct CannedHttpClient {
    state: Arc<CannedState>,
    connector: SharedHttpConnector,
}

impl CannedHttpClient {
    /// A client that always answers `response`.
    ///
    /// # Panics
    ///
    /// When `response.status` is not a valid HTTP status code.
    pub fn new(response: CannedResponse) -> Self {
        let status = StatusCode::try_from(response.status).expect("a valid HTTP status code");
        let state = Arc::new(CannedState {
            status,
            content_type: response.content_type,
            body: response.body,
            capture: AtomicBool::new(false),
            captured: Mutex::new(None),
        });
        let connector = SharedHttpConnector::new(CannedConnector(state.clone()));
        Self { state, connector }
    }

    /// Keeps a copy of every request from now on (off by default, since the
    /// copy costs time outside the measured windows).
    pub fn set_capture(&self, capture: bool) {
        self.state.capture.store(capture, Ordering::Relaxed);
    }

    /// The last request captured, which it clears.
    pub fn take_captured(&self) -> Option<CapturedRequest> {
        self.state.captured().take()
    }
}

impl HttpClient for CannedHttpClient {
    fn http_connector(
        &self,
        _settings: &HttpConnectorSettings,
        _components: &RuntimeComponents,
    ) -> SharedHttpConnector {
        self.connector.clone()
    }
}

/// An official client wired to a canned response and a phase timer.
#[derive(Clone, Debug)]
pub struct Harness<C> {
    /// The official client.
    pub client: C,
    /// The interceptor timing its phases.
    pub timer: PhaseTimer,
    /// The canned HTTP client it sends through.
    pub http: CannedHttpClient,
}

/// `pub fn $name(response) -> Harness<$sdk::Client>`: an official client of
/// that SDK crate, wired to the canned response and a phase timer, with fixed
/// credentials, region [`REGION`] and stalled-stream protection off.
macro_rules! official_harness {
    ($(#[$doc:meta])* $name:ident, $sdk:ident) => {
        $(#[$doc])*
        pub fn $name(response: CannedResponse) -> Harness<$sdk::Client> {
            use $sdk::config::{BehaviorVersion, Credentials, Region, StalledStreamProtectionConfig};
            let timer = PhaseTimer::new();
            let http = CannedHttpClient::new(response);
            let config = $sdk::Config::builder()
                .behavior_version(BehaviorVersion::latest())
                .region(Region::new(REGION))
                .credentials_provider(Credentials::new(
                    "AKIDEXAMPLE",
                    "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                    None,
                    None,
                    "benchmark",
                ))
                .http_client(http.clone())
                .stalled_stream_protection(StalledStreamProtectionConfig::disabled())
                .interceptor(timer.clone())
                .build();
            Harness {
                client: $sdk::Client::from_conf(config),
                timer,
                http,
            }
        }
    };
}

official_harness!(
    /// An official API Gateway client that answers every call with `response`.
    apigateway,
    aws_sdk_apigateway
);
official_harness!(
    /// An official DynamoDB client that answers every call with `response`.
    dynamodb,
    aws_sdk_dynamodb
);
official_harness!(
    /// An official EC2 client that answers every call with `response`.
    ec2,
    aws_sdk_ec2
);
official_harness!(
    /// An official SNS client that answers every call with `response`.
    sns,
    aws_sdk_sns
);
