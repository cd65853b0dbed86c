//! Our generated crates against the official AWS SDK for Rust, in one process.
//!
//! Six benchmarks, each run on both sides with the same input:
//!
//! - `apigateway/get_rest_apis_parse`: a 1,000-API `GetRestApis` response.
//! - `apigateway/create_deployment_serialize`: `CreateDeployment` with 50 stage variables.
//! - `dynamodb/query_parse_1000`: a 1,000-item `Query` response.
//! - `dynamodb/put_item_serialize`: `PutItem` with one 10-attribute item.
//! - `ec2/describe_instances_parse_500`: a 500-instance `DescribeInstances` response (XML).
//! - `sns/publish_batch_serialize_10`: `PublishBatch` of 10 entries (an awsQuery form body).
//!
//! Ours is timed around `serialize_request` / `parse_response`; the official
//! SDK around its serialization and deserialization phases inside a real
//! `send()`, with an interceptor (see `official.rs`). Criterion reports each
//! side; a summary table of alternating rounds follows at the end.

use std::hint::black_box;
use std::time::{Duration, Instant};

use awsgen_apigateway::operation::{CreateDeployment, GetRestApis, Operation as _};
use awsgen_dynamodb::operation::{Operation as _, PutItem, Query};
use awsgen_ec2::operation::{DescribeInstances, Operation as _};
use awsgen_official_sdk_comparison::fixtures::{self, Deployment, TABLE};
use awsgen_official_sdk_comparison::official::{self, CannedResponse, Harness};
use awsgen_runtime::bytes::Bytes;
use awsgen_runtime::http;
use awsgen_runtime::serde_json::{self, Value};
use awsgen_sns::operation::{Operation as _, PublishBatch};
use criterion::{Criterion, Throughput};
use tokio::runtime::Runtime;

/// Times `iters` runs of one side and returns the sum of the measured windows.
type Timed<'a> = Box<dyn FnMut(u64) -> Duration + 'a>;

/// One benchmark: a name and both sides.
struct Bench<'a> {
    name: &'static str,
    throughput: Option<Throughput>,
    /// Whether one iteration takes milliseconds (fewer criterion samples).
    slow: bool,
    ours: Timed<'a>,
    official: Timed<'a>,
}

const JSON: &str = "application/json";
const AMZ_JSON: &str = "application/x-amz-json-1.0";
const XML: &str = "text/xml;charset=UTF-8";

fn response(content_type: &str, body: Bytes) -> http::Response<Bytes> {
    http::Response::builder()
        .status(200)
        .header("content-type", content_type)
        .body(body)
        .expect("a valid response")
}

/// Times `iters` calls of `f`, excluding the drop of what it returns.
fn time_ours<T>(iters: u64, mut f: impl FnMut() -> T) -> Duration {
    let mut total = Duration::ZERO;
    for _ in 0..iters {
        let start = Instant::now();
        let out = f();
        total += start.elapsed();
        drop(black_box(out));
    }
    total
}

#[derive(Clone, Copy)]
enum Phase {
    Serialize,
    Deserialize,
}

/// Runs `iters` official calls and sums the `phase` window of each.
fn time_official<C, T, E, F>(
    rt: &Runtime,
    harness: &Harness<C>,
    phase: Phase,
    iters: u64,
    mut call: impl FnMut(&C) -> F,
) -> Duration
where
    F: std::future::Future<Output = Result<T, E>>,
    E: std::fmt::Debug,
{
    harness.timer.take();
    let mut total = Duration::ZERO;
    for _ in 0..iters {
        let out = rt.block_on(call(&harness.client));
        let windows = harness.timer.take();
        let (window, count) = match phase {
            Phase::Serialize => (windows.serialize, windows.serialize_count),
            Phase::Deserialize => (windows.deserialize, windows.deserialize_count),
        };
        assert_eq!(count, 1, "one window per call");
        total += window;
        black_box(out).expect("the official call succeeds");
    }
    total
}

