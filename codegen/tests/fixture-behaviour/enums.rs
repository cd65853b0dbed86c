//! Awkward enum values get valid variants and unknown values survive.

use awsgen_fixture_enums::types::{Size, Sizes};
use serde_json::json;

#[test]
fn awkward_values_map_to_variants_and_back() {
    for value in Size::VALUES {
        let size = Size::from(*value);
        assert!(
            !matches!(size, Size::Unknown(_)),
            "{value:?} should be known"
        );
        assert_eq!(size.as_str(), *value);
    }
    let document =
        json!({"size": "2.0", "sizes": ["0.5", "SELF"], "bySize": {"118": "big", "mystery": "?"}});
    let sizes: Sizes = serde_json::from_value(document.clone()).unwrap();
    assert_eq!(sizes.size.as_ref().unwrap().as_str(), "2.0");
    assert!(matches!(sizes.size, Some(Size::Unknown(_))));
    assert_eq!(serde_json::to_value(&sizes).unwrap(), document);
}

#[test]
fn debug_writes_what_a_derive_would() {
    let names = [
        "V0_5",
        "V1_6",
        "V118",
        "ApplicationJson",
        "UnknownValue",
        "UnknownValue2",
        "AB",
        "AB2",
        "SelfValue",
        "Empty",
    ];
    assert_eq!(Size::VALUES.len(), names.len());
    for (value, name) in Size::VALUES.iter().zip(names) {
        assert_eq!(format!("{:?}", Size::from(*value)), name);
        assert_eq!(format!("{:#?}", Size::from(*value)), name);
    }
    let unknown = Size::from("mystery");
    assert_eq!(
        format!("{unknown:?}"),
        r#"Unknown(UnknownVariantValue("mystery"))"#
    );
    assert_eq!(
        format!("{unknown:#?}"),
        "Unknown(\n    UnknownVariantValue(\n        \"mystery\",\n    ),\n)"
    );
    assert_eq!(format!("{:?}", Some(Size::from("SELF"))), "Some(SelfValue)");
}

#[test]
fn equal_values_hash_alike_and_every_known_value_is_distinct() {
    use std::collections::HashSet;
    let known: HashSet<Size> = Size::VALUES.iter().map(|value| Size::from(*value)).collect();
    assert_eq!(known.len(), Size::VALUES.len());
    for value in Size::VALUES.iter().chain(&["mystery"]) {
        let mut set = known.clone();
        set.insert(Size::from(*value));
        set.insert(Size::from(*value));
        let expected = known.len() + usize::from(*value == "mystery");
        assert_eq!(set.len(), expected, "{value:?}");
    }
}
