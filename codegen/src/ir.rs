//! The resolved intermediate representation: names, Rust types, recursion and
//! module placement decided once, so the emitters only print.

use std::collections::BTreeMap;

/// Everything the emitters need to print one service crate.
#[derive(Debug, Clone, PartialEq)]
pub struct Service {
    /// Cargo package name of the generated crate, e.g. `awsgen-apigateway`.
    pub crate_name: String,
    /// Rust library name, e.g. `awsgen_apigateway`.
    pub lib_name: String,
    /// Human name, e.g. `Amazon API Gateway`.
    pub full_name: String,
    /// API version, e.g. `2015-07-09`.
    pub api_version: String,
    /// The wire protocol, resolved as botocore resolves it.
    pub protocol: Protocol,
    /// Whether a JSON service answers with its former query protocol's error
    /// codes (`awsQueryCompatible`), in the `x-amzn-query-error` header.
    pub query_compatible: bool,
    /// SDK service id, e.g. `API Gateway`.
    pub service_id: String,
    /// Endpoint prefix, e.g. `apigateway`.
    pub endpoint_prefix: String,
    /// Name used when signing requests.
    pub signing_name: String,
    /// Service documentation as Markdown.
    pub docs: String,
    /// Where the model came from, for file headers, e.g. `model/apigateway/2015-07-09/service-2.json`.
    pub source: String,
    /// Every generated type, keyed by model shape name.
    pub types: BTreeMap<String, TypeDef>,
    /// Every operation, sorted by model name.
    pub operations: Vec<OperationDef>,
    /// The shapes a response may carry as an error, by model name, sorted:
    /// every exception (botocore looks error codes up across the whole
    /// service), and any other shape an operation lists among its errors.
    pub error_shapes: Vec<String>,
    /// The endpoint rule set (`endpoint-rule-set-1.json`), minified, when the
    /// model comes with one.
    pub endpoint_rules: Option<String>,
    /// The model's waiters (`waiters-2.json`), sorted by model name; those
    /// of operations an operation subset leaves out are left out.
    pub waiters: Vec<WaiterDef>,
    /// When the crate has only some of the service's operations (an
    /// [`OperationSubset`](crate::subset::OperationSubset)): how many the whole service has.
    pub subset_of: Option<usize>,
}

/// The wire protocols of AWS services.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Protocol {
    /// `rest-json`: HTTP bindings per member, JSON bodies.
    RestJson,
    /// `json` (awsJson 1.0 or 1.1): `POST /` with the operation in `X-Amz-Target`.
    AwsJson {
        /// `1.0` or `1.1`, the suffix of the content type.
        version: String,
        /// The prefix of `X-Amz-Target`, e.g. `DynamoDB_20120810`.
        target_prefix: String,
    },
    /// `rest-xml`: HTTP bindings per member, XML bodies.
    RestXml,
    /// `query` (awsQuery): form-encoded requests, XML responses.
    AwsQuery,
    /// `ec2` (ec2Query): EC2's variant of the query protocol.
    Ec2Query,
    /// `smithy-rpc-v2-cbor`: CBOR bodies under `/service/…/operation/…`.
    RpcV2Cbor {
        /// The service's name in the path, e.g. `RpcV2Protocol`.
        target_prefix: String,
    },
}

impl Protocol {
    /// The protocols in the order botocore prefers them when a model lists
    /// several (`PRIORITY_ORDERED_SUPPORTED_PROTOCOLS` in `botocore/utils.py`).
    pub const PREFERENCE: [&'static str; 6] = [
        "json",
        "rest-json",
        "rest-xml",
        "smithy-rpc-v2-cbor",
        "query",
        "ec2",
    ];

    /// The protocol's name in models, e.g. `rest-json`.
    pub fn model_name(&self) -> &'static str {
        match self {
            Protocol::RestJson => "rest-json",
            Protocol::AwsJson { .. } => "json",
            Protocol::RestXml => "rest-xml",
            Protocol::AwsQuery => "query",
            Protocol::Ec2Query => "ec2",
            Protocol::RpcV2Cbor { .. } => "smithy-rpc-v2-cbor",
        }
    }

    /// Whether members are bound to parts of the HTTP message (URI, query
    /// string, headers), rather than all travelling in the body.
    pub fn has_http_bindings(&self) -> bool {
        matches!(self, Protocol::RestJson | Protocol::RestXml)
    }
}

/// Which module of the generated crate a type lives in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Module {
    /// `crate::types`: structures, enums and unions.
    Types,
    /// `crate::error`: exception structures.
    Error,
}

impl Module {
    /// Every module that holds types, in the order the crate declares them.
    pub const ALL: [Module; 2] = [Module::Types, Module::Error];

