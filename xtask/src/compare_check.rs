//! `cargo xtask compare-check`: a generated crate's `cargo check` time next to
//! the official AWS SDK crate for the same service, built the same way in the
//! same run.
//!
//! Both live in one scratch workspace under `target/compare-check` (so they
//! share dependency builds and settings); each is measured as a dependency
//! is built: everything else built first, then `cargo clean -p` and a
//! non-incremental `cargo check -p` of the crate alone (`cargo build -p` with
//! `--build`). With `--operations`, a crate of only those operations is
//! generated and measured too. With `--runs N`, each crate is measured N
//! times, the crates taking turns (the order reversed every other run, so a
//! machine that slows down during the run does not favour one side), and the
//! ratio is of the medians.

use std::fs;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};

use crate::build_times::{median, parse_runs, seconds, timed};
use crate::codegen::{generate_all, parse_operations, runtime_path_from, workspace_root, Job};

const USAGE: &str =
    "cargo xtask compare-check --model PATH --service NAME --official CRATE@VERSION \
                     [--operations A,B] [--build] [--runs N]";

pub fn run(args: &[String]) -> Result<ExitCode> {
    let mut model = None;
    let mut service = None;
    let mut official = None;
    let mut operations = None;
    let mut command = "check";
    let mut runs = 1;
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
            "--operations" => {
                let list = rest.next().context("--operations needs a list")?;
                operations = Some(parse_operations(list).context("--operations")?);
            }
            "--build" => command = "build",
            "--runs" => runs = parse_runs(rest.next())?,
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
    let mut crates = vec![(service.clone(), None)];
    if let Some(operations) = operations {
        crates.push((format!("{service}-subset"), Some(operations)));
    }
    let mut ours = Vec::new();
    for (name, operations) in crates {
        let out_dir = scratch.join(&name);
        if out_dir.exists() {
            fs::remove_dir_all(&out_dir)
                .with_context(|| format!("clearing {}", out_dir.display()))?;
        }
        let job = Job {
            service: name.clone(),
            model: model.clone().into(),
            paginators: None,
            source_label: model.clone(),
            crate_version: "0.1.0".to_string(),
            runtime_path: runtime_path_from(&out_dir)?,
            out_dir: out_dir.clone(),
            operations,
        };
        let generated = generate_all(std::slice::from_ref(&job))?.remove(0);
        let mut lines = 0;
        for (relative, text) in &generated.files {
            let path = out_dir.join(relative);
            fs::create_dir_all(path.parent().expect("inside the crate"))?;
            fs::write(&path, text)?;
            lines += text.lines().count();
        }
        let package = format!("awsgen-{name}");
        match &job.operations {
            Some(subset) => println!(
                "{package}: {lines} lines generated from {model}, operations {}",
                subset.operations().collect::<Vec<_>>().join(", ")
            ),
            None => println!("{package}: {lines} lines generated from {model}"),
        }
        ours.push((name, package));
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
        format!(
            "[workspace]\nresolver = \"2\"\nmembers = [{}\"official\"]\n",
            ours.iter()
                .map(|(name, _)| format!("\"{name}\", "))
                .collect::<String>()
        ),
    )?;
    let target = scratch.join("target");
    println!("building dependencies of all (not measured)…");
    timed(&scratch, &target, &[command, "--workspace"], false)?;
    let packages: Vec<&str> = ours
        .iter()
        .map(|(_, package)| package.as_str())
        .chain([official_crate])
        .collect();
    let mut figures = vec![Vec::new(); packages.len()];
    for run in 1..=runs {
        let mut order: Vec<usize> = (0..packages.len()).collect();
        if run % 2 == 0 {
            order.reverse();
        }
        for index in order {
            let package = packages[index];
            timed(&scratch, &target, &["clean", "-p", package], false)?;
            let elapsed = timed(&scratch, &target, &[command, "-p", package], false)?;
            println!(
                "{package}: cargo {command} (dependencies built, not incremental), run {run}/{runs}: {}",
                seconds(elapsed)
            );
            figures[index].push(elapsed.as_secs_f64());
        }
    }
    let medians: Vec<f64> = figures.iter_mut().map(|runs_of| median(runs_of)).collect();
    for (package, time) in packages.iter().zip(&medians) {
        println!("{package}: median of {runs}: {time:.1} s");
    }
    let official_time = medians.last().copied().unwrap_or(f64::NAN);
    for (package, time) in packages.iter().zip(&medians).take(packages.len() - 1) {
        println!(
            "ratio {package} / {official_crate}@{official_version}: {:.3}",
            time / official_time
        );
    }
    Ok(ExitCode::SUCCESS)
}
