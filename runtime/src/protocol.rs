//! The wire rules generated operations share: URI labels, query strings,
//! header values and bodies as AWS's own SDKs write them, error codes as they
//! read them, and the errors of both directions.
//!
//! Users name only the errors ([`RequestError`], [`ResponseError`] with its
//! [`ResponseProblem`], [`ErrorMeta`]) and [`HostPrefix`]; the helpers the
//! generated code calls are `#[doc(hidden)]`, outside the API that semver
//! covers, so they can change in any release.

use std::fmt;

use ::percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// Bytes that stay as they are in URI labels and query strings: RFC 3986's unreserved set.
pub(crate) const UNRESERVED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// Whether `byte` is in [`UNRESERVED`], for code that encodes byte by byte.
pub(crate) const fn is_unreserved(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~')
}

/// The same, keeping `/` for greedy labels (`{key+}`).
pub(crate) const UNRESERVED_AND_SLASH: &AsciiSet = &UNRESERVED.remove(b'/');

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
    /// The body could not be written as CBOR.
    Cbor(::std::string::String),
    /// A union holds a member this version of the crate does not know
    /// (read from a response), which cannot be sent back.
    UnknownUnionMember {
        /// The union's name in the model.
        union: &'static str,
    },
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
            RequestError::Cbor(err) => write!(f, "cannot write the CBOR body: {err}"),
            RequestError::UnknownUnionMember { union } => write!(
                f,
                "the `{union}` union holds a member this crate does not know, which cannot be sent"
            ),
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
#[doc(hidden)]
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
#[doc(hidden)]
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
#[doc(hidden)]
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
#[doc(hidden)]
pub fn float32_text(value: f32) -> ::std::string::String {
    if value.is_finite() {
        value.to_string()
    } else {
        float_text(f64::from(value))
    }
}

/// Text of a timestamp in `format` (for labels, query strings and headers).
#[doc(hidden)]
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
#[doc(hidden)]
pub enum TimestampText {
    /// Seconds since the epoch.
    EpochSeconds,
    /// RFC 3339.
    Iso8601,
    /// RFC 7231 HTTP-date.
    HttpDate,
}

/// Joins list items for a header as botocore does: with `,`, strings that
/// contain a comma or a quote wrapped in quotes, their quotes escaped.
#[doc(hidden)]
pub fn header_list<'a>(
    items: impl IntoIterator<Item = ::std::borrow::Cow<'a, str>>,
    quote_strings: bool,
) -> ::std::string::String {
    let mut out = ::std::string::String::new();
    for (index, item) in items.into_iter().enumerate() {
        if index > 0 {
            out.push(',');
        }
        if quote_strings && (item.contains(',') || item.contains('"')) {
            out.push('"');
            out.push_str(&item.replace('"', "\\\""));
            out.push('"');
        } else {
            out.push_str(&item);
        }
    }
    out
}

