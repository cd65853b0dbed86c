//! A faithful serde mirror of the botocore service-model JSON format.
//!
//! Every key the format defines is a field here, so nothing the generator
//! might need is dropped on the floor. AWS adds traits over time: a key this
//! mirror does not know is kept in the object's `unknown_keys` (never
//! silently dropped), and validation reports each as a warning with its path.

use std::collections::BTreeMap;

use indexmap::IndexMap;
use serde::Deserialize;

/// A whole `service-2.json` document.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ServiceModel {
    /// Format version of the document itself (`"2.0"`).
    #[serde(default)]
    pub version: Option<String>,
    /// Service-wide facts: protocol, API version, names.
    pub metadata: Metadata,
    /// Operations by name; sorted so every traversal is deterministic.
    #[serde(default)]
    pub operations: BTreeMap<String, Operation>,
    /// Shapes by name; sorted so every traversal is deterministic.
    #[serde(default)]
    pub shapes: Shapes,
    /// Service documentation (HTML).
    #[serde(default)]
    pub documentation: Option<String>,
    /// Endpoint-rules parameters the client configures.
    #[serde(default)]
    pub client_context_params: Option<serde_json::Value>,
    /// Request/response examples (older models).
    #[serde(default)]
    pub examples: Option<serde_json::Value>,
    /// Whether the whole service is deprecated.
    #[serde(default)]
    pub deprecated: bool,
    /// Why, when deprecated.
    #[serde(default)]
    pub deprecated_message: Option<String>,
    /// Keys this mirror does not know, reported as warnings by validation.
    #[serde(flatten)]
    pub unknown_keys: BTreeMap<String, serde_json::Value>,
}

/// The shapes of a model by name, sorted so every traversal is
/// deterministic, remembering the order the document lists them in: where
/// botocore lets the last of several shapes win (two exceptions with one
/// error code), the order decides.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Shapes {
    by_name: BTreeMap<String, Shape>,
    document_order: Vec<String>,
}

impl Shapes {
    /// The shape names in the document's order; shapes added since the
    /// document was read come last, by name.
    pub fn document_order(&self) -> Vec<&str> {
        let listed = self
            .document_order
            .iter()
            .filter(|name| self.by_name.contains_key(*name))
            .map(String::as_str);
        let in_document: std::collections::HashSet<&str> =
            self.document_order.iter().map(String::as_str).collect();
        let added = self
            .by_name
            .keys()
            .map(String::as_str)
            .filter(|name| !in_document.contains(name));
        listed.chain(added).collect()
    }
}

impl std::ops::Deref for Shapes {
    type Target = BTreeMap<String, Shape>;

    fn deref(&self) -> &Self::Target {
        &self.by_name
    }
}

impl std::ops::DerefMut for Shapes {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.by_name
    }
}

impl<'s> IntoIterator for &'s Shapes {
    type Item = (&'s String, &'s Shape);
    type IntoIter = std::collections::btree_map::Iter<'s, String, Shape>;

    fn into_iter(self) -> Self::IntoIter {
        self.by_name.iter()
    }
}

impl FromIterator<(String, Shape)> for Shapes {
    fn from_iter<I: IntoIterator<Item = (String, Shape)>>(shapes: I) -> Self {
        let ordered: IndexMap<String, Shape> = shapes.into_iter().collect();
        Shapes {
            document_order: ordered.keys().cloned().collect(),
            by_name: ordered.into_iter().collect(),
        }
    }
}

impl<'de> Deserialize<'de> for Shapes {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        IndexMap::<String, Shape>::deserialize(deserializer)
            .map(|shapes| shapes.into_iter().collect())
    }
}

