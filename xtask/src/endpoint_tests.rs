//! `cargo xtask endpoint-tests --rules RULESET --tests TESTS`: runs botocore's
//! endpoint test cases (`tests/functional/endpoint-rules/<service>/endpoint-tests-1.json`)
//! through the runtime's rules engine.
//!
//! A case gives parameters and expects an endpoint (URL, headers, properties,
//! each compared exactly, absent meaning empty) or an error (its message).
//! Every failing case is printed with its documentation, then `N passed, N failed`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use awsgen_runtime::endpoint::{Endpoint, Partitions, RuleSet, Value};
use serde_json::Value as Json;

const USAGE: &str =
    "cargo xtask endpoint-tests --rules RULESET --tests TESTS [--partitions PARTITIONS]";

pub fn run(args: &[String]) -> Result<ExitCode> {
    let mut rules = None;
    let mut tests = None;
    let mut partitions = None;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let mut path = || -> Result<PathBuf> {
            Ok(PathBuf::from(
                rest.next().with_context(|| format!("{arg} needs a path"))?,
            ))
        };
        match arg.as_str() {
            "--rules" => rules = Some(path()?),
            "--tests" => tests = Some(path()?),
            "--partitions" => partitions = Some(path()?),
            other => bail!("unknown argument {other:?}; usage: {USAGE}"),
        }
    }
    let (Some(rules), Some(tests)) = (rules, tests) else {
        bail!("usage: {USAGE}");
    };
    let report = run_file(&rules, &tests, partitions.as_deref())?;
    for failure in &report.failures {
        println!("FAILED {failure}");
    }
    println!("{} passed, {} failed", report.passed, report.failures.len());
    Ok(if report.failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// What running one test file found.
#[derive(Debug, Default)]
pub struct Report {
    pub passed: usize,
    /// One line per failing case: its number, documentation and what differed.
    pub failures: Vec<String>,
}

/// Runs every case of `tests` against `rules` (plain or `.json.gz`), with
/// botocore's partitions unless `partitions` names another file.
pub fn run_file(rules: &Path, tests: &Path, partitions: Option<&Path>) -> Result<Report> {
    let rule_set = RuleSet::from_json(&crate::codegen::read(rules)?)
        .with_context(|| format!("reading the rule set {}", rules.display()))?;
    let own_partitions = partitions
        .map(|path| {
            Partitions::from_json(&crate::codegen::read(path)?)
                .with_context(|| format!("reading the partitions {}", path.display()))
        })
        .transpose()?;
    let partitions = own_partitions.as_ref().unwrap_or(Partitions::botocore());
    let document: Json = serde_json::from_str(&crate::codegen::read(tests)?)
        .with_context(|| format!("reading the test cases {}", tests.display()))?;
    let cases = document["testCases"]
        .as_array()
        .with_context(|| format!("{}: no testCases list", tests.display()))?;
    let mut report = Report::default();
    for (index, case) in cases.iter().enumerate() {
        match run_case(&rule_set, partitions, case) {
            Ok(()) => report.passed += 1,
            Err(problem) => report.failures.push(format!(
                "#{index} {}: {problem}",
                case["documentation"]
                    .as_str()
                    .unwrap_or("(no documentation)")
            )),
        }
    }
    Ok(report)
}

fn run_case(rule_set: &RuleSet, partitions: &Partitions, case: &Json) -> Result<(), String> {
    let parameters: BTreeMap<String, Value> = case["params"]
        .as_object()
        .map(|params| {
            params
                .iter()
                .filter_map(|(name, value)| Some((name.clone(), Value::from_json(value)?)))
                .collect()
        })
        .unwrap_or_default();
    let outcome = rule_set.resolve(&parameters, partitions);
    let expect = &case["expect"];
    match (expect.get("endpoint"), expect.get("error"), outcome) {
        (Some(expected), _, Ok(endpoint)) => compare_endpoint(expected, &endpoint),
        (Some(_), _, Err(err)) => Err(format!("expected an endpoint, got the error {err:?}")),
        (None, Some(expected), Err(err)) => {
            if expected.as_str() == Some(err.to_string().as_str()) {
                Ok(())
            } else {
                Err(format!(
                    "expected the error {expected}, got {:?}",
                    err.to_string()
                ))
            }
        }
        (None, Some(expected), Ok(endpoint)) => Err(format!(
            "expected the error {expected}, got the endpoint {}",
            endpoint.url
        )),
        (None, None, _) => Err("the case expects neither an endpoint nor an error".to_owned()),
    }
}

fn compare_endpoint(expected: &Json, endpoint: &Endpoint) -> Result<(), String> {
    let url = expected["url"].as_str().unwrap_or_default();
    if url != endpoint.url {
        return Err(format!("expected the URL {url}, got {}", endpoint.url));
    }
    let headers: BTreeMap<String, Vec<String>> = match expected.get("headers") {
        Some(headers) => serde_json::from_value(headers.clone())
            .map_err(|err| format!("the expected headers are not a map of lists: {err}"))?,
        None => BTreeMap::new(),
    };
    if headers != endpoint.headers {
        return Err(format!(
            "expected the headers {headers:?}, got {:?}",
            endpoint.headers
        ));
    }
    let properties = expected
        .get("properties")
        .and_then(Json::as_object)
        .cloned()
        .unwrap_or_default();
    if properties != endpoint.properties {
        return Err(format!(
            "expected the properties {}, got {}",
            Json::Object(properties),
            Json::Object(endpoint.properties.clone())
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::fs;

    use super::*;
    use crate::codegen::workspace_root;

    /// Every case botocore has for the services whose rule sets are vendored.
    #[test]
    fn every_vendored_case_passes() {
        let root = workspace_root();
        let services = [
            (
                "apigateway",
                root.join("model/apigateway/2015-07-09/endpoint-rule-set-1.json"),
            ),
            (
                "dynamodb",
                root.join("model/dynamodb/2012-08-10/endpoint-rule-set-1.json"),
            ),
            (
                "lambda",
                root.join("model/lambda/2015-03-31/endpoint-rule-set-1.json"),
            ),
            (
                "sqs",
                root.join("model/sqs/2012-11-05/endpoint-rule-set-1.json"),
            ),
            ("sts", root.join("testdata/endpoint-tests/rules/sts.json")),
        ];
        let mut total = 0;
        for (service, rules) in services {
            let tests = root.join(format!("testdata/endpoint-tests/{service}.json"));
            let report = run_file(&rules, &tests, None).unwrap();
            assert!(
                report.failures.is_empty(),
                "{service}: {} failed:\n{}",
                report.failures.len(),
                report.failures.join("\n")
            );
            assert!(report.passed > 20, "{service}: {} cases", report.passed);
            total += report.passed;
        }
        assert!(total > 500, "{total} cases");
    }

    #[test]
    fn a_wrong_expectation_fails_its_case() {
        let root = workspace_root();
        let original =
            fs::read_to_string(root.join("testdata/endpoint-tests/apigateway.json")).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let mut document: Json = serde_json::from_str(&original).unwrap();
        let cases = document["testCases"].as_array_mut().unwrap();
        cases[0]["expect"]["endpoint"]["url"] = "https://elsewhere.example".into();
        cases[1]["expect"] = serde_json::json!({"error": "no such thing"});
        cases[2]["params"]["Region"] = true.into();
        let tests = dir.path().join("tests.json");
        fs::write(&tests, document.to_string()).unwrap();
        let rules = root.join("model/apigateway/2015-07-09/endpoint-rule-set-1.json");
        let report = run_file(&rules, &tests, None).unwrap();
        assert_eq!(report.failures.len(), 3, "{:#?}", report.failures);
        assert!(report.failures[0].starts_with("#0 "));
        assert!(report.failures[0].contains("expected the URL https://elsewhere.example"));
        assert!(
            report.failures[1].contains("expected the error \"no such thing\", got the endpoint")
        );
        assert!(report.failures[2].contains("the parameter Region must be String, not a boolean"));
    }
}
