//! ec2Query: keys from `queryName`, else the capitalised `locationName`;
//! lists always flattened and empty ones not sent; responses read from the
//! root with `item` lists; errors from `<Response><Errors><Error>` with the
//! request id in `<RequestID>`.

use awsgen_fixture_ec2_query::operation::{DescribeThings, DescribeThingsError, Operation};
use awsgen_fixture_ec2_query::types::{DescribeThingsRequest, Filter, State};
use awsgen_runtime::bytes::Bytes;
use awsgen_runtime::http;

fn response(status: u16, body: &str) -> http::Response<Bytes> {
    http::Response::builder()
        .status(status)
        .body(Bytes::from(body.to_owned()))
        .unwrap()
}

#[test]
fn keys_follow_ec2_naming() {
    let input = DescribeThingsRequest::builder()
        .thing_ids("i-1")
        .thing_ids("i-2")
        .filters(Filter::builder().name("state").values("running").build())
        .dry_run(true)
        .max_results(5)
        .set_empty(Some(Vec::new()))
        .build();
    let request = DescribeThings::serialize_request(&input).unwrap();
    assert_eq!(
        std::str::from_utf8(request.body()).unwrap(),
        "Action=DescribeThings&Version=2016-11-15\
         &ThingId.1=i-1&ThingId.2=i-2\
         &Filter.1.Name=state&Filter.1.Value.1=running\
         &DryRun=true&Limit=5"
    );
}

#[test]
fn responses_are_read_from_the_root() {
    let body = r#"<DescribeThingsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
    <requestId>r-1</requestId>
    <thingSet>
        <item>
            <thingId>i-1</thingId>
            <state>running</state>
            <tagSet><item><key>Name</key><value>web</value></item></tagSet>
        </item>
        <item><thingId>i-2</thingId><state>pending</state></item>
    </thingSet>
    <nextToken>next</nextToken>
</DescribeThingsResponse>"#;
    let output = DescribeThings::parse_response(&response(200, body)).unwrap();
    let things = output.things();
    assert_eq!(things.len(), 2);
    assert_eq!(things[0].thing_id(), Some("i-1"));
    assert_eq!(things[0].state(), Some(&State::Running));
    assert_eq!(things[0].tags()[0].value(), Some("web"));
    assert_eq!(things[1].state(), Some(&State::Pending));
    assert_eq!(output.next_token(), Some("next"));
}

#[test]
fn errors_carry_the_code_and_request_id() {
    let body = r#"<?xml version="1.0" encoding="UTF-8"?>
<Response><Errors><Error><Code>InvalidThingID.NotFound</Code><Message>The thing 'i-9' does not exist</Message></Error></Errors><RequestID>r-2</RequestID></Response>"#;
    let error = DescribeThings::parse_response(&response(400, body)).unwrap_err();
    assert!(matches!(error, DescribeThingsError::Unhandled(_)), "{error:?}");
    let meta = error.meta().unwrap();
    assert_eq!(meta.code.as_deref(), Some("InvalidThingID.NotFound"));
    assert_eq!(meta.message.as_deref(), Some("The thing 'i-9' does not exist"));
    assert_eq!(meta.request_id.as_deref(), Some("r-2"));
}
