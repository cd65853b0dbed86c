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
        .async_(Option::builder().value("o").build().unwrap())
        .build()
        .unwrap();
    let document = serde_json::to_value(&value).unwrap();
    assert_eq!(
        document,
        json!({"type": "t", "self": "s", "Self": "S", "crate": "c", "build": "b", "fooBar": "1", "FooBar": "2", "async": {"value": "o"}})
    );
    let missing = Box::builder().build().unwrap_err();
    assert!(missing.to_string().contains("`type`"));
    let _ = (FooBar::default(), FooBar2::default(), SelfValue::default());
}
