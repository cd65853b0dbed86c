//! Token forms of IR types and of the names that refer to generated items.

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

use crate::ir::{MemberDef, RustType, Service, TimestampFormat, TypeDef};

/// An identifier from a name the IR already made valid.
pub fn ident(name: &str) -> Ident {
    Ident::new(name, Span::call_site())
}

/// Absolute path of a generated type, e.g. `crate::types::Stage`.
pub fn type_path(type_def: &TypeDef) -> TokenStream {
    let module = ident(type_def.module.name());
    let name = ident(&type_def.rust_name);
    quote! { crate::#module::#name }
}

/// Absolute path of a generated type's builder, e.g. `crate::types::builders::StageBuilder`.
pub fn builder_path(type_def: &TypeDef) -> TokenStream {
    let module = ident(type_def.module.name());
    let name = builder_ident(type_def);
    quote! { crate::#module::builders::#name }
}

/// The builder's type name.
pub fn builder_ident(type_def: &TypeDef) -> Ident {
    ident(&format!("{}Builder", type_def.rust_name))
}

/// The tokens of a member type, without the outer `Option`.
pub fn type_tokens(service: &Service, ty: &RustType) -> TokenStream {
    match ty {
        RustType::String => quote! { ::std::string::String },
        RustType::Bool => quote! { bool },
        RustType::Byte => quote! { i8 },
        RustType::Short => quote! { i16 },
        RustType::Integer => quote! { i32 },
        RustType::Long => quote! { i64 },
        RustType::Float => quote! { f32 },
        RustType::Double | RustType::BigDecimal => quote! { f64 },
        RustType::BigInteger => quote! { i128 },
        RustType::Timestamp => quote! { ::awsgen_runtime::time::OffsetDateTime },
        RustType::Blob => quote! { ::awsgen_runtime::primitives::Blob },
        RustType::Document => quote! { ::awsgen_runtime::serde_json::Value },
        RustType::Named(name) => type_path(&service.types[name]),
        RustType::List(inner) => {
            let inner = type_tokens(service, inner);
            quote! { ::std::vec::Vec<#inner> }
        }
        RustType::Map(key, value) => {
            let key = type_tokens(service, key);
            let value = type_tokens(service, value);
            quote! { ::std::collections::BTreeMap<#key, #value> }
        }
    }
}

/// Whether the Rust type of `ty` is `Copy`: numbers, booleans and
/// timestamps. Generated types are not (an enum keeps unknown values as text).
pub fn is_copy(ty: &RustType) -> bool {
    matches!(
        ty,
        RustType::Bool
            | RustType::Byte
            | RustType::Short
            | RustType::Integer
            | RustType::Long
            | RustType::Float
            | RustType::Double
            | RustType::BigInteger
            | RustType::BigDecimal
            | RustType::Timestamp
    )
}

/// The parameter type with which a fluent setter takes a value of `ty`.
///
/// Strings take `impl Into<String>`, so that `&str` and `String` both do,
/// and blobs `impl Into<Blob>` (bytes, a `Vec<u8>`); every other type is
/// taken as it is, as the official SDK's builders take them. A generic setter
/// is a body rustc checks with trait bounds, and EC2 has 9,958 fluent
/// setters, 5,959 of them for other types: taking those as they are cut the
/// instructions rustc spends checking a crate of 18 EC2 operations by 2%.
pub fn setter_param_type(service: &Service, ty: &RustType) -> TokenStream {
    let tokens = type_tokens(service, ty);
    if setter_takes_into(ty) {
        quote! { impl ::std::convert::Into<#tokens> }
    } else {
        tokens
    }
}

/// The value of a setter's parameter `name`, typed as [`setter_param_type`].
pub fn setter_value(ty: &RustType, name: &Ident) -> TokenStream {
    if setter_takes_into(ty) {
        quote! { #name.into() }
    } else {
        quote! { #name }
    }
}

fn setter_takes_into(ty: &RustType) -> bool {
    matches!(ty, RustType::String | RustType::Blob)
}

fn timestamp_format_name(format: TimestampFormat) -> &'static str {
    match format {
        TimestampFormat::EpochSeconds => "EpochSeconds",
        TimestampFormat::Iso8601 => "Iso8601",
        TimestampFormat::HttpDate => "HttpDate",
    }
}

/// An expression that serializes `value` (a reference to the member's value,
/// without the `Option`) in the member's wire form.
pub fn value_writer(member: &MemberDef, value: TokenStream) -> TokenStream {
    match member.ty {
        RustType::Float => return quote! { &::awsgen_runtime::primitives::Float32Wire(*#value) },
        RustType::Double | RustType::BigDecimal => {
            return quote! { &::awsgen_runtime::primitives::FloatWire(*#value) }
        }
        _ => {}
    }
    let Some(format) = member.timestamp_format else {
        return value;
    };
    let format = ident(timestamp_format_name(format));
    let wrapper = match member.ty {
        RustType::List(_) => quote!(ListWire::<::awsgen_runtime::primitives::timestamp::#format>),
        RustType::Map(..) => quote!(MapWire::<::awsgen_runtime::primitives::timestamp::#format, _>),
        _ => quote!(Wire::<::awsgen_runtime::primitives::timestamp::#format>),
    };
    quote! {
        &::awsgen_runtime::primitives::timestamp::#wrapper(#value, ::std::marker::PhantomData)
    }
}

/// The wrapper a timestamp member's value is read through, e.g.
/// `::awsgen_runtime::primitives::timestamp::OptionIn<::awsgen_runtime::primitives::timestamp::EpochSeconds>`.
pub fn timestamp_reader(service: &Service, ty: &RustType, format: TimestampFormat) -> TokenStream {
    let format = ident(timestamp_format_name(format));
    match ty {
        RustType::List(_) => quote! {
            ::awsgen_runtime::primitives::timestamp::OptionListIn<::awsgen_runtime::primitives::timestamp::#format>
        },
        RustType::Map(key, _) => {
            let key = type_tokens(service, key);
            quote! {
                ::awsgen_runtime::primitives::timestamp::OptionMapIn<::awsgen_runtime::primitives::timestamp::#format, #key>
            }
        }
        _ => quote! {
            ::awsgen_runtime::primitives::timestamp::OptionIn<::awsgen_runtime::primitives::timestamp::#format>
        },
    }
}
