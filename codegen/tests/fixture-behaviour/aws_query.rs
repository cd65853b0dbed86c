//! awsQuery requests and responses: members as form pairs under dotted keys
//! (wrapped and flattened lists, maps with named keys and values, nested
//! structures, every scalar), outputs read from `<PutThingResult>`, and errors
//! found by their `awsQueryError` code with the message and request id from
//! the body.

use awsgen_fixture_aws_query::operation::{
    CreateThing, GetLegacyThing, Operation, Ping, PutThing, PutThingError,
};
use awsgen_fixture_aws_query::types::{Color, CreateThingInput, Nested, PutThingInput, Tag};
use awsgen_runtime::bytes::Bytes;
use awsgen_runtime::http;
use awsgen_runtime::primitives::Blob;

fn response(status: u16, body: &str) -> http::Response<Bytes> {
    http::Response::builder()
        .status(status)
        .body(Bytes::from(body.to_owned()))
        .unwrap()
}

#[test]
fn members_become_form_pairs_in_model_order() {
    let input = PutThingInput::builder()
        .name("a b&c")
        .count(3)
        .enabled(false)
        .created(time::macros::datetime!(2015-01-25 08:00:00.5 UTC))
        .expires(time::macros::datetime!(2015-01-25 08:00:00 UTC))
        .data(Blob::new(b"hi".to_vec()))
        .color(Color::Green)
        .tags(Tag::builder().key("k1").value("v1").build())
        .tags(Tag::builder().key("k2").build())
        .aliases("x")
        .aliases("y")
        .labels("b", "2")
        .labels("a", "1")
        .nested(
            Nested::builder()
                .note("outer")
                .inner(Nested::builder().note("inner").build())
                .build(),
        )
        .set_empty(Some(Vec::new()))
        .build()
        .unwrap();
    let request = PutThing::serialize_request(&input).unwrap();
    assert_eq!(request.method(), "POST");
    assert_eq!(request.uri(), "/");
    assert_eq!(
        request.headers()["content-type"],
        "application/x-www-form-urlencoded; charset=utf-8"
    );
    let body = std::str::from_utf8(request.body()).unwrap();
    let pairs: Vec<&str> = body.split('&').collect();
    assert_eq!(
        pairs,
        [
            "Action=PutThing",
            "Version=2020-01-01",
            "Name=a+b%26c",
            "Count=3",
            "Enabled=false",
            "Created=2015-01-25T08%3A00%3A00.5Z",
            "Expires=1422172800",
            "Data=aGk%3D",
            "Color=green",
            "Tags.Tag.1.Key=k1",
            "Tags.Tag.1.Value=v1",
            "Tags.Tag.2.Key=k2",
            // A flattened list repeats under the member's own name.
            "Alias.1=x",
            "Alias.2=y",
            "Labels.entry.1.Name=a",
            "Labels.entry.1.Text=1",
            "Labels.entry.2.Name=b",
            "Labels.entry.2.Text=2",
            "Nested.Note=outer",
            "Nested.Inner.Note=inner",
            // botocore sends an empty list as an empty value.
            "Empty=",
        ]
    );
    assert_eq!(
        request.headers()["content-length"],
        body.len().to_string().as_str()
    );
}

#[test]
fn an_operation_without_input_sends_action_and_version() {
    let request = Ping::serialize_request(&()).unwrap();
    assert_eq!(request.body().as_ref(), b"Action=Ping&Version=2020-01-01");
}

#[test]
fn outputs_are_read_from_the_result_wrapper() {
    let body = r#"<?xml version="1.0" encoding="UTF-8"?>
<PutThingResponse xmlns="https://aws-query.example.com/doc/2020-01-01/">
  <PutThingResult>
    <ThingId>t-1</ThingId>
    <Count>9007199254740993</Count>
    <Ratio>-Infinity</Ratio>
    <Enabled>true</Enabled>
    <Created>2015-01-25T08:00:00Z</Created>
    <Data>aGk=</Data>
    <Color>blue</Color>
    <Tags>
      <Tag><Key>k1</Key><Value>v &amp; w</Value></Tag>
      <Tag><Key>k2</Key></Tag>
    </Tags>
    <Alias>x</Alias>
    <Alias>y</Alias>
    <Labels>
      <entry><Name>a</Name><Text>1</Text></entry>
      <entry><Name>b</Name><Text>2</Text></entry>
    </Labels>
    <Nested><Note>outer</Note><Inner><Note>inner</Note></Inner></Nested>
    <Nothing/>
    <Unmodelled>ignored</Unmodelled>
  </PutThingResult>
  <ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata>
</PutThingResponse>"#;
    let output = PutThing::parse_response(&response(200, body)).unwrap();
    assert_eq!(output.id(), Some("t-1"));
    assert_eq!(output.count(), Some(9_007_199_254_740_993));
    assert_eq!(output.ratio(), Some(f64::NEG_INFINITY));
    assert_eq!(output.enabled(), Some(true));
    assert_eq!(
        output.created(),
        Some(&time::macros::datetime!(2015-01-25 08:00:00 UTC))
    );
    assert_eq!(output.data().map(Blob::as_bytes), Some(&b"hi"[..]));
    // A value this crate does not know is kept.
    assert_eq!(output.color().map(Color::as_str), Some("blue"));
    let tags = output.tags();
    assert_eq!(tags.len(), 2);
    assert_eq!(tags[0].value(), Some("v & w"));
    assert_eq!(tags[1].key(), Some("k2"));
    assert_eq!(output.aliases(), ["x", "y"]);
    let labels: Vec<(&str, &str)> = output
        .labels()
        .map(|labels| labels.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect())
        .unwrap_or_default();
    assert_eq!(labels, [("a", "1"), ("b", "2")]);
    let nested = output.nested().unwrap();
    assert_eq!(nested.inner().and_then(Nested::note), Some("inner"));
    assert!(output.nothing().is_some());
}

