//! Builders: fluent setters (strings and blobs as `impl Into<…>`), and a `build()` that
//! refuses to leave out members the model marks as required.
//!
//! A builder holds the structure it builds rather than a copy of its fields,
//! so its `Clone`, `Debug` (redacting, through the structure's own) and
//! `PartialEq` are one field each: per structure, that is a third less code
//! for the compiler than a builder with fields of its own.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::doc_attrs::{outer_docs, type_link};
use super::rust_types::{builder_ident, ident, setter_param_type, setter_value, type_path};
use super::structs::field_type;
use super::value_traits::{value_trait_impls, Field};
use crate::ir::{MemberDef, RustType, Service, StructDef, TypeDef};

/// The method names `clippy::should_implement_trait` reserves for std's traits.
pub(super) const CLIPPY_TRAIT_METHODS: &[&str] = &[
    "add",
    "as_mut",
    "as_ref",
    "bitand",
    "bitor",
    "bitxor",
    "borrow",
    "borrow_mut",
    "clone",
    "cmp",
    "default",
    "deref",
    "deref_mut",
    "div",
    "drop",
    "eq",
    "from_iter",
    "from_str",
    "hash",
    "index",
    "index_mut",
    "into_iter",
    "mul",
    "neg",
    "next",
    "not",
    "rem",
    "shl",
    "shr",
    "sub",
];

/// The builder of a structure.
///
/// Its small non-generic methods are `#[inline]`, so they are compiled in the
/// crates that call them rather than all of them in the generated crate.
pub fn emit_builder(service: &Service, type_def: &TypeDef, def: &StructDef) -> TokenStream {
    let target = type_path(type_def);
    let builder = builder_ident(type_def);
    let doc = format!(
        " A builder for [`{0}`](crate::{1}::{0}); start one with `{0}::builder()`.",
        type_def.rust_name,
        type_def.module.name()
    );
    let methods = def
        .members
        .iter()
        .map(|member| emit_setters(service, type_def, member));
    let build = build_method(type_def, def);
    let value_impls = value_trait_impls(
        &builder,
        &[Field {
            name: format_ident!("inner"),
            copy: false,
            default: quote!(<#target as ::std::default::Default>::default()),
        }],
    );
    // Setters are named after members, and a member called `Add` or `Next`
    // gives a setter that clippy takes for a trait method.
    let trait_like_allow = def
        .members
        .iter()
        .any(|m| CLIPPY_TRAIT_METHODS.contains(&m.setter.as_str()))
        .then(|| quote!(#[allow(clippy::should_implement_trait)]));
    let deprecated_allow =
        if def.members.iter().any(|m| m.deprecated.is_some()) || type_def.deprecated.is_some() {
            quote!(#[allow(deprecated)])
        } else {
            quote!()
        };
    quote! {
        #[doc = #doc]
        #[derive(::std::fmt::Debug)]
        pub struct #builder {
            inner: #target,
        }

        #value_impls

        #deprecated_allow
        #trait_like_allow
        impl #builder {
            #(#methods)*

            #build
        }
    }
}

/// `build()`: checks the required members and fails naming the first one
/// missing, by its setter and type as the caller wrote them; returns the
/// value itself where nothing is required, as then nothing can fail.
fn build_method(type_def: &TypeDef, def: &StructDef) -> TokenStream {
    let target = type_path(type_def);
    let required: Vec<&MemberDef> = def.members.iter().filter(|m| m.required).collect();
    if required.is_empty() {
        let doc = format!(
            " Builds the {}; it has no required members, so this cannot fail.",
            type_link(&type_def.rust_name)
        );
        return quote! {
            #[doc = #doc]
            #[inline]
            pub fn build(self) -> #target {
                self.inner
            }
        };
    }
    let type_name = &type_def.rust_name;
    let checks = required.iter().map(|member| {
        let field = ident(&member.field_name);
        let setter = &member.setter;
        quote! {
            if self.inner.#field.is_none() {
                return ::std::result::Result::Err(::awsgen_runtime::primitives::BuildError::MissingField {
                    type_name: #type_name,
                    member: #setter,
                });
            }
        }
    });
    let doc = format!(
        " Builds the {}; fails with [`BuildError::MissingField`](::awsgen_runtime::primitives::BuildError::MissingField) naming the first required member left unset.",
        type_link(&type_def.rust_name)
    );
    quote! {
        #[doc = #doc]
        #[inline]
        pub fn build(self) -> ::std::result::Result<#target, ::awsgen_runtime::primitives::BuildError> {
            #(#checks)*
            ::std::result::Result::Ok(self.inner)
        }
    }
}

fn emit_setters(service: &Service, type_def: &TypeDef, member: &MemberDef) -> TokenStream {
    let field = ident(&member.field_name);
    let setter = ident(&member.setter);
    let option_setter = ident(&member.option_setter);
    let getter = ident(&member.getter);
    let full_type = field_type(service, member);
    let link = format!(
        "[`{0}::{1}`](crate::{2}::{0}::{1})",
        type_def.rust_name,
        member.field_name,
        type_def.module.name()
    );
    let summary = crate::docs::summary(&member.docs);
    let summary = if summary.is_empty() {
        String::new()
    } else {
        format!(": {summary}")
    };
    let set_doc = format!(" Sets {link}{summary}");
    let option_doc = format!(" Sets or clears {link}.");
    let get_doc = format!(" The value set for {link}, if any.");
    let wrap = |value: TokenStream| {
        if member.boxed {
            quote! { ::std::option::Option::Some(::std::boxed::Box::new(#value)) }
        } else {
            quote! { ::std::option::Option::Some(#value) }
        }
    };
    let option_setter_name = &member.option_setter;
    let replace_note = |what: &str| {
        format!("To set the whole {what} at once, use [`{option_setter_name}`](Self::{option_setter_name}).")
    };
    let fluent = match &member.ty {
        RustType::List(item) => {
            let value = setter_value(item, &format_ident!("input"));
            let item = setter_param_type(service, item);
            let doc = outer_docs(
                &format!(
                    "Appends one item to {link}{summary}\n\n{}",
                    replace_note("list")
                ),
                "",
            );
            quote! {
                #doc
                pub fn #setter(mut self, input: #item) -> Self {
                    self.inner.#field.get_or_insert_default().push(#value);
                    self
                }
            }
        }
        RustType::Map(key, value_ty) => {
            let key_param = setter_param_type(service, key);
            let key = setter_value(key, &format_ident!("key"));
            let value_param = setter_param_type(service, value_ty);
            let value = setter_value(value_ty, &format_ident!("value"));
            let doc = outer_docs(
                &format!(
                    "Adds one entry to {link}{summary}\n\n{}",
                    replace_note("map")
                ),
                "",
            );
            quote! {
                #doc
                pub fn #setter(
                    mut self,
                    key: #key_param,
                    value: #value_param,
                ) -> Self {
                    self.inner.#field.get_or_insert_default().insert(#key, #value);
                    self
                }
            }
        }
        other => {
            let ty = setter_param_type(service, other);
            let value = wrap(setter_value(other, &format_ident!("input")));
            quote! {
                #[doc = #set_doc]
                pub fn #setter(mut self, input: #ty) -> Self {
                    self.inner.#field = #value;
                    self
                }
            }
        }
    };
    quote! {
        #fluent

        #[doc = #option_doc]
        #[inline]
        pub fn #option_setter(mut self, input: #full_type) -> Self {
            self.inner.#field = input;
            self
        }

        #[doc = #get_doc]
        #[inline]
        pub fn #getter(&self) -> &#full_type {
            &self.inner.#field
        }
    }
}
