//! The generated API Gateway crate on the wire: reading a large `GetRestApis`
//! response and writing a `CreateDeployment` request.

// criterion_group! defines an undocumented public function.
#![allow(missing_docs)]

use awsgen_apigateway::operation::{CreateDeployment, GetRestApis, Operation};
use awsgen_apigateway::types::CreateDeploymentRequest;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn get_rest_apis_response() -> http::Response<bytes::Bytes> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../testdata/bench/get_rest_apis_1000.json"
    );
    let body = std::fs::read(path).unwrap_or_else(|err| panic!("reading {path}: {err}"));
    http::Response::builder()
        .status(200)
        .header("content-type", "application/json")
        .body(bytes::Bytes::from(body))
        .unwrap()
}

fn create_deployment_input() -> CreateDeploymentRequest {
    CreateDeploymentRequest::builder()
        .rest_api_id("a1b2c3d4e5")
        .stage_name("prod")
        .description("Deployment with fifty stage variables")
        .set_variables(Some(
            (0..50)
                .map(|i| (format!("variable{i:02}"), format!("value-{i:02}")))
                .collect(),
        ))
        .build()
        .unwrap()
}

fn bench_wire(c: &mut Criterion) {
    let response = get_rest_apis_response();
    let items = GetRestApis::parse_response(&response)
        .unwrap()
        .items
        .unwrap()
        .len();
    assert_eq!(items, 1000);
    let mut group = c.benchmark_group("GetRestApis response");
    group.throughput(Throughput::Bytes(response.body().len() as u64));
    group.bench_function("parse_response (1000 items, 421,644 bytes)", |b| {
        b.iter(|| GetRestApis::parse_response(std::hint::black_box(&response)).unwrap())
    });
    // The two floors under any parse into these public types: serde_json's
    // cheapest pass over the bytes (validating, keeping nothing), and making
    // and freeing the owned strings, vectors and maps of the output (a clone
    // allocates exactly what a parse must).
    group.bench_function("floor: serde_json scan into IgnoredAny", |b| {
        b.iter(|| {
            let text = std::str::from_utf8(std::hint::black_box(response.body())).unwrap();
            serde_json::from_str::<serde::de::IgnoredAny>(text).unwrap()
        })
    });
    let parsed = GetRestApis::parse_response(&response).unwrap();
    group.bench_function("floor: allocate and free the output (clone + drop)", |b| {
        b.iter(|| std::hint::black_box(&parsed).clone())
    });
    group.finish();

    let input = create_deployment_input();
    c.bench_function(
        "CreateDeployment serialize_request (50 stage variables)",
        |b| b.iter(|| CreateDeployment::serialize_request(std::hint::black_box(&input)).unwrap()),
    );
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(50);
    targets = bench_wire
}
criterion_main!(benches);