    /// The module's name in the crate.
    pub fn name(self) -> &'static str {
        match self {
            Module::Types => "types",
            Module::Error => "error",
        }
    }
}

/// A generated named type.
#[derive(Debug, Clone, PartialEq)]
pub struct TypeDef {
    /// Shape name in the model.
    pub model_name: String,
    /// Rust type name.
    pub rust_name: String,
    /// Module the type is placed in.
    pub module: Module,
    /// File stem within the module's folder.
    pub file_stem: String,
    /// Documentation as Markdown (may be empty).
    pub docs: String,
    /// Deprecation note, when the shape is deprecated.
    pub deprecated: Option<String>,
    /// What kind of type it is.
    pub kind: TypeKind,
}

/// The kinds of generated type.
#[derive(Debug, Clone, PartialEq)]
pub enum TypeKind {
    /// A structure (or exception) with a builder.
    Struct(StructDef),
    /// A string enum with a catch-all for unknown values.
    Enum(EnumDef),
    /// A tagged union with a catch-all for unknown members.
    Union(StructDef),
}

/// A string enum's variants.
#[derive(Debug, Clone, PartialEq)]
pub struct EnumDef {
    /// `(variant name, wire value)` pairs in model order.
    pub variants: Vec<(String, String)>,
}

/// A structure's members and roles.
#[derive(Debug, Clone, PartialEq)]
pub struct StructDef {
    /// Members in model order.
    pub members: Vec<MemberDef>,
    /// Error metadata, for exception shapes.
    pub error: Option<ErrorDef>,
    /// Whether the structure is the input of some operation.
    pub is_operation_input: bool,
    /// Whether the structure is the output of some operation.
    pub is_operation_output: bool,
    /// Whether the structure is (reachable from) an operation input.
    pub in_input: bool,
    /// Whether the structure travels in (or is) the body of a request with
    /// wire code: the input's payload member, or the input itself where
    /// members go to the body, and all they reach.
    pub in_request_body: bool,
    /// Whether the structure is read from (or is) the body of a response:
    /// an output's payload member, an output or error with members outside
    /// the headers and status code, and all they reach.
    pub in_response_body: bool,
    /// Whether the structure is (reachable from) an operation output or error.
    pub in_output: bool,
}

impl StructDef {
    /// Whether any member must be redacted from `Debug` output.
    pub fn has_sensitive(&self) -> bool {
        self.members.iter().any(|m| m.sensitive)
    }
}

/// Error metadata of an exception structure.
#[derive(Debug, Clone, PartialEq)]
pub struct ErrorDef {
    /// Error code on the wire.
    pub code: String,
    /// Whether a response with that code reads as this error: not when a
    /// later exception in the model has the same code, as botocore's code
    /// lookup keeps the last one.
    pub answers_code: bool,
    /// HTTP status the service answers with, when modelled.
    pub http_status: Option<u16>,
    /// Whether the service (not the caller) is at fault.
    pub fault: bool,
    /// The model's `retryable` trait: `Some(true)` for a throttling error,
    /// `Some(false)` for another retryable one.
    pub retryable_throttling: Option<bool>,
    /// The field of the string member that holds the message (`message` or
    /// `Message`), read by the exception's `message()`, when there is one.
    pub message_field: Option<String>,
}

/// One structure member or union variant.
#[derive(Debug, Clone, PartialEq)]
pub struct MemberDef {
    /// Member name in the model.
    pub model_name: String,
    /// Rust field name.
    pub field_name: String,
    /// Builder method names, unique within the builder.
    pub setter: String,
    /// Builder method taking an `Option`.
    pub option_setter: String,
    /// Builder getter.
    pub getter: String,
    /// The structure's method reading the member (`stage_name()`), unique
    /// among its methods; `None` where another method stands for it (an
    /// exception's `message()`).
    pub accessor: Option<String>,
    /// Variant name when the member belongs to a union.
    pub variant_name: String,
    /// Key of the member in the serde form: the JSON body key (`locationName`) of body
    /// members, the model name of members bound to the URI, query string or headers.
    pub json_name: String,
    /// Documentation as Markdown (may be empty).
    pub docs: String,
    /// The member's Rust type, without the outer `Option`.
    pub ty: RustType,
    /// Whether the model lists the member as required.
    pub required: bool,
    /// Where the member travels in an HTTP message.
    pub binding: Binding,
    /// Whether the value must be redacted from `Debug` output.
    pub sensitive: bool,
    /// Deprecation note, when deprecated.
    pub deprecated: Option<String>,
    /// Whether the value needs a `Box` because the type contains itself.
    pub boxed: bool,
    /// Whether an unset value is filled with a fresh token.
    pub idempotency_token: bool,
    /// Whether a string carries JSON.
    pub jsonvalue: bool,
    /// Whether the value is part of the endpoint host.
    pub host_label: bool,
    /// Timestamp wire format in JSON documents, for timestamp members.
    pub timestamp_format: Option<TimestampFormat>,
    /// The format the model sets on the member or its shape, if any; outside
    /// JSON documents each location has its own default.
    pub explicit_timestamp_format: Option<TimestampFormat>,
    /// How the member is named and laid out in XML documents and query strings.
    pub xml: XmlForm,
}

