//! The retry rules against numbers botocore 1.43.67 computed itself.
//!
//! The values come from `/tmp/boto/bin/python` (botocore 1.43.67), run once
//! with `AWS_NEW_RETRIES_2026=true` and once with `false`
//! (`AWS_RETRY_MODE=standard` both times): the delay table from
//! `botocore.retries.standard.ExponentialBackoff(random=lambda: r,
//! service_name=…, throttling_detector=ThrottlingErrorDetector(…))
//! .delay_amount(RetryContext(attempt_number=n, parsed_response={'Error':
//! {'Code': 'Throttling' | 'InternalError'}}, …))`, and the call sequences
//! from real clients whose `before-send` handler answered every attempt
//! with a canned response, `time.sleep` and `random.random` (0.5) replaced
//! before botocore was imported, the quota read from the client's
//! `RetryQuotaChecker` after each call.
#![cfg(feature = "client")]

use std::time::Duration;

use awsgen_runtime::client::retry::{
    AttemptOutcome, RetryClass, RetryDecision, RetryMode, RetryPolicy, StopReason,
};

use RetryClass::{Throttling, Transient};
use RetryMode::{Standard2026, StandardPre2026};

/// (mode, service id, class, random, attempt, botocore's delay in seconds).
#[rustfmt::skip]
const BACKOFF: &[(RetryMode, &str, RetryClass, f64, u32, f64)] = &[
    (Standard2026, "DynamoDB", Throttling, 0.123456789, 1, 0.123456789),
    (Standard2026, "DynamoDB", Throttling, 0.123456789, 2, 0.246913578),
    (Standard2026, "DynamoDB", Throttling, 0.123456789, 3, 0.493827156),
    (Standard2026, "DynamoDB", Throttling, 0.123456789, 4, 0.987654312),
    (Standard2026, "DynamoDB", Throttling, 0.123456789, 5, 1.975308624),
    (Standard2026, "DynamoDB", Throttling, 0.123456789, 6, 2.46913578),
    (Standard2026, "DynamoDB", Throttling, 0.123456789, 7, 2.46913578),
    (Standard2026, "DynamoDB", Throttling, 0.123456789, 8, 2.46913578),
    (Standard2026, "DynamoDB", Throttling, 0.123456789, 9, 2.46913578),
    (Standard2026, "DynamoDB", Throttling, 0.123456789, 10, 2.46913578),
    (Standard2026, "DynamoDB", Throttling, 0.999999, 1, 0.999999),
    (Standard2026, "DynamoDB", Throttling, 0.999999, 2, 1.999998),
    (Standard2026, "DynamoDB", Throttling, 0.999999, 3, 3.999996),
    (Standard2026, "DynamoDB", Throttling, 0.999999, 4, 7.999992),
    (Standard2026, "DynamoDB", Throttling, 0.999999, 5, 15.999984),
    (Standard2026, "DynamoDB", Throttling, 0.999999, 6, 19.99998),
    (Standard2026, "DynamoDB", Throttling, 0.999999, 7, 19.99998),
    (Standard2026, "DynamoDB", Throttling, 0.999999, 8, 19.99998),
    (Standard2026, "DynamoDB", Throttling, 0.999999, 9, 19.99998),
    (Standard2026, "DynamoDB", Throttling, 0.999999, 10, 19.99998),
    (Standard2026, "DynamoDB", Transient, 0.123456789, 1, 0.003086419725),
    (Standard2026, "DynamoDB", Transient, 0.123456789, 2, 0.00617283945),
    (Standard2026, "DynamoDB", Transient, 0.123456789, 3, 0.0123456789),
    (Standard2026, "DynamoDB", Transient, 0.123456789, 4, 0.0246913578),
    (Standard2026, "DynamoDB", Transient, 0.123456789, 5, 0.0493827156),
    (Standard2026, "DynamoDB", Transient, 0.123456789, 6, 0.0987654312),
    (Standard2026, "DynamoDB", Transient, 0.123456789, 7, 0.1975308624),
    (Standard2026, "DynamoDB", Transient, 0.123456789, 8, 0.3950617248),
    (Standard2026, "DynamoDB", Transient, 0.123456789, 9, 0.7901234496),
    (Standard2026, "DynamoDB", Transient, 0.123456789, 10, 1.5802468992),
    (Standard2026, "DynamoDB", Transient, 0.999999, 1, 0.024999975),
    (Standard2026, "DynamoDB", Transient, 0.999999, 2, 0.04999995),
    (Standard2026, "DynamoDB", Transient, 0.999999, 3, 0.0999999),
    (Standard2026, "DynamoDB", Transient, 0.999999, 4, 0.1999998),
    (Standard2026, "DynamoDB", Transient, 0.999999, 5, 0.3999996),
    (Standard2026, "DynamoDB", Transient, 0.999999, 6, 0.7999992),
    (Standard2026, "DynamoDB", Transient, 0.999999, 7, 1.5999984),
    (Standard2026, "DynamoDB", Transient, 0.999999, 8, 3.1999968),
    (Standard2026, "DynamoDB", Transient, 0.999999, 9, 6.3999936),
    (Standard2026, "DynamoDB", Transient, 0.999999, 10, 12.7999872),
    (Standard2026, "SQS", Throttling, 0.123456789, 1, 0.123456789),
    (Standard2026, "SQS", Throttling, 0.123456789, 2, 0.246913578),
    (Standard2026, "SQS", Throttling, 0.123456789, 3, 0.493827156),
    (Standard2026, "SQS", Throttling, 0.123456789, 4, 0.987654312),
    (Standard2026, "SQS", Throttling, 0.123456789, 5, 1.975308624),
    (Standard2026, "SQS", Throttling, 0.123456789, 6, 2.46913578),
    (Standard2026, "SQS", Throttling, 0.123456789, 7, 2.46913578),
    (Standard2026, "SQS", Throttling, 0.123456789, 8, 2.46913578),
    (Standard2026, "SQS", Throttling, 0.123456789, 9, 2.46913578),
    (Standard2026, "SQS", Throttling, 0.123456789, 10, 2.46913578),
    (Standard2026, "SQS", Throttling, 0.999999, 1, 0.999999),
    (Standard2026, "SQS", Throttling, 0.999999, 2, 1.999998),
    (Standard2026, "SQS", Throttling, 0.999999, 3, 3.999996),
    (Standard2026, "SQS", Throttling, 0.999999, 4, 7.999992),
    (Standard2026, "SQS", Throttling, 0.999999, 5, 15.999984),
    (Standard2026, "SQS", Throttling, 0.999999, 6, 19.99998),
    (Standard2026, "SQS", Throttling, 0.999999, 7, 19.99998),
    (Standard2026, "SQS", Throttling, 0.999999, 8, 19.99998),
    (Standard2026, "SQS", Throttling, 0.999999, 9, 19.99998),
    (Standard2026, "SQS", Throttling, 0.999999, 10, 19.99998),
    (Standard2026, "SQS", Transient, 0.123456789, 1, 0.00617283945),
    (Standard2026, "SQS", Transient, 0.123456789, 2, 0.0123456789),
    (Standard2026, "SQS", Transient, 0.123456789, 3, 0.0246913578),
    (Standard2026, "SQS", Transient, 0.123456789, 4, 0.0493827156),
    (Standard2026, "SQS", Transient, 0.123456789, 5, 0.0987654312),
    (Standard2026, "SQS", Transient, 0.123456789, 6, 0.1975308624),
    (Standard2026, "SQS", Transient, 0.123456789, 7, 0.3950617248),
    (Standard2026, "SQS", Transient, 0.123456789, 8, 0.7901234496),
    (Standard2026, "SQS", Transient, 0.123456789, 9, 1.5802468992),
    (Standard2026, "SQS", Transient, 0.123456789, 10, 2.46913578),
    (Standard2026, "SQS", Transient, 0.999999, 1, 0.04999995),
    (Standard2026, "SQS", Transient, 0.999999, 2, 0.0999999),
    (Standard2026, "SQS", Transient, 0.999999, 3, 0.1999998),
    (Standard2026, "SQS", Transient, 0.999999, 4, 0.3999996),
    (Standard2026, "SQS", Transient, 0.999999, 5, 0.7999992),
    (Standard2026, "SQS", Transient, 0.999999, 6, 1.5999984),
    (Standard2026, "SQS", Transient, 0.999999, 7, 3.1999968),
    (Standard2026, "SQS", Transient, 0.999999, 8, 6.3999936),
    (Standard2026, "SQS", Transient, 0.999999, 9, 12.7999872),
    (Standard2026, "SQS", Transient, 0.999999, 10, 19.99998),
    (StandardPre2026, "DynamoDB", Throttling, 0.123456789, 1, 0.123456789),
    (StandardPre2026, "DynamoDB", Throttling, 0.123456789, 2, 0.246913578),
    (StandardPre2026, "DynamoDB", Throttling, 0.123456789, 3, 0.493827156),
    (StandardPre2026, "DynamoDB", Throttling, 0.123456789, 4, 0.987654312),
    (StandardPre2026, "DynamoDB", Throttling, 0.123456789, 5, 1.975308624),
    (StandardPre2026, "DynamoDB", Throttling, 0.123456789, 6, 2.46913578),
    (StandardPre2026, "DynamoDB", Throttling, 0.123456789, 7, 2.46913578),
    (StandardPre2026, "DynamoDB", Throttling, 0.123456789, 8, 2.46913578),
    (StandardPre2026, "DynamoDB", Throttling, 0.123456789, 9, 2.46913578),
    (StandardPre2026, "DynamoDB", Throttling, 0.123456789, 10, 2.46913578),
    (StandardPre2026, "DynamoDB", Throttling, 0.999999, 1, 0.999999),
    (StandardPre2026, "DynamoDB", Throttling, 0.999999, 2, 1.999998),
    (StandardPre2026, "DynamoDB", Throttling, 0.999999, 3, 3.999996),
    (StandardPre2026, "DynamoDB", Throttling, 0.999999, 4, 7.999992),
    (StandardPre2026, "DynamoDB", Throttling, 0.999999, 5, 15.999984),
    (StandardPre2026, "DynamoDB", Throttling, 0.999999, 6, 19.99998),
    (StandardPre2026, "DynamoDB", Throttling, 0.999999, 7, 19.99998),
    (StandardPre2026, "DynamoDB", Throttling, 0.999999, 8, 19.99998),
    (StandardPre2026, "DynamoDB", Throttling, 0.999999, 9, 19.99998),
    (StandardPre2026, "DynamoDB", Throttling, 0.999999, 10, 19.99998),
    (StandardPre2026, "DynamoDB", Transient, 0.123456789, 1, 0.123456789),
    (StandardPre2026, "DynamoDB", Transient, 0.123456789, 2, 0.246913578),
    (StandardPre2026, "DynamoDB", Transient, 0.123456789, 3, 0.493827156),
    (StandardPre2026, "DynamoDB", Transient, 0.123456789, 4, 0.987654312),
    (StandardPre2026, "DynamoDB", Transient, 0.123456789, 5, 1.975308624),
    (StandardPre2026, "DynamoDB", Transient, 0.123456789, 6, 2.46913578),
    (StandardPre2026, "DynamoDB", Transient, 0.123456789, 7, 2.46913578),
    (StandardPre2026, "DynamoDB", Transient, 0.123456789, 8, 2.46913578),
    (StandardPre2026, "DynamoDB", Transient, 0.123456789, 9, 2.46913578),
    (StandardPre2026, "DynamoDB", Transient, 0.123456789, 10, 2.46913578),
    (StandardPre2026, "DynamoDB", Transient, 0.999999, 1, 0.999999),
    (StandardPre2026, "DynamoDB", Transient, 0.999999, 2, 1.999998),
    (StandardPre2026, "DynamoDB", Transient, 0.999999, 3, 3.999996),
    (StandardPre2026, "DynamoDB", Transient, 0.999999, 4, 7.999992),
    (StandardPre2026, "DynamoDB", Transient, 0.999999, 5, 15.999984),
    (StandardPre2026, "DynamoDB", Transient, 0.999999, 6, 19.99998),
    (StandardPre2026, "DynamoDB", Transient, 0.999999, 7, 19.99998),
    (StandardPre2026, "DynamoDB", Transient, 0.999999, 8, 19.99998),
    (StandardPre2026, "DynamoDB", Transient, 0.999999, 9, 19.99998),
    (StandardPre2026, "DynamoDB", Transient, 0.999999, 10, 19.99998),
    (StandardPre2026, "SQS", Throttling, 0.123456789, 1, 0.123456789),
    (StandardPre2026, "SQS", Throttling, 0.123456789, 2, 0.246913578),
    (StandardPre2026, "SQS", Throttling, 0.123456789, 3, 0.493827156),
    (StandardPre2026, "SQS", Throttling, 0.123456789, 4, 0.987654312),
    (StandardPre2026, "SQS", Throttling, 0.123456789, 5, 1.975308624),
    (StandardPre2026, "SQS", Throttling, 0.123456789, 6, 2.46913578),
    (StandardPre2026, "SQS", Throttling, 0.123456789, 7, 2.46913578),
    (StandardPre2026, "SQS", Throttling, 0.123456789, 8, 2.46913578),
    (StandardPre2026, "SQS", Throttling, 0.123456789, 9, 2.46913578),
    (StandardPre2026, "SQS", Throttling, 0.123456789, 10, 2.46913578),
    (StandardPre2026, "SQS", Throttling, 0.999999, 1, 0.999999),
    (StandardPre2026, "SQS", Throttling, 0.999999, 2, 1.999998),
    (StandardPre2026, "SQS", Throttling, 0.999999, 3, 3.999996),
    (StandardPre2026, "SQS", Throttling, 0.999999, 4, 7.999992),
    (StandardPre2026, "SQS", Throttling, 0.999999, 5, 15.999984),
    (StandardPre2026, "SQS", Throttling, 0.999999, 6, 19.99998),
    (StandardPre2026, "SQS", Throttling, 0.999999, 7, 19.99998),
    (StandardPre2026, "SQS", Throttling, 0.999999, 8, 19.99998),
    (StandardPre2026, "SQS", Throttling, 0.999999, 9, 19.99998),
    (StandardPre2026, "SQS", Throttling, 0.999999, 10, 19.99998),
    (StandardPre2026, "SQS", Transient, 0.123456789, 1, 0.123456789),
    (StandardPre2026, "SQS", Transient, 0.123456789, 2, 0.246913578),
    (StandardPre2026, "SQS", Transient, 0.123456789, 3, 0.493827156),
    (StandardPre2026, "SQS", Transient, 0.123456789, 4, 0.987654312),
    (StandardPre2026, "SQS", Transient, 0.123456789, 5, 1.975308624),
    (StandardPre2026, "SQS", Transient, 0.123456789, 6, 2.46913578),
    (StandardPre2026, "SQS", Transient, 0.123456789, 7, 2.46913578),
    (StandardPre2026, "SQS", Transient, 0.123456789, 8, 2.46913578),
    (StandardPre2026, "SQS", Transient, 0.123456789, 9, 2.46913578),
    (StandardPre2026, "SQS", Transient, 0.123456789, 10, 2.46913578),
    (StandardPre2026, "SQS", Transient, 0.999999, 1, 0.999999),
    (StandardPre2026, "SQS", Transient, 0.999999, 2, 1.999998),
    (StandardPre2026, "SQS", Transient, 0.999999, 3, 3.999996),
    (StandardPre2026, "SQS", Transient, 0.999999, 4, 7.999992),
    (StandardPre2026, "SQS", Transient, 0.999999, 5, 15.999984),
    (StandardPre2026, "SQS", Transient, 0.999999, 6, 19.99998),
    (StandardPre2026, "SQS", Transient, 0.999999, 7, 19.99998),
    (StandardPre2026, "SQS", Transient, 0.999999, 8, 19.99998),
    (StandardPre2026, "SQS", Transient, 0.999999, 9, 19.99998),
    (StandardPre2026, "SQS", Transient, 0.999999, 10, 19.99998),
];

