//! `Clone`, `PartialEq` and `Default` of structures and builders, written out
//! rather than derived.
//!
//! The derives expand to more than these impls need: a call through
//! `::core::clone::Clone::clone` or `Default::default()` per field for the
//! compiler to resolve, and a second impl (`StructuralPartialEq`) per
//! `PartialEq`. Every generated crate pays for that on every build, and most
//! of a crate is structures and builders: written out, `cargo check` of the
//! EC2 crate runs 2.6% fewer instructions (cachegrind, 64.8 G to 63.1 G).
//! `Debug` stays derived: the derive is cheaper than anything written out with
//! `std::fmt`'s public API.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

/// One field of a struct: its name, whether its type is `Copy` (cloned by
/// copying, as clippy asks), and the value its `Default` starts from.
pub(super) struct Field {
    pub name: Ident,
    pub copy: bool,
    pub default: TokenStream,
}

impl Field {
    /// A field that starts unset (`None`): every member of a structure.
    pub fn unset(name: Ident, copy: bool) -> Self {
        Field {
            name,
            copy,
            default: quote!(::std::option::Option::None),
        }
    }
}

/// The three impls for the struct `type_ident` with these named fields.
pub(super) fn value_trait_impls(type_ident: &Ident, fields: &[Field]) -> TokenStream {
    let names: Vec<&Ident> = fields.iter().map(|field| &field.name).collect();
    let defaults = fields.iter().map(|field| &field.default);
    let clones = fields.iter().map(|field| {
        let name = &field.name;
        if field.copy {
            quote!(self.#name)
        } else {
            quote!(self.#name.clone())
        }
    });
    let equal = if names.is_empty() {
        quote!(true)
    } else {
        quote!(#(self.#names == other.#names)&&*)
    };
    // An empty struct compares nothing: its `other` goes unread.
    let other = if names.is_empty() {
        quote!(_other)
    } else {
        quote!(other)
    };
    quote! {
        impl ::std::clone::Clone for #type_ident {
            fn clone(&self) -> Self {
                Self {
                    #(#names: #clones,)*
                }
            }
        }

        impl ::std::cmp::PartialEq for #type_ident {
            fn eq(&self, #other: &Self) -> bool {
                #equal
            }
        }

        impl ::std::default::Default for #type_ident {
            fn default() -> Self {
                Self {
                    #(#names: #defaults,)*
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use quote::format_ident;

    fn pretty(tokens: TokenStream) -> String {
        prettyplease::unparse(&syn::parse2(tokens).expect("impls parse"))
    }

    #[test]
    fn fields_are_cloned_compared_and_start_unset() {
        let fields = [
            Field::unset(format_ident!("name"), false),
            Field::unset(format_ident!("r#type"), false),
            Field::unset(format_ident!("size"), true),
        ];
        insta::assert_snapshot!(pretty(value_trait_impls(&format_ident!("Thing"), &fields)));
    }

    #[test]
    fn an_empty_struct_is_equal_to_any_other() {
        insta::assert_snapshot!(pretty(value_trait_impls(&format_ident!("Empty"), &[])));
    }
}