/// How a value is named and laid out in XML documents and query strings: the
/// model's serialization keys of one shape reference (a structure member, a
/// list's member, a map's key or value), the reference's own over its
/// target shape's, as botocore merges them (`ShapeResolver.resolve_shape_ref`).
/// Only model facts: what each protocol makes of them is the protocol's.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct XmlForm {
    /// `locationName`: the element, attribute or query key name.
    pub name: Option<String>,
    /// `queryName`: the key in EC2 requests.
    pub query_name: Option<String>,
    /// `flattened`: a list's or map's entries repeat in place, unwrapped.
    pub flattened: bool,
    /// `xmlAttribute`: the value is an attribute of the enclosing element.
    pub attribute: bool,
    /// `xmlNamespace`: the namespace the element declares.
    pub namespace: Option<XmlNamespace>,
    /// The forms of a list's member or a map's key and value.
    pub items: XmlItems,
}

/// The forms inside a list or map value.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum XmlItems {
    /// Not a list or map: nothing inside (a structure's members have their own forms).
    #[default]
    None,
    /// A list's member.
    List(Box<XmlForm>),
    /// A map's key and value.
    Map(Box<XmlForm>, Box<XmlForm>),
}

/// An XML namespace declaration: `xmlns="uri"` or `xmlns:prefix="uri"`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XmlNamespace {
    /// The prefix, when the declaration names one.
    pub prefix: Option<String>,
    /// The namespace URI.
    pub uri: String,
}

/// Where a member travels in an HTTP message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Binding {
    /// A key of the JSON body.
    Body,
    /// The whole HTTP payload.
    Payload,
    /// A URI label; `greedy` labels keep their slashes.
    Uri {
        /// The label's name in the URI template.
        label: String,
        /// Whether the label is `{name+}`.
        greedy: bool,
    },
    /// A query-string parameter.
    Query(String),
    /// One header.
    Header(String),
    /// Every header with this prefix.
    PrefixHeaders(String),
    /// The response status code.
    StatusCode,
}

impl Binding {
    /// Whether the member is carried inside the JSON body.
    pub fn is_body(&self) -> bool {
        matches!(self, Binding::Body)
    }
}

/// The wire formats of timestamps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TimestampFormat {
    /// Seconds since the epoch, possibly fractional.
    EpochSeconds,
    /// RFC 3339 / ISO 8601 date-time.
    Iso8601,
    /// RFC 7231 HTTP-date (RFC 822 style).
    HttpDate,
}

/// A member's Rust type.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RustType {
    /// `String`.
    String,
    /// `bool`.
    Bool,
    /// `i8`.
    Byte,
    /// `i16`.
    Short,
    /// `i32`.
    Integer,
    /// `i64`.
    Long,
    /// `f32`.
    Float,
    /// `f64`.
    Double,
    /// Arbitrary-precision integer, as `i128` (every AWS use fits).
    BigInteger,
    /// Arbitrary-precision decimal, as `f64` (precision beyond 15 digits is lost).
    BigDecimal,
    /// A date-time.
    Timestamp,
    /// Binary data.
    Blob,
    /// An untyped JSON document.
    Document,
    /// A generated type, by model shape name.
    Named(String),
    /// A list.
    List(Box<RustType>),
    /// A map.
    Map(Box<RustType>, Box<RustType>),
}