#[test]
fn backoff_matches_botocore_to_the_nanosecond() {
    for &(mode, service, class, random, attempt, expected) in BACKOFF {
        let policy = RetryPolicy::new(mode, service, None);
        assert_eq!(
            policy.backoff(class, attempt, random, None),
            Duration::from_secs_f64(expected),
            "{mode:?} {service} {class:?} random {random} attempt {attempt}"
        );
    }
}

/// Runs one call whose every attempt ends with `outcome`, and returns the
/// waits it asks for (retries and the final one, if not zero) and how it
/// stopped.
fn failing_call(
    policy: &RetryPolicy,
    operation: &str,
    outcome: AttemptOutcome<'_>,
) -> (Vec<f64>, StopReason) {
    let mut call = policy.start_call(operation);
    let mut waits = Vec::new();
    loop {
        match call.after_attempt(&outcome) {
            RetryDecision::Retry { delay, .. } => waits.push(delay.as_secs_f64()),
            RetryDecision::Stop { reason, delay } => {
                if !delay.is_zero() {
                    waits.push(delay.as_secs_f64());
                }
                return (waits, reason);
            }
        }
    }
}

/// botocore, SQS `ReceiveMessage` answering 500 to every attempt, 22 calls
/// in a row on one client, with 2026 rules: 28 tokens a call until 24 are
/// left; the 18th call retries once (10 left), then waits the second
/// backoff instead of retrying; every later call waits the first backoff
/// and gives up.
#[test]
fn receive_message_drains_the_quota_then_keeps_waiting() {
    let policy = RetryPolicy::new(Standard2026, "SQS", None).with_random(|| 0.5);
    let e500 = AttemptOutcome::response(500);
    for call in 1..=22 {
        let (waits, reason) = failing_call(&policy, "ReceiveMessage", e500);
        let left = policy.quota().available();
        match call {
            1..=17 => {
                assert_eq!(waits, [0.025, 0.05], "call {call}");
                assert_eq!(reason, StopReason::MaxAttempts, "call {call}");
                assert_eq!(left, 500 - 28 * call, "call {call}");
            }
            18 => {
                assert_eq!(waits, [0.025, 0.05]);
                assert_eq!(reason, StopReason::QuotaExhausted);
                assert_eq!(left, 10);
            }
            _ => {
                assert_eq!(waits, [0.025], "call {call}");
                assert_eq!(reason, StopReason::QuotaExhausted, "call {call}");
                assert_eq!(left, 10, "call {call}");
            }
        }
    }
    // botocore: a success without retries then gives back 1 token (11).
    let mut call = policy.start_call("ReceiveMessage");
    call.after_attempt(&AttemptOutcome::response(200));
    assert_eq!(policy.quota().available(), 11);
    // GetQueueUrl on the same drained client gives up without waiting.
    let (waits, reason) = failing_call(&policy, "GetQueueUrl", e500);
    assert!(waits.is_empty());
    assert_eq!(reason, StopReason::QuotaExhausted);
}

