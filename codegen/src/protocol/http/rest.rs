//! REST requests: an operation input becomes an `http::Request` with members
//! bound to URI labels, the query string, headers and the payload, and the
//! rest in the body written by the protocol's codec.

use proc_macro2::TokenStream;
use quote::quote;

use super::{fill_idempotency_tokens, host_prefix_tokens, input_def, push_literal};
use crate::emit::rust_types::ident;
use crate::ir::{
    Binding, MemberDef, OperationDef, RustType, Service, StructDef, TimestampFormat, TypeKind,
};
use crate::protocol::codec::RequestCodec;
use crate::uri_template::{self, Part};

/// The body of `Operation::serialize_request` for `op`.
pub fn serialize_request_body(
    service: &Service,
    op: &OperationDef,
    codec: RequestCodec,
) -> TokenStream {
    let def = &*input_def(service, op);
    let (path_template, static_query) = match op.uri.split_once('?') {
        Some((path, query)) => (path, query),
        None => (op.uri.as_str(), ""),
    };
    // A label no member fills (an old model's bug, reported as a warning at
    // generation) means the request can never be built.
    let unbound = crate::uri_template::labels(path_template)
        .into_iter()
        .find(|(label, _)| {
            !def.members
                .iter()
                .any(|m| matches!(&m.binding, Binding::Uri { label: l, .. } if l == label))
        });
    if let Some((label, _)) = unbound {
        return quote! {
            let _ = input;
            ::std::result::Result::Err(::awsgen_runtime::protocol::RequestError::MissingLabel { member: #label })
        };
    }
    let tokens_fill = fill_idempotency_tokens(def);
    let path = path_tokens(def, path_template);
    let query = query_tokens(def, static_query);
    let method = &op.method;
    let headers = header_tokens(service, def);
    let body = body_tokens(service, op, def, codec);
    let host = host_prefix_tokens(def, op.host_prefix.as_deref());
    let uses_input = !def.members.is_empty();
    let input_binding = if uses_input {
        quote!()
    } else {
        quote!(let _ = input;)
    };
    let mutable = if headers.is_empty() && body.is_empty() && host.is_empty() {
        quote!()
    } else {
        quote!(mut)
    };
    quote! {
        #input_binding
        #tokens_fill
        #path
        #query
        let #mutable request = ::awsgen_runtime::protocol::RequestParts::new(#method, path, query.finish());
        #headers
        #body
        #host
        request.finish()
    }
}

/// How a member's value is read from the input (idempotency tokens already filled in).
fn value_source(member: &MemberDef) -> TokenStream {
    let field = ident(&member.field_name);
    quote! { input.#field.as_ref() }
}

fn path_tokens(def: &StructDef, template: &str) -> TokenStream {
    if !template.contains('{') {
        return quote! { let path = ::std::string::String::from(#template); };
    }
    let path_ident = ident("path");
    let steps = uri_template::parts(template).into_iter().map(|part| match part {
        Part::Literal(literal) => push_literal(&path_ident, literal),
        Part::Label { name, greedy } => {
            let member = def
                .members
                .iter()
                .find(|m| matches!(&m.binding, Binding::Uri { label, .. } if label == name));
            // Unbound labels were handled before the path is built.
            let Some(member) = member else { return quote!() };
            let source = value_source(member);
            let model_name = &member.model_name;
            let text = text_expr(member, &member.ty, quote!(value), TimestampFormat::Iso8601);
            quote! {
                match #source {
                    ::std::option::Option::Some(value) => ::awsgen_runtime::protocol::push_label(&mut path, #model_name, #text, #greedy)?,
                    ::std::option::Option::None => {
                        return ::std::result::Result::Err(::awsgen_runtime::protocol::RequestError::MissingLabel { member: #model_name });
                    }
                }
            }
        }
    });
    let capacity = template.len() + 16;
    quote! {
        let mut path = ::std::string::String::with_capacity(#capacity);
        #(#steps)*
    }
}

fn query_tokens(def: &StructDef, static_query: &str) -> TokenStream {
    let mut named = Vec::new();
    let mut maps = Vec::new();
    for member in &def.members {
        let Binding::Query(key) = &member.binding else {
            continue;
        };
        let source = value_source(member);
        match &member.ty {
            RustType::Map(_, value) => {
                let push = match value.as_ref() {
                    RustType::List(item) => {
                        let text = text_expr(member, item, quote!(item), TimestampFormat::Iso8601);
                        quote! { for item in values { query.push_from_map(key, #text); } }
                    }
                    other => {
                        let text =
                            text_expr(member, other, quote!(values), TimestampFormat::Iso8601);
                        quote! { query.push_from_map(key, #text); }
                    }
                };
                maps.push(quote! {
                    if let ::std::option::Option::Some(map) = #source {
                        for (key, values) in map {
                            let key: &str = key.as_ref();
                            #push
                        }
                    }
                });
            }
            RustType::List(item) => {
                let text = text_expr(member, item, quote!(item), TimestampFormat::Iso8601);
                named.push(quote! {
                    if let ::std::option::Option::Some(items) = #source {
                        for item in items {
                            query.push(#key, #text);
                        }
                    }
                });
            }
            other => {
                let text = text_expr(member, other, quote!(value), TimestampFormat::Iso8601);
                named.push(quote! {
                    if let ::std::option::Option::Some(value) = #source {
                        query.push(#key, #text);
                    }
                });
            }
        }
    }
    let mutable = if named.is_empty() && maps.is_empty() {
        quote!()
    } else {
        quote!(mut)
    };
    quote! {
        let #mutable query = ::awsgen_runtime::protocol::Query::new(#static_query);
        #(#named)*
        #(#maps)*
    }
}

fn header_tokens(service: &Service, def: &StructDef) -> TokenStream {
    let mut steps = Vec::new();
    for member in &def.members {
        let source = value_source(member);
        match &member.binding {
            Binding::Header(name) => {
                let value = match &member.ty {
                    RustType::List(item) => {
                        let text =
                            cow_text_expr(member, item, quote!(item), TimestampFormat::HttpDate);
                        let quote_strings = matches!(item.as_ref(), RustType::String);
                        quote! {
                            ::awsgen_runtime::protocol::header_list(value.iter().map(|item| #text), #quote_strings)
                        }
                    }
                    other if member.jsonvalue => {
                        let text =
                            text_expr(member, other, quote!(value), TimestampFormat::HttpDate);
                        quote! { ::awsgen_runtime::protocol::json_header(#text) }
                    }
                    other => {
                        header_text_expr(member, other, quote!(value), TimestampFormat::HttpDate)
                    }
                };
                steps.push(quote! {
                    if let ::std::option::Option::Some(value) = #source {
                        request.header(#name, #value);
                    }
                });
            }
            Binding::PrefixHeaders(prefix) => {
                let RustType::Map(_, value_ty) = &member.ty else {
                    continue;
                };
                let text =
                    header_text_expr(member, value_ty, quote!(value), TimestampFormat::HttpDate);
                steps.push(quote! {
                    if let ::std::option::Option::Some(map) = #source {
                        for (key, value) in map {
                            request.header(::std::format!("{}{}", #prefix, key), #text);
                        }
                    }
                });
            }
            _ => {}
        }
    }
    // Service-wide headers give way to a member bound to the same header
    // (API Gateway's GetExport sets `Accept` itself).
    for (name, value) in crate::customizations::extra_request_headers(&service.service_id) {
        steps.push(quote! {
            if !request.has_header(#name) {
                request.header(#name, #value);
            }
        });
    }
    quote!(#(#steps)*)
}

fn body_tokens(
    service: &Service,
    op: &OperationDef,
    def: &StructDef,
    codec: RequestCodec,
) -> TokenStream {
    if let Some(member) = def.members.iter().find(|m| m.binding == Binding::Payload) {
        let field = ident(&member.field_name);
        let named_kind = match &member.ty {
            RustType::Named(name) => Some(&service.types[name].kind),
            _ => None,
        };
        return match &member.ty {
            RustType::Blob => quote! {
                if let ::std::option::Option::Some(blob) = &input.#field {
                    request.body("application/octet-stream", blob.as_bytes().to_vec());
                }
            },
            RustType::String => quote! {
                if let ::std::option::Option::Some(text) = &input.#field {
                    request.body("text/plain", text.clone().into_bytes());
                }
            },
            RustType::Named(_) if matches!(named_kind, Some(TypeKind::Enum(_))) => quote! {
                if let ::std::option::Option::Some(value) = &input.#field {
                    request.body("text/plain", value.as_str().as_bytes().to_vec());
                }
            },
            RustType::Named(_) if matches!(named_kind, Some(TypeKind::Union(_))) => {
                let write = codec.write_document(service, member, quote!(value));
                quote! {
                    if let ::std::option::Option::Some(value) = &input.#field {
                        #write
                    }
                }
            }
            // Structures and documents: absent still sends an empty document,
            // where the codec has one.
            _ => {
                let write = codec.write_document(service, member, quote!(value));
                let empty = codec.write_empty_document();
                if empty.is_empty() {
                    quote! {
                        if let ::std::option::Option::Some(value) = &input.#field {
                            #write
                        }
                    }
                } else {
                    quote! {
                        match &input.#field {
                            ::std::option::Option::Some(value) => { #write }
                            ::std::option::Option::None => { #empty }
                        }
                    }
                }
            }
        };
    }
    if def.members.iter().any(|m| m.binding == Binding::Body) {
        codec.write_body_members(op)
    } else {
        quote!()
    }
}

/// A `&str` (or `&String`) expression giving the text of `value` (a reference
/// to a value of type `ty`) outside a JSON document; `default_format` is the
/// location's timestamp default.
fn text_expr(
    member: &MemberDef,
    ty: &RustType,
    value: TokenStream,
    default_format: TimestampFormat,
) -> TokenStream {
    match ty {
        RustType::String | RustType::Named(_) => quote! { #value.as_str() },
        _ => {
            let owned = owned_text_expr(member, ty, value, default_format);
            quote! { &#owned }
        }
    }
}

/// The text of `value` for `RequestParts::header`, which takes `impl Into<String>`:
/// borrowed for strings, and the formatted `String` itself for other types.
fn header_text_expr(
    member: &MemberDef,
    ty: &RustType,
    value: TokenStream,
    default_format: TimestampFormat,
) -> TokenStream {
    match ty {
        RustType::String | RustType::Named(_) => quote! { #value.as_str() },
        _ => owned_text_expr(member, ty, value, default_format),
    }
}

/// A `Cow<str>` expression giving the text of `value`, borrowed where the type allows.
fn cow_text_expr(
    member: &MemberDef,
    ty: &RustType,
    value: TokenStream,
    default_format: TimestampFormat,
) -> TokenStream {
    match ty {
        RustType::String | RustType::Named(_) => {
            quote! { ::std::borrow::Cow::Borrowed(#value.as_str()) }
        }
        _ => {
            let owned = owned_text_expr(member, ty, value, default_format);
            quote! { ::std::borrow::Cow::<str>::Owned(#owned) }
        }
    }
}

/// A `String` expression giving the text of `value`, for types that have no borrowed text.
fn owned_text_expr(
    member: &MemberDef,
    ty: &RustType,
    value: TokenStream,
    default_format: TimestampFormat,
) -> TokenStream {
    match ty {
        RustType::String => quote! { #value.as_str() },
        RustType::Named(_) => quote! { #value.as_str() },
        RustType::Float => quote! { ::awsgen_runtime::protocol::float32_text(*#value) },
        RustType::Double | RustType::BigDecimal => {
            quote! { ::awsgen_runtime::protocol::float_text(*#value) }
        }
        RustType::Timestamp => {
            let format = match member.explicit_timestamp_format.unwrap_or(default_format) {
                TimestampFormat::EpochSeconds => quote!(EpochSeconds),
                TimestampFormat::Iso8601 => quote!(Iso8601),
                TimestampFormat::HttpDate => quote!(HttpDate),
            };
            quote! { ::awsgen_runtime::protocol::timestamp_text(#value, ::awsgen_runtime::protocol::TimestampText::#format) }
        }
        RustType::Blob => quote! { ::awsgen_runtime::protocol::base64_text(#value.as_bytes()) },
        RustType::Document => quote! { #value.to_string() },
        _ => quote! { #value.to_string() },
    }
}