/// One operation's metadata.
#[derive(Debug, Clone, PartialEq)]
pub struct OperationDef {
    /// The operation's API name: its key in the model's `operations`.
    pub model_name: String,
    /// The name the wire carries (`X-Amz-Target`, query `Action`): the
    /// operation's `name`, which may differ from its key.
    pub wire_name: String,
    /// Rust type name of the operation's marker type.
    pub rust_name: String,
    /// snake_case name, for module and method names.
    pub fn_name: String,
    /// Documentation as Markdown.
    pub docs: String,
    /// HTTP method.
    pub method: String,
    /// URI template.
    pub uri: String,
    /// Status code of success.
    pub success_code: u16,
    /// Input shape, by model name.
    pub input: Option<String>,
    /// Output shape, by model name.
    pub output: Option<String>,
    /// Documented errors, by model name.
    pub errors: Vec<String>,
    /// Deprecation note, when deprecated.
    pub deprecated: Option<String>,
    /// Whether retrying is safe.
    pub idempotent: bool,
    /// How the operation pages, when it does.
    pub paginator: Option<PaginatorDef>,
    /// Host prefix template (`{label}.`), from the model's `endpoint.hostPrefix`.
    pub host_prefix: Option<String>,
    /// Whether its input or output streams events: such operations get their
    /// types but no wire code yet.
    pub streams_events: bool,
    /// Whether requests are signed: not when the model says `authtype: none`
    /// or lists only `smithy.api#noAuth`.
    pub signed: bool,
    /// The endpoint-rules parameters the operation sets, from its
    /// `staticContextParams`, its input members' `contextParam` and its
    /// `operationContextParams`, in that order (a later one wins).
    pub endpoint_params: Vec<EndpointParamDef>,
    /// The input reference's element name and namespace (XML protocols:
    /// the root element of a request body that is the whole input).
    pub input_xml: XmlForm,
    /// The element wrapping the output's members in a response
    /// (`<OperationResult>` in query and EC2 responses), from the output
    /// reference's `resultWrapper`.
    pub result_wrapper: Option<String>,
}

/// An endpoint-rules parameter an operation sets.
#[derive(Debug, Clone, PartialEq)]
pub struct EndpointParamDef {
    /// The parameter's name in the rule set, e.g. `ResourceArn`.
    pub name: String,
    /// Where its value comes from.
    pub source: EndpointParamSource,
}

/// Where an operation's endpoint parameter gets its value.
#[derive(Debug, Clone, PartialEq)]
pub enum EndpointParamSource {
    /// A fixed value (`staticContextParams`).
    Literal(serde_json::Value),
    /// An input member (`contextParam`), by model name.
    Member(String),
    /// A JMESPath expression over the input (`operationContextParams`).
    Path(String),
}

/// How an operation pages through results.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaginatorDef {
    /// Input members carrying the continuation token.
    pub input_tokens: Vec<String>,
    /// Output expressions holding the next token.
    pub output_tokens: Vec<String>,
    /// Input member limiting the page size.
    pub limit_key: Option<String>,
    /// Output members holding each page's items.
    pub result_keys: Vec<String>,
    /// Output member saying whether more pages follow, when the service has one.
    pub more_results: Option<String>,
}

/// A waiter: polls one operation until an acceptor says the wait is over.
#[derive(Debug, Clone, PartialEq)]
pub struct WaiterDef {
    /// The waiter's name in the model, e.g. `TableExists`.
    pub model_name: String,
    /// Rust type name of the waiter's marker type.
    pub rust_name: String,
    /// snake_case name, for methods (`wait_until_table_exists`).
    pub fn_name: String,
    /// The model's description as Markdown (may be empty).
    pub docs: String,
    /// The operation polled, by its model name (an [`OperationDef::model_name`]).
    pub operation: String,
    /// Seconds between attempts.
    pub delay: u64,
    /// The most attempts.
    pub max_attempts: u32,
    /// The acceptors, in the order they are tried.
    pub acceptors: Vec<AcceptorDef>,
}

/// One acceptor of a waiter.
#[derive(Debug, Clone, PartialEq)]
pub struct AcceptorDef {
    /// What a match means.
    pub state: AcceptorState,
    /// When it matches.
    pub matcher: Matcher,
}

/// What a matching acceptor says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AcceptorState {
    /// The wait is over: success.
    Success,
    /// The wait is over: the state cannot be reached.
    Failure,
    /// Poll again.
    Retry,
}

/// When an acceptor matches.
#[derive(Debug, Clone, PartialEq)]
pub enum Matcher {
    /// A JMESPath expression over a successful call's output compared with `expected`.
    Path {
        /// `path`, `pathAll` or `pathAny`.
        kind: PathMatch,
        /// The expression as the model writes it.
        expression: String,
        /// The parsed expression (its member names checked against the output in lowering).
        tree: crate::jmespath::Expr,
        /// What the value is compared with.
        expected: serde_json::Value,
    },
    /// The response's HTTP status.
    Status(u16),
    /// The service answered with this error code.
    ErrorCode(String),
    /// `true`: the service answered with an error (any); `false`: the call succeeded.
    Error(bool),
}

/// How a path acceptor compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PathMatch {
    /// `path`: the value equals `expected`.
    Path,
    /// `pathAll`: the value is a non-empty list whose every element equals `expected`.
    All,
    /// `pathAny`: the value is a list with an element equal to `expected`.
    Any,
}
