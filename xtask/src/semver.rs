//! `cargo xtask semver OLD NEW`: checks the diff's semver classification
//! against `cargo-semver-checks` on the two generated crates.
//!
//! Both models are generated into `target/semver/`, the tool compares the
//! crates' public APIs (through rustdoc JSON), and the two verdicts are
//! compared. The classification is sound when it never asks for less than the
//! tool: a change the tool calls breaking must be major in the diff too. The
//! diff may ask for more: a newly required member breaks `build()` calls at
//! run time, which no API comparison can see, and additions are minor even
//! though the tool accepts them in a patch release.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use anyhow::{bail, Context, Result};
use awsgen_codegen::diff::{diff_models, diff_subset, Basis, Bump, ModelDiff};
use awsgen_codegen::{generate, Input, OperationSubset};

use crate::codegen::{parse_operations, workspace_root};
use crate::model_source::{self, history_file, ModelSource};

/// The `cargo-semver-checks` release the check is pinned to.
const TOOL_VERSION: &str = "0.51.0";

/// The fixed pairs `--pairs` checks: additive and breaking, real history.
/// Later-to-earlier pairs stand for removals, which the history never made
/// between consecutive versions except for documented errors.
pub const PAIRS: [(&str, &str, &str); 8] = [
    ("002", "003", "stage variables: new optional members"),
    ("003", "004", "new operations, members and error shapes"),
    (
        "009",
        "010",
        "enum values added; the `op` shape renamed `Op`",
    ),
    ("034", "035", "header maps retargeted to a same-typed shape"),
    ("048", "049", "three operations stop documenting an error"),
    ("064", "065", "many new members and enum values"),
    ("066", "067", "one new enum value (the newest model)"),
    (
        "003",
        "002",
        "stage variables removed (the 2015-11-10 change reversed)",
    ),
];

/// The pairs `--pairs --sample` keeps, whole and subset: an additive
/// change and its reversal, a removal; the internals-only pair always runs.
pub const SAMPLE_PAIRS: [(&str, &str); 2] = [("003", "004"), ("003", "002")];

/// Pairs `--pairs` checks on crates of some operations (old, new, operations,
/// what changes): the verdict must speak of the kept operations alone.
pub const SUBSET_PAIRS: [(&str, &str, &str, &str); 2] = [
    (
        "002",
        "003",
        "GetStages",
        "stage variables, on the one kept operation that returns them",
    ),
    (
        "003",
        "002",
        "GetRestApis,GetDeployments",
        "stage variables removed, from operations the crate leaves out",
    ),
];

/// One pair to check.
struct Pair {
    old: PathBuf,
    new: PathBuf,
    operations: Option<OperationSubset>,
    about: String,
}

/// What `cargo-semver-checks` concluded.
#[derive(Debug, Clone, PartialEq, Eq)]
struct ToolVerdict {
    /// The smallest release the tool accepts.
    required: Bump,
    /// Its failing and warning lints, by name.
    lints: Vec<String>,
}

