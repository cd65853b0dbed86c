//! Lambda, a rest-json service with event-stream operations: `Invoke` on the
//! wire (headers in both directions, a raw payload, a function error that is
//! still a 200), typed errors, and `InvokeWithResponseStream`, whose types are
//! generated while the operation itself has no wire code yet.

use awsgen_lambda::operation::{
    DeleteFunction, GetFunction, GetFunctionError, Invoke, InvokeWithResponseStream, Operation,
};
use awsgen_lambda::types::{
    GetFunctionRequest, InvocationRequest, InvocationType, InvokeResponseStreamUpdate,
    InvokeWithResponseStreamResponse, InvokeWithResponseStreamResponseEvent, LogType,
};
use awsgen_runtime::bytes::Bytes;
use awsgen_runtime::http;

#[test]
fn invoke_sends_its_payload_raw_with_its_headers() {
    let input = InvocationRequest::builder()
        .function_name("orders")
        .invocation_type(InvocationType::RequestResponse)
        .log_type(LogType::Tail)
        .qualifier("prod")
        .payload(br#"{"order": 42}"#.to_vec())
        .build()
        .unwrap();
    let request = Invoke::serialize_request(&input).unwrap();
    assert_eq!(request.method(), http::Method::POST);
    assert_eq!(
        request.uri(),
        "/2015-03-31/functions/orders/invocations?Qualifier=prod"
    );
    assert_eq!(
        request.headers()["x-amz-invocation-type"],
        "RequestResponse"
    );
    assert_eq!(request.headers()["x-amz-log-type"], "Tail");
    assert_eq!(request.body().as_ref(), br#"{"order": 42}"#);
}

#[test]
fn a_function_error_is_a_successful_invoke_that_says_so() {
    let response = http::Response::builder()
        .status(200)
        .header("x-amz-function-error", "Unhandled")
        .header("x-amz-executed-version", "$LATEST")
        .body(Bytes::from_static(br#"{"errorMessage": "boom"}"#))
        .unwrap();
    let output = Invoke::parse_response(&response).unwrap();
    assert_eq!(output.status_code, Some(200));
    assert_eq!(output.function_error.as_deref(), Some("Unhandled"));
    assert_eq!(output.executed_version.as_deref(), Some("$LATEST"));
    assert_eq!(
        output.payload.as_ref().map(|p| p.as_ref()),
        Some(&br#"{"errorMessage": "boom"}"#[..])
    );
}

#[test]
fn a_missing_function_is_its_typed_error() {
    let response = http::Response::builder()
        .status(404)
        .header("x-amzn-errortype", "ResourceNotFoundException")
        .header("content-type", "application/json")
        .body(Bytes::from_static(
            br#"{"Type": "User", "Message": "Function not found"}"#,
        ))
        .unwrap();
    match GetFunction::parse_response(&response) {
        Err(GetFunctionError::ResourceNotFoundException(error)) => {
            assert_eq!(error.message.as_deref(), Some("Function not found"));
            assert_eq!(error.type_.as_deref(), Some("User"));
        }
        other => panic!("expected ResourceNotFoundException, got {other:?}"),
    }
    let input = GetFunctionRequest::builder()
        .function_name("orders")
        .build()
        .unwrap();
    assert_eq!(
        GetFunction::serialize_request(&input).unwrap().uri(),
        "/2015-03-31/functions/orders"
    );
}

#[test]
fn the_streaming_invoke_has_its_types_but_no_wire_code() {
    // Its marker type exists and documents why it cannot be sent; it does not
    // implement `Operation`, so `InvokeWithResponseStream::serialize_request`
    // does not compile.
    let _marker = InvokeWithResponseStream::default();
    let chunk = InvokeResponseStreamUpdate::builder()
        .payload(b"partial".to_vec())
        .build();
    let event = InvokeWithResponseStreamResponseEvent::builder()
        .payload_chunk(chunk)
        .build();
    let output = InvokeWithResponseStreamResponse::builder()
        .status_code(200)
        .event_stream(event)
        .build();
    let document = serde_json::to_value(&output).unwrap();
    assert_eq!(document["StatusCode"], 200);
    let back: InvokeWithResponseStreamResponse = serde_json::from_value(document).unwrap();
    assert_eq!(back, output);
}

#[test]
fn only_operations_the_model_marks_idempotent_say_so() {
    const { assert!(DeleteFunction::IDEMPOTENT) };
    const { assert!(!Invoke::IDEMPOTENT) };
}
