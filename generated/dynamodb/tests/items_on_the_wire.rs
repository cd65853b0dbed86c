//! DynamoDB's recursive attribute values on the wire: an item read from a
//! `Query` response goes back out in a `PutItem` request unchanged, and a
//! failed condition comes back as a typed error with the item it found.

use std::collections::BTreeMap;

use awsgen_dynamodb::operation::{Operation, PutItem, PutItemError, Query};
use awsgen_dynamodb::primitives::Blob;
use awsgen_dynamodb::types::{AttributeValue, PutItemInput, ReturnValue};
use awsgen_runtime::bytes::Bytes;
use awsgen_runtime::http;
use serde_json::{json, Value};

fn response(status: u16, body: &Value) -> http::Response<Bytes> {
    http::Response::builder()
        .status(status)
        .header("content-type", "application/x-amz-json-1.0")
        .header("x-amzn-requestid", "REQ123")
        .body(Bytes::from(body.to_string()))
        .unwrap()
}

fn string(value: &str) -> AttributeValue {
    AttributeValue::builder().s(value).build()
}

fn number(value: &str) -> AttributeValue {
    AttributeValue::builder().n(value).build()
}

#[test]
fn a_queried_item_is_put_back_unchanged() {
    let item = json!({
        "pk": {"S": "user#42"},
        "sk": {"N": "1700000000"},
        "avatar": {"B": "AAEgYmluYXJ5"},
        "active": {"BOOL": true},
        "nickname": {"NULL": true},
        "tags": {"SS": ["admin", "beta"]},
        "history": {"L": [{"S": "login"}, {"M": {"at": {"S": "2023-11-14"}, "n": {"N": "3"}}}]},
        "address": {"M": {"geo": {"L": [{"N": "47.37"}, {"N": "8.54"}]}, "zip": {"N": "8001"}}}
    });
    let body = json!({"Items": [item], "Count": 1, "ScannedCount": 3,
                      "LastEvaluatedKey": {"pk": {"S": "user#42"}, "sk": {"N": "1700000000"}}});
    let output = Query::parse_response(&response(200, &body)).unwrap();
    assert_eq!(output.count, Some(1));
    assert_eq!(output.scanned_count, Some(3));
    let items = output.items.unwrap();
    let found = &items[0];
    assert_eq!(found["avatar"].b, Some(Blob::from(&b"\x00\x01 binary"[..])));
    let address = found["address"].m.as_ref().unwrap();
    let geo = address["geo"].l.as_ref().unwrap();
    assert_eq!(geo[1].n.as_deref(), Some("8.54"));

    let input = PutItemInput::builder()
        .table_name("Users")
        .set_item(Some(found.clone()))
        .return_values(ReturnValue::AllOld)
        .build()
        .unwrap();
    let request = PutItem::serialize_request(&input).unwrap();
    assert_eq!(request.method(), "POST");
    assert_eq!(request.uri(), "/");
    assert_eq!(
        request.headers()["x-amz-target"],
        "DynamoDB_20120810.PutItem"
    );
    assert_eq!(
        request.headers()["content-type"],
        "application/x-amz-json-1.0"
    );
    let sent: Value = serde_json::from_slice(request.body()).unwrap();
    assert_eq!(
        sent,
        json!({"TableName": "Users", "Item": item, "ReturnValues": "ALL_OLD"})
    );
}

#[test]
fn items_built_in_rust_nest_maps_and_lists() {
    // Map and list setters add one entry per call.
    let nested = AttributeValue::builder()
        .m("name", string("Joe"))
        .m(
            "scores",
            AttributeValue::builder()
                .l(number("1"))
                .l(number("2.5"))
                .build(),
        )
        .build();
    let item: BTreeMap<String, AttributeValue> = [
        ("pk".to_string(), string("p")),
        ("profile".to_string(), nested),
    ]
    .into();
    let input = PutItemInput::builder()
        .table_name("T")
        .set_item(Some(item))
        .build()
        .unwrap();
    let request = PutItem::serialize_request(&input).unwrap();
    let sent: Value = serde_json::from_slice(request.body()).unwrap();
    assert_eq!(
        sent["Item"]["profile"],
        json!({"M": {"name": {"S": "Joe"}, "scores": {"L": [{"N": "1"}, {"N": "2.5"}]}}})
    );
}

#[test]
fn a_failed_condition_is_a_typed_error_with_the_item() {
    let body = json!({
        "__type": "com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException",
        "message": "The conditional request failed",
        "Item": {"pk": {"S": "user#42"}, "version": {"N": "7"}}
    });
    let err = PutItem::parse_response(&response(400, &body)).unwrap_err();
    assert_eq!(err.code(), Some("ConditionalCheckFailedException"));
    match err {
        PutItemError::ConditionalCheckFailedException(failed) => {
            assert_eq!(failed.message(), Some("The conditional request failed"));
            assert_eq!(failed.item.unwrap()["version"], number("7"));
        }
        other => panic!("expected ConditionalCheckFailedException, got {other:?}"),
    }
}