/// The `metadata` object.
#[derive(Debug, Clone, Deserialize, PartialEq, Default)]
#[serde(rename_all = "camelCase")]
pub struct Metadata {
    /// API version, e.g. `2015-07-09`.
    pub api_version: String,
    /// Wire protocol, e.g. `rest-json`.
    pub protocol: String,
    /// Protocols the service supports, preferred first.
    #[serde(default)]
    pub protocols: Vec<String>,
    /// Endpoint prefix, e.g. `apigateway`.
    #[serde(default)]
    pub endpoint_prefix: Option<String>,
    /// Human name, e.g. `Amazon API Gateway`.
    #[serde(default)]
    pub service_full_name: Option<String>,
    /// Short human name.
    #[serde(default)]
    pub service_abbreviation: Option<String>,
    /// SDK service id, e.g. `API Gateway`.
    #[serde(default)]
    pub service_id: Option<String>,
    /// Signature version, e.g. `v4`.
    #[serde(default)]
    pub signature_version: Option<String>,
    /// Signing name when it differs from the endpoint prefix.
    #[serde(default)]
    pub signing_name: Option<String>,
    /// Target prefix for JSON-RPC protocols.
    #[serde(default)]
    pub target_prefix: Option<String>,
    /// JSON version for JSON-RPC protocols.
    #[serde(default)]
    pub json_version: Option<String>,
    /// Unique id, e.g. `apigateway-2015-07-09`.
    #[serde(default)]
    pub uid: Option<String>,
    /// Auth schemes, preferred first.
    #[serde(default)]
    pub auth: Vec<String>,
    /// Global endpoint host, for partition-global services.
    #[serde(default)]
    pub global_endpoint: Option<String>,
    /// XML namespace for XML protocols.
    #[serde(default)]
    pub xml_namespace: Option<String>,
    /// Whether the JSON protocol also answers with query-protocol error codes.
    #[serde(default)]
    pub aws_query_compatible: Option<serde_json::Value>,
    /// Checksum format for S3-like services.
    #[serde(default)]
    pub checksum_format: Option<String>,
    /// Protocol-specific settings (e.g. HTTP/2 for event streams).
    #[serde(default)]
    pub protocol_settings: Option<serde_json::Value>,
    /// The service's internal name (a few models).
    #[serde(default)]
    pub rip_service_name: Option<String>,
    /// Keys this mirror does not know, reported as warnings by validation.
    #[serde(flatten)]
    pub unknown_keys: BTreeMap<String, serde_json::Value>,
}

/// One entry of `operations`.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Operation {
    /// The operation's wire name (`X-Amz-Target` suffix, query `Action`).
    /// Usually equal to its key in `operations`, which is the API name; CloudFront
    /// versions its wire names (`CreateDistribution2020_05_31`). botocore falls
    /// back to the key when it is missing.
    #[serde(default)]
    pub name: Option<String>,
    /// HTTP binding. botocore reads a missing one as `POST /`, which is
    /// what json and query operations always send.
    #[serde(default)]
    pub http: HttpBinding,
    /// Input shape.
    #[serde(default)]
    pub input: Option<ShapeRef>,
    /// Output shape.
    #[serde(default)]
    pub output: Option<ShapeRef>,
    /// Documented error shapes.
    #[serde(default)]
    pub errors: Vec<ShapeRef>,
    /// HTML documentation.
    #[serde(default)]
    pub documentation: Option<String>,
    /// Link to external documentation.
    #[serde(default)]
    pub documentation_url: Option<String>,
    /// Whether the operation is deprecated.
    #[serde(default)]
    pub deprecated: bool,
    /// Why, when deprecated.
    #[serde(default)]
    pub deprecated_message: Option<String>,
    /// Whether retrying the same request is safe.
    #[serde(default)]
    pub idempotent: bool,
    /// Legacy auth type, e.g. `none` or `v4-unsigned-body`.
    #[serde(default)]
    pub authtype: Option<String>,
    /// Auth schemes for this operation.
    #[serde(default)]
    pub auth: Vec<String>,
    /// Host prefix template.
    #[serde(default)]
    pub endpoint: Option<OperationEndpoint>,
    /// Endpoint discovery settings.
    #[serde(default)]
    pub endpointdiscovery: Option<serde_json::Value>,
    /// Whether this is the endpoint-discovery operation.
    #[serde(default)]
    pub endpointoperation: bool,
    /// Flexible checksum settings.
    #[serde(default)]
    pub http_checksum: Option<HttpChecksum>,
    /// Whether a Content-MD5 checksum is required.
    #[serde(default)]
    pub http_checksum_required: bool,
    /// Request compression settings.
    #[serde(default)]
    pub requestcompression: Option<RequestCompression>,
    /// Alternative operation name.
    #[serde(default)]
    pub alias: Option<String>,
    /// Whether the payload is sent unsigned.
    #[serde(default)]
    pub unsigned_payload: bool,
    /// Endpoint-rules parameters fixed for this operation.
    #[serde(default)]
    pub static_context_params: Option<serde_json::Value>,
    /// Endpoint-rules parameters taken from input members.
    #[serde(default)]
    pub context_params: Option<serde_json::Value>,
    /// Whether the operation is internal only.
    #[serde(default)]
    pub internalonly: bool,
    /// Whether the operation only reads.
    #[serde(default)]
    pub readonly: bool,
    /// When it was deprecated.
    #[serde(default)]
    pub deprecated_since: Option<String>,
    /// Endpoint-rules parameters computed from input paths.
    #[serde(default)]
    pub operation_context_params: Option<serde_json::Value>,
    /// Keys this mirror does not know, reported as warnings by validation.
    #[serde(flatten)]
    pub unknown_keys: BTreeMap<String, serde_json::Value>,
}

