//! The JSON codec: the generated types' serde impls are the JSON wire form
//! (wire names, epoch-second timestamps, base64 blobs), so the codec only
//! decides what is serialized and how an empty body reads.

use proc_macro2::TokenStream;
use quote::quote;

/// `request.json_body(value)`: the value's serde form is its JSON wire form.
pub fn write_document(value: TokenStream) -> TokenStream {
    quote! { request.json_body(#value)?; }
}

/// `{}`, what botocore sends for an input without members.
pub fn write_empty_document() -> TokenStream {
    quote! { request.body("application/json", &b"{}"[..]); }
}

/// The input's `json_body()`: its members bound to the body, under their wire names.
pub fn write_body_members() -> TokenStream {
    quote! { request.json_body(&input.json_body())?; }
}

/// The body as an `Option` of `ty`; an empty body is an absent payload.
pub fn read_payload(ty: TokenStream, context: &str) -> TokenStream {
    quote! { ::awsgen_runtime::protocol::json_payload::<#ty>(response.body(), #context)? }
}

/// The body's members into a fresh `Self`; an empty body reads as `{}` and
/// keys of members bound to the status code or headers are ignored.
pub fn read_body_members(context: &str) -> TokenStream {
    quote! {
        ::awsgen_runtime::protocol::json_body::<::awsgen_runtime::primitives::BodyOnly<Self>>(response.body(), #context)?.0
    }
}
