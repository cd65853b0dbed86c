//! The runtime's wire rules on their own: request assembly, text forms of
//! values, error codes as botocore reads them, and the JSON document forms.

use awsgen_runtime::bytes::Bytes;
use awsgen_runtime::http;
use awsgen_runtime::primitives::{timestamp, Blob, FloatWire, OptionFloatIn, UnknownVariantValue};
use awsgen_runtime::protocol::{
    error_code, error_message, header_list, parse_timestamp_header, push_host_label, push_label,
    query_compatible_error_code, query_error_code, split_header_list, split_http_date_list,
    timestamp_text, ErrorMeta, Query, RequestError, RequestParts, TimestampText,
};
use time::macros::datetime;

fn response(headers: &[(&str, &str)], body: &str) -> http::Response<Bytes> {
    let mut builder = http::Response::builder().status(400);
    for (name, value) in headers {
        builder = builder.header(*name, *value);
    }
    builder.body(Bytes::from(body.to_owned())).unwrap()
}

#[test]
fn labels_encode_everything_but_unreserved_bytes() {
    let mut path = String::from("/restapis/");
    push_label(&mut path, "restApiId", "a b/c:d?é~", false).unwrap();
    assert_eq!(path, "/restapis/a%20b%2Fc%3Ad%3F%C3%A9~");
    let mut greedy = String::from("/");
    push_label(&mut greedy, "key", "dir/file name", true).unwrap();
    assert_eq!(greedy, "/dir/file%20name");
    assert!(matches!(
        push_label(&mut String::new(), "key", "", false),
        Err(RequestError::EmptyLabel { member: "key" })
    ));
}

#[test]
fn named_query_members_win_over_map_entries() {
    let mut query = Query::new("static=1");
    query.push("limit", "10");
    query.push_from_map("limit", "99");
    query.push_from_map("extra", "a&b");
    query.push_from_map("extra", "c");
    assert_eq!(query.finish(), "static=1&limit=10&extra=a%26b&extra=c");
}

#[test]
fn host_labels_must_be_dns_labels() {
    let mut prefix = String::new();
    push_host_label(&mut prefix, "label", "bar-1").unwrap();
    assert_eq!(prefix, "bar-1");
    for bad in ["", "-x", "a.b", "a b", &"x".repeat(64)] {
        assert!(
            push_host_label(&mut String::new(), "label", bad).is_err(),
            "{bad:?}"
        );
    }
}

#[test]
fn requests_get_content_length_and_refuse_bad_headers() {
    let mut parts = RequestParts::new("POST", "/".into(), String::new());
    parts.header("X-Amz-Target", "Svc.Op");
    parts.body("application/x-amz-json-1.0", &b"{}"[..]);
    let request = parts.finish().unwrap();
    assert_eq!(request.headers()["content-length"], "2");
    assert_eq!(
        request.headers()["content-type"],
        "application/x-amz-json-1.0"
    );

    let mut parts = RequestParts::new("GET", "/items/a%20b".into(), "limit=1".into());
    parts.header("X-Amz-Meta-Tag", "one");
    parts.header("X-Amz-Meta-Tag", "two");
    let request = parts.finish().unwrap();
    assert_eq!(request.method(), "GET");
    assert_eq!(request.uri(), "/items/a%20b?limit=1");
    let tags: Vec<_> = request.headers().get_all("x-amz-meta-tag").iter().collect();
    assert_eq!(tags, ["one", "two"]);
    assert!(request.headers().get("content-length").is_none());

    // botocore states the length of every request but GET, HEAD and OPTIONS.
    for (method, stated) in [
        ("POST", true),
        ("DELETE", true),
        ("PUT", true),
        ("HEAD", false),
        ("OPTIONS", false),
    ] {
        let request = RequestParts::new(method, "/".into(), String::new())
            .finish()
            .unwrap();
        assert_eq!(
            request
                .headers()
                .get("content-length")
                .map(|v| v.to_str().unwrap()),
            stated.then_some("0"),
            "{method}"
        );
    }

    for (name, value) in [("x-bad", "line\nbreak"), ("bad name", "value")] {
        let mut parts = RequestParts::new("GET", "/".into(), String::new());
        parts.header(name, value);
        match parts.finish() {
            Err(RequestError::InvalidHeader { header, .. }) => assert_eq!(header, name),
            other => panic!("expected InvalidHeader for {name:?}, got {other:?}"),
        }
    }

    let parts = RequestParts::new("GET", "/a b".into(), String::new());
    assert!(matches!(parts.finish(), Err(RequestError::Http(_))));
}

