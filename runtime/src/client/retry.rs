//! Retries as botocore 1.43.67 decides them: which failed attempts are
//! retried, how long to wait before the next attempt, and the per-client
//! retry quota that stops retrying when too many attempts fail.
//!
//! Every rule here is botocore's `retries/standard.py` (with
//! `retries/quota.py` and `retries/special.py`), and each item names the
//! class it follows. botocore runs that module in two flavours, chosen by
//! the `AWS_NEW_RETRIES_2026` environment variable (its `NEW_RETRIES_ENABLED`
//! flag, `configprovider.py`); both are [`RetryMode`]s here:
//!
//! | | [`Standard2026`](RetryMode::Standard2026) | [`StandardPre2026`](RetryMode::StandardPre2026) |
//! |---|---|---|
//! | base delay, throttling | 1 s | 1 s |
//! | base delay, other errors | 50 ms (DynamoDB, DynamoDB Streams: 25 ms) | 1 s |
//! | delay before retry *n* | `rand * min(base * 2^(n-1), 20 s)` | `rand * min(2^(n-1) s, 20 s)` |
//! | `x-amz-retry-after` | honoured, within `[delay, delay + 5 s]` | ignored |
//! | max attempts | 3 (DynamoDB and DynamoDB Streams: 4) | 3 |
//! | quota cost, throttling | 5 | 5 |
//! | quota cost, timeout | 14 | 10 |
//! | quota cost, other errors | 14 | 5 |
//! | long polling, quota empty | wait the delay, then give up | give up at once |
//!
//! Both draw on a quota of 500 tokens per client, refunded on success.
//!
//! The module is pure and synchronous: the client's call loop sends the
//! requests and sleeps, and asks a [`CallRetries`] after every attempt what
//! to do next:
//!
//! ```
//! use awsgen_runtime::client::retry::{
//!     AttemptOutcome, RetryDecision, RetryMode, RetryPolicy, StopReason,
//! };
//!
//! // One policy per client: it owns the client's retry quota.
//! let policy = RetryPolicy::new(RetryMode::Standard2026, "DynamoDB", None)
//!     .with_random(|| 0.5);
//! // One `CallRetries` per operation call.
//! let mut call = policy.start_call("GetItem");
//! let answers = [500, 500, 200];
//! let mut waited = Vec::new();
//! for status in answers {
//!     // ... send attempt `call.attempt()` of `call.max_attempts()` ...
//!     match call.after_attempt(&AttemptOutcome::response(status)) {
//!         RetryDecision::Retry { delay, .. } => waited.push(delay), // sleep, then resend
//!         RetryDecision::Stop { reason, delay } => {
//!             // sleep `delay` (zero unless long polling), then return the outcome
//!             assert_eq!(reason, StopReason::NotRetryable); // a success is not retried
//!             assert!(delay.is_zero());
//!             break;
//!         }
//!     }
//! }
//! // DynamoDB's transient errors back off from 25 ms: 0.5 × 25 ms, 0.5 × 50 ms.
//! assert_eq!(waited, [std::time::Duration::from_micros(12_500), std::time::Duration::from_millis(25)]);
//! // Two retries cost 14 tokens each; the success gave back the last 14.
//! assert_eq!(policy.quota().available(), 500 - 14);
//! ```
//!
//! Where this module departs from botocore, it says so: it has no `legacy`
//! or `adaptive` mode, and it defaults to the 2026 behaviour, which
//! botocore 1.43.67 only runs when `AWS_NEW_RETRIES_2026=true`.

use std::fmt;
use std::str::FromStr;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// The environment variable that chooses between the two flavours of
/// botocore's standard mode (`configprovider.py`, `_resolve_new_retries`):
/// `true` in any case is [`RetryMode::Standard2026`], anything else
/// [`RetryMode::StandardPre2026`]. Only the environment sets it; there is no
/// shared-config key.
pub const NEW_RETRIES_ENV: &str = "AWS_NEW_RETRIES_2026";

/// Which rules retries follow: the two flavours of botocore's `standard`
/// retry mode.
///
/// botocore's `legacy` mode (`retryhandler.py` driven by `data/_retry.json`)
/// and `adaptive` mode (standard plus the client-side rate limiter of
/// `retries/adaptive.py`) are not implemented; [`FromStr`] refuses them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum RetryMode {
    /// botocore's `standard` mode with `NEW_RETRIES_ENABLED` (environment
    /// `AWS_NEW_RETRIES_2026=true`): the retry behaviour AWS SDKs adopt as
    /// their default in November 2026. Error-specific base delays,
    /// `x-amz-retry-after`, DynamoDB's 4 attempts, cheaper throttling
    /// retries, long-polling waits.
    ///
    /// This is the default here. botocore 1.43.67 itself still defaults to
    /// its `legacy` mode unless `AWS_NEW_RETRIES_2026=true` is set (then
    /// `standard`, i.e. this).
    #[default]
    Standard2026,
    /// botocore's `standard` mode without `NEW_RETRIES_ENABLED`: the standard
    /// mode AWS SDKs used before 2026. One base delay of 1 s for every
    /// error, retry cost 5 (10 for timeouts), 3 attempts for every service.
    StandardPre2026,
}

impl RetryMode {
    /// The mode the settings botocore reads select: `retry_mode` (the
    /// `AWS_RETRY_MODE` environment variable, else the profile's
    /// `retry_mode`) and the `AWS_NEW_RETRIES_2026` environment variable.
    ///
    /// `retry_mode` must be `standard` when given (see [`FromStr`]).
    /// `AWS_NEW_RETRIES_2026` chooses the flavour as botocore does (`true`
    /// in any case: 2026; any other value: pre-2026); when it is unset the
    /// 2026 behaviour applies, where botocore 1.43.67 would still use
    /// pre-2026 rules (or `legacy`, when `retry_mode` is unset too).
    pub fn resolve(
        retry_mode: Option<&str>,
        new_retries_2026: Option<&str>,
    ) -> Result<RetryMode, ParseRetryModeError> {
        if let Some(value) = retry_mode {
            value.parse::<RetryMode>()?;
        }
        // configprovider.py: `_env_new_retries.lower() == 'true'`.
        let updated = new_retries_2026.is_none_or(|value| value.to_lowercase() == "true");
        Ok(if updated {
            RetryMode::Standard2026
        } else {
            RetryMode::StandardPre2026
        })
    }

    /// The `retry_mode` value that names this mode, as the user agent
    /// reports it (`cfg/retry-mode#standard`): `standard` for both.
    pub fn as_str(self) -> &'static str {
        "standard"
    }
}

impl fmt::Display for RetryMode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for RetryMode {
    type Err = ParseRetryModeError;

    /// Reads a `retry_mode` / `AWS_RETRY_MODE` value: `standard` is
    /// [`RetryMode::Standard2026`] (use [`RetryMode::resolve`] to honour
    /// `AWS_NEW_RETRIES_2026`).
    ///
    /// The value must match exactly, as botocore compares it
    /// (`client.py`, `_register_retries`). `legacy` and `adaptive` are valid
    /// botocore modes this crate does not implement, and anything else is
    /// not a mode; both are refused. (botocore refuses an unknown mode given
    /// in code (`config.py`), but one from the environment or a profile
    /// silently turns retries off; an error says more.)
    fn from_str(value: &str) -> Result<RetryMode, ParseRetryModeError> {
        match value {
            "standard" => Ok(RetryMode::Standard2026),
            "legacy" | "adaptive" => Err(ParseRetryModeError {
                value: value.to_owned(),
                unsupported: true,
            }),
            _ => Err(ParseRetryModeError {
                value: value.to_owned(),
                unsupported: false,
            }),
        }
    }
}

/// A `retry_mode` value this crate cannot use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseRetryModeError {
    value: String,
    unsupported: bool,
}

impl ParseRetryModeError {
    /// The value as given.
    pub fn value(&self) -> &str {
        &self.value
    }

    /// Whether the value is a retry mode AWS SDKs know (`legacy`,
    /// `adaptive`) that this crate does not implement, rather than no mode
    /// at all.
    pub fn is_unsupported(&self) -> bool {
        self.unsupported
    }
}

impl fmt::Display for ParseRetryModeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.value.as_str() {
            "legacy" => f.write_str(
                "retry mode \"legacy\" is not supported (it is botocore's per-SDK \
                 retryhandler); use \"standard\"",
            ),
            "adaptive" => f.write_str(
                "retry mode \"adaptive\" is not supported (its client-side rate limiting is \
                 not implemented); use \"standard\", which retries the same errors",
            ),
            value => write!(
                f,
                "retry mode {value:?} is not one of \"standard\", \"adaptive\", \"legacy\" \
                 (of which only \"standard\" is supported)"
            ),
        }
    }
}

