//! Body codecs: how a protocol writes and reads the document in an HTTP body.
//! Each returns expressions over the `request` (a `RequestParts`), `input`
//! and `response` bindings of the generated operation code.

mod json;

use proc_macro2::TokenStream;

/// The body formats of the protocols.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Codec {
    /// JSON documents, through the generated types' serde impls.
    Json,
}

impl Codec {
    /// Writes `value` (a reference to a structure, union or document) as the whole body.
    pub fn write_document(self, value: TokenStream) -> TokenStream {
        match self {
            Codec::Json => json::write_document(value),
        }
    }

    /// Writes an empty document as the body.
    pub fn write_empty_document(self) -> TokenStream {
        match self {
            Codec::Json => json::write_empty_document(),
        }
    }

    /// Writes the input's members bound to the body.
    pub fn write_body_members(self) -> TokenStream {
        match self {
            Codec::Json => json::write_body_members(),
        }
    }

    /// Reads the body as a payload of type `ty` (an `Option` of it; empty is absent).
    pub fn read_payload(self, ty: TokenStream, context: &str) -> TokenStream {
        match self {
            Codec::Json => json::read_payload(ty, context),
        }
    }

    /// Reads the body's members into a fresh `Self`; members bound elsewhere are ignored.
    pub fn read_body_members(self, context: &str) -> TokenStream {
        match self {
            Codec::Json => json::read_body_members(context),
        }
    }
}
