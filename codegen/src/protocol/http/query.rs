//! Query requests (awsQuery and ec2Query): `POST /` with every member in a
//! form-encoded body after `Action` (the operation's wire name) and
//! `Version` (the API version), written by the input's `WriteQuery` impl.
//!
//! Most operations' requests differ only in their name and input, and their
//! responses only in their name and output, so the `Operation` trait writes
//! and reads them in provided methods; an operation has its own only where
//! it needs more. Outputs are read from the body's XML alone: the query
//! protocols bind nothing to headers.

use proc_macro2::TokenStream;
use quote::quote;

use super::{fill_idempotency_tokens, host_prefix_tokens, input_def};
use crate::ir::{OperationDef, Service};
use crate::protocol::codec::query::QueryDialect;
use crate::protocol::{ParseDefault, SerializeDefault};

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

/// The element a query operation's output members are in when the model
/// says nothing else: awsQuery's `<OperationResult>` (botocore's models give
/// every awsQuery output that `resultWrapper`), ec2Query's root.
fn default_members_at(dialect: QueryDialect) -> TokenStream {
    match dialect {
        QueryDialect::Query => quote!(ResultOf(Self::NAME)),
        QueryDialect::Ec2 => quote!(Root),
    }
}

/// The `Operation` trait's provided `parse_response`.
pub fn parse_response_default(dialect: QueryDialect) -> ParseDefault {
    let at = default_members_at(dialect);
    ParseDefault {
        output_bound: quote!(::awsgen_runtime::xml::QueryOutput),
        body: parse_output_at(&at),
    }
}

/// A `parse_response` body reading the output's members from the element
/// `at` (a `MembersAt` variant) names.
fn parse_output_at(at: &TokenStream) -> TokenStream {
    quote! {
        ::awsgen_runtime::xml::parse_response(response, Self::NAME, ::awsgen_runtime::xml::MembersAt::#at)
    }
}

/// The body of `op`'s own `Operation::parse_response`, or `None` where the
/// trait's provided method reads its output: it does unless the model puts
/// the output elsewhere than the dialect's default.
pub fn parse_response_body(op: &OperationDef, dialect: QueryDialect) -> Option<TokenStream> {
    let default_wrapper = match dialect {
        QueryDialect::Query => Some(format!("{}Result", op.model_name)),
        QueryDialect::Ec2 => None,
    };
    if op.output.is_none() || op.result_wrapper == default_wrapper {
        return None;
    }
    let at = match &op.result_wrapper {
        Some(wrapper) => quote!(Child(#wrapper)),
        None => quote!(Root),
    };
    Some(parse_output_at(&at))
}