impl std::error::Error for ParseRetryModeError {}

/// How an attempt failed without a response.
///
/// botocore's HTTP layer (`httpsession.py`, `URLLib3Session.send`) turns
/// every failure into one of these exception classes, and standard mode
/// retries all of them (`TransientRetryableChecker`: `ConnectionError` and
/// `HTTPClientError`, the parents of them all), whether or not the request
/// may have reached the service: botocore makes no exception for read
/// timeouts or closed connections on non-idempotent operations. The kinds
/// differ only in the pre-2026 quota cost, where timeouts cost more.
///
/// Failures before anything is sent (no credentials, no endpoint, an input
/// that cannot be serialised) are not attempts: botocore raises them before
/// its retry loop, so do not report them here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TransportFailure {
    /// No connection: DNS, connection refused, TLS handshake, proxy
    /// (`EndpointConnectionError`, `SSLError`, `ProxyConnectionError`).
    Connect,
    /// No connection within the connect timeout (`ConnectTimeoutError`).
    ConnectTimeout,
    /// Connected, but no whole response within the timeout
    /// (`ReadTimeoutError`).
    ReadTimeout,
    /// The connection was reset or closed before a whole response came
    /// (`ConnectionClosedError`, from urllib3's `ProtocolError`).
    ConnectionClosed,
    /// Any other failure of the HTTP exchange (`HTTPClientError`).
    Other,
}

impl TransportFailure {
    /// Whether botocore counts it a timeout (`RetryQuotaChecker`:
    /// `ConnectTimeoutError`, `ReadTimeoutError`).
    pub fn is_timeout(self) -> bool {
        matches!(
            self,
            TransportFailure::ConnectTimeout | TransportFailure::ReadTimeout
        )
    }
}

/// What the client knows about one attempt: the response (status, error
/// code, the model's `retryable` trait, `x-amz-retry-after`), or the
/// transport failure that left it without one.
///
/// Build it with [`response`](Self::response) or
/// [`transport`](Self::transport) and the `with_*` methods.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct AttemptOutcome<'a> {
    /// The response's HTTP status; `None` when there was no response.
    pub status: Option<u16>,
    /// The error code the protocol read from the response (`Error.Code` in
    /// botocore's parsed response), if any.
    pub error_code: Option<&'a str>,
    /// The model's `retryable` trait on the exception whose code (or name)
    /// is `error_code`: `Some(true)` when it says `throttling: true`,
    /// `Some(false)` for another retryable exception, `None` when the
    /// exception is not marked or not modelled. It counts only with an
    /// `error_code`, as in botocore (`ModeledRetryableChecker`).
    pub modeled_retry: Option<bool>,
    /// Why there was no response; when set, the response fields are
    /// ignored.
    pub transport_failure: Option<TransportFailure>,
    /// The response's `x-amz-retry-after` header (milliseconds), if any;
    /// see [`x_amz_retry_after`].
    pub retry_after: Option<&'a str>,
    /// DynamoDB only: the response carried `x-amz-crc32` and the body's
    /// CRC32 differs (`special.py`, `RetryDDBChecksumError`).
    pub crc32_mismatch: bool,
}

impl<'a> AttemptOutcome<'a> {
    /// A response with this status, and nothing else known yet.
    pub fn response(status: u16) -> Self {
        AttemptOutcome {
            status: Some(status),
            error_code: None,
            modeled_retry: None,
            transport_failure: None,
            retry_after: None,
            crc32_mismatch: false,
        }
    }

    /// No response, for this reason.
    pub fn transport(failure: TransportFailure) -> Self {
        AttemptOutcome {
            status: None,
            error_code: None,
            modeled_retry: None,
            transport_failure: Some(failure),
            retry_after: None,
            crc32_mismatch: false,
        }
    }

    /// With the response's error code.
    pub fn with_error_code(mut self, code: Option<&'a str>) -> Self {
        self.error_code = code;
        self
    }

    /// With the model's `retryable` trait on the error (see
    /// [`modeled_retry`](Self::modeled_retry)).
    pub fn with_modeled_retry(mut self, throttling: Option<bool>) -> Self {
        self.modeled_retry = throttling;
        self
    }

    /// With the response's `x-amz-retry-after` header value.
    pub fn with_retry_after(mut self, value: Option<&'a str>) -> Self {
        self.retry_after = value;
        self
    }

    /// With whether DynamoDB's `x-amz-crc32` disagrees with the body.
    pub fn with_crc32_mismatch(mut self, mismatch: bool) -> Self {
        self.crc32_mismatch = mismatch;
        self
    }

    /// The status, when there was a response.
    fn response_status(&self) -> Option<u16> {
        self.transport_failure.map_or(self.status, |_| None)
    }

    /// The error code, when there was a response.
    fn response_code(&self) -> Option<&'a str> {
        self.transport_failure.map_or(self.error_code, |_| None)
    }
}

/// The `x-amz-retry-after` header of a response, as botocore reads it
/// (`ExponentialBackoff._get_retry_after_delay`): the header's one value.
///
/// When the header is repeated, urllib3 joins the values with `, `, which
/// botocore then fails to read as a number and ignores; this gives `None`
/// for the same effect. A value that is not visible ASCII is `None` too (it
/// could not be a number). botocore does not read the standard
/// `Retry-After` header, and neither does this.
pub fn x_amz_retry_after(headers: &http::HeaderMap) -> Option<&str> {
    let mut values = headers.get_all("x-amz-retry-after").iter();
    let value = values.next()?;
    if values.next().is_some() {
        return None;
    }
    value.to_str().ok()
}

/// Why an attempt may be retried, which sets its base delay and quota
/// cost; `None` from [`classify`] means it may not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RetryClass {
    /// The service throttled the request: an error code from botocore's
    /// throttling list, or an exception the model marks
    /// `retryable: {throttling: true}` (`ThrottlingErrorDetector`).
    Throttling,
    /// A connect or read timeout, without a response
    /// ([`TransportFailure::is_timeout`]).
    Timeout,
    /// Any other retryable failure: a transient error code or status, a
    /// transport failure, an exception the model marks retryable, or one of
    /// botocore's special cases.
    Transient,
}

/// Error codes botocore treats as throttling, whatever the status
/// (`standard.py`, `ThrottledRetryableChecker._THROTTLED_ERROR_CODES`).
const THROTTLING_CODES: &[&str] = &[
    "Throttling",
    "ThrottlingException",
    "ThrottledException",
    "RequestThrottledException",
    "TooManyRequestsException",
    "ProvisionedThroughputExceededException",
    "TransactionInProgressException",
    "RequestLimitExceeded",
    "BandwidthLimitExceeded",
    "LimitExceededException",
    "RequestThrottled",
    "SlowDown",
    "PriorRequestNotComplete",
    "EC2ThrottledException",
];

/// Error codes botocore retries as transient
/// (`TransientRetryableChecker._TRANSIENT_ERROR_CODES`).
/// `PriorRequestNotComplete` is on both lists; as throttling comes first, it
/// is throttling.
const TRANSIENT_CODES: &[&str] = &[
    "RequestTimeout",
    "RequestTimeoutException",
    "PriorRequestNotComplete",
];

/// Statuses botocore retries as transient, whatever the error code
/// (`TransientRetryableChecker._TRANSIENT_STATUS_CODES`). Not 429: a 429 is
/// retried only for its error code (most are `TooManyRequestsException` or
/// `ThrottlingException`), and not 509 either (`_retry.json` lists both, but
/// only the `legacy` mode reads that file).
const TRANSIENT_STATUSES: &[u16] = &[500, 502, 503, 504];

/// Whether and why `outcome` may be retried, as botocore's
/// `StandardRetryConditions` and `ThrottlingErrorDetector` decide for the
/// service with the SDK service id `service_id` (`DynamoDB`, `STS`):
///
/// 1. throttling: an error code from botocore's list, or the model's
///    `retryable: {throttling: true}`;
/// 2. transient: an error code `RequestTimeout`, `RequestTimeoutException`
///    or `PriorRequestNotComplete`; status 500, 502, 503 or 504; any
///    transport failure (a timeout, from botocore's timeout classes, is
///    [`RetryClass::Timeout`]); the model's `retryable` trait; STS's
///    `IDPCommunicationError`; a DynamoDB response whose CRC32 disagrees
///    (`special.py`).
///
/// Anything else, a success included, is `None`. The service id matters
/// only for the two special cases, which botocore keys on the service name
/// (`sts`, `dynamodb`): it is compared as botocore's `hyphenize()` makes it
/// (`DynamoDB Streams` → `dynamodb-streams`, which is not `dynamodb`).
pub fn classify(outcome: &AttemptOutcome<'_>, service_id: &str) -> Option<RetryClass> {
    classify_for(outcome, ServiceKind::of(&hyphenize(service_id)))
}

