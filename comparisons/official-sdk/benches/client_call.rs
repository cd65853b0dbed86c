//! The per-call overhead of a client: our generated `Client` against the
//! official SDK's, both calling the same local HTTP/1.1 server, in one run.
//!
//! Two calls, `GetRestApis` (`limit` 25; the server answers three REST
//! APIs) and `CreateDeployment` (a POST with three stage variables; the
//! server answers 201 with a deployment), each made three ways over a kept-
//! alive loopback connection (see `src/client_call.rs`):
//!
//! - **ours**: `client.get_rest_apis().limit(25).send()`: endpoint
//!   resolution, SigV4 signing, retry bookkeeping, the HTTP round trip and
//!   the parse;
//! - **bare**: the input built, `<GetRestApis as Operation>::serialize_request`,
//!   the request sent as it is over a plain hyper client (the pooled HTTP/1.1
//!   client our transport wraps, absolute URI, no TLS) and `parse_response`:
//!   the same HTTP exchange without the client machinery;
//! - **official**: `aws-sdk-apigateway`'s `client.get_rest_apis().limit(25).send()`
//!   with its default HTTP client, static credentials, region and endpoint URL.
//!
//! **Overhead** = ours − bare for our client, official − bare for the official
//! SDK: the HTTP exchange and the server are the same for both, so what is
//! left is what each client adds to a call. The summary at the end prints
//! both overheads and the ratio ours / official (the goal: at most 0.5).
//!
//! Every side runs on one current-thread tokio runtime, and so does the
//! server, as a task of the same runtime: a round trip is then one thread's
//! work, with no wake-up of another thread, whose latency on a busy 2-core
//! machine varies far more than the clients' own costs. `SERVER_THREAD=1`
//! runs the server on a thread of its own instead.

use std::hint::black_box;
use std::time::{Duration, Instant};

use awsgen_official_sdk_comparison::client_call::{self, Bare};
use awsgen_official_sdk_comparison::local_server::{
    LocalServer, SeenRequest, DEPLOYMENT_ID, REST_API_IDS,
};
use awsgen_runtime::serde_json::{self, Value};
use criterion::Criterion;
use tokio::runtime::Runtime;

/// How long a batch of calls took: by the wall clock and in the thread's CPU
/// time.
#[derive(Clone, Copy, Debug)]
struct Sample {
    wall: Duration,
    cpu: Duration,
}

/// Runs `iters` calls of one side and returns how long they took.
type Timed<'a> = Box<dyn FnMut(u64) -> Sample + 'a>;

/// The sides, in the order of [`SIDES`].
const SIDES: [&str; 3] = ["ours", "bare", "official"];

/// One call, made by each side.
struct Call<'a> {
    name: &'static str,
    /// ours, bare, official.
    sides: [Timed<'a>; 3],
}

/// Times `iters` calls of `$call(&$client)` on `$rt`, each awaited in turn
/// and its output dropped inside the timing.
macro_rules! side {
    ($rt:expr, $client:expr, $call:path) => {{
        let client = $client;
        let rt: &Runtime = $rt;
        Box::new(move |iters: u64| {
            rt.block_on(async {
                let start = Instant::now();
                let cpu_start = client_call::thread_cpu_time();
                for _ in 0..iters {
                    let out = $call(&client).await;
                    black_box(out).expect(concat!(stringify!($call), " succeeds"));
                }
                Sample {
                    cpu: client_call::thread_cpu_time().saturating_sub(cpu_start),
                    wall: start.elapsed(),
                }
            })
        }) as Timed<'_>
    }};
}

fn calls<'a>(
    rt: &'a Runtime,
    ours: &awsgen_apigateway::Client,
    bare: &Bare,
    official: &aws_sdk_apigateway::Client,
) -> Vec<Call<'a>> {
    vec![
        Call {
            name: "get_rest_apis",
            sides: [
                side!(rt, ours.clone(), client_call::ours_get_rest_apis),
                side!(rt, bare.clone(), Bare::get_rest_apis),
                side!(rt, official.clone(), client_call::official_get_rest_apis),
            ],
        },
        Call {
            name: "create_deployment",
            sides: [
                side!(rt, ours.clone(), client_call::ours_create_deployment),
                side!(rt, bare.clone(), Bare::create_deployment),
                side!(
                    rt,
                    official.clone(),
                    client_call::official_create_deployment
                ),
            ],
        },
    ]
}

fn report(what: &str, same: bool, detail: impl FnOnce() -> String) {
    if same {
        println!("check: {what}: same");
    } else {
        println!("check: {what}: DIFFERENT\n{}", detail());
    }
}