/// Base64 text of binary data (blobs outside JSON documents).
#[doc(hidden)]
pub fn base64_text(bytes: &[u8]) -> ::std::string::String {
    use ::base64::Engine as _;
    ::base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// Base64 of a header value that carries JSON (`jsonvalue` members).
#[doc(hidden)]
pub fn json_header(value: &str) -> ::std::string::String {
    use ::base64::Engine as _;
    ::base64::engine::general_purpose::STANDARD.encode(value.as_bytes())
}

/// A fresh idempotency token (a random UUID v4).
#[doc(hidden)]
pub fn idempotency_token() -> ::std::string::String {
    ::uuid::Uuid::new_v4().to_string()
}

/// The prefix an operation puts before the endpoint's host (from the model's
/// `endpoint.hostPrefix`), stored in the request's extensions for the client to apply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostPrefix(pub ::std::string::String);

/// Appends a host label: it must be a non-empty DNS label (letters, digits, hyphens).
#[doc(hidden)]
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
#[doc(hidden)]
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
        // Most bodies fit in the first kilobyte; growing from serde_json's
        // default of 128 bytes copies a body several times over.
        let mut bytes = ::std::vec::Vec::with_capacity(1024);
        ::serde_json::to_writer(&mut bytes, value).map_err(RequestError::Json)?;
        self.body("application/json", bytes);
        Ok(())
    }

    /// Sets a CBOR body.
    #[cfg(feature = "cbor")]
    pub fn cbor_body(&mut self, value: &impl ::serde::Serialize) -> Result<(), RequestError> {
        let bytes = crate::cbor::to_vec(value)?;
        self.body(crate::cbor::CONTENT_TYPE, bytes);
        Ok(())
    }

    /// Assembles the `http::Request`, adding `Content-Length` when there is a body.
    pub fn finish(self) -> Result<::http::Request<::bytes::Bytes>, RequestError> {
        // Filled in place rather than through `http::request::Builder`, which
        // re-parses and carries a `Result` through every call: a visible part
        // of writing a small request.
        let method = ::http::Method::from_bytes(self.method.as_bytes())
            .map_err(|err| RequestError::Http(err.into()))?;
        let uri = ::http::Uri::try_from(self.uri).map_err(|err| RequestError::Http(err.into()))?;
        let mut headers = ::http::HeaderMap::with_capacity(self.headers.len() + 1);
        for (name, value) in self.headers {
            let invalid = |message: ::std::string::String| RequestError::InvalidHeader {
                header: name.clone(),
                message,
            };
            let header_name = ::http::HeaderName::from_bytes(name.as_bytes())
                .map_err(|err| invalid(err.to_string()))?;
            let header_value =
                ::http::HeaderValue::try_from(value).map_err(|err| invalid(err.to_string()))?;
            headers.append(header_name, header_value);
        }
        // As botocore: every method but GET, HEAD and OPTIONS states its
        // length, `0` included (an empty POST or DELETE).
        let states_length = !matches!(
            method,
            ::http::Method::GET | ::http::Method::HEAD | ::http::Method::OPTIONS
        );
        if states_length || !self.body.is_empty() {
            headers.insert(
                ::http::header::CONTENT_LENGTH,
                ::http::HeaderValue::from(self.body.len()),
            );
        }
        let mut request = ::http::Request::new(self.body);
        *request.method_mut() = method;
        *request.uri_mut() = uri;
        *request.headers_mut() = headers;
        if let Some(prefix) = self.host_prefix {
            request.extensions_mut().insert(HostPrefix(prefix));
        }
        Ok(request)
    }
}

/// A response that could not be read: what was wrong with it, and what the
/// response said about itself (status, request id) once the operation that
/// read it has attached that.
#[derive(Debug)]
pub struct ResponseError {
    problem: ResponseProblem,
    // Boxed: every `Result` of the response readers carries this type, and
    // its size is what they move on the success path too.
    meta: Option<Box<ErrorMeta>>,
}

/// What was wrong with a response.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ResponseProblem {
    /// The body is not the JSON the model describes.
    InvalidBody {
        /// What was being read, e.g. `GetRestApis output`.
        context: &'static str,
        /// The parser's message, with line and column.
        message: ::std::string::String,
    },
    /// A header's value does not have the member's type.
    InvalidHeader {
        /// The header's name.
        header: &'static str,
        /// Why.
        message: ::std::string::String,
    },
}

impl ResponseError {
    /// What was wrong with the response.
    pub fn problem(&self) -> &ResponseProblem {
        &self.problem
    }

    /// The response's status and request id (and any code and message it
    /// carried); `None` only before an operation attaches them.
    pub fn meta(&self) -> Option<&ErrorMeta> {
        self.meta.as_deref()
    }

    /// A body that is not what the model describes.
    #[doc(hidden)]
    pub fn invalid_body(context: &'static str, message: impl Into<::std::string::String>) -> Self {
        ResponseProblem::InvalidBody {
            context,
            message: message.into(),
        }
        .into()
    }

