//! Structure shapes: the struct, `Debug` with redaction, `Display`/`Error`
//! for exceptions, and its serde form (emitted into the `serde_impls` module).

use proc_macro2::TokenStream;
use quote::quote;

use super::doc_attrs::{deprecated_attr, outer_docs, type_link};
use super::rust_types::{
    builder_path, ident, is_copy, timestamp_reader, type_path, type_tokens, value_writer,
};
use super::value_traits::{value_trait_impls, Field};
use crate::ir::{MemberDef, RustType, Service, StructDef, TypeDef};

/// Placeholder printed by `Debug` in place of sensitive values.
const REDACTED: &str = "*** Sensitive Data Redacted ***";

/// The struct for a structure shape, with its serde form and trait impls.
pub fn emit_struct(service: &Service, type_def: &TypeDef, def: &StructDef) -> TokenStream {
    let name = ident(&type_def.rust_name);
    let docs = outer_docs(
        &type_def.docs,
        &format!("The `{}` structure of the model.", type_def.model_name),
    );
    let deprecated = deprecated_attr(&type_def.deprecated);
    let mut fields: Vec<TokenStream> = def
        .members
        .iter()
        .map(|member| emit_field(service, member))
        .collect();
    if def.error.is_some() {
        // Not a model member: lowering keeps the name free of members.
        fields.push(quote! {
            meta: ::std::option::Option<::awsgen_runtime::protocol::ErrorMeta>,
        });
    }
    let accessors = def
        .members
        .iter()
        .filter_map(|member| accessor(service, member));
    let (derive_debug, debug_impl) = if def.has_sensitive() {
        (quote!(), redacting_debug(&name, def))
    } else {
        (quote!(#[derive(::std::fmt::Debug)]), quote!())
    };
    let mut value_fields: Vec<Field> = def
        .members
        .iter()
        .map(|member| {
            Field::unset(
                ident(&member.field_name),
                !member.boxed && is_copy(&member.ty),
            )
        })
        .collect();
    if def.error.is_some() {
        value_fields.push(Field::unset(ident("meta"), false));
    }
    let value_impls = value_trait_impls(&name, &value_fields);
    let builder = builder_path(type_def);
    let json_body = json_body(service, type_def, def);
    // Any error shape can answer any operation: the service-wide lookup reads
    // it, unless another exception answers to its code.
    let read_as_error = match &def.error {
        Some(error) => error.answers_code,
        None => service
            .operations
            .iter()
            .any(|op| op.errors.contains(&type_def.model_name)),
    };
    let from_response = crate::protocol::from_response_impl(service, type_def, def, read_as_error);
    let builder_doc = format!(" Starts building a {}.", type_link(&type_def.rust_name));
    let error_impls = def.error.as_ref().map(|error| {
        let code = &error.code;
        let status = match error.http_status {
            Some(status) => quote! { ::std::option::Option::Some(#status) },
            None => quote! { ::std::option::Option::None },
        };
        let fault = error.fault;
        // The message member when the model has one and the response filled
        // it, else the message the response carried anyway.
        let message_body = match &error.message_field {
            Some(field) => {
                let field = ident(field);
                quote! {
                    self.#field
                        .as_deref()
                        .or_else(|| self.meta.as_ref().and_then(|meta| meta.message.as_deref()))
                }
            }
            None => quote! { self.meta.as_ref().and_then(|meta| meta.message.as_deref()) },
        };
        quote! {
            impl #name {
                /// The error code the service sends for this error.
                pub const CODE: &'static str = #code;
                /// The HTTP status the service answers this error with, when the model says.
                pub const HTTP_STATUS: ::std::option::Option<u16> = #status;
                /// Whether the service, rather than the caller, is at fault.
                pub const IS_FAULT: bool = #fault;

                /// The error message the service sent, if any.
                pub fn message(&self) -> ::std::option::Option<&str> {
                    #message_body
                }

                /// What the error response said about itself (status, code,
                /// message, request id); `None` for an error built by hand.
                pub fn meta(&self) -> ::std::option::Option<&::awsgen_runtime::protocol::ErrorMeta> {
                    self.meta.as_ref()
                }
            }

            impl ::std::fmt::Display for #name {
                fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                    match self.message() {
                        ::std::option::Option::Some(message) => ::std::write!(f, "{}: {}", Self::CODE, message)?,
                        ::std::option::Option::None => f.write_str(Self::CODE)?,
                    }
                    match &self.meta {
                        ::std::option::Option::Some(meta) => meta.fmt_origin(f),
                        ::std::option::Option::None => ::std::result::Result::Ok(()),
                    }
                }
            }

            impl ::std::error::Error for #name {}
        }
    });
    quote! {
        #docs
        #deprecated
        #derive_debug
        #[non_exhaustive]
        pub struct #name {
            #(#fields)*
        }

        #value_impls

        impl #name {
            #[doc = #builder_doc]
            #[inline]
            pub fn builder() -> #builder {
                // Qualified: a member named `Default` gives the builder a `default` setter.
                <#builder as ::std::default::Default>::default()
            }

            #(#accessors)*
        }

        #json_body
        #from_response
        #debug_impl
        #error_impls
    }
}