fn json(bytes: &[u8]) -> Option<Value> {
    if bytes.is_empty() {
        None
    } else {
        Some(serde_json::from_slice(bytes).expect("a JSON body"))
    }
}

/// Makes each call once on each side and checks they agree: the same
/// answer read, and the same method, path, query and JSON body sent.
fn check(
    rt: &Runtime,
    server: &LocalServer,
    ours: &awsgen_apigateway::Client,
    bare: &Bare,
    official: &aws_sdk_apigateway::Client,
) {
    let seen = || server.take_seen().expect("the server saw the request");
    server.set_capture(true);

    let ids = |items: Option<Vec<awsgen_apigateway::types::RestApi>>| -> Vec<String> {
        items
            .unwrap_or_default()
            .into_iter()
            .filter_map(|api| api.id)
            .collect()
    };
    let mut read = Vec::new();
    let mut sent = Vec::new();
    let output = rt.block_on(client_call::ours_get_rest_apis(ours));
    read.push(ids(output.expect("ours GetRestApis").items));
    sent.push(seen());
    let output = rt.block_on(bare.get_rest_apis());
    read.push(ids(output.expect("bare GetRestApis").items));
    sent.push(seen());
    let output = rt.block_on(client_call::official_get_rest_apis(official));
    let output = output.expect("official GetRestApis");
    read.push(
        output
            .items()
            .iter()
            .filter_map(|api| api.id().map(str::to_owned))
            .collect(),
    );
    sent.push(seen());
    report(
        "GetRestApis ids read by ours, bare, official",
        read.iter().all(|side| side == &REST_API_IDS),
        || format!("{read:?}"),
    );
    compare_sent("GetRestApis", &sent);

    let mut read = Vec::new();
    let mut sent = Vec::new();
    let output = rt.block_on(client_call::ours_create_deployment(ours));
    read.push(output.expect("ours CreateDeployment").id);
    sent.push(seen());
    let output = rt.block_on(bare.create_deployment());
    read.push(output.expect("bare CreateDeployment").id);
    sent.push(seen());
    let output = rt.block_on(client_call::official_create_deployment(official));
    read.push(output.expect("official CreateDeployment").id);
    sent.push(seen());
    report(
        "CreateDeployment id read by ours, bare, official",
        read.iter().all(|id| id.as_deref() == Some(DEPLOYMENT_ID)),
        || format!("{read:?}"),
    );
    compare_sent("CreateDeployment", &sent);
    server.set_capture(false);
}

/// Prints what each side sent and checks that the method, the target (path
/// and query) and the JSON body are the same.
fn compare_sent(call: &str, sent: &[SeenRequest]) {
    for (side, request) in SIDES.iter().zip(sent) {
        println!(
            "check: {call} {side}: {} {} ({} body bytes), headers: {}",
            request.method,
            request.target,
            request.body.len(),
            request.header_names.join(" ")
        );
    }
    let first = &sent[0];
    report(
        &format!("{call} method, path, query and JSON body of ours, bare, official"),
        sent.iter().all(|request| {
            request.method == first.method
                && request.target == first.target
                && json(&request.body) == json(&first.body)
        }),
        || {
            sent.iter()
                .map(|r| format!("{} {} {:?}\n", r.method, r.target, json(&r.body)))
                .collect()
        },
    );
}

