//! botocore's `waiters-2.json`: a serde mirror, its validation, and its
//! lowering into [`ir::WaiterDef`](crate::ir::WaiterDef)s.
//!
//! A waiter polls one operation every `delay` seconds, at most
//! `maxAttempts` times, and applies its acceptors in order to each result
//! (botocore's `waiter.py`): `path`, `pathAll` and `pathAny` compare a
//! JMESPath expression over the output with `expected`, `status` the HTTP
//! status, `error` the error code (or, with `true`/`false`, whether there is
//! an error at all). Validation reports everything a model gets wrong at its
//! JSON path (`waiters-2.json:waiters.TableExists.acceptors[0].argument`);
//! lowering compiles each expression against the operation's output type,
//! so a member name the output does not have is an error then.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::error::{Error, Problem};
use crate::ir::{AcceptorDef, AcceptorState, Matcher, PathMatch, RustType, Service, WaiterDef};
use crate::jmespath;
use crate::model::ServiceModel;
use crate::naming::{disambiguate, field_name, type_name};

/// The waiters format version botocore supports (`WaiterModel.SUPPORTED_VERSION`).
pub const SUPPORTED_VERSION: u64 = 2;

/// A whole `waiters-2.json` document.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
pub struct WaitersModel {
    /// The format version; botocore reads only version 2.
    #[serde(default)]
    pub version: Option<serde_json::Value>,
    /// The waiters by name (`TableExists`).
    pub waiters: BTreeMap<String, Waiter>,
    /// Keys this mirror does not know, reported as warnings by validation.
    #[serde(flatten)]
    pub unknown_keys: BTreeMap<String, serde_json::Value>,
}

/// One waiter.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Waiter {
    /// Seconds between attempts.
    pub delay: u64,
    /// The most attempts.
    pub max_attempts: u32,
    /// The operation polled, by its name in the model.
    pub operation: String,
    /// What the waiter waits for, in prose.
    #[serde(default)]
    pub description: Option<String>,
    /// The acceptors, applied in order to each attempt's result.
    pub acceptors: Vec<Acceptor>,
    /// Keys this mirror does not know, reported as warnings by validation.
    #[serde(flatten)]
    pub unknown_keys: BTreeMap<String, serde_json::Value>,
}

/// One acceptor: when it matches, and the state it then puts the wait in.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct Acceptor {
    /// `success`, `failure` or `retry`.
    pub state: String,
    /// `path`, `pathAll`, `pathAny`, `status` or `error`.
    pub matcher: String,
    /// The JMESPath expression of the `path` matchers.
    #[serde(default)]
    pub argument: Option<String>,
    /// What the matcher compares with.
    pub expected: serde_json::Value,
    /// Keys this mirror does not know, reported as warnings by validation.
    #[serde(flatten)]
    pub unknown_keys: BTreeMap<String, serde_json::Value>,
}

/// Parses a `waiters-2.json` document; errors name the JSON path of the bad value.
pub fn parse_waiters(json: &str) -> Result<WaitersModel, Error> {
    let deserializer = &mut serde_json::Deserializer::from_str(json);
    serde_path_to_error::deserialize(deserializer).map_err(|err| Error::Parse {
        path: format!("waiters-2.json:{}", err.path()),
        message: err.inner().to_string(),
    })
}

fn waiter_path(name: &str) -> String {
    format!("waiters-2.json:waiters.{name}")
}