fn classify_for(outcome: &AttemptOutcome<'_>, service: ServiceKind) -> Option<RetryClass> {
    if let Some(failure) = outcome.transport_failure {
        // TransientRetryableChecker: every exception from the HTTP layer is a
        // ConnectionError or an HTTPClientError. RetryQuotaChecker tells
        // timeouts apart.
        return Some(if failure.is_timeout() {
            RetryClass::Timeout
        } else {
            RetryClass::Transient
        });
    }
    let code = outcome.response_code();
    let status = outcome.response_status();
    // ModeledRetryErrorDetector matches the error code against the modelled
    // exceptions, so without a code there is no modelled answer.
    let modeled = code.and(outcome.modeled_retry);
    if code.is_some_and(|code| THROTTLING_CODES.contains(&code)) || modeled == Some(true) {
        return Some(RetryClass::Throttling);
    }
    let transient = code.is_some_and(|code| TRANSIENT_CODES.contains(&code))
        || status.is_some_and(|status| TRANSIENT_STATUSES.contains(&status))
        || modeled.is_some()
        // special.py, RetryIDPCommunicationError: STS only.
        || (service == ServiceKind::Sts && code == Some("IDPCommunicationError"))
        // special.py, RetryDDBChecksumError: DynamoDB only, and only with a
        // response (whatever its status, a 200 included).
        || (service == ServiceKind::DynamoDb && status.is_some() && outcome.crc32_mismatch);
    transient.then_some(RetryClass::Transient)
}

/// `x-amz-retry-after` (milliseconds) as the delay it asks for, read as
/// botocore reads it (`ExponentialBackoff._get_retry_after_delay`: Python's
/// `int(value) / 1000.0`), or `None` where botocore ignores it: not a whole
/// number, negative, or too large for a float.
///
/// Python's `int` allows surrounding white space, a sign, and single
/// underscores between digits (`1_000`); so does this. (Python also takes
/// non-ASCII digits, which an HTTP header does not carry.) Only
/// [`RetryMode::Standard2026`] uses the header; [`RetryPolicy::backoff`]
/// bounds it. A value beyond what a [`Duration`] holds (but not beyond a
/// float) gives [`Duration::MAX`]: botocore honours it, up to its bound.
pub fn parse_retry_after(value: &str) -> Option<Duration> {
    retry_after_secs(value).map(|secs| Duration::try_from_secs_f64(secs).unwrap_or(Duration::MAX))
}

fn retry_after_secs(value: &str) -> Option<f64> {
    let text = value.trim();
    let (negative, digits) = match text.as_bytes().first()? {
        b'+' => (false, &text[1..]),
        b'-' => (true, &text[1..]),
        _ => (false, text),
    };
    let well_formed = !digits.is_empty()
        && !digits.starts_with('_')
        && !digits.ends_with('_')
        && !digits.contains("__")
        && digits.bytes().all(|b| b.is_ascii_digit() || b == b'_');
    if !well_formed {
        return None;
    }
    let digits: String = digits.chars().filter(|c| *c != '_').collect();
    // Python converts the integer to the nearest float (OverflowError past
    // the largest), as Rust's correctly rounded parse does (infinity).
    let millis: f64 = digits.parse().ok()?;
    if !millis.is_finite() || (negative && millis != 0.0) {
        return None;
    }
    Some(millis / 1000.0)
}

/// The most botocore waits before a retry, `x-amz-retry-after` aside
/// (`ExponentialBackoff._MAX_BACKOFF`).
const MAX_BACKOFF_SECS: f64 = 20.0;
/// How far `x-amz-retry-after` may stretch the computed delay
/// (`ExponentialBackoff._RETRY_AFTER_MAX_ADDITIONAL`).
const RETRY_AFTER_MAX_ADDITIONAL_SECS: f64 = 5.0;
/// The base delay of throttling errors, 2026
/// (`_DEFAULT_BACKOFF_CONFIG['throttling_base_scale']`).
const THROTTLING_BASE_SECS: f64 = 1.0;
/// The base delay of other errors, 2026
/// (`_DEFAULT_BACKOFF_CONFIG['non_throttling_base_scale']`).
const NON_THROTTLING_BASE_SECS: f64 = 0.05;
/// The base delay of DynamoDB's and DynamoDB Streams' other errors, 2026
/// (`_SERVICE_BACKOFF_CONFIG`).
const DYNAMODB_NON_THROTTLING_BASE_SECS: f64 = 0.025;
/// The base delay of every error before 2026: `2 ** (attempt - 1)` seconds.
const PRE_2026_BASE_SECS: f64 = 1.0;

/// Attempts per call when nothing is configured
/// (`standard.py`, `DEFAULT_MAX_ATTEMPTS`).
const DEFAULT_MAX_ATTEMPTS: u32 = 3;
/// DynamoDB's and DynamoDB Streams' attempts per call, 2026 only
/// (`_SERVICE_MAX_ATTEMPTS`).
const DYNAMODB_MAX_ATTEMPTS: u32 = 4;

/// Operations that wait for work on the server, whose callers loop on them:
/// with an empty quota they still wait the backoff before giving up, so a
/// polling loop does not spin (`RetryHandler._LONG_POLLING_OPERATIONS`,
/// keyed by hyphenized service id; botocore plans to read the
/// `aws.api#longPoll` trait instead).
const LONG_POLLING_OPERATIONS: &[(&str, &[&str])] = &[
    ("sqs", &["ReceiveMessage"]),
    ("sfn", &["GetActivityTask"]),
    ("swf", &["PollForActivityTask", "PollForDecisionTask"]),
];

/// Whether botocore waits out the backoff of the operation `operation` of
/// the service with SDK service id `service_id` (`SQS`) when its retry
/// quota is empty: SQS `ReceiveMessage`, SFN `GetActivityTask`, SWF
/// `PollForActivityTask` and `PollForDecisionTask`.
pub fn is_long_polling_operation(service_id: &str, operation: &str) -> bool {
    let service = hyphenize(service_id);
    LONG_POLLING_OPERATIONS
        .iter()
        .any(|(name, operations)| *name == service && operations.contains(&operation))
}

/// Attempts per call (the first included) when none are configured:
/// 4 for DynamoDB and DynamoDB Streams in [`RetryMode::Standard2026`],
/// else 3 (`standard.py`, `register_retry_handler`).
pub fn default_max_attempts(mode: RetryMode, service_id: &str) -> u32 {
    match (mode, ServiceKind::of(&hyphenize(service_id))) {
        (RetryMode::Standard2026, ServiceKind::DynamoDb | ServiceKind::DynamoDbStreams) => {
            DYNAMODB_MAX_ATTEMPTS
        }
        _ => DEFAULT_MAX_ATTEMPTS,
    }
}

/// The quota tokens a retry of this class takes (`RetryQuotaChecker`):
/// 2026: 5 for throttling, 14 for anything else (`_THROTTLING_RETRY_COST`,
/// `_RETRY_COST_V2`); pre-2026: 10 for a timeout, 5 for anything else
/// (`_TIMEOUT_RETRY_REQUEST`, `_RETRY_COST`).
pub fn retry_cost(mode: RetryMode, class: RetryClass) -> u32 {
    match (mode, class) {
        (RetryMode::Standard2026, RetryClass::Throttling) => 5,
        (RetryMode::Standard2026, RetryClass::Timeout | RetryClass::Transient) => 14,
        (RetryMode::StandardPre2026, RetryClass::Timeout) => 10,
        (RetryMode::StandardPre2026, RetryClass::Throttling | RetryClass::Transient) => 5,
    }
}

/// What a call that succeeds without retrying gives back to the quota
/// (`RetryQuotaChecker._NO_RETRY_INCREMENT`).
const NO_RETRY_INCREMENT: u32 = 1;

/// A client's retry quota (`retries/quota.py`, `RetryQuota`): a bucket of
/// tokens every retry draws on and every successful call refills, so that
/// when most calls fail the client soon stops retrying (and adding load to
/// a struggling service) and fails fast instead.
///
/// Thread-safe and lock-free; share it with an [`Arc`] (a [`RetryPolicy`]
/// does).
#[derive(Debug)]
pub struct RetryQuota {
    capacity: u32,
    available: AtomicU32,
}

