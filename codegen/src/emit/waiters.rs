//! `src/waiters.rs`: a documented marker type per waiter of the model, with
//! the operation it polls, its timing, and its acceptors compiled into a
//! `matches` function over the operation's typed output.

use proc_macro2::TokenStream;
use quote::quote;

use super::doc_attrs::{inner_docs, outer_docs};
use super::rust_types::{ident, type_path};
use crate::ir::{AcceptorDef, AcceptorState, Matcher, PathMatch, RustType, Service, WaiterDef};
use crate::jmespath;

/// The whole file; the crate declares it behind the `client` feature.
pub fn waiters_rs(service: &Service) -> TokenStream {
    // The docs' example link names the first waiter.
    let first = service
        .waiters
        .first()
        .map_or("", |waiter| waiter.rust_name.as_str());
    let docs = inner_docs(&format!(
        "Waiters of {}: each polls one operation until the service reaches a state, as \
         botocore's waiters do.\n\n\
         Each waiter is a type with the operation it polls ([`{first}::OPERATION`]), the delay \
         between attempts and the most attempts, and a `matches` function that applies its \
         acceptors in order to one attempt's result. A client's `wait_until_…` methods run them; \
         [`wait`](::awsgen_runtime::client::waiter::wait) runs one with any polling function, \
         given the waiter's `settings()`.\n\n\
         The acceptors' JMESPath expressions were compiled into Rust when the crate was \
         generated, against the operation's output type. One difference from botocore: where \
         JMESPath raises a type error (`length` of a member that is absent), the expression \
         gives `null` here, so that acceptor does not match.",
        service.full_name
    ));
    let waiters = service
        .waiters
        .iter()
        .map(|waiter| emit_waiter(service, waiter));
    quote! {
        #docs

        #(#waiters)*
    }
}

/// A code span for `text`, whatever backticks it holds.
fn code(text: &str) -> String {
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        if c == '`' {
            run += 1;
            longest = longest.max(run);
        } else {
            run = 0;
        }
    }
    if longest == 0 {
        format!("`{text}`")
    } else {
        let fence = "`".repeat(longest + 1);
        format!("{fence} {text} {fence}")
    }
}

fn state_name(state: AcceptorState) -> &'static str {
    match state {
        AcceptorState::Success => "success",
        AcceptorState::Failure => "failure",
        AcceptorState::Retry => "retry",
    }
}

/// One line of the acceptor list in the docs.
fn describe(acceptor: &AcceptorDef) -> String {
    let when = match &acceptor.matcher {
        Matcher::Path {
            kind,
            expression,
            expected,
            ..
        } => {
            let (expression, expected) = (code(expression), code(&expected.to_string()));
            match kind {
                PathMatch::Path => format!("{expression} is {expected}"),
                PathMatch::All => format!("every element of {expression} is {expected}"),
                PathMatch::Any => format!("some element of {expression} is {expected}"),
            }
        }
        Matcher::Status(status) => format!("the HTTP status is {status}"),
        Matcher::ErrorCode(error) => format!("the service answers with the error {}", code(error)),
        Matcher::Error(true) => "the service answers with an error".to_owned(),
        Matcher::Error(false) => "the call succeeds".to_owned(),
    };
    format!("- {}: {when}", state_name(acceptor.state))
}

