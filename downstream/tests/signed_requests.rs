//! A request as a client will send it, built from public pieces only: the
//! generated crate serializes it, the service's endpoint rules give the host,
//! SigV4 signs it. For the bodiless requests of `testdata/signing/` (bodies
//! differ from botocore's only in JSON whitespace, so their signatures are
//! compared in the runtime's own tests) the URL and the signature must be
//! botocore's (the query as a set: botocore keeps the caller's order).

use std::collections::BTreeMap;
use std::time::{Duration, SystemTime};

use awsgen_apigateway::operation::{GetRestApis, GetStage, Operation};
use awsgen_apigateway::types::{GetRestApisRequest, GetStageRequest};
use awsgen_runtime::bytes::Bytes;
use awsgen_runtime::endpoint::{Partitions, RuleSet, Value};
use awsgen_runtime::http;
use awsgen_runtime::signing::{sign_request, Credentials, SigningScope};

fn botocore_cases() -> serde_json::Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../testdata/signing/signing-cases.json"
    );
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// `request` (path and query only, as `serialize_request` gives it) sent to
/// the endpoint the rules give for `region`, signed.
fn send_ready(
    mut request: http::Request<Bytes>,
    region: &str,
    credentials: &Credentials,
) -> http::Request<Bytes> {
    let rules = RuleSet::from_json(include_str!(
        "../../model/apigateway/2015-07-09/endpoint-rule-set-1.json"
    ))
    .unwrap();
    let parameters = BTreeMap::from([
        ("Region".to_owned(), Value::from(region)),
        ("UseFIPS".to_owned(), Value::from(false)),
        ("UseDualStack".to_owned(), Value::from(false)),
    ]);
    let endpoint = rules.resolve(&parameters, Partitions::botocore()).unwrap();
    let path_and_query = request.uri().path_and_query().unwrap().as_str();
    *request.uri_mut() = format!("{}{path_and_query}", endpoint.url).parse().unwrap();
    sign_request(
        &mut request,
        credentials,
        SigningScope {
            region,
            service: "apigateway",
            time: SystemTime::UNIX_EPOCH + Duration::from_secs(1_795_869_296),
        },
    )
    .unwrap();
    request
}

#[test]
fn bodiless_requests_match_botocores_url_and_signature() {
    let document = botocore_cases();
    let temporary = Credentials::new(
        document["accessKeyId"].as_str().unwrap(),
        document["secretAccessKey"].as_str().unwrap(),
        Some(document["sessionToken"].as_str().unwrap().to_owned()),
    );
    let plain = Credentials::new(
        temporary.access_key_id(),
        document["secretAccessKey"].as_str().unwrap(),
        None,
    );
    let cases = document["cases"].as_array().unwrap();
    let ours = [
        send_ready(
            GetRestApis::serialize_request(
                &GetRestApisRequest::builder()
                    .limit(25)
                    .position("a b/c")
                    .build(),
            )
            .unwrap(),
            "us-east-1",
            &plain,
        ),
        send_ready(
            GetStage::serialize_request(
                &GetStageRequest::builder()
                    .rest_api_id("a1b2c3")
                    .stage_name("prod v2")
                    .build()
                    .unwrap(),
            )
            .unwrap(),
            "eu-west-1",
            &plain,
        ),
        send_ready(
            GetRestApis::serialize_request(&GetRestApisRequest::builder().build()).unwrap(),
            "us-east-1",
            &temporary,
        ),
    ];
    for (request, botocore) in ours.iter().zip(cases) {
        let label = botocore["operation"].as_str().unwrap();
        assert_eq!(request.method().as_str(), botocore["method"], "{label}");
        // botocore writes query parameters in the caller's order, so they
        // compare as a set; the signature sorts them anyway.
        let split = |url: &str| {
            let (base, query) = url.split_once('?').unwrap_or((url, ""));
            let mut pairs: Vec<String> = query.split('&').map(str::to_owned).collect();
            pairs.sort();
            (base.to_owned(), pairs)
        };
        assert_eq!(
            split(&request.uri().to_string()),
            split(botocore["url"].as_str().unwrap()),
            "{label}"
        );
        for name in [
            "Authorization",
            "X-Amz-Date",
            "X-Amz-Security-Token",
            "Accept",
        ] {
            assert_eq!(
                request.headers().get(name).map(|v| v.to_str().unwrap()),
                botocore["headers"]
                    .get(name)
                    .and_then(serde_json::Value::as_str),
                "{label}: {name}"
            );
        }
    }
}
