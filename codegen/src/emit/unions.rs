//! Tagged unions: one variant per member, plus a catch-all for members this
//! version of the crate does not know.

use proc_macro2::TokenStream;
use quote::quote;

use super::doc_attrs::{deprecated_attr, outer_docs};
use super::rust_types::{ident, timestamp_reader, type_path, type_tokens, value_writer};
use super::structs::member_docs;
use crate::ir::{MemberDef, Service, StructDef, TypeDef};

/// The enum for a union shape.
pub fn emit_union(service: &Service, type_def: &TypeDef, def: &StructDef) -> TokenStream {
    let name = ident(&type_def.rust_name);
    let docs = outer_docs(
        &type_def.docs,
        &format!("The `{}` union of the model.", type_def.model_name),
    );
    let deprecated = deprecated_attr(&type_def.deprecated);
    let variants = def.members.iter().map(|member| {
        let variant = ident(&member.variant_name);
        let ty = variant_type(service, member);
        let doc = outer_docs(&member_docs(member), "");
        quote! { #doc #variant(#ty), }
    });
    // Variants hold the model's structures as they are: boxing the large ones
    // would make a variant's type depend on how big its structure happens to
    // be in this version of the model.
    quote! {
        #docs
        #deprecated
        #[derive(::std::clone::Clone, ::std::fmt::Debug, ::std::cmp::PartialEq)]
        #[non_exhaustive]
        #[allow(clippy::large_enum_variant)]
        pub enum #name {
            #(#variants)*
            /// A member this version of the crate does not know; it cannot be sent back.
            Unknown,
        }
    }
}

/// What a variant holds: the member's type, boxed where lowering says so.
fn variant_type(service: &Service, member: &MemberDef) -> TokenStream {
    let inner = type_tokens(service, &member.ty);
    if member.boxed {
        quote!(::std::boxed::Box<#inner>)
    } else {
        inner
    }
}

/// A union's serde impls, in the JSON union form (an object with exactly one
/// key); they live in the crate's `serde_impls` module (see [`super::crate_files::serde_impls_mod`]).
pub fn serde_impls(service: &Service, type_def: &TypeDef, def: &StructDef) -> TokenStream {
    let name = type_path(type_def);
    let expecting = format!("a {} union object", type_def.model_name);
    let mut serialize_arms = Vec::new();
    let mut deserialize_arms = Vec::new();
    for member in &def.members {
        let variant = ident(&member.variant_name);
        let ty = variant_type(service, member);
        let key = &member.json_name;
        let value = value_writer(member, quote!(value));
        serialize_arms
            .push(quote! { #name::#variant(value) => map.serialize_entry(#key, #value)?, });
        // A null member is as good as absent; read it as an `Option`.
        let read = match member.timestamp_format {
            Some(format) => {
                let reader = timestamp_reader(service, &member.ty, format);
                quote! { map.next_value::<#reader>()?.0 }
            }
            None => quote! { map.next_value::<::std::option::Option<#ty>>()? },
        };
        deserialize_arms.push(quote! { #key => #read.map(#name::#variant), });
    }
    quote! {
        impl ::awsgen_runtime::serde::Serialize for #name {
            fn serialize<S: ::awsgen_runtime::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                use ::awsgen_runtime::serde::ser::SerializeMap as _;
                let mut map = serializer.serialize_map(::std::option::Option::Some(1))?;
                match self {
                    #(#serialize_arms)*
                    #name::Unknown => {
                        return ::std::result::Result::Err(::awsgen_runtime::serde::ser::Error::custom("cannot serialize an unknown union member"));
                    }
                }
                map.end()
            }
        }

        impl<'de> ::awsgen_runtime::serde::Deserialize<'de> for #name {
            fn deserialize<D: ::awsgen_runtime::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                struct UnionVisitor;
                impl<'de> ::awsgen_runtime::serde::de::Visitor<'de> for UnionVisitor {
                    type Value = #name;
                    fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        f.write_str(#expecting)
                    }
                    fn visit_map<A: ::awsgen_runtime::serde::de::MapAccess<'de>>(self, mut map: A) -> ::std::result::Result<#name, A::Error> {
                        let mut result = ::std::option::Option::None;
                        while let ::std::option::Option::Some(key) = map.next_key::<::std::borrow::Cow<'de, str>>()? {
                            let value = match key.as_ref() {
                                #(#deserialize_arms)*
                                // Some services tag unions with their type name; it is no member.
                                "__type" => {
                                    map.next_value::<::awsgen_runtime::serde::de::IgnoredAny>()?;
                                    ::std::option::Option::None
                                }
                                _ => {
                                    map.next_value::<::awsgen_runtime::serde::de::IgnoredAny>()?;
                                    ::std::option::Option::Some(#name::Unknown)
                                }
                            };
                            if let ::std::option::Option::Some(value) = value {
                                if result.is_some() {
                                    return ::std::result::Result::Err(::awsgen_runtime::serde::de::Error::custom("a union must set exactly one member"));
                                }
                                result = ::std::option::Option::Some(value);
                            }
                        }
                        result.ok_or_else(|| ::awsgen_runtime::serde::de::Error::custom("a union must set exactly one member"))
                    }
                }
                deserializer.deserialize_map(UnionVisitor)
            }
        }
    }
}
