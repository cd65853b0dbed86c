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
        runtime_path: "../../runtime",
        operations: None,
        endpoint_rules_json: None,
        waiters_json: None,
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

    // The model diff on real history: the stage-variables change, and the
    // 2025-11-19 change (many members and enum values, so the Rust-name
    // collision check lowers both models).
    for (label, old, new) in [
        (
            "diff 2015-10-28 -> 2015-11-10",
            "002-2015-10-28-6b3b4a68a",
            "003-2015-11-10-e8ee8976f",
        ),
        (
            "diff 2025-06-12 -> 2025-11-19",
            "064-2025-06-12-ad8469fb0",
            "065-2025-11-19-042bc59c2",
        ),
    ] {
        let (old, new) = (history(old), history(new));
        c.bench_function(label, |b| {
            b.iter(|| awsgen_codegen::diff::diff_models(std::hint::black_box(&old), &new))
        });
    }
}

fn history(name: &str) -> model::ServiceModel {
    let path = format!(
        "{}/../testdata/apigateway-history/{name}.json.gz",
        env!("CARGO_MANIFEST_DIR")
    );
    let file = std::fs::File::open(&path).unwrap_or_else(|err| panic!("{path}: {err}"));
    let mut text = String::new();
    std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(file), &mut text).unwrap();
    model::parse_service_model(&text).unwrap()
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench_generate
}
criterion_main!(benches);
