//! Requests: an operation input becomes an `http::Request`, following the
//! rest-json rules for URI labels, query strings, headers and bodies.

use proc_macro2::TokenStream;
use quote::quote;

use super::rust_types::ident;
use crate::ir::{
    Binding, MemberDef, OperationDef, RustType, Service, StructDef, TimestampFormat, TypeKind,
};
use crate::uri_template::{self, Part};

/// The body of `Operation::serialize_request` for `op`.
pub fn serialize_request_body(service: &Service, op: &OperationDef) -> TokenStream {
    let input = op
        .input
        .as_ref()
        .and_then(|name| match &service.types[name].kind {
            TypeKind::Struct(def) => Some(def),
            _ => None,
        });
    let empty = StructDef {
        members: Vec::new(),
        error: None,
        is_operation_input: true,
        is_operation_output: false,
        in_input: true,
        in_output: false,
    };
    let def = input.unwrap_or(&empty);
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
            ::std::result::Result::Err(crate::protocol::RequestError::MissingLabel { member: #label })
        };
    }
    let tokens_fill = tokens_autofill(def);
    let path = path_tokens(def, path_template);
    let query = query_tokens(def, static_query);
    let method = &op.method;
    let headers = header_tokens(service, def);
    let body = body_tokens(service, def);
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
        let #mutable request = crate::protocol::RequestParts::new(#method, path, query.finish());
        #headers
        #body
        #host
        request.finish()
    }
}

/// The host prefix, its `{label}`s filled from `hostLabel` members.
fn host_prefix_tokens(def: &StructDef, template: Option<&str>) -> TokenStream {
    let Some(template) = template else {
        return quote!();
    };
    let prefix_ident = ident("prefix");
    let steps = uri_template::parts(template).into_iter().map(|part| match part {
        Part::Literal(literal) => push_literal(&prefix_ident, literal),
        Part::Label { name, .. } => match def.members.iter().find(|m| m.model_name == name) {
            Some(member) => {
                let field = ident(&member.field_name);
                let model_name = &member.model_name;
                quote! {
                    crate::protocol::push_host_label(
                        &mut prefix,
                        #model_name,
                        input.#field.as_deref().unwrap_or_default(),
                    )?;
                }
            }
            None => quote! {
                return ::std::result::Result::Err(crate::protocol::RequestError::InvalidHostLabel {
                    member: #name,
                    value: ::std::string::String::new(),
                });
            },
        },
    });
    quote! {
        let mut prefix = ::std::string::String::new();
        #(#steps)*
        request.host_prefix(prefix);
    }
}

/// Idempotency tokens the caller left unset get a fresh UUID.
fn tokens_autofill(def: &StructDef) -> TokenStream {
    let fills = def
        .members
        .iter()
        .filter(|m| m.idempotency_token && m.ty == RustType::String)
        .map(|member| {
            let field = ident(&member.field_name);
            quote! {
                let #field: ::std::string::String = match &input.#field {
                    ::std::option::Option::Some(value) => value.clone(),
                    ::std::option::Option::None => crate::protocol::idempotency_token(),
                };
            }
        });
    quote!(#(#fills)*)
}

/// How a member's value is read: through its autofilled token, or from the input.
fn value_source(member: &MemberDef) -> TokenStream {
    let field = ident(&member.field_name);
    if member.idempotency_token && member.ty == RustType::String {
        quote! { ::std::option::Option::Some(&#field) }
    } else {
        quote! { input.#field.as_ref() }
    }
}

/// Appends literal text to `target`: `push` for one character, as clippy prefers.
fn push_literal(target: &proc_macro2::Ident, literal: &str) -> TokenStream {
    let mut chars = literal.chars();
    match (chars.next(), chars.next()) {
        (Some(only), None) => quote! { #target.push(#only); },
        _ => quote! { #target.push_str(#literal); },
    }
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
                    ::std::option::Option::Some(value) => crate::protocol::push_label(&mut path, #model_name, #text, #greedy)?,
                    ::std::option::Option::None => {
                        return ::std::result::Result::Err(crate::protocol::RequestError::MissingLabel { member: #model_name });
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
        let #mutable query = crate::protocol::Query::new(#static_query);
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
                            crate::protocol::header_list(value.iter().map(|item| #text), #quote_strings)
                        }
                    }
                    other => {
                        let text =
                            text_expr(member, other, quote!(value), TimestampFormat::HttpDate);
                        if member.jsonvalue {
                            quote! { crate::protocol::json_header(#text) }
                        } else {
                            quote! { #text }
                        }
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
                let text = text_expr(member, value_ty, quote!(value), TimestampFormat::HttpDate);
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

fn body_tokens(service: &Service, def: &StructDef) -> TokenStream {
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
            RustType::Named(_) if matches!(named_kind, Some(TypeKind::Union(_))) => quote! {
                if let ::std::option::Option::Some(value) = &input.#field {
                    request.json_body(value)?;
                }
            },
            // Structures and documents: absent still sends an empty JSON object.
            _ => quote! {
                match &input.#field {
                    ::std::option::Option::Some(value) => request.json_body(value)?,
                    ::std::option::Option::None => request.body("application/json", &b"{}"[..]),
                }
            },
        };
    }
    if def.members.iter().any(|m| m.binding == Binding::Body) {
        quote! { request.json_body(&input.json_body())?; }
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
        RustType::Float => quote! { crate::protocol::float32_text(*#value) },
        RustType::Double | RustType::BigDecimal => quote! { crate::protocol::float_text(*#value) },
        RustType::Timestamp => {
            let format = match member.explicit_timestamp_format.unwrap_or(default_format) {
                TimestampFormat::EpochSeconds => quote!(EpochSeconds),
                TimestampFormat::Iso8601 => quote!(Iso8601),
                TimestampFormat::HttpDate => quote!(HttpDate),
            };
            quote! { crate::protocol::timestamp_text(#value, crate::protocol::TimestampText::#format) }
        }
        RustType::Blob => quote! { crate::protocol::base64_text(#value.as_bytes()) },
        RustType::Document => quote! { #value.to_string() },
        _ => quote! { #value.to_string() },
    }
}
