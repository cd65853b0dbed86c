//! `cargo xtask sweep --botocore PATH`: every model of a botocore release
//! through the generator, in memory and in parallel, with a table per
//! protocol; optionally written out (`--out`) and compiled (`--compile`).

mod botocore;
mod compile;
mod generation;
mod report;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Instant;

use anyhow::{bail, Context, Result};

use crate::codegen::workspace_root;
use generation::Outcome;

const USAGE: &str = "\
cargo xtask sweep (--botocore PATH | --pip VERSION) [--out DIR] [--compile SERVICES] [--clippy]
                  [--doc] [--compile-jobs N] [--jobs N] [--runs N] [--names]
  --botocore PATH     a botocore wheel, its `botocore` folder or its `botocore/data` folder
  --pip VERSION       download botocore==VERSION from PyPI (pip) into target/botocore/ and use it
  --out DIR           write every generated crate to DIR/<service>/ (nothing is written otherwise)
  --compile SERVICES  comma-separated services, `sample` or `all`: write them into a scratch
                      workspace (target/sweep-workspace) and time `cargo check` of each
  --clippy            with --compile, run clippy -D warnings on each instead of cargo check
                      (clippy reports every error cargo check does)
  --doc               with --compile, also build each crate's docs with rustdoc's warnings denied
  --compile-jobs N    crates compiled at once, each worker with its own target folder
                      (default 1, so that each crate's time is its own)
  --jobs N            generation threads (default: the number of cores)
  --runs N            generate everything N times and fail if any output differs (default 1)
  --names             check every model's Rust names against the reviewed insta snapshot
                      xtask/src/sweep/snapshots/botocore_names.snap (for the pinned release);
                      a difference fails and leaves a .snap.new beside it to review";

/// `--compile sample`: one crate per protocol, with `ec2`, the largest model
/// of all. Each is also vendored under generated/, from the same botocore
/// release, so CI's workspace clippy, rustdoc and test steps already build
/// them; CI's sweep compiles services that are not vendored instead (.ci/run).
/// The largest json and rest-json models (`sagemaker`, `quicksight`) cost
/// about 95 s each of check and clippy, so they are left to `--compile all`,
/// which is run before an issue is resolved.
pub const SAMPLE: &[&str] = &[
    "sts",                                // query
    "ec2",                                // ec2, the largest model of all
    "route53",                            // rest-xml
    "partnercentral-revenue-measurement", // smithy-rpc-v2-cbor (the one botocore picks it for)
    "sqs",                                // json 1.0
    "lambda",                             // rest-json, with event streams
];

#[derive(Debug)]
struct Options {
    release: PathBuf,
    out: Option<PathBuf>,
    compile: Option<String>,
    clippy: bool,
    doc: bool,
    compile_jobs: usize,
    jobs: usize,
    runs: usize,
    names: bool,
}

pub fn run(args: &[String]) -> Result<ExitCode> {
    let options = parse_args(args)?;
    let started = Instant::now();
    let models = botocore::read_release(&options.release)?;
    let read_time = started.elapsed();
    println!(
        "{} models of {} services read from {} in {:.1} s",
        models.len(),
        models.iter().filter(|m| m.newest).count(),
        options.release.display(),
        read_time.as_secs_f64()
    );
    let runtime_path = match &options.out {
        Some(out) => crate::codegen::runtime_path_from(&out.join("crate"))?,
        None => "../../runtime".to_owned(),
    };
    let mut outcomes: Vec<Outcome> = Vec::new();
    let mut differing = Vec::new();
    for run in 1..=options.runs {
        let wall = Instant::now();
        let keep = generation::Keep {
            files: options.out.is_some() && run == 1,
            names: options.names && run == 1,
        };
        let this_run = generation::generate_all(&models, &runtime_path, options.jobs, keep);
        let elapsed = wall.elapsed();
        if run == 1 {
            print!("{}", report::render(&this_run, elapsed));
            outcomes = this_run;
        } else {
            differing.extend(
                outcomes
                    .iter()
                    .zip(&this_run)
                    .filter(|(first, again)| first.digest() != again.digest())
                    .map(|(first, _)| first.name.clone()),
            );
            println!(
                "run {run}: {:.1} s, output identical to run 1: {}",
                elapsed.as_secs_f64(),
                differing.is_empty()
            );
        }
    }
    println!("output digest: {:016x}", report::digest(&outcomes));
    if let Some(out) = &options.out {
        generation::write_all(&outcomes, out)?;
        println!("crates written to {}", out.display());
    }
    if options.names {
        check_names(&outcomes);
    }
    let mut failed = !differing.is_empty() || outcomes.iter().any(|o| !o.generated());
    if !differing.is_empty() {
        println!("output differs between runs for: {}", differing.join(", "));
    }
    if let Some(selection) = &options.compile {
        let names = compile::select(selection, &models)?;
        let root = workspace_root();
        let results = compile::compile(
            &models,
            &names,
            &root.join("target/sweep-workspace"),
            compile::Steps {
                clippy: options.clippy,
                doc: options.doc,
            },
            options.compile_jobs,
        )?;
        print!("{}", report::render_compile(&results));
        failed |= results.iter().any(|r| r.failure.is_some());
    }
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Compares every Rust name of every model with the reviewed snapshot; a
/// difference panics with insta's diff (and, off CI, a `.snap.new` to accept).
fn check_names(outcomes: &[Outcome]) {
    let listing = generation::names_snapshot(outcomes);
    println!(
        "names: {} distinct model name -> Rust name lines",
        listing.lines().count()
    );
    let mut settings = insta::Settings::clone_current();
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.bind(|| insta::assert_snapshot!("botocore_names", listing));
}

fn parse_args(args: &[String]) -> Result<Options> {
    let mut release = None;
    let mut pip = None;
    let mut options = Options {
        release: PathBuf::new(),
        out: None,
        compile: None,
        clippy: false,
        doc: false,
        compile_jobs: 1,
        jobs: std::thread::available_parallelism().map_or(1, usize::from),
        runs: 1,
        names: false,
    };
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let mut value = || {
            rest.next()
                .with_context(|| format!("{arg} needs a value\n\n{USAGE}"))
        };
        match arg.as_str() {
            "--botocore" => release = Some(PathBuf::from(value()?)),
            "--pip" => pip = Some(value()?.clone()),
            "--out" => options.out = Some(PathBuf::from(value()?)),
            "--compile" => options.compile = Some(value()?.clone()),
            "--clippy" => options.clippy = true,
            "--doc" => options.doc = true,
            "--jobs" => options.jobs = number(arg, value()?)?,
            "--compile-jobs" => options.compile_jobs = number(arg, value()?)?,
            "--runs" => options.runs = number(arg, value()?)?,
            "--names" => options.names = true,
            other => bail!("unknown argument {other:?} to sweep\n\n{USAGE}"),
        }
    }
    options.release = match (release, pip) {
        (Some(path), None) => path,
        (None, Some(version)) => pip_download(&version)?,
        _ => bail!("give one of --botocore PATH and --pip VERSION\n\n{USAGE}"),
    };
    if (options.clippy || options.doc) && options.compile.is_none() {
        bail!("--clippy and --doc go with --compile");
    }
    Ok(options)
}

fn number(arg: &str, value: &str) -> Result<usize> {
    match value.parse::<usize>() {
        Ok(n) if n > 0 => Ok(n),
        _ => bail!("{arg} takes a positive number, not {value:?}"),
    }
}

/// The botocore wheel of `version` in `target/botocore/`, downloaded with pip when missing.
fn pip_download(version: &str) -> Result<PathBuf> {
    if version.is_empty()
        || !version
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.')
    {
        bail!("--pip takes a botocore version such as 1.43.67, not {version:?}");
    }
    let folder = workspace_root().join("target/botocore");
    let wheel = folder.join(format!("botocore-{version}-py3-none-any.whl"));
    if wheel.is_file() {
        return Ok(wheel);
    }
    println!(
        "downloading botocore=={version} from PyPI into {}",
        folder.display()
    );
    let status = Command::new(python())
        .args([
            "-m",
            "pip",
            "download",
            "--quiet",
            "--no-deps",
            "--only-binary=:all:",
        ])
        .arg("--dest")
        .arg(&folder)
        .arg(format!("botocore=={version}"))
        .status()
        .context("running `python3 -m pip download` (is Python 3 with pip installed?)")?;
    if !status.success() {
        bail!("pip could not download botocore=={version} ({status})");
    }
    if !wheel.is_file() {
        bail!("pip ran but {} is not there", wheel.display());
    }
    Ok(wheel)
}

fn python() -> &'static Path {
    Path::new(if cfg!(windows) { "python" } else { "python3" })
}