    /// A header whose value does not have the member's type.
    #[doc(hidden)]
    pub fn invalid_header(header: &'static str, message: impl Into<::std::string::String>) -> Self {
        ResponseProblem::InvalidHeader {
            header,
            message: message.into(),
        }
        .into()
    }

    /// Attaches what `response` says about itself; generated operations call
    /// this, so every `ResponseError` users see has it.
    #[doc(hidden)]
    pub fn with_response(mut self, response: &::http::Response<::bytes::Bytes>) -> Self {
        self.meta = Some(Box::new(ErrorMeta::from_response(response, None)));
        self
    }
}

impl From<ResponseProblem> for ResponseError {
    fn from(problem: ResponseProblem) -> Self {
        ResponseError {
            problem,
            meta: None,
        }
    }
}

impl fmt::Display for ResponseProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ResponseProblem::InvalidBody { context, message } => {
                write!(f, "invalid {context} body: {message}")
            }
            ResponseProblem::InvalidHeader { header, message } => {
                write!(f, "invalid header `{header}`: {message}")
            }
        }
    }
}

impl fmt::Display for ResponseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.problem, f)?;
        match &self.meta {
            Some(meta) => meta.fmt_origin(f),
            None => Ok(()),
        }
    }
}

impl ::std::error::Error for ResponseError {}

/// A value read from an HTTP response: an operation's output, or one of the
/// service's modeled exceptions. Members come from the status, the headers and
/// the body they are bound to.
pub trait FromResponse: Sized {
    /// Reads the value from `response`.
    fn from_response(response: &::http::Response<::bytes::Bytes>) -> Result<Self, ResponseError>;
}

/// An operation without output reads nothing from its response.
impl FromResponse for () {
    fn from_response(_: &::http::Response<::bytes::Bytes>) -> Result<Self, ResponseError> {
        Ok(())
    }
}

/// An operation's error type, read from the service's responses.
pub trait FromErrorResponse: Sized {
    /// The error an error response (status 300 or more) carries.
    fn from_error_response(response: &::http::Response<::bytes::Bytes>) -> Self;

    /// The error for a response that could not be read.
    fn invalid_response(error: ResponseError) -> Self;
}

/// The operation error `E` for an error response that carries the exception
/// `T`: `variant` holding it, or, when it cannot be read, `E`'s invalid
/// response.
pub fn read_exception<T: FromResponse, E: FromErrorResponse>(
    response: &::http::Response<::bytes::Bytes>,
    variant: fn(T) -> E,
) -> E {
    match T::from_response(response) {
        Ok(exception) => variant(exception),
        Err(error) => E::invalid_response(error.with_response(response)),
    }
}

/// Reads an operation's response: its output for a success status, else the
/// error the response carries. AWS answers errors with a status of 300 or more.
///
/// Every generated operation reads its responses with this: the protocol's
/// rules are in the output's and the error's impls.
pub fn parse_response<Output: FromResponse, Error: FromErrorResponse>(
    response: &::http::Response<::bytes::Bytes>,
) -> Result<Output, Error> {
    parse_response_with(response, Output::from_response)
}

/// [`parse_response`] for a protocol whose outputs read with `read`.
#[doc(hidden)]
pub fn parse_response_with<Output, Error: FromErrorResponse>(
    response: &::http::Response<::bytes::Bytes>,
    read: impl FnOnce(&::http::Response<::bytes::Bytes>) -> Result<Output, ResponseError>,
) -> Result<Output, Error> {
    if response.status().as_u16() >= 300 {
        return Err(Error::from_error_response(response));
    }
    read(response).map_err(|error| Error::invalid_response(error.with_response(response)))
}

