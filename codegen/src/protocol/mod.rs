//! Everything that knows a wire format. The emitters of the user-facing API
//! (structures, builders, enums, operations) ask this module for the bodies of
//! `serialize_request`, the error readers and `from_response`, and never look
//! at the protocol themselves.
//!
//! A protocol is a choice of three pieces, made in `pieces` and nowhere
//! else: how members bind to the HTTP message ([`http`]: REST bindings or one
//! RPC body), the body format ([`codec`]), and where error codes are
//! ([`errors`]).

pub mod codec;
pub mod errors;
pub mod http;

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use crate::ir::{OperationDef, Protocol, Service, StructDef, TypeDef};
use codec::query::QueryDialect;
use codec::{RequestCodec, ResponseCodec};
use errors::ErrorStyle;
use http::rpc::RpcRoute;

/// How members travel in the HTTP request, and the codec of its body.
#[derive(Debug, Clone)]
enum HttpStyle<'s> {
    /// Members bound to URI labels, query parameters, headers, the payload or the body.
    Rest(RequestCodec),
    /// Every member in the body, sent to one path.
    Rpc(RpcRoute<'s>, RequestCodec),
    /// Every member as form pairs, sent to `/`.
    Query(QueryDialect),
}

/// The pieces a protocol is made of.
#[derive(Debug, Clone)]
struct Pieces<'s> {
    http: HttpStyle<'s>,
    response: ResponseCodec,
    errors: ErrorStyle,
}

/// The pieces of the service's protocol, or `None` where the generator has no
/// wire code for it yet (the crate then gets types only).
fn pieces(service: &Service) -> Option<Pieces<'_>> {
    match &service.protocol {
        Protocol::RestJson => Some(Pieces {
            http: HttpStyle::Rest(RequestCodec::Json),
            response: ResponseCodec::Json,
            errors: ErrorStyle::Json,
        }),
        Protocol::AwsJson {
            version,
            target_prefix,
        } => Some(Pieces {
            http: HttpStyle::Rpc(
                RpcRoute::AmzTarget {
                    target_prefix,
                    content_type: format!("application/x-amz-json-{version}"),
                },
                RequestCodec::Json,
            ),
            response: ResponseCodec::Json,
            errors: ErrorStyle::Json,
        }),
        Protocol::AwsQuery => Some(Pieces {
            http: HttpStyle::Query(QueryDialect::Query),
            response: ResponseCodec::Xml,
            errors: ErrorStyle::Xml,
        }),
        Protocol::Ec2Query => Some(Pieces {
            http: HttpStyle::Query(QueryDialect::Ec2),
            response: ResponseCodec::Xml,
            errors: ErrorStyle::Xml,
        }),
        Protocol::RestXml => Some(Pieces {
            http: HttpStyle::Rest(RequestCodec::Xml),
            response: ResponseCodec::Xml,
            errors: ErrorStyle::RestXml,
        }),
        Protocol::RpcV2Cbor { target_prefix } => Some(Pieces {
            http: HttpStyle::Rpc(
                RpcRoute::SmithyRpcV2 {
                    service: target_prefix,
                },
                RequestCodec::Cbor,
            ),
            response: ResponseCodec::Cbor,
            errors: ErrorStyle::Cbor,
        }),
    }
}

/// The protocol's name as models write it, e.g. `rest-json`, for docs.
pub fn protocol_name(service: &Service) -> &'static str {
    service.protocol.model_name()
}

/// Whether the generator writes request and response code for the service's protocol.
pub fn supports_requests(service: &Service) -> bool {
    pieces(service).is_some()
}

/// Whether the generated serde impls are the service's wire code (JSON and
/// CBOR bodies go through them), rather than a JSON form offered beside an
/// XML wire.
pub fn serde_is_wire(service: &Service) -> bool {
    pieces(service).is_none_or(|pieces| !matches!(pieces.response, ResponseCodec::Xml))
}

