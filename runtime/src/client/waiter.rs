//! Waiters: poll an operation until the service reaches a state, as
//! botocore's `waiter.py` does.
//!
//! A generated crate describes each waiter of its model (`waiters-2.json`)
//! as a type with the operation it polls, the delay between attempts, the
//! most attempts, and a `matches` function that applies the waiter's
//! acceptors in order to one [`Polled`] result. [`wait`] drives that: it
//! polls, stops on the first success or failure acceptor, fails on an error
//! no acceptor expects, sleeps the fixed delay, and gives up after the most
//! attempts or the caller's overall timeout.

use std::fmt;
use std::future::Future;
use std::time::Duration;

use super::error::{SdkError, ServiceError};
use super::jmespath::Value;

/// One attempt's result, as a waiter's acceptors see it.
#[derive(Debug)]
pub struct Polled<'a, O, E> {
    /// The HTTP status of the response, when there was one.
    pub status: Option<u16>,
    /// The operation's output, or why the call failed.
    pub result: &'a Result<O, SdkError<E>>,
}

// Manual impls: `O` and `E` need not be `Clone` for a pair of references to be.
impl<O, E> Clone for Polled<'_, O, E> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<O, E> Copy for Polled<'_, O, E> {}

impl<'a, O, E> Polled<'a, O, E> {
    /// One attempt's status and result.
    pub fn new(status: Option<u16>, result: &'a Result<O, SdkError<E>>) -> Self {
        Polled { status, result }
    }

    /// The output, when the call succeeded: what `path`, `pathAll` and
    /// `pathAny` acceptors read.
    pub fn output(&self) -> Option<&'a O> {
        self.result.as_ref().ok()
    }

    /// Whether the call succeeded: an `error` acceptor expecting `false`.
    pub fn succeeded(&self) -> bool {
        self.result.is_ok()
    }
}

impl<'a, O, E: ServiceError> Polled<'a, O, E> {
    /// The service's error, when the service answered with one.
    pub fn service_error(&self) -> Option<&'a E> {
        self.result
            .as_ref()
            .err()
            .and_then(SdkError::as_service_error)
    }

    /// The error code the service answered with: what `error` acceptors
    /// expecting a code compare.
    pub fn error_code(&self) -> Option<&'a str> {
        self.result.as_ref().err().and_then(SdkError::code)
    }

    /// The response's HTTP status: [`status`](Self::status), else the
    /// error's. What `status` acceptors compare.
    pub fn http_status(&self) -> Option<u16> {
        self.status
            .or_else(|| self.result.as_ref().err().and_then(SdkError::status))
    }
}

/// What a matching acceptor says about the resource.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AcceptorState {
    /// The wait is over: the resource reached the state waited for.
    Success,
    /// The wait is over: the resource cannot reach that state.
    Failure,
    /// Not yet: poll again after the delay.
    Retry,
}

/// A `path` acceptor: whether the expression's value equals the expected one.
///
/// Equality is JMESPath's, as [`Value`]'s `==`: where botocore compares with
/// Python's `==`, `true` would also equal `1`; no model compares a boolean
/// with a number.
pub fn path_matches(value: Value<'_>, expected: &Value<'_>) -> bool {
    value == *expected
}

/// A `pathAll` acceptor: whether the value is a non-empty array whose every
/// element equals the expected one.
pub fn path_all_match(value: Value<'_>, expected: &Value<'_>) -> bool {
    match value {
        Value::Array(items) => !items.is_empty() && items.iter().all(|item| item == expected),
        _ => false,
    }
}

/// A `pathAny` acceptor: whether the value is an array with an element
/// equal to the expected one.
pub fn path_any_matches(value: Value<'_>, expected: &Value<'_>) -> bool {
    match value {
        Value::Array(items) => items.iter().any(|item| item == expected),
        _ => false,
    }
}

/// How one wait runs: the waiter's name (for messages), the fixed delay
/// between attempts, the most attempts, and an optional overall timeout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WaiterSettings {
    name: &'static str,
    delay: Duration,
    max_attempts: u32,
    timeout: Option<Duration>,
}

impl WaiterSettings {
    /// The model's settings for the waiter `name`: botocore's `delay` and
    /// `maxAttempts`, and no overall timeout.
    pub fn new(name: &'static str, delay: Duration, max_attempts: u32) -> Self {
        WaiterSettings {
            name,
            delay,
            max_attempts,
            timeout: None,
        }
    }

    /// Waits `delay` between attempts instead (botocore's `WaiterConfig.Delay`).
    pub fn delay(mut self, delay: Duration) -> Self {
        self.delay = delay;
        self
    }

    /// Makes at most `max_attempts` attempts instead (botocore's
    /// `WaiterConfig.MaxAttempts`); 0 makes one, as in botocore.
    pub fn max_attempts(mut self, max_attempts: u32) -> Self {
        self.max_attempts = max_attempts;
        self
    }

