//! SigV4 as botocore signs: each request botocore 1.43.67 built and signed
//! for a fixed time and fixed credentials (`testdata/signing/`, written by
//! the `generate_signing_cases.py` beside it) is signed again here, from its
//! method, URL, headers and body, and must get the same `Authorization`,
//! `X-Amz-Date` and `X-Amz-Security-Token`.

#![cfg(feature = "client")]

use std::time::{Duration, SystemTime};

use awsgen_runtime::bytes::Bytes;
use awsgen_runtime::http;
use awsgen_runtime::signing::{sign_request, Credentials, SigningScope};
use base64::Engine as _;
use serde_json::Value;

const SIGNED_BY_BOTOCORE: [&str; 3] = ["Authorization", "X-Amz-Date", "X-Amz-Security-Token"];

fn cases() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../testdata/signing/signing-cases.json"
    );
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// 2026-11-28T12:34:56Z, the time the cases were signed at.
fn signing_time() -> SystemTime {
    SystemTime::UNIX_EPOCH + Duration::from_secs(1_795_869_296)
}

#[test]
fn requests_are_signed_as_botocore_signs_them() {
    let document = cases();
    assert_eq!(document["time"], "2026-11-28T12:34:56Z");
    let cases = document["cases"].as_array().unwrap();
    assert!(cases.len() >= 8);
    for case in cases {
        let label = format!("{} {}", case["service"], case["operation"]);
        let credentials = Credentials::new(
            document["accessKeyId"].as_str().unwrap(),
            document["secretAccessKey"].as_str().unwrap(),
            (case["temporaryCredentials"] == true)
                .then(|| document["sessionToken"].as_str().unwrap().to_owned()),
        );
        let body = base64::engine::general_purpose::STANDARD
            .decode(case["bodyBase64"].as_str().unwrap())
            .unwrap();
        let mut request = http::Request::builder()
            .method(case["method"].as_str().unwrap())
            .uri(case["url"].as_str().unwrap());
        let headers = case["headers"].as_object().unwrap();
        for (name, value) in headers {
            if !SIGNED_BY_BOTOCORE.contains(&name.as_str()) {
                request = request.header(name, value.as_str().unwrap());
            }
        }
        let mut request = request.body(Bytes::from(body)).unwrap();
        // The three services sign with their endpoint prefix.
        let service = case["service"].as_str().unwrap();
        sign_request(
            &mut request,
            &credentials,
            SigningScope {
                region: case["region"].as_str().unwrap(),
                service,
                time: signing_time(),
            },
        )
        .unwrap_or_else(|err| panic!("{label}: {err}"));
        for name in SIGNED_BY_BOTOCORE {
            assert_eq!(
                request.headers().get(name).map(|v| v.to_str().unwrap()),
                headers.get(name).and_then(Value::as_str),
                "{label}: {name}"
            );
        }
    }
}

#[test]
fn signing_again_replaces_the_signature() {
    let credentials = Credentials::new("AKIDEXAMPLE", "secret", None);
    let scope = SigningScope {
        region: "us-east-1",
        service: "apigateway",
        time: signing_time(),
    };
    let mut request = http::Request::builder()
        .uri("https://apigateway.us-east-1.amazonaws.com/restapis")
        .body(Bytes::new())
        .unwrap();
    sign_request(&mut request, &credentials, scope).unwrap();
    let first = request.headers()["authorization"].clone();
    sign_request(&mut request, &credentials, scope).unwrap();
    assert_eq!(request.headers().get_all("authorization").iter().count(), 1);
    assert_eq!(request.headers()["authorization"], first);
    assert!(
        !format!("{credentials:?}").contains("secret\""),
        "{credentials:?}"
    );
}