/// Checks the waiters against the model: the version, that each operation
/// exists, that matchers and states are known and each `expected` has the
/// type its matcher compares, that every expression parses.
///
/// Returns the warnings (keys the mirror does not know, arguments a matcher
/// ignores), or every problem found.
pub fn validate_waiters(
    model: &ServiceModel,
    waiters: &WaitersModel,
) -> Result<Vec<Problem>, Error> {
    let mut problems = Vec::new();
    let mut warnings = Vec::new();
    let unknown =
        |path: String, keys: &BTreeMap<String, serde_json::Value>, out: &mut Vec<Problem>| {
            for key in keys.keys() {
                out.push(Problem::new(
                    format!("{path}.{key}"),
                    "a key this generator does not know; it is ignored, which may leave \
                 the waiter incomplete",
                ));
            }
        };
    unknown(
        "waiters-2.json:".to_owned(),
        &waiters.unknown_keys,
        &mut warnings,
    );
    // The top level's keys have no parent path to join with a dot.
    for warning in &mut warnings {
        warning.path = warning.path.replacen(":.", ":", 1);
    }
    match &waiters.version {
        Some(version) if version.as_u64() == Some(SUPPORTED_VERSION) => {}
        other => problems.push(Problem::new(
            "waiters-2.json:version",
            format!(
                "botocore reads waiters of version {SUPPORTED_VERSION} only, not {}",
                other
                    .as_ref()
                    .map_or("a missing version".to_owned(), |v| v.to_string())
            ),
        )),
    }
    for (name, waiter) in &waiters.waiters {
        let path = waiter_path(name);
        unknown(path.clone(), &waiter.unknown_keys, &mut warnings);
        if !model.operations.contains_key(&waiter.operation) {
            problems.push(Problem::new(
                format!("{path}.operation"),
                format!("no operation named {:?}", waiter.operation),
            ));
        }
        if waiter.max_attempts == 0 {
            problems.push(Problem::new(
                format!("{path}.maxAttempts"),
                "a waiter makes at least one attempt",
            ));
        }
        if waiter.acceptors.is_empty() {
            problems.push(Problem::new(
                format!("{path}.acceptors"),
                "a waiter with no acceptors can never succeed",
            ));
        }
        for (index, acceptor) in waiter.acceptors.iter().enumerate() {
            let path = format!("{path}.acceptors[{index}]");
            unknown(path.clone(), &acceptor.unknown_keys, &mut warnings);
            if let Err(problem) = acceptor_state(&acceptor.state, &path) {
                problems.push(problem);
            }
            match matcher(acceptor, &path) {
                Ok((_, Some(warning))) => warnings.push(warning),
                Ok((_, None)) => {}
                Err(problem) => problems.push(problem),
            }
        }
    }
    if problems.is_empty() {
        warnings.sort();
        Ok(warnings)
    } else {
        problems.sort();
        Err(Error::Invalid(problems))
    }
}

fn acceptor_state(state: &str, path: &str) -> Result<AcceptorState, Problem> {
    match state {
        "success" => Ok(AcceptorState::Success),
        "failure" => Ok(AcceptorState::Failure),
        "retry" => Ok(AcceptorState::Retry),
        other => Err(Problem::new(
            format!("{path}.state"),
            format!("unknown state {other:?} (known: success, failure, retry)"),
        )),
    }
}

/// The acceptor's matcher, and a warning when it carries an argument it ignores.
fn matcher(acceptor: &Acceptor, path: &str) -> Result<(Matcher, Option<Problem>), Problem> {
    let expected = &acceptor.expected;
    let wrong_expected = |wanted: &str| {
        Problem::new(
            format!("{path}.expected"),
            format!(
                "the {} matcher compares with {wanted}, not {expected}",
                acceptor.matcher
            ),
        )
    };
    let ignored = || {
        acceptor.argument.as_ref().map(|_| {
            Problem::new(
                format!("{path}.argument"),
                format!(
                    "the {} matcher has no argument; botocore ignores it",
                    acceptor.matcher
                ),
            )
        })
    };
    let kind = match acceptor.matcher.as_str() {
        "path" => PathMatch::Path,
        "pathAll" => PathMatch::All,
        "pathAny" => PathMatch::Any,
        "status" => {
            let status = expected
                .as_u64()
                .and_then(|s| u16::try_from(s).ok())
                .filter(|s| (100..=599).contains(s))
                .ok_or_else(|| wrong_expected("an HTTP status (100 to 599)"))?;
            return Ok((Matcher::Status(status), ignored()));
        }
        "error" => {
            let matcher = match expected {
                serde_json::Value::String(code) => Matcher::ErrorCode(code.clone()),
                serde_json::Value::Bool(any) => Matcher::Error(*any),
                _ => {
                    return Err(wrong_expected(
                        "an error code, true (any error) or false (no error)",
                    ))
                }
            };
            return Ok((matcher, ignored()));
        }
        other => {
            return Err(Problem::new(
                format!("{path}.matcher"),
                format!("unknown matcher {other:?} (known: path, pathAll, pathAny, status, error)"),
            ))
        }
    };
    let Some(expression) = &acceptor.argument else {
        return Err(Problem::new(
            format!("{path}.argument"),
            format!("the {} matcher needs an expression", acceptor.matcher),
        ));
    };
    let tree = jmespath::parse(expression)
        .map_err(|err| Problem::new(format!("{path}.argument"), err.to_string()))?;
    Ok((
        Matcher::Path {
            kind,
            expression: expression.clone(),
            tree,
            expected: expected.clone(),
        },
        None,
    ))
}

