//! The shipped serde parse of `GetRestApis` against a hand-written static
//! `jiter` parse into the same types (`src/pull.rs`), alternating, after
//! checking that both read the same value. Absolute times depend on malloc's
//! state in the process (the same serde parse measured 1.20 ms in one bench
//! binary and 1.97 ms in another); compare only the two lines of one run.

use awsgen_apigateway::operation::{GetRestApis, Operation};
use awsgen_code_per_shape::pull;
use awsgen_runtime::bytes::Bytes;
use criterion::{criterion_group, criterion_main, Criterion};

fn bench(c: &mut Criterion) {
    let body = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/bench/get_rest_apis_1000.json"
    ))
    .expect("the GetRestApis body in shared/bench");
    let response = http::Response::builder()
        .status(200)
        .body(Bytes::from(body.clone()))
        .unwrap();
    let ours = GetRestApis::parse_response(&response).unwrap();
    let pulled = pull::rest_apis(&body).unwrap();
    assert_eq!(ours, pulled, "the two parses differ");
    drop((ours, pulled));

    let mut group = c.benchmark_group("GetRestApis parse");
    for round in 1..=2 {
        group.bench_function(format!("serde_json, emitted serde impls ({round})"), |b| {
            b.iter(|| GetRestApis::parse_response(std::hint::black_box(&response)).unwrap())
        });
        group.bench_function(format!("jiter, static hand-written ({round})"), |b| {
            b.iter(|| pull::rest_apis(std::hint::black_box(&body)).unwrap())
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30);
    targets = bench
}
criterion_main!(benches);
