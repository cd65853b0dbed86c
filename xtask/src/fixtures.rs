//! `cargo xtask fixtures`: generates every fixture model (and the oldest, the
//! 2015-11-10 and the newest API Gateway history models, and crates of some
//! operations of vendored services) into one scratch workspace, then proves the output is clippy-clean, documents without
//! warnings, and passes each fixture's behaviour tests.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context, Result};

use crate::codegen::{self, Job};

/// History models that must compile, not just generate.
pub const COMPILED_HISTORY: [&str; 3] = [
    "001-2015-10-26-99b1cfbd7.json.gz",
    "003-2015-11-10-e8ee8976f.json.gz",
    "067-2026-03-13-32ca194a1.json.gz",
];

/// Crates generated with an operation subset: (vendored service, operations,
/// the full crate's behaviour test that must pass unchanged on the subset).
pub const SUBSETS: [(&str, &str, &str); 2] = [
    (
        "apigateway",
        "CreateDeployment,GetRestApis,GetStage,PutRestApi,UpdateStage",
        "requests.rs",
    ),
    ("dynamodb", "GetItem,PutItem,Query", "items_on_the_wire.rs"),
];

/// Generates the scratch workspace under `scratch` and runs clippy, rustdoc and tests on it.
pub fn check(root: &Path, scratch: &Path) -> Result<()> {
    if scratch.exists() {
        fs::remove_dir_all(scratch).with_context(|| format!("clearing {}", scratch.display()))?;
    }
    let mut jobs = Vec::new();
    let fixtures = root.join("codegen/tests/fixtures");
    for entry in sorted_files(&fixtures)? {
        let stem = entry
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .replace('_', "-");
        jobs.push(job(&entry, &format!("fixture-{stem}"), scratch));
    }
    // A fixture that needs companion files (waiters) is a folder in
    // botocore's layout: `service-2.json` and its companions, plus any data
    // its behaviour test reads.
    let mut fixture_data = Vec::new();
    for folder in codegen::sorted_dirs(&fixtures)? {
        let model = folder.join("service-2.json");
        if !model.is_file() {
            continue;
        }
        let stem = folder
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .replace('_', "-");
        let fixture = job(&model, &format!("fixture-{stem}"), scratch);
        for data in sorted_files(&folder)? {
            let name = data.file_name().unwrap_or_default().to_string_lossy();
            if !name.starts_with("service-2.") && !name.starts_with("waiters-2.") {
                fixture_data.push((data.clone(), fixture.out_dir.join("tests").join(&*name)));
            }
        }
        jobs.push(fixture);
    }
    for name in COMPILED_HISTORY {
        let path = root.join("testdata/apigateway-history").join(name);
        jobs.push(job(&path, &format!("history-{}", &name[..3]), scratch));
    }
    let mut subset_tests = Vec::new();
    for (service, operations, test) in SUBSETS {
        let vendored = codegen::discover(root)?
            .into_iter()
            .find(|job| job.service == service)
            .with_context(|| format!("no vendored service {service}"))?;
        // Named as the full crate is, so its test compiles unchanged.
        let mut subset = job(&vendored.model, service, scratch);
        subset.out_dir = scratch.join(format!("subset-{service}"));
        subset.operations = Some(codegen::parse_operations(operations)?);
        subset_tests.push((
            subset.out_dir.clone(),
            root.join("generated")
                .join(service)
                .join("tests")
                .join(test),
        ));
        jobs.push(subset);
    }
    let generated = codegen::generate_all(&jobs)?;
    let mut members = Vec::new();
    for (job, files) in jobs.iter().zip(&generated) {
        for (relative, text) in &files.files {
            let path = job.out_dir.join(relative);
            fs::create_dir_all(path.parent().expect("files are inside the crate"))?;
            fs::write(&path, text)?;
        }
        let behaviour = root.join("codegen/tests/fixture-behaviour").join(format!(
            "{}.rs",
            job.service.trim_start_matches("fixture-").replace('-', "_")
        ));
        if behaviour.is_file() && job.operations.is_none() {
            fs::create_dir_all(job.out_dir.join("tests"))?;
            fs::copy(&behaviour, job.out_dir.join("tests/behaviour.rs"))?;
        }
        let folder = job.out_dir.strip_prefix(scratch).unwrap_or(&job.out_dir);
        members.push(format!("\"{}\"", folder.display()));
    }
    for (data, destination) in &fixture_data {
        fs::create_dir_all(destination.parent().context("a folder")?)?;
        fs::copy(data, destination).with_context(|| format!("copying {}", data.display()))?;
    }
    for (out_dir, test) in &subset_tests {
        fs::create_dir_all(out_dir.join("tests"))?;
        let name = test.file_name().context("a test file")?;
        fs::copy(test, out_dir.join("tests").join(name))
            .with_context(|| format!("copying {}", test.display()))?;
    }
    fs::write(
        scratch.join("Cargo.toml"),
        format!(
            "[workspace]\nresolver = \"2\"\nmembers = [{}]\n",
            members.join(", ")
        ),
    )?;
    // The workspace's lock file pins the same dependency versions the real crate uses.
    fs::copy(root.join("Cargo.lock"), scratch.join("Cargo.lock"))?;
    let target = crate::codegen::generated_crates_target(root);
    cargo(
        scratch,
        &target,
        &[
            "clippy",
            "--workspace",
            "--all-targets",
            "--all-features",
            "--",
            "-D",
            "warnings",
        ],
        &[],
    )?;
    let fixture_packages: Vec<String> = jobs
        .iter()
        .filter(|job| job.service.starts_with("fixture-") || job.operations.is_some())
        .flat_map(|job| ["-p".to_string(), format!("awsgen-{}", job.service)])
        .collect();
    let mut doc_args = vec!["doc", "--no-deps", "--all-features"];
    doc_args.extend(fixture_packages.iter().map(String::as_str));
    cargo(
        scratch,
        &target,
        &doc_args,
        &[("RUSTDOCFLAGS", "-D warnings")],
    )?;
    // Every feature, so the waiters and clients are tested too.
    let mut test_args = vec!["test", "--all-features"];
    test_args.extend(fixture_packages.iter().map(String::as_str));
    cargo(scratch, &target, &test_args, &[])?;
    Ok(())
}

fn job(model: &Path, service: &str, scratch: &Path) -> Job {
    Job {
        service: service.to_string(),
        model: model.to_path_buf(),
        paginators: None,
        source_label: model
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned(),
        crate_version: "0.1.0".to_string(),
        out_dir: scratch.join(service),
        runtime_path: crate::codegen::workspace_root()
            .join("runtime")
            .display()
            .to_string(),
        operations: None,
    }
}

fn cargo(dir: &Path, target: &Path, args: &[&str], env: &[(&str, &str)]) -> Result<()> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    let mut command = Command::new(cargo);
    command
        .current_dir(dir)
        .args(args)
        .env("CARGO_TARGET_DIR", target);
    for (key, value) in env {
        command.env(key, value);
    }
    // Captured, so the nested runs' own "test result" lines don't mix into the caller's log.
    let output = command
        .output()
        .with_context(|| format!("running cargo {}", args.join(" ")))?;
    if !output.status.success() {
        bail!(
            "`cargo {}` failed in {}:\n{}\n{}",
            args.join(" "),
            dir.display(),
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
    }
    Ok(())
}

fn sorted_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .with_context(|| format!("listing {}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixture_crates_compile_document_and_pass_their_tests() {
        let root = codegen::workspace_root();
        check(&root, &root.join("target/fixture-workspace")).unwrap();
    }
}
