//! Error responses: how a protocol finds the error code in a response, and
//! the dispatch from that code to the operation's typed errors.

use proc_macro2::TokenStream;
use quote::quote;

use crate::emit::operations::documented_errors;
use crate::emit::rust_types::type_path;
use crate::ir::{OperationDef, Service};

/// Where a protocol's error responses carry their code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorStyle {
    /// The `x-amzn-errortype` header, else the JSON body's `__type` or `code`
    /// (rest-json and awsJson).
    Json,
}

/// The expression giving the error code of `response`, an `Option<String>`.
/// A query-compatible service also names its error in `x-amzn-query-error`:
/// the runtime picks whichever of the two codes names one of the operation's
/// modeled errors (botocore matches the query code, and for SQS, whose model
/// keeps shape names only, the JSON code).
fn error_code(service: &Service, style: ErrorStyle) -> TokenStream {
    match style {
        ErrorStyle::Json if service.query_compatible => quote! {
            ::awsgen_runtime::protocol::query_compatible_error_code(
                response,
                <Self as super::Operation>::ERRORS,
            )
        },
        ErrorStyle::Json => quote! { ::awsgen_runtime::protocol::error_code(response) },
    }
}

/// The body of `Operation::parse_response`.
pub fn parse_response_body(
    service: &Service,
    op: &OperationDef,
    error_name: &proc_macro2::Ident,
    style: ErrorStyle,
) -> TokenStream {
    let code = error_code(service, style);
    let errors = documented_errors(service, op);
    let unhandled = quote! {
        #error_name::Unhandled(::awsgen_runtime::protocol::ErrorMeta::from_response(response, code))
    };
    let dispatch = if errors.is_empty() {
        unhandled
    } else {
        let arms = errors.into_iter().map(|(variant, path, code, _)| {
            quote! {
                ::std::option::Option::Some(#code) => match #path::from_response(response) {
                    ::std::result::Result::Ok(error) => #error_name::#variant(error),
                    ::std::result::Result::Err(error) => #error_name::InvalidResponse(error),
                },
            }
        });
        quote! {
            match code.as_deref() {
                #(#arms)*
                _ => #unhandled,
            }
        }
    };
    let output = match &op.output {
        Some(shape) => {
            let path = type_path(&service.types[shape]);
            quote! { #path::from_response(response).map_err(#error_name::InvalidResponse) }
        }
        None => quote! { ::std::result::Result::Ok(()) },
    };
    quote! {
        // AWS answers errors with a status of 300 or more.
        if response.status().as_u16() >= 300 {
            let code = #code;
            return ::std::result::Result::Err(#dispatch);
        }
        #output
    }
}