fn benches(rt: &Runtime) -> Vec<Bench<'_>> {
    // 1. apigateway/get_rest_apis_parse
    let rest_apis = fixtures::rest_apis_body();
    let rest_apis_len = rest_apis.len() as u64;
    let ours_response = response(JSON, rest_apis.clone());
    let apigw_list = official::apigateway(CannedResponse {
        status: 200,
        content_type: JSON,
        body: rest_apis,
    });

    // 2. apigateway/create_deployment_serialize
    let deployment = Deployment::sample();
    let ours_deployment = deployment.ours();
    let official_variables = deployment.official_variables();
    let apigw_deploy = official::apigateway(CannedResponse {
        status: 201,
        content_type: JSON,
        body: Bytes::from_static(br#"{"id":"dep123"}"#),
    });

    // 3. dynamodb/query_parse_1000
    let query_body = fixtures::query_response_body(1000);
    let query_len = query_body.len() as u64;
    let ours_query = response(AMZ_JSON, query_body.clone());
    let ddb_query = official::dynamodb(CannedResponse {
        status: 200,
        content_type: AMZ_JSON,
        body: query_body,
    });

    // 4. dynamodb/put_item_serialize
    let item = fixtures::put_item();
    let ours_put = awsgen_dynamodb::types::PutItemInput::builder()
        .table_name(TABLE)
        .set_item(Some(fixtures::our_item(&item)))
        .build()
        .expect("a complete PutItemInput");
    let official_put = fixtures::official_item(&item);
    let ddb_put = official::dynamodb(CannedResponse {
        status: 200,
        content_type: AMZ_JSON,
        body: Bytes::from_static(b"{}"),
    });

    check(
        rt,
        &ours_response,
        &apigw_list,
        &ours_deployment,
        &deployment,
        &apigw_deploy,
        &ours_query,
        &ddb_query,
        &ours_put,
        &official_put,
        &ddb_put,
    );

    // 5. ec2/describe_instances_parse_500
    let instances_body = fixtures::describe_instances_body(100, 5);
    let instances_len = instances_body.len() as u64;
    let ours_instances = response(XML, instances_body.clone());
    let ec2_describe = official::ec2(CannedResponse {
        status: 200,
        content_type: XML,
        body: instances_body,
    });

    // 6. sns/publish_batch_serialize_10
    let entries = fixtures::batch_entries();
    let ours_batch = awsgen_sns::types::PublishBatchInput::builder()
        .topic_arn(fixtures::TOPIC)
        .set_publish_batch_request_entries(Some(
            entries.iter().map(fixtures::BatchEntry::ours).collect(),
        ))
        .build()
        .expect("a complete PublishBatchInput");
    let official_entries: Vec<_> = entries.iter().map(fixtures::BatchEntry::official).collect();
    let sns_batch = official::sns(CannedResponse {
        status: 200,
        content_type: XML,
        body: fixtures::publish_batch_response_body(&entries),
    });
    check_query_protocols(
        rt,
        &ours_instances,
        &ec2_describe,
        &ours_batch,
        &official_entries,
        &sns_batch,
    );

    let deployment_official = deployment.clone();
    vec![
        Bench {
            name: "apigateway/get_rest_apis_parse",
            throughput: Some(Throughput::Bytes(rest_apis_len)),
            slow: true,
            ours: Box::new(move |iters| {
                time_ours(iters, || {
                    GetRestApis::parse_response(black_box(&ours_response)).expect("parses")
                })
            }),
            official: Box::new(move |iters| {
                time_official(rt, &apigw_list, Phase::Deserialize, iters, |client| {
                    client.get_rest_apis().send()
                })
            }),
        },
        Bench {
            name: "apigateway/create_deployment_serialize",
            throughput: None,
            slow: false,
            ours: Box::new(move |iters| {
                time_ours(iters, || {
                    CreateDeployment::serialize_request(black_box(&ours_deployment))
                        .expect("serializes")
                })
            }),
            official: Box::new(move |iters| {
                let d = &deployment_official;
                time_official(rt, &apigw_deploy, Phase::Serialize, iters, |client| {
                    client
                        .create_deployment()
                        .rest_api_id(&d.rest_api_id)
                        .stage_name(&d.stage_name)
                        .description(&d.description)
                        .set_variables(Some(official_variables.clone()))
                        .send()
                })
            }),
        },
        Bench {
            name: "dynamodb/query_parse_1000",
            throughput: Some(Throughput::Bytes(query_len)),
            slow: true,
            ours: Box::new(move |iters| {
                time_ours(iters, || {
                    Query::parse_response(black_box(&ours_query)).expect("parses")
                })
            }),
            official: Box::new(move |iters| {
                time_official(rt, &ddb_query, Phase::Deserialize, iters, |client| {
                    client.query().table_name(TABLE).send()
                })
            }),
        },
        Bench {
            name: "dynamodb/put_item_serialize",
            throughput: None,
            slow: false,
            ours: Box::new(move |iters| {
                time_ours(iters, || {
                    PutItem::serialize_request(black_box(&ours_put)).expect("serializes")
                })
            }),
            official: Box::new(move |iters| {
                time_official(rt, &ddb_put, Phase::Serialize, iters, |client| {
                    client
                        .put_item()
                        .table_name(TABLE)
                        .set_item(Some(official_put.clone()))
                        .send()
                })
            }),
        },
        Bench {
            name: "ec2/describe_instances_parse_500",
            throughput: Some(Throughput::Bytes(instances_len)),
            slow: true,
            ours: Box::new(move |iters| {
                time_ours(iters, || {
                    DescribeInstances::parse_response(black_box(&ours_instances)).expect("parses")
                })
            }),
            official: Box::new(move |iters| {
                time_official(rt, &ec2_describe, Phase::Deserialize, iters, |client| {
                    client.describe_instances().send()
                })
            }),
        },
        Bench {
            name: "sns/publish_batch_serialize_10",
            throughput: None,
            slow: false,
            ours: Box::new(move |iters| {
                time_ours(iters, || {
                    PublishBatch::serialize_request(black_box(&ours_batch)).expect("serializes")
                })
            }),
            official: Box::new(move |iters| {
                time_official(rt, &sns_batch, Phase::Serialize, iters, |client| {
                    client
                        .publish_batch()
                        .topic_arn(fixtures::TOPIC)
                        .set_publish_batch_request_entries(Some(official_entries.clone()))
                        .send()
                })
            }),
        },
    ]
}