fn emit_waiter(service: &Service, waiter: &WaiterDef) -> TokenStream {
    let name = ident(&waiter.rust_name);
    let operation = service
        .operations
        .iter()
        .find(|op| op.model_name == waiter.operation);
    let output_shape = operation.and_then(|op| op.output.as_ref());
    let output = match output_shape.and_then(|shape| service.types.get(shape)) {
        Some(type_def) => type_path(type_def),
        None => quote!(()),
    };
    let operation_link = operation.map_or_else(
        || code(&waiter.operation),
        |op| format!("[`{0}`](crate::operation::{0})", op.rust_name),
    );
    let plural = |n: u64, one: &str, many: &str| {
        if n == 1 {
            format!("{n} {one}")
        } else {
            format!("{n} {many}")
        }
    };
    let acceptor_lines: Vec<String> = waiter.acceptors.iter().map(describe).collect();
    let summary = format!(
        "Polls {operation_link} every {}, at most {}, until an acceptor ends the wait. \
         The acceptors, first match wins:\n\n{}",
        plural(waiter.delay, "second", "seconds"),
        plural(u64::from(waiter.max_attempts), "time", "times"),
        acceptor_lines.join("\n")
    );
    let docs = if waiter.docs.trim().is_empty() {
        format!("The `{}` waiter.\n\n{summary}", waiter.model_name)
    } else {
        format!("{}\n\n{summary}", waiter.docs)
    };
    let docs = outer_docs(&docs, "");
    let model_name = &waiter.model_name;
    let operation_name = &waiter.operation;
    let delay = proc_macro2::Literal::u64_unsuffixed(waiter.delay);
    let max_attempts = proc_macro2::Literal::u32_unsuffixed(waiter.max_attempts);
    let checks = waiter
        .acceptors
        .iter()
        .map(|acceptor| acceptor_check(service, output_shape, acceptor));
    let matches_docs = outer_docs(
        &format!(
            "Applies the acceptors in order to one attempt's result: the state of the first that \
             matches, `None` when none does.\n\n{}",
            acceptor_lines.join("\n")
        ),
        "",
    );
    quote! {
        #docs
        #[derive(::std::fmt::Debug, ::std::clone::Clone, ::std::marker::Copy, ::std::cmp::PartialEq, ::std::cmp::Eq, ::std::hash::Hash, ::std::default::Default)]
        pub struct #name;

        impl #name {
            /// The waiter's name in the model.
            pub const NAME: &'static str = #model_name;
            /// The operation it polls, by its name in the model.
            pub const OPERATION: &'static str = #operation_name;
            /// The delay between attempts.
            pub const DELAY: ::std::time::Duration = ::std::time::Duration::from_secs(#delay);
            /// The most attempts.
            pub const MAX_ATTEMPTS: u32 = #max_attempts;

            /// The model's settings for a wait (name, delay, most attempts,
            /// no overall timeout), to adjust and pass to
            /// [`wait`](::awsgen_runtime::client::waiter::wait).
            pub fn settings() -> ::awsgen_runtime::client::waiter::WaiterSettings {
                ::awsgen_runtime::client::waiter::WaiterSettings::new(Self::NAME, Self::DELAY, Self::MAX_ATTEMPTS)
            }

            #matches_docs
            pub fn matches<E: ::awsgen_runtime::client::ServiceError>(
                polled: &::awsgen_runtime::client::waiter::Polled<'_, #output, E>,
            ) -> ::std::option::Option<::awsgen_runtime::client::waiter::AcceptorState> {
                #(#checks)*
                ::std::option::Option::None
            }
        }
    }
}

fn acceptor_check(
    service: &Service,
    output_shape: Option<&String>,
    acceptor: &AcceptorDef,
) -> TokenStream {
    let state = ident(match acceptor.state {
        AcceptorState::Success => "Success",
        AcceptorState::Failure => "Failure",
        AcceptorState::Retry => "Retry",
    });
    let condition = match &acceptor.matcher {
        Matcher::Status(status) => {
            let status = proc_macro2::Literal::u16_unsuffixed(*status);
            quote!(polled.http_status() == ::std::option::Option::Some(#status))
        }
        Matcher::ErrorCode(error) => {
            quote!(polled.error_code() == ::std::option::Option::Some(#error))
        }
        Matcher::Error(true) => quote!(polled.service_error().is_some()),
        Matcher::Error(false) => quote!(polled.succeeded()),
        Matcher::Path {
            kind,
            expression,
            tree,
            expected,
        } => {
            let compiled = output_shape
                .ok_or_else(|| "the operation has no output".to_owned())
                .and_then(|shape| {
                    jmespath::compile_value(
                        tree,
                        &RustType::Named(shape.clone()),
                        quote!(output),
                        service,
                    )
                    .map_err(|err| err.to_string())
                });
            let value = match compiled {
                Ok(value) => value,
                // Lowering has compiled every expression already; should one
                // fail here, the crate says so rather than the generator panicking.
                Err(err) => {
                    let message = format!("cannot compile `{expression}`: {err}");
                    return quote!(::core::compile_error!(#message););
                }
            };
            let compare = ident(match kind {
                PathMatch::Path => "path_matches",
                PathMatch::All => "path_all_match",
                PathMatch::Any => "path_any_matches",
            });
            let expected = jmespath::literal_tokens(expected);
            quote! {
                polled.output().is_some_and(|output| ::awsgen_runtime::client::waiter::#compare(#value, &#expected))
            }
        }
    };
    quote! {
        if #condition {
            return ::std::option::Option::Some(::awsgen_runtime::client::waiter::AcceptorState::#state);
        }
    }
}
