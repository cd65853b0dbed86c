//! awsJson requests: every member in the body (a `location` means nothing to
//! an RPC protocol), an unset idempotency token filled in, the host prefix
//! from a host label; errors found by their query-compatible code.

use awsgen_fixture_aws_json::operation::{Operation, Ping, PingError, PutThing, PutThingError};
use awsgen_fixture_aws_json::protocol::HostPrefix;
use awsgen_fixture_aws_json::types::PutThingInput;
use awsgen_runtime::bytes::Bytes;
use awsgen_runtime::http;
use serde_json::{json, Value};

#[test]
fn every_member_travels_in_the_body_and_the_token_is_filled() {
    let input = PutThingInput::builder()
        .zone("eu1")
        .name("widget")
        .title("Widget")
        .build()
        .unwrap();
    let request = PutThing::serialize_request(&input).unwrap();
    assert_eq!(request.headers()["x-amz-target"], "FixtureService_20200101.PutThing");
    assert_eq!(request.headers()["content-type"], "application/x-amz-json-1.0");
    assert_eq!(request.headers()["x-amzn-query-mode"], "true");
    assert!(request.headers().get("x-ignored-by-rpc").is_none());
    let body: Value = serde_json::from_slice(request.body()).unwrap();
    assert_eq!(body["Zone"], "eu1");
    // The member's shape names its key: botocore merges shape traits into members.
    assert_eq!(body["title"], "Widget");
    // botocore keys body members by `locationName` whatever their `location`.
    assert_eq!(body["x-ignored-by-rpc"], "widget");
    let token = body["Token"].as_str().expect("a token is generated");
    assert_eq!(token.len(), 36, "a UUID: {token}");
    assert_eq!(
        request.extensions().get::<HostPrefix>(),
        Some(&HostPrefix("eu1.".to_string()))
    );
    // A token the caller sets is sent as it is.
    let chosen = PutThingInput::builder().zone("eu1").name("w").token("mine").build().unwrap();
    let body: Value =
        serde_json::from_slice(PutThing::serialize_request(&chosen).unwrap().body()).unwrap();
    assert_eq!(body["Token"], "mine");
}

#[test]
fn an_operation_without_input_sends_an_empty_document() {
    let request = Ping::serialize_request(&()).unwrap();
    assert_eq!(request.body().as_ref(), b"{}");
}

#[test]
fn the_wire_carries_the_operation_name_and_rust_the_key() {
    // The model's key is `Ping`, its `name` `Ping2020_01_01`; it has no `http`.
    let request = Ping::serialize_request(&()).unwrap();
    assert_eq!(request.headers()["x-amz-target"], "FixtureService_20200101.Ping2020_01_01");
    assert_eq!(request.method(), http::Method::POST);
    assert_eq!(request.uri().path(), "/");
    assert_eq!(<Ping as Operation>::NAME, "Ping");
}

#[test]
fn an_invalid_host_label_is_refused() {
    let input = PutThingInput::builder().zone("not a label").name("w").build().unwrap();
    assert!(PutThing::serialize_request(&input).is_err());
}

#[test]
fn errors_are_found_by_their_query_code() {
    let response = http::Response::builder()
        .status(404)
        .header("x-amzn-query-error", "AWS.Fixture.ThingMissing;Sender")
        .body(Bytes::from(
            json!({"__type": "com.fixture#ThingMissing", "message": "gone"}).to_string(),
        ))
        .unwrap();
    match PutThing::parse_response(&response).unwrap_err() {
        PutThingError::ThingMissing(error) => assert_eq!(error.message(), Some("gone")),
        other => panic!("expected ThingMissing, got {other:?}"),
    }
    // `Throttled` has no `message` member; the message the response carried
    // is kept anyway, with the rest of what the response said.
    let throttled = http::Response::builder()
        .status(400)
        .header("x-amzn-requestid", "req-42")
        .body(Bytes::from(
            json!({"__type": "com.fixture#Throttled", "message": "slow down"}).to_string(),
        ))
        .unwrap();
    match PutThing::parse_response(&throttled).unwrap_err() {
        PutThingError::Throttled(error) => {
            assert_eq!(error.message(), Some("slow down"));
            assert_eq!(
                error.to_string(),
                "Throttled: slow down (HTTP 400) [request id req-42]"
            );
            let meta = error.meta().expect("read from a response");
            assert_eq!(meta.status, 400);
            assert_eq!(meta.request_id.as_deref(), Some("req-42"));
            assert_eq!(meta.code.as_deref(), Some("Throttled"));
        }
        other => panic!("expected Throttled, got {other:?}"),
    }
}

#[test]
fn a_code_two_exceptions_share_reads_as_the_later_one() {
    let response = http::Response::builder()
        .status(404)
        .header("x-amzn-query-error", "Gone;Sender")
        .body(Bytes::from(
            json!({"__type": "com.fixture#Gone", "message": "moved away"}).to_string(),
        ))
        .unwrap();
    // Ping lists ZoneGone, but botocore's code lookup keeps the last
    // exception in the document with the code: AreaGone.
    match Ping::parse_response(&response).unwrap_err() {
        PingError::Unlisted(awsgen_fixture_aws_json::Error::AreaGone(error)) => {
            assert_eq!(error.message(), Some("moved away"));
        }
        other => panic!("expected AreaGone, got {other:?}"),
    }
}