/// The `http` object of an operation.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct HttpBinding {
    /// HTTP method.
    pub method: String,
    /// URI template with `{label}` and `{greedy+}` placeholders.
    pub request_uri: String,
    /// Status code of a successful response.
    #[serde(default)]
    pub response_code: Option<u16>,
    /// Legacy per-binding auth type.
    #[serde(default)]
    pub auth_type: Option<String>,
    /// Keys this mirror does not know, reported as warnings by validation.
    #[serde(flatten)]
    pub unknown_keys: BTreeMap<String, serde_json::Value>,
}

impl Default for HttpBinding {
    fn default() -> Self {
        HttpBinding {
            method: "POST".to_owned(),
            request_uri: "/".to_owned(),
            response_code: None,
            auth_type: None,
            unknown_keys: BTreeMap::new(),
        }
    }
}

/// An operation's `endpoint` object.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct OperationEndpoint {
    /// Host prefix template, e.g. `{AccountId}.`.
    #[serde(default)]
    pub host_prefix: Option<String>,
    /// Keys this mirror does not know, reported as warnings by validation.
    #[serde(flatten)]
    pub unknown_keys: BTreeMap<String, serde_json::Value>,
}

/// An operation's `httpChecksum` object.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct HttpChecksum {
    /// Whether a request checksum is required.
    #[serde(default)]
    pub request_checksum_required: bool,
    /// Input member naming the request algorithm.
    #[serde(default)]
    pub request_algorithm_member: Option<String>,
    /// Input member enabling response validation.
    #[serde(default)]
    pub request_validation_mode_member: Option<String>,
    /// Algorithms the response may be validated with.
    #[serde(default)]
    pub response_algorithms: Vec<String>,
}

/// An operation's `requestcompression` object.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct RequestCompression {
    /// Supported encodings, e.g. `gzip`.
    #[serde(default)]
    pub encodings: Vec<String>,
}

/// A reference from an operation to a shape (`input`, `output`, `errors[]`).
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ShapeRef {
    /// Name of the referenced shape.
    pub shape: String,
    /// HTML documentation of the reference.
    #[serde(default)]
    pub documentation: Option<String>,
    /// Wrapper element name (XML protocols).
    #[serde(default)]
    pub location_name: Option<String>,
    /// XML namespace of the wrapper element.
    #[serde(default)]
    pub xml_namespace: Option<XmlNamespace>,
    /// The element wrapping a query/ec2 response (`<OpResult>`), on an output reference.
    #[serde(default)]
    pub result_wrapper: Option<String>,
    /// Whether the output reference wraps its members (XML protocols).
    #[serde(default)]
    pub wrapper: bool,
    /// On an error reference: whether the shape is an exception.
    #[serde(default)]
    pub exception: bool,
    /// On an error reference: its error code and status.
    #[serde(default)]
    pub error: Option<ErrorTrait>,
    /// On an error reference: whether it is the service's fault.
    #[serde(default)]
    pub fault: bool,
    /// Keys this mirror does not know, reported as warnings by validation.
    #[serde(flatten)]
    pub unknown_keys: BTreeMap<String, serde_json::Value>,
}

/// The kinds of shape in the format.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[serde(rename_all = "lowercase")]
pub enum ShapeType {
    /// A record of named members.
    Structure,
    /// An ordered sequence.
    List,
    /// A key-value mapping.
    Map,
    /// Text, optionally an enum.
    String,
    /// 8-bit integer.
    Byte,
    /// 16-bit integer.
    Short,
    /// 32-bit integer.
    Integer,
    /// 64-bit integer.
    Long,
    /// 32-bit float.
    Float,
    /// 64-bit float.
    Double,
    /// Arbitrary-precision decimal.
    Bigdecimal,
    /// Arbitrary-precision integer.
    Biginteger,
    /// True or false.
    Boolean,
    /// A point in time.
    Timestamp,
    /// Binary data.
    Blob,
}

