//! Query requests (awsQuery and ec2Query): `POST /` with every member in a
//! form-encoded body after `Action` (the operation's wire name) and
//! `Version` (the API version), written by the input's `WriteQuery` impl.
//!
//! Most operations' requests differ only in their name and input, so the
//! `Operation` trait writes them in a provided method; an operation writes
//! its own only where its request needs more.

use proc_macro2::TokenStream;
use quote::quote;

use super::{fill_idempotency_tokens, host_prefix_tokens, input_def};
use crate::ir::{OperationDef, Service};
use crate::protocol::SerializeDefault;

/// The `Operation` trait's provided `serialize_request`: `Action` is the
/// operation's `NAME`.
pub fn serialize_request_default(service: &Service) -> SerializeDefault {
    let version = &service.api_version;
    SerializeDefault {
        input_bound: quote!(::awsgen_runtime::query::WriteQuery),
        body: quote! {
            ::awsgen_runtime::query::request(Self::HTTP_METHOD, Self::NAME, #version, input)
        },
    }
}

/// The body of `op`'s own `Operation::serialize_request`, or `None` where the
/// trait's provided method writes the request: it does unless the operation
/// fills idempotency tokens, has a host prefix, or is sent under another name
/// than the one the model files it under.
pub fn serialize_request_body(service: &Service, op: &OperationDef) -> Option<TokenStream> {
    let def = input_def(service, op);
    let fill = fill_idempotency_tokens(&def);
    if fill.is_empty() && op.host_prefix.is_none() && op.wire_name == op.model_name {
        return None;
    }
    let action = &op.wire_name;
    let version = &service.api_version;
    let method = &op.method;
    let host = host_prefix_tokens(&def, op.host_prefix.as_deref());
    Some(quote! {
        #fill
        let mut request = ::awsgen_runtime::protocol::RequestParts::new(
            #method,
            ::std::string::String::from("/"),
            ::std::string::String::new(),
        );
        let mut body = ::awsgen_runtime::query::FormBody::new(#action, #version);
        ::awsgen_runtime::query::WriteQuery::write_query(input, &mut body)?;
        request.body(::awsgen_runtime::query::CONTENT_TYPE, body.finish());
        #host
        request.finish()
    })
}
