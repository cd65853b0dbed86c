//! SQS over awsJson 1.0 with its query-compatible errors: a message sent with
//! attributes, received back, and the errors SQS answers with.

use awsgen_runtime::bytes::Bytes;
use awsgen_runtime::http;
use awsgen_sqs::operation::{
    Operation, ReceiveMessage, ReceiveMessageError, SendMessage, SendMessageError,
};
use awsgen_sqs::primitives::Blob;
use awsgen_sqs::types::{MessageAttributeValue, ReceiveMessageRequest, SendMessageRequest};
use serde_json::{json, Value};

const QUEUE: &str = "https://sqs.us-east-1.amazonaws.com/123456789012/orders";

fn response(status: u16, headers: &[(&str, &str)], body: &Value) -> http::Response<Bytes> {
    let mut builder = http::Response::builder()
        .status(status)
        .header("content-type", "application/x-amz-json-1.0");
    for (name, value) in headers {
        builder = builder.header(*name, *value);
    }
    builder.body(Bytes::from(body.to_string())).unwrap()
}

#[test]
fn send_message_writes_attributes_and_asks_for_query_errors() {
    let input = SendMessageRequest::builder()
        .queue_url(QUEUE)
        .message_body("{\"order\": 42}")
        .delay_seconds(5)
        .message_attributes(
            "kind",
            MessageAttributeValue::builder()
                .data_type("String")
                .string_value("created")
                .build()
                .unwrap(),
        )
        .message_attributes(
            "checksum",
            MessageAttributeValue::builder()
                .data_type("Binary")
                .binary_value(Blob::from(&[0u8, 1, 2][..]))
                .build()
                .unwrap(),
        )
        .build()
        .unwrap();
    let request = SendMessage::serialize_request(&input).unwrap();
    assert_eq!(request.headers()["x-amz-target"], "AmazonSQS.SendMessage");
    assert_eq!(request.headers()["x-amzn-query-mode"], "true");
    let sent: Value = serde_json::from_slice(request.body()).unwrap();
    assert_eq!(
        sent,
        json!({
            "QueueUrl": QUEUE, "MessageBody": "{\"order\": 42}", "DelaySeconds": 5,
            "MessageAttributes": {
                "checksum": {"DataType": "Binary", "BinaryValue": "AAEC"},
                "kind": {"DataType": "String", "StringValue": "created"}
            }
        })
    );
}

#[test]
fn receive_message_reads_messages_and_their_attributes() {
    let input = ReceiveMessageRequest::builder()
        .queue_url(QUEUE)
        .max_number_of_messages(10)
        .wait_time_seconds(20)
        .build()
        .unwrap();
    let request = ReceiveMessage::serialize_request(&input).unwrap();
    let sent: Value = serde_json::from_slice(request.body()).unwrap();
    assert_eq!(
        sent,
        json!({"QueueUrl": QUEUE, "MaxNumberOfMessages": 10, "WaitTimeSeconds": 20})
    );

    let body = json!({"Messages": [
        {"MessageId": "m1", "ReceiptHandle": "r1", "Body": "{\"order\": 42}",
         "Attributes": {"ApproximateReceiveCount": "1"},
         "MessageAttributes": {"checksum": {"DataType": "Binary", "BinaryValue": "AAEC"}}},
        {"MessageId": "m2", "ReceiptHandle": "r2", "Body": "second"}
    ]});
    let output = ReceiveMessage::parse_response(&response(200, &[], &body)).unwrap();
    let messages = output.messages.unwrap();
    assert_eq!(messages.len(), 2);
    assert_eq!(messages[0].body.as_deref(), Some("{\"order\": 42}"));
    let checksum = &messages[0].message_attributes.as_ref().unwrap()["checksum"];
    assert_eq!(checksum.binary_value, Some(Blob::from(&[0u8, 1, 2][..])));
    assert_eq!(messages[1].receipt_handle.as_deref(), Some("r2"));

    let empty = ReceiveMessage::parse_response(&response(200, &[], &json!({}))).unwrap();
    assert_eq!(empty.messages, None);
}

#[test]
fn a_missing_queue_is_a_typed_error_though_the_query_code_differs() {
    let body = json!({"__type": "com.amazonaws.sqs#QueueDoesNotExist", "message": "The specified queue does not exist."});
    let headers = [(
        "x-amzn-query-error",
        "AWS.SimpleQueueService.NonExistentQueue;Sender",
    )];
    match SendMessage::parse_response(&response(400, &headers, &body)).unwrap_err() {
        SendMessageError::QueueDoesNotExist(error) => {
            assert_eq!(error.message(), Some("The specified queue does not exist."));
        }
        other => panic!("expected QueueDoesNotExist, got {other:?}"),
    }
}

#[test]
fn an_unmodeled_query_error_reports_the_query_code_and_type() {
    let body = json!({"__type": "com.amazonaws.sqs#InvalidParameterValue", "message": "bad value"});
    let headers = [
        ("x-amzn-query-error", "InvalidParameterValue.Custom;Sender"),
        ("x-amzn-requestid", "R1"),
    ];
    match ReceiveMessage::parse_response(&response(400, &headers, &body)).unwrap_err() {
        ReceiveMessageError::Unhandled(unhandled) => {
            assert_eq!(
                unhandled.code.as_deref(),
                Some("InvalidParameterValue.Custom")
            );
            assert_eq!(unhandled.error_type.as_deref(), Some("Sender"));
            assert_eq!(unhandled.request_id.as_deref(), Some("R1"));
        }
        other => panic!("expected Unhandled, got {other:?}"),
    }
}