/// A form body as sorted decoded pairs, each map entry's number replaced by
/// its key (`….entry.2.Value.StringValue` → `….entry[kind].Value.StringValue`):
/// our maps are sorted by key, the official SDK's are `HashMap`s, and a map
/// has no order.
fn canonical_form(body: &[u8]) -> Vec<(String, String)> {
    let pairs: Vec<(String, String)> = form_urlencoded::parse(body).into_owned().collect();
    let entry_names: Vec<(String, String)> = pairs
        .iter()
        .filter_map(|(key, value)| {
            let prefix = key.strip_suffix(".Name")?;
            let (_, number) = prefix.rsplit_once(".entry.")?;
            number
                .parse::<u32>()
                .is_ok()
                .then(|| (format!("{prefix}."), value.clone()))
        })
        .collect();
    let mut canonical: Vec<(String, String)> = pairs
        .into_iter()
        .map(|(key, value)| {
            for (prefix, name) in &entry_names {
                if let Some(rest) = key.strip_prefix(prefix.as_str()) {
                    let (head, _) = prefix.rsplit_once(".entry.").expect("an entry prefix");
                    return (format!("{head}.entry[{name}].{rest}"), value);
                }
            }
            (key, value)
        })
        .collect();
    canonical.sort();
    canonical
}

