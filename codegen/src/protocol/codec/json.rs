//! The JSON codec: the generated types' serde impls are the JSON wire form
//! (wire names, epoch-second timestamps, base64 blobs), so the codec only
//! decides what is serialized and how an empty body reads.

use proc_macro2::TokenStream;
use quote::quote;

pub fn write_document(value: TokenStream) -> TokenStream {
    quote! { request.json_body(#value)?; }
}

pub fn write_empty_document() -> TokenStream {
    quote! { request.body("application/json", &b"{}"[..]); }
}

pub fn write_body_members() -> TokenStream {
    quote! { request.json_body(&input.json_body())?; }
}

pub fn read_payload(ty: TokenStream, context: &str) -> TokenStream {
    quote! { ::awsgen_runtime::protocol::json_payload::<#ty>(response.body(), #context)? }
}

pub fn read_body_members(context: &str) -> TokenStream {
    quote! {
        ::awsgen_runtime::protocol::json_body::<::awsgen_runtime::primitives::BodyOnly<Self>>(response.body(), #context)?.0
    }
}
