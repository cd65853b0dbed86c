//! `cargo xtask protocol-tests --suite FILE…`: runs botocore protocol suites
//! through the generator. Each suite becomes a generated crate, each case a
//! `#[test]`; the command prints one line per failing case and ends with
//! `N passed, N failed`.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context, Result};
use awsgen_codegen::protocol::BodyFormat;
use awsgen_codegen::protocol_tests::{
    input_case_test, output_case_test, parse_suite_file, SuiteKind,
};
use awsgen_codegen::{emit::emit_crate, lower_model, Input};
use serde_json::Value;

use crate::codegen::workspace_root;

/// What happened to each case, by case id.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Cases that passed.
    pub passed: BTreeSet<String>,
    /// Failed cases with the difference or reason.
    pub failed: BTreeMap<String, String>,
    /// Cases not run, with the reason.
    pub skipped: BTreeMap<String, String>,
}

#[cfg(test)]
impl Outcome {
    /// Fails the test with every failing case of `label` and its reason.
    fn assert_no_failures(&self, label: &str) {
        let failures: Vec<String> = self
            .failed
            .iter()
            .map(|(id, why)| format!("{id}: {why}"))
            .collect();
        assert!(
            failures.is_empty(),
            "{label}: {} failing cases:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }
}

pub fn run(args: &[String]) -> Result<std::process::ExitCode> {
    let mut suites = Vec::new();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--suite" => suites.push(PathBuf::from(rest.next().context("--suite needs a file")?)),
            other => bail!("unknown argument {other:?} to protocol-tests"),
        }
    }
    if suites.is_empty() {
        bail!("name at least one --suite FILE");
    }
    let mut total = Outcome::default();
    for suite in &suites {
        let outcome = run_file(suite)?;
        for (id, reason) in &outcome.failed {
            println!("FAILED {}: {id}: {reason}", suite.display());
        }
        total.passed.extend(
            outcome
                .passed
                .into_iter()
                .map(|id| format!("{}:{id}", suite.display())),
        );
        total.failed.extend(
            outcome
                .failed
                .into_iter()
                .map(|(id, r)| (format!("{}:{id}", suite.display()), r)),
        );
        total.skipped.extend(
            outcome
                .skipped
                .into_iter()
                .map(|(id, r)| (format!("{}:{id}", suite.display()), r)),
        );
    }
    println!(
        "{} passed, {} failed, {} skipped",
        total.passed.len(),
        total.failed.len(),
        total.skipped.len()
    );
    Ok(if total.failed.is_empty() {
        std::process::ExitCode::SUCCESS
    } else {
        std::process::ExitCode::FAILURE
    })
}

/// Cases skipped on purpose: botocore's own ignore list, and ours with reasons.
fn skip_reasons(
    root: &Path,
    protocol: &str,
    kind: SuiteKind,
) -> Result<(BTreeSet<String>, BTreeMap<String, String>)> {
    let kind_key = if kind == SuiteKind::Input {
        "input"
    } else {
        "output"
    };
    let ignore: Value = serde_json::from_str(&fs::read_to_string(
        root.join("testdata/protocol-tests/botocore-ignore-list.json"),
    )?)?;
    let mut suites = BTreeSet::new();
    for suite in ignore["general"][kind_key]["suites"]
        .as_array()
        .into_iter()
        .flatten()
    {
        suites.insert(suite.as_str().unwrap_or_default().to_string());
    }
    let mut cases = BTreeMap::new();
    for case in ignore["protocols"][protocol][kind_key]["cases"]
        .as_array()
        .into_iter()
        .flatten()
    {
        cases.insert(
            case.as_str().unwrap_or_default().to_string(),
            "on botocore's ignore list".to_string(),
        );
    }
    let path = root.join("testdata/protocol-tests/skipped.json");
    let ours = skipped_cases(&fs::read_to_string(&path)?, protocol, kind_key)
        .with_context(|| format!("{}", path.display()))?;
    for skip in ours {
        let other = root.join("testdata/protocol-tests").join(&skip.other_suite);
        let text = fs::read_to_string(&other).with_context(|| {
            format!(
                "{}: {protocol}.{kind_key}.{} conflicts with a suite file that cannot be read",
                path.display(),
                skip.case
            )
        })?;
        let (_, other_suites) =
            parse_suite_file(&text).map_err(|err| anyhow::anyhow!("{}: {err}", other.display()))?;
        if !other_suites
            .iter()
            .flat_map(|suite| &suite.cases)
            .any(|case| case.id == skip.other_case)
        {
            bail!(
                "{}: {protocol}.{kind_key}.{} conflicts with `{}`, which {} does not have",
                path.display(),
                skip.case,
                skip.other_case,
                skip.other_suite
            );
        }
        let reason = format!(
            "conflicts with {} `{}`: {}",
            skip.other_suite, skip.other_case, skip.reason
        );
        cases.insert(skip.case, reason);
    }
    Ok((suites, cases))
}

