//! Query requests (awsQuery and ec2Query): `POST /` with every member in a
//! form-encoded body after `Action` (the operation's wire name) and
//! `Version` (the API version), written by the input's `write_query`.

use proc_macro2::TokenStream;
use quote::quote;

use super::{fill_idempotency_tokens, host_prefix_tokens, input_def};
use crate::ir::{OperationDef, Service};

/// The body of `Operation::serialize_request` for `op`.
pub fn serialize_request_body(service: &Service, op: &OperationDef) -> TokenStream {
    let def = input_def(service, op);
    let fill = fill_idempotency_tokens(&def);
    let action = &op.wire_name;
    let version = &service.api_version;
    let method = &op.method;
    let new_body = quote! { ::awsgen_runtime::query::FormBody::new(#action, #version) };
    let write = if def.members.is_empty() {
        quote! {
            let _ = input;
            let body = #new_body;
        }
    } else {
        quote! {
            let mut body = #new_body;
            input.write_query(&mut body)?;
        }
    };
    let host = host_prefix_tokens(&def, op.host_prefix.as_deref());
    quote! {
        #fill
        let mut request = ::awsgen_runtime::protocol::RequestParts::new(
            #method,
            ::std::string::String::from("/"),
            ::std::string::String::new(),
        );
        #write
        request.body(::awsgen_runtime::query::CONTENT_TYPE, body.finish());
        #host
        request.finish()
    }
}
