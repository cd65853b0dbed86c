//! The client (cargo feature `client`): `Client` with a method per
//! operation, each returning a fluent builder whose `send()` calls the
//! service through the runtime's shared machinery; and, per paginated
//! operation, how one page leads to the next.
//!
//! Protocol-neutral: a call sends what the operation's `serialize_request`
//! makes and reads the answer with its `parse_response`.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::doc_attrs::outer_docs;
use super::operations::{has_shared_operation_error, shares_operation_error};
use super::rust_types::{builder_path, ident, setter_param_type, type_path, type_tokens};
use super::structs::field_type;
use crate::ir::{
    EndpointParamSource, MemberDef, OperationDef, PaginatorDef, RustType, Service, StructDef,
    TypeDef, TypeKind,
};

/// Methods of `Client` itself, which an operation's method must not shadow.
const CLIENT_METHODS: &[&str] = &["new", "config", "from_handle"];

/// The operations a client calls: those with wire code.
pub fn client_operations(service: &Service) -> impl Iterator<Item = &OperationDef> {
    service.operations.iter().filter(|op| !op.streams_events)
}

/// The client method's name for `op`.
pub fn method_name(op: &OperationDef) -> String {
    if CLIENT_METHODS.contains(&op.fn_name.as_str()) {
        format!("{}_operation", op.fn_name)
    } else {
        op.fn_name.clone()
    }
}

/// The fluent builder's type name for `op`.
fn fluent_ident(op: &OperationDef) -> proc_macro2::Ident {
    format_ident!("{}FluentBuilder", op.rust_name)
}

/// `src/client/mod.rs`: the service description, `Client`, and a method per operation.
pub fn client_mod(service: &Service) -> TokenStream {
    let service_id = &service.service_id;
    let signing_name = &service.signing_name;
    let crate_name = &service.crate_name;
    let rules = match &service.endpoint_rules {
        Some(_) => quote! {
            ::std::option::Option::Some({
                static RULES: ::awsgen_runtime::client::EndpointRules =
                    ::awsgen_runtime::client::EndpointRules::new(include_str!("endpoint_rules.json"));
                &RULES
            })
        },
        None => quote! { ::std::option::Option::None },
    };
    let modules = client_operations(service).map(|op| {
        let module = ident(&op.fn_name);
        let fluent = fluent_ident(op);
        quote! {
            mod #module;
            pub use #module::#fluent;
        }
    });
    let methods = client_operations(service).map(|op| {
        let method = ident(&method_name(op));
        let fluent = fluent_ident(op);
        let summary = crate::docs::summary(&op.docs);
        let docs = outer_docs(
            &format!(
                "Calls `{}`{}\n\nSet the input on the returned builder, then `send()` it.",
                op.model_name,
                if summary.is_empty() {
                    ".".to_owned()
                } else {
                    format!(": {summary}")
                }
            ),
            "",
        );
        let deprecated = super::doc_attrs::deprecated_attr(&op.deprecated);
        quote! {
            #docs
            #deprecated
            pub fn #method(&self) -> #fluent {
                #fluent::new(self.handle.clone())
            }
        }
    });
    let retryable = retryable_codes(service);
    let full_name = &service.full_name;
    let client_doc = outer_docs(
        &format!(
            "A client for **{full_name}**: a method per operation, each returning a builder to set the input on and `send()`.\n\n\
             Made from a [`Config`](::awsgen_runtime::config::Config), which one program shares between all its services' clients. \
             Cloning a client is cheap: clones share the configuration, the connection pool and the retry quota."
        ),
        "",
    );
    let shared_service_error = has_shared_operation_error(service).then(|| {
        service_error_impl(
            &quote!(crate::operation::OperationError),
            quote!(modeled_retry),
        )
    });
    quote! {
        //! The client: [`Client`], with a method per operation.

        #(#modules)*

        /// The service, as the shared client machinery needs to know it.
        pub(crate) static SERVICE: ::awsgen_runtime::client::ServiceSpec = ::awsgen_runtime::client::ServiceSpec {
            service_id: #service_id,
            signing_name: #signing_name,
            crate_name: #crate_name,
            crate_version: env!("CARGO_PKG_VERSION"),
            rules: #rules,
        };

        #client_doc
        #[derive(::std::clone::Clone, ::std::fmt::Debug)]
        pub struct Client {
            handle: ::std::sync::Arc<::awsgen_runtime::client::Handle>,
        }

        #[allow(deprecated)]
        impl Client {
            /// A client with `config`: its region, credentials, endpoint override, retries and timeouts.
            pub fn new(config: &::awsgen_runtime::config::Config) -> Self {
                Client {
                    handle: ::std::sync::Arc::new(::awsgen_runtime::client::Handle::new(&SERVICE, config)),
                }
            }

            /// The configuration the client was made with.
            pub fn config(&self) -> &::awsgen_runtime::config::Config {
                self.handle.config()
            }

            #(#methods)*
        }

        /// The model's `retryable` trait of an error code: `Some(true)` for
        /// throttling, `Some(false)` for another retryable error.
        #retryable

        #shared_service_error
    }
}

