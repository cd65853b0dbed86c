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