impl RetryQuota {
    /// A new client's tokens (`RetryQuota.INITIAL_CAPACITY`).
    pub const INITIAL_CAPACITY: u32 = 500;

    /// A full quota of [`INITIAL_CAPACITY`](Self::INITIAL_CAPACITY) tokens.
    pub fn new() -> Self {
        Self::with_capacity(Self::INITIAL_CAPACITY)
    }

    /// A full quota of `capacity` tokens.
    pub fn with_capacity(capacity: u32) -> Self {
        RetryQuota {
            capacity,
            available: AtomicU32::new(capacity),
        }
    }

    /// Takes `amount` tokens if that many are left, and says whether it did
    /// (`RetryQuota.acquire`: all or nothing).
    pub fn try_acquire(&self, amount: u32) -> bool {
        self.available
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |available| {
                available.checked_sub(amount)
            })
            .is_ok()
    }

    /// Gives back `amount` tokens, never beyond the capacity
    /// (`RetryQuota.release`).
    pub fn release(&self, amount: u32) {
        let capacity = self.capacity;
        // Err only when already full: nothing to do.
        let _ = self
            .available
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |available| {
                (available < capacity).then(|| available + amount.min(capacity - available))
            });
    }

    /// Tokens left.
    pub fn available(&self) -> u32 {
        self.available.load(Ordering::Acquire)
    }

    /// Tokens when full.
    pub fn capacity(&self) -> u32 {
        self.capacity
    }
}

impl Default for RetryQuota {
    fn default() -> Self {
        Self::new()
    }
}

/// A service id as botocore's `ServiceId.hyphenize()` makes it
/// (`utils.py`, `hyphenize_service_id`): spaces to hyphens, lower case.
fn hyphenize(service_id: &str) -> String {
    service_id.replace(' ', "-").to_lowercase()
}

/// The services some rule singles out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ServiceKind {
    DynamoDb,
    DynamoDbStreams,
    Sts,
    Other,
}

impl ServiceKind {
    fn of(hyphenized: &str) -> ServiceKind {
        match hyphenized {
            "dynamodb" => ServiceKind::DynamoDb,
            "dynamodb-streams" => ServiceKind::DynamoDbStreams,
            "sts" => ServiceKind::Sts,
            _ => ServiceKind::Other,
        }
    }
}

/// A source of random numbers in `[0, 1)` for the backoff's jitter.
type RandomSource = Arc<dyn Fn() -> f64 + Send + Sync>;

/// A random number in `[0, 1)` from the operating system, through a v4
/// UUID: its bytes 9 to 15 are all random (version and variant bits sit in
/// bytes 6 and 8), of which the top 53 bits make an `f64`.
fn os_random() -> f64 {
    let bytes = uuid::Uuid::new_v4().into_bytes();
    let mut word = [0u8; 8];
    word[1..].copy_from_slice(&bytes[9..16]);
    let bits = u64::from_be_bytes(word) >> 3;
    bits as f64 / (1u64 << 53) as f64
}

/// One client's retry rules: the mode, the service, the attempts per call,
/// the quota all its calls share, and the random source of the jitter.
///
/// Cheap to clone; clones share the quota, as calls on one botocore client
/// do. Start each operation call with [`start_call`](Self::start_call).
#[derive(Clone)]
pub struct RetryPolicy {
    mode: RetryMode,
    service_id: String,
    service: ServiceKind,
    max_attempts: u32,
    quota: Arc<RetryQuota>,
    random: RandomSource,
}

impl fmt::Debug for RetryPolicy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RetryPolicy")
            .field("mode", &self.mode)
            .field("service_id", &self.service_id)
            .field("max_attempts", &self.max_attempts)
            .field("quota", &self.quota)
            .finish_non_exhaustive()
    }
}

impl RetryPolicy {
    /// The rules of `mode` for the service with SDK service id `service_id`
    /// (`DynamoDB`, `SQS`), with a full quota of its own.
    ///
    /// `max_attempts` is the configured total (`max_attempts`,
    /// `AWS_MAX_ATTEMPTS`, the first attempt included); `None` takes the
    /// service's default ([`default_max_attempts`]). As in botocore, 0 means
    /// no retries in 2026 mode but the default of 3 before 2026
    /// (`max_attempts or DEFAULT_MAX_ATTEMPTS`).
    pub fn new(mode: RetryMode, service_id: &str, max_attempts: Option<u32>) -> Self {
        let service_id = hyphenize(service_id);
        let service = ServiceKind::of(&service_id);
        let default = default_max_attempts(mode, &service_id);
        let max_attempts = match (mode, max_attempts) {
            (RetryMode::StandardPre2026, Some(0)) | (_, None) => default,
            (_, Some(attempts)) => attempts,
        };
        RetryPolicy {
            mode,
            service_id,
            service,
            max_attempts,
            quota: Arc::new(RetryQuota::new()),
            random: Arc::new(os_random),
        }
    }

    /// With another source of random numbers in `[0, 1)` for the jitter (a
    /// fixed one makes delays predictable in tests). Values outside are
    /// clamped; NaN counts as 0.
    pub fn with_random(mut self, random: impl Fn() -> f64 + Send + Sync + 'static) -> Self {
        self.random = Arc::new(random);
        self
    }

    /// With this quota instead of the policy's own, to share one between
    /// policies (botocore has one per client).
    pub fn with_quota(mut self, quota: Arc<RetryQuota>) -> Self {
        self.quota = quota;
        self
    }

    /// The mode.
    pub fn mode(&self) -> RetryMode {
        self.mode
    }

    /// The service id, hyphenized as botocore keys its rules
    /// (`dynamodb-streams`).
    pub fn service_id(&self) -> &str {
        &self.service_id
    }

    /// Attempts per call, the first included.
    pub fn max_attempts(&self) -> u32 {
        self.max_attempts
    }

    /// The quota every call of the client draws on.
    pub fn quota(&self) -> &Arc<RetryQuota> {
        &self.quota
    }

    /// Whether and why `outcome` may be retried ([`classify`]).
    pub fn classify(&self, outcome: &AttemptOutcome<'_>) -> Option<RetryClass> {
        classify_for(outcome, self.service)
    }

    /// The base delay of a retry of this class: the delay ceiling of the
    /// first retry, doubling with every attempt.
    pub fn base_delay(&self, class: RetryClass) -> Duration {
        Duration::from_secs_f64(self.base_secs(class))
    }

    fn base_secs(&self, class: RetryClass) -> f64 {
        match (self.mode, class, self.service) {
            (RetryMode::StandardPre2026, _, _) => PRE_2026_BASE_SECS,
            (RetryMode::Standard2026, RetryClass::Throttling, _) => THROTTLING_BASE_SECS,
            (RetryMode::Standard2026, _, ServiceKind::DynamoDb | ServiceKind::DynamoDbStreams) => {
                DYNAMODB_NON_THROTTLING_BASE_SECS
            }
            (RetryMode::Standard2026, _, _) => NON_THROTTLING_BASE_SECS,
        }
    }

    /// How long to wait after attempt `attempt` (1-based) failed with
    /// `class`, given a `random` number in `[0, 1)` and the response's
    /// `x-amz-retry-after` (`ExponentialBackoff.delay_amount`):
    ///
    /// `t = random * min(base * 2^(attempt - 1), 20 s)`, exponential
    /// backoff with full jitter, the cap applied before the jitter. In 2026
    /// mode a readable `x-amz-retry-after` of `r` seconds makes it
    /// `max(t, min(r, t + 5 s))`: the service may ask for a longer wait, by
    /// at most 5 s, never for a shorter one. Pre-2026 ignores the header.
    ///
    /// The arithmetic is botocore's, in `f64` seconds, so the delays are
    /// the same to the nanosecond.
    pub fn backoff(
        &self,
        class: RetryClass,
        attempt: u32,
        random: f64,
        retry_after: Option<&str>,
    ) -> Duration {
        let random = if random.is_nan() {
            0.0
        } else {
            random.clamp(0.0, 1.0)
        };
        // 2^1100 is infinite as an f64, which the cap turns into 20 s where
        // Python's integer would overflow converting to float.
        let exponent = attempt.saturating_sub(1).min(1100) as i32;
        let ceiling = (self.base_secs(class) * 2f64.powi(exponent)).min(MAX_BACKOFF_SECS);
        let delay = random * ceiling;
        let delay = match (self.mode, retry_after.and_then(retry_after_secs)) {
            (RetryMode::Standard2026, Some(asked)) => {
                delay.max(asked.min(RETRY_AFTER_MAX_ADDITIONAL_SECS + delay))
            }
            _ => delay,
        };
        Duration::from_secs_f64(delay)
    }

