//! The waiter driver on paused time: botocore's `Waiter.wait` loop (fixed
//! delay, first matching acceptor wins, errors no acceptor expects end the
//! wait, most attempts), plus the caller's overall timeout.

#![cfg(feature = "client")]

use std::cell::RefCell;
use std::collections::VecDeque;
use std::fmt;
use std::time::Duration;

use awsgen_runtime::client::jmespath::{IntoValue, Value};
use awsgen_runtime::client::waiter::{
    path_all_match, path_any_matches, path_matches, wait, AcceptorState, Polled, WaiterError,
    WaiterSettings,
};
use awsgen_runtime::client::{SdkError, ServiceError};
use awsgen_runtime::protocol::ErrorMeta;

/// An operation's error, as generated crates present theirs.
#[derive(Debug)]
struct FakeError(ErrorMeta);

impl fmt::Display for FakeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.code.as_deref().unwrap_or("unknown"))
    }
}

impl std::error::Error for FakeError {}

impl ServiceError for FakeError {
    fn meta(&self) -> Option<&ErrorMeta> {
        Some(&self.0)
    }
}

#[derive(Debug, Clone, PartialEq)]
struct Output {
    status: Option<String>,
}

type Answer = (Option<u16>, Result<Output, SdkError<FakeError>>);

fn ok(status: &str) -> Answer {
    (
        Some(200),
        Ok(Output {
            status: Some(status.to_owned()),
        }),
    )
}

fn service_error(status: u16, code: &str) -> Answer {
    let response = awsgen_runtime::http::Response::builder()
        .status(status)
        .body(awsgen_runtime::bytes::Bytes::from(format!(
            r#"{{"message": "{code} happened"}}"#
        )))
        .unwrap();
    let meta = ErrorMeta::from_response(&response, Some(code.to_owned()));
    (Some(status), Err(SdkError::Service(FakeError(meta))))
}

/// A poll that answers from a script and records when each attempt started.
struct Script {
    answers: RefCell<VecDeque<Answer>>,
    started: RefCell<Vec<Duration>>,
    begun: tokio::time::Instant,
    call_time: Duration,
}

impl Script {
    fn new(answers: Vec<Answer>) -> Self {
        Script {
            answers: RefCell::new(answers.into()),
            started: RefCell::new(Vec::new()),
            begun: tokio::time::Instant::now(),
            call_time: Duration::ZERO,
        }
    }

    fn poll(&self) -> impl std::future::Future<Output = Answer> + '_ {
        self.started.borrow_mut().push(self.begun.elapsed());
        let answer = self
            .answers
            .borrow_mut()
            .pop_front()
            .unwrap_or_else(|| ok("CREATING"));
        let call_time = self.call_time;
        async move {
            tokio::time::sleep(call_time).await;
            answer
        }
    }

    fn started_at_seconds(&self) -> Vec<u64> {
        self.started
            .borrow()
            .iter()
            .map(Duration::as_secs)
            .collect()
    }
}

/// DynamoDB's TableExists, by hand: `Table.TableStatus == "ACTIVE"` →
/// success, `ResourceNotFoundException` → retry; plus `FAILED` → failure.
fn table_exists(polled: &Polled<'_, Output, FakeError>) -> Option<AcceptorState> {
    if let Some(output) = polled.output() {
        if path_matches(output.status.as_ref().into_value(), &Value::from("ACTIVE")) {
            return Some(AcceptorState::Success);
        }
        if path_matches(output.status.as_ref().into_value(), &Value::from("FAILED")) {
            return Some(AcceptorState::Failure);
        }
    }
    if polled.error_code() == Some("ResourceNotFoundException") {
        return Some(AcceptorState::Retry);
    }
    None
}

fn settings() -> WaiterSettings {
    WaiterSettings::new("TableExists", Duration::from_secs(20), 25)
}

#[tokio::test(start_paused = true)]
async fn succeeds_after_retries_with_the_fixed_delay() {
    let script = Script::new(vec![
        service_error(400, "ResourceNotFoundException"),
        ok("CREATING"),
        ok("ACTIVE"),
    ]);
    let done = wait(|| script.poll(), table_exists, &settings())
        .await
        .unwrap();
    assert_eq!(done.attempts, 3);
    assert_eq!(done.status, Some(200));
    assert_eq!(
        done.output().and_then(|o| o.status.as_deref()),
        Some("ACTIVE")
    );
    assert_eq!(script.started_at_seconds(), [0, 20, 40]);
}

#[tokio::test(start_paused = true)]
async fn an_error_acceptor_can_be_the_success() {
    let gone = |polled: &Polled<'_, Output, FakeError>| {
        (polled.error_code() == Some("ResourceNotFoundException")).then_some(AcceptorState::Success)
    };
    let script = Script::new(vec![
        ok("DELETING"),
        service_error(400, "ResourceNotFoundException"),
    ]);
    let done = wait(|| script.poll(), gone, &settings()).await.unwrap();
    assert_eq!(done.attempts, 2);
    assert_eq!(
        done.result.unwrap_err().code(),
        Some("ResourceNotFoundException")
    );
}

#[tokio::test(start_paused = true)]
async fn a_failure_acceptor_ends_the_wait() {
    let script = Script::new(vec![ok("CREATING"), ok("FAILED"), ok("ACTIVE")]);
    let err = wait(|| script.poll(), table_exists, &settings())
        .await
        .unwrap_err();
    assert!(matches!(err, WaiterError::FailureState { .. }), "{err:?}");
    assert_eq!(err.attempts(), 2);
    assert_eq!(
        err.last_output().and_then(|o| o.status.as_deref()),
        Some("FAILED")
    );
    assert_eq!(
        err.to_string(),
        "waiter TableExists failed: a failure acceptor matched on attempt 2; the last response succeeded"
    );
}