/// A case of ours that cannot pass together with a case of another suite.
#[derive(Debug, PartialEq, Eq)]
struct ConflictingCase {
    /// The skipped case's id.
    case: String,
    /// The other suite file, relative to `testdata/protocol-tests`, e.g. `input/json.json`.
    other_suite: String,
    /// The id of the case it conflicts with there.
    other_case: String,
    /// Why both cannot pass.
    reason: String,
}

/// The entries of `skipped.json` for one protocol and direction. Each names
/// both cases, so that a skip is a known conflict and never a shrug:
/// `{"<protocol>": {"input": {"<case>": {"conflicts_with": "<suite file>#<case>", "reason": "…"}}}}`.
fn skipped_cases(text: &str, protocol: &str, kind_key: &str) -> Result<Vec<ConflictingCase>> {
    let all: Value = serde_json::from_str(text).context("not JSON")?;
    let mut out = Vec::new();
    for (case, entry) in all[protocol][kind_key].as_object().into_iter().flatten() {
        let at = format!("{protocol}.{kind_key}.{case}");
        let field = |key: &str| {
            entry[key]
                .as_str()
                .filter(|text| !text.trim().is_empty())
                .with_context(|| format!("{at}: needs a non-empty `{key}`"))
        };
        let conflicts_with = field("conflicts_with")?;
        let Some((other_suite, other_case)) = conflicts_with.split_once('#') else {
            bail!("{at}: `conflicts_with` is `<suite file>#<case id>`, not {conflicts_with:?}");
        };
        out.push(ConflictingCase {
            case: case.clone(),
            other_suite: other_suite.to_owned(),
            other_case: other_case.to_owned(),
            reason: field("reason")?.to_owned(),
        });
    }
    Ok(out)
}

