//! `cargo xtask compare-check`: a generated crate's `cargo check` time next to
//! the official AWS SDK crate for the same service, built the same way in the
//! same run.
//!
//! Both live in one scratch workspace under `target/compare-check` (so they
//! share dependency builds and settings); each is measured as a dependency
//! is built: everything else built first, then `cargo clean -p` and a
//! non-incremental `cargo check -p` of the crate alone.

use std::fs;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};

use crate::build_times::{seconds, timed};
use crate::codegen::{generate_all, runtime_path_from, workspace_root, Job};

const USAGE: &str =
    "cargo xtask compare-check --model PATH --service NAME --official CRATE@VERSION";

pub fn run(args: &[String]) -> Result<ExitCode> {
    let mut model = None;
    let mut service = None;
    let mut official = None;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--model" => model = Some(rest.next().context("--model needs a path")?.clone()),
            "--service" => service = Some(rest.next().context("--service needs a name")?.clone()),
            "--official" => {
                official = Some(
                    rest.next()
                        .context("--official needs CRATE@VERSION")?
                        .clone(),
                )
            }
            other => bail!("unknown argument {other:?}; usage: {USAGE}"),
        }
    }
    let (Some(model), Some(service), Some(official)) = (model, service, official) else {
        bail!("usage: {USAGE}");
    };
    let Some((official_crate, official_version)) = official.split_once('@') else {
        bail!("--official takes CRATE@VERSION, e.g. aws-sdk-ec2@1.274.0");
    };

    let root = workspace_root();
    let scratch = root.join("target/compare-check");
    let ours_dir = scratch.join(&service);
    if ours_dir.exists() {
        fs::remove_dir_all(&ours_dir)
            .with_context(|| format!("clearing {}", ours_dir.display()))?;
    }
    let job = Job {
        service: service.clone(),
        model: model.clone().into(),
        paginators: None,
        source_label: model.clone(),
        crate_version: "0.1.0".to_string(),
        runtime_path: runtime_path_from(&ours_dir)?,
        out_dir: ours_dir.clone(),
    };
    let generated = generate_all(std::slice::from_ref(&job))?.remove(0);
    let mut lines = 0;
    for (relative, text) in &generated.files {
        let path = ours_dir.join(relative);
        fs::create_dir_all(path.parent().expect("inside the crate"))?;
        fs::write(&path, text)?;
        lines += text.lines().count();
    }
    let holder = scratch.join("official");
    fs::create_dir_all(holder.join("src"))?;
    fs::write(
        holder.join("Cargo.toml"),
        format!(
            "[package]\nname = \"official-holder\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n\
             [dependencies]\n{official_crate} = \"={official_version}\"\n"
        ),
    )?;
    fs::write(
        holder.join("src/lib.rs"),
        "//! Holds the official crate in the workspace.\n",
    )?;
    fs::write(
        scratch.join("Cargo.toml"),
        format!("[workspace]\nresolver = \"2\"\nmembers = [\"{service}\", \"official\"]\n"),
    )?;
    let target = scratch.join("target");
    let ours = format!("awsgen-{service}");
    println!("{ours}: {lines} lines generated from {model}");
    println!("building dependencies of both (not measured)…");
    timed(&scratch, &target, &["check", "--workspace"], false)?;
    let mut figures = Vec::new();
    for package in [ours.as_str(), official_crate] {
        timed(&scratch, &target, &["clean", "-p", package], false)?;
        let elapsed = timed(&scratch, &target, &["check", "-p", package], false)?;
        println!(
            "{package}: cargo check (dependencies built, not incremental): {}",
            seconds(elapsed)
        );
        figures.push(elapsed.as_secs_f64());
    }
    println!(
        "ratio {ours} / {official_crate}@{official_version}: {:.2}",
        figures[0] / figures[1]
    );
    Ok(ExitCode::SUCCESS)
}
