//! Error responses: how a protocol finds the error code in a response, and
//! the dispatch from that code to the operation's typed errors.

use proc_macro2::TokenStream;
use quote::quote;

use crate::emit::operations::{documented_errors, service_errors, ErrorVariant};
use crate::ir::{OperationDef, Service};

/// Where a protocol's error responses carry their code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorStyle {
    /// The `x-amzn-errortype` header, else the JSON body's `__type` or `code`
    /// (rest-json and awsJson).
    Json,
    /// The XML body's `Error` element's `Code` (`<ErrorResponse><Error>`,
    /// EC2's `<Response><Errors><Error>`).
    Xml,
    /// restXml's: the `Code` of `<ErrorResponse><Error>` or S3's bare
    /// `<Error>`, else, without an XML body, the HTTP status code.
    RestXml,
    /// The CBOR body's `__type` (smithy-rpc-v2-cbor).
    Cbor,
}

/// An error response as the protocol's services send it, for examples in
/// the docs, with the code `SomethingWentWrong`, the message `it broke` and
/// the request id `example-request-id`.
#[derive(Debug, Clone)]
pub struct ExampleErrorResponse {
    /// Its headers, `(name, value)`.
    pub headers: Vec<(&'static str, &'static str)>,
    /// Its body.
    pub body: &'static [u8],
}

/// The example error response of `style` (`ec2`: EC2's XML form).
pub fn example_error_response(style: ErrorStyle, ec2: bool) -> ExampleErrorResponse {
    let (headers, body): (Vec<(&'static str, &'static str)>, &'static [u8]) = match style {
        ErrorStyle::Json => (
            vec![
                ("x-amzn-requestid", "example-request-id"),
                ("x-amzn-errortype", "SomethingWentWrong"),
            ],
            br#"{"message":"it broke"}"#,
        ),
        // {"__type": "SomethingWentWrong", "message": "it broke"}: a map of
        // two entries (0xa2), each text a length byte (0x60 + length) and UTF-8.
        ErrorStyle::Cbor => (
            vec![
                ("x-amzn-requestid", "example-request-id"),
                ("smithy-protocol", "rpc-v2-cbor"),
            ],
            b"\xa2\x66__type\x72SomethingWentWrong\x67message\x68it broke",
        ),
        ErrorStyle::Xml if ec2 => (
            Vec::new(),
            b"<Response><Errors><Error><Code>SomethingWentWrong</Code><Message>it broke</Message></Error></Errors><RequestID>example-request-id</RequestID></Response>",
        ),
        ErrorStyle::Xml | ErrorStyle::RestXml => (
            Vec::new(),
            b"<ErrorResponse><Error><Type>Sender</Type><Code>SomethingWentWrong</Code><Message>it broke</Message></Error><RequestId>example-request-id</RequestId></ErrorResponse>",
        ),
    };
    ExampleErrorResponse { headers, body }
}

/// The expression giving the error code of `response`, an `Option<String>`.
/// A query-compatible service also names its error in `x-amzn-query-error`:
/// the runtime picks whichever of the two codes names one of the service's
/// modeled errors (botocore matches the query code, and for SQS, whose model
/// keeps shape names only, the JSON code).
fn error_code(service: &Service, style: ErrorStyle) -> TokenStream {
    match style {
        ErrorStyle::Json if service.query_compatible => quote! {
            ::awsgen_runtime::protocol::query_compatible_error_code(
                response,
                ::awsgen_runtime::protocol::error_code(response),
                crate::service_error::MODELED_CODES,
            )
        },
        ErrorStyle::Cbor if service.query_compatible => quote! {
            ::awsgen_runtime::protocol::query_compatible_error_code(
                response,
                ::awsgen_runtime::cbor::error_code(response),
                crate::service_error::MODELED_CODES,
            )
        },
        ErrorStyle::Cbor => quote! { ::awsgen_runtime::cbor::error_code(response) },
        ErrorStyle::Json => quote! { ::awsgen_runtime::protocol::error_code(response) },
        ErrorStyle::Xml => quote! { ::awsgen_runtime::xml::error_code(response.body()) },
        ErrorStyle::RestXml => quote! { ::awsgen_runtime::xml::rest_error_code(response) },
    }
}

