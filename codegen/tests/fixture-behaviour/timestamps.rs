//! Each timestamp format reads and writes its own wire form.

use awsgen_fixture_timestamps::types::Times;
use serde_json::json;

#[test]
fn every_format_round_trips() {
    let document = json!({
        "defaultFormat": 1436443200,
        "iso": "2015-07-09T12:00:00.5Z",
        "httpDate": "Thu, 09 Jul 2015 12:00:00 GMT",
        "epoch": 1436443200.25,
        "list": [1436443200, 1436443201.5],
        "byName": {"a": "2015-07-09T12:00:00Z"}
    });
    let times: Times = serde_json::from_value(document.clone()).unwrap();
    let expected = time::macros::datetime!(2015-07-09 12:00:00 UTC);
    assert_eq!(times.default_format, Some(expected));
    assert_eq!(times.http_date, Some(expected));
    assert_eq!(times.by_name.as_ref().unwrap()["a"], expected);
    assert_eq!(serde_json::to_value(&times).unwrap(), document);
}

#[test]
fn malformed_timestamps_are_errors() {
    for bad in [
        json!({"iso": "yesterday"}),
        json!({"httpDate": "soon"}),
        json!({"defaultFormat": "1"}),
    ] {
        assert!(serde_json::from_value::<Times>(bad).is_err());
    }
}
