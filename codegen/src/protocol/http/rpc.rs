//! RPC requests (awsJson): every member travels in the body, which goes to
//! `POST /` with the operation named in the `X-Amz-Target` header.

use proc_macro2::TokenStream;
use quote::quote;

use super::{fill_idempotency_tokens, host_prefix_tokens, input_def};
use crate::ir::{OperationDef, Service};
use crate::protocol::codec::RequestCodec;

/// What an RPC protocol puts on every request.
#[derive(Debug, Clone)]
pub struct RpcTarget<'s> {
    /// The prefix of `X-Amz-Target`, before `.` and the operation's wire name.
    pub target_prefix: &'s str,
    /// The body's content type, e.g. `application/x-amz-json-1.1`.
    pub content_type: String,
}

/// The body of `Operation::serialize_request` for `op`.
pub fn serialize_request_body(
    service: &Service,
    op: &OperationDef,
    target: &RpcTarget<'_>,
    codec: RequestCodec,
) -> TokenStream {
    let def = input_def(service, op);
    let fill = fill_idempotency_tokens(&def);
    // The operation's `name` is its wire name; botocore sends it whatever key the model files it under.
    let target_header = format!("{}.{}", target.target_prefix, op.wire_name);
    let content_type = &target.content_type;
    let method = &op.method;
    // Services that used to speak the query protocol are told the caller expects its error codes.
    let query_mode = service
        .query_compatible
        .then(|| quote! { request.header("x-amzn-query-mode", "true"); });
    // An input without members still sends an empty document, as botocore does.
    let body = if def.members.is_empty() {
        let empty = codec.write_empty_document();
        quote! {
            let _ = input;
            #empty
        }
    } else {
        codec.write_body_members(op)
    };
    let host = host_prefix_tokens(&def, op.host_prefix.as_deref());
    quote! {
        #fill
        let mut request = ::awsgen_runtime::protocol::RequestParts::new(
            #method,
            ::std::string::String::from("/"),
            ::std::string::String::new(),
        );
        request.header("X-Amz-Target", #target_header);
        request.header("Content-Type", #content_type);
        #query_mode
        #body
        #host
        request.finish()
    }
}