    /// Starts the retries of one call of the operation `operation` (its
    /// model name, `ReceiveMessage`), long polling if botocore lists it
    /// ([`is_long_polling_operation`]).
    pub fn start_call(&self, operation: &str) -> CallRetries {
        let long_polling = LONG_POLLING_OPERATIONS.iter().any(|(service, operations)| {
            *service == self.service_id && operations.contains(&operation)
        });
        CallRetries {
            policy: self.clone(),
            attempt: 1,
            long_polling,
            last_acquired: None,
        }
    }
}

/// What to do after an attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RetryDecision {
    /// Wait `delay`, then send the request again (signed anew).
    Retry {
        /// How long to wait.
        delay: Duration,
        /// Why the attempt is retried.
        class: RetryClass,
    },
    /// The call is over: wait `delay`, then return this attempt's outcome
    /// to the caller. `delay` is zero except for a long-polling operation
    /// that stops because the quota is empty.
    Stop {
        /// Why the call is not retried.
        reason: StopReason,
        /// How long to wait before returning.
        delay: Duration,
    },
}

/// Why a call is not retried.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StopReason {
    /// The outcome may not be retried: a success, or an error outside
    /// botocore's lists.
    NotRetryable,
    /// The call has had all its attempts (botocore's `MaxAttemptsReached`
    /// response metadata). botocore checks this before retryability and so
    /// also reports it for a final success or client error; the decision
    /// is the same either way.
    MaxAttempts,
    /// The client's retry quota cannot pay for the retry (botocore's
    /// `RetryQuotaReached`).
    QuotaExhausted,
}

/// The retries of one operation call: which attempt this is and what its
/// last retry took from the quota (botocore keeps both in the request
/// context). Get one from [`RetryPolicy::start_call`] and report every
/// attempt to [`after_attempt`](Self::after_attempt) until it says
/// [`RetryDecision::Stop`].
#[derive(Debug, Clone)]
pub struct CallRetries {
    policy: RetryPolicy,
    attempt: u32,
    long_polling: bool,
    last_acquired: Option<u32>,
}

impl CallRetries {
    /// The number of the attempt being made, from 1 (the `attempt` of the
    /// `amz-sdk-request` header).
    pub fn attempt(&self) -> u32 {
        self.attempt
    }

    /// Attempts this call may make (the `max` of `amz-sdk-request`).
    pub fn max_attempts(&self) -> u32 {
        self.policy.max_attempts
    }

    /// Whether the call waits out the backoff when the quota is empty.
    pub fn is_long_polling(&self) -> bool {
        self.long_polling
    }

    /// Marks the call long polling or not, whatever botocore's list says
    /// (for a model's `aws.api#longPoll` trait). Only
    /// [`RetryMode::Standard2026`] acts on it.
    pub fn with_long_polling(mut self, long_polling: bool) -> Self {
        self.long_polling = long_polling;
        self
    }

    /// Decides what follows the attempt that ended with `outcome`, as
    /// botocore's `RetryHandler.needs_retry` and, when the call ends with a
    /// response, `RetryQuotaChecker.release_retry_quota` (`after-call`) do:
    ///
    /// 1. not retryable ([`classify`]): stop;
    /// 2. that was the last attempt: stop;
    /// 3. take the retry's cost from the quota ([`retry_cost`]); if it
    ///    cannot be paid, stop (in 2026 mode a long-polling call first waits
    ///    the backoff);
    /// 4. otherwise retry after [`RetryPolicy::backoff`], drawing one
    ///    random number.
    ///
    /// When the call stops with a 2xx response, the quota gets back what
    /// this call's last retry took, or 1 token if it never retried.
    pub fn after_attempt(&mut self, outcome: &AttemptOutcome<'_>) -> RetryDecision {
        let policy = &self.policy;
        let mode = policy.mode;
        let class = policy.classify(outcome);
        let retry_after = outcome
            .transport_failure
            .map_or(outcome.retry_after, |_| None);
        let backoff =
            |class: RetryClass| policy.backoff(class, self.attempt, (policy.random)(), retry_after);
        let decision = match class {
            None => RetryDecision::Stop {
                reason: StopReason::NotRetryable,
                delay: Duration::ZERO,
            },
            // MaxAttemptsChecker: `attempt_number < max_attempts`.
            Some(_) if self.attempt >= policy.max_attempts => RetryDecision::Stop {
                reason: StopReason::MaxAttempts,
                delay: Duration::ZERO,
            },
            Some(class) => {
                let cost = retry_cost(mode, class);
                if policy.quota.try_acquire(cost) {
                    // The request context's `retry_quota_capacity`: only the
                    // last retry's cost is refunded.
                    self.last_acquired = Some(cost);
                    let delay = backoff(class);
                    self.attempt += 1;
                    return RetryDecision::Retry { delay, class };
                }
                let delay = if mode == RetryMode::Standard2026 && self.long_polling {
                    backoff(class)
                } else {
                    Duration::ZERO
                };
                RetryDecision::Stop {
                    reason: StopReason::QuotaExhausted,
                    delay,
                }
            }
        };
        // after-call: the call ends with this attempt; a 2xx response
        // refills the quota.
        if outcome
            .response_status()
            .is_some_and(|status| (200..300).contains(&status))
        {
            policy
                .quota
                .release(self.last_acquired.unwrap_or(NO_RETRY_INCREMENT));
        }
        decision
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ZERO: Duration = Duration::ZERO;

    fn policy(mode: RetryMode, service_id: &str) -> RetryPolicy {
        RetryPolicy::new(mode, service_id, None).with_random(|| 0.5)
    }

    fn code(status: u16, code: &str) -> AttemptOutcome<'_> {
        AttemptOutcome::response(status).with_error_code(Some(code))
    }

    fn secs(value: f64) -> Duration {
        Duration::from_secs_f64(value)
    }

    // ---- mode parsing ----

    #[test]
    fn only_standard_parses() {
        assert_eq!("standard".parse(), Ok(RetryMode::Standard2026));
        for unsupported in ["legacy", "adaptive"] {
            let error = unsupported.parse::<RetryMode>().unwrap_err();
            assert!(error.is_unsupported());
            assert_eq!(error.value(), unsupported);
            assert!(error.to_string().contains("use \"standard\""), "{error}");
        }
        // botocore compares exactly: no case folding, no trimming.
        for invalid in ["Standard", " standard", "", "new"] {
            let error = invalid.parse::<RetryMode>().unwrap_err();
            assert!(!error.is_unsupported());
            assert!(
                error.to_string().contains(&format!("{invalid:?}")),
                "{error}"
            );
        }
    }

    #[test]
    fn aws_new_retries_2026_chooses_the_flavour() {
        use RetryMode::*;
        assert_eq!(RetryMode::default(), Standard2026);
        assert_eq!(RetryMode::resolve(None, None), Ok(Standard2026));
        assert_eq!(RetryMode::resolve(Some("standard"), None), Ok(Standard2026));
        // configprovider.py: `.lower() == 'true'`, anything else is false.
        assert_eq!(RetryMode::resolve(None, Some("TRUE")), Ok(Standard2026));
        assert_eq!(RetryMode::resolve(None, Some("True")), Ok(Standard2026));
        assert_eq!(
            RetryMode::resolve(Some("standard"), Some("false")),
            Ok(StandardPre2026)
        );
        assert_eq!(RetryMode::resolve(None, Some("1")), Ok(StandardPre2026));
        assert_eq!(RetryMode::resolve(None, Some("")), Ok(StandardPre2026));
        assert!(RetryMode::resolve(Some("adaptive"), Some("true")).is_err());
        assert_eq!(StandardPre2026.to_string(), "standard");
    }

    // ---- classification ----

    #[test]
    fn every_throttling_code_is_throttling_whatever_the_status() {
        for throttling in THROTTLING_CODES {
            for status in [400, 429, 503] {
                assert_eq!(
                    classify(&code(status, throttling), "EC2"),
                    Some(RetryClass::Throttling),
                    "{throttling} {status}"
                );
            }
        }
        assert_eq!(THROTTLING_CODES.len(), 14);
    }