#[test]
fn an_output_the_model_wraps_under_another_name_is_read_from_that_wrapper() {
    let body = "<GetLegacyThingResponse><GetLegacyThingResult><Id>wrong</Id></GetLegacyThingResult>\
                <LegacyResult><Id>l-1</Id></LegacyResult></GetLegacyThingResponse>";
    let output = GetLegacyThing::parse_response(&response(200, body)).unwrap();
    assert_eq!(output.id(), Some("l-1"));
}

#[test]
fn an_output_without_members_reads_from_any_body_and_an_empty_one() {
    let wrapped = "<CreateThingResponse><CreateThingResult/></CreateThingResponse>";
    assert!(CreateThing::parse_response(&response(200, wrapped)).is_ok());
    assert!(CreateThing::parse_response(&response(200, "")).is_ok());
}

#[test]
fn a_request_with_a_host_prefix_and_an_idempotency_token_fills_both() {
    let input = CreateThingInput::builder().name("box").build().unwrap();
    let request = CreateThing::serialize_request(&input).unwrap();
    let prefix = request
        .extensions()
        .get::<awsgen_runtime::protocol::HostPrefix>()
        .expect("a host prefix");
    assert_eq!(prefix.0, "box.");
    let body = std::str::from_utf8(request.body()).unwrap();
    let pairs: Vec<&str> = body.split('&').collect();
    assert_eq!(pairs[..3], ["Action=CreateThing", "Version=2020-01-01", "Name=box"]);
    let token = pairs[3].strip_prefix("ClientToken=").expect("a filled token");
    assert_eq!(token.len(), 36, "a UUID: {token}");
    // A token the caller set is sent as it is.
    let input = CreateThingInput::builder().name("box").client_token("mine").build().unwrap();
    let request = CreateThing::serialize_request(&input).unwrap();
    assert!(request.body().ends_with(b"&ClientToken=mine"));
}

#[test]
fn errors_are_typed_by_their_query_code() {
    let body = r#"<ErrorResponse xmlns="https://aws-query.example.com/doc/2020-01-01/">
  <Error>
    <Type>Sender</Type>
    <Code>Thing.Missing</Code>
    <Message>no such thing</Message>
    <Thing>t-9</Thing>
  </Error>
  <RequestId>req-2</RequestId>
</ErrorResponse>"#;
    let error = PutThing::parse_response(&response(404, body)).unwrap_err();
    let PutThingError::ThingMissing(missing) = &error else {
        panic!("not the typed error: {error:?}");
    };
    assert_eq!(missing.thing(), Some("t-9"));
    assert_eq!(missing.message(), Some("no such thing"));
    let meta = error.meta().unwrap();
    assert_eq!(meta.code.as_deref(), Some("Thing.Missing"));
    assert_eq!(meta.request_id.as_deref(), Some("req-2"));
    assert_eq!(meta.status, 404);

    // A code the model does not know keeps what the body says.
    let body = body.replace("Thing.Missing", "Throttling");
    let error = PutThing::parse_response(&response(400, &body)).unwrap_err();
    let meta = error.meta().unwrap();
    assert!(matches!(error, PutThingError::Unhandled(_)), "{error:?}");
    assert_eq!(meta.code.as_deref(), Some("Throttling"));
    assert_eq!(meta.message.as_deref(), Some("no such thing"));
}

#[test]
fn a_malformed_body_is_an_error_naming_the_place() {
    let error = PutThing::parse_response(&response(200, "<PutThingResponse><PutThingResult>"))
        .unwrap_err();
    assert!(matches!(error, PutThingError::InvalidResponse(_)), "{error:?}");
    let body = "<PutThingResponse><PutThingResult><Count>many</Count></PutThingResult></PutThingResponse>";
    let error = PutThing::parse_response(&response(200, body)).unwrap_err();
    let shown = error.to_string();
    assert!(
        shown.contains("PutThingResponse/PutThingResult/Count") && shown.contains("\"many\""),
        "{shown}"
    );
}