/// One entry of `shapes`. Which fields apply depends on [`ShapeType`].
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Shape {
    /// The kind of shape.
    #[serde(rename = "type")]
    pub shape_type: ShapeType,
    /// Structure members, in model order.
    #[serde(default)]
    pub members: IndexMap<String, Member>,
    /// Required structure members.
    #[serde(default)]
    pub required: Vec<String>,
    /// List element.
    #[serde(default)]
    pub member: Option<Member>,
    /// Map key.
    #[serde(default)]
    pub key: Option<Member>,
    /// Map value.
    #[serde(default)]
    pub value: Option<Member>,
    /// Allowed values of a string enum.
    #[serde(default, rename = "enum")]
    pub enum_values: Option<Vec<serde_json::Value>>,
    /// Regular expression a string must match.
    #[serde(default)]
    pub pattern: Option<String>,
    /// Minimum length, size or value.
    #[serde(default)]
    pub min: Option<f64>,
    /// Maximum length, size or value.
    #[serde(default)]
    pub max: Option<f64>,
    /// HTML documentation.
    #[serde(default)]
    pub documentation: Option<String>,
    /// Whether this structure is an error.
    #[serde(default)]
    pub exception: bool,
    /// Error code and HTTP status of an error structure.
    #[serde(default)]
    pub error: Option<ErrorTrait>,
    /// Whether the error is the service's fault.
    #[serde(default)]
    pub fault: bool,
    /// Member bound to the HTTP payload.
    #[serde(default)]
    pub payload: Option<String>,
    /// Whether a primitive is boxed (nullable).
    #[serde(default, rename = "box")]
    pub boxed: bool,
    /// Whether values must be redacted from logs.
    #[serde(default)]
    pub sensitive: bool,
    /// Whether the shape is deprecated.
    #[serde(default)]
    pub deprecated: bool,
    /// Why, when deprecated.
    #[serde(default)]
    pub deprecated_message: Option<String>,
    /// Wire format of a timestamp.
    #[serde(default)]
    pub timestamp_format: Option<String>,
    /// Whether a blob or string is streamed.
    #[serde(default)]
    pub streaming: bool,
    /// Whether a streamed body needs a known length.
    #[serde(default)]
    pub requires_length: bool,
    /// Whether this structure is an event stream.
    #[serde(default)]
    pub eventstream: bool,
    /// Whether this structure is an event of a stream.
    #[serde(default)]
    pub event: bool,
    /// Whether this structure is a tagged union.
    #[serde(default)]
    pub union: bool,
    /// Whether this structure is an untyped document.
    #[serde(default)]
    pub document: bool,
    /// Whether a list or map is flattened (XML).
    #[serde(default)]
    pub flattened: bool,
    /// Element name (XML).
    #[serde(default)]
    pub location_name: Option<String>,
    /// Namespace (XML).
    #[serde(default)]
    pub xml_namespace: Option<XmlNamespace>,
    /// Member order (XML).
    #[serde(default)]
    pub xml_order: Vec<String>,
    /// Whether the structure is a result wrapper (query protocol).
    #[serde(default)]
    pub wrapper: bool,
    /// Whether botocore synthesised the shape.
    #[serde(default)]
    pub synthetic: bool,
    /// Retry classification of an error.
    #[serde(default)]
    pub retryable: Option<serde_json::Value>,
    /// Where members targeting this shape are bound, unless they say (botocore
    /// merges a member's traits over its shape's).
    #[serde(default)]
    pub location: Option<Location>,
    /// When it was deprecated.
    #[serde(default)]
    pub deprecated_since: Option<String>,
    /// Whether a list or map may hold nulls.
    #[serde(default)]
    pub sparse: bool,
    /// Keys this mirror does not know, reported as warnings by validation.
    #[serde(flatten)]
    pub unknown_keys: BTreeMap<String, serde_json::Value>,
}

/// The `error` object of an exception structure.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ErrorTrait {
    /// Error code on the wire, when it differs from the shape name.
    #[serde(default)]
    pub code: Option<String>,
    /// HTTP status the service answers with.
    #[serde(default)]
    pub http_status_code: Option<u16>,
    /// Whether the caller is at fault.
    #[serde(default)]
    pub sender_fault: bool,
    /// Whether the error is the service's fault (a few models).
    #[serde(default)]
    pub fault: bool,
    /// Keys this mirror does not know, reported as warnings by validation.
    #[serde(flatten)]
    pub unknown_keys: BTreeMap<String, serde_json::Value>,
}

