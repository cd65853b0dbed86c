//! The downstream functions against canned responses: the results, and every
//! kind of error arriving as the service's one error type with its metadata.

use awsgen_apigateway::bytes::Bytes;
use awsgen_apigateway::http::{Request, Response};
use awsgen_downstream::{prod_variables, put_and_count, Transport};

/// Answers each request by its path (REST) or `X-Amz-Target` (JSON RPC).
struct Canned(Vec<(&'static str, u16, &'static str)>);

impl Transport for Canned {
    fn send(&mut self, request: Request<Bytes>) -> Response<Bytes> {
        let target = request
            .headers()
            .get("x-amz-target")
            .map(|value| value.to_str().unwrap().to_owned());
        let key = target.unwrap_or_else(|| request.uri().path().to_owned());
        let (_, status, body) = self
            .0
            .iter()
            .find(|(route, _, _)| *route == key)
            .unwrap_or_else(|| panic!("no canned response for {key}"));
        Response::builder()
            .status(*status)
            .header("x-amzn-requestid", "req-1")
            .body(Bytes::from_static(body.as_bytes()))
            .unwrap()
    }
}

#[test]
fn two_operations_read_with_accessors() {
    let mut transport = Canned(vec![
        (
            "/restapis",
            200,
            r#"{"item": [{"id": "a1", "name": "shop"}, {"id": "b2", "name": "blog"}]}"#,
        ),
        (
            "/restapis/a1/stages/prod",
            200,
            r#"{"stageName": "prod", "variables": {"env": "prod"}}"#,
        ),
        ("/restapis/b2/stages/prod", 200, r#"{"stageName": "prod"}"#),
    ]);
    assert_eq!(
        prod_variables(&mut transport).unwrap(),
        [("shop".to_owned(), "env".to_owned(), "prod".to_owned())]
    );
}

#[test]
fn an_error_in_the_second_operation_keeps_its_request_id() {
    let mut transport = Canned(vec![
        (
            "/restapis",
            200,
            r#"{"item": [{"id": "a1", "name": "shop"}]}"#,
        ),
        (
            "/restapis/a1/stages/prod",
            404,
            r#"{"message": "Invalid stage identifier specified"}"#,
        ),
    ]);
    // rest-json takes the code from `x-amzn-errortype`; without it the error is unhandled.
    let err = prod_variables(&mut transport).unwrap_err();
    assert_eq!(err.message(), Some("Invalid stage identifier specified"));
    assert_eq!(err.meta().unwrap().request_id.as_deref(), Some("req-1"));
    assert_eq!(err.meta().unwrap().status, 404);
    assert!(
        err.to_string().ends_with("(HTTP 404) [request id req-1]"),
        "{err}"
    );
}

#[test]
fn an_api_without_an_id_is_a_request_error_naming_the_label() {
    let mut transport = Canned(vec![(
        "/restapis",
        200,
        r#"{"item": [{"name": "nameless"}]}"#,
    )]);
    // An empty id passes the builder, and is refused when the URI is made.
    match prod_variables(&mut transport).unwrap_err() {
        awsgen_apigateway::Error::Request(error) => {
            assert_eq!(
                error.to_string(),
                "the URI label member `restApiId` must not be empty"
            )
        }
        other => panic!("expected a request error, got {other:?}"),
    }
}

#[test]
fn dynamodb_write_then_read() {
    let mut transport = Canned(vec![
        ("DynamoDB_20120810.PutItem", 200, "{}"),
        (
            "DynamoDB_20120810.Query",
            200,
            r#"{"Count": 1, "Items": [{"pk": {"S": "k"}}]}"#,
        ),
    ]);
    assert_eq!(put_and_count(&mut transport, "k").unwrap(), 1);

    let mut failing = Canned(vec![(
        "DynamoDB_20120810.PutItem",
        400,
        r#"{"__type": "com.amazonaws.dynamodb.v20120810#ResourceNotFoundException", "message": "no table"}"#,
    )]);
    match put_and_count(&mut failing, "k").unwrap_err() {
        awsgen_dynamodb::Error::ResourceNotFoundException(error) => {
            assert_eq!(error.message(), Some("no table"));
            assert_eq!(error.meta().unwrap().request_id.as_deref(), Some("req-1"));
        }
        other => panic!("expected ResourceNotFoundException, got {other:?}"),
    }
}