/// The body of `modeled_retry`: a match over the codes of the exceptions
/// the model marks `retryable`.
fn retryable_codes(service: &Service) -> TokenStream {
    let arms: Vec<TokenStream> = service
        .error_shapes
        .iter()
        .filter_map(|shape| match &service.types.get(shape)?.kind {
            TypeKind::Struct(StructDef {
                error: Some(error), ..
            }) if error.answers_code => {
                let throttling = error.retryable_throttling?;
                let code = &error.code;
                Some(quote! { #code => ::std::option::Option::Some(#throttling), })
            }
            _ => None,
        })
        .collect();
    if arms.is_empty() {
        return quote! {
            pub(crate) fn modeled_retry(_code: &str) -> ::std::option::Option<bool> {
                ::std::option::Option::None
            }
        };
    }
    quote! {
        pub(crate) fn modeled_retry(code: &str) -> ::std::option::Option<bool> {
            match code {
                #(#arms)*
                _ => ::std::option::Option::None,
            }
        }
    }
}

/// `src/client/<operation>.rs`: the operation's fluent builder, its
/// endpoint parameters, and its paginator.
pub fn client_operation(service: &Service, op: &OperationDef) -> TokenStream {
    let marker = ident(&op.rust_name);
    let fluent = fluent_ident(op);
    let error = format_ident!("{}Error", op.rust_name);
    let service_error = (!shares_operation_error(op))
        .then(|| service_error_impl(&quote!(#error), quote!(super::modeled_retry)));
    let input_def = op.input.as_ref().map(|shape| &service.types[shape]);
    let input_struct = input_def.and_then(|def| match &def.kind {
        TypeKind::Struct(def) => Some(def),
        _ => None,
    });
    let output_type = match &op.output {
        Some(shape) => type_path(&service.types[shape]),
        None => quote!(()),
    };
    let input_type = match input_def {
        Some(def) => type_path(def),
        None => quote!(()),
    };
    let model_name = &op.model_name;
    let signed = op.signed;
    let params = endpoint_params(service, op, input_struct);
    let (builder_field, builder_init, setters, (build, build_result)) = match (
        input_def,
        input_struct,
    ) {
        (Some(def), Some(fields)) => {
            let builder = builder_path(def);
            let setters = fields
                .members
                .iter()
                .map(|member| delegated_setters(service, def, member));
            let (build, build_result) = if fields.members.iter().any(|m| m.required) {
                (
                    quote! { self.input.build().map_err(::awsgen_runtime::client::SdkError::Build)? },
                    quote! { self.input.build().map_err(::awsgen_runtime::client::SdkError::Build) },
                )
            } else {
                (
                    quote! { self.input.build() },
                    quote! { ::std::result::Result::Ok(self.input.build()) },
                )
            };
            (
                quote! { input: #builder, },
                quote! { input: ::std::default::Default::default(), },
                quote! {
                    /// The input as set so far.
                    pub fn as_input(&self) -> &#builder {
                        &self.input
                    }

                    #(#setters)*
                },
                (build, build_result),
            )
        }
        _ => (
            quote!(),
            quote!(),
            quote!(),
            (quote! { () }, quote! { ::std::result::Result::Ok(()) }),
        ),
    };
    let summary = crate::docs::summary(&op.docs);
    let doc = format!(
        " A call to [`{0}`](crate::operation::{0}){1} Set its input with the methods named after the input's members, then [`send`](Self::send) it.",
        op.rust_name,
        if summary.is_empty() {
            ".".to_owned()
        } else {
            format!(": {summary}")
        }
    );
    let (paginator_method, paginator_description) = op
        .paginator
        .as_ref()
        .and_then(|p| paginator(service, op, p, &build_result))
        .unzip();
    let waiter_methods: Vec<TokenStream> = service
        .waiters
        .iter()
        .filter(|waiter| waiter.operation == op.model_name)
        .map(|waiter| waiter_method(op, waiter, &output_type, &error, &build_result))
        .collect();
    let send_doc = format!(
        " Sends the request and reads the answer: the output, or an [`SdkError`](::awsgen_runtime::client::SdkError) whose `Service` variant is the operation's [`{error}`](crate::operation::{error}).",
    );
    let allow = if op.deprecated.is_some()
        || input_struct.is_some_and(|def| def.members.iter().any(|m| m.deprecated.is_some()))
    {
        quote!(#[allow(deprecated)])
    } else {
        quote!()
    };
    let trait_like = input_struct
        .is_some_and(|def| {
            def.members
                .iter()
                .any(|m| super::builders::CLIPPY_TRAIT_METHODS.contains(&m.setter.as_str()))
        })
        .then(|| quote!(#[allow(clippy::should_implement_trait)]));
    quote! {
        use crate::operation::{#marker, #error, Operation};

        #[doc = #doc]
        #[derive(::std::clone::Clone, ::std::fmt::Debug)]
        pub struct #fluent {
            handle: ::std::sync::Arc<::awsgen_runtime::client::Handle>,
            #builder_field
        }

        #allow
        #trait_like
        impl #fluent {
            pub(crate) fn new(handle: ::std::sync::Arc<::awsgen_runtime::client::Handle>) -> Self {
                #fluent { handle, #builder_init }
            }

            #[doc = #send_doc]
            pub async fn send(self) -> ::std::result::Result<#output_type, ::awsgen_runtime::client::SdkError<#error>> {
                let input = #build;
                call(&self.handle, &input).await.result
            }

            #setters

            #paginator_method

            #(#waiter_methods)*
        }

        #paginator_description

        /// Sends `input` and reads the answer, keeping the last response's status.
        #allow
        pub(crate) async fn call(
            handle: &::awsgen_runtime::client::Handle,
            input: &#input_type,
        ) -> ::awsgen_runtime::client::Answer<#output_type, #error> {
            const SPEC: ::awsgen_runtime::client::OperationSpec = ::awsgen_runtime::client::OperationSpec {
                name: #model_name,
                signed: #signed,
            };
            handle
                .call(
                    &SPEC,
                    #params,
                    <#marker as Operation>::serialize_request(input),
                    <#marker as Operation>::parse_response,
                )
                .await
        }

        #service_error
    }
}

/// `ServiceError` for an operation's error type, which the client's retry
/// logic reads; the shared `OperationError` has it once, in `client/mod.rs`.
fn service_error_impl(error: &TokenStream, modeled_retry: TokenStream) -> TokenStream {
    quote! {
        impl ::awsgen_runtime::client::ServiceError for #error {
            fn meta(&self) -> ::std::option::Option<&::awsgen_runtime::protocol::ErrorMeta> {
                #error::meta(self)
            }

            fn modeled_retry(&self) -> ::std::option::Option<bool> {
                self.code().and_then(#modeled_retry)
            }
        }
    }
}

/// `wait_until_<waiter>(timeout)` on the fluent builder of the operation
/// the waiter polls: polls with the builder's input until an acceptor ends
/// the wait, the waiter's attempts run out, or `timeout` passes.
fn waiter_method(
    op: &OperationDef,
    waiter: &crate::ir::WaiterDef,
    output_type: &TokenStream,
    error: &proc_macro2::Ident,
    build_result: &TokenStream,
) -> TokenStream {
    let method = format_ident!("wait_until_{}", waiter.fn_name);
    let waiter_type = ident(&waiter.rust_name);
    let doc = outer_docs(
        &format!(
            "Waits until [`{0}`](crate::waiters::{0}) says the wait is over: polls `{1}` with this input every {2} seconds, at most {3} times, and for at most `timeout` overall.\n\n\
             Returns the last poll when a success acceptor matched; else a [`WaiterError`](::awsgen_runtime::client::waiter::WaiterError) saying why the wait ended (a failure acceptor, an unexpected error, the attempts or the time ran out).",
            waiter.rust_name, op.model_name, waiter.delay, waiter.max_attempts
        ),
        "",
    );
    quote! {
        #doc
        pub async fn #method(
            self,
            timeout: ::std::time::Duration,
        ) -> ::std::result::Result<
            ::awsgen_runtime::client::waiter::FinalPoll<#output_type, #error>,
            ::awsgen_runtime::client::waiter::WaiterError<#output_type, #error>,
        > {
            let settings = crate::waiters::#waiter_type::settings().timeout(timeout);
            let input = match #build_result {
                ::std::result::Result::Ok(input) => input,
                ::std::result::Result::Err(error) => {
                    return ::std::result::Result::Err(::awsgen_runtime::client::waiter::WaiterError::Request {
                        waiter: settings.name(),
                        attempts: 0,
                        error,
                    });
                }
            };
            let handle = self.handle;
            ::awsgen_runtime::client::waiter::wait(
                || {
                    let handle = handle.clone();
                    let input = input.clone();
                    async move {
                        let answer = call(&handle, &input).await;
                        (answer.status, answer.result)
                    }
                },
                crate::waiters::#waiter_type::matches::<#error>,
                &settings,
            )
            .await
        }
    }
}

/// The fluent builder's setters for one input member: each hands its
/// arguments to the input builder's method of the same name.
fn delegated_setters(service: &Service, input: &TypeDef, member: &MemberDef) -> TokenStream {
    let builder = builder_path(input);
    let setter = ident(&member.setter);
    let option_setter = ident(&member.option_setter);
    let getter = ident(&member.getter);
    let full_type = field_type(service, member);
    let link = |method: &str| format!("[`{method}`]({builder}::{method})").replace(' ', "");
    let set = match &member.ty {
        RustType::List(item) => {
            let item = setter_param_type(service, item);
            let doc = format!(
                " Appends one item to the input's `{}`: see {}.",
                member.field_name,
                link(&member.setter)
            );
            quote! {
                #[doc = #doc]
                pub fn #setter(mut self, input: #item) -> Self {
                    self.input = self.input.#setter(input);
                    self
                }
            }
        }
        RustType::Map(key, value) => {
            let key = setter_param_type(service, key);
            let value = setter_param_type(service, value);
            let doc = format!(
                " Adds one entry to the input's `{}`: see {}.",
                member.field_name,
                link(&member.setter)
            );
            quote! {
                #[doc = #doc]
                pub fn #setter(
                    mut self,
                    key: #key,
                    value: #value,
                ) -> Self {
                    self.input = self.input.#setter(key, value);
                    self
                }
            }
        }
        other => {
            let ty = setter_param_type(service, other);
            let doc = format!(
                " Sets the input's `{}`: see {}.",
                member.field_name,
                link(&member.setter)
            );
            quote! {
                #[doc = #doc]
                pub fn #setter(mut self, input: #ty) -> Self {
                    self.input = self.input.#setter(input);
                    self
                }
            }
        }
    };
    let option_doc = format!(" Sets or clears the input's `{}`.", member.field_name);
    let get_doc = format!(
        " The value set for the input's `{}`, if any.",
        member.field_name
    );
    quote! {
        #set

        #[doc = #option_doc]
        pub fn #option_setter(mut self, input: #full_type) -> Self {
            self.input = self.input.#option_setter(input);
            self
        }

        #[doc = #get_doc]
        pub fn #getter(&self) -> &#full_type {
            self.input.#getter()
        }
    }
}

