//! Waiters against botocore: each case of `cases.json` (written by
//! botocore's own waiter code, `generate_cases.py` beside the fixture) is a
//! response of `DescribeFleet`; the crate's compiled acceptors must reach the
//! state botocore's reach, over lists of lists, filters, maps, a boxed
//! recursive member, a union, a document, functions and multi-selects.

#![cfg(feature = "client")]

use std::fmt;

use awsgen_fixture_waiters::types::DescribeFleetOutput;
use awsgen_fixture_waiters::waiters::{FleetGone, FleetReady, FleetRunning};
use awsgen_runtime::client::waiter::{AcceptorState, Polled};
use awsgen_runtime::client::{SdkError, ServiceError};
use awsgen_runtime::protocol::ErrorMeta;
use serde_json::Value;

/// An error as the service would answer it: only its code and status matter here.
#[derive(Debug)]
struct AnError(ErrorMeta);

impl fmt::Display for AnError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.0.code)
    }
}

impl std::error::Error for AnError {}

impl ServiceError for AnError {
    fn meta(&self) -> Option<&ErrorMeta> {
        Some(&self.0)
    }
}

type Result = std::result::Result<DescribeFleetOutput, SdkError<AnError>>;

fn error(status: u16, code: &str) -> SdkError<AnError> {
    let response = awsgen_runtime::http::Response::builder()
        .status(status)
        .body(awsgen_runtime::bytes::Bytes::from_static(b"{}"))
        .unwrap();
    SdkError::Service(AnError(ErrorMeta::from_response(
        &response,
        Some(code.to_owned()),
    )))
}

fn state_name(state: Option<AcceptorState>) -> Option<&'static str> {
    state.map(|state| match state {
        AcceptorState::Success => "success",
        AcceptorState::Failure => "failure",
        AcceptorState::Retry => "retry",
    })
}

fn matches(
    waiter: &str,
    polled: &Polled<'_, DescribeFleetOutput, AnError>,
) -> Option<AcceptorState> {
    match waiter {
        "FleetRunning" => FleetRunning::matches(polled),
        "FleetGone" => FleetGone::matches(polled),
        "FleetReady" => FleetReady::matches(polled),
        other => panic!("no waiter {other}"),
    }
}

#[test]
fn every_case_reaches_the_state_botocore_reaches() {
    let cases: Value = serde_json::from_str(include_str!("cases.json")).unwrap();
    assert_eq!(cases["botocore"], "1.43.67");
    let cases = cases["cases"].as_array().unwrap();
    assert_eq!(cases.len(), 35);
    let mut wrong = Vec::new();
    for case in cases {
        let status = case["status"].as_u64().map(|s| s as u16);
        let result: Result = match case["error"].as_str() {
            Some(code) => Err(error(status.unwrap(), code)),
            None => Ok(serde_json::from_value(case["output"].clone()).unwrap()),
        };
        let waiter = case["waiter"].as_str().unwrap();
        // The client reports the status of successes; errors carry theirs.
        let polled = Polled::new(result.is_ok().then_some(status).flatten(), &result);
        let ours = state_name(matches(waiter, &polled));
        if ours != case["state"].as_str() {
            wrong.push(format!(
                "{waiter}, {}: ours {ours:?}, botocore {}",
                case["name"], case["state"]
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_waiters_say_what_they_poll_and_how_often() {
    assert_eq!(FleetRunning::NAME, "FleetRunning");
    assert_eq!(FleetRunning::OPERATION, "DescribeFleet");
    assert_eq!(FleetRunning::DELAY, std::time::Duration::from_secs(15));
    assert_eq!(FleetRunning::MAX_ATTEMPTS, 40);
    let settings = FleetGone::settings();
    assert_eq!(settings.name(), "FleetGone");
    assert_eq!(settings.get_delay(), std::time::Duration::from_secs(5));
    assert_eq!(settings.get_max_attempts(), 3);
    assert_eq!(settings.get_timeout(), None);
}

/// Where jmespath raises (a function given `null`), botocore's wait stops
/// with that exception; here the expression gives `null` and the acceptor
/// does not match, so later acceptors are tried.
#[test]
fn a_function_of_null_does_not_match() {
    // No `Groups`: `length(Groups[].Machines[])` is `length(null)`.
    let result: Result = Ok(serde_json::from_value(serde_json::json!({"Output": "x"})).unwrap());
    let polled = Polled::new(Some(200), &result);
    // Nothing matches until `!Labels`: retry.
    assert_eq!(FleetReady::matches(&polled), Some(AcceptorState::Retry));
}
