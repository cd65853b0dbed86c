//! `cargo xtask fixtures`: generates every fixture model (and the oldest, the
//! 2015-11-10 and the newest API Gateway history models) into one scratch
//! workspace, then proves the output is clippy-clean, documents without
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
    for name in COMPILED_HISTORY {
        let path = root.join("testdata/apigateway-history").join(name);
        jobs.push(job(&path, &format!("history-{}", &name[..3]), scratch));
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
        if behaviour.is_file() {
            fs::create_dir_all(job.out_dir.join("tests"))?;
            fs::copy(&behaviour, job.out_dir.join("tests/behaviour.rs"))?;
        }
        members.push(format!("\"{}\"", job.service));
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
    let target = root.join("target/fixtures");
    cargo(
        scratch,
        &target,
        &[
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ],
        &[],
    )?;
    let fixture_packages: Vec<String> = jobs
        .iter()
        .filter(|job| job.service.starts_with("fixture-"))
        .flat_map(|job| ["-p".to_string(), format!("awsgen-{}", job.service)])
        .collect();
    let mut doc_args = vec!["doc", "--no-deps"];
    doc_args.extend(fixture_packages.iter().map(String::as_str));
    cargo(
        scratch,
        &target,
        &doc_args,
        &[("RUSTDOCFLAGS", "-D warnings")],
    )?;
    let mut test_args = vec!["test"];
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
