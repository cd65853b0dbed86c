//! Body codecs: how a protocol writes the document in a request body and
//! reads the one in a response body. Each returns expressions over the
//! `request` (a `RequestParts`), `input` and `response` bindings of the
//! generated operation code; codecs that need code on the types themselves
//! (query's `write_query`, XML's `from_xml`) emit it through [`type_impls`].

mod cbor;
mod json;
pub mod query;
pub mod xml;
pub mod xml_write;

use proc_macro2::TokenStream;

use crate::ir::{Binding, MemberDef, OperationDef, Service, StructDef, TypeDef, TypeKind};
use query::QueryDialect;

/// How the request bodies of protocols with HTTP bindings or an RPC body are
/// written (query requests are form pairs, written by [`query`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RequestCodec {
    /// JSON documents, through the generated types' serde impls.
    Json,
    /// XML documents, through each body type's `write_xml`.
    Xml,
    /// CBOR documents, through the generated types' serde impls.
    Cbor,
}

/// How response bodies are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResponseCodec {
    /// JSON documents, through the generated types' serde impls.
    Json,
    /// XML documents, through each output and error type's `from_xml`.
    Xml,
    /// CBOR documents, through the generated types' serde impls.
    Cbor,
}

impl RequestCodec {
    /// Writes `value` (a reference to the structure, union or document the
    /// payload `member` holds) as the whole body.
    pub fn write_document(
        self,
        service: &Service,
        member: &MemberDef,
        value: TokenStream,
    ) -> TokenStream {
        match self {
            RequestCodec::Json => json::write_document(value),
            RequestCodec::Xml => xml_write::write_document(service, member, &member.ty, value),
            RequestCodec::Cbor => cbor::write_document(value),
        }
    }

    /// What an absent structure payload or an input without members sends:
    /// `{}` in JSON, an empty map in CBOR, nothing in XML.
    pub fn write_empty_document(self) -> TokenStream {
        match self {
            RequestCodec::Json => json::write_empty_document(),
            RequestCodec::Xml => TokenStream::new(),
            RequestCodec::Cbor => cbor::write_empty_document(),
        }
    }

    /// Writes the input's members bound to the body.
    pub fn write_body_members(self, op: &OperationDef) -> TokenStream {
        match self {
            RequestCodec::Json => json::write_body_members(),
            RequestCodec::Xml => xml_write::write_body_members(op),
            RequestCodec::Cbor => cbor::write_body_members(),
        }
    }
}

impl ResponseCodec {
    /// Reads the body as a payload of type `ty`, in a `Box` when `boxed`
    /// (an `Option` of it; empty is absent).
    pub fn read_payload(self, ty: TokenStream, boxed: bool, context: &str) -> TokenStream {
        // serde reads a `Box<T>` as a `T`; XML's reader boxes itself.
        let serde_ty = || {
            if boxed {
                quote::quote!(::std::boxed::Box<#ty>)
            } else {
                ty.clone()
            }
        };
        match self {
            ResponseCodec::Json => json::read_payload(serde_ty(), context),
            ResponseCodec::Cbor => cbor::read_payload(serde_ty(), context),
            ResponseCodec::Xml => xml::read_payload(ty, boxed, context),
        }
    }

    /// Whether a member bound to `binding` is read from the body's document.
    /// XML documents also give members bound to the URI or query string
    /// (botocore's XML parsers skip only those in headers and the status).
    pub fn reads_from_body(self, binding: &Binding) -> bool {
        match self {
            ResponseCodec::Json | ResponseCodec::Cbor => *binding == Binding::Body,
            ResponseCodec::Xml => xml::reads_from_body(binding),
        }
    }

    /// Reads the body's members into a fresh `Self` (the structure
    /// `type_def`); members bound elsewhere are ignored.
    pub fn read_body_members(
        self,
        service: &Service,
        type_def: &TypeDef,
        def: &StructDef,
    ) -> TokenStream {
        let context = type_def.model_name.as_str();
        match self {
            ResponseCodec::Json => json::read_body_members(context),
            ResponseCodec::Xml => xml::read_body_members(service, type_def, def),
            ResponseCodec::Cbor => cbor::read_body_members(context),
        }
    }
}

/// The code the codecs need on a type itself, if any: `WriteQuery` on what
/// the inputs of a query protocol reach, `write_xml` on what XML request
/// bodies carry, `FromXml` on what outputs and errors reach when responses
/// are XML.
pub fn type_impls(
    service: &Service,
    type_def: &TypeDef,
    query: Option<QueryDialect>,
    request: Option<RequestCodec>,
    response: ResponseCodec,
) -> TokenStream {
    let (TypeKind::Struct(def) | TypeKind::Union(def)) = &type_def.kind else {
        return TokenStream::new();
    };
    let mut tokens = TokenStream::new();
    // A structure without members writes and reads nothing: it gets no
    // method, and what holds one skips it. In the query protocols an
    // operation's input still writes itself, and its output reads itself,
    // as nothing, for the `Operation` trait.
    if def.members.is_empty() {
        if let Some(dialect) = query {
            if def.is_operation_input {
                tokens.extend(query::write_query_impl(service, type_def, def, dialect));
            }
            if def.is_operation_output {
                tokens.extend(xml::empty_from_xml_impl(type_def));
            }
        }
        return tokens;
    }
    if let Some(dialect) = query {
        if def.in_input {
            tokens.extend(query::write_query_impl(service, type_def, def, dialect));
        }
    }
    if request == Some(RequestCodec::Xml) && def.in_request_body {
        tokens.extend(xml_write::write_xml_impl(service, type_def, def));
    }
    if response == ResponseCodec::Xml && def.in_response_body {
        tokens.extend(xml::from_xml_impl(service, type_def, def));
    }
    tokens
}
