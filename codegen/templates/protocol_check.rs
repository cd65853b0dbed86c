/// Compares a serialized request with a botocore `serialized` expectation.
mod support {
    use std::collections::BTreeMap;

    /// A case's `serialized` expectation, with what botocore's runner adds to it.
    pub struct Expectation<'a> {
        /// The `serialized` object.
        pub json: &'a str,
        /// The host of the suite's `clientEndpoint`.
        pub endpoint_host: &'a str,
        /// Headers bound to list members, and whether their items are timestamps.
        pub list_headers: &'a [(&'a str, bool)],
        /// Whether the expected body (first) and the actual one are the
        /// same document in the protocol's body format.
        pub same_body: &'a dyn Fn(&str, &[u8]) -> bool,
    }

    /// Form bodies compared as multisets of decoded key/value pairs: the
    /// pairs' order and the encoding of each character (`+` or `%20`) are
    /// not part of the data.
    pub fn same_form(expected: &str, actual: &[u8]) -> bool {
        fn pairs(body: &[u8]) -> Option<Vec<(Vec<u8>, Vec<u8>)>> {
            let mut pairs = Vec::new();
            for pair in body.split(|b| *b == b'&').filter(|pair| !pair.is_empty()) {
                let mut parts = pair.splitn(2, |b| *b == b'=');
                let key = decode(parts.next()?)?;
                let value = decode(parts.next().unwrap_or_default())?;
                pairs.push((key, value));
            }
            pairs.sort();
            Some(pairs)
        }
        fn decode(text: &[u8]) -> Option<Vec<u8>> {
            let mut out = Vec::with_capacity(text.len());
            let mut bytes = text.iter();
            while let Some(byte) = bytes.next() {
                match byte {
                    b'+' => out.push(b' '),
                    b'%' => {
                        let high = (*bytes.next()? as char).to_digit(16)?;
                        let low = (*bytes.next()? as char).to_digit(16)?;
                        out.push((high * 16 + low) as u8);
                    }
                    other => out.push(*other),
                }
            }
            Some(out)
        }
        match (pairs(expected.as_bytes()), pairs(actual)) {
            (Some(expected), Some(actual)) => expected == actual,
            _ => actual == expected.as_bytes(),
        }
    }

    /// JSON bodies compared as JSON values, anything else byte for byte.
    pub fn same_json_or_bytes(expected: &str, actual: &[u8]) -> bool {
        match (
            ::awsgen_runtime::serde_json::from_str::<::awsgen_runtime::serde_json::Value>(expected),
            ::awsgen_runtime::serde_json::from_slice::<::awsgen_runtime::serde_json::Value>(actual),
        ) {
            (Ok(expected_json), Ok(actual_json)) => expected_json == actual_json,
            _ => actual == expected.as_bytes(),
        }
    }

    /// Panics with every difference between `request` and the expectation.
    pub fn check_request(
        id: &str,
        request: Result<::awsgen_runtime::http::Request<::awsgen_runtime::bytes::Bytes>, impl std::fmt::Display>,
        host_prefix: impl Fn(&::awsgen_runtime::http::Request<::awsgen_runtime::bytes::Bytes>) -> Option<String>,
        expectation: Expectation<'_>,
    ) {
        let expected: ::awsgen_runtime::serde_json::Value =
            ::awsgen_runtime::serde_json::from_str(expectation.json).expect("expectation is JSON");
        let request = match request {
            Ok(request) => request,
            Err(err) => panic!("{id}: the request could not be serialized: {err}"),
        };
        let mut problems = Vec::new();
        if let Some(method) = expected["method"].as_str() {
            if request.method().as_str() != method {
                problems.push(format!(
                    "method: expected {method}, got {}",
                    request.method()
                ));
            }
        }
        if let Some(uri) = expected["uri"].as_str() {
            let (expected_path, expected_query) = uri.split_once('?').unwrap_or((uri, ""));
            let actual_path = request.uri().path();
            if actual_path != expected_path {
                problems.push(format!(
                    "path: expected {expected_path:?}, got {actual_path:?}"
                ));
            }
            let actual_query = request.uri().query().unwrap_or("");
            if query_multiset(expected_query) != query_multiset(actual_query) {
                problems.push(format!(
                    "query: expected {expected_query:?}, got {actual_query:?}"
                ));
            }
        }
        if let Some(headers) = expected["headers"].as_object() {
            for (name, value) in headers {
                let mut expected_value = value.as_str().unwrap_or_default().to_owned();
                // As botocore's runner for query and ec2: the suites leave out
                // the charset botocore sends.
                if name.eq_ignore_ascii_case("content-type")
                    && expected_value == "application/x-www-form-urlencoded"
                {
                    expected_value.push_str("; charset=utf-8");
                }
                let mut actual_value = request
                    .headers()
                    .get(name.as_str())
                    .map(|actual| String::from_utf8_lossy(actual.as_bytes()).into_owned());
                // As botocore's runner: list items are compared without the
                // space the suites put after each comma (botocore joins with
                // `,`), and timestamp lists on both sides.
                if let Some((_, timestamps)) = expectation
                    .list_headers
                    .iter()
                    .find(|(header, _)| header.eq_ignore_ascii_case(name))
                {
                    expected_value = expected_value.replace(", ", ",");
                    if *timestamps {
                        actual_value = actual_value.map(|actual| actual.replace(", ", ","));
                    }
                }
                match actual_value {
                    Some(actual) if actual == expected_value => {}
                    Some(actual) => problems.push(format!(
                        "header {name}: expected {expected_value:?}, got {actual:?}"
                    )),
                    None => problems.push(format!(
                        "header {name}: expected {expected_value:?}, missing"
                    )),
                }
            }
        }
        for name in expected["forbidHeaders"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|n| n.as_str())
        {
            if request.headers().contains_key(name) {
                problems.push(format!("header {name}: must not be sent"));
            }
        }
        for name in expected["requireHeaders"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|n| n.as_str())
        {
            if !request.headers().contains_key(name) {
                problems.push(format!("header {name}: required but missing"));
            }
        }
        if let Some(body) = expected["body"].as_str() {
            let actual = request.body();
            if !(expectation.same_body)(body, actual) {
                problems.push(format!(
                    "body: expected {body:?}, got {:?}",
                    String::from_utf8_lossy(actual)
                ));
            }
        }
        if let Some(host) = expected["host"].as_str() {
            let prefix = host_prefix(&request).unwrap_or_default();
            let actual = format!("{prefix}{}", expectation.endpoint_host);
            if actual != host {
                problems.push(format!("host: expected {host:?}, got {actual:?}"));
            }
        }
        if !problems.is_empty() {
            panic!("{id}: {}", problems.join("; "));
        }
    }

    /// Query pairs as a multiset: order does not matter, repetitions do.
    fn query_multiset(query: &str) -> BTreeMap<&str, usize> {
        let mut pairs = BTreeMap::new();
        for pair in query.split('&').filter(|pair| !pair.is_empty()) {
            *pairs.entry(pair).or_insert(0) += 1;
        }
        pairs
    }
}

