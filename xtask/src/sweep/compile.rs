//! `--compile`: the chosen crates in one scratch workspace, each checked
//! (and linted) on its own after their shared dependencies are built.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Duration;

use anyhow::{bail, Context, Result};

use super::botocore::BotocoreModel;
use super::generation::{generate_one, Generated, Keep};
use super::SAMPLE;
use crate::build_times::{timed, timed_with_env};
use crate::codegen::runtime_path_from;

/// How one crate fared.
#[derive(Debug)]
pub struct CompileResult {
    /// The crate's service name.
    pub name: String,
    /// Lines generated.
    pub lines: usize,
    /// `cargo check` time (not incremental, dependencies already built),
    /// when clippy was not asked for.
    pub check: Option<Duration>,
    /// `cargo clippy -- -D warnings` time (its checks included), when asked for.
    pub clippy: Option<Duration>,
    /// `cargo doc --no-deps` time with rustdoc's warnings denied, when asked for.
    pub doc: Option<Duration>,
    /// The first failure, with cargo's output.
    pub failure: Option<String>,
}

/// The scratch workspace's member that builds the runtime with its client.
const WARM_CRATE: &str = "awsgen-sweep-warm-runtime";

/// The crate names `selection` stands for: `all`, `sample` ([`SAMPLE`]) or a comma-separated list.
pub fn select(selection: &str, models: &[BotocoreModel]) -> Result<Vec<String>> {
    let known: BTreeSet<String> = models
        .iter()
        .map(BotocoreModel::crate_service_name)
        .collect();
    let names: Vec<String> = match selection {
        "all" => known.iter().cloned().collect(),
        "sample" => SAMPLE.iter().map(|name| (*name).to_owned()).collect(),
        list => list
            .split(',')
            .map(|name| name.trim().to_owned())
            .filter(|n| !n.is_empty())
            .collect(),
    };
    let unknown: Vec<&String> = names.iter().filter(|name| !known.contains(*name)).collect();
    if !unknown.is_empty() {
        bail!("no model in the release for {unknown:?}");
    }
    if names.is_empty() {
        bail!("--compile names no crate");
    }
    Ok(names)
}

/// What `--compile` runs on each crate.
#[derive(Debug, Clone, Copy)]
pub struct Steps {
    /// `cargo clippy -D warnings` rather than `cargo check`.
    pub clippy: bool,
    /// `cargo doc --no-deps` with `RUSTDOCFLAGS=-Dwarnings` too.
    pub doc: bool,
}

/// Generates the crates named in `names` into `workspace/<name>/`, builds
/// their dependencies, then times `cargo check` (or clippy, and rustdoc) of each.
///
/// With several `workers`, that many crates are compiled at once, each
/// worker in its own target folder (cargo locks one per build): faster for
/// many crates, but each time then shares the machine with the others.
pub fn compile(
    models: &[BotocoreModel],
    names: &[String],
    workspace: &Path,
    steps: Steps,
    workers: usize,
) -> Result<Vec<CompileResult>> {
    if workspace.exists() {
        for entry in
            fs::read_dir(workspace).with_context(|| format!("listing {}", workspace.display()))?
        {
            let path = entry?.path();
            let is_target = path
                .file_name()
                .and_then(|name| name.to_str())
                .is_some_and(|name| name.starts_with("target"));
            if !is_target {
                if path.is_dir() {
                    fs::remove_dir_all(&path)
                } else {
                    fs::remove_file(&path)
                }
                .with_context(|| format!("clearing {}", path.display()))?;
            }
        }
    }
    let mut results = Vec::new();
    let mut members = Vec::new();
    for name in names {
        let model = models
            .iter()
            .find(|model| model.crate_service_name() == *name)
            .expect("selected from these models");
        let dir = workspace.join(name);
        let keep = Keep {
            files: true,
            names: false,
        };
        let outcome = generate_one(model, &runtime_path_from(&dir)?, keep);
        match outcome.result {
            Generated::Crate {
                files: Some(files),
                lines,
                ..
            } => {
                for (relative, text) in &files {
                    let path = dir.join(relative);
                    fs::create_dir_all(path.parent().expect("inside the crate"))?;
                    fs::write(&path, text)
                        .with_context(|| format!("writing {}", path.display()))?;
                }
                members.push(format!("    \"{name}\","));
                results.push(CompileResult {
                    name: name.clone(),
                    lines,
                    check: None,
                    clippy: None,
                    doc: None,
                    failure: None,
                });
            }
            Generated::Crate { files: None, .. } => unreachable!("files were asked for"),
            Generated::Refused(message) | Generated::Panicked(message) => {
                results.push(CompileResult {
                    name: name.clone(),
                    lines: 0,
                    check: None,
                    clippy: None,
                    doc: None,
                    failure: Some(format!("not generated: {message}")),
                });
            }
        }
    }
    // A crate that only depends on the runtime with every feature, so that
    // building the dependencies (client included) is not charged to the
    // first crate measured: the runtime is not a member here, and cargo takes
    // features only for members.
    let warm = workspace.join(WARM_CRATE);
    fs::create_dir_all(warm.join("src"))?;
    fs::write(
        warm.join("Cargo.toml"),
        format!(
            "[package]\nname = \"{WARM_CRATE}\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n\
             [dependencies]\nawsgen-runtime = {{ path = \"{}\", features = [\"client\", \"xml\"] }}\n",
            runtime_path_from(&warm)?
        ),
    )?;
    fs::write(
        warm.join("src/lib.rs"),
        "//! Builds the runtime's dependencies.\n",
    )?;
    members.push(format!("    \"{WARM_CRATE}\","));
    fs::write(
        workspace.join("Cargo.toml"),
        format!(
            "# Written by `cargo xtask sweep --compile`.\n[workspace]\nresolver = \"2\"\nmembers = [\n{}\n]\n",
            members.join("\n")
        ),
    )?;
    let workers = workers.clamp(1, results.len().max(1));
    let targets: Vec<PathBuf> = (0..workers)
        .map(|worker| match worker {
            0 => workspace.join("target"),
            n => workspace.join(format!("target-{n}")),
        })
        .collect();
    println!("building the crates' dependencies (not measured)…");
    for target in &targets {
        let step = if steps.clippy { "clippy" } else { "check" };
        timed(workspace, target, &[step, "-p", WARM_CRATE], false)?;
    }
    let next = AtomicUsize::new(0);
    let slots: Vec<Mutex<&mut CompileResult>> = results.iter_mut().map(Mutex::new).collect();
    std::thread::scope(|scope| {
        for target in &targets {
            let (next, slots) = (&next, &slots);
            scope.spawn(move || {
                while let Some(slot) = slots.get(next.fetch_add(1, Ordering::Relaxed)) {
                    let mut result = slot.lock().expect("each slot is taken once");
                    if result.failure.is_none() {
                        compile_one(workspace, target, steps, &mut result);
                    }
                }
            });
        }
    });
    Ok(results)
}

