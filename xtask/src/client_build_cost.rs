//! `cargo xtask client-build-cost`: what it costs a downstream program to
//! compile against our API Gateway client, next to the official SDK's, in
//! the same run.
//!
//! Two scratch binary crates under `target/client-build-cost`, each its own
//! workspace, with a `main` that loads the configuration, builds a client and
//! makes one `GetRestApis` call (built, never run):
//!
//! - `ours`: `awsgen-apigateway` (by path, feature `client`),
//!   `awsgen-runtime` (feature `client`) and `tokio` (`rt`, `macros`);
//! - `official`: `aws-sdk-apigateway` [`OFFICIAL_VERSION`] and `aws-config`
//!   with their default features (their default HTTP and TLS stack), and the
//!   same `tokio`.
//!
//! Each crate's `Cargo.lock` is generated once and kept beside it (seeded
//! from the repository's lock file and from `comparisons/official-sdk`'s, so
//! the versions are the ones the workspace and the benchmarks use);
//! `--relock` generates them again. Every run fetches with `--locked`
//! first, untimed, then times `cargo build --frozen` (debug, not
//! incremental, as for dependencies from a registry) from an empty target
//! folder, so neither the network nor an earlier build counts. Each build is
//! reported by the wall clock (what the goal is about) and in CPU time
//! (user and system, all of cargo's processes), which stays steady when
//! other work shares the machine.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use anyhow::{bail, Context, Result};

use crate::build_times::{median, parse_runs, seconds, timed};
use crate::codegen::workspace_root;

/// The official crate measured, as `comparisons/official-sdk` pins it.
const OFFICIAL_VERSION: &str = "1.125.0";

const USAGE: &str = "cargo xtask client-build-cost [--runs N] [--relock]";

/// The one call both programs make, the same code on either client.
const CALL: &str = "    let apis = client.get_rest_apis().limit(5).send().await?;
    for api in apis.items() {
        println!(\"{:?}\", api.name());
    }
    Ok(())
}
";

/// One scratch crate: its folder name, what it is, the dependencies and
/// the start of `main` (`CALL` follows), and the lock file it is seeded from.
struct Program {
    name: &'static str,
    label: String,
    dependencies: String,
    main_start: String,
    seed_lock: PathBuf,
}

fn programs(root: &Path) -> Vec<Program> {
    let path = |relative: &str| root.join(relative).display().to_string();
    vec![
        Program {
            name: "ours",
            label: "awsgen-apigateway (client) + awsgen-runtime".into(),
            dependencies: format!(
                "awsgen-apigateway = {{ path = {:?}, features = [\"client\"] }}\n\
                 awsgen-runtime = {{ path = {:?}, features = [\"client\"] }}\n",
                path("generated/apigateway"),
                path("runtime"),
            ),
            main_start: "    let config = awsgen_runtime::config::Config::from_env()?;
    let client = awsgen_apigateway::Client::new(&config);
"
            .into(),
            seed_lock: root.join("Cargo.lock"),
        },
        Program {
            name: "official",
            label: format!("aws-sdk-apigateway {OFFICIAL_VERSION} + aws-config"),
            dependencies: format!(
                "aws-sdk-apigateway = \"={OFFICIAL_VERSION}\"\naws-config = \"1\"\n"
            ),
            main_start: "    let config = aws_config::load_defaults(aws_config::BehaviorVersion::latest()).await;
    let client = aws_sdk_apigateway::Client::new(&config);
"
            .into(),
            seed_lock: root.join("comparisons/official-sdk/Cargo.lock"),
        },
    ]
}

/// Writes the crate's manifest and `main.rs`; keeps its lock file.
fn write_program(dir: &Path, program: &Program) -> Result<()> {
    fs::create_dir_all(dir.join("src")).with_context(|| format!("creating {}", dir.display()))?;
    fs::write(
        dir.join("Cargo.toml"),
        format!(
            "# Written by `cargo xtask client-build-cost`; its Cargo.lock is kept.\n\
             [package]\nname = \"client-build-cost-{}\"\nversion = \"0.0.0\"\nedition = \"2021\"\n\
             publish = false\n\n[workspace]\n\n[dependencies]\n{}\
             tokio = {{ version = \"1\", features = [\"rt\", \"macros\"] }}\n",
            program.name, program.dependencies
        ),
    )?;
    fs::write(
        dir.join("src/main.rs"),
        format!(
            "//! {}: load the configuration, build a client, make one call.\n\n\
             #[tokio::main(flavor = \"current_thread\")]\n\
             async fn main() -> Result<(), Box<dyn std::error::Error>> {{\n{}{CALL}",
            program.label, program.main_start
        ),
    )?;
    Ok(())
}