#[test]
fn an_undocumented_error_keeps_code_message_and_request_id() {
    let body =
        json!({"__type": "com.amazon.coral.validate#ValidationException", "message": "bad key"});
    match PutItem::parse_response(&response(400, &body)).unwrap_err() {
        PutItemError::Unhandled(unhandled) => {
            assert_eq!(unhandled.code.as_deref(), Some("ValidationException"));
            assert_eq!(unhandled.message.as_deref(), Some("bad key"));
            assert_eq!(unhandled.request_id.as_deref(), Some("REQ123"));
            assert_eq!(unhandled.status, 400);
        }
        other => panic!("expected Unhandled, got {other:?}"),
    }
}

#[test]
fn an_exception_the_operation_does_not_list_is_still_typed() {
    // `PutItem` does not list `TableInUseException`, but the service models it:
    // botocore looks error codes up across the whole service, and so does this.
    let body = json!({"__type": "com.amazonaws.dynamodb.v20120810#TableInUseException", "message": "busy"});
    let err = PutItem::parse_response(&response(400, &body)).unwrap_err();
    assert_eq!(err.code(), Some("TableInUseException"));
    // Every error shows its code, message, status and request id, and gives them the same way.
    assert_eq!(
        err.to_string(),
        "TableInUseException: busy (HTTP 400) [request id REQ123]"
    );
    assert_eq!(err.message(), Some("busy"));
    assert_eq!(err.meta().unwrap().request_id.as_deref(), Some("REQ123"));
    assert_eq!(err.meta().unwrap().status, 400);
    match err {
        PutItemError::Unlisted(awsgen_dynamodb::Error::TableInUseException(in_use)) => {
            assert_eq!(in_use.message(), Some("busy"));
            let meta = in_use.meta().expect("read from a response");
            assert_eq!(meta.request_id.as_deref(), Some("REQ123"));
        }
        other => panic!("expected Unlisted(TableInUseException), got {other:?}"),
    }
}

/// Two operations and a build, one error type: what `?` into the
/// service-wide error looks like in a caller's code.
fn put_then_query(
    put: &http::Response<Bytes>,
    query: &http::Response<Bytes>,
) -> Result<usize, awsgen_dynamodb::Error> {
    let input = PutItemInput::builder()
        .table_name("T")
        .item("pk", string("a"))
        .build()?;
    PutItem::serialize_request(&input)?;
    PutItem::parse_response(put)?;
    let output = Query::parse_response(query)?;
    Ok(output.count.unwrap_or_default() as usize)
}

#[test]
fn every_error_converts_into_the_service_error() {
    // Small enough that a caller's `Result<_, Error>` passes clippy's `result_large_err`.
    assert!(std::mem::size_of::<awsgen_dynamodb::Error>() < 128);
    let ok = response(200, &json!({}));
    let counted = response(200, &json!({"Count": 2, "Items": []}));
    assert_eq!(put_then_query(&ok, &counted).unwrap(), 2);

    let failed = json!({"__type": "ConditionalCheckFailedException", "message": "no"});
    match put_then_query(&response(400, &failed), &counted).unwrap_err() {
        awsgen_dynamodb::Error::ConditionalCheckFailedException(error) => {
            assert_eq!(error.message(), Some("no"));
        }
        other => panic!("expected ConditionalCheckFailedException, got {other:?}"),
    }

    let missing = json!({"__type": "ResourceNotFoundException", "message": "no table"});
    let err = put_then_query(&ok, &response(400, &missing)).unwrap_err();
    assert_eq!(err.code(), Some("ResourceNotFoundException"));

    let without_item = || -> Result<(), awsgen_dynamodb::Error> {
        PutItemInput::builder().table_name("T").build()?;
        Ok(())
    };
    assert!(matches!(
        without_item(),
        Err(awsgen_dynamodb::Error::Build(_))
    ));

    let unknown = json!({"__type": "SomethingNewException", "message": "new"});
    match put_then_query(&ok, &response(400, &unknown)).unwrap_err() {
        awsgen_dynamodb::Error::Unhandled(meta) => {
            assert_eq!(meta.code.as_deref(), Some("SomethingNewException"));
            assert_eq!(meta.status, 400);
        }
        other => panic!("expected Unhandled, got {other:?}"),
    }
}

#[test]
fn a_malformed_body_is_an_error_not_a_panic() {
    let response = http::Response::builder()
        .status(200)
        .header("x-amzn-requestid", "REQ9")
        .body(Bytes::from_static(b"{\"Items\": [{\"pk\": {\"S\": 42}}]}"))
        .unwrap();
    let err = Query::parse_response(&response).unwrap_err();
    assert!(err.to_string().contains("QueryOutput"), "{err}");
    // An unreadable response keeps its status and request id like any other error.
    assert!(
        err.to_string().ends_with("(HTTP 200) [request id REQ9]"),
        "{err}"
    );
    assert_eq!(err.meta().unwrap().request_id.as_deref(), Some("REQ9"));
    assert_eq!(err.code(), None);
}
