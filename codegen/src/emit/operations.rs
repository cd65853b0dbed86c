//! Operation metadata: a marker type per operation implementing a sealed
//! `Operation` trait with its name, HTTP binding, types and documented errors.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::doc_attrs::{deprecated_attr, inner_docs, outer_docs, type_link};
use super::rust_types::{ident, type_path};
use crate::ir::{OperationDef, Service};

use crate::protocol::supports_requests;

/// `src/operation/mod.rs`: the trait and one module per operation.
pub fn operation_mod(service: &Service) -> TokenStream {
    let parse_default = crate::protocol::parse_response_default(service);
    let serialize_default = crate::protocol::serialize_request_default(service);
    let wire_items = parse_default.as_ref().map(|parse_default| {
        let parse_default = &parse_default.body;
        let serialize = match &serialize_default {
            Some(default) => {
                let body = &default.body;
                quote! {
                    -> ::std::result::Result<::awsgen_runtime::http::Request<::awsgen_runtime::bytes::Bytes>, ::awsgen_runtime::protocol::RequestError> {
                        #body
                    }
                }
            }
            None => quote! {
                -> ::std::result::Result<::awsgen_runtime::http::Request<::awsgen_runtime::bytes::Bytes>, ::awsgen_runtime::protocol::RequestError>;
            },
        };
        quote! {
            /// Turns an input into the HTTP request the service expects: method, path
            /// and query (no scheme or host), headers, and body.
            ///
            /// Fails when a member bound to a URI label is missing or empty, or a
            /// value cannot be sent as a header.
            fn serialize_request(input: &Self::Input) #serialize

            /// The operation's error: its documented exceptions, an unhandled error, or an unreadable response.
            type Error: ::std::error::Error + ::std::marker::Send + ::std::marker::Sync + ::awsgen_runtime::protocol::FromErrorResponse + 'static;

            /// Reads the service's HTTP response: the output for a success status,
            /// else the typed error the response's error code names.
            fn parse_response(
                response: &::awsgen_runtime::http::Response<::awsgen_runtime::bytes::Bytes>,
            ) -> ::std::result::Result<Self::Output, Self::Error> {
                #parse_default
            }
        }
    });
    // The provided methods need inputs that write themselves and outputs
    // that read themselves.
    let input_bound = serialize_default.as_ref().map(|default| {
        let bound = &default.input_bound;
        quote!(: #bound)
    });
    let output_bound = parse_default.as_ref().map(|default| {
        let bound = &default.output_bound;
        quote!(: #bound)
    });
    let streaming_note = if service.operations.iter().any(|op| op.streams_events) {
        " Operations that stream events do not, yet: their marker types say so."
    } else {
        ""
    };
    let docs = inner_docs(&format!(
        "Operations of {}: a marker type per operation carrying its metadata.\n\n\
         Every operation implements [`Operation`], which ties the input and output types to the HTTP method, \
         URI template, success status and documented errors.{streaming_note}",
        service.full_name
    ));
    let modules = service.operations.iter().map(|op| {
        let module = ident(&op.fn_name);
        let name = ident(&op.rust_name);
        let allow = if op.deprecated.is_some() {
            quote!(#[allow(deprecated)])
        } else {
            quote!()
        };
        let error_export = (supports_requests(service) && !op.streams_events).then(|| {
            let error = format_ident!("{}Error", op.rust_name);
            quote! { pub use #module::#error; }
        });
        quote! {
            mod #module;
            #allow
            pub use #module::#name;
            #error_export
        }
    });
    let shared_error = shared_operation_error(service);
    quote! {
        #docs

        #(#modules)*

        #shared_error

        mod private {
            /// Keeps `Operation` implemented only by this crate, so new items can be added to it.
            pub trait Sealed {}
        }

        /// What the model says about one operation.
        pub trait Operation: private::Sealed {
            /// The request type (`()` when the operation takes none).
            type Input #input_bound;
            /// The response type (`()` when the operation returns none).
            type Output #output_bound;
            /// The operation's name in the model.
            const NAME: &'static str;
            /// The HTTP method.
            const HTTP_METHOD: &'static str;
            /// The URI template, with `{label}` and greedy `{label+}` placeholders.
            const URI_TEMPLATE: &'static str;
            /// The HTTP status of a successful response: 200 unless the model says otherwise.
            const SUCCESS_CODE: u16 = 200;
            /// The error codes the model documents for the operation: none unless it lists some.
            const ERRORS: &'static [&'static str] = &[];
            /// Whether sending the same request twice is safe: only where the model marks the operation idempotent.
            const IDEMPOTENT: bool = false;
            /// How the operation pages through results, when it does: `None` unless the model has a paginator for it.
            const PAGINATOR: ::std::option::Option<Paginator> = ::std::option::Option::None;

            #wire_items
        }

        /// How an operation pages through results, from the model's paginators.
        #[derive(::std::clone::Clone, ::std::marker::Copy, ::std::fmt::Debug, ::std::cmp::PartialEq, ::std::cmp::Eq)]
        #[non_exhaustive]
        pub struct Paginator {
            /// Input members carrying the continuation token.
            pub input_tokens: &'static [&'static str],
            /// Output members holding the next token.
            pub output_tokens: &'static [&'static str],
            /// Input member limiting the page size.
            pub limit_key: ::std::option::Option<&'static str>,
            /// Output members holding each page's items.
            pub result_keys: &'static [&'static str],
        }
    }
}