    #[test]
    fn transient_codes_and_statuses() {
        for transient in ["RequestTimeout", "RequestTimeoutException"] {
            assert_eq!(
                classify(&code(400, transient), "S3"),
                Some(RetryClass::Transient)
            );
        }
        // On both lists: throttling wins, as ThrottlingErrorDetector decides
        // cost and delay.
        assert_eq!(
            classify(&code(400, "PriorRequestNotComplete"), "Route 53"),
            Some(RetryClass::Throttling)
        );
        for status in [500, 502, 503, 504] {
            assert_eq!(
                classify(&AttemptOutcome::response(status), "S3"),
                Some(RetryClass::Transient)
            );
            assert_eq!(
                classify(&code(status, "Whatever"), "S3"),
                Some(RetryClass::Transient)
            );
        }
        for status in [200, 204, 301, 400, 403, 404, 409, 429, 501, 505, 509] {
            assert_eq!(
                classify(&AttemptOutcome::response(status), "S3"),
                None,
                "{status}"
            );
        }
        // Error codes are compared exactly.
        assert_eq!(classify(&code(400, "throttling"), "S3"), None);
        assert_eq!(classify(&code(400, "ValidationException"), "S3"), None);
    }

    #[test]
    fn every_transport_failure_is_retried() {
        use TransportFailure::*;
        for (failure, class) in [
            (Connect, RetryClass::Transient),
            (ConnectTimeout, RetryClass::Timeout),
            (ReadTimeout, RetryClass::Timeout),
            (ConnectionClosed, RetryClass::Transient),
            (Other, RetryClass::Transient),
        ] {
            let outcome = AttemptOutcome::transport(failure);
            assert_eq!(classify(&outcome, "SQS"), Some(class), "{failure:?}");
        }
        // Without a response, stray response fields do not count.
        let mut outcome = AttemptOutcome::transport(Connect).with_error_code(Some("Throttling"));
        outcome.status = Some(200);
        assert_eq!(classify(&outcome, "SQS"), Some(RetryClass::Transient));
    }

    #[test]
    fn modeled_retryable_trait_needs_an_error_code() {
        let modeled = |throttling| code(400, "CustomBusy").with_modeled_retry(Some(throttling));
        assert_eq!(
            classify(&modeled(true), "Lambda"),
            Some(RetryClass::Throttling)
        );
        assert_eq!(
            classify(&modeled(false), "Lambda"),
            Some(RetryClass::Transient)
        );
        assert_eq!(
            classify(&code(400, "CustomBusy").with_modeled_retry(None), "Lambda"),
            None
        );
        let codeless = AttemptOutcome::response(400).with_modeled_retry(Some(true));
        assert_eq!(classify(&codeless, "Lambda"), None);
        // A listed throttling code stays throttling whatever the model says.
        let listed = code(400, "SlowDown").with_modeled_retry(Some(false));
        assert_eq!(classify(&listed, "S3"), Some(RetryClass::Throttling));
    }

    #[test]
    fn special_cases_only_for_their_service() {
        let idp = code(400, "IDPCommunicationError");
        assert_eq!(classify(&idp, "STS"), Some(RetryClass::Transient));
        assert_eq!(classify(&idp, "IAM"), None);
        let crc = AttemptOutcome::response(200).with_crc32_mismatch(true);
        assert_eq!(classify(&crc, "DynamoDB"), Some(RetryClass::Transient));
        assert_eq!(classify(&crc, "DynamoDB Streams"), None);
        assert_eq!(classify(&crc, "S3"), None);
        assert_eq!(
            classify(
                &AttemptOutcome::transport(TransportFailure::Connect).with_crc32_mismatch(true),
                "DynamoDB"
            ),
            Some(RetryClass::Transient)
        );
    }

    // ---- backoff ----

    #[test]
    fn base_delays_per_mode_class_and_service() {
        use RetryClass::*;
        let ddb = policy(RetryMode::Standard2026, "DynamoDB");
        let streams = policy(RetryMode::Standard2026, "DynamoDB Streams");
        let sqs = policy(RetryMode::Standard2026, "SQS");
        let old_ddb = policy(RetryMode::StandardPre2026, "DynamoDB");
        assert_eq!(sqs.base_delay(Throttling), Duration::from_secs(1));
        assert_eq!(sqs.base_delay(Transient), Duration::from_millis(50));
        assert_eq!(sqs.base_delay(Timeout), Duration::from_millis(50));
        assert_eq!(ddb.base_delay(Throttling), Duration::from_secs(1));
        assert_eq!(ddb.base_delay(Transient), Duration::from_millis(25));
        assert_eq!(streams.base_delay(Timeout), Duration::from_millis(25));
        for class in [Throttling, Transient, Timeout] {
            assert_eq!(old_ddb.base_delay(class), Duration::from_secs(1));
        }
    }

    /// Delays for random = 0.5, as botocore 1.43.67's `ExponentialBackoff`
    /// computed them (`/tmp/boto/bin/python`, both flavours).
    #[test]
    fn backoff_doubles_then_caps_at_twenty_seconds() {
        use RetryClass::*;
        let sqs = policy(RetryMode::Standard2026, "SQS");
        let ddb = policy(RetryMode::Standard2026, "DynamoDB");
        let old = policy(RetryMode::StandardPre2026, "SQS");
        let transient = [0.025, 0.05, 0.1, 0.2, 0.4, 0.8, 1.6, 3.2, 6.4, 10.0];
        let ddb_transient = [0.0125, 0.025, 0.05, 0.1, 0.2, 0.4, 0.8, 1.6, 3.2, 6.4];
        let throttling = [0.5, 1.0, 2.0, 4.0, 8.0, 10.0, 10.0, 10.0, 10.0, 10.0];
        for attempt in 1..=10 {
            let i = attempt as usize - 1;
            assert_eq!(
                sqs.backoff(Transient, attempt, 0.5, None),
                secs(transient[i])
            );
            assert_eq!(sqs.backoff(Timeout, attempt, 0.5, None), secs(transient[i]));
            assert_eq!(
                ddb.backoff(Transient, attempt, 0.5, None),
                secs(ddb_transient[i])
            );
            assert_eq!(
                sqs.backoff(Throttling, attempt, 0.5, None),
                secs(throttling[i])
            );
            assert_eq!(
                ddb.backoff(Throttling, attempt, 0.5, None),
                secs(throttling[i])
            );
            assert_eq!(
                old.backoff(Transient, attempt, 0.5, None),
                secs(throttling[i])
            );
            assert_eq!(
                old.backoff(Timeout, attempt, 0.5, None),
                secs(throttling[i])
            );
        }
        // The cap holds however many attempts, and jitter never exceeds it.
        assert_eq!(sqs.backoff(Transient, u32::MAX, 0.5, None), secs(10.0));
        assert_eq!(
            old.backoff(Throttling, 5000, 0.999999, None),
            secs(19.99998)
        );
        assert_eq!(sqs.backoff(Throttling, 1, 0.0, None), ZERO);
        // Out-of-range randoms are clamped.
        assert_eq!(sqs.backoff(Throttling, 30, 7.0, None), secs(20.0));
        assert_eq!(sqs.backoff(Throttling, 3, f64::NAN, None), ZERO);
        assert_eq!(sqs.backoff(Throttling, 3, -1.0, None), ZERO);
    }

    #[test]
    fn retry_after_is_read_like_python_int() {
        assert_eq!(parse_retry_after("1500"), Some(Duration::from_millis(1500)));
        assert_eq!(parse_retry_after(" 250 "), Some(Duration::from_millis(250)));
        assert_eq!(parse_retry_after("+7"), Some(Duration::from_millis(7)));
        assert_eq!(parse_retry_after("1_000"), Some(Duration::from_secs(1)));
        assert_eq!(parse_retry_after("007"), Some(Duration::from_millis(7)));
        assert_eq!(parse_retry_after("-0"), Some(ZERO));
        for ignored in [
            "-5", "abc", "1.5", "", " ", "_1", "1_", "1__0", "+", "0x10", "1e3", "١٢",
        ] {
            assert_eq!(parse_retry_after(ignored), None, "{ignored:?}");
        }
        // Beyond the largest float: Python's OverflowError, ignored.
        assert_eq!(parse_retry_after(&"9".repeat(400)), None);
        assert_eq!(parse_retry_after(&"9".repeat(300)), Some(Duration::MAX));
    }