pub fn run(args: &[String]) -> Result<ExitCode> {
    let mut runs = 1_usize;
    let mut relock = false;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--runs" => runs = parse_runs(rest.next())?,
            "--relock" => relock = true,
            other => bail!("unknown argument {other:?}; usage: {USAGE}"),
        }
    }

    let root = workspace_root();
    let scratch = root.join("target/client-build-cost");
    let programs = programs(&root);
    for program in &programs {
        let dir = scratch.join(program.name);
        write_program(&dir, program)?;
        let lock = dir.join("Cargo.lock");
        if relock && lock.exists() {
            fs::remove_file(&lock).with_context(|| format!("removing {}", lock.display()))?;
        }
        if !lock.exists() {
            if program.seed_lock.exists() {
                fs::copy(&program.seed_lock, &lock)
                    .with_context(|| format!("seeding {}", lock.display()))?;
            }
            cargo(&dir, &["fetch"])?;
            println!(
                "{}: generated {} (kept; --relock generates it again)",
                program.name,
                shown(&root, &lock)
            );
        }
        println!("{}: fetching dependencies (not measured)…", program.name);
        cargo(&dir, &["fetch", "--locked"]).with_context(|| {
            format!(
                "the kept {} no longer fits the manifest (did a dependency change?): \
                 run with --relock",
                shown(&root, &lock)
            )
        })?;
        println!(
            "{}: {}; {} crates to build",
            program.name,
            versions(&lock)?,
            crate_count(&dir)?
        );
    }

    // Per program: (wall seconds, CPU seconds) of each run.
    let mut figures: Vec<Vec<(f64, f64)>> = vec![Vec::new(); programs.len()];
    for run in 1..=runs {
        // Alternate which goes first, so a drift in the machine's load
        // falls on both alike.
        let mut order: Vec<usize> = (0..programs.len()).collect();
        if run % 2 == 0 {
            order.reverse();
        }
        for index in order {
            let program = &programs[index];
            let dir = scratch.join(program.name);
            let target = dir.join("target");
            if target.exists() {
                fs::remove_dir_all(&target)
                    .with_context(|| format!("clearing {}", target.display()))?;
            }
            let cpu_before = children_cpu_seconds();
            let elapsed = timed(&dir, &target, &["build", "--frozen"], false)?;
            let cpu = match (cpu_before, children_cpu_seconds()) {
                (Some(before), Some(after)) => after - before,
                _ => f64::NAN,
            };
            println!(
                "{} ({}): cargo build, debug, empty target folder, run {run}/{runs}: {} \
                 ({cpu:.1} s CPU)",
                program.name,
                program.label,
                seconds(elapsed)
            );
            figures[index].push((elapsed.as_secs_f64(), cpu));
        }
    }

    let mut medians = Vec::new();
    for (program, runs_of) in programs.iter().zip(&figures) {
        let wall = median(&mut runs_of.iter().map(|f| f.0).collect::<Vec<_>>());
        let cpu = median(&mut runs_of.iter().map(|f| f.1).collect::<Vec<_>>());
        println!(
            "{}: median of {runs}: {wall:.1} s ({cpu:.1} s CPU)",
            program.name
        );
        medians.push((wall, cpu));
    }
    println!(
        "ratio ours / official: {:.2} by the wall clock (goal: under 0.40), {:.2} in CPU time",
        medians[0].0 / medians[1].0,
        medians[0].1 / medians[1].1
    );
    Ok(ExitCode::SUCCESS)
}

/// The CPU time (user and system) of this process's children that have
/// ended, cargo's own children included as cargo waits for them: the
/// `cutime` and `cstime` fields of `/proc/self/stat`, in clock ticks of
/// 1/100 s (Linux's `USER_HZ`); `None` where there is no such file. Unlike
/// the wall clock, it does not grow while other work holds the cores.
fn children_cpu_seconds() -> Option<f64> {
    let stat = fs::read_to_string("/proc/self/stat").ok()?;
    // The fields after the command name, which is in parentheses and may
    // hold spaces: the first of them is field 3 (`state`).
    let (_, after_name) = stat.rsplit_once(')')?;
    let fields: Vec<&str> = after_name.split_whitespace().collect();
    let ticks = |number: usize| fields.get(number - 3)?.parse::<u64>().ok();
    Some((ticks(16)? + ticks(17)?) as f64 / 100.0)
}

/// Runs cargo in `dir`, quietly; fails with its error output.
fn cargo(dir: &Path, args: &[&str]) -> Result<String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    let output = Command::new(cargo)
        .current_dir(dir)
        .args(&args[..1])
        .arg("--quiet")
        .args(&args[1..])
        .output()
        .with_context(|| format!("running cargo {}", args.join(" ")))?;
    if !output.status.success() {
        bail!(
            "cargo {} failed in {}:\n{}",
            args.join(" "),
            dir.display(),
            String::from_utf8_lossy(&output.stderr)
        );
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

/// How many crates a build of the program compiles for this machine: the
/// distinct packages of its normal and build dependency graph, itself
/// included.
fn crate_count(dir: &Path) -> Result<usize> {
    let tree = cargo(
        dir,
        &[
            "tree",
            "--frozen",
            "--edges",
            "normal,build",
            "--prefix",
            "none",
        ],
    )?;
    let mut packages: Vec<&str> = tree
        .lines()
        .map(|line| line.trim_end_matches(" (*)").trim())
        .filter(|line| !line.is_empty())
        .collect();
    packages.sort_unstable();
    packages.dedup();
    Ok(packages.len())
}

/// The locked versions of the crates the comparison is about.
fn versions(lock: &Path) -> Result<String> {
    let text = fs::read_to_string(lock).with_context(|| format!("reading {}", lock.display()))?;
    let mut found = Vec::new();
    let mut name = None;
    for line in text.lines() {
        if let Some(value) = line.strip_prefix("name = ") {
            name = Some(value.trim_matches('"').to_owned());
        } else if let Some(value) = line.strip_prefix("version = ") {
            if let Some(name) = name.take() {
                if [
                    "aws-sdk-apigateway",
                    "aws-config",
                    "aws-smithy-runtime",
                    "awsgen-apigateway",
                    "awsgen-runtime",
                    "hyper",
                    "rustls",
                    "tokio",
                ]
                .contains(&name.as_str())
                {
                    found.push(format!("{name} {}", value.trim_matches('"')));
                }
            }
        }
    }
    Ok(found.join(", "))
}

fn shown(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .display()
        .to_string()
}