/// What an error response says about itself: status, code, message, request
/// id. An operation's `Unhandled` error is one of these (a code the model does
/// not document for the operation); every modeled exception read from a
/// response keeps its own (`meta()`), so its message survives even when the
/// model gives the exception no `message` member.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ErrorMeta {
    /// The HTTP status.
    pub status: u16,
    /// The error code, when the response has one.
    pub code: Option<::std::string::String>,
    /// The error message, when the response has one.
    pub message: Option<::std::string::String>,
    /// The request id AWS assigned (`x-amzn-requestid`), for support cases.
    pub request_id: Option<::std::string::String>,
    /// Whose fault the error is, `Sender` or `Receiver`, where a service that
    /// used to speak the query protocol says so (`x-amzn-query-error`).
    pub error_type: Option<::std::string::String>,
}

impl ErrorMeta {
    /// Reads what an error response says about itself.
    #[doc(hidden)]
    pub fn from_response(
        response: &::http::Response<::bytes::Bytes>,
        code: Option<::std::string::String>,
    ) -> Self {
        let body = response.body();
        let (xml_message, xml_request_id) = xml_error_details(body);
        // An XML error body's request id comes first, as botocore's query,
        // EC2 and REST-XML parsers read it from there; the headers otherwise.
        let request_id = xml_request_id.or_else(|| {
            ["x-amzn-requestid", "x-amz-request-id"]
                .iter()
                .find_map(|name| response.headers().get(*name))
                .and_then(|value| value.to_str().ok())
                .map(str::to_owned)
        });
        ErrorMeta {
            status: response.status().as_u16(),
            code,
            message: error_message(body)
                .or(xml_message)
                .or_else(|| cbor_error_message(body)),
            request_id,
            error_type: query_error(response).map(|(_, error_type)| error_type.to_owned()),
        }
    }
}

impl ErrorMeta {
    /// Writes where the error came from, ` (HTTP 404) [request id …]`, as
    /// every error's `Display` ends.
    #[doc(hidden)]
    pub fn fmt_origin(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, " (HTTP {})", self.status)?;
        if let Some(request_id) = &self.request_id {
            write!(f, " [request id {request_id}]")?;
        }
        Ok(())
    }
}

impl fmt::Display for ErrorMeta {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.code.as_deref().unwrap_or("unknown error"))?;
        if let Some(message) = &self.message {
            write!(f, ": {message}")?;
        }
        self.fmt_origin(f)
    }
}

impl ::std::error::Error for ErrorMeta {}

/// The error code of an error response: the `x-amzn-errortype` header, else the
/// body's `__type` or `code`, without a `namespace#` prefix or a `:uri` suffix.
#[doc(hidden)]
pub fn error_code(response: &::http::Response<::bytes::Bytes>) -> Option<::std::string::String> {
    let from_header = response
        .headers()
        .get("x-amzn-errortype")
        .and_then(|value| value.to_str().ok())
        .map(str::to_owned);
    let raw = from_header.or_else(|| {
        let body: ::serde_json::Value = ::serde_json::from_slice(response.body()).ok()?;
        ["__type", "code", "Code"]
            .iter()
            .find_map(|key| body.get(*key).and_then(|v| v.as_str()).map(str::to_owned))
    })?;
    bare_error_code(&raw)
}

/// An error code without its namespace (`aws.example#Throttling` is
/// `Throttling`) or a trailing `:uri`, as botocore's parsers strip them;
/// `None` when nothing is left.
pub(crate) fn bare_error_code(raw: &str) -> Option<::std::string::String> {
    let without_uri = raw.split(':').next().unwrap_or_default();
    let code = without_uri.rsplit('#').next().unwrap_or_default();
    (!code.is_empty()).then(|| code.to_owned())
}

/// The error code a service that used to speak the query protocol sends in
/// `x-amzn-query-error: Code;Type`; it names the modeled error where the body's
/// code is the JSON protocol's own.
#[doc(hidden)]
pub fn query_error_code(
    response: &::http::Response<::bytes::Bytes>,
) -> Option<::std::string::String> {
    query_error(response).map(|(code, _)| code.to_owned())
}

