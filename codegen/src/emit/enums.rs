//! String enums: known values as variants, unknown ones kept verbatim.

use proc_macro2::TokenStream;
use quote::quote;

use super::doc_attrs::{deprecated_attr, outer_docs};
use super::rust_types::{ident, type_path};
use crate::ir::{EnumDef, TypeDef};

/// The enum for a string shape with `enum` values.
pub fn emit_enum(type_def: &TypeDef, def: &EnumDef) -> TokenStream {
    let name = ident(&type_def.rust_name);
    let fallback = format!("The `{}` enumeration of the model.", type_def.model_name);
    let mut doc_text = if type_def.docs.trim().is_empty() {
        fallback
    } else {
        type_def.docs.clone()
    };
    doc_text.push_str(
        "\n\nValues this version of the crate does not know are kept in `Unknown` and sent back unchanged; \
         match with a wildcard arm, as a newer version may add variants.",
    );
    let docs = outer_docs(&doc_text, "");
    let deprecated = deprecated_attr(&type_def.deprecated);
    let variants = def.variants.iter().map(|(variant, value)| {
        let variant = ident(variant);
        let doc = format!(" `{value}`");
        quote! { #[doc = #doc] #variant, }
    });
    let to_str = def.variants.iter().map(|(variant, value)| {
        let variant = ident(variant);
        quote! { #name::#variant => #value, }
    });
    let from_str = def.variants.iter().map(|(variant, value)| {
        let variant = ident(variant);
        quote! { #value => #name::#variant, }
    });
    let values = def.variants.iter().map(|(_, value)| value);
    let variant_names = def.variants.iter().map(|(variant, _)| variant);
    quote! {
        #docs
        #deprecated
        // `Debug` and `Hash` are written below, from the wire value: derived,
        // each is a match arm per variant for rustc to check.
        #[derive(::std::clone::Clone, ::std::cmp::PartialEq, ::std::cmp::Eq)]
        #[non_exhaustive]
        pub enum #name {
            #(#variants)*
            /// A value this version of the crate does not know, kept as sent.
            Unknown(::awsgen_runtime::primitives::UnknownVariantValue),
        }

        impl #name {
            /// Every value the model lists, in model order.
            pub const VALUES: &'static [&'static str] = &[#(#values),*];

            /// The variants' names, in the order of `VALUES`, for `Debug`.
            const VARIANT_NAMES: &'static [&'static str] = &[#(#variant_names),*];

            /// The value as it appears on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    #(#to_str)*
                    #name::Unknown(value) => value.as_str(),
                }
            }
        }

        impl ::std::convert::From<&str> for #name {
            fn from(value: &str) -> Self {
                match value {
                    #(#from_str)*
                    other => #name::Unknown(::awsgen_runtime::primitives::UnknownVariantValue::new(other)),
                }
            }
        }

        impl ::std::str::FromStr for #name {
            type Err = ::std::convert::Infallible;
            fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
                ::std::result::Result::Ok(Self::from(value))
            }
        }

        impl ::std::cmp::PartialOrd for #name {
            fn partial_cmp(&self, other: &Self) -> ::std::option::Option<::std::cmp::Ordering> {
                ::std::option::Option::Some(::std::cmp::Ord::cmp(self, other))
            }
        }

        /// Ordered by wire value, so values a later model adds never reorder
        /// the ones before them (a derived order would follow variant order).
        impl ::std::cmp::Ord for #name {
            fn cmp(&self, other: &Self) -> ::std::cmp::Ordering {
                self.as_str().cmp(other.as_str())
            }
        }

        /// As `#[derive(Debug)]` would write it: the variant's name, or `Unknown(…)`.
        impl ::std::fmt::Debug for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                match self {
                    #name::Unknown(value) => f.debug_tuple("Unknown").field(value).finish(),
                    known => ::awsgen_runtime::primitives::fmt_variant_name(f, known.as_str(), Self::VALUES, Self::VARIANT_NAMES),
                }
            }
        }

        /// Hashes the wire value: values that are equal have the same one.
        impl ::std::hash::Hash for #name {
            fn hash<H: ::std::hash::Hasher>(&self, state: &mut H) {
                ::std::hash::Hash::hash(self.as_str(), state)
            }
        }

        impl ::std::convert::AsRef<str> for #name {
            fn as_ref(&self) -> &str {
                self.as_str()
            }
        }

        impl ::std::fmt::Display for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    }
}

/// A string enum's serde impls, which live in the crate's `serde_impls`
/// module (see [`super::crate_files::serde_impls_mod`]): the value as a JSON string.
pub fn serde_impls(type_def: &TypeDef) -> TokenStream {
    let name = type_path(type_def);
    quote! {
        impl ::awsgen_runtime::serde::Serialize for #name {
            fn serialize<S: ::awsgen_runtime::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::awsgen_runtime::serde::Deserialize<'de> for #name {
            fn deserialize<D: ::awsgen_runtime::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                ::awsgen_runtime::primitives::deserialize_str_enum(deserializer)
            }
        }
    }
}