/// Runs one suite file.
pub fn run_file(path: &Path) -> Result<Outcome> {
    let root = workspace_root();
    let text = crate::codegen::read(path)?;
    let (kind, suites) =
        parse_suite_file(&text).map_err(|err| anyhow::anyhow!("{}: {err}", path.display()))?;
    let stem = path
        .file_stem()
        .unwrap_or_default()
        .to_string_lossy()
        .replace(['.', '_'], "-");
    let kind_name = if kind == SuiteKind::Input {
        "input"
    } else {
        "output"
    };
    let scratch = root
        .join("target/protocol-tests")
        .join(format!("{kind_name}-{stem}"));
    if scratch.exists() {
        fs::remove_dir_all(&scratch)?;
    }
    let runtime = root.join("runtime").display().to_string();
    let mut outcome = Outcome::default();
    let mut members = Vec::new();
    let mut test_cases: BTreeMap<String, String> = BTreeMap::new();
    let mut crate_of_test: BTreeMap<String, String> = BTreeMap::new();
    for (index, suite) in suites.iter().enumerate() {
        let (skipped_suites, skipped_cases) = skip_reasons(&root, &suite.protocol, kind)?;
        let mut cases = Vec::new();
        for case in &suite.cases {
            if skipped_suites.contains(&suite.description) {
                outcome
                    .skipped
                    .insert(case.id.clone(), "suite on botocore's ignore list".into());
            } else if let Some(reason) = skipped_cases.get(&case.id) {
                outcome.skipped.insert(case.id.clone(), reason.clone());
            } else {
                cases.push(case);
            }
        }
        if cases.is_empty() {
            continue;
        }
        let service = format!("pt{index:03}");
        let input = Input {
            service_json: &suite.model_json,
            paginators_json: None,
            service: &service,
            source_path: &format!("{} suite {index}", path.display()),
            crate_version: "0.1.0",
            runtime_path: &runtime,
            operations: None,
            endpoint_rules_json: None,
            waiters_json: None,
        };
        let lowered = lower_model(input)
            .and_then(|(ir, _)| emit_crate(&ir, "0.1.0", &runtime).map(|files| (ir, files)));
        let (ir, files) = match lowered {
            Ok(pair) => pair,
            Err(err) => {
                for case in cases {
                    outcome.failed.insert(
                        case.id.clone(),
                        format!("the suite's model does not generate: {err}"),
                    );
                }
                continue;
            }
        };
        if !awsgen_codegen::protocol::supports_requests(&ir) {
            for case in cases {
                outcome.failed.insert(
                    case.id.clone(),
                    format!("protocol {:?} is not supported yet", suite.protocol),
                );
            }
            continue;
        }
        let mut tests = vec![include_str!("../../codegen/templates/protocol_check.rs").to_string()];
        match awsgen_codegen::protocol::request_body_format(&ir) {
            Some(BodyFormat::Xml) => {
                tests.push(
                    include_str!("../../codegen/templates/protocol_check_xml.rs").to_string(),
                );
            }
            Some(BodyFormat::Cbor) => {
                tests.push(
                    include_str!("../../codegen/templates/protocol_check_cbor.rs").to_string(),
                );
            }
            Some(BodyFormat::Json | BodyFormat::Form) | None => {}
        }
        for case in cases {
            let test = match kind {
                SuiteKind::Input => input_case_test(&ir, case),
                SuiteKind::Output => output_case_test(&ir, case),
            };
            match test {
                Ok(tokens) => {
                    let file: syn::File = syn::parse2(tokens).context("test tokens")?;
                    tests.push(prettyplease::unparse(&file));
                    test_cases.insert(case.test_name.clone(), case.id.clone());
                    crate_of_test.insert(case.test_name.clone(), service.clone());
                }
                Err(err) => {
                    outcome
                        .failed
                        .insert(case.id.clone(), format!("cannot write the test: {err}"));
                }
            }
        }
        let crate_dir = scratch.join(&service);
        for (relative, contents) in &files.files {
            let file = crate_dir.join(relative);
            fs::create_dir_all(file.parent().expect("inside the crate"))?;
            fs::write(file, contents)?;
        }
        fs::create_dir_all(crate_dir.join("tests"))?;
        let header = "#![allow(deprecated, unused_imports, clippy::all)]\n";
        fs::write(
            crate_dir.join("tests/protocol.rs"),
            format!("{header}{}", tests.join("\n")),
        )?;
        members.push(format!("\"{service}\""));
    }
    if members.is_empty() {
        return Ok(outcome);
    }
    fs::write(
        scratch.join("Cargo.toml"),
        format!(
            "[workspace]\nresolver = \"2\"\nmembers = [{}]\n",
            members.join(", ")
        ),
    )?;
    fs::copy(root.join("Cargo.lock"), scratch.join("Cargo.lock"))?;
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    let target = crate::codegen::generated_crates_target(&root);
    // Build everything first, going on past crates that fail, so one bad suite
    // cannot hide the results of the others.
    let build = Command::new(&cargo)
        .current_dir(&scratch)
        .args([
            "test",
            "--workspace",
            // The cases compare outputs in their JSON form.
            "--features",
            "serde",
            "--no-run",
            "--keep-going",
            "--message-format",
            "short",
        ])
        .env("CARGO_TARGET_DIR", &target)
        .output()
        .context("building the suite crates")?;
    let build_log = String::from_utf8_lossy(&build.stderr);
    let mut broken: BTreeMap<String, String> = BTreeMap::new();
    for line in build_log.lines() {
        if let Some((file, message)) = line.split_once(": error") {
            let crate_name = file.split('/').next().unwrap_or_default().to_string();
            broken
                .entry(crate_name)
                .or_insert_with(|| format!("does not compile: error{message} ({file})"));
        }
    }
    if !broken.is_empty() {
        let kept: Vec<&String> = members
            .iter()
            .filter(|m| !broken.contains_key(m.trim_matches('"')))
            .collect();
        let kept: Vec<String> = kept.into_iter().cloned().collect();
        fs::write(
            scratch.join("Cargo.toml"),
            format!(
                "[workspace]\nresolver = \"2\"\nmembers = [{}]\n",
                kept.join(", ")
            ),
        )?;
        for (crate_name, error) in &broken {
            for (test_name, id) in &test_cases {
                if crate_of_test.get(test_name) == Some(crate_name) {
                    outcome.failed.insert(id.clone(), error.clone());
                }
            }
        }
        test_cases.retain(|test_name, _| {
            !crate_of_test
                .get(test_name)
                .is_some_and(|c| broken.contains_key(c))
        });
    }
    let output = Command::new(&cargo)
        .current_dir(&scratch)
        .args([
            "test",
            "--workspace",
            "--features",
            "serde",
            "--no-fail-fast",
            "--test",
            "protocol",
        ])
        .env("CARGO_TARGET_DIR", &target)
        .env("RUST_BACKTRACE", "0")
        .output()
        .context("running cargo test on the suite crates")?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    let results = parse_test_output(&stdout);
    for (test_name, id) in &test_cases {
        match results.get(test_name) {
            Some(None) => {
                outcome.passed.insert(id.clone());
            }
            Some(Some(message)) => {
                outcome.failed.insert(id.clone(), message.clone());
            }
            None => {
                let first_error = stderr
                    .lines()
                    .find(|line| line.starts_with("error"))
                    .unwrap_or("did not run");
                outcome
                    .failed
                    .insert(id.clone(), format!("did not run ({first_error})"));
            }
        }
    }
    Ok(outcome)
}

