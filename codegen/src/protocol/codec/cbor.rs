//! The CBOR codec (smithy-rpc-v2-cbor): the generated types' serde impls,
//! written and read by the runtime's `cbor` module, whose serializer is not
//! human-readable, so that blobs, timestamps and special floats take their
//! CBOR forms.

use proc_macro2::TokenStream;
use quote::quote;

/// `request.cbor_body(value)`.
pub fn write_document(value: TokenStream) -> TokenStream {
    quote! { request.cbor_body(#value)?; }
}

/// An empty map, what botocore sends for an input without members.
pub fn write_empty_document() -> TokenStream {
    quote! { request.body(::awsgen_runtime::cbor::CONTENT_TYPE, &b"\xa0"[..]); }
}

/// The input's members bound to the body (all of them, in an RPC protocol).
pub fn write_body_members() -> TokenStream {
    quote! { request.cbor_body(&input.json_body())?; }
}

/// The body as an `Option` of `ty`; an empty body is an absent payload.
pub fn read_payload(ty: TokenStream, context: &str) -> TokenStream {
    quote! { ::awsgen_runtime::cbor::payload::<#ty>(response.body(), #context)? }
}

/// The body's members into a fresh `Self`; an empty body reads as an empty map.
pub fn read_body_members(context: &str) -> TokenStream {
    quote! {
        ::awsgen_runtime::cbor::body::<::awsgen_runtime::primitives::BodyOnly<Self>>(response.body(), #context)?.0
    }
}