/// An XML namespace, given as a bare URI or as `{prefix, uri}`.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(untagged)]
pub enum XmlNamespace {
    /// Just the URI.
    Uri(String),
    /// Prefix and URI.
    Full {
        /// Namespace prefix.
        #[serde(default)]
        prefix: Option<String>,
        /// Namespace URI.
        uri: String,
    },
}

/// A structure member, list element, or map key or value.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Member {
    /// Name of the target shape.
    pub shape: String,
    /// Where the member travels in an HTTP message.
    #[serde(default)]
    pub location: Option<Location>,
    /// Wire name: JSON key, header, query key, URI label or XML element.
    #[serde(default)]
    pub location_name: Option<String>,
    /// Whether a string carries JSON (base64-encoded in headers).
    #[serde(default)]
    pub jsonvalue: bool,
    /// Whether an unset value is filled with a fresh token.
    #[serde(default)]
    pub idempotency_token: bool,
    /// Whether the value is part of the endpoint host.
    #[serde(default)]
    pub host_label: bool,
    /// Whether the member is deprecated.
    #[serde(default)]
    pub deprecated: bool,
    /// Why, when deprecated.
    #[serde(default)]
    pub deprecated_message: Option<String>,
    /// HTML documentation.
    #[serde(default)]
    pub documentation: Option<String>,
    /// Query key (EC2 protocol).
    #[serde(default)]
    pub query_name: Option<String>,
    /// Namespace (XML).
    #[serde(default)]
    pub xml_namespace: Option<XmlNamespace>,
    /// Whether the member is an XML attribute.
    #[serde(default)]
    pub xml_attribute: bool,
    /// Whether the member is flattened (XML).
    #[serde(default)]
    pub flattened: bool,
    /// Whether the member is streamed.
    #[serde(default)]
    pub streaming: bool,
    /// Whether the member is an event payload.
    #[serde(default)]
    pub eventpayload: bool,
    /// Whether the member is an event header.
    #[serde(default)]
    pub eventheader: bool,
    /// Whether a primitive member is boxed (nullable).
    #[serde(default, rename = "box")]
    pub boxed: bool,
    /// Wire format override of a timestamp member.
    #[serde(default)]
    pub timestamp_format: Option<String>,
    /// Endpoint-rules parameter bound to this member.
    #[serde(default)]
    pub context_param: Option<serde_json::Value>,
    /// When it was deprecated.
    #[serde(default)]
    pub deprecated_since: Option<String>,
    /// Enum values written on the member itself (two members in botocore 1.43.67).
    #[serde(default, rename = "enum")]
    pub enum_values: Option<Vec<serde_json::Value>>,
    /// Keys this mirror does not know, reported as warnings by validation.
    #[serde(flatten)]
    pub unknown_keys: BTreeMap<String, serde_json::Value>,
}

/// Where a member is bound in an HTTP message.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[serde(rename_all = "camelCase")]
pub enum Location {
    /// A label of the URI path.
    Uri,
    /// A query-string parameter.
    Querystring,
    /// One header.
    Header,
    /// All headers with a prefix (a map).
    Headers,
    /// The response status code.
    StatusCode,
}

impl ServiceModel {
    /// The member's `location`, else its target shape's: botocore merges a
    /// reference's traits over the shape it names (`ShapeResolver.resolve_shape_ref`),
    /// so a serialization trait written on a shape applies to every member targeting it.
    pub fn member_location(&self, member: &Member) -> Option<Location> {
        member.location.or_else(|| {
            self.shapes
                .get(&member.shape)
                .and_then(|shape| shape.location)
        })
    }

    /// The member's `locationName`, else its target shape's (see [`Self::member_location`]).
    pub fn member_location_name<'a>(&'a self, member: &'a Member) -> Option<&'a str> {
        member.location_name.as_deref().or_else(|| {
            self.shapes
                .get(&member.shape)
                .and_then(|shape| shape.location_name.as_deref())
        })
    }
}

/// Parses a `service-2.json` document; errors name the JSON path of the bad value.
pub fn parse_service_model(json: &str) -> Result<ServiceModel, crate::Error> {
    let deserializer = &mut serde_json::Deserializer::from_str(json);
    serde_path_to_error::deserialize(deserializer).map_err(|err| crate::Error::Parse {
        path: err.path().to_string(),
        message: err.inner().to_string(),
    })
}