/// Test results from `cargo test` output: `None` for passed, the panic message for failed.
fn parse_test_output(stdout: &str) -> BTreeMap<String, Option<String>> {
    let mut results = BTreeMap::new();
    for line in stdout.lines() {
        if let Some(rest) = line.strip_prefix("test ") {
            if let Some(name) = rest.strip_suffix(" ... ok") {
                results.insert(name.to_string(), None);
            } else if let Some(name) = rest.strip_suffix(" ... FAILED") {
                results.insert(name.to_string(), Some("failed".to_string()));
            }
        }
    }
    let mut current: Option<String> = None;
    for line in stdout.lines() {
        if let Some(name) = line
            .strip_prefix("---- ")
            .and_then(|l| l.strip_suffix(" stdout ----"))
        {
            current = Some(name.to_string());
            continue;
        }
        if let Some(name) = &current {
            if line.starts_with("thread ") || line.trim().is_empty() || line.starts_with("note:") {
                continue;
            }
            results.insert(name.clone(), Some(line.trim().to_string()));
            current = None;
        }
    }
    results
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every case of the suites of the protocols with wire code passes, but
    /// those on botocore's own ignore list or listed with a reason in
    /// testdata/protocol-tests/skipped.json; each suite runs at least as many
    /// cases as it did when it first passed.
    #[test]
    fn supported_protocol_suites_pass() {
        let root = workspace_root();
        let suites = [
            ("input/rest-json.json", 101),
            ("output/rest-json.json", 82),
            ("input/json.json", 50),
            ("output/json.json", 52),
            ("input/json_1_0.json", 18),
            ("output/json_1_0.json", 32),
            ("input/json_1_0-query-compatible.json", 1),
            ("output/json_1_0-query-compatible.json", 2),
            ("input/query.json", 32),
            ("output/query.json", 36),
            ("input/ec2.json", 21),
            ("output/ec2.json", 27),
            ("input/rest-xml.json", 82),
            ("output/rest-xml.json", 72),
            ("input/smithy-rpc-v2-cbor.json", 15),
            ("output/smithy-rpc-v2-cbor.json", 33),
            ("input/smithy-rpc-v2-cbor-query-compatible.json", 1),
            ("output/smithy-rpc-v2-cbor-query-compatible.json", 2),
            ("input/smithy-rpc-v2-cbor-non-query-compatible.json", 1),
            // botocore 1.43.67's file has no suites.
            ("output/smithy-rpc-v2-cbor-non-query-compatible.json", 0),
        ];
        for (suite, at_least) in suites {
            let outcome = run_file(&root.join("testdata/protocol-tests").join(suite)).unwrap();
            outcome.assert_no_failures(suite);
            assert!(
                outcome.passed.len() >= at_least,
                "{suite}: only {} passed",
                outcome.passed.len()
            );
        }
    }

    #[test]
    fn a_skip_names_both_conflicting_cases() {
        let text = r#"{"json": {"output": {
            "CaseA": {"conflicts_with": "output/rest-json.json#CaseB", "reason": "same bytes, other member"}
        }}}"#;
        assert_eq!(
            skipped_cases(text, "json", "output").unwrap(),
            [ConflictingCase {
                case: "CaseA".into(),
                other_suite: "output/rest-json.json".into(),
                other_case: "CaseB".into(),
                reason: "same bytes, other member".into(),
            }]
        );
        assert!(skipped_cases(text, "json", "input").unwrap().is_empty());
        let bare_reason = r#"{"json": {"input": {"CaseA": "flaky"}}}"#;
        let err = skipped_cases(bare_reason, "json", "input").unwrap_err();
        assert_eq!(
            err.to_string(),
            "json.input.CaseA: needs a non-empty `conflicts_with`"
        );
        let one_name = r#"{"json": {"input": {"CaseA": {"conflicts_with": "input/json.json", "reason": "r"}}}}"#;
        let err = skipped_cases(one_name, "json", "input").unwrap_err();
        assert!(err.to_string().contains("<suite file>#<case id>"), "{err}");
    }

    #[test]
    fn a_skip_naming_a_case_that_does_not_exist_is_refused() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("testdata/protocol-tests");
        fs::create_dir_all(dir.join("input")).unwrap();
        fs::write(dir.join("botocore-ignore-list.json"), "{}").unwrap();
        let suite = r#"[{"description": "s", "metadata": {"protocol": "json"}, "shapes": {},
            "cases": [{"id": "Real", "given": {"name": "Op"}, "params": {}, "serialized": {}}]}]"#;
        fs::write(dir.join("input/json.json"), suite).unwrap();
        let skip = |other: &str| {
            let text = format!(
                r#"{{"json": {{"input": {{"Mine": {{"conflicts_with": "input/json.json#{other}", "reason": "r"}}}}}}}}"#
            );
            fs::write(dir.join("skipped.json"), text).unwrap();
            skip_reasons(root.path(), "json", SuiteKind::Input)
        };
        let (_, cases) = skip("Real").unwrap();
        assert_eq!(cases["Mine"], "conflicts with input/json.json `Real`: r");
        let err = skip("Imagined").unwrap_err();
        assert!(
            err.to_string()
                .contains("which input/json.json does not have"),
            "{err}"
        );
    }

    /// The committed skips name cases that exist, in suite files that exist.
    #[test]
    fn committed_skips_name_real_cases() {
        let root = workspace_root();
        for protocol in ["rest-json", "json"] {
            for kind in [SuiteKind::Input, SuiteKind::Output] {
                skip_reasons(&root, protocol, kind).unwrap();
            }
        }
    }

    /// The runner judges cases as botocore's `test_protocols.py` does: the host
    /// from the suite's `clientEndpoint`, `jsonvalue` params given as JSON
    /// values, list headers compared without the space after each comma.
    #[test]
    fn cases_are_judged_as_botocores_runner_does() {
        let suite = serde_json::json!([{
            "description": "runner rules",
            "clientEndpoint": "https://service.example.org/base",
            "metadata": {"protocol": "rest-json", "apiVersion": "2020-01-01"},
            "shapes": {
                "Input": {"type": "structure", "members": {
                    "Policy": {"shape": "Text", "jsonvalue": true, "location": "header", "locationName": "X-Policy"},
                    "Names": {"shape": "Names", "location": "header", "locationName": "X-Names"},
                    "Zone": {"shape": "Text", "hostLabel": true}
                }},
                "Names": {"type": "list", "member": {"shape": "Text"}},
                "Text": {"type": "string"}
            },
            "cases": [{
                "id": "RunnerRules",
                "given": {"name": "Op", "http": {"method": "POST", "requestUri": "/"},
                          "input": {"shape": "Input"}, "endpoint": {"hostPrefix": "{Zone}."}},
                "params": {"Policy": {"allow": ["a", "b"]}, "Names": ["x", "y,z"], "Zone": "eu"},
                "serialized": {
                    "method": "POST", "uri": "/", "host": "eu.service.example.org",
                    "headers": {"X-Policy": "eyJhbGxvdyI6WyJhIiwiYiJdfQ==", "X-Names": "x, \"y,z\""}
                }
            }]
        }]);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("rules.json");
        fs::write(&path, suite.to_string()).unwrap();
        let outcome = run_file(&path).unwrap();
        outcome.assert_no_failures("runner rules");
        assert_eq!(outcome.passed.len(), 1);
    }

    #[test]
    fn header_lists_and_failure_lines_parse() {
        let output = "test case_a ... ok\ntest case_b ... FAILED\n\n---- case_b stdout ----\n\nthread 'case_b' panicked at x.rs:1:1:\ncase_b: body: expected 1, got 2\n";
        let results = parse_test_output(output);
        assert_eq!(results["case_a"], None);
        assert_eq!(
            results["case_b"].as_deref(),
            Some("case_b: body: expected 1, got 2")
        );
    }
}

