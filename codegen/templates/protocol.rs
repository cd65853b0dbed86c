//! The rest-json wire rules shared by every operation: URI labels, query
//! strings, header values and bodies, as AWS's own SDKs write them.

use std::fmt;

use ::percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// Bytes that stay as they are in URI labels and query strings: RFC 3986's unreserved set.
const UNRESERVED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// The same, keeping `/` for greedy labels (`{key+}`).
const UNRESERVED_AND_SLASH: &AsciiSet = &UNRESERVED.remove(b'/');

/// Why an input could not be turned into an HTTP request.
#[derive(Debug)]
#[non_exhaustive]
pub enum RequestError {
    /// A member bound to a URI label was not set.
    MissingLabel {
        /// The member's name in the model.
        member: &'static str,
    },
    /// A member bound to a URI label was empty, which would change the path's meaning.
    EmptyLabel {
        /// The member's name in the model.
        member: &'static str,
    },
    /// A value cannot be sent as an HTTP header.
    InvalidHeader {
        /// The header's name.
        header: ::std::string::String,
        /// Why.
        message: ::std::string::String,
    },
    /// A member bound to the endpoint host is not a valid DNS label.
    InvalidHostLabel {
        /// The member's name in the model.
        member: &'static str,
        /// The value.
        value: ::std::string::String,
    },
    /// The body could not be written as JSON.
    Json(::serde_json::Error),
    /// The request could not be assembled.
    Http(::http::Error),
}

impl fmt::Display for RequestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RequestError::MissingLabel { member } => {
                write!(f, "the URI label member `{member}` is required but not set")
            }
            RequestError::EmptyLabel { member } => {
                write!(f, "the URI label member `{member}` must not be empty")
            }
            RequestError::InvalidHeader { header, message } => {
                write!(f, "invalid value for header `{header}`: {message}")
            }
            RequestError::InvalidHostLabel { member, value } => {
                write!(
                    f,
                    "the host label member `{member}` is not a valid DNS label: {value:?}"
                )
            }
            RequestError::Json(err) => write!(f, "cannot write the JSON body: {err}"),
            RequestError::Http(err) => write!(f, "cannot assemble the HTTP request: {err}"),
        }
    }
}

impl ::std::error::Error for RequestError {
    fn source(&self) -> Option<&(dyn ::std::error::Error + 'static)> {
        match self {
            RequestError::Json(err) => Some(err),
            RequestError::Http(err) => Some(err),
            _ => None,
        }
    }
}

/// Appends a URI label: every byte outside the unreserved set is percent-encoded;
/// greedy labels keep their slashes.
pub fn push_label(
    path: &mut ::std::string::String,
    member: &'static str,
    value: &str,
    greedy: bool,
) -> Result<(), RequestError> {
    if value.is_empty() {
        return Err(RequestError::EmptyLabel { member });
    }
    let set = if greedy {
        UNRESERVED_AND_SLASH
    } else {
        UNRESERVED
    };
    path.extend(utf8_percent_encode(value, set));
    Ok(())
}

/// Builds a query string; keys and values are percent-encoded.
#[derive(Debug, Default)]
pub struct Query {
    text: ::std::string::String,
    keys: ::std::collections::BTreeSet<::std::string::String>,
}

impl Query {
    /// Starts from the static query part of the URI template (already encoded).
    pub fn new(static_part: &str) -> Self {
        Query {
            text: static_part.to_owned(),
            keys: ::std::collections::BTreeSet::new(),
        }
    }

    /// Adds `key=value`.
    pub fn push(&mut self, key: &str, value: &str) {
        if !self.text.is_empty() {
            self.text.push('&');
        }
        self.text.extend(utf8_percent_encode(key, UNRESERVED));
        self.text.push('=');
        self.text.extend(utf8_percent_encode(value, UNRESERVED));
        self.keys.insert(key.to_owned());
    }

    /// Adds `key=value` from a map member, unless a named member already set `key`
    /// (named members take precedence).
    pub fn push_from_map(&mut self, key: &str, value: &str) {
        if !self.keys.contains(key) {
            self.push(key, value);
            // A map key may repeat for lists; only named members block it.
            self.keys.remove(key);
        }
    }

    /// Marks `key` as set by a named member.
    pub fn reserve(&mut self, key: &str) {
        self.keys.insert(key.to_owned());
    }

    /// The query string, without the leading `?`.
    pub fn finish(self) -> ::std::string::String {
        self.text
    }
}

/// Text of a float as AWS writes it: `NaN`, `Infinity`, `-Infinity`, or the shortest decimal.
pub fn float_text(value: f64) -> ::std::string::String {
    if value.is_nan() {
        "NaN".to_owned()
    } else if value.is_infinite() {
        if value > 0.0 { "Infinity" } else { "-Infinity" }.to_owned()
    } else {
        value.to_string()
    }
}

/// Text of an `f32`, printed as an `f32` so `1.1` stays `1.1`.
pub fn float32_text(value: f32) -> ::std::string::String {
    if value.is_finite() {
        value.to_string()
    } else {
        float_text(f64::from(value))
    }
}

