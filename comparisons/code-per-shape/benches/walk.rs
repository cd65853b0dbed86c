use awsgen_apigateway::operation::{CreateDeployment, GetRestApis, Operation};
use awsgen_code_per_shape::schema;
use awsgen_dynamodb::operation::{Operation as _, PutItem, Query};
use awsgen_runtime::bytes::Bytes;
use criterion::{criterion_group, criterion_main, Criterion};
use serde_json::{json, Value};

fn item(i: usize) -> Value {
    let data: Vec<u8> = (0..32)
        .map(|j| (i.wrapping_mul(31).wrapping_add(j * 7) % 256) as u8)
        .collect();
    use base64::Engine as _;
    let statuses = ["active", "pending", "suspended", "archived"];
    json!({
        "pk": {"S": format!("user#{:05}", i % 97)},
        "sk": {"N": i.to_string()},
        "data": {"B": base64::engine::general_purpose::STANDARD.encode(&data)},
        "flag": {"BOOL": i % 2 == 0},
        "tags": {"L": [{"S": format!("tag-a{}", i % 5)}, {"S": format!("tag-b{}", i % 7)}, {"S": format!("tag-c{}", i % 11)}]},
        "nested": {"M": {"name": {"S": format!("nested item {i}")}, "count": {"N": (i * 3 % 1000).to_string()}, "active": {"BOOL": i % 3 != 0}}},
        "email": {"S": format!("user{i:04}@example.com")},
        "score": {"N": format!("{}.{:02}", i * 7 % 10_000, i % 100)},
        "status": {"S": statuses[i % 4]},
        "version": {"N": (1 + i % 17).to_string()},
    })
}

fn response(body: Vec<u8>) -> http::Response<Bytes> {
    http::Response::builder()
        .status(200)
        .body(Bytes::from(body))
        .unwrap()
}

fn bench(c: &mut Criterion) {
    let rest = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/bench/get_rest_apis_1000.json"
    ))
    .expect("the GetRestApis body in shared/bench");
    let rest_resp = response(rest.clone());
    let ours = GetRestApis::parse_response(&rest_resp).unwrap();
    let walked: awsgen_apigateway::types::RestApis = schema::from_slice(&rest).unwrap();
    for (a, b) in ours
        .items
        .as_ref()
        .unwrap()
        .iter()
        .zip(walked.items.as_ref().unwrap())
    {
        if a != b {
            panic!("{a:#?}\n{b:#?}");
        }
    }
    assert_eq!(ours, walked, "GetRestApis differs");

    let items: Vec<Value> = (0..1000).map(item).collect();
    let query =
        serde_json::to_vec(&json!({"Items": items, "Count": 1000, "ScannedCount": 1000})).unwrap();
    let query_resp = response(query.clone());
    let ours_q = Query::parse_response(&query_resp).unwrap();
    let walked_q: awsgen_dynamodb::types::QueryOutput = schema::from_slice(&query).unwrap();
    assert_eq!(ours_q, walked_q, "Query differs");

    let deployment = awsgen_apigateway::types::CreateDeploymentRequest::builder()
        .rest_api_id("a1b2c3")
        .stage_name("prod")
        .description("Benchmark deployment with fifty stage variables")
        .set_variables(Some(
            (0..50)
                .map(|i| (format!("var{i:02}"), format!("value-{i:02}-abcdefghijk")))
                .collect(),
        ))
        .build()
        .unwrap();
    let ser_ours = CreateDeployment::serialize_request(&deployment).unwrap();
    let ser_walk = schema::to_vec(&deployment, true);
    assert_eq!(
        ser_ours.body().as_ref(),
        &ser_walk[..],
        "CreateDeployment differs"
    );

    let put_item: awsgen_dynamodb::types::PutItemInput =
        serde_json::from_value(json!({"TableName": "bench", "Item": item(42)})).unwrap();
    let put_ours = PutItem::serialize_request(&put_item).unwrap();
    let put_walk = schema::to_vec(&put_item, true);
    assert_eq!(
        serde_json::from_slice::<Value>(put_ours.body()).unwrap(),
        serde_json::from_slice::<Value>(&put_walk).unwrap(),
        "PutItem differs"
    );

    let mut g = c.benchmark_group("parse");
    g.bench_function("GetRestApis emitted", |b| {
        b.iter(|| GetRestApis::parse_response(std::hint::black_box(&rest_resp)).unwrap())
    });
    g.bench_function("GetRestApis schema", |b| {
        b.iter(|| {
            schema::from_slice::<awsgen_apigateway::types::RestApis>(std::hint::black_box(&rest))
                .unwrap()
        })
    });
    g.bench_function("Query emitted", |b| {
        b.iter(|| Query::parse_response(std::hint::black_box(&query_resp)).unwrap())
    });
    g.bench_function("Query schema", |b| {
        b.iter(|| {
            schema::from_slice::<awsgen_dynamodb::types::QueryOutput>(std::hint::black_box(&query))
                .unwrap()
        })
    });
    g.finish();
    let mut g = c.benchmark_group("serialize");
    g.bench_function("CreateDeployment emitted", |b| {
        // The body alone, as the schema side writes it (no URI or headers).
        b.iter(|| serde_json::to_vec(&std::hint::black_box(&deployment).json_body()).unwrap())
    });
    g.bench_function("CreateDeployment schema", |b| {
        b.iter(|| schema::to_vec(std::hint::black_box(&deployment), true))
    });
    g.bench_function("PutItem emitted", |b| {
        b.iter(|| serde_json::to_vec(&std::hint::black_box(&put_item).json_body()).unwrap())
    });
    g.bench_function("PutItem schema", |b| {
        b.iter(|| schema::to_vec(std::hint::black_box(&put_item), true))
    });
    g.finish();
}

criterion_group! { name = benches; config = Criterion::default().sample_size(30).measurement_time(std::time::Duration::from_secs(3)); targets = bench }
criterion_main!(benches);