/// The `Operation` trait's provided `serialize_request`, where the protocol
/// writes most operations' requests the same way given their name and input.
pub struct SerializeDefault {
    /// The bound on `Operation::Input` the provided method needs.
    pub input_bound: TokenStream,
    /// The provided method's body.
    pub body: TokenStream,
}

/// The `Operation` trait's provided `serialize_request`, or `None` where each
/// operation writes its own (or the protocol has no wire support).
pub fn serialize_request_default(service: &Service) -> Option<SerializeDefault> {
    match pieces(service)?.http {
        HttpStyle::Query(_) => Some(http::query::serialize_request_default(service)),
        HttpStyle::Rest(_) | HttpStyle::Rpc(..) => None,
    }
}

/// The `Operation` trait's provided `parse_response`: how every operation of
/// the protocol reads its responses, given its name.
pub struct ParseDefault {
    /// The bound on `Operation::Output` the provided method needs.
    pub output_bound: TokenStream,
    /// The provided method's body.
    pub body: TokenStream,
}

/// The `Operation` trait's provided `parse_response`, or `None` without wire
/// support. The query protocols read outputs from the body's XML alone (at
/// the root, or in awsQuery's `<OperationResult>`); the others through the
/// output's `FromResponse`.
pub fn parse_response_default(service: &Service) -> Option<ParseDefault> {
    Some(match pieces(service)?.http {
        HttpStyle::Query(dialect) => http::query::parse_response_default(dialect),
        HttpStyle::Rest(_) | HttpStyle::Rpc(..) => ParseDefault {
            output_bound: quote!(::awsgen_runtime::protocol::FromResponse),
            body: quote!(::awsgen_runtime::protocol::parse_response(response)),
        },
    })
}

/// The body of `op`'s own `Operation::parse_response`, or `None` where the
/// trait's provided method reads its responses (or without wire support).
pub fn parse_response_body(service: &Service, op: &OperationDef) -> Option<TokenStream> {
    match pieces(service)?.http {
        HttpStyle::Query(dialect) => http::query::parse_response_body(op, dialect),
        HttpStyle::Rest(_) | HttpStyle::Rpc(..) => None,
    }
}

/// The body of `op`'s own `Operation::serialize_request`, or `None` where the
/// trait's provided method writes its request (or without wire support).
pub fn serialize_request_body(service: &Service, op: &OperationDef) -> Option<TokenStream> {
    let pieces = pieces(service)?;
    match &pieces.http {
        HttpStyle::Rest(codec) => Some(http::rest::serialize_request_body(service, op, *codec)),
        HttpStyle::Rpc(route, codec) => Some(http::rpc::serialize_request_body(
            service, op, route, *codec,
        )),
        HttpStyle::Query(_) => http::query::serialize_request_body(service, op),
    }
}

/// The body of `FromErrorResponse::from_error_response` for the error type
/// of `op`, which documents errors, or `None` without wire support.
pub fn error_response_body(
    service: &Service,
    op: &OperationDef,
    error_name: &Ident,
) -> Option<TokenStream> {
    let pieces = pieces(service)?;
    Some(errors::error_response_body(
        service,
        op,
        error_name,
        pieces.errors,
    ))
}

/// The body of `OperationError`'s `from_error_response`, the reader of the
/// errors of operations that document none, or `None` without wire support.
pub fn shared_error_body(service: &Service) -> Option<TokenStream> {
    let pieces = pieces(service)?;
    Some(errors::shared_error_body(service, pieces.errors))
}

/// The service-wide lookup from error code to typed error, or `None` without
/// wire support.
pub fn modeled_error_lookup(service: &Service) -> Option<TokenStream> {
    pieces(service).map(|_| errors::modeled_error_lookup(service))
}

