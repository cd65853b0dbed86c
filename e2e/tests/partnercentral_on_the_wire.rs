//! Partner Central Revenue Measurement (smithy-rpc-v2-cbor) through the
//! generated client, answered by `TestHttp`: the request's path, headers,
//! endpoint, signing and CBOR body, and CBOR answers read back, errors too.

use awsgen_partnercentral_revenue_measurement::operation::ListTagsForResourceError;
use awsgen_partnercentral_revenue_measurement::types::Tag;
use awsgen_partnercentral_revenue_measurement::Client;
use awsgen_runtime::bytes::Bytes;
use awsgen_runtime::cbor::ciborium::{self, Value};
use awsgen_runtime::client::TestHttp;
use awsgen_runtime::http;

const ARN: &str =
    "arn:aws:partnercentral:us-east-1:123456789012:catalog/AWS/revenue-attribution/ra-1";

fn cbor(value: &Value) -> Vec<u8> {
    let mut bytes = Vec::new();
    ciborium::into_writer(value, &mut bytes).unwrap();
    bytes
}

fn answer(status: u16, body: &Value) -> http::Response<Bytes> {
    http::Response::builder()
        .status(status)
        .header("smithy-protocol", "rpc-v2-cbor")
        .header("content-type", "application/cbor")
        .header("x-amzn-requestid", "req-42")
        .body(Bytes::from(cbor(body)))
        .unwrap()
}

fn text_map(entries: &[(&str, Value)]) -> Value {
    Value::Map(
        entries
            .iter()
            .map(|(key, value)| (Value::Text((*key).to_owned()), value.clone()))
            .collect(),
    )
}

fn tag(key: &str, value: &str) -> Value {
    text_map(&[("Key", key.into()), ("Value", value.into())])
}

#[tokio::test]
async fn a_call_goes_to_its_rpc_path_in_cbor_and_reads_cbor_back() {
    let http = TestHttp::new(|_| {
        answer(
            200,
            &text_map(&[(
                "tags",
                Value::Array(vec![tag("team", "partners"), tag("env", "prod")]),
            )]),
        )
    });
    let client = Client::new(&awsgen_e2e::test_config().test_http(http.clone()).build());
    let output = client
        .list_tags_for_resource()
        .resource_arn(ARN)
        .send()
        .await
        .unwrap();
    let tags: Vec<(&str, &str)> = output
        .tags()
        .iter()
        .map(|tag: &Tag| {
            (
                tag.key().unwrap_or_default(),
                tag.value().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(tags, [("team", "partners"), ("env", "prod")]);

    let request = &http.requests()[0];
    assert_eq!(request.method(), "POST");
    // Where botocore 1.43.67 sends it, signed the same (its rules name a global endpoint).
    assert_eq!(
        request.uri().to_string(),
        "https://partnercentral-prm.global.api.aws/service/PartnerCentralRevenueMeasurement/operation/ListTagsForResource"
    );
    assert_eq!(request.headers()["smithy-protocol"], "rpc-v2-cbor");
    assert_eq!(request.headers()["accept"], "application/cbor");
    assert_eq!(request.headers()["content-type"], "application/cbor");
    assert!(request.headers().get("x-amz-target").is_none());
    assert_eq!(
        awsgen_e2e::signing_scope(request),
        "us-east-1/partnercentral"
    );
    let sent: Value = ciborium::from_reader(&request.body()[..]).unwrap();
    assert_eq!(sent, text_map(&[("resourceArn", ARN.into())]));
}

#[tokio::test]
async fn errors_are_typed_by_their_type_and_keep_message_and_request_id() {
    let http = TestHttp::new(|_| {
        answer(
            400,
            &text_map(&[
                (
                    "__type",
                    "com.amazonaws.partnercentralrevenuemeasurement#ValidationException".into(),
                ),
                ("Message", "1 validation error detected".into()),
                ("Reason", "REQUEST_VALIDATION_FAILED".into()),
            ]),
        )
    });
    let client = Client::new(&awsgen_e2e::test_config().test_http(http.clone()).build());
    let error = client
        .list_tags_for_resource()
        .resource_arn(ARN)
        .send()
        .await
        .unwrap_err();
    let Some(ListTagsForResourceError::ValidationException(invalid)) = error.as_service_error()
    else {
        panic!("not a ValidationException: {error:?}")
    };
    assert_eq!(invalid.message(), Some("1 validation error detected"));
    assert_eq!(
        invalid.reason().map(|reason| reason.as_str()),
        Some("REQUEST_VALIDATION_FAILED")
    );
    assert_eq!(error.request_id(), Some("req-42"));
    assert_eq!(error.code(), Some("ValidationException"));
}