/// The error code of a query-compatible service's error response: of the
/// `x-amzn-query-error` code and the protocol's `own` code (JSON's or
/// CBOR's), the first that names one of the operation's `modeled` errors;
/// else the query code, which is the code botocore reports, or the own code.
#[doc(hidden)]
pub fn query_compatible_error_code(
    response: &::http::Response<::bytes::Bytes>,
    own: Option<::std::string::String>,
    modeled: &[&str],
) -> Option<::std::string::String> {
    let query = query_error_code(response);
    let is_modeled = |code: &Option<::std::string::String>| {
        code.as_deref().is_some_and(|code| modeled.contains(&code))
    };
    if is_modeled(&query) || !is_modeled(&own) {
        query.or(own)
    } else {
        own
    }
}

/// The `(code, type)` of `x-amzn-query-error`, when it has both parts and a code,
/// as botocore requires.
fn query_error(response: &::http::Response<::bytes::Bytes>) -> Option<(&str, &str)> {
    let value = response
        .headers()
        .get("x-amzn-query-error")?
        .to_str()
        .ok()?;
    let (code, error_type) = value.split_once(';')?;
    (!code.is_empty() && !error_type.contains(';')).then_some((code, error_type))
}

/// The message and request id an XML error body carries (the XML protocols
/// put both in the body).
#[cfg(feature = "xml")]
fn xml_error_details(
    body: &[u8],
) -> (Option<::std::string::String>, Option<::std::string::String>) {
    if body.trim_ascii_start().starts_with(b"<") {
        crate::xml::error_details(body)
    } else {
        (None, None)
    }
}

/// Without the `xml` feature no crate reads XML bodies.
#[cfg(not(feature = "xml"))]
fn xml_error_details(
    _body: &[u8],
) -> (Option<::std::string::String>, Option<::std::string::String>) {
    (None, None)
}

/// The message of a CBOR error body.
#[cfg(feature = "cbor")]
fn cbor_error_message(body: &[u8]) -> Option<::std::string::String> {
    crate::cbor::error_message(body)
}

/// Without the `cbor` feature no crate reads CBOR bodies.
#[cfg(not(feature = "cbor"))]
fn cbor_error_message(_body: &[u8]) -> Option<::std::string::String> {
    None
}

/// The message of an error body: `message`, `Message` or `errorMessage`.
#[doc(hidden)]
pub fn error_message(body: &[u8]) -> Option<::std::string::String> {
    let body: ::serde_json::Value = ::serde_json::from_slice(body).ok()?;
    ["message", "Message", "errorMessage"]
        .iter()
        .find_map(|key| body.get(*key).and_then(|v| v.as_str()).map(str::to_owned))
}

/// Reads a JSON body; an empty body reads as `{}`.
#[doc(hidden)]
pub fn json_body<T: ::serde::de::DeserializeOwned>(
    body: &[u8],
    context: &'static str,
) -> Result<T, ResponseError> {
    let text = body_text(body, context)?;
    let text = if text.trim().is_empty() { "{}" } else { text };
    ::serde_json::from_str(text)
        .map_err(|err| ResponseError::invalid_body(context, err.to_string()))
}

/// Reads a JSON payload; an empty body is an absent payload.
#[doc(hidden)]
pub fn json_payload<T: ::serde::de::DeserializeOwned>(
    body: &[u8],
    context: &'static str,
) -> Result<Option<T>, ResponseError> {
    let text = body_text(body, context)?;
    if text.trim().is_empty() {
        return Ok(None);
    }
    ::serde_json::from_str(text)
        .map(Some)
        .map_err(|err| ResponseError::invalid_body(context, err.to_string()))
}

/// The body as text. Checking UTF-8 once up front lets the JSON parser skip
/// checking every string again, which is most of its work on string-heavy bodies.
fn body_text<'a>(body: &'a [u8], context: &'static str) -> Result<&'a str, ResponseError> {
    ::std::str::from_utf8(body)
        .map_err(|err| ResponseError::invalid_body(context, format!("not UTF-8: {err}")))
}

