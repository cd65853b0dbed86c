//! Responses come from the network: whatever their bytes, reading them gives
//! a value or an error, never a panic.

use awsgen_runtime::bytes::Bytes;
use awsgen_runtime::http;
use awsgen_runtime::protocol::{
    error_code, error_message, json_body, parse_json_header, parse_timestamp_header,
    prefix_headers, query_compatible_error_code, split_header_list, split_http_date_list,
    ErrorMeta, TimestampText,
};
use proptest::prelude::*;

proptest! {
    #[test]
    fn error_responses_never_panic(body in proptest::collection::vec(any::<u8>(), 0..256),
                                   header in "[ -~]{0,40}") {
        let response = http::Response::builder()
            .status(500)
            .header("x-amzn-query-error", header.as_str())
            .header("x-amzn-errortype", header.as_str())
            .body(Bytes::from(body.clone()))
            .unwrap();
        let _ = error_code(&response);
        let _ = query_compatible_error_code(&response, error_code(&response), &["A", "B"]);
        let _ = error_message(&body);
        let _ = ErrorMeta::from_response(&response, None).to_string();
        let _ = json_body::<serde_json::Value>(&body, "fuzz");
        let _ = prefix_headers(&response, "x-amzn-");
    }

    #[test]
    fn header_values_never_panic(text in "\\PC{0,60}") {
        let _ = split_header_list(&text);
        let _ = split_http_date_list(&text);
        let _ = parse_json_header("h", &text);
        for format in [TimestampText::EpochSeconds, TimestampText::Iso8601, TimestampText::HttpDate] {
            let _ = parse_timestamp_header("h", &text, format);
        }
    }
}