/// Text of a timestamp in `format` (for labels, query strings and headers).
pub fn timestamp_text(
    value: &::time::OffsetDateTime,
    format: TimestampText,
) -> ::std::string::String {
    match format {
        TimestampText::EpochSeconds => {
            let micros = value.unix_timestamp_nanos() / 1_000;
            if micros % 1_000_000 == 0 {
                value.unix_timestamp().to_string()
            } else {
                float_text(micros as f64 / 1_000_000.0)
            }
        }
        TimestampText::Iso8601 => {
            // RFC 3339 in UTC prints a fraction only when there is one, as AWS does.
            let utc = value.to_offset(::time::UtcOffset::UTC);
            utc.format(&::time::format_description::well_known::Rfc3339)
                .unwrap_or_default()
        }
        TimestampText::HttpDate => ::httpdate::fmt_http_date((*value).into()),
    }
}

/// Timestamp formats outside JSON documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimestampText {
    /// Seconds since the epoch.
    EpochSeconds,
    /// RFC 3339.
    Iso8601,
    /// RFC 7231 HTTP-date.
    HttpDate,
}

/// Joins list items for a header, quoting strings that contain a comma or a quote.
pub fn header_list<'a>(
    items: impl IntoIterator<Item = ::std::borrow::Cow<'a, str>>,
    quote_strings: bool,
) -> ::std::string::String {
    let mut out = ::std::string::String::new();
    for (index, item) in items.into_iter().enumerate() {
        if index > 0 {
            out.push_str(", ");
        }
        if quote_strings && (item.contains(',') || item.contains('"')) {
            out.push('"');
            out.push_str(&item.replace('\\', "\\\\").replace('"', "\\\""));
            out.push('"');
        } else {
            out.push_str(&item);
        }
    }
    out
}

/// Base64 text of binary data (blobs outside JSON documents).
pub fn base64_text(bytes: &[u8]) -> ::std::string::String {
    use ::base64::Engine as _;
    ::base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// Base64 of a header value that carries JSON (`jsonvalue` members).
pub fn json_header(value: &str) -> ::std::string::String {
    use ::base64::Engine as _;
    ::base64::engine::general_purpose::STANDARD.encode(value.as_bytes())
}

/// A fresh idempotency token (a random UUID v4).
pub fn idempotency_token() -> ::std::string::String {
    ::uuid::Uuid::new_v4().to_string()
}

/// The prefix an operation puts before the endpoint's host (from the model's
/// `endpoint.hostPrefix`), stored in the request's extensions for the client to apply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostPrefix(pub ::std::string::String);

/// Appends a host label: it must be a non-empty DNS label (letters, digits, hyphens).
pub fn push_host_label(
    prefix: &mut ::std::string::String,
    member: &'static str,
    value: &str,
) -> Result<(), RequestError> {
    let valid = !value.is_empty()
        && value.len() <= 63
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        && !value.starts_with('-');
    if !valid {
        return Err(RequestError::InvalidHostLabel {
            member,
            value: value.to_owned(),
        });
    }
    prefix.push_str(value);
    Ok(())
}

/// An HTTP request under construction.
#[derive(Debug)]
pub struct RequestParts {
    method: &'static str,
    uri: ::std::string::String,
    headers: ::std::vec::Vec<(::std::string::String, ::std::string::String)>,
    body: ::bytes::Bytes,
    host_prefix: Option<::std::string::String>,
}

impl RequestParts {
    /// A request for `path` (already encoded) and `query` (without `?`).
    pub fn new(
        method: &'static str,
        path: ::std::string::String,
        query: ::std::string::String,
    ) -> Self {
        let uri = if query.is_empty() {
            path
        } else {
            format!("{path}?{query}")
        };
        RequestParts {
            method,
            uri,
            headers: ::std::vec::Vec::new(),
            body: ::bytes::Bytes::new(),
            host_prefix: None,
        }
    }

    /// Sets the host prefix the client must put before the endpoint's host.
    pub fn host_prefix(&mut self, prefix: ::std::string::String) {
        self.host_prefix = Some(prefix);
    }

    /// Adds a header.
    pub fn header(
        &mut self,
        name: impl Into<::std::string::String>,
        value: impl Into<::std::string::String>,
    ) {
        self.headers.push((name.into(), value.into()));
    }

    /// Whether a header of that name (any case) was added.
    pub fn has_header(&self, name: &str) -> bool {
        self.headers
            .iter()
            .any(|(existing, _)| existing.eq_ignore_ascii_case(name))
    }

    /// Sets the body, with its `Content-Type` unless a member already set one.
    pub fn body(&mut self, content_type: &str, body: impl Into<::bytes::Bytes>) {
        if !self.has_header("content-type") {
            self.header("Content-Type", content_type);
        }
        self.body = body.into();
    }

    /// Sets a JSON body.
    pub fn json_body(&mut self, value: &impl ::serde::Serialize) -> Result<(), RequestError> {
        let bytes = ::serde_json::to_vec(value).map_err(RequestError::Json)?;
        self.body("application/json", bytes);
        Ok(())
    }

    /// Assembles the `http::Request`, adding `Content-Length` when there is a body.
    pub fn finish(self) -> Result<::http::Request<::bytes::Bytes>, RequestError> {
        let mut builder = ::http::Request::builder()
            .method(self.method)
            .uri(&self.uri);
        for (name, value) in &self.headers {
            let header_value = ::http::HeaderValue::from_str(value).map_err(|err| {
                RequestError::InvalidHeader {
                    header: name.clone(),
                    message: err.to_string(),
                }
            })?;
            builder = builder.header(name.as_str(), header_value);
        }
        if !self.body.is_empty() {
            builder = builder.header("Content-Length", self.body.len().to_string());
        }
        if let Some(prefix) = self.host_prefix {
            builder = builder.extension(HostPrefix(prefix));
        }
        builder.body(self.body).map_err(RequestError::Http)
    }
}