/// `cargo check` of one crate, or with `clippy` `cargo clippy -D warnings`
/// alone: clippy reports every error `cargo check` would, and a check before
/// it would be done twice (clippy does not reuse its results). Then, when
/// asked for and the crate compiled, its docs with rustdoc's warnings denied.
fn compile_one(workspace: &Path, target: &Path, steps: Steps, result: &mut CompileResult) {
    let package = format!("awsgen-{}", result.name);
    let run = |args: &[&str], env: &[(&str, &str)], failure: &mut Option<String>| {
        timed_with_env(workspace, target, args, false, env)
            .map_err(|err| *failure = Some(format!("{err:#}")))
            .ok()
    };
    // `--all-features`: the client too, where the crate has one.
    if steps.clippy {
        result.clippy = run(
            &[
                "clippy",
                "-p",
                &package,
                "--all-features",
                "--no-deps",
                "--",
                "-D",
                "warnings",
            ],
            &[],
            &mut result.failure,
        );
    } else {
        result.check = run(
            &["check", "-p", &package, "--all-features"],
            &[],
            &mut result.failure,
        );
    }
    if steps.doc && result.failure.is_none() {
        match clear_docs(target) {
            Ok(()) => {
                result.doc = run(
                    &["doc", "-p", &package, "--all-features", "--no-deps"],
                    &[("RUSTDOCFLAGS", "-Dwarnings")],
                    &mut result.failure,
                )
            }
            Err(failure) => result.failure = Some(failure),
        }
    }
    let seconds = |d: Option<Duration>| d.map(|d| format!("{:.1} s", d.as_secs_f64()));
    let mut done = vec![if steps.clippy {
        ("clippy", result.clippy)
    } else {
        ("cargo check", result.check)
    }];
    if steps.doc {
        done.push(("rustdoc", result.doc));
    }
    let done: Vec<String> = done
        .into_iter()
        .map(|(step, time)| format!("{step} {}", seconds(time).unwrap_or_else(|| "-".to_owned())))
        .collect();
    println!(
        "{package}: {}{}",
        done.join(", "),
        if result.failure.is_some() {
            " FAILED"
        } else {
            ""
        }
    );
}

/// Empties the docs folder of `target` before a crate is documented into it.
/// rustdoc merges each crate's search index into its folder's shared one:
/// with every crate documented into one folder, each step also rewrote the
/// index of all the crates before it (193 MB after 221 crates, each step
/// slower than the last). Nothing reads these docs.
fn clear_docs(target: &Path) -> Result<(), String> {
    let docs = target.join("doc");
    if docs.exists() {
        fs::remove_dir_all(&docs).map_err(|err| format!("clearing {}: {err}", docs.display()))?;
    }
    Ok(())
}