#[tokio::test(start_paused = true)]
async fn an_unexpected_error_ends_the_wait() {
    let script = Script::new(vec![
        ok("CREATING"),
        service_error(403, "AccessDeniedException"),
    ]);
    let err = wait(|| script.poll(), table_exists, &settings())
        .await
        .unwrap_err();
    assert!(
        matches!(err, WaiterError::UnexpectedError { attempts: 2, .. }),
        "{err:?}"
    );
    assert_eq!(
        err.last_error().and_then(SdkError::code),
        Some("AccessDeniedException")
    );
    assert_eq!(
        err.to_string(),
        "waiter TableExists failed: an error no acceptor expects, on attempt 2: (AccessDeniedException) AccessDeniedException"
    );
    assert!(std::error::Error::source(&err).is_some());
}

#[tokio::test(start_paused = true)]
async fn a_failed_call_ends_the_wait_without_consulting_the_acceptors() {
    let any_error = |_: &Polled<'_, Output, FakeError>| Some(AcceptorState::Retry);
    let script = Script::new(vec![(None, Err(SdkError::Timeout(Duration::from_secs(3))))]);
    let err = wait(|| script.poll(), any_error, &settings())
        .await
        .unwrap_err();
    assert!(
        matches!(err, WaiterError::Request { attempts: 1, .. }),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        "waiter TableExists failed: the call failed on attempt 1: no response within 3s"
    );
}

#[tokio::test(start_paused = true)]
async fn gives_up_after_the_most_attempts() {
    let script = Script::new(vec![]);
    let settings = settings().max_attempts(3).delay(Duration::from_secs(5));
    let err = wait(|| script.poll(), table_exists, &settings)
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            WaiterError::MaxAttempts {
                retry_matched: false,
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(err.attempts(), 3);
    assert_eq!(script.started_at_seconds(), [0, 5, 10]);
    assert_eq!(
        err.to_string(),
        "waiter TableExists failed: max attempts exceeded (3 attempts); the last response succeeded"
    );
    // Zero attempts still makes one, as botocore's loop does.
    let script = Script::new(vec![service_error(400, "ResourceNotFoundException")]);
    let err = wait(|| script.poll(), table_exists, &settings.max_attempts(0))
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            WaiterError::MaxAttempts {
                retry_matched: true,
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(script.started_at_seconds(), [0]);
}

#[tokio::test(start_paused = true)]
async fn the_timeout_stops_before_an_attempt_that_could_not_start_in_time() {
    let script = Script::new(vec![]);
    let settings = settings().timeout(Duration::from_secs(50));
    let err = wait(|| script.poll(), table_exists, &settings)
        .await
        .unwrap_err();
    assert!(
        matches!(err, WaiterError::Timeout { attempts: 3, .. }),
        "{err:?}"
    );
    assert_eq!(script.started_at_seconds(), [0, 20, 40]);
    assert_eq!(
        err.to_string(),
        "waiter TableExists failed: timed out after 50s (3 attempts completed); the last response succeeded"
    );
}

#[tokio::test(start_paused = true)]
async fn the_timeout_abandons_a_slow_attempt() {
    let mut script = Script::new(vec![]);
    script.call_time = Duration::from_secs(30);
    let settings = settings().timeout(Duration::from_secs(45));
    let err = wait(|| script.poll(), table_exists, &settings)
        .await
        .unwrap_err();
    // The first attempt ends at 30 s; the next would start at 50 s, after
    // the deadline, so the wait ends there with that attempt as the last.
    assert!(
        matches!(
            err,
            WaiterError::Timeout {
                attempts: 1,
                last: Some(_),
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(script.started_at_seconds(), [0]);
    let mut slow = Script::new(vec![]);
    slow.call_time = Duration::from_secs(100);
    let err = wait(|| slow.poll(), table_exists, &settings)
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            WaiterError::Timeout {
                attempts: 0,
                last: None,
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(slow.started_at_seconds(), [0]);
    assert_eq!(
        err.to_string(),
        "waiter TableExists failed: timed out after 45s (0 attempts completed)"
    );
}

#[test]
fn polled_reads_status_codes_and_outputs() {
    let (status, result) = service_error(404, "NotFound");
    let polled = Polled::new(None, &result);
    assert_eq!(polled.http_status(), Some(404));
    assert_eq!(polled.error_code(), Some("NotFound"));
    assert!(polled.output().is_none());
    assert!(!polled.succeeded());
    assert!(polled.service_error().is_some());
    let polled = Polled::new(status, &result);
    assert_eq!(polled.http_status(), Some(404));
    let (status, result) = ok("ACTIVE");
    let polled = Polled::new(status, &result);
    assert_eq!(polled.http_status(), Some(200));
    assert_eq!(polled.error_code(), None);
    assert!(polled.succeeded());
}

#[test]
fn path_all_and_any_need_a_non_empty_array() {
    let expected = Value::from("running");
    let array =
        |items: &[&'static str]| Value::Array(items.iter().map(|s| Value::from(*s)).collect());
    assert!(path_all_match(array(&["running", "running"]), &expected));
    assert!(!path_all_match(array(&["running", "pending"]), &expected));
    assert!(!path_all_match(array(&[]), &expected));
    assert!(!path_all_match(Value::from("running"), &expected));
    assert!(path_any_matches(array(&["pending", "running"]), &expected));
    assert!(!path_any_matches(array(&[]), &expected));
    assert!(!path_any_matches(Value::Null, &expected));
    assert!(path_matches(Value::from("running"), &expected));
    assert!(!path_matches(Value::Null, &expected));
}