/// The endpoint parameters `op` sets, as a `Vec` of name and value: the
/// fixed ones first, then those read from the input, in the model's order
/// of precedence (a later value of a name replaces an earlier one).
fn endpoint_params(service: &Service, op: &OperationDef, input: Option<&StructDef>) -> TokenStream {
    let mut literals = Vec::new();
    let mut pushes = Vec::new();
    for param in &op.endpoint_params {
        let name = &param.name;
        match &param.source {
            EndpointParamSource::Literal(value) => {
                if let Some(value) = literal_value(value) {
                    literals.push(quote! { (#name, #value) });
                }
            }
            EndpointParamSource::Member(member) => {
                let Some(member) =
                    input.and_then(|def| def.members.iter().find(|m| &m.model_name == member))
                else {
                    continue;
                };
                let field = ident(&member.field_name);
                let Some(value) = member_value(service, &member.ty) else {
                    continue;
                };
                pushes.push(quote! {
                    if let ::std::option::Option::Some(value) = &input.#field {
                        params.push((#name, #value));
                    }
                });
            }
            EndpointParamSource::Path(expression) => {
                // Checked when the model was lowered (`check_paths`).
                let Ok(value) = crate::endpoint_params::compile_path(service, op, expression)
                else {
                    continue;
                };
                pushes.push(quote! {
                    if let ::std::option::Option::Some(value) = (#value).to_endpoint_value() {
                        params.push((#name, value));
                    }
                });
            }
        }
    }
    let literals = quote! { ::std::vec![#(#literals),*] };
    if pushes.is_empty() {
        return if op.endpoint_params.is_empty() {
            quote! { ::std::vec::Vec::new() }
        } else {
            literals
        };
    }
    quote! {
        {
            let mut params: ::std::vec::Vec<(&'static str, ::awsgen_runtime::endpoint::Value)> = #literals;
            #(#pushes)*
            params
        }
    }
}

/// A static parameter's value.
fn literal_value(value: &serde_json::Value) -> Option<TokenStream> {
    Some(match value {
        serde_json::Value::Bool(flag) => quote! { ::awsgen_runtime::endpoint::Value::Bool(#flag) },
        serde_json::Value::String(text) => {
            quote! { ::awsgen_runtime::endpoint::Value::String(#text.to_owned()) }
        }
        serde_json::Value::Array(items) => {
            let items = items
                .iter()
                .map(|item| item.as_str())
                .collect::<Option<Vec<_>>>()?;
            quote! {
                ::awsgen_runtime::endpoint::Value::Array(::std::vec![
                    #(::awsgen_runtime::endpoint::Value::String(#items.to_owned())),*
                ])
            }
        }
        _ => return None,
    })
}

/// An input member's value as an endpoint parameter (`value` a reference
/// to it): text, a flag, an enum's text, or a list of them.
fn member_value(service: &Service, ty: &RustType) -> Option<TokenStream> {
    Some(match ty {
        RustType::String => quote! { ::awsgen_runtime::endpoint::Value::String(value.clone()) },
        RustType::Bool => quote! { ::awsgen_runtime::endpoint::Value::Bool(*value) },
        RustType::Named(shape) if matches!(service.types.get(shape)?.kind, TypeKind::Enum(_)) => {
            quote! { ::awsgen_runtime::endpoint::Value::String(value.as_str().to_owned()) }
        }
        RustType::List(item) => {
            let item = member_value(service, item)?;
            quote! {
                ::awsgen_runtime::endpoint::Value::Array(
                    value.iter().map(|value| #item).collect()
                )
            }
        }
        _ => return None,
    })
}

/// A member path of a paginator (`NextToken`, `Result.NextToken`), resolved
/// through the structures from `root`: the members on the way.
fn resolve_path<'s>(service: &'s Service, root: &str, path: &str) -> Option<Vec<&'s MemberDef>> {
    let mut shape = root;
    let mut members = Vec::new();
    for (index, step) in path.split('.').enumerate() {
        if index > 0 {
            let RustType::Named(next) = &members.last().map(|m: &&MemberDef| &m.ty)? else {
                return None;
            };
            shape = next;
        }
        let TypeKind::Struct(def) = &service.types.get(shape)?.kind else {
            return None;
        };
        if !step.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') || step.is_empty() {
            return None;
        }
        members.push(def.members.iter().find(|m| m.model_name == step)?);
    }
    Some(members)
}

/// `output.a.as_ref().and_then(|v| v.b.as_ref())`: a borrowed `Option` of
/// the value at the end of the path.
fn borrow_path(root: TokenStream, members: &[&MemberDef]) -> TokenStream {
    let mut tokens = root;
    for (index, member) in members.iter().enumerate() {
        let field = ident(&member.field_name);
        tokens = if index == 0 {
            quote! { #tokens.#field.as_ref() }
        } else {
            quote! { #tokens.and_then(|value| value.#field.as_ref()) }
        };
    }
    tokens
}

/// `into_paginator()` for the fluent builder, and the `Paginated`
/// description of the operation beside it; `None` when a token is not a
/// member path (a JMESPath token waits for the expression compiler).
fn paginator(
    service: &Service,
    op: &OperationDef,
    paginator: &PaginatorDef,
    build_result: &TokenStream,
) -> Option<(TokenStream, TokenStream)> {
    let input_shape = op.input.as_deref()?;
    let output_shape = op.output.as_deref()?;
    if paginator.input_tokens.len() != paginator.output_tokens.len() {
        return None;
    }
    let mut copies = Vec::new();
    for (input_token, output_token) in paginator.input_tokens.iter().zip(&paginator.output_tokens) {
        let input_member = match resolve_path(service, input_shape, input_token)?.as_slice() {
            [member] => *member,
            _ => return None,
        };
        let output_path = resolve_path(service, output_shape, output_token)?;
        let last = output_path.last()?;
        if last.ty != input_member.ty || last.boxed != input_member.boxed {
            return None;
        }
        let field = ident(&input_member.field_name);
        let value = borrow_path(quote!(output), &output_path);
        // botocore stops at a token that is absent; an empty text or map
        // token is no token either (the SDKs stop on it rather than loop).
        let usable = match &last.ty {
            RustType::String | RustType::Map(..) | RustType::List(_) => {
                quote! { #value.filter(|token| !token.is_empty()).cloned() }
            }
            _ => quote! { #value.cloned() },
        };
        copies.push((field, usable));
    }
    let more_results = match &paginator.more_results {
        Some(key) => {
            let path = resolve_path(service, output_shape, key)?;
            let value = borrow_path(quote!(output), &path);
            quote! {
                if #value != ::std::option::Option::Some(&true) {
                    return ::std::option::Option::None;
                }
            }
        }
        None => quote!(),
    };
    let input_type = type_path(&service.types[input_shape]);
    let output_type = type_path(&service.types[output_shape]);
    let error = format_ident!("{}Error", op.rust_name);
    let pages = format_ident!("{}Pages", op.rust_name);
    let items = items(service, output_shape, paginator);
    let items_doc = if items.is_some() {
        " Its `items()` streams the items of every page instead."
    } else {
        ""
    };
    let items_impl = items.map(|(item_type, body)| {
        quote! {
            impl ::awsgen_runtime::client::paginate::PaginatedItems for #pages {
                type Item = #item_type;

                fn items(output: #output_type) -> ::std::vec::Vec<#item_type> {
                    #body
                }
            }
        }
    });
    let method_doc = format!(
        " Pages through the results: a stream of outputs, one request per page, following the next-page token until the service gives none (or the same one twice).{items_doc} Nothing is sent until the stream is polled."
    );
    let pages_doc = format!(
        " How [`{0}`](crate::operation::{0}) pages: the type parameter of the stream `into_paginator()` returns.",
        op.rust_name
    );
    let fields = copies.iter().map(|(field, _)| field);
    let values = copies.iter().map(|(_, value)| value);
    let stop = match copies.as_slice() {
        [(field, _)] => quote! { next.#field.as_ref()?; },
        _ => {
            let absent = copies
                .iter()
                .map(|(field, _)| quote! { next.#field.is_none() });
            quote! {
                if #(#absent)&&* {
                    return ::std::option::Option::None;
                }
            }
        }
    };
    let method = quote! {
        #[doc = #method_doc]
        pub fn into_paginator(self) -> ::awsgen_runtime::client::paginate::Pages<#pages> {
            let handle = self.handle.clone();
            let first = #build_result;
            ::awsgen_runtime::client::paginate::Pages::new(handle, first)
        }
    };
    let description = quote! {
        #[doc = #pages_doc]
        #[derive(::std::fmt::Debug)]
        #[non_exhaustive]
        pub struct #pages;

        impl ::awsgen_runtime::client::paginate::Paginated for #pages {
            type Input = #input_type;
            type Output = #output_type;
            type Error = #error;

            async fn send(
                handle: ::std::sync::Arc<::awsgen_runtime::client::Handle>,
                input: #input_type,
            ) -> ::std::result::Result<#output_type, ::awsgen_runtime::client::SdkError<#error>> {
                call(&handle, &input).await.result
            }

            fn next_input(input: &#input_type, output: &#output_type) -> ::std::option::Option<#input_type> {
                #more_results
                let mut next = input.clone();
                #(next.#fields = #values;)*
                #stop
                ::std::option::Option::Some(next)
            }
        }

        #items_impl
    };
    Some((method, description))
}

/// The items of one page, when the paginator has one result key holding a
/// list: its type and the body of `items`.
fn items(
    service: &Service,
    output_shape: &str,
    paginator: &PaginatorDef,
) -> Option<(TokenStream, TokenStream)> {
    let [key] = paginator.result_keys.as_slice() else {
        return None;
    };
    let path = resolve_path(service, output_shape, key)?;
    let last = path.last()?;
    let RustType::List(item) = &last.ty else {
        return None;
    };
    let item_type = type_tokens(service, item);
    let mut body = quote!(::std::option::Option::Some(output));
    for member in &path {
        let field = ident(&member.field_name);
        body = if member.boxed {
            quote! { #body.and_then(|value| (*value).#field) }
        } else {
            quote! { #body.and_then(|value| value.#field) }
        };
    }
    Some((item_type, quote! { #body.unwrap_or_default() }))
}
