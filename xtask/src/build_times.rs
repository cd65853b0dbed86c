//! `cargo xtask build-times`: how long the generated crates take to build.
//!
//! Uses its own target folder so it never disturbs the workspace's, and prints
//! one line per measurement. Dependencies are built first, then each crate is
//! cleaned alone and rebuilt, as `cargo clean -p NAME && cargo build -p NAME`.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};

use crate::codegen::{discover, workspace_root};

pub fn run() -> Result<()> {
    let root = workspace_root();
    let target = root.join("target/build-times");
    for job in discover(&root)? {
        let package = format!("awsgen-{}", job.service);
        if target.exists() {
            std::fs::remove_dir_all(&target).context("clearing the measurement target folder")?;
        }
        let from_scratch = timed(&root, &target, &["build", "-p", &package])?;
        println!(
            "{package}: whole tree from scratch, debug build: {}",
            seconds(from_scratch)
        );
        for (label, args) in [
            ("own debug build", vec!["build"]),
            ("own check", vec!["check"]),
            ("own release build", vec!["build", "--release"]),
            ("own release check", vec!["check", "--release"]),
        ] {
            let mut warm = args.clone();
            warm.extend(["-p", &package]);
            timed(&root, &target, &warm)?;
            let mut clean = vec!["clean", "-p", &package];
            if args.contains(&"--release") {
                clean.push("--release");
            }
            timed(&root, &target, &clean)?;
            let elapsed = timed(&root, &target, &warm)?;
            println!(
                "{package}: {label} (dependencies already built): {}",
                seconds(elapsed)
            );
        }
    }
    Ok(())
}

fn timed(root: &Path, target: &Path, args: &[&str]) -> Result<Duration> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    let started = Instant::now();
    let output = Command::new(cargo)
        .current_dir(root)
        .args(args)
        .arg("--quiet")
        .env("CARGO_TARGET_DIR", target)
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

fn seconds(duration: Duration) -> String {
    format!("{:.1} s", duration.as_secs_f64())
}