/// Builds responses and compares parsed outputs and errors.
mod response_support {
    /// An `http::Response` from a botocore `response` object.
    pub fn response(expected_json: &str) -> ::awsgen_runtime::http::Response<::awsgen_runtime::bytes::Bytes> {
        response_with_body(expected_json, None)
    }

    /// An `http::Response` from a botocore `response` object, with `body`
    /// instead of the object's text (the decoded base64 of binary suites).
    pub fn response_with_body(
        expected_json: &str,
        body: Option<&[u8]>,
    ) -> ::awsgen_runtime::http::Response<::awsgen_runtime::bytes::Bytes> {
        let spec: ::awsgen_runtime::serde_json::Value =
            ::awsgen_runtime::serde_json::from_str(expected_json).expect("response is JSON");
        let mut builder =
            ::awsgen_runtime::http::Response::builder().status(spec["status_code"].as_u64().unwrap_or(200) as u16);
        for (name, value) in spec["headers"].as_object().into_iter().flatten() {
            builder = builder.header(name.as_str(), value.as_str().unwrap_or_default());
        }
        let body = match body {
            Some(body) => body.to_vec(),
            None => spec["body"].as_str().unwrap_or_default().as_bytes().to_vec(),
        };
        builder
            .body(::awsgen_runtime::bytes::Bytes::from(body))
            .expect("a valid response")
    }

    /// Panics unless `actual` and `expected` have the same serde form.
    pub fn check_value<T: ::awsgen_runtime::serde::Serialize>(id: &str, actual: &T, expected: &T) {
        let actual = ::awsgen_runtime::serde_json::to_value(actual).expect("serializes");
        let expected = ::awsgen_runtime::serde_json::to_value(expected).expect("serializes");
        if actual != expected {
            panic!("{id}: expected {expected}, got {actual}");
        }
    }
}