/// A header's text, if the response has the header.
#[doc(hidden)]
pub fn header<'a>(
    response: &'a ::http::Response<::bytes::Bytes>,
    name: &'static str,
) -> Result<Option<&'a str>, ResponseError> {
    match response.headers().get(name) {
        None => Ok(None),
        Some(value) => value
            .to_str()
            .map(Some)
            .map_err(|err| ResponseError::invalid_header(name, err.to_string())),
    }
}

/// Parses a header's text as a number or boolean.
#[doc(hidden)]
pub fn parse_header<T: ::std::str::FromStr>(
    name: &'static str,
    text: &str,
) -> Result<T, ResponseError>
where
    T::Err: fmt::Display,
{
    text.trim()
        .parse()
        .map_err(|err: T::Err| ResponseError::invalid_header(name, format!("{text:?}: {err}")))
}

/// Parses a float header, accepting `NaN`, `Infinity` and `-Infinity`.
#[doc(hidden)]
pub fn parse_float_header(name: &'static str, text: &str) -> Result<f64, ResponseError> {
    match text.trim() {
        "NaN" => Ok(f64::NAN),
        "Infinity" => Ok(f64::INFINITY),
        "-Infinity" => Ok(f64::NEG_INFINITY),
        other => parse_header(name, other),
    }
}

/// Parses a timestamp header in `format`.
#[doc(hidden)]
pub fn parse_timestamp_header(
    name: &'static str,
    text: &str,
    format: TimestampText,
) -> Result<::time::OffsetDateTime, ResponseError> {
    let text = text.trim();
    let invalid = |message: ::std::string::String| ResponseError::invalid_header(name, message);
    match format {
        TimestampText::EpochSeconds => {
            let seconds: f64 = parse_header(name, text)?;
            let micros = (seconds * 1_000_000.0).round() as i128;
            ::time::OffsetDateTime::from_unix_timestamp_nanos(micros * 1_000)
                .map_err(|err| invalid(err.to_string()))
        }
        TimestampText::Iso8601 => {
            ::time::OffsetDateTime::parse(text, &::time::format_description::well_known::Rfc3339)
                .map_err(|err| invalid(format!("{text:?}: {err}")))
        }
        TimestampText::HttpDate => ::httpdate::parse_http_date(text)
            .map(::time::OffsetDateTime::from)
            .map_err(|err| invalid(format!("{text:?}: {err}"))),
    }
}

/// Decodes a `jsonvalue` header: base64 of JSON text.
#[doc(hidden)]
pub fn parse_json_header(
    name: &'static str,
    text: &str,
) -> Result<::std::string::String, ResponseError> {
    use ::base64::Engine as _;
    let bytes = ::base64::engine::general_purpose::STANDARD
        .decode(text.trim())
        .map_err(|err| ResponseError::invalid_header(name, err.to_string()))?;
    ::std::string::String::from_utf8(bytes)
        .map_err(|err| ResponseError::invalid_header(name, err.to_string()))
}

/// Splits a list header on commas, honouring double-quoted items.
#[doc(hidden)]
pub fn split_header_list(text: &str) -> ::std::vec::Vec<::std::string::String> {
    let mut items = ::std::vec::Vec::new();
    let mut current = ::std::string::String::new();
    let mut quoted = false;
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => quoted = !quoted,
            '\\' if quoted => current.extend(chars.next()),
            ',' if !quoted => items.push(::std::mem::take(&mut current).trim().to_owned()),
            other => current.push(other),
        }
    }
    if !current.trim().is_empty() || !items.is_empty() {
        items.push(current.trim().to_owned());
    }
    items
}

/// Splits a list of HTTP-dates, whose items contain a comma of their own.
#[doc(hidden)]
pub fn split_http_date_list(text: &str) -> ::std::vec::Vec<::std::string::String> {
    let parts: ::std::vec::Vec<&str> = text.split(',').collect();
    parts
        .chunks(2)
        .map(|pair| pair.join(",").trim().to_owned())
        .collect()
}

