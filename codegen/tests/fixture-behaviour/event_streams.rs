//! A model with an event-stream operation generates: the streaming
//! operation's types exist, it has no wire code (its marker type does not
//! implement `Operation`), and the other operations work as usual.

use awsgen_fixture_event_streams::operation::{Invoke, InvokeWithResponseStream, Operation};
use awsgen_fixture_event_streams::types::{
    InvokeComplete, InvokeRequest, InvokeWithResponseStreamResponse, PayloadChunk, ResponseEvents,
};
use awsgen_runtime::bytes::Bytes;
use awsgen_runtime::http;

/// `Operation` for types that implement it, and a plain `false` otherwise
/// (autoref specialisation: the inherent-looking trait on `&T` wins only when
/// the bound holds).
trait NotAnOperation {
    fn is_operation(&self) -> bool {
        false
    }
}
impl<T> NotAnOperation for &T {}
struct Probe<T>(std::marker::PhantomData<T>);
impl<T: Operation> Probe<T> {
    fn is_operation(&self) -> bool {
        true
    }
}

#[test]
fn the_streaming_operation_has_types_but_no_wire_code() {
    assert!(Probe::<Invoke>(std::marker::PhantomData).is_operation());
    assert!(!(&Probe::<InvokeWithResponseStream>(std::marker::PhantomData)).is_operation());
    let events = ResponseEvents::builder()
        .payload_chunk(PayloadChunk::builder().payload(b"part".to_vec()).build())
        .invoke_complete(InvokeComplete::builder().log_result("done").build())
        .build();
    let response = InvokeWithResponseStreamResponse::builder()
        .status_code(200)
        .event_stream(events.clone())
        .build();
    assert_eq!(response.event_stream, Some(events));
}

#[test]
fn the_other_operations_work() {
    let input = InvokeRequest::builder()
        .function_name("f")
        .payload(b"{}".to_vec())
        .build()
        .unwrap();
    let request = Invoke::serialize_request(&input).unwrap();
    assert_eq!(request.uri().path(), "/functions/f/invocations");
    let response = http::Response::builder()
        .status(200)
        .body(Bytes::from_static(b"answer"))
        .unwrap();
    let output = Invoke::parse_response(&response).unwrap();
    assert_eq!(output.status_code, Some(200));
    assert_eq!(output.payload.as_ref().map(|p| p.as_ref()), Some(&b"answer"[..]));
}