pub fn run(args: &[String]) -> Result<ExitCode> {
    let root = workspace_root();
    let tool = ensure_tool(&root)?;
    let pairs: Vec<Pair> = match args {
        [flag, rest @ ..] if flag == "--pairs" && (rest.is_empty() || rest == ["--sample"]) => {
            // The sample: one pair of each kind (additive, breaking, a
            // subset crate, and below, internals only).
            let sample = !rest.is_empty();
            let whole = PAIRS
                .iter()
                .filter(|(old, new, _)| !sample || SAMPLE_PAIRS.contains(&(*old, *new)))
                .map(|(old, new, about)| (*old, *new, None, *about));
            let subsets = SUBSET_PAIRS
                .iter()
                .filter(|(old, new, _, _)| !sample || SAMPLE_PAIRS.contains(&(*old, *new)))
                .map(|(old, new, operations, about)| (*old, *new, Some(*operations), *about));
            let mut pairs = whole
                .chain(subsets)
                .map(|(old, new, operations, about)| {
                    Ok(Pair {
                        old: history_file(&root, old)?,
                        new: history_file(&root, new)?,
                        operations: operations.map(parse_operations).transpose()?,
                        about: about.to_string(),
                    })
                })
                .collect::<Result<Vec<_>>>()?;
            let newest = history_file(&root, "067")?;
            let edited = root.join("target/semver/067-wire-only.json");
            fs::create_dir_all(edited.parent().expect("inside target"))?;
            fs::write(&edited, wire_only_edit(&crate::codegen::read(&newest)?)?)?;
            pairs.push(Pair {
                old: newest,
                new: edited,
                operations: None,
                about: "the newest model with only wire facts changed: every request URI, \
                        every body member's wire name, every error's code and status; \
                        the internals change, the public API does not"
                    .to_string(),
            });
            pairs
        }
        [old, new] => vec![Pair {
            old: PathBuf::from(old),
            new: PathBuf::from(new),
            operations: None,
            about: String::new(),
        }],
        [old, new, flag, list] if flag == "--operations" => vec![Pair {
            old: PathBuf::from(old),
            new: PathBuf::from(new),
            operations: Some(parse_operations(list).context("--operations")?),
            about: String::new(),
        }],
        _ => bail!(
            "usage: cargo xtask semver OLD NEW [--operations A,B] | cargo xtask semver --pairs [--sample]"
        ),
    };
    let scratch = root.join("target/semver");
    let mut failures = 0;
    for (index, pair) in pairs.iter().enumerate() {
        let mut label = format!("{} -> {}", short(&pair.old), short(&pair.new));
        if let Some(subset) = &pair.operations {
            let kept: Vec<&str> = subset.operations().collect();
            label.push_str(&format!(" [operations {}]", kept.join(", ")));
        }
        let outcome = check_pair(&tool, &scratch, index, pair)?;
        let about = if pair.about.is_empty() {
            String::new()
        } else {
            format!(" ({})", pair.about)
        };
        println!("{label}{about}");
        println!("  diff:               {}", outcome.ours_text);
        println!(
            "  cargo-semver-checks: {}{}",
            outcome.tool.required,
            if outcome.tool.lints.is_empty() {
                String::new()
            } else {
                format!(" [{}]", outcome.tool.lints.join(", "))
            }
        );
        println!("  => {}", outcome.verdict);
        failures += usize::from(!outcome.sound);
    }
    println!(
        "{} pair(s): {} agree, {} disagree",
        pairs.len(),
        pairs.len() - failures,
        failures
    );
    Ok(if failures == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

struct Outcome {
    ours_text: String,
    tool: ToolVerdict,
    verdict: String,
    sound: bool,
}

fn check_pair(tool: &Path, scratch: &Path, index: usize, pair: &Pair) -> Result<Outcome> {
    let old_source = model_source::load(&pair.old)?;
    let new_source = model_source::load(&pair.new)?;
    let subset = pair.operations.as_ref();
    let diff = match subset {
        Some(subset) => diff_subset(&old_source.model, &new_source.model, subset),
        None => diff_models(&old_source.model, &new_source.model),
    };
    let pair_dir = scratch.join(format!("pair-{index}"));
    if pair_dir.exists() {
        fs::remove_dir_all(&pair_dir)
            .with_context(|| format!("clearing {}", pair_dir.display()))?;
    }
    let old_crate = write_crate(&old_source, &pair_dir.join("old"), subset)?;
    let new_crate = write_crate(&new_source, &pair_dir.join("new"), subset)?;
    let verdict = run_tool(tool, &scratch.join("target"), &old_crate, &new_crate)?;
    Ok(judge(&diff, verdict))
}

/// `model` with what only the wire code reads changed: every operation's
/// request URI moves under `/v2`, every body member's wire name (a structure
/// member without `location`) gets a `locationName` of its own, and every
/// error shape gets another code and HTTP status. Serializers, parsers and
/// error dispatch all change; no public item does.
fn wire_only_edit(model: &str) -> Result<String> {
    let mut model: serde_json::Value = serde_json::from_str(model).context("reading the model")?;
    for op in model["operations"]
        .as_object_mut()
        .context("operations")?
        .values_mut()
    {
        if let Some(uri) = op["http"]["requestUri"].as_str() {
            op["http"]["requestUri"] = format!("/v2{uri}").into();
        }
    }
    for shape in model["shapes"]
        .as_object_mut()
        .context("shapes")?
        .values_mut()
    {
        if shape.get("exception").and_then(serde_json::Value::as_bool) == Some(true) {
            shape["error"] = serde_json::json!({"code": "Renamed", "httpStatusCode": 418});
        }
        let Some(members) = shape.get_mut("members").and_then(|m| m.as_object_mut()) else {
            continue;
        };
        for (name, member) in members.iter_mut() {
            if member.get("location").is_none() {
                member["locationName"] = format!("wire_{name}").into();
            }
        }
    }
    Ok(serde_json::to_string(&model)?)
}

/// Compares the diff's bump with the tool's.
fn judge(diff: &ModelDiff, tool: ToolVerdict) -> Outcome {
    let ours = diff.bump.unwrap_or(Bump::Patch);
    let ours_text = match diff.bump {
        None => "no changes".to_string(),
        Some(bump) => {
            let mut kinds: Vec<&str> = diff
                .bump_reasons()
                .iter()
                .map(|c| c.kind.as_str())
                .collect();
            kinds.sort_unstable();
            kinds.dedup();
            format!("{bump} ({})", kinds.join(", "))
        }
    };
    let (sound, verdict) = if ours < tool.required {
        (
            false,
            format!(
                "DISAGREE: the tool requires {}, the diff asks only for {ours}",
                tool.required
            ),
        )
    } else if ours == tool.required {
        (true, "agree".to_string())
    } else if ours == Bump::Major
        && diff
            .bump_reasons()
            .iter()
            .all(|c| c.basis == Basis::Behaviour)
    {
        (
            true,
            "agree: the break is in run-time behaviour, which the tool cannot see".to_string(),
        )
    } else if ours == Bump::Minor {
        (
            true,
            "agree: additions, which the tool accepts in any release".to_string(),
        )
    } else {
        // Stricter than the tool on the API: not unsafe, but worth a look.
        (
            true,
            format!(
                "agree, stricter than the tool ({ours} vs {})",
                tool.required
            ),
        )
    };
    Outcome {
        ours_text,
        tool,
        verdict,
        sound,
    }
}

/// Generates `source` as a standalone crate in `dir` (its own workspace).
fn write_crate(
    source: &ModelSource,
    dir: &Path,
    operations: Option<&OperationSubset>,
) -> Result<PathBuf> {
    let service = source.service_name();
    let label = source.service_path.display().to_string();
    let generated = generate(Input {
        service_json: &source.service_json,
        paginators_json: None,
        service: &service,
        source_path: &label,
        crate_version: "1.0.0",
        runtime_path: &crate::codegen::runtime_path_from(dir)?,
        operations,
        endpoint_rules_json: None,
        waiters_json: None,
    })
    .with_context(|| format!("generating {label}"))?;
    for (relative, contents) in &generated.files {
        let path = dir.join(relative);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).with_context(|| format!("creating {}", parent.display()))?;
        }
        let mut contents = contents.clone();
        if relative == "Cargo.toml" {
            // A workspace of its own, as the repository's workspace does not list it.
            contents.push_str("\n[workspace]\n");
        }
        fs::write(&path, contents).with_context(|| format!("writing {}", path.display()))?;
    }
    Ok(dir.to_path_buf())
}