/// `src/operation/<name>.rs`: one operation's marker type.
pub fn emit_operation(service: &Service, op: &OperationDef) -> TokenStream {
    let name = ident(&op.rust_name);
    let deprecated = deprecated_attr(&op.deprecated);
    if op.streams_events {
        return streaming_operation(op, &name, &deprecated);
    }
    let docs = outer_docs(&op.docs, &format!("The `{}` operation.", op.model_name));
    let io_type = |shape: &Option<String>| match shape {
        Some(shape) => type_path(&service.types[shape]),
        None => quote!(()),
    };
    let input = io_type(&op.input);
    let output = io_type(&op.output);
    let model_name = &op.model_name;
    let method = &op.method;
    let uri = &op.uri;
    let code = op.success_code;
    let errors = op.errors.iter().map(|shape| {
        let type_def = &service.types[shape];
        match &type_def.kind {
            crate::ir::TypeKind::Struct(crate::ir::StructDef {
                error: Some(error), ..
            }) => error.code.clone(),
            _ => shape.clone(),
        }
    });
    // Each const is written only where it differs from the trait's default:
    // EC2 has 800 operations, and every written const is checked on every build.
    let success_code = (code != 200).then(|| quote!(const SUCCESS_CODE: u16 = #code;));
    let errors = (!op.errors.is_empty())
        .then(|| quote!(const ERRORS: &'static [&'static str] = &[#(#errors),*];));
    let idempotent = op
        .idempotent
        .then(|| quote! { const IDEMPOTENT: bool = true; });
    let paginator = op.paginator.as_ref().map(|p| {
        let input_tokens = &p.input_tokens;
        let output_tokens = &p.output_tokens;
        let result_keys = &p.result_keys;
        let limit = match &p.limit_key {
            Some(key) => quote!(::std::option::Option::Some(#key)),
            None => quote!(::std::option::Option::None),
        };
        quote! {
            const PAGINATOR: ::std::option::Option<super::Paginator> = ::std::option::Option::Some(super::Paginator {
                input_tokens: &[#(#input_tokens),*],
                output_tokens: &[#(#output_tokens),*],
                limit_key: #limit,
                result_keys: &[#(#result_keys),*],
            });
        }
    });
    let allow = if op.deprecated.is_some() {
        quote!(#[allow(deprecated)])
    } else {
        quote!()
    };
    let error_name = format_ident!("{}Error", op.rust_name);
    let serialize = crate::protocol::serialize_request_body(service, op).map(|body| {
        quote! {
            fn serialize_request(
                input: &Self::Input,
            ) -> ::std::result::Result<::awsgen_runtime::http::Request<::awsgen_runtime::bytes::Bytes>, ::awsgen_runtime::protocol::RequestError> {
                #body
            }
        }
    });
    let error_assoc = supports_requests(service).then(|| quote! { type Error = #error_name; });
    let parse = crate::protocol::parse_response_body(service, op).map(|body| {
        quote! {
            fn parse_response(
                response: &::awsgen_runtime::http::Response<::awsgen_runtime::bytes::Bytes>,
            ) -> ::std::result::Result<Self::Output, Self::Error> {
                #body
            }
        }
    });
    let error_type = supports_requests(service).then(|| error_type(service, op, &error_name));
    let marker = marker_type(&name, &docs, &deprecated);
    quote! {
        #marker

        #allow
        impl super::private::Sealed for #name {}

        #error_type

        #allow
        impl super::Operation for #name {
            type Input = #input;
            type Output = #output;
            const NAME: &'static str = #model_name;
            const HTTP_METHOD: &'static str = #method;
            const URI_TEMPLATE: &'static str = #uri;
            #success_code
            #errors
            #idempotent
            #paginator

            #serialize
            #error_assoc
            #parse
        }
    }
}

/// The marker type of an operation whose input or output streams events:
/// documented, with no `Operation` impl, so that nothing can send a request
/// the generator does not know how to write.
fn streaming_operation(
    op: &OperationDef,
    name: &proc_macro2::Ident,
    deprecated: &TokenStream,
) -> TokenStream {
    let note = format!(
        "{}\n\n**Not callable yet:** this operation streams events, which the generator does not \
         support yet. Its input and output types are generated; it has no request or response code \
         and does not implement [`Operation`](super::Operation).",
        if op.docs.is_empty() {
            format!("The `{}` operation.", op.model_name)
        } else {
            op.docs.clone()
        }
    );
    marker_type(name, &outer_docs(&note, ""), deprecated)
}

/// An operation's marker type: a unit struct that names the operation. It
/// is a type to name, not a value to compare or hash: it derives what the
/// official SDK's operation structs do (and `Copy`), no more.
fn marker_type(
    name: &proc_macro2::Ident,
    docs: &TokenStream,
    deprecated: &TokenStream,
) -> TokenStream {
    quote! {
        #docs
        #deprecated
        #[derive(::std::clone::Clone, ::std::marker::Copy, ::std::fmt::Debug, ::std::default::Default)]
        #[non_exhaustive]
        pub struct #name;
    }
}

/// One variant of an error enum: a shape a response may carry as an error.
pub struct ErrorVariant {
    /// The variant's name, the type's Rust name.
    pub variant: proc_macro2::Ident,
    /// The path of the type it holds.
    pub path: TokenStream,
    /// The error code that selects it on the wire.
    pub code: String,
    /// Whether the type is an exception (implements `std::error::Error`).
    pub is_exception: bool,
    /// Whether a response with the code reads as this type (see
    /// [`ErrorDef::answers_code`](crate::ir::ErrorDef::answers_code)).
    pub answers_code: bool,
}

fn error_variant(service: &Service, shape: &str) -> ErrorVariant {
    let type_def = &service.types[shape];
    let (code, is_exception, answers_code) = match &type_def.kind {
        crate::ir::TypeKind::Struct(crate::ir::StructDef {
            error: Some(error), ..
        }) => (error.code.clone(), true, error.answers_code),
        _ => (shape.to_owned(), false, true),
    };
    ErrorVariant {
        variant: ident(&type_def.rust_name),
        path: type_path(type_def),
        code,
        is_exception,
        answers_code,
    }
}

/// The documented errors of `op`, each once.
pub fn documented_errors(service: &Service, op: &OperationDef) -> Vec<ErrorVariant> {
    let mut seen = std::collections::BTreeSet::new();
    op.errors
        .iter()
        .filter(|shape| seen.insert((*shape).clone()))
        .map(|shape| error_variant(service, shape))
        .collect()
}

/// Every error the service models, for its service-wide `Error`.
pub fn service_errors(service: &Service) -> Vec<ErrorVariant> {
    service
        .error_shapes
        .iter()
        .map(|shape| error_variant(service, shape))
        .collect()
}

/// Whether `op`'s error type is an alias of the shared `OperationError`:
/// it has wire code and the model documents no error for it.
pub fn shares_operation_error(op: &OperationDef) -> bool {
    !op.streams_events && op.errors.is_empty()
}

/// Whether the crate has the shared `OperationError`: some operation's
/// error type is an alias of it.
pub fn has_shared_operation_error(service: &Service) -> bool {
    supports_requests(service) && service.operations.iter().any(shares_operation_error)
}

/// The operation's error type: an enum of its own when the model documents
/// errors for it, else an alias of the shared `OperationError`, which has
/// the same variants an enum of its own would have.
fn error_type(
    service: &Service,
    op: &OperationDef,
    error_name: &proc_macro2::Ident,
) -> TokenStream {
    if shares_operation_error(op) {
        let doc = format!(
            " Errors of {}: the model documents none for it, so it is the shared \
             [`OperationError`](super::OperationError): another exception of the service, an \
             unhandled error, or a response that could not be read. Should the model come to \
             document errors for the operation, this becomes an enum of its own with the same \
             variants and more.",
            type_link(&op.rust_name)
        );
        return quote! {
            #[doc = #doc]
            pub type #error_name = super::OperationError;
        };
    }
    let errors = documented_errors(service, op);
    let doc = format!(
        " Errors of {}: the exceptions the model documents for it, another exception of the \
         service, an unhandled error, or a response that could not be read. Converts into the \
         service-wide [`Error`](crate::Error).",
        type_link(&op.rust_name)
    );
    let read = crate::protocol::error_response_body(service, op, error_name);
    error_enum(quote!(#[doc = #doc]), error_name, &errors, read)
}

/// The error of every operation that documents none, for `src/operation/mod.rs`,
/// when the service has such an operation.
fn shared_operation_error(service: &Service) -> Option<TokenStream> {
    if !has_shared_operation_error(service) {
        return None;
    }
    let read = crate::protocol::shared_error_body(service)?;
    let docs = outer_docs(
        "The error of an operation the model documents no errors for: another exception of the \
         service, an unhandled error, or a response that could not be read. Converts into the \
         service-wide [`Error`](crate::Error).\n\nEach such operation names it by an alias, \
         `<Operation>Error`.",
        "",
    );
    Some(error_enum(
        docs,
        &format_ident!("OperationError"),
        &[],
        Some(read),
    ))
}

/// An error enum: a variant per error in `errors`, then `Unlisted`,
/// `Unhandled` and `InvalidResponse`, with its methods and trait impls;
/// `FromErrorResponse` with `read` as the body of `from_error_response`,
/// where the protocol has wire code.
fn error_enum(
    docs: TokenStream,
    error_name: &proc_macro2::Ident,
    errors: &[ErrorVariant],
    read: Option<TokenStream>,
) -> TokenStream {
    let from_error_response = read.map(|read| {
        quote! {
            impl ::awsgen_runtime::protocol::FromErrorResponse for #error_name {
                fn from_error_response(
                    response: &::awsgen_runtime::http::Response<::awsgen_runtime::bytes::Bytes>,
                ) -> Self {
                    #read
                }

                fn invalid_response(error: ::awsgen_runtime::protocol::ResponseError) -> Self {
                    #error_name::InvalidResponse(error)
                }
            }
        }
    });
    let variants = errors.iter().map(|error| {
        let ErrorVariant {
            variant,
            path,
            code,
            ..
        } = error;
        let doc = format!(" The service answered `{code}`.");
        quote! { #[doc = #doc] #variant(#path), }
    });
    let ErrorArms {
        code: code_arms,
        display: display_arms,
        source: source_arms,
        meta: meta_arms,
        message: message_arms,
    } = error_arms(&quote!(#error_name), errors, false);
    quote! {
        #docs
        #[derive(::std::fmt::Debug)]
        #[non_exhaustive]
        pub enum #error_name {
            #(#variants)*
            /// An exception the service models but does not list for this operation;
            /// botocore reads these as typed exceptions too.
            Unlisted(crate::Error),
            /// An error response whose code the model does not know.
            Unhandled(::awsgen_runtime::protocol::ErrorMeta),
            /// A response that could not be read.
            InvalidResponse(::awsgen_runtime::protocol::ResponseError),
        }

        impl #error_name {
            /// The error code the service sent, when there was one.
            pub fn code(&self) -> ::std::option::Option<&str> {
                match self {
                    #(#code_arms)*
                    #error_name::Unlisted(error) => error.code(),
                    #error_name::Unhandled(error) => error.code.as_deref(),
                    #error_name::InvalidResponse(_) => ::std::option::Option::None,
                }
            }

            /// What the response said about the error: status, code, message
            /// and request id.
            pub fn meta(&self) -> ::std::option::Option<&::awsgen_runtime::protocol::ErrorMeta> {
                match self {
                    #(#meta_arms)*
                    #error_name::Unlisted(error) => error.meta(),
                    #error_name::Unhandled(meta) => ::std::option::Option::Some(meta),
                    #error_name::InvalidResponse(error) => error.meta(),
                }
            }

            /// The error message the service sent, if any.
            pub fn message(&self) -> ::std::option::Option<&str> {
                match self {
                    #(#message_arms)*
                    #error_name::Unlisted(error) => error.message(),
                    #error_name::Unhandled(meta) => meta.message.as_deref(),
                    #error_name::InvalidResponse(error) => {
                        error.meta().and_then(|meta| meta.message.as_deref())
                    }
                }
            }
        }

        #from_error_response

        impl ::std::fmt::Display for #error_name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                match self {
                    #(#display_arms)*
                    #error_name::Unlisted(error) => ::std::fmt::Display::fmt(error, f),
                    #error_name::Unhandled(error) => ::std::fmt::Display::fmt(error, f),
                    #error_name::InvalidResponse(error) => ::std::fmt::Display::fmt(error, f),
                }
            }
        }

        impl ::std::error::Error for #error_name {
            fn source(&self) -> ::std::option::Option<&(dyn ::std::error::Error + 'static)> {
                match self {
                    #(#source_arms)*
                    #error_name::Unlisted(error) => ::std::error::Error::source(error),
                    #error_name::Unhandled(error) => ::std::option::Option::Some(error),
                    #error_name::InvalidResponse(error) => ::std::option::Option::Some(error),
                }
            }
        }
    }
}

/// The match arms an error enum's methods need for its typed variants.
pub struct ErrorArms {
    /// `code()`: the variant's wire code.
    pub code: Vec<TokenStream>,
    /// `Display`: the exception's own, or the code.
    pub display: Vec<TokenStream>,
    /// `Error::source`: the exception.
    pub source: Vec<TokenStream>,
    /// `meta()`: what the response said.
    pub meta: Vec<TokenStream>,
    /// `message()`: the exception's message.
    pub message: Vec<TokenStream>,
}

/// The arms for the typed variants of the error enum `enum_name`: an
/// exception answers from itself, any other shape has only its code.
/// `boxed` variants hold a `Box` of the exception.
pub fn error_arms(enum_name: &TokenStream, errors: &[ErrorVariant], boxed: bool) -> ErrorArms {
    let mut arms = ErrorArms {
        code: Vec::new(),
        display: Vec::new(),
        source: Vec::new(),
        meta: Vec::new(),
        message: Vec::new(),
    };
    for ErrorVariant {
        variant,
        code,
        is_exception,
        ..
    } in errors
    {
        arms.code
            .push(quote! { #enum_name::#variant(_) => ::std::option::Option::Some(#code), });
        if *is_exception {
            let source = if boxed {
                quote!(&**error)
            } else {
                quote!(error)
            };
            arms.display.push(
                quote! { #enum_name::#variant(error) => ::std::fmt::Display::fmt(error, f), },
            );
            arms.source.push(
                quote! { #enum_name::#variant(error) => ::std::option::Option::Some(#source), },
            );
            arms.meta
                .push(quote! { #enum_name::#variant(error) => error.meta(), });
            arms.message
                .push(quote! { #enum_name::#variant(error) => error.message(), });
        } else {
            let none = quote! { #enum_name::#variant(_) => ::std::option::Option::None, };
            arms.display
                .push(quote! { #enum_name::#variant(_) => f.write_str(#code), });
            arms.source.push(none.clone());
            arms.meta.push(none.clone());
            arms.message.push(none);
        }
    }
    arms
}