/// botocore, the same 40 calls with pre-2026 rules: 10 tokens a call
/// (two retries of 5), sleeps 0.5 s and 1 s, no long polling.
#[test]
fn pre_2026_receive_message_costs_five_a_retry() {
    let policy = RetryPolicy::new(StandardPre2026, "SQS", None).with_random(|| 0.5);
    for call in 1..=40 {
        let (waits, reason) =
            failing_call(&policy, "ReceiveMessage", AttemptOutcome::response(500));
        assert_eq!(waits, [0.5, 1.0], "call {call}");
        assert_eq!(reason, StopReason::MaxAttempts);
        assert_eq!(policy.quota().available(), 500 - 10 * call);
    }
    let mut call = policy.start_call("ReceiveMessage");
    call.after_attempt(&AttemptOutcome::response(200));
    assert_eq!(policy.quota().available(), 101);
}

/// botocore, SQS `GetQueueUrl` answering 503 with `x-amz-retry-after`
/// twice, then 200: the sleeps, and the quota after (2026: 500 - 28 + 14;
/// pre-2026: 500 - 10 + 5).
#[test]
fn retry_after_over_a_whole_call() {
    let cases: &[(&str, [f64; 2], [f64; 2])] = &[
        ("1500", [1.5, 1.5], [0.5, 1.0]),
        ("10000", [5.025, 5.05], [0.5, 1.0]),
        ("-5", [0.025, 0.05], [0.5, 1.0]),
    ];
    for &(header, new, old) in cases {
        for (mode, expected, left) in [(Standard2026, new, 486), (StandardPre2026, old, 495)] {
            let policy = RetryPolicy::new(mode, "SQS", None).with_random(|| 0.5);
            let mut call = policy.start_call("GetQueueUrl");
            let busy = AttemptOutcome::response(503).with_retry_after(Some(header));
            let mut waits = Vec::new();
            for outcome in [busy, busy, AttemptOutcome::response(200)] {
                if let RetryDecision::Retry { delay, .. } = call.after_attempt(&outcome) {
                    waits.push(delay.as_secs_f64());
                }
            }
            assert_eq!(waits, expected, "{mode:?} {header}");
            assert_eq!(policy.quota().available(), left, "{mode:?} {header}");
        }
    }
}