/// How an error response becomes `error_type`'s `Unlisted` (an error the
/// service models elsewhere), `InvalidResponse` or `Unhandled` variant, given
/// `code`, the response's error code.
fn unlisted_dispatch(error_type: &TokenStream) -> TokenStream {
    quote! {
        match code.as_deref().and_then(|code| crate::Error::from_modeled_code(code, response)) {
            ::std::option::Option::Some(::std::result::Result::Ok(error)) => #error_type::Unlisted(error),
            ::std::option::Option::Some(::std::result::Result::Err(error)) => #error_type::InvalidResponse(error.with_response(response)),
            ::std::option::Option::None => #error_type::Unhandled(
                ::awsgen_runtime::protocol::ErrorMeta::from_response(response, code),
            ),
        }
    }
}

/// The body of `OperationError`'s `from_error_response`: the error of an
/// operation that documents none, read from an error response.
pub fn shared_error_body(service: &Service, style: ErrorStyle) -> TokenStream {
    let code = error_code(service, style);
    let dispatch = unlisted_dispatch(&quote!(OperationError));
    quote! {
        let code = #code;
        #dispatch
    }
}

/// The body of `FromErrorResponse::from_error_response` for the error type of
/// `op`, which documents errors: a documented error code gives its variant;
/// any other code the service models gives `Unlisted`, as botocore looks codes
/// up across the whole service.
pub fn error_response_body(
    service: &Service,
    op: &OperationDef,
    error_name: &proc_macro2::Ident,
    style: ErrorStyle,
) -> TokenStream {
    let code = error_code(service, style);
    let documented = documented_errors(service, op);
    let arms: Vec<_> = documented
        .iter()
        .filter(|error| error.answers_code)
        .map(
            |ErrorVariant { variant, code, .. }| {
                quote! {
                    ::std::option::Option::Some(#code) => ::awsgen_runtime::protocol::read_exception(response, #error_name::#variant),
                }
            },
        )
        .collect();
    let unlisted = unlisted_dispatch(&quote!(#error_name));
    let dispatch = if arms.is_empty() {
        unlisted
    } else {
        quote! {
            match code.as_deref() {
                #(#arms)*
                _ => #unlisted,
            }
        }
    };
    quote! {
        let code = #code;
        #dispatch
    }
}

/// The service-wide lookup from an error code to the error it names, as
/// botocore's `ServiceModel.shape_for_error_code`, for `src/service_error.rs`.
pub fn modeled_error_lookup(service: &Service) -> TokenStream {
    let errors = service_errors(service);
    let codes = errors.iter().map(|error| &error.code);
    let modeled_codes = service.query_compatible.then(|| {
        quote! {
            /// The codes of every error the service models.
            pub(crate) const MODELED_CODES: &[&str] = &[#(#codes),*];
        }
    });
    let body = if errors.is_empty() {
        quote! {
            let _ = (code, response);
            ::std::option::Option::None
        }
    } else {
        let arms = errors.iter().filter(|error| error.answers_code).map(
            |ErrorVariant {
                 variant,
                 path,
                 code,
                 ..
             }| {
                quote! { #code => <#path as ::awsgen_runtime::protocol::FromResponse>::from_response(response).map(|error| Error::#variant(::std::boxed::Box::new(error))), }
            },
        );
        quote! {
            let error = match code {
                #(#arms)*
                _ => return ::std::option::Option::None,
            };
            ::std::option::Option::Some(error)
        }
    };
    // A crate whose operations all stream events has no caller of the lookup.
    let allow_unused = service
        .operations
        .iter()
        .all(|op| op.streams_events)
        .then(|| quote!(#[allow(dead_code)]));
    quote! {
        #modeled_codes

        impl Error {
            /// The error `code` names anywhere in the service, read from `response`;
            /// `None` when the service models no error with that code.
            #allow_unused
            pub(crate) fn from_modeled_code(
                code: &str,
                response: &::awsgen_runtime::http::Response<::awsgen_runtime::bytes::Bytes>,
            ) -> ::std::option::Option<::std::result::Result<Error, ::awsgen_runtime::protocol::ResponseError>> {
                #body
            }
        }
    }
}
