//! Code a user writes against two generated crates, with nothing but their
//! public API: building inputs with appending setters, reading outputs with
//! accessors, and one error type per service that `?` collects everything
//! into. The operations are given canned HTTP responses, as a transport
//! would return them; `tests/` feeds them.

use awsgen_apigateway::operation::{GetRestApis, GetStage};
use awsgen_apigateway::prelude::*;
use awsgen_apigateway::types::{GetRestApisRequest, GetStageRequest};
use awsgen_dynamodb::operation::{PutItem, Query};
use awsgen_dynamodb::prelude::*;
use awsgen_dynamodb::types::{AttributeValue, PutItemInput, QueryInput};

/// Stands in for an HTTP client: the response the service would give to `request`.
pub trait Transport {
    /// Sends the request and returns the response.
    fn send(
        &mut self,
        request: awsgen_apigateway::http::Request<awsgen_apigateway::bytes::Bytes>,
    ) -> awsgen_apigateway::http::Response<awsgen_apigateway::bytes::Bytes>;
}

/// The stage variables of every API's `prod` stage: two operations, one error type.
pub fn prod_variables(
    transport: &mut impl Transport,
) -> Result<Vec<(String, String, String)>, awsgen_apigateway::Error> {
    let apis = GetRestApis::parse_response(&transport.send(GetRestApis::serialize_request(
        &GetRestApisRequest::builder().limit(25).build(),
    )?))?;
    let mut found = Vec::new();
    for api in apis.items() {
        let input = GetStageRequest::builder()
            .rest_api_id(api.id().unwrap_or_default())
            .stage_name("prod")
            .build()?;
        let stage =
            GetStage::parse_response(&transport.send(GetStage::serialize_request(&input)?))?;
        for (name, value) in stage.variables().into_iter().flatten() {
            found.push((
                api.name().unwrap_or_default().to_owned(),
                name.clone(),
                value.clone(),
            ));
        }
    }
    Ok(found)
}

/// Stores a counter and reads back how many items share its key: a write and
/// a read, with `?` into DynamoDB's one error type.
pub fn put_and_count(
    transport: &mut impl Transport,
    key: &str,
) -> Result<i32, awsgen_dynamodb::Error> {
    let put = PutItemInput::builder()
        .table_name("counters")
        .item("pk", AttributeValue::builder().s(key).build())
        .item("count", AttributeValue::builder().n("1").build())
        .build()?;
    PutItem::parse_response(&transport.send(PutItem::serialize_request(&put)?))?;
    let query = QueryInput::builder()
        .table_name("counters")
        .key_condition_expression("pk = :pk")
        .expression_attribute_values(":pk", AttributeValue::builder().s(key).build())
        .build()?;
    let output = Query::parse_response(&transport.send(Query::serialize_request(&query)?))?;
    Ok(output.count().unwrap_or_default())
}