/// Runs the EC2 and SNS benchmarks' calls once on each side and checks they
/// agree: the same 500 instances parsed, the same form body sent.
fn check_query_protocols(
    rt: &Runtime,
    ours_instances: &http::Response<Bytes>,
    ec2_describe: &Harness<aws_sdk_ec2::Client>,
    ours_batch: &awsgen_sns::types::PublishBatchInput,
    official_entries: &[aws_sdk_sns::types::PublishBatchRequestEntry],
    sns_batch: &Harness<aws_sdk_sns::Client>,
) {
    // DescribeInstances
    let ours =
        DescribeInstances::parse_response(ours_instances).expect("ours parses DescribeInstances");
    let official = rt
        .block_on(ec2_describe.client.describe_instances().send())
        .expect("official DescribeInstances");
    let ours_instances: Vec<_> = ours
        .reservations()
        .iter()
        .flat_map(|reservation| reservation.instances())
        .map(|instance| {
            (
                instance.instance_id().unwrap_or_default().to_owned(),
                instance.tags().len(),
                instance.network_interfaces().len(),
                instance.launch_time().map(|time| time.unix_timestamp()),
            )
        })
        .collect();
    let official_instances: Vec<_> = official
        .reservations()
        .iter()
        .flat_map(|reservation| reservation.instances())
        .map(|instance| {
            (
                instance.instance_id().unwrap_or_default().to_owned(),
                instance.tags().len(),
                instance.network_interfaces().len(),
                instance.launch_time().map(|time| time.secs()),
            )
        })
        .collect();
    report(
        &format!(
            "DescribeInstances ids, tags, interfaces, launch times ({} instances parsed by ours)",
            ours_instances.len()
        ),
        ours_instances == official_instances
            && ours_instances.len() == 500
            && ours_instances[499].0 == fixtures::instance_id(499),
        || {
            format!(
                "ours {:?}\nofficial {:?}",
                ours_instances.first(),
                official_instances.first()
            )
        },
    );

    // PublishBatch
    let ours = PublishBatch::serialize_request(ours_batch).expect("ours serializes");
    sns_batch.http.set_capture(true);
    rt.block_on(
        sns_batch
            .client
            .publish_batch()
            .topic_arn(fixtures::TOPIC)
            .set_publish_batch_request_entries(Some(official_entries.to_vec()))
            .send(),
    )
    .expect("official PublishBatch");
    sns_batch.http.set_capture(false);
    let sent = sns_batch.http.take_captured().expect("a captured request");
    println!(
        "check: PublishBatch official URI {} {}",
        sent.method, sent.uri
    );
    let official_form = canonical_form(sent.body.as_deref().unwrap_or_default());
    let ours_form = canonical_form(ours.body());
    report(
        &format!(
            "PublishBatch form body, {} pairs ({} bytes ours, {} official)",
            ours_form.len(),
            ours.body().len(),
            sent.body.as_ref().map_or(0, Vec::len)
        ),
        ours_form == official_form && ours_form.len() > 100,
        || format!("ours     {ours_form:?}\nofficial {official_form:?}"),
    );
}

fn json(bytes: &[u8]) -> Value {
    serde_json::from_slice(bytes).expect("a JSON body")
}

fn report(what: &str, same: bool, detail: impl FnOnce() -> String) {
    if same {
        println!("check: {what}: same");
    } else {
        println!("check: {what}: DIFFERENT\n{}", detail());
    }
}