/// The waiters in the IR: names decided, expressions parsed and compiled
/// against their operation's output type (a member the output does not
/// have is a problem naming the waiter, the operation and the expression).
/// Waiters of operations the crate leaves out (an operation subset) are left
/// out too. Validation must have passed.
pub fn lower_waiters(
    waiters: &WaitersModel,
    service: &Service,
    docs: &dyn Fn(&Option<String>) -> String,
) -> Result<Vec<WaiterDef>, Error> {
    let kept: Vec<(&String, &Waiter)> = waiters
        .waiters
        .iter()
        .filter(|(_, waiter)| {
            service
                .operations
                .iter()
                .any(|op| op.model_name == waiter.operation)
        })
        .collect();
    // Names over every waiter, so a subset crate names its waiters as the full one does.
    let all: Vec<&str> = waiters.waiters.keys().map(String::as_str).collect();
    let rust_names = disambiguate(&all, type_name);
    let fn_names = disambiguate(&all, field_name);
    let mut problems = Vec::new();
    let mut defs = Vec::new();
    for (name, waiter) in kept {
        let index = all.iter().position(|n| *n == name).unwrap_or_default();
        let path = waiter_path(name);
        let mut acceptors = Vec::new();
        for (position, acceptor) in waiter.acceptors.iter().enumerate() {
            let at = format!("{path}.acceptors[{position}]");
            let (state, matcher) =
                match (acceptor_state(&acceptor.state, &at), matcher(acceptor, &at)) {
                    (Ok(state), Ok((matcher, _))) => (state, matcher),
                    (Err(problem), _) | (_, Err(problem)) => {
                        problems.push(problem);
                        continue;
                    }
                };
            if let Matcher::Path {
                tree, expression, ..
            } = &matcher
            {
                if let Err(problem) = check_path(service, &waiter.operation, tree) {
                    problems.push(Problem::new(
                        format!("{at}.argument"),
                        format!(
                            "waiter {name} (operation {}): `{expression}`: {problem}",
                            waiter.operation
                        ),
                    ));
                }
            }
            acceptors.push(AcceptorDef { state, matcher });
        }
        defs.push(WaiterDef {
            model_name: name.clone(),
            rust_name: rust_names[index].clone(),
            fn_name: fn_names[index].clone(),
            docs: docs(&waiter.description),
            operation: waiter.operation.clone(),
            delay: waiter.delay,
            max_attempts: waiter.max_attempts,
            acceptors,
        });
    }
    if problems.is_empty() {
        Ok(defs)
    } else {
        problems.sort();
        Err(Error::Invalid(problems))
    }
}

/// Compiles a path acceptor's expression over the operation's output, as
/// the emitter will, to find what it cannot compile.
fn check_path(service: &Service, operation: &str, tree: &jmespath::Expr) -> Result<(), String> {
    let op = service
        .operations
        .iter()
        .find(|op| op.model_name == operation)
        .ok_or_else(|| format!("no operation named {operation:?}"))?;
    let output = op
        .output
        .as_ref()
        .ok_or_else(|| format!("{operation} has no output for the expression to read"))?;
    jmespath::compile_value(
        tree,
        &RustType::Named(output.clone()),
        quote::quote!(output),
        service,
    )
    .map(|_| ())
    .map_err(|err| err.to_string())
}