#[cfg(test)]
mod wire_case_tests {
    use super::*;
    use serde_json::value::RawValue;

    /// The parts of a `service-2.json` a suite needs, as written.
    #[derive(serde::Deserialize)]
    struct ModelParts<'a> {
        #[serde(borrow)]
        metadata: &'a RawValue,
        #[serde(borrow)]
        shapes: &'a RawValue,
    }

    /// The shapes of `shapes` (each as written) that the cases' operations
    /// reach, with every exception, as error codes are looked up service-wide.
    /// Only those go into the suite crate: one of all of EC2's shapes would
    /// take minutes to build, for types no case touches.
    fn reached_shapes(shapes: &RawValue, cases: &Value) -> String {
        let written: BTreeMap<String, &RawValue> = serde_json::from_str(shapes.get()).unwrap();
        let parsed: BTreeMap<&str, Value> = written
            .iter()
            .map(|(name, raw)| (name.as_str(), serde_json::from_str(raw.get()).unwrap()))
            .collect();
        let shape_name = |reference: &Value| reference["shape"].as_str().map(str::to_owned);
        let mut stack: Vec<String> = parsed
            .iter()
            .filter(|(_, shape)| shape["exception"] == true)
            .map(|(name, _)| (*name).to_owned())
            .collect();
        for case in ["input", "output"]
            .iter()
            .flat_map(|kind| cases[kind].as_array().unwrap())
        {
            let given = &case["given"];
            stack.extend(shape_name(&given["input"]));
            stack.extend(shape_name(&given["output"]));
            if let Some(errors) = given["errors"].as_array() {
                stack.extend(errors.iter().filter_map(shape_name));
            }
        }
        let mut reached = BTreeSet::new();
        while let Some(name) = stack.pop() {
            let Some(shape) = parsed.get(name.as_str()) else {
                continue;
            };
            if reached.insert(name) {
                let members = shape["members"]
                    .as_object()
                    .into_iter()
                    .flat_map(|m| m.values());
                let parts = ["member", "key", "value"].map(|part| &shape[part]);
                stack.extend(members.chain(parts).filter_map(shape_name));
            }
        }
        let entries: Vec<String> = reached
            .iter()
            .map(|name| format!("{}: {}", Value::from(name.as_str()), written[name].get()))
            .collect();
        format!("{{{}}}", entries.join(", "))
    }

    /// Requests and responses of real services as botocore produces and parses
    /// them (`testdata/<service>/wire-cases.json`, written by the script beside
    /// each), run against the vendored model of that service.
    #[test]
    fn vendored_services_match_botocore() {
        let root = workspace_root();
        let mut services = Vec::new();
        for entry in fs::read_dir(root.join("testdata")).unwrap() {
            let dir = entry.unwrap().path();
            if dir.join("wire-cases.json").is_file() {
                services.push(dir.file_name().unwrap().to_string_lossy().into_owned());
            }
        }
        services.sort();
        assert_eq!(
            services,
            [
                "apigateway",
                "dynamodb",
                "ec2",
                "kms",
                "lambda",
                "partnercentral-revenue-measurement",
                "route53",
                "sns",
                "sqs",
                "sts"
            ]
        );
        let dir = tempfile::tempdir().unwrap();
        for service in &services {
            let jobs = crate::codegen::discover(&root).unwrap();
            let job = jobs.iter().find(|job| &job.service == service).unwrap();
            let model_text = fs::read_to_string(&job.model).unwrap();
            // Shapes as written: a `Value` would sort members by name, and
            // XML elements follow the model's member order.
            let model: ModelParts<'_> = serde_json::from_str(&model_text).unwrap();
            let cases: Value = serde_json::from_str(
                &fs::read_to_string(root.join("testdata").join(service).join("wire-cases.json"))
                    .unwrap(),
            )
            .unwrap();
            let shapes = reached_shapes(model.shapes, &cases);
            for kind in ["input", "output"] {
                let description = Value::from(format!(
                    "{service} {kind} cases from {}",
                    cases["generatedBy"].as_str().unwrap()
                ));
                let suite = format!(
                    r#"[{{"description": {description}, "metadata": {}, "shapes": {}, "cases": {}}}]"#,
                    model.metadata.get(),
                    shapes,
                    cases[kind],
                );
                let path = dir.path().join(format!("{service}-{kind}.json"));
                fs::write(&path, suite).unwrap();
                let outcome = run_file(&path).unwrap();
                outcome.assert_no_failures(&format!("{service} {kind}"));
                assert_eq!(
                    outcome.passed.len(),
                    cases[kind].as_array().unwrap().len(),
                    "{service} {kind}: every case runs"
                );
            }
        }
    }
}
