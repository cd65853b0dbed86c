//! `cargo xtask`: the project's only entry point for generation and checks.

mod build_times;
mod client_build_cost;
mod codegen;
mod compare_check;
mod diff;
mod endpoint_tests;
mod fixtures;
mod fs_sync;
mod model_source;
mod protocol_tests;
mod semver;
mod sweep;
#[cfg(test)]
mod test_support;
mod update_model;

use std::process::ExitCode;

// Generation allocates and frees millions of small token and string values;
// with mimalloc a sweep of every botocore model takes a fifth less time than with glibc malloc.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  codegen                          regenerate every service under model/ into generated/
          [--service NAME]         only that service
  codegen --check                  exit non-zero and list stale files if generated/ is not up to date
  codegen --model PATH --out DIR   generate one service-2.json into the crate folder DIR
          [--service NAME]         (service name; default: the model's botocore folder name)
          [--operations A,B]       only those operations and the shapes they reach (a vendored
                                   service lists them in model/<service>/OPERATIONS)
                                   (the crate's runtime dependency points at this workspace's runtime/)
  build-times [--service NAME]…    measure how long the generated crates take to build
  client-build-cost [--runs N]     a debug build from scratch of a program calling API Gateway with
       [--relock]                  our client, next to one using aws-sdk-apigateway + aws-config;
                                   prints both and the ratio (lock files kept in target/)
  compare-check --model PATH       a generated crate's `cargo check` time next to the official SDK
       --service NAME              crate's (e.g. --official aws-sdk-ec2@1.274.0), same workspace,
       --official CRATE@VERSION    same run; prints both and the ratio
       [--operations A,B]          (and a crate of those operations only, measured too)
       [--build]                   (cargo build rather than cargo check)
       [--runs N]                  (each measured N times, taking turns; ratio of medians)
  protocol-tests --suite FILE…     run botocore protocol suites (input or output kind) through the
                                   generator; one line per failing case, then `N passed, N failed`
  endpoint-tests --rules RULESET   run botocore's endpoint test cases (params -> URL, headers,
       --tests TESTS               properties, or an error) through the rules engine with RULESET
       [--partitions FILE]         (an endpoint-rule-set-1.json, plain or .gz); `N passed, N failed`
  diff OLD NEW                     what changed between two models (service-2.json, .json.gz or a
       [--format text|markdown|json]   botocore data folder): the AWS-style changelog, Markdown or
       [--date YYYY-MM-DD]              JSON, and the semver bump for the generated crate
       [--operations A,B]               (of a crate of those operations only)
  update-model PATH                replace a vendored model with PATH, regenerate, bump the crate
       [--service NAME]            version and prepend the changelog to its CHANGELOG.md; refuses
       [--date YYYY-MM-DD]         another service or an older API version unless
       [--allow-other-service]     told to
       [--allow-older]
  semver OLD NEW                   generate both models' crates and check the diff's semver bump against
       [--operations A,B]          cargo-semver-checks (installed into target/tools on first use)
  semver --pairs [--sample]        the same for the fixed set of history pairs (11); with --sample,
                                   four of them (an additive pair, a breaking one, a subset crate,
                                   internals only)
  sweep --botocore PATH            generate every model of a botocore release (wheel or data folder) in
        [--pip VERSION]            memory, in parallel: a table per protocol, failures with reasons;
        [--out DIR] [--runs N]     --compile SERVICES|sample|all also checks those crates (--clippy:
        [--compile …] [--clippy]   and lints them) in target/sweep-workspace
  fixtures                         generate the fixture and key history models into target/ and
                                   check that they pass clippy, rustdoc and their behaviour tests
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("codegen") => codegen::run(&args[1..]),
        Some("build-times") => build_times::run(&args[1..]).map(|()| ExitCode::SUCCESS),
        Some("compare-check") => compare_check::run(&args[1..]),
        Some("client-build-cost") => client_build_cost::run(&args[1..]),
        Some("protocol-tests") => protocol_tests::run(&args[1..]),
        Some("diff") => diff::run(&args[1..]),
        Some("endpoint-tests") => endpoint_tests::run(&args[1..]),
        Some("update-model") => update_model::run(&args[1..]),
        Some("semver") => semver::run(&args[1..]),
        Some("sweep") => sweep::run(&args[1..]),
        Some("fixtures") => {
            let root = codegen::workspace_root();
            fixtures::check(&root, &root.join("target/fixture-workspace"))
                .map(|()| ExitCode::SUCCESS)
        }
        Some("-h" | "--help" | "help") | None => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Some(other) => Err(anyhow::anyhow!("unknown command {other:?}\n\n{USAGE}")),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::FAILURE
        }
    }
}