fn run_tool(tool: &Path, target: &Path, old: &Path, new: &Path) -> Result<ToolVerdict> {
    let output = Command::new(tool)
        .arg("semver-checks")
        .arg("--manifest-path")
        .arg(new.join("Cargo.toml"))
        .arg("--baseline-root")
        .arg(old)
        .args(["--release-type", "patch", "--color", "never"])
        .env("CARGO_TARGET_DIR", target)
        .output()
        .with_context(|| format!("running {}", tool.display()))?;
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    parse_tool_output(&text, output.status.success())
}

/// Reads the tool's verdict from its report.
fn parse_tool_output(text: &str, success: bool) -> Result<ToolVerdict> {
    let lints: Vec<String> = text
        .lines()
        .filter_map(|line| {
            let rest = line
                .strip_prefix("--- failure ")
                .or_else(|| line.strip_prefix("--- warning "))?;
            Some(rest.split(':').next()?.trim().to_string())
        })
        .collect();
    let required = if text.contains("requires new major version") {
        Bump::Major
    } else if text.contains("requires new minor version") {
        Bump::Minor
    } else if success {
        Bump::Patch
    } else {
        bail!("cargo-semver-checks failed without a verdict:\n{text}");
    };
    Ok(ToolVerdict { required, lints })
}

/// The pinned `cargo-semver-checks`, installed into `target/tools` if it is
/// not there yet (a fresh machine builds it once, a few minutes).
fn ensure_tool(root: &Path) -> Result<PathBuf> {
    let tools = root.join("target/tools");
    let binary = tools.join("bin/cargo-semver-checks");
    let installed = Command::new(&binary)
        .arg("--version")
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).contains(TOOL_VERSION));
    if installed != Some(true) {
        eprintln!(
            "installing cargo-semver-checks {TOOL_VERSION} into target/tools (once per machine)…"
        );
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
        let status = Command::new(cargo)
            .args([
                "install",
                "--locked",
                "--quiet",
                "cargo-semver-checks",
                "--version",
                TOOL_VERSION,
            ])
            .arg("--root")
            .arg(&tools)
            // The tool's release profile asks for fat LTO and one codegen
            // unit, minutes of a fresh machine's (and CI's) time; its speed
            // on two small crates does not need them.
            .env("CARGO_PROFILE_RELEASE_LTO", "false")
            .env("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "16")
            .status()
            .context("running cargo install")?;
        if !status.success() {
            bail!("cargo install cargo-semver-checks {TOOL_VERSION} failed");
        }
    }
    Ok(binary)
}