    /// botocore 1.43.67, SQS GetQueueUrl answering 503 with the header
    /// twice, random 0.5: the sleeps before retries 1 and 2.
    #[test]
    fn retry_after_is_bounded_by_the_backoff_and_five_more_seconds() {
        use RetryClass::Transient;
        let sqs = policy(RetryMode::Standard2026, "SQS");
        let cases: &[(&str, [f64; 2])] = &[
            ("0", [0.025, 0.05]),
            ("1500", [1.5, 1.5]),
            ("3000", [3.0, 3.0]),
            ("10000", [5.025, 5.05]),
            ("-5", [0.025, 0.05]),
            ("abc", [0.025, 0.05]),
            ("1_000", [1.0, 1.0]),
            (" 250 ", [0.25, 0.25]),
            ("99999999999", [5.025, 5.05]),
        ];
        for (header, expected) in cases {
            for attempt in 1..=2 {
                assert_eq!(
                    sqs.backoff(Transient, attempt, 0.5, Some(header)),
                    secs(expected[attempt as usize - 1]),
                    "{header:?} attempt {attempt}"
                );
            }
        }
        // Throttling: the header may lengthen, never shorten.
        assert_eq!(
            sqs.backoff(RetryClass::Throttling, 3, 0.5, Some("100")),
            secs(2.0)
        );
        // Pre-2026 ignores it.
        let old = policy(RetryMode::StandardPre2026, "SQS");
        assert_eq!(old.backoff(Transient, 1, 0.5, Some("3000")), secs(0.5));
    }

    #[test]
    fn repeated_or_binary_retry_after_headers_are_ignored() {
        let mut headers = http::HeaderMap::new();
        assert_eq!(x_amz_retry_after(&headers), None);
        headers.insert("X-Amz-Retry-After", http::HeaderValue::from_static("1200"));
        assert_eq!(x_amz_retry_after(&headers), Some("1200"));
        headers.append("x-amz-retry-after", http::HeaderValue::from_static("10"));
        assert_eq!(x_amz_retry_after(&headers), None);
        headers.insert(
            "x-amz-retry-after",
            http::HeaderValue::from_bytes(b"\xff1").unwrap(),
        );
        assert_eq!(x_amz_retry_after(&headers), None);
        headers.insert("retry-after", http::HeaderValue::from_static("5"));
        headers.remove("x-amz-retry-after");
        assert_eq!(x_amz_retry_after(&headers), None);
    }

    // ---- quota ----

    #[test]
    fn costs_per_mode_and_class() {
        use RetryClass::*;
        use RetryMode::*;
        assert_eq!(retry_cost(Standard2026, Throttling), 5);
        assert_eq!(retry_cost(Standard2026, Transient), 14);
        assert_eq!(retry_cost(Standard2026, Timeout), 14);
        assert_eq!(retry_cost(StandardPre2026, Throttling), 5);
        assert_eq!(retry_cost(StandardPre2026, Transient), 5);
        assert_eq!(retry_cost(StandardPre2026, Timeout), 10);
    }

    #[test]
    fn quota_is_all_or_nothing_and_never_overfills() {
        let quota = RetryQuota::new();
        assert_eq!((quota.available(), quota.capacity()), (500, 500));
        quota.release(5);
        assert_eq!(quota.available(), 500);
        assert!(quota.try_acquire(14));
        assert_eq!(quota.available(), 486);
        quota.release(100);
        assert_eq!(quota.available(), 500);
        let small = RetryQuota::with_capacity(20);
        assert!(small.try_acquire(14));
        assert!(!small.try_acquire(14));
        assert_eq!(small.available(), 6);
        assert!(small.try_acquire(6));
        assert!(!small.try_acquire(1));
        assert!(small.try_acquire(0));
        small.release(u32::MAX);
        assert_eq!(small.available(), 20);
    }

    #[test]
    fn quota_is_shared_across_threads_without_losing_tokens() {
        let quota = Arc::new(RetryQuota::new());
        let threads: Vec<_> = (0..8)
            .map(|_| {
                let quota = Arc::clone(&quota);
                std::thread::spawn(move || (0..100).filter(|_| quota.try_acquire(1)).count())
            })
            .collect();
        let taken: usize = threads.into_iter().map(|t| t.join().unwrap()).sum();
        assert_eq!(taken, 500);
        assert_eq!(quota.available(), 0);
    }

