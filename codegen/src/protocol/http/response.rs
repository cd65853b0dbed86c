//! Responses: output and error structures read themselves from an
//! `http::Response`: members bound to the status code and headers from
//! there, the payload or body members through the protocol's codec.

use proc_macro2::TokenStream;
use quote::quote;

use crate::emit::rust_types::{ident, type_tokens};
use crate::ir::{
    Binding, MemberDef, RustType, Service, StructDef, TimestampFormat, TypeDef, TypeKind,
};
use crate::protocol::codec::ResponseCodec;

/// The `FromResponse` impl of a structure that is an operation output or an error.
pub fn from_response_impl(
    service: &Service,
    type_def: &TypeDef,
    def: &StructDef,
    codec: ResponseCodec,
) -> TokenStream {
    let name = ident(&type_def.rust_name);
    let body = body_read(service, type_def, def, codec);
    let mut steps = Vec::new();
    for member in &def.members {
        let field = ident(&member.field_name);
        match &member.binding {
            Binding::StatusCode => steps.push(quote! {
                value.#field = ::std::option::Option::Some(i32::from(response.status().as_u16()));
            }),
            Binding::Header(header) => {
                let parsed = header_value(service, member, header);
                steps.push(quote! {
                    if let ::std::option::Option::Some(text) = ::awsgen_runtime::protocol::header(response, #header)? {
                        value.#field = ::std::option::Option::Some(#parsed);
                    }
                });
            }
            Binding::PrefixHeaders(prefix) => steps.push(quote! {
                value.#field = ::std::option::Option::Some(::awsgen_runtime::protocol::prefix_headers(response, #prefix)?);
            }),
            _ => {}
        }
    }
    if def.error.is_some() {
        steps.push(quote! {
            value.meta = ::std::option::Option::Some(::awsgen_runtime::protocol::ErrorMeta::from_response(
                response,
                ::std::option::Option::Some(::std::borrow::ToOwned::to_owned(Self::CODE)),
            ));
        });
    }
    let needs_mut = !steps.is_empty();
    let binding = if needs_mut {
        quote!(let mut value)
    } else {
        quote!(let value)
    };
    quote! {
        impl ::awsgen_runtime::protocol::FromResponse for #name {
            fn from_response(
                response: &::awsgen_runtime::http::Response<::awsgen_runtime::bytes::Bytes>,
            ) -> ::std::result::Result<Self, ::awsgen_runtime::protocol::ResponseError> {
                #binding: Self = #body;
                #(#steps)*
                ::std::result::Result::Ok(value)
            }
        }
    }
}

/// The expression that reads the body into a fresh value of the structure.
fn body_read(
    service: &Service,
    type_def: &TypeDef,
    def: &StructDef,
    codec: ResponseCodec,
) -> TokenStream {
    let context = type_def.model_name.as_str();
    if let Some(member) = def.members.iter().find(|m| m.binding == Binding::Payload) {
        let field = ident(&member.field_name);
        let kind = match &member.ty {
            RustType::Named(name) => Some(&service.types[name].kind),
            _ => None,
        };
        let read = match &member.ty {
            RustType::Blob => quote! {
                (!response.body().is_empty()).then(|| ::awsgen_runtime::primitives::Blob::new(response.body().to_vec()))
            },
            RustType::String => quote! {
                if response.body().is_empty() {
                    ::std::option::Option::None
                } else {
                    ::std::option::Option::Some(
                        ::std::string::String::from_utf8(response.body().to_vec()).map_err(|err| {
                            ::awsgen_runtime::protocol::ResponseError::invalid_body(#context, err.to_string())
                        })?,
                    )
                }
            },
            RustType::Named(_) if matches!(kind, Some(TypeKind::Enum(_))) => {
                let ty = type_tokens(service, &member.ty);
                quote! {
                    (!response.body().is_empty()).then(|| #ty::from(&*::std::string::String::from_utf8_lossy(response.body())))
                }
            }
            other => codec.read_payload(type_tokens(service, other), member.boxed, context),
        };
        return quote! {
            Self {
                #field: #read,
                ..::std::default::Default::default()
            }
        };
    }
    if def
        .members
        .iter()
        .any(|m| codec.reads_from_body(&m.binding))
    {
        codec.read_body_members(service, type_def, def)
    } else {
        // Nothing comes from the body. A structure without members reads nothing
        // at all, which must not leave `response` unused.
        let unused = def.members.is_empty().then(|| quote! { let _ = response; });
        quote! {{
            #unused
            <Self as ::std::default::Default>::default()
        }}
    }
}

/// The expression reading a header's `text` as the member's type.
fn header_value(service: &Service, member: &MemberDef, header: &str) -> TokenStream {
    match &member.ty {
        RustType::List(item) => {
            let split = if **item == RustType::Timestamp
                && member
                    .explicit_timestamp_format
                    .unwrap_or(TimestampFormat::HttpDate)
                    == TimestampFormat::HttpDate
            {
                quote!(::awsgen_runtime::protocol::split_http_date_list(text))
            } else {
                quote!(::awsgen_runtime::protocol::split_header_list(text))
            };
            let parsed = scalar_header_value(service, member, item, header, quote!(item.as_str()));
            quote! {
                #split
                    .iter()
                    .map(|item| ::std::result::Result::Ok(#parsed))
                    .collect::<::std::result::Result<::std::vec::Vec<_>, ::awsgen_runtime::protocol::ResponseError>>()?
            }
        }
        other => scalar_header_value(service, member, other, header, quote!(text)),
    }
}

fn scalar_header_value(
    service: &Service,
    member: &MemberDef,
    ty: &RustType,
    header: &str,
    text: TokenStream,
) -> TokenStream {
    match ty {
        RustType::String if member.jsonvalue => {
            quote! { ::awsgen_runtime::protocol::parse_json_header(#header, #text)? }
        }
        RustType::String => quote! { ::std::string::String::from(#text) },
        RustType::Named(_) => {
            let ty = type_tokens(service, ty);
            quote! { #ty::from(#text.trim()) }
        }
        RustType::Float => {
            quote! { ::awsgen_runtime::protocol::parse_float_header(#header, #text)? as f32 }
        }
        RustType::Double | RustType::BigDecimal => {
            quote! { ::awsgen_runtime::protocol::parse_float_header(#header, #text)? }
        }
        RustType::Timestamp => {
            let format = match member
                .explicit_timestamp_format
                .unwrap_or(TimestampFormat::HttpDate)
            {
                TimestampFormat::EpochSeconds => quote!(EpochSeconds),
                TimestampFormat::Iso8601 => quote!(Iso8601),
                TimestampFormat::HttpDate => quote!(HttpDate),
            };
            quote! { ::awsgen_runtime::protocol::parse_timestamp_header(#header, #text, ::awsgen_runtime::protocol::TimestampText::#format)? }
        }
        RustType::Blob => quote! {
            ::awsgen_runtime::primitives::Blob::new(::awsgen_runtime::protocol::parse_json_header(#header, #text)?.into_bytes())
        },
        other => {
            let ty = type_tokens(service, other);
            quote! { ::awsgen_runtime::protocol::parse_header::<#ty>(#header, #text)? }
        }
    }
}