/// Every header starting with `prefix`, keyed by the rest of its name:
/// empty when there are none, as botocore's `_parse_header_map` reads them.
#[doc(hidden)]
pub fn prefix_headers(
    response: &::http::Response<::bytes::Bytes>,
    prefix: &'static str,
) -> Result<::std::collections::BTreeMap<::std::string::String, ::std::string::String>, ResponseError>
{
    let prefix_lower = prefix.to_ascii_lowercase();
    let mut map = ::std::collections::BTreeMap::new();
    for (name, value) in response.headers() {
        if let Some(rest) = name.as_str().strip_prefix(&prefix_lower) {
            let text = value
                .to_str()
                .map_err(|err| ResponseError::invalid_header(prefix, err.to_string()))?;
            map.insert(rest.to_owned(), text.to_owned());
        }
    }
    Ok(map)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn is_unreserved_agrees_with_the_unreserved_set() {
        for byte in 0..=127u8 {
            let text = char::from(byte).to_string();
            let kept = utf8_percent_encode(&text, UNRESERVED).to_string() == text;
            assert_eq!(is_unreserved(byte), kept, "byte {byte}");
        }
        assert!((128..=255u8).all(|byte| !is_unreserved(byte)));
    }

    /// An output that reads the body as its text, failing on `bad`.
    #[derive(Debug, PartialEq)]
    struct Text(::std::string::String);

    impl FromResponse for Text {
        fn from_response(
            response: &::http::Response<::bytes::Bytes>,
        ) -> Result<Self, ResponseError> {
            match response.body().as_ref() {
                b"bad" => Err(ResponseError::invalid_body("Text", "bad text")),
                body => Ok(Text(
                    ::std::string::String::from_utf8_lossy(body).into_owned(),
                )),
            }
        }
    }

    /// An operation error: the exception it carries, or an unreadable response.
    #[derive(Debug)]
    enum TextError {
        Exception(Text),
        Invalid(ResponseError),
    }

    impl FromErrorResponse for TextError {
        fn from_error_response(response: &::http::Response<::bytes::Bytes>) -> Self {
            read_exception(response, TextError::Exception)
        }

        fn invalid_response(error: ResponseError) -> Self {
            TextError::Invalid(error)
        }
    }

    fn response(status: u16, body: &'static str) -> ::http::Response<::bytes::Bytes> {
        ::http::Response::builder()
            .status(status)
            .header("x-amzn-requestid", "req-1")
            .body(::bytes::Bytes::from_static(body.as_bytes()))
            .unwrap()
    }

    #[test]
    fn a_success_status_reads_the_output_and_300_or_more_reads_the_error() {
        let output: Result<Text, TextError> = parse_response(&response(200, "hello"));
        assert_eq!(output.unwrap(), Text("hello".to_owned()));
        let redirect: Result<Text, TextError> = parse_response(&response(300, "moved"));
        assert!(matches!(redirect, Err(TextError::Exception(Text(text))) if text == "moved"));
        let nothing: Result<(), TextError> = parse_response(&response(204, "ignored"));
        assert!(nothing.is_ok());
    }

    #[test]
    fn an_unreadable_output_or_exception_is_an_invalid_response_that_keeps_the_request_id() {
        for status in [200, 400] {
            let read: Result<Text, TextError> = parse_response(&response(status, "bad"));
            let Err(TextError::Invalid(error)) = read else {
                panic!("status {status}: {read:?}");
            };
            assert_eq!(
                error.problem(),
                &ResponseProblem::InvalidBody {
                    context: "Text",
                    message: "bad text".to_owned()
                }
            );
            let meta = error.meta().expect("the response's meta is attached");
            assert_eq!(
                (meta.status, meta.request_id.as_deref()),
                (status, Some("req-1"))
            );
        }
    }
}