/// Runs each side once and checks they agree: the same number of items
/// parsed, the same request path and JSON body sent.
#[allow(clippy::too_many_arguments)]
fn check(
    rt: &Runtime,
    ours_list: &http::Response<Bytes>,
    apigw_list: &Harness<aws_sdk_apigateway::Client>,
    ours_deployment: &awsgen_apigateway::types::CreateDeploymentRequest,
    deployment: &Deployment,
    apigw_deploy: &Harness<aws_sdk_apigateway::Client>,
    ours_query: &http::Response<Bytes>,
    ddb_query: &Harness<aws_sdk_dynamodb::Client>,
    ours_put: &awsgen_dynamodb::types::PutItemInput,
    official_put: &std::collections::HashMap<String, aws_sdk_dynamodb::types::AttributeValue>,
    ddb_put: &Harness<aws_sdk_dynamodb::Client>,
) {
    // GetRestApis
    let ours = GetRestApis::parse_response(ours_list).expect("ours parses GetRestApis");
    let official = rt
        .block_on(apigw_list.client.get_rest_apis().send())
        .expect("official GetRestApis");
    let ours_ids: Vec<&str> = ours
        .items
        .iter()
        .flatten()
        .map(|api| api.id.as_deref().unwrap_or_default())
        .collect();
    let official_ids: Vec<&str> = official
        .items()
        .iter()
        .map(|api| api.id().unwrap_or_default())
        .collect();
    report(
        &format!("GetRestApis item ids ({} parsed by ours)", ours_ids.len()),
        ours_ids == official_ids && ours_ids.len() == 1000,
        || {
            format!(
                "ours {} items, official {}",
                ours_ids.len(),
                official_ids.len()
            )
        },
    );

    // CreateDeployment
    let ours = CreateDeployment::serialize_request(ours_deployment).expect("ours serializes");
    apigw_deploy.http.set_capture(true);
    let deployed = rt
        .block_on(
            apigw_deploy
                .client
                .create_deployment()
                .rest_api_id(&deployment.rest_api_id)
                .stage_name(&deployment.stage_name)
                .description(&deployment.description)
                .set_variables(Some(deployment.official_variables()))
                .send(),
        )
        .expect("official CreateDeployment");
    apigw_deploy.http.set_capture(false);
    assert_eq!(deployed.id(), Some("dep123"));
    let sent = apigw_deploy
        .http
        .take_captured()
        .expect("a captured request");
    let ours_path = ours.uri().to_string();
    println!(
        "check: CreateDeployment official URI {} {}",
        sent.method, sent.uri
    );
    report(
        "CreateDeployment method and path",
        sent.method == ours.method().as_str() && sent.uri.ends_with(&ours_path),
        || format!("ours {} {ours_path}", ours.method()),
    );
    let official_body = json(sent.body.as_deref().unwrap_or_default());
    let ours_body = json(ours.body());
    report(
        &format!(
            "CreateDeployment JSON body ({} bytes ours, {} official)",
            ours.body().len(),
            sent.body.as_ref().map_or(0, Vec::len)
        ),
        ours_body == official_body,
        || format!("ours     {ours_body}\nofficial {official_body}"),
    );

    // Query
    let ours = Query::parse_response(ours_query).expect("ours parses Query");
    let official = rt
        .block_on(ddb_query.client.query().table_name(TABLE).send())
        .expect("official Query");
    let ours_len = ours.items.as_ref().map_or(0, Vec::len);
    report(
        &format!("Query items and Count ({ours_len} parsed by ours)"),
        ours_len == official.items().len()
            && ours_len == 1000
            && ours.count == Some(official.count())
            && ours.scanned_count == Some(official.scanned_count()),
        || format!("ours {ours_len} items, official {}", official.items().len()),
    );
    let ours_first = ours.items.as_ref().and_then(|items| items.first());
    let official_first = official.items().first();
    let expected = fixtures::item(0);
    report(
        "Query first item, both sides against the fixture",
        ours_first == Some(&fixtures::our_item(&expected))
            && official_first == Some(&fixtures::official_item(&expected)),
        || format!("ours {ours_first:?}\nofficial {official_first:?}"),
    );

    // PutItem
    let ours = PutItem::serialize_request(ours_put).expect("ours serializes");
    ddb_put.http.set_capture(true);
    rt.block_on(
        ddb_put
            .client
            .put_item()
            .table_name(TABLE)
            .set_item(Some(official_put.clone()))
            .send(),
    )
    .expect("official PutItem");
    ddb_put.http.set_capture(false);
    let sent = ddb_put.http.take_captured().expect("a captured request");
    println!("check: PutItem official URI {} {}", sent.method, sent.uri);
    let official_body = json(sent.body.as_deref().unwrap_or_default());
    let ours_body = json(ours.body());
    report(
        &format!(
            "PutItem JSON body ({} bytes ours, {} official)",
            ours.body().len(),
            sent.body.as_ref().map_or(0, Vec::len)
        ),
        ours_body == official_body,
        || format!("ours     {ours_body}\nofficial {official_body}"),
    );
}

