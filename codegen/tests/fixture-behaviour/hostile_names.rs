//! Shapes and members named like Rust keywords and std types still work.

use awsgen_fixture_hostile_names::types::{Box, FooBar, FooBar2, Option, SelfValue};
use serde_json::json;

#[test]
fn keyword_members_keep_their_wire_names() {
    let value = Box::builder()
        .type_("t")
        .self_("s")
        .self_2("S")
        .crate_("c")
        .build_2("b")
        .foo_bar("1")
        .foo_bar_2("2")
        .async_(Option::builder().value("o").build())
        .build()
        .unwrap();
    let document = serde_json::to_value(&value).unwrap();
    assert_eq!(
        document,
        json!({"type": "t", "self": "s", "Self": "S", "crate": "c", "build": "b", "fooBar": "1", "FooBar": "2", "async": {"value": "o"}})
    );
    let missing = Box::builder().build().unwrap_err();
    // Named as the caller sets it: `type_`, not the model's `type`.
    assert!(missing.to_string().contains("`type_`"), "{missing}");
    let _ = (FooBar::default(), FooBar2::default(), SelfValue::default());
}

#[test]
fn members_named_like_trait_and_builder_methods_get_setters() {
    use awsgen_fixture_hostile_names::types::FontFamily;
    // `add` and `next` keep the member's name; `build` and `builder` are the
    // builder's own, and `default` and `clone` would shadow `Default` and
    // `Clone`, so those members' setters and accessors differ.
    let family = FontFamily::builder()
        .default_2("Arial")
        .add("bold")
        .next("Helvetica")
        .clone_2("copy")
        .build_2("b")
        .builder("r")
        .build();
    assert_eq!(family.default.as_deref(), Some("Arial"));
    assert_eq!(family.add.as_deref(), Some("bold"));
    assert_eq!(family.next.as_deref(), Some("Helvetica"));
    assert_eq!(family.clone.as_deref(), Some("copy"));
    assert_eq!(family.build.as_deref(), Some("b"));
    assert_eq!(family.builder.as_deref(), Some("r"));
    assert_eq!(FontFamily::builder().build(), FontFamily::default());
    let builder = awsgen_fixture_hostile_names::types::builders::FontFamilyBuilder::default();
    assert_eq!(builder.clone().add("x").build().add(), Some("x"));
    // Accessors never shadow a trait's method: `clone()` still clones.
    assert_eq!(family.clone(), family);
    assert_eq!(family.default_2(), Some("Arial"));
    assert_eq!(family.clone_2(), Some("copy"));
    assert_eq!(family.add(), Some("bold"));
    assert_eq!(family.build(), Some("b"));
    assert_eq!(family.builder_2(), Some("r"));
}

#[test]
#[allow(deprecated)]
fn members_sharing_a_wire_name_get_distinct_keys() {
    use awsgen_fixture_hostile_names::types::Notification;
    let value = Notification::builder().event("one").events("many").build();
    let document = serde_json::to_value(&value).unwrap();
    assert_eq!(document, json!({"Event": "one", "Events": "many"}));
    assert_eq!(serde_json::from_value::<Notification>(document).unwrap(), value);
}

#[test]
fn exceptions_named_like_the_error_variants_are_renamed_and_still_typed() {
    use awsgen_fixture_hostile_names::operation::{Box as BoxOperation, BoxError, Operation};
    use awsgen_runtime::bytes::Bytes;
    use awsgen_runtime::http;

    let answer = |code: &str| {
        http::Response::builder()
            .status(400)
            .header("x-amzn-errortype", code)
            .body(Bytes::from(format!(r#"{{"message":"{code} said no"}}"#)))
            .unwrap()
    };
    match BoxOperation::parse_response(&answer("Unhandled")).unwrap_err() {
        BoxError::Unhandled2(error) => assert_eq!(error.message(), Some("Unhandled said no")),
        other => panic!("expected the `Unhandled` exception, got {other:?}"),
    }
    // Listed by no operation: found through the service-wide lookup.
    let err = BoxOperation::parse_response(&answer("Unlisted")).unwrap_err();
    assert_eq!(err.code(), Some("Unlisted"));
    match err {
        BoxError::Unlisted(awsgen_fixture_hostile_names::Error::Unlisted2(error)) => {
            assert_eq!(error.message(), Some("Unlisted said no"));
        }
        other => panic!("expected the `Unlisted` exception, got {other:?}"),
    }
    match BoxOperation::parse_response(&answer("NotModeled")).unwrap_err() {
        BoxError::Unhandled(meta) => assert_eq!(meta.code.as_deref(), Some("NotModeled")),
        other => panic!("expected an unhandled error, got {other:?}"),
    }
    let service_error: awsgen_fixture_hostile_names::Error =
        BoxOperation::parse_response(&answer("Build")).unwrap_err().into();
    assert!(matches!(
        service_error,
        awsgen_fixture_hostile_names::Error::Build2(_)
    ));
}
