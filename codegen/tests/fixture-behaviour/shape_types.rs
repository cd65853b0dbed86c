//! Every scalar type, documents and unions in their JSON form.

use awsgen_fixture_shape_types::types::{AllTypes, Choice};
use serde_json::json;

#[test]
fn all_types_round_trip() {
    let document = json!({
        "aString": "s", "aByte": -8, "aShort": 300, "anInteger": 70000, "aLong": 9007199254740993i64,
        "aFloat": 1.5, "aDouble": 2.25, "aBigDecimal": 3.5, "aBigInteger": 12345678901234567890u64,
        "aBoolean": true, "aTimestamp": 1, "aBlob": "AAEC", "aList": ["x"], "aMap": {"k": "v"},
        "aStructure": {"value": "v"}, "aDocument": {"free": ["form", 1, null]}, "aUnion": {"number": 7}
    });
    let all: AllTypes = serde_json::from_value(document.clone()).unwrap();
    assert_eq!(all.a_union, Some(Choice::Number(7)));
    assert_eq!(all.a_blob.as_ref().unwrap().as_bytes(), [0, 1, 2]);
    assert_eq!(serde_json::to_value(&all).unwrap(), document);
}

#[test]
fn unions_take_exactly_one_known_member() {
    let unknown: Choice = serde_json::from_value(json!({"futureMember": 1})).unwrap();
    assert_eq!(unknown, Choice::Unknown);
    assert!(serde_json::to_value(&unknown).is_err());
    assert!(serde_json::from_value::<Choice>(json!({"text": "a", "number": 1})).is_err());
    assert!(serde_json::from_value::<Choice>(json!({})).is_err());
}