    /// Gives up once `timeout` has passed since the wait began: an attempt
    /// still running then is abandoned, and no attempt starts that could not
    /// begin before it.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// The waiter's name, as the model spells it.
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// The delay between attempts.
    pub fn get_delay(&self) -> Duration {
        self.delay
    }

    /// The most attempts.
    pub fn get_max_attempts(&self) -> u32 {
        self.max_attempts
    }

    /// The overall timeout, when there is one.
    pub fn get_timeout(&self) -> Option<Duration> {
        self.timeout
    }
}

/// The last attempt of a wait: its status and result.
#[derive(Debug)]
pub struct FinalPoll<O, E> {
    /// The HTTP status of the response, when there was one.
    pub status: Option<u16>,
    /// The operation's output, or the error an acceptor matched (a waiter
    /// for a deletion succeeds on `ResourceNotFoundException`).
    pub result: Result<O, SdkError<E>>,
    /// How many attempts the wait made, this one included.
    pub attempts: u32,
}

impl<O, E> FinalPoll<O, E> {
    /// The output, when the last call succeeded.
    pub fn output(&self) -> Option<&O> {
        self.result.as_ref().ok()
    }

    /// The output, when the last call succeeded.
    pub fn into_output(self) -> Option<O> {
        self.result.ok()
    }
}

/// Why a wait ended without success. Each keeps what the last attempt
/// returned; the messages follow botocore's `WaiterError` reasons.
#[derive(Debug)]
#[non_exhaustive]
pub enum WaiterError<O, E> {
    /// An acceptor with state `failure` matched: the resource will not
    /// reach the state waited for.
    FailureState {
        /// The waiter's name.
        waiter: &'static str,
        /// The attempt that matched.
        last: FinalPoll<O, E>,
    },
    /// The service answered with an error no acceptor expects.
    UnexpectedError {
        /// The waiter's name.
        waiter: &'static str,
        /// How many attempts the wait made.
        attempts: u32,
        /// The error.
        error: SdkError<E>,
    },
    /// The call failed before the service answered (the input, the
    /// endpoint, signing, the connection, the call's own timeout): the wait
    /// stops, as botocore's raises the client's exception.
    Request {
        /// The waiter's name.
        waiter: &'static str,
        /// How many attempts the wait made.
        attempts: u32,
        /// The error.
        error: SdkError<E>,
    },
    /// Every attempt was made without a success or failure acceptor matching.
    MaxAttempts {
        /// The waiter's name.
        waiter: &'static str,
        /// Whether the last attempt matched a `retry` acceptor.
        retry_matched: bool,
        /// The last attempt.
        last: FinalPoll<O, E>,
    },
    /// The overall timeout passed first.
    Timeout {
        /// The waiter's name.
        waiter: &'static str,
        /// The timeout.
        timeout: Duration,
        /// How many attempts completed.
        attempts: u32,
        /// The last completed attempt, if any completed.
        last: Option<FinalPoll<O, E>>,
    },
}

impl<O, E> WaiterError<O, E> {
    /// The waiter's name.
    pub fn waiter(&self) -> &'static str {
        match self {
            WaiterError::FailureState { waiter, .. }
            | WaiterError::UnexpectedError { waiter, .. }
            | WaiterError::Request { waiter, .. }
            | WaiterError::MaxAttempts { waiter, .. }
            | WaiterError::Timeout { waiter, .. } => waiter,
        }
    }

    /// How many attempts the wait made.
    pub fn attempts(&self) -> u32 {
        match self {
            WaiterError::FailureState { last, .. } | WaiterError::MaxAttempts { last, .. } => {
                last.attempts
            }
            WaiterError::UnexpectedError { attempts, .. }
            | WaiterError::Request { attempts, .. }
            | WaiterError::Timeout { attempts, .. } => *attempts,
        }
    }

    /// The last attempt's output, when it succeeded.
    pub fn last_output(&self) -> Option<&O> {
        match self {
            WaiterError::FailureState { last, .. } | WaiterError::MaxAttempts { last, .. } => {
                last.output()
            }
            WaiterError::Timeout { last, .. } => last.as_ref().and_then(FinalPoll::output),
            WaiterError::UnexpectedError { .. } | WaiterError::Request { .. } => None,
        }
    }

    /// The last attempt's error, when it failed.
    pub fn last_error(&self) -> Option<&SdkError<E>> {
        match self {
            WaiterError::FailureState { last, .. } | WaiterError::MaxAttempts { last, .. } => {
                last.result.as_ref().err()
            }
            WaiterError::Timeout { last, .. } => {
                last.as_ref().and_then(|last| last.result.as_ref().err())
            }
            WaiterError::UnexpectedError { error, .. } | WaiterError::Request { error, .. } => {
                Some(error)
            }
        }
    }
}

fn plural(count: u32) -> &'static str {
    if count == 1 {
        ""
    } else {
        "s"
    }
}