#[test]
fn header_lists_quote_and_split_as_botocore_does() {
    let joined = header_list(["a".into(), "b,c".into(), "d\"e".into()], true);
    assert_eq!(joined, r#"a,"b,c","d\"e""#);
    assert_eq!(split_header_list(&joined), ["a", "b,c", "d\"e"]);
    assert_eq!(
        split_http_date_list("Mon, 16 Dec 2019 23:48:18 GMT, Mon, 16 Dec 2019 23:48:18 GMT"),
        [
            "Mon, 16 Dec 2019 23:48:18 GMT",
            "Mon, 16 Dec 2019 23:48:18 GMT"
        ]
    );
}

#[test]
fn timestamps_print_and_parse_in_each_format() {
    let moment = datetime!(2000-01-02 20:34:56.5 UTC);
    assert_eq!(
        timestamp_text(&moment, TimestampText::EpochSeconds),
        "946845296.5"
    );
    assert_eq!(
        timestamp_text(&moment, TimestampText::Iso8601),
        "2000-01-02T20:34:56.5Z"
    );
    let whole = datetime!(2000-01-02 20:34:56 UTC);
    assert_eq!(
        timestamp_text(&whole, TimestampText::HttpDate),
        "Sun, 02 Jan 2000 20:34:56 GMT"
    );
    for format in [
        TimestampText::EpochSeconds,
        TimestampText::Iso8601,
        TimestampText::HttpDate,
    ] {
        let text = timestamp_text(&whole, format);
        assert_eq!(parse_timestamp_header("h", &text, format).unwrap(), whole);
    }
    assert!(parse_timestamp_header("h", "yesterday", TimestampText::Iso8601).is_err());
}

#[test]
fn error_codes_lose_namespace_and_uri() {
    let cases = [
        (
            vec![("x-amzn-errortype", "FooError:http://internal.amazon.com/")],
            "",
        ),
        (vec![], r#"{"__type": "aws.protocoltests#FooError"}"#),
        (
            vec![],
            r#"{"code": "aws.protocoltests#FooError:http://x/"}"#,
        ),
        (
            vec![("x-amzn-errortype", "FooError")],
            r#"{"__type": "Other"}"#,
        ),
    ];
    for (headers, body) in cases {
        assert_eq!(
            error_code(&response(&headers, body)).as_deref(),
            Some("FooError"),
            "{headers:?} {body}"
        );
    }
    assert_eq!(error_code(&response(&[], "not json")), None);
    assert_eq!(
        error_message(br#"{"Message": "Hi"}"#).as_deref(),
        Some("Hi")
    );
}

#[test]
fn query_compatible_codes_name_the_modeled_error() {
    let sqs = response(
        &[(
            "x-amzn-query-error",
            "AWS.SimpleQueueService.NonExistentQueue;Sender",
        )],
        r#"{"__type": "com.amazonaws.sqs#QueueDoesNotExist"}"#,
    );
    assert_eq!(
        query_error_code(&sqs).as_deref(),
        Some("AWS.SimpleQueueService.NonExistentQueue")
    );
    // Modeled by shape name only (SQS): the JSON code names it.
    assert_eq!(
        query_compatible_error_code(&sqs, error_code(&sqs), &["QueueDoesNotExist"]).as_deref(),
        Some("QueueDoesNotExist")
    );
    // Modeled with the query code as `error.code`: the query code names it.
    assert_eq!(
        query_compatible_error_code(
            &sqs,
            error_code(&sqs),
            &["AWS.SimpleQueueService.NonExistentQueue"]
        )
        .as_deref(),
        Some("AWS.SimpleQueueService.NonExistentQueue")
    );
    // Not modeled: the query code, as botocore reports it, with its type.
    assert_eq!(
        query_compatible_error_code(&sqs, error_code(&sqs), &[]).as_deref(),
        Some("AWS.SimpleQueueService.NonExistentQueue")
    );
    let unhandled = ErrorMeta::from_response(&sqs, query_error_code(&sqs));
    assert_eq!(unhandled.error_type.as_deref(), Some("Sender"));
    // A header without both parts is not a query error.
    for malformed in ["OnlyCode", ";Sender", "a;b;c"] {
        let bad = response(&[("x-amzn-query-error", malformed)], "{}");
        assert_eq!(query_error_code(&bad), None, "{malformed}");
    }
}

#[test]
fn blobs_are_base64_in_json_and_refuse_bad_text() {
    let blob = Blob::from(&b"\x00\x01binary"[..]);
    let text = serde_json::to_string(&blob).unwrap();
    assert_eq!(text, "\"AAFiaW5hcnk=\"");
    assert_eq!(serde_json::from_str::<Blob>(&text).unwrap(), blob);
    let err = serde_json::from_str::<Blob>("\"not base64!\"").unwrap_err();
    assert!(err.to_string().contains("invalid base64 blob"), "{err}");
    assert_eq!(format!("{blob:?}"), "Blob(8 bytes)");
}

#[test]
fn floats_carry_non_finite_values_as_strings() {
    assert_eq!(
        serde_json::to_string(&FloatWire(f64::NAN)).unwrap(),
        "\"NaN\""
    );
    assert_eq!(
        serde_json::to_string(&FloatWire(f64::NEG_INFINITY)).unwrap(),
        "\"-Infinity\""
    );
    assert_eq!(serde_json::to_string(&FloatWire(1.5)).unwrap(), "1.5");
    let read: OptionFloatIn<f64> = serde_json::from_str("\"Infinity\"").unwrap();
    assert_eq!(read.0, Some(f64::INFINITY));
    assert!(serde_json::from_str::<OptionFloatIn<f64>>("\"Inf\"").is_err());
}

#[test]
fn epoch_timestamps_keep_microseconds_and_refuse_non_finite_numbers() {
    let read: timestamp::OptionIn<timestamp::EpochSeconds> =
        serde_json::from_str("1398796238.123456").unwrap();
    assert_eq!(read.0, Some(datetime!(2014-04-29 18:30:38.123456 UTC)));
    assert!(serde_json::from_str::<timestamp::OptionIn<timestamp::EpochSeconds>>("1e400").is_err());
    let iso: timestamp::OptionIn<timestamp::Iso8601> =
        serde_json::from_str("\"2000-01-02T20:34:56Z\"").unwrap();
    assert_eq!(iso.0, Some(datetime!(2000-01-02 20:34:56 UTC)));
}

#[test]
fn unknown_enum_values_keep_their_text() {
    let value = UnknownVariantValue::new("NEW_VALUE");
    assert_eq!(value.as_str(), "NEW_VALUE");
    assert_eq!(value.to_string(), "NEW_VALUE");
}

/// A structure with the generated impls' shape, for the in-place readers.
#[derive(Debug, Default, Clone, PartialEq)]
struct Item {
    name: Option<String>,
    count: Option<i32>,
}

impl awsgen_runtime::primitives::DeserializeMembers for Item {
    const TYPE_NAME: &'static str = "Item";

    fn deserialize_member<'de, A: serde::de::MapAccess<'de>>(
        &mut self,
        key: &str,
        map: &mut A,
        _body_only: bool,
    ) -> Result<(), A::Error> {
        match key {
            "name" => self.name = map.next_value()?,
            "count" => self.count = map.next_value()?,
            _ => {
                map.next_value::<serde::de::IgnoredAny>()?;
            }
        }
        Ok(())
    }
}

fn item(name: &str, count: i32) -> Item {
    Item {
        name: Some(name.to_string()),
        count: Some(count),
    }
}

#[test]
fn lists_of_structures_read_in_place() {
    use awsgen_runtime::primitives::StructList;
    let read: StructList<Item> =
        serde_json::from_str(r#"[{"name": "a", "count": 1}, {"extra": [1, 2]}, {}]"#).unwrap();
    assert_eq!(
        read.0,
        Some(vec![item("a", 1), Item::default(), Item::default()])
    );
    assert_eq!(
        serde_json::from_str::<StructList<Item>>("[]").unwrap().0,
        Some(vec![])
    );
    assert_eq!(
        serde_json::from_str::<StructList<Item>>("null").unwrap().0,
        None
    );
    let err = serde_json::from_str::<StructList<Item>>(r#"[{"count": "x"}]"#).unwrap_err();
    assert!(err.to_string().contains("invalid type"), "{err}");
    let err = serde_json::from_str::<StructList<Item>>(r#"{"name": "a"}"#).unwrap_err();
    assert!(err.to_string().contains("a list of Item objects"), "{err}");
}

#[test]
fn maps_of_structures_read_in_place_and_a_repeated_key_replaces() {
    use awsgen_runtime::primitives::MapOfStructs;
    let read: MapOfStructs<String, Item> = serde_json::from_str(
        r#"{"b": {"name": "b", "count": 2}, "a": {"name": "old", "count": 9}, "a": {"name": "a"}}"#,
    )
    .unwrap();
    let expected = std::collections::BTreeMap::from([
        (
            "a".to_string(),
            Item {
                name: Some("a".to_string()),
                count: None,
            },
        ),
        ("b".to_string(), item("b", 2)),
    ]);
    assert_eq!(read.0, expected);
    let err = serde_json::from_str::<MapOfStructs<String, Item>>("[1]").unwrap_err();
    assert!(err.to_string().contains("a map of Item objects"), "{err}");
}