fn run_criterion(c: &mut Criterion, benches: &mut [Bench<'_>]) {
    for bench in benches {
        let mut group = c.benchmark_group(bench.name);
        if let Some(throughput) = &bench.throughput {
            group.throughput(throughput.clone());
        }
        if bench.slow {
            group
                .sample_size(30)
                .measurement_time(Duration::from_secs(10));
        }
        let ours = &mut bench.ours;
        group.bench_function("ours", |b| b.iter_custom(&mut *ours));
        let official = &mut bench.official;
        group.bench_function("official", |b| b.iter_custom(&mut *official));
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

fn format_ns(ns: f64) -> String {
    if ns >= 1e6 {
        format!("{:.3} ms", ns / 1e6)
    } else if ns >= 1e3 {
        format!("{:.3} µs", ns / 1e3)
    } else {
        format!("{ns:.1} ns")
    }
}

/// Alternates batches of ours and official, `rounds` times, and prints the
/// median time per iteration of each and their ratio.
fn run_summary(benches: &mut [Bench<'_>], rounds: usize, target: Duration) {
    println!();
    println!(
        "Summary: median per-iteration time over {rounds} alternating rounds \
         (each a batch of N iterations per side; official = interceptor window)"
    );
    println!(
        "{:<40} {:>8} {:>14} {:>14} {:>15}",
        "benchmark", "N", "ours", "official", "official/ours"
    );
    for bench in benches {
        // Grow the batch until ours takes about `target`.
        let mut n: u64 = 1;
        while (bench.ours)(n) < target && n < 1 << 24 {
            n *= 2;
        }
        (bench.official)(n.min(16)); // warm the official side too
        let mut ours = Vec::with_capacity(rounds);
        let mut official = Vec::with_capacity(rounds);
        for round in 0..rounds {
            let per_iter = |d: Duration| d.as_nanos() as f64 / n as f64;
            if round % 2 == 0 {
                ours.push(per_iter((bench.ours)(n)));
                official.push(per_iter((bench.official)(n)));
            } else {
                official.push(per_iter((bench.official)(n)));
                ours.push(per_iter((bench.ours)(n)));
            }
        }
        let ours = median(&mut ours);
        let official = median(&mut official);
        println!(
            "{:<40} {:>8} {:>14} {:>14} {:>14.2}x",
            bench.name,
            n,
            format_ns(ours),
            format_ns(official),
            official / ours
        );
    }
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` does not, and
    // then (as with `cargo bench -- --test`) everything runs once, quickly.
    let has_flag = |flag: &str| std::env::args().any(|arg| arg == flag);
    let bench_mode = has_flag("--bench") && !has_flag("--test");
    let list_mode = has_flag("--list");
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime");
    let mut benches = benches(&rt);

    let mut criterion = Criterion::default().configure_from_args();
    run_criterion(&mut criterion, &mut benches);
    criterion.final_summary();

    let skip_summary = std::env::var_os("SKIP_SUMMARY").is_some_and(|v| v != "0");
    if list_mode {
        // Criterion only listed the benchmarks.
    } else if skip_summary {
        println!("summary skipped (SKIP_SUMMARY is set)");
    } else if bench_mode {
        let rounds = std::env::var("SUMMARY_ROUNDS")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(11);
        run_summary(&mut benches, rounds, Duration::from_millis(50));
    } else {
        run_summary(&mut benches, 1, Duration::ZERO);
    }
}