fn short(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    name.trim_end_matches(".gz")
        .trim_end_matches(".json")
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    const REPORT: &str = "\
     Checked [   0.705s] 229 checks: 227 pass, 1 fail, 1 warn, 31 skip

--- failure enum_variant_missing: pub enum variant removed or renamed ---
--- warning partial_ord_enum_variants_reordered: enum variants reordered ---
     Summary semver requires new major version: 1 major and 0 minor checks failed
";

    #[test]
    fn reads_the_tools_verdict() {
        let verdict = parse_tool_output(REPORT, false).unwrap();
        assert_eq!(verdict.required, Bump::Major);
        assert_eq!(
            verdict.lints,
            [
                "enum_variant_missing",
                "partial_ord_enum_variants_reordered"
            ]
        );
        let pass = parse_tool_output("     Summary no semver update required\n", true).unwrap();
        assert_eq!(
            pass,
            ToolVerdict {
                required: Bump::Patch,
                lints: vec![]
            }
        );
        assert!(parse_tool_output("error: could not compile", false).is_err());
    }

    #[test]
    fn a_diff_asking_for_less_than_the_tool_fails_the_check() {
        let root = workspace_root();
        let load = |prefix| model_source::load(&history_file(&root, prefix).unwrap()).unwrap();
        let additive = diff_models(&load("002").model, &load("003").model);
        let tool = |required| ToolVerdict {
            required,
            lints: vec!["enum_variant_missing".into()],
        };
        assert!(!judge(&additive, tool(Bump::Major)).sound);
        assert!(judge(&additive, tool(Bump::Minor)).sound);
        assert!(judge(&additive, tool(Bump::Patch)).sound);
        let breaking = diff_models(&load("003").model, &load("002").model);
        assert!(judge(&breaking, tool(Bump::Major)).sound);
    }

    #[test]
    fn the_fixed_pairs_exist_and_cover_both_kinds() {
        let root = workspace_root();
        let mut bumps = Vec::new();
        for (old, new, _) in PAIRS {
            let old = model_source::load(&history_file(&root, old).unwrap()).unwrap();
            let new = model_source::load(&history_file(&root, new).unwrap()).unwrap();
            bumps.push(diff_models(&old.model, &new.model).bump);
        }
        assert!(PAIRS.len() >= 6);
        assert!(
            bumps.contains(&Some(Bump::Minor)) && bumps.contains(&Some(Bump::Major)),
            "{bumps:?}"
        );
    }

    #[test]
    fn the_subset_pairs_see_only_their_operations() {
        let root = workspace_root();
        let bumps: Vec<(Option<Bump>, Option<Bump>)> = SUBSET_PAIRS
            .iter()
            .map(|(old, new, operations, _)| {
                let old = model_source::load(&history_file(&root, old).unwrap()).unwrap();
                let new = model_source::load(&history_file(&root, new).unwrap()).unwrap();
                let subset = parse_operations(operations).unwrap();
                (
                    diff_models(&old.model, &new.model).bump,
                    diff_subset(&old.model, &new.model, &subset).bump,
                )
            })
            .collect();
        assert_eq!(
            bumps,
            [
                (Some(Bump::Minor), Some(Bump::Minor)),
                (Some(Bump::Major), None)
            ]
        );
    }

    #[test]
    fn the_wire_only_edit_changes_code_but_no_name() {
        let root = workspace_root();
        let newest = crate::codegen::read(&history_file(&root, "067").unwrap()).unwrap();
        let edited = wire_only_edit(&newest).unwrap();
        let generate = |json: &str| {
            let input = Input {
                service_json: json,
                paginators_json: None,
                service: "apigateway",
                source_path: "",
                crate_version: "1.0.0",
                runtime_path: "../runtime",
                operations: None,
                endpoint_rules_json: None,
                waiters_json: None,
            };
            let names = awsgen_codegen::names_listing::names_listing(
                &awsgen_codegen::lower_model(input).unwrap().0,
            );
            (names, generate(input).unwrap().files)
        };
        let (old_names, old_files) = generate(&newest);
        let (new_names, new_files) = generate(&edited);
        assert_eq!(old_names, new_names);
        let changed = old_files
            .iter()
            .filter(|(path, text)| new_files.get(*path) != Some(*text))
            .count();
        assert!(changed > 100, "{changed} files changed");
        let diff = diff_models(
            &awsgen_codegen::model::parse_service_model(&newest).unwrap(),
            &awsgen_codegen::model::parse_service_model(&edited).unwrap(),
        );
        assert_eq!(diff.bump, Some(Bump::Patch));
    }
}