impl<O, E: ServiceError> fmt::Display for WaiterError<O, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let last_answer = |f: &mut fmt::Formatter<'_>, result: &Result<O, SdkError<E>>| match result
        {
            Ok(_) => write!(f, "the last response succeeded"),
            Err(error) => write!(f, "the last response was an error: {error}"),
        };
        write!(f, "waiter {} failed: ", self.waiter())?;
        match self {
            WaiterError::FailureState { last, .. } => {
                write!(
                    f,
                    "a failure acceptor matched on attempt {}; ",
                    last.attempts
                )?;
                last_answer(f, &last.result)
            }
            WaiterError::UnexpectedError {
                attempts, error, ..
            } => {
                let code = error.code().unwrap_or("Unknown");
                write!(
                    f,
                    "an error no acceptor expects, on attempt {attempts}: ({code}) {error}"
                )
            }
            WaiterError::Request {
                attempts, error, ..
            } => write!(f, "the call failed on attempt {attempts}: {error}"),
            WaiterError::MaxAttempts {
                retry_matched,
                last,
                ..
            } => {
                write!(
                    f,
                    "max attempts exceeded ({} attempt{})",
                    last.attempts,
                    plural(last.attempts)
                )?;
                if *retry_matched {
                    write!(f, ", the last one matched a retry acceptor")?;
                }
                write!(f, "; ")?;
                last_answer(f, &last.result)
            }
            WaiterError::Timeout {
                timeout,
                attempts,
                last,
                ..
            } => {
                write!(
                    f,
                    "timed out after {timeout:?} ({attempts} attempt{} completed)",
                    plural(*attempts)
                )?;
                match last {
                    Some(last) => {
                        write!(f, "; ")?;
                        last_answer(f, &last.result)
                    }
                    None => Ok(()),
                }
            }
        }
    }
}

impl<O: fmt::Debug, E: ServiceError> std::error::Error for WaiterError<O, E> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.last_error()
            .map(|error| error as &(dyn std::error::Error + 'static))
    }
}

/// Runs a waiter: calls `poll` until `matches` (the generated waiter's
/// acceptors) reaches a success or failure state, as botocore's
/// `Waiter.wait` does.
///
/// Each attempt, in order: `poll` is called and awaited; an error from
/// before the service answered ends the wait ([`WaiterError::Request`]); the
/// acceptors are applied, first match wins; `success` ends the wait with
/// that attempt, `failure` with [`WaiterError::FailureState`]; a service
/// error no acceptor matched ends it with [`WaiterError::UnexpectedError`];
/// after the most attempts the wait ends with [`WaiterError::MaxAttempts`];
/// otherwise it sleeps the delay and polls again. With a timeout, the wait
/// also ends with [`WaiterError::Timeout`] when it passes during an attempt,
/// or when the next attempt could not start before it.
pub async fn wait<O, E, P, F, M>(
    mut poll: P,
    matches: M,
    settings: &WaiterSettings,
) -> Result<FinalPoll<O, E>, WaiterError<O, E>>
where
    E: ServiceError,
    P: FnMut() -> F,
    F: Future<Output = (Option<u16>, Result<O, SdkError<E>>)>,
    M: Fn(&Polled<'_, O, E>) -> Option<AcceptorState>,
{
    let waiter = settings.name;
    let deadline = settings
        .timeout
        .map(|timeout| tokio::time::Instant::now() + timeout);
    let timed_out = |attempts: u32, last: Option<FinalPoll<O, E>>| WaiterError::Timeout {
        waiter,
        timeout: settings.timeout.unwrap_or_default(),
        attempts,
        last,
    };
    let mut attempts: u32 = 0;
    let mut last: Option<FinalPoll<O, E>> = None;
    loop {
        let (status, result) = match deadline {
            Some(deadline) => match tokio::time::timeout_at(deadline, poll()).await {
                Ok(answer) => answer,
                Err(_) => return Err(timed_out(attempts, last)),
            },
            None => poll().await,
        };
        attempts += 1;
        let result = match result {
            Err(error) if error.as_service_error().is_none() => {
                return Err(WaiterError::Request {
                    waiter,
                    attempts,
                    error,
                })
            }
            result => result,
        };
        let state = matches(&Polled::new(status, &result));
        let result = match (state, result) {
            (None, Err(error)) => {
                return Err(WaiterError::UnexpectedError {
                    waiter,
                    attempts,
                    error,
                })
            }
            (_, result) => result,
        };
        let this = FinalPoll {
            status,
            result,
            attempts,
        };
        match state {
            Some(AcceptorState::Success) => return Ok(this),
            Some(AcceptorState::Failure) => {
                return Err(WaiterError::FailureState { waiter, last: this })
            }
            Some(AcceptorState::Retry) | None => {}
        }
        if attempts >= settings.max_attempts {
            return Err(WaiterError::MaxAttempts {
                waiter,
                retry_matched: state == Some(AcceptorState::Retry),
                last: this,
            });
        }
        if let Some(deadline) = deadline {
            if tokio::time::Instant::now() + settings.delay >= deadline {
                return Err(timed_out(attempts, Some(this)));
            }
        }
        last = Some(this);
        tokio::time::sleep(settings.delay).await;
    }
}
