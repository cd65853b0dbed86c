//! HTTP bindings: where each member of an input or output travels in the
//! HTTP message. [`rest`] binds members to URI labels, the query string,
//! headers and the payload; [`rpc`] sends everything in the body to one path;
//! [`query`] sends everything as form pairs to `/`;
//! [`response`] reads outputs and errors back by the same bindings.

pub mod query;
pub mod response;
pub mod rest;
pub mod rpc;

use std::borrow::Cow;

use proc_macro2::TokenStream;
use quote::quote;

use crate::emit::rust_types::ident;
use crate::ir::{OperationDef, RustType, Service, StructDef, TypeKind};
use crate::uri_template::{self, Part};

/// The input structure of `op`, or an empty one for operations without input.
pub fn input_def<'s>(service: &'s Service, op: &OperationDef) -> Cow<'s, StructDef> {
    let input = op
        .input
        .as_ref()
        .and_then(|name| match &service.types[name].kind {
            TypeKind::Struct(def) => Some(def),
            _ => None,
        });
    match input {
        Some(def) => Cow::Borrowed(def),
        None => Cow::Owned(StructDef {
            members: Vec::new(),
            error: None,
            is_operation_input: true,
            is_operation_output: false,
            in_input: true,
            in_request_body: false,
            in_response_body: false,
            in_output: false,
        }),
    }
}

/// Rebinds `input` to a copy whose unset idempotency tokens hold fresh UUIDs,
/// so every binding (URI, query, header or body) reads the filled value. The
/// copy is made only when a token is actually missing.
pub fn fill_idempotency_tokens(def: &StructDef) -> TokenStream {
    let tokens: Vec<_> = def
        .members
        .iter()
        .filter(|m| m.idempotency_token && m.ty == RustType::String)
        .map(|m| ident(&m.field_name))
        .collect();
    if tokens.is_empty() {
        return quote!();
    }
    quote! {
        let filled;
        let input = if #(input.#tokens.is_none())||* {
            let mut copy = ::std::clone::Clone::clone(input);
            #(
                if copy.#tokens.is_none() {
                    copy.#tokens = ::std::option::Option::Some(::awsgen_runtime::protocol::idempotency_token());
                }
            )*
            filled = copy;
            &filled
        } else {
            input
        };
    }
}

/// The host prefix, its `{label}`s filled from `hostLabel` members.
pub fn host_prefix_tokens(def: &StructDef, template: Option<&str>) -> TokenStream {
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
                    ::awsgen_runtime::protocol::push_host_label(
                        &mut prefix,
                        #model_name,
                        input.#field.as_deref().unwrap_or_default(),
                    )?;
                }
            }
            None => quote! {
                return ::std::result::Result::Err(::awsgen_runtime::protocol::RequestError::InvalidHostLabel {
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

/// Appends literal text to `target`: `push` for one character, as clippy prefers.
pub fn push_literal(target: &proc_macro2::Ident, literal: &str) -> TokenStream {
    let mut chars = literal.chars();
    match (chars.next(), chars.next()) {
        (Some(only), None) => quote! { #target.push(#only); },
        _ => quote! { #target.push_str(#literal); },
    }
}