/// The `FromResponse` impl of a structure read from responses: an
/// exception (`read_as_error`), or an operation output where the protocol's
/// outputs read through it. `None` for other structures, or without wire
/// support.
pub fn from_response_impl(
    service: &Service,
    type_def: &TypeDef,
    def: &StructDef,
    read_as_error: bool,
) -> Option<TokenStream> {
    let pieces = pieces(service)?;
    let output_reads_itself =
        def.is_operation_output && !matches!(pieces.http, HttpStyle::Query(_));
    (read_as_error || output_reads_itself)
        .then(|| http::response::from_response_impl(service, type_def, def, pieces.response))
}

/// The format of request bodies, for tools that compare them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyFormat {
    /// JSON documents (rest-json, awsJson).
    Json,
    /// XML documents (restXml).
    Xml,
    /// `application/x-www-form-urlencoded` pairs (awsQuery, ec2Query).
    Form,
    /// CBOR documents (smithy-rpc-v2-cbor).
    Cbor,
}

/// The format of the service's request bodies, or `None` without wire support.
pub fn request_body_format(service: &Service) -> Option<BodyFormat> {
    Some(match pieces(service)?.http {
        HttpStyle::Rest(codec) | HttpStyle::Rpc(_, codec) => match codec {
            RequestCodec::Json => BodyFormat::Json,
            RequestCodec::Xml => BodyFormat::Xml,
            RequestCodec::Cbor => BodyFormat::Cbor,
        },
        HttpStyle::Query(_) => BodyFormat::Form,
    })
}

/// The runtime's cargo features the service's wire code needs: `xml` where
/// responses are XML, `cbor` where bodies are CBOR.
pub fn runtime_features(service: &Service) -> &'static [&'static str] {
    match pieces(service).map(|pieces| pieces.response) {
        Some(ResponseCodec::Xml) => &["xml"],
        Some(ResponseCodec::Cbor) => &["cbor"],
        Some(ResponseCodec::Json) | None => &[],
    }
}

/// An error response as the service sends it (headers, body), for the
/// examples in the generated docs; `None` without wire support.
pub fn example_error_response(service: &Service) -> Option<errors::ExampleErrorResponse> {
    let pieces = pieces(service)?;
    let ec2 = matches!(pieces.http, HttpStyle::Query(QueryDialect::Ec2));
    Some(errors::example_error_response(pieces.errors, ec2))
}

/// What the protocol's wire code needs on a generated type itself (query's
/// `write_query`, XML's `from_xml`); empty where it needs nothing.
pub fn type_impls(service: &Service, type_def: &TypeDef) -> TokenStream {
    let Some(pieces) = pieces(service) else {
        return TokenStream::new();
    };
    let (query, request) = match pieces.http {
        HttpStyle::Query(dialect) => (Some(dialect), None),
        HttpStyle::Rest(codec) | HttpStyle::Rpc(_, codec) => (None, Some(codec)),
    };
    codec::type_impls(service, type_def, query, request, pieces.response)
}

#[cfg(test)]
mod tests {
    /// The emitters of the user-facing API stay protocol-neutral: only this
    /// module decides what a protocol means.
    #[test]
    fn emitters_never_look_at_the_protocol() {
        let emitters = [
            ("builders.rs", include_str!("../emit/builders.rs")),
            ("crate_files.rs", include_str!("../emit/crate_files.rs")),
            ("doc_attrs.rs", include_str!("../emit/doc_attrs.rs")),
            ("enums.rs", include_str!("../emit/enums.rs")),
            ("mod.rs", include_str!("../emit/mod.rs")),
            ("operations.rs", include_str!("../emit/operations.rs")),
            ("rust_types.rs", include_str!("../emit/rust_types.rs")),
            ("service_error.rs", include_str!("../emit/service_error.rs")),
            ("structs.rs", include_str!("../emit/structs.rs")),
            ("unions.rs", include_str!("../emit/unions.rs")),
        ];
        for (file, source) in emitters {
            for needle in ["Protocol::", "service.protocol", "query_compatible"] {
                assert!(
                    !source.contains(needle),
                    "emit/{file} mentions `{needle}`: protocol decisions belong in codegen/src/protocol/"
                );
            }
        }
    }
}
