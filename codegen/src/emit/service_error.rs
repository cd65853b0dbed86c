//! `src/service_error.rs`: the service-wide `Error`, which every operation's
//! error and the errors of building a request convert into, so that code
//! calling several operations can use `?` into one type.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::doc_attrs::{inner_docs, outer_docs};
use super::operations::{
    documented_errors, error_arms, service_errors, shares_operation_error, ErrorArms, ErrorVariant,
};
use crate::ir::{OperationDef, Service};

/// The file's tokens.
pub fn service_error_rs(service: &Service) -> TokenStream {
    let errors = service_errors(service);
    let docs = inner_docs(&format!(
        "The one error type of {}: [`Error`].",
        service.full_name
    ));
    let docs_of_error = outer_docs(&format!(
        "Any error of {}: an exception the service models, an error response it does not, a \
         response that could not be read, or an input that could not become a request.\n\n\
         Every operation's error converts into it, as do [`BuildError`](crate::primitives::BuildError) \
         and [`RequestError`](crate::protocol::RequestError), so a function that calls several \
         operations can return this one type with `?`.",
        service.full_name
    ), "");
    // Boxed, so the error stays small however many members an exception has: a
    // large error makes every `Result` slow to move, and clippy flags it in
    // callers' code (`result_large_err`).
    let variants = errors.iter().map(
        |ErrorVariant {
             variant,
             path,
             code,
             ..
         }| {
            let doc = format!(" The service answered `{code}`.");
            quote! { #[doc = #doc] #variant(::std::boxed::Box<#path>), }
        },
    );
    let ErrorArms {
        code: code_arms,
        display: display_arms,
        source: source_arms,
        meta: meta_arms,
        message: message_arms,
    } = error_arms(&quote!(Error), &errors, true);
    let conversions = service
        .operations
        .iter()
        .filter(|op| !op.streams_events && !shares_operation_error(op))
        .map(|op| from_operation_error(service, &format_ident!("{}Error", op.rust_name), op));
    let shared_conversion = service
        .operations
        .iter()
        .find(|op| shares_operation_error(op))
        .map(|op| from_operation_error(service, &format_ident!("OperationError"), op));
    let lookup = crate::protocol::modeled_error_lookup(service);
    quote! {
        #docs

        #docs_of_error
        #[derive(::std::fmt::Debug)]
        #[non_exhaustive]
        pub enum Error {
            #(#variants)*
            /// An error response whose code the model does not know.
            Unhandled(::awsgen_runtime::protocol::ErrorMeta),
            /// A response that could not be read.
            InvalidResponse(::awsgen_runtime::protocol::ResponseError),
            /// An input that could not be built: a required member was left out.
            Build(::awsgen_runtime::primitives::BuildError),
            /// An input that could not be turned into a request.
            Request(::awsgen_runtime::protocol::RequestError),
        }

        impl Error {
            /// The error code the service sent, when there was one.
            pub fn code(&self) -> ::std::option::Option<&str> {
                match self {
                    #(#code_arms)*
                    Error::Unhandled(error) => error.code.as_deref(),
                    Error::InvalidResponse(_) | Error::Build(_) | Error::Request(_) => ::std::option::Option::None,
                }
            }

            /// What the response said about the error: status, code, message
            /// and request id; `None` for an error before any response (a
            /// failed build or request).
            pub fn meta(&self) -> ::std::option::Option<&::awsgen_runtime::protocol::ErrorMeta> {
                match self {
                    #(#meta_arms)*
                    Error::Unhandled(meta) => ::std::option::Option::Some(meta),
                    Error::InvalidResponse(error) => error.meta(),
                    Error::Build(_) | Error::Request(_) => ::std::option::Option::None,
                }
            }

            /// The error message the service sent, if any.
            pub fn message(&self) -> ::std::option::Option<&str> {
                match self {
                    #(#message_arms)*
                    Error::Unhandled(meta) => meta.message.as_deref(),
                    Error::InvalidResponse(error) => error.meta().and_then(|meta| meta.message.as_deref()),
                    Error::Build(_) | Error::Request(_) => ::std::option::Option::None,
                }
            }
        }

        impl ::std::fmt::Display for Error {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                match self {
                    #(#display_arms)*
                    Error::Unhandled(error) => ::std::fmt::Display::fmt(error, f),
                    Error::InvalidResponse(error) => ::std::fmt::Display::fmt(error, f),
                    Error::Build(error) => ::std::fmt::Display::fmt(error, f),
                    Error::Request(error) => ::std::fmt::Display::fmt(error, f),
                }
            }
        }

        impl ::std::error::Error for Error {
            fn source(&self) -> ::std::option::Option<&(dyn ::std::error::Error + 'static)> {
                match self {
                    #(#source_arms)*
                    Error::Unhandled(error) => ::std::option::Option::Some(error),
                    Error::InvalidResponse(error) => ::std::option::Option::Some(error),
                    Error::Build(error) => ::std::option::Option::Some(error),
                    Error::Request(error) => ::std::option::Option::Some(error),
                }
            }
        }

        impl ::std::convert::From<::awsgen_runtime::primitives::BuildError> for Error {
            fn from(error: ::awsgen_runtime::primitives::BuildError) -> Self {
                Error::Build(error)
            }
        }

        impl ::std::convert::From<::awsgen_runtime::protocol::RequestError> for Error {
            fn from(error: ::awsgen_runtime::protocol::RequestError) -> Self {
                Error::Request(error)
            }
        }

        #(#conversions)*

        #shared_conversion

        #lookup
    }
}

/// `From<error_name> for Error`, for the error type of `op`: each
/// documented variant to the same variant of the service-wide error.
fn from_operation_error(
    service: &Service,
    error_name: &proc_macro2::Ident,
    op: &OperationDef,
) -> TokenStream {
    let path = quote!(crate::operation::#error_name);
    let arms = documented_errors(service, op).into_iter().map(
        |ErrorVariant { variant, .. }| quote! { #path::#variant(error) => Error::#variant(::std::boxed::Box::new(error)), },
    );
    quote! {
        impl ::std::convert::From<#path> for Error {
            fn from(error: #path) -> Self {
                match error {
                    #(#arms)*
                    #path::Unlisted(error) => error,
                    #path::Unhandled(error) => Error::Unhandled(error),
                    #path::InvalidResponse(error) => Error::InvalidResponse(error),
                }
            }
        }
    }
}