/// The field's type including the outer `Option` and any `Box`.
pub fn field_type(service: &Service, member: &MemberDef) -> TokenStream {
    let inner = type_tokens(service, &member.ty);
    if member.boxed {
        quote! { ::std::option::Option<::std::boxed::Box<#inner>> }
    } else {
        quote! { ::std::option::Option<#inner> }
    }
}

/// The member's documentation with a note on how it travels and whether it is required.
pub fn member_docs(member: &MemberDef) -> String {
    let mut docs = if member.docs.trim().is_empty() {
        format!("The `{}` member.", member.model_name)
    } else {
        member.docs.clone()
    };
    let binding = match &member.binding {
        crate::ir::Binding::Body => None,
        crate::ir::Binding::Payload => Some("the HTTP payload".to_string()),
        crate::ir::Binding::Uri { label, .. } => Some(format!("the URI label `{{{label}}}`")),
        crate::ir::Binding::Query(name) => Some(format!("the query parameter `{name}`")),
        crate::ir::Binding::Header(name) => Some(format!("the header `{name}`")),
        crate::ir::Binding::PrefixHeaders(prefix) => {
            Some(format!("the headers prefixed `{prefix}`"))
        }
        crate::ir::Binding::StatusCode => Some("the HTTP status code".to_string()),
    };
    if let Some(binding) = binding {
        docs.push_str(&format!("\n\nSent in {binding}, not in the JSON body."));
    }
    if member.required {
        docs.push_str("\n\nRequired: the builder's `build()` fails without it.");
    }
    docs
}

fn emit_field(service: &Service, member: &MemberDef) -> TokenStream {
    let field = ident(&member.field_name);
    let ty = field_type(service, member);
    let docs = outer_docs(&member_docs(member), "");
    let deprecated = deprecated_attr(&member.deprecated);
    quote! {
        #docs
        #deprecated
        pub #field: #ty,
    }
}

/// The method reading a member the way users of AWS SDKs expect: text as
/// `&str`, numbers and booleans by value, a list as a slice (empty when
/// absent), anything else by reference.
fn accessor(service: &Service, member: &MemberDef) -> Option<TokenStream> {
    let method = ident(member.accessor.as_deref()?);
    let field = ident(&member.field_name);
    let (returns, body, what) = match &member.ty {
        RustType::String => (
            quote!(::std::option::Option<&str>),
            quote!(self.#field.as_deref()),
            "when set",
        ),
        // Numbers and booleans: the `Copy` types but timestamps, which the
        // official SDK's accessors lend as well.
        ty if is_copy(ty) && !matches!(ty, RustType::Timestamp) => {
            let ty = type_tokens(service, &member.ty);
            (
                quote!(::std::option::Option<#ty>),
                quote!(self.#field),
                "when set",
            )
        }
        RustType::List(element) => {
            let element = type_tokens(service, element);
            (
                quote!(&[#element]),
                quote!(self.#field.as_deref().unwrap_or_default()),
                "empty when not set; the field tells an empty list from an absent one",
            )
        }
        _ => {
            let ty = type_tokens(service, &member.ty);
            let body = if member.boxed {
                quote!(self.#field.as_deref())
            } else {
                quote!(self.#field.as_ref())
            };
            (quote!(::std::option::Option<&#ty>), body, "when set")
        }
    };
    let doc = format!(" The `{}` member, {what}.", member.model_name);
    let deprecated = deprecated_attr(&member.deprecated);
    Some(quote! {
        #[doc = #doc]
        #deprecated
        #[inline]
        pub fn #method(&self) -> #returns {
            #body
        }
    })
}

/// A structure's serde impls, which live in the crate's `serde_impls` module
/// (see [`super::crate_files::serde_impls_mod`]).
pub fn serde_impls(service: &Service, type_def: &TypeDef, def: &StructDef) -> TokenStream {
    let mut tokens = serialize_impl(type_def, def);
    tokens.extend(deserialize_impl(service, type_def, def));
    tokens
}

/// `Serialize` through [`SerializeMembers`](crate::primitives): the serde form writes
/// every present member; where serde is the wire, operation inputs also get
/// `json_body()` (see [`json_body`]), which writes only the members bound to the JSON body.
fn serialize_impl(type_def: &TypeDef, def: &StructDef) -> TokenStream {
    let name = type_path(type_def);
    let has_http_members = def.members.iter().any(|m| !m.binding.is_body());
    let body_only = if has_http_members {
        ident("body_only")
    } else {
        ident("_body_only")
    };
    let map = if def.members.is_empty() {
        ident("_map")
    } else {
        ident("map")
    };
    let entries = def.members.iter().map(|member| {
        let field = ident(&member.field_name);
        let key = &member.json_name;
        let value = value_writer(member, quote!(value));
        let entry = quote! {
            if let ::std::option::Option::Some(value) = &self.#field {
                map.serialize_entry(#key, #value)?;
            }
        };
        if member.binding.is_body() {
            entry
        } else {
            quote! { if !body_only { #entry } }
        }
    });
    quote! {
        impl ::awsgen_runtime::primitives::SerializeMembers for #name {
            fn serialize_members<M: ::awsgen_runtime::serde::ser::SerializeMap>(
                &self,
                #map: &mut M,
                #body_only: bool,
            ) -> ::std::result::Result<(), M::Error> {
                #(#entries)*
                ::std::result::Result::Ok(())
            }
        }

        impl ::awsgen_runtime::serde::Serialize for #name {
            fn serialize<S: ::awsgen_runtime::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                ::awsgen_runtime::primitives::serialize_struct(self, serializer)
            }
        }
    }
}

/// Where serde is the wire, an operation input's `json_body()`: the request
/// body, which holds only the members bound to it. It is the type's own API,
/// so it stays beside the type rather than with the serde impls.
fn json_body(service: &Service, type_def: &TypeDef, def: &StructDef) -> Option<TokenStream> {
    let name = ident(&type_def.rust_name);
    let has_payload = def
        .members
        .iter()
        .any(|m| m.binding == crate::ir::Binding::Payload);
    (def.is_operation_input && !has_payload && crate::protocol::serde_is_wire(service)).then(|| {
        let doc = format!(
            " The JSON body of a `{}` request: only the members bound to the body, under their wire names. \
             The struct's own `Serialize` keeps every member.",
            type_def.model_name
        );
        quote! {
            impl #name {
                #[doc = #doc]
                pub fn json_body(&self) -> ::awsgen_runtime::primitives::JsonBody<'_, Self> {
                    ::awsgen_runtime::primitives::JsonBody::new(self)
                }
            }
        }
    })
}

/// `Deserialize` through the shared map visitor: one `match` arm per member,
/// unknown keys skipped.
fn deserialize_impl(service: &Service, type_def: &TypeDef, def: &StructDef) -> TokenStream {
    let name = type_path(type_def);
    let model_name = &type_def.model_name;
    let has_http_members = def.members.iter().any(|m| !m.binding.is_body());
    let body_only = if has_http_members {
        ident("body_only")
    } else {
        ident("_body_only")
    };
    let arms = def.members.iter().map(|member| {
        let field = ident(&member.field_name);
        let json_name = &member.json_name;
        // In a response body, members bound elsewhere are unknown keys.
        let key = if member.binding.is_body() {
            quote!(#json_name)
        } else {
            quote!(#json_name if !body_only)
        };
        match member.timestamp_format {
            Some(format) => {
                let reader = timestamp_reader(service, &member.ty, format);
                quote! { #key => self.#field = map.next_value::<#reader>()?.0, }
            }
            None => match member.ty {
                RustType::Float => quote! {
                    #key => self.#field = map.next_value::<::awsgen_runtime::primitives::OptionFloatIn<f32>>()?.0,
                },
                RustType::Double | RustType::BigDecimal => quote! {
                    #key => self.#field = map.next_value::<::awsgen_runtime::primitives::OptionFloatIn<f64>>()?.0,
                },
                RustType::List(ref item) if is_structure(service, item) => {
                    let item = type_tokens(service, item);
                    quote! {
                        #key => self.#field = map.next_value::<::awsgen_runtime::primitives::StructList<#item>>()?.0,
                    }
                }
                ref ty if map_of_structs(service, ty).is_some() => {
                    let map_type = map_of_structs(service, ty);
                    quote! {
                        #key => self.#field = map.next_value::<::std::option::Option<#map_type>>()?.map(|map| map.0),
                    }
                }
                RustType::List(ref item) if map_of_structs(service, item).is_some() => {
                    let map_type = map_of_structs(service, item);
                    quote! {
                        #key => {
                            self.#field = map
                                .next_value::<::std::option::Option<::std::vec::Vec<#map_type>>>()?
                                .map(|maps| maps.into_iter().map(|map| map.0).collect());
                        }
                    }
                }
                _ => quote! { #key => self.#field = map.next_value()?, },
            },
        }
    });
    let body = if def.members.is_empty() {
        // Nothing to match: every key is unknown.
        quote! {
            let _ = key;
            map.next_value::<::awsgen_runtime::serde::de::IgnoredAny>()?;
        }
    } else {
        quote! {
            match key {
                #(#arms)*
                _ => {
                    map.next_value::<::awsgen_runtime::serde::de::IgnoredAny>()?;
                }
            }
        }
    };
    quote! {
        impl ::awsgen_runtime::primitives::DeserializeMembers for #name {
            const TYPE_NAME: &'static str = #model_name;

            fn deserialize_member<'de, A: ::awsgen_runtime::serde::de::MapAccess<'de>>(
                &mut self,
                key: &str,
                map: &mut A,
                #body_only: bool,
            ) -> ::std::result::Result<(), A::Error> {
                #body
                ::std::result::Result::Ok(())
            }
        }

        impl<'de> ::awsgen_runtime::serde::Deserialize<'de> for #name {
            fn deserialize<D: ::awsgen_runtime::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                ::awsgen_runtime::primitives::deserialize_struct(deserializer)
            }
        }
    }
}

/// The runtime's in-place reader for `ty`, when it is a map of structures.
/// Structures are large: reading them in place, rather than building each and
/// moving it into the map, is a large part of parsing maps of them (DynamoDB items).
fn map_of_structs(service: &Service, ty: &RustType) -> Option<TokenStream> {
    let RustType::Map(key, value) = ty else {
        return None;
    };
    is_structure(service, value).then(|| {
        let key = type_tokens(service, key);
        let value = type_tokens(service, value);
        quote! { ::awsgen_runtime::primitives::MapOfStructs<#key, #value> }
    })
}

/// Whether `ty` is a generated structure (not a union or an enum).
fn is_structure(service: &Service, ty: &RustType) -> bool {
    matches!(ty, RustType::Named(name) if matches!(service.types[name].kind, crate::ir::TypeKind::Struct(_)))
}

/// `Debug` for a struct (and so its builder, which holds one) that prints sensitive members as a placeholder.
fn redacting_debug(type_ident: &proc_macro2::Ident, def: &StructDef) -> TokenStream {
    let name = type_ident.to_string();
    let fields = def.members.iter().map(|member| {
        let field = ident(&member.field_name);
        let label = &member.field_name;
        if member.sensitive {
            quote! { debug.field(#label, &#REDACTED); }
        } else {
            quote! { debug.field(#label, &self.#field); }
        }
    });
    quote! {
        impl ::std::fmt::Debug for #type_ident {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                let mut debug = f.debug_struct(#name);
                #(#fields)*
                debug.finish()
            }
        }
    }
}