fn run_criterion(c: &mut Criterion, calls: &mut [Call<'_>]) {
    for call in calls {
        let mut group = c.benchmark_group(format!("client_call/{}", call.name));
        for (name, side) in SIDES.iter().zip(&mut call.sides) {
            group.bench_function(*name, |b| b.iter_custom(|iters| side(iters).wall));
        }
        group.finish();
    }
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    if values.len() % 2 == 1 {
        values[mid]
    } else {
        (values[mid - 1] + values[mid]) / 2.0
    }
}

fn micros(ns: f64) -> String {
    format!("{:.2} µs", ns / 1e3)
}

/// `rounds` rounds of a batch of N calls per side (N grown until the bare
/// batch takes about `target`), the sides in a rotating order; prints, by
/// the wall clock and by the thread's CPU time, the median per-call time of
/// each side, the median over rounds of each client's overhead (its time
/// minus the bare time of the same round), and the ratio of the overheads.
fn run_summary(calls: &mut [Call<'_>], rounds: usize, target: Duration) {
    println!();
    println!(
        "Summary: median per-call time over {rounds} rounds (each a batch of N calls per side, \
         the sides' order rotating); overhead = side - bare, median of the rounds' differences; \
         wall = wall clock, cpu = the thread's CPU time"
    );
    println!(
        "{:<18} {:<5} {:>6} {:>11} {:>11} {:>11} {:>14} {:>18} {:>14}",
        "call",
        "clock",
        "N",
        "bare",
        "ours",
        "official",
        "ours overhead",
        "official overhead",
        "ours/official"
    );
    for call in calls {
        let mut n: u64 = 1;
        while (call.sides[1])(n).wall < target && n < 1 << 20 {
            n *= 2;
        }
        for side in &mut call.sides {
            side(n.min(64)); // warm every side
        }
        let mut samples: [Vec<Sample>; 3] = Default::default();
        for round in 0..rounds {
            let mut order = [0, 1, 2];
            order.rotate_left(round % 3);
            if round % 2 == 1 {
                order.reverse();
            }
            for side in order {
                samples[side].push((call.sides[side])(n));
            }
        }
        for (clock, read) in [
            ("wall", (|s: &Sample| s.wall) as fn(&Sample) -> Duration),
            ("cpu", |s: &Sample| s.cpu),
        ] {
            let per_call: Vec<Vec<f64>> = samples
                .iter()
                .map(|side| {
                    side.iter()
                        .map(|s| read(s).as_nanos() as f64 / n as f64)
                        .collect()
                })
                .collect();
            let overhead = |side: usize| -> f64 {
                let mut differences: Vec<f64> = per_call[side]
                    .iter()
                    .zip(&per_call[1])
                    .map(|(time, bare)| time - bare)
                    .collect();
                median(&mut differences)
            };
            let (ours_overhead, official_overhead) = (overhead(0), overhead(2));
            let mut medians = per_call.into_iter().map(|mut times| median(&mut times));
            let (ours, bare, official) = (
                medians.next().unwrap_or(f64::NAN),
                medians.next().unwrap_or(f64::NAN),
                medians.next().unwrap_or(f64::NAN),
            );
            println!(
                "{:<18} {:<5} {:>6} {:>11} {:>11} {:>11} {:>14} {:>18} {:>14.2}",
                call.name,
                clock,
                n,
                micros(bare),
                micros(ours),
                micros(official),
                micros(ours_overhead),
                micros(official_overhead),
                ours_overhead / official_overhead
            );
        }
    }
    println!("goal: ours/official overhead at most 0.50");
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` does not, and
    // then (as with `cargo bench -- --test`) everything runs once, quickly.
    let has_flag = |flag: &str| std::env::args().any(|arg| arg == flag);
    let bench_mode = has_flag("--bench") && !has_flag("--test");
    let list_mode = has_flag("--list");
    // `--profile-time N`: criterion only runs the chosen benchmarks, for a
    // profiler; the summary would run every side and blur the profile.
    let profile_mode = has_flag("--profile-time");
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime");
    let own_thread = std::env::var_os("SERVER_THREAD").is_some_and(|v| v != "0");
    let server = if own_thread {
        LocalServer::start_on_own_thread()
    } else {
        LocalServer::start_on(rt.handle())
    };
    println!(
        "server: {} on {}",
        server.endpoint_url(),
        if own_thread {
            "its own thread (SERVER_THREAD is set)"
        } else {
            "the clients' runtime (set SERVER_THREAD=1 for a thread of its own)"
        }
    );
    let endpoint_url = server.endpoint_url();
    // Each client is made once, outside the timing: our client reads the
    // system's root certificates, the official one builds its TLS config.
    let ours = client_call::ours(&endpoint_url);
    let bare = Bare::new(&endpoint_url);
    let official = client_call::official(&endpoint_url);
    if !list_mode {
        check(&rt, &server, &ours, &bare, &official);
    }
    let mut calls = calls(&rt, &ours, &bare, &official);

    let mut criterion = Criterion::default().configure_from_args();
    run_criterion(&mut criterion, &mut calls);
    criterion.final_summary();

    let skip_summary = std::env::var_os("SKIP_SUMMARY").is_some_and(|v| v != "0");
    if list_mode {
        return;
    } else if profile_mode {
        println!("summary skipped (--profile-time)");
    } else if skip_summary {
        println!("summary skipped (SKIP_SUMMARY is set)");
    } else if bench_mode {
        let rounds = std::env::var("SUMMARY_ROUNDS")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(15);
        run_summary(&mut calls, rounds, Duration::from_millis(50));
    } else {
        run_summary(&mut calls, 1, Duration::ZERO);
    }
    println!(
        "server: {} requests on {} connections (one per client: kept alive)",
        server.requests(),
        server.connections()
    );
}
