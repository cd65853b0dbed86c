//! Generation speed on the real API Gateway model: the whole pipeline, and its stages.

// criterion_group! defines an undocumented public function.
#![allow(missing_docs)]

use awsgen_codegen::{generate, model, Input};
use criterion::{criterion_group, criterion_main, Criterion};

const SERVICE: &str = include_str!("../../model/apigateway/2015-07-09/service-2.json");
const PAGINATORS: &str = include_str!("../../model/apigateway/2015-07-09/paginators-1.json");

fn input() -> Input<'static> {
    Input {
        service_json: SERVICE,
        paginators_json: Some(PAGINATORS),
        service: "apigateway",
        source_path: "model/apigateway/2015-07-09/service-2.json",
        crate_version: "0.1.0",
    }
}

fn bench_generate(c: &mut Criterion) {
    let generated = generate(input()).expect("the model generates");
    let lines: usize = generated
        .files
        .values()
        .map(|text| text.lines().count())
        .sum();
    println!("apigateway: {} files, {lines} lines", generated.files.len());
    c.bench_function("parse service-2.json", |b| {
        b.iter(|| model::parse_service_model(std::hint::black_box(SERVICE)).unwrap())
    });
    c.bench_function("parse, validate and lower (IR with docs)", |b| {
        b.iter(|| awsgen_codegen::lower_model(std::hint::black_box(input())).unwrap())
    });
    c.bench_function("generate apigateway crate", |b| {
        b.iter(|| generate(std::hint::black_box(input())).unwrap())
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench_generate
}
criterion_main!(benches);
