//! RPC requests: every member travels in the body, sent to one path per
//! protocol. awsJson sends `POST /` with the operation named in the
//! `X-Amz-Target` header; smithy-rpc-v2-cbor names the service and the
//! operation in the path.

use proc_macro2::TokenStream;
use quote::quote;

use super::{fill_idempotency_tokens, host_prefix_tokens, input_def};
use crate::ir::{OperationDef, Service};
use crate::protocol::codec::RequestCodec;

/// Where an RPC protocol sends each operation's request, and what it marks
/// it with.
#[derive(Debug, Clone)]
pub enum RpcRoute<'s> {
    /// awsJson: `POST /`, the operation in `X-Amz-Target`, and a body of
    /// `content_type` on every request.
    AmzTarget {
        /// The prefix of `X-Amz-Target`, before `.` and the operation's wire name.
        target_prefix: &'s str,
        /// The body's content type, e.g. `application/x-amz-json-1.1`.
        content_type: String,
    },
    /// smithy-rpc-v2-cbor: `/service/<service>/operation/<operation>` with
    /// `smithy-protocol: rpc-v2-cbor`; a body only for operations with an input.
    SmithyRpcV2 {
        /// The service's name in the path (the model's `targetPrefix`, as botocore reads it).
        service: &'s str,
    },
}

/// The body of `Operation::serialize_request` for `op`.
pub fn serialize_request_body(
    service: &Service,
    op: &OperationDef,
    route: &RpcRoute<'_>,
    codec: RequestCodec,
) -> TokenStream {
    let def = input_def(service, op);
    let fill = fill_idempotency_tokens(&def);
    let method = &op.method;
    // The operation's `name` is its wire name; botocore sends it whatever key the model files it under.
    let (path, marks) = match route {
        RpcRoute::AmzTarget {
            target_prefix,
            content_type,
        } => {
            let target = format!("{target_prefix}.{}", op.wire_name);
            (
                "/".to_owned(),
                quote! {
                    request.header("X-Amz-Target", #target);
                    request.header("Content-Type", #content_type);
                },
            )
        }
        RpcRoute::SmithyRpcV2 { service } => (
            format!("/service/{service}/operation/{}", op.wire_name),
            quote! {
                request.header("smithy-protocol", "rpc-v2-cbor");
                request.header("Accept", "application/cbor");
            },
        ),
    };
    // Services that used to speak the query protocol are told the caller expects its error codes.
    let query_mode = service
        .query_compatible
        .then(|| quote! { request.header("x-amzn-query-mode", "true"); });
    let body = if op.input.is_none() && matches!(route, RpcRoute::SmithyRpcV2 { .. }) {
        // RPC v2 sends no body at all for an operation without input.
        quote! { let _ = input; }
    } else if def.members.is_empty() {
        // An input without members still sends an empty document, as botocore does.
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
            ::std::string::String::from(#path),
            ::std::string::String::new(),
        );
        #marks
        #query_mode
        #body
        #host
        request.finish()
    }
}