    fn run(
        call: &mut CallRetries,
        outcomes: &[AttemptOutcome<'_>],
    ) -> (Vec<Duration>, RetryDecision) {
        let mut delays = Vec::new();
        for outcome in outcomes {
            match call.after_attempt(outcome) {
                RetryDecision::Retry { delay, .. } => delays.push(delay),
                stop => return (delays, stop),
            }
        }
        panic!("the call did not stop");
    }

    fn stop(reason: StopReason) -> RetryDecision {
        RetryDecision::Stop {
            reason,
            delay: ZERO,
        }
    }

    /// botocore 1.43.67, DynamoDB GetItem answering 500 every time,
    /// random 0.5: 2026 makes 4 attempts (quota 458), pre-2026 3 (490).
    #[test]
    fn dynamodb_gets_four_attempts_in_2026_only() {
        let e500 = [AttemptOutcome::response(500); 6];
        let ddb = policy(RetryMode::Standard2026, "DynamoDB");
        assert_eq!(ddb.max_attempts(), 4);
        let mut call = ddb.start_call("GetItem");
        let (delays, end) = run(&mut call, &e500);
        assert_eq!(delays, [secs(0.0125), secs(0.025), secs(0.05)]);
        assert_eq!(end, stop(StopReason::MaxAttempts));
        assert_eq!(call.attempt(), 4);
        assert_eq!(ddb.quota().available(), 458);

        let old = policy(RetryMode::StandardPre2026, "DynamoDB");
        assert_eq!(old.max_attempts(), 3);
        let (delays, end) = run(&mut old.start_call("GetItem"), &e500);
        assert_eq!(delays, [secs(0.5), secs(1.0)]);
        assert_eq!(end, stop(StopReason::MaxAttempts));
        assert_eq!(old.quota().available(), 490);

        assert_eq!(
            default_max_attempts(RetryMode::Standard2026, "DynamoDB Streams"),
            4
        );
        assert_eq!(default_max_attempts(RetryMode::Standard2026, "S3"), 3);
        assert_eq!(
            default_max_attempts(RetryMode::StandardPre2026, "DynamoDB Streams"),
            3
        );
    }

    #[test]
    fn configured_max_attempts_override_the_service_default() {
        use RetryMode::*;
        assert_eq!(
            RetryPolicy::new(Standard2026, "DynamoDB", Some(2)).max_attempts(),
            2
        );
        assert_eq!(
            RetryPolicy::new(Standard2026, "S3", Some(10)).max_attempts(),
            10
        );
        // `max_attempts or DEFAULT_MAX_ATTEMPTS` before 2026; `is None` in 2026.
        assert_eq!(
            RetryPolicy::new(StandardPre2026, "S3", Some(0)).max_attempts(),
            3
        );
        assert_eq!(
            RetryPolicy::new(Standard2026, "S3", Some(0)).max_attempts(),
            0
        );
        let once = RetryPolicy::new(Standard2026, "S3", Some(1)).with_random(|| 0.5);
        let mut call = once.start_call("GetObject");
        assert_eq!(
            call.after_attempt(&AttemptOutcome::response(503)),
            stop(StopReason::MaxAttempts)
        );
        assert_eq!(once.quota().available(), 500);
    }

    /// botocore 1.43.67, DynamoDB GetItem throttled twice then answering
    /// 200: sleeps 0.5 s and 1 s, quota 500 - 5 - 5 + 5 = 495 in both
    /// flavours.
    #[test]
    fn a_success_refunds_the_last_retry() {
        for mode in [RetryMode::Standard2026, RetryMode::StandardPre2026] {
            let ddb = policy(mode, "DynamoDB");
            let mut call = ddb.start_call("GetItem");
            let throttled = code(400, "ThrottlingException");
            let (delays, end) = run(
                &mut call,
                &[throttled, throttled, AttemptOutcome::response(200)],
            );
            assert_eq!(delays, [secs(0.5), secs(1.0)], "{mode:?}");
            assert_eq!(end, stop(StopReason::NotRetryable));
            assert_eq!(ddb.quota().available(), 495, "{mode:?}");
        }
        // Mixed classes: only the last retry's cost comes back.
        let sqs = policy(RetryMode::Standard2026, "SQS");
        let mut call = sqs.start_call("GetQueueUrl");
        let outcomes = [
            AttemptOutcome::response(500),
            code(400, "Throttling"),
            AttemptOutcome::response(200),
        ];
        run(&mut call, &outcomes);
        assert_eq!(sqs.quota().available(), 500 - 14 - 5 + 5);
    }

    #[test]
    fn only_a_final_2xx_refunds() {
        let sqs = policy(RetryMode::Standard2026, "SQS");
        assert!(sqs.quota().try_acquire(100));
        // Never retried: 1 token back.
        run(
            &mut sqs.start_call("GetQueueUrl"),
            &[AttemptOutcome::response(200)],
        );
        assert_eq!(sqs.quota().available(), 401);
        // Retried, then a 404: nothing back.
        let outcomes = [
            AttemptOutcome::response(503),
            code(404, "QueueDoesNotExist"),
        ];
        run(&mut sqs.start_call("GetQueueUrl"), &outcomes);
        assert_eq!(sqs.quota().available(), 387);
        // Retried, then out of attempts on a timeout: nothing back.
        let timeout = AttemptOutcome::transport(TransportFailure::ReadTimeout);
        run(&mut sqs.start_call("GetQueueUrl"), &[timeout; 3]);
        assert_eq!(sqs.quota().available(), 387 - 28);
        // A DynamoDB 200 with a bad CRC32 that runs out of attempts still
        // ends with a 2xx response: the last cost comes back.
        let ddb = policy(RetryMode::Standard2026, "DynamoDB");
        let bad = AttemptOutcome::response(200).with_crc32_mismatch(true);
        let (delays, end) = run(&mut ddb.start_call("GetItem"), &[bad; 4]);
        assert_eq!((delays.len(), end), (3, stop(StopReason::MaxAttempts)));
        assert_eq!(ddb.quota().available(), 500 - 3 * 14 + 14);
    }

    /// botocore 1.43.67, ReadTimeoutError on every attempt of SQS
    /// GetQueueUrl: 2026 quota 472 (14 each), pre-2026 480 (10 each).
    #[test]
    fn timeouts_cost_ten_before_2026_and_fourteen_after() {
        let timeout = AttemptOutcome::transport(TransportFailure::ReadTimeout);
        for (mode, delays, left) in [
            (RetryMode::Standard2026, [secs(0.025), secs(0.05)], 472),
            (RetryMode::StandardPre2026, [secs(0.5), secs(1.0)], 480),
        ] {
            let sqs = policy(mode, "SQS");
            let (got, end) = run(&mut sqs.start_call("GetQueueUrl"), &[timeout; 4]);
            assert_eq!(got, delays, "{mode:?}");
            assert_eq!(end, stop(StopReason::MaxAttempts));
            assert_eq!(sqs.quota().available(), left, "{mode:?}");
        }
        let old = policy(RetryMode::StandardPre2026, "SQS");
        let closed = AttemptOutcome::transport(TransportFailure::ConnectionClosed);
        run(&mut old.start_call("GetQueueUrl"), &[closed; 3]);
        assert_eq!(old.quota().available(), 490);
    }

    /// botocore 1.43.67, calls answering 500 on every attempt until the
    /// quota cannot pay: 2026 takes 28 a call down to 24, then 14 once more
    /// to 10, and stays at 10; pre-2026 takes 10 a call.
    #[test]
    fn an_empty_quota_stops_retries() {
        let e500 = [AttemptOutcome::response(500); 3];
        let sqs = policy(RetryMode::Standard2026, "SQS");
        let mut left = Vec::new();
        for _ in 0..19 {
            let (_, end) = run(&mut sqs.start_call("GetQueueUrl"), &e500);
            left.push(sqs.quota().available());
            if left.len() < 18 {
                assert_eq!(end, stop(StopReason::MaxAttempts));
            } else {
                assert_eq!(end, stop(StopReason::QuotaExhausted));
            }
        }
        assert_eq!(left[..3], [472, 444, 416]);
        assert_eq!(left[15..], [52, 24, 10, 10]);
        // A success without retries gives back 1.
        run(
            &mut sqs.start_call("GetQueueUrl"),
            &[AttemptOutcome::response(200)],
        );
        assert_eq!(sqs.quota().available(), 11);
        // Throttling still fits in what is left (5 each).
        let mut call = sqs.start_call("GetQueueUrl");
        assert!(matches!(
            call.after_attempt(&code(400, "Throttling")),
            RetryDecision::Retry { .. }
        ));
        assert!(matches!(
            call.after_attempt(&code(400, "Throttling")),
            RetryDecision::Retry { .. }
        ));
        assert_eq!(sqs.quota().available(), 1);

        let old = policy(RetryMode::StandardPre2026, "SQS");
        for expected in [490, 480, 470] {
            run(&mut old.start_call("GetQueueUrl"), &e500);
            assert_eq!(old.quota().available(), expected);
        }
    }

    /// botocore 1.43.67, SQS ReceiveMessage once the quota is at 10: one
    /// sleep of the first backoff (0.025 s), no retry.
    #[test]
    fn long_polling_waits_the_backoff_when_the_quota_is_empty() {
        assert!(is_long_polling_operation("SQS", "ReceiveMessage"));
        assert!(is_long_polling_operation("SFN", "GetActivityTask"));
        assert!(is_long_polling_operation("SWF", "PollForActivityTask"));
        assert!(is_long_polling_operation("SWF", "PollForDecisionTask"));
        assert!(!is_long_polling_operation("SQS", "SendMessage"));
        assert!(!is_long_polling_operation("SFN", "ReceiveMessage"));

        let quota = Arc::new(RetryQuota::new());
        assert!(quota.try_acquire(490));
        let sqs = policy(RetryMode::Standard2026, "SQS").with_quota(Arc::clone(&quota));
        let mut receive = sqs.start_call("ReceiveMessage");
        assert!(receive.is_long_polling());
        let expected = RetryDecision::Stop {
            reason: StopReason::QuotaExhausted,
            delay: secs(0.025),
        };
        assert_eq!(
            receive.after_attempt(&AttemptOutcome::response(500)),
            expected
        );
        assert_eq!(quota.available(), 10);
        // Throttled: the throttling backoff, and the header still counts.
        let throttled = code(400, "ThrottlingException").with_retry_after(Some("2000"));
        assert!(quota.try_acquire(8));
        let mut receive = sqs.start_call("ReceiveMessage");
        assert_eq!(
            receive.after_attempt(&throttled),
            RetryDecision::Stop {
                reason: StopReason::QuotaExhausted,
                delay: secs(2.0)
            }
        );
        // Other operations give up at once.
        let mut get = sqs.start_call("GetQueueUrl");
        assert_eq!(
            get.after_attempt(&AttemptOutcome::response(500)),
            stop(StopReason::QuotaExhausted)
        );
        // The flag can be set for an operation the list lacks.
        let mut marked = sqs.start_call("GetQueueUrl").with_long_polling(true);
        assert_eq!(
            marked.after_attempt(&AttemptOutcome::response(500)),
            RetryDecision::Stop {
                reason: StopReason::QuotaExhausted,
                delay: secs(0.025)
            }
        );
        // Not long polling once it is out of attempts, only out of quota.
        let mut last = sqs.start_call("ReceiveMessage");
        last.attempt = 3;
        assert_eq!(
            last.after_attempt(&AttemptOutcome::response(500)),
            stop(StopReason::MaxAttempts)
        );
        // Pre-2026 has no long polling.
        let old = policy(RetryMode::StandardPre2026, "SQS")
            .with_quota(Arc::new(RetryQuota::with_capacity(4)));
        let mut receive = old.start_call("ReceiveMessage");
        assert_eq!(
            receive.after_attempt(&AttemptOutcome::response(500)),
            stop(StopReason::QuotaExhausted)
        );
    }

    #[test]
    fn random_numbers_are_drawn_only_for_a_delay() {
        use std::sync::atomic::AtomicUsize;
        let draws = Arc::new(AtomicUsize::new(0));
        let counter = Arc::clone(&draws);
        let sqs = RetryPolicy::new(RetryMode::Standard2026, "SQS", None).with_random(move || {
            counter.fetch_add(1, Ordering::Relaxed);
            0.25
        });
        let mut call = sqs.start_call("GetQueueUrl");
        assert_eq!(
            call.after_attempt(&AttemptOutcome::response(503)),
            RetryDecision::Retry {
                delay: secs(0.0125),
                class: RetryClass::Transient
            }
        );
        assert_eq!(call.attempt(), 2);
        call.after_attempt(&AttemptOutcome::response(200));
        assert_eq!(draws.load(Ordering::Relaxed), 1);
    }

    #[test]
    fn the_default_random_source_stays_in_range() {
        let values: Vec<f64> = (0..1000).map(|_| os_random()).collect();
        assert!(values.iter().all(|v| (0.0..1.0).contains(v)));
        assert!(values.iter().any(|v| *v < 0.5) && values.iter().any(|v| *v >= 0.5));
    }
}
