//! `cargo xtask build-times`: how long the generated crates take to build.
//!
//! Uses its own target folder so it never disturbs the workspace's, and prints
//! one line per measurement. Dependencies are built first, then each crate is
//! cleaned alone and rebuilt, as `cargo clean -p NAME && cargo build -p NAME`.
//! Builds are non-incremental, as for a downstream crate that depends on the
//! generated one (and as for a crate from crates.io); one extra line shows the
//! incremental debug build a workspace member gets.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};

use crate::codegen::{discover, workspace_root};

/// `services`: the vendored services to measure (`--service NAME`, repeatable); all when empty.
pub fn run(args: &[String]) -> Result<()> {
    let mut services = Vec::new();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--service" => services.push(rest.next().context("--service needs a name")?.clone()),
            other => bail!("unknown argument {other:?} to build-times"),
        }
    }
    let root = workspace_root();
    let target = root.join("target/build-times");
    let mut jobs = discover(&root)?;
    if !services.is_empty() {
        if let Some(missing) = services
            .iter()
            .find(|s| !jobs.iter().any(|j| &j.service == *s))
        {
            bail!("no vendored service {missing:?} under model/");
        }
        jobs.retain(|job| services.contains(&job.service));
    }
    for job in jobs {
        let package = format!("awsgen-{}", job.service);
        if target.exists() {
            std::fs::remove_dir_all(&target).context("clearing the measurement target folder")?;
        }
        let from_scratch = timed(&root, &target, &["build", "-p", &package], false)?;
        println!(
            "{package}: whole tree from scratch, debug build: {}",
            seconds(from_scratch)
        );
        for (label, args, incremental) in [
            ("own debug build", vec!["build"], false),
            ("own check", vec!["check"], false),
            ("own release build", vec!["build", "--release"], false),
            ("own release check", vec!["check", "--release"], false),
            (
                "own debug build, incremental (as a workspace member)",
                vec!["build"],
                true,
            ),
        ] {
            let mut warm = args.clone();
            warm.extend(["-p", &package]);
            timed(&root, &target, &warm, incremental)?;
            let mut clean = vec!["clean", "-p", &package];
            if args.contains(&"--release") {
                clean.push("--release");
            }
            timed(&root, &target, &clean, incremental)?;
            let elapsed = timed(&root, &target, &warm, incremental)?;
            println!(
                "{package}: {label} (dependencies already built): {}",
                seconds(elapsed)
            );
        }
    }
    Ok(())
}

pub fn timed(root: &Path, target: &Path, args: &[&str], incremental: bool) -> Result<Duration> {
    timed_with_env(root, target, args, incremental, &[])
}

/// [`timed`] with extra environment variables for cargo (`RUSTDOCFLAGS`, …).
pub fn timed_with_env(
    root: &Path,
    target: &Path,
    args: &[&str],
    incremental: bool,
    env: &[(&str, &str)],
) -> Result<Duration> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    let started = Instant::now();
    let output = Command::new(cargo)
        .current_dir(root)
        // `--quiet` belongs to cargo, before any `--` that starts a tool's own arguments.
        .args(&args[..1])
        .arg("--quiet")
        .args(&args[1..])
        .env("CARGO_TARGET_DIR", target)
        .env("CARGO_INCREMENTAL", if incremental { "1" } else { "0" })
        .envs(env.iter().copied())
        .output()
        .with_context(|| format!("running cargo {}", args.join(" ")))?;
    if !output.status.success() {
        bail!(
            "cargo {} failed:\n{}",
            args.join(" "),
            String::from_utf8_lossy(&output.stderr)
        );
    }
    Ok(started.elapsed())
}

pub fn seconds(duration: Duration) -> String {
    format!("{:.1} s", duration.as_secs_f64())
}

/// The value of a `--runs N` argument: how many times to measure (at least 1).
pub fn parse_runs(value: Option<&String>) -> Result<usize> {
    let runs: usize = value
        .context("--runs needs a number")?
        .parse()
        .context("--runs needs a number")?;
    if runs == 0 {
        bail!("--runs needs at least 1");
    }
    Ok(runs)
}

/// The median of `values` (sorted in place), the figure that one slow run on
/// a busy machine does not move.
pub fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    if values.len() % 2 == 1 {
        values[mid]
    } else {
        (values[mid - 1] + values[mid]) / 2.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_takes_the_middle_or_the_mean_of_the_two_middles() {
        assert_eq!(median(&mut [3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(&mut [4.0, 1.0, 3.0, 2.0]), 2.5);
        assert_eq!(median(&mut [7.0]), 7.0);
    }

    #[test]
    fn runs_must_be_a_positive_number() {
        assert_eq!(parse_runs(Some(&"3".to_string())).unwrap(), 3);
        for bad in [None, Some("0"), Some("three")] {
            let bad = bad.map(str::to_string);
            assert!(parse_runs(bad.as_ref()).is_err(), "{bad:?}");
        }
    }
}
