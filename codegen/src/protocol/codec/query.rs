//! Query requests (awsQuery and ec2Query): every structure and union an
//! input reaches gets a `write_query` method that writes its members as
//! form pairs under dotted keys, with the names and list and map layouts
//! botocore's `QuerySerializer` and `EC2Serializer` give them.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use crate::emit::rust_types::ident;
use crate::ir::{
    RustType, Service, StructDef, TimestampFormat, TypeDef, TypeKind, XmlForm, XmlItems,
};

/// The two query protocols, which name keys and lay out lists differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QueryDialect {
    /// awsQuery: `locationName` or the member name; lists under `member`
    /// (unless flattened) and written even when empty.
    Query,
    /// ec2Query: `queryName`, else the capitalised `locationName`, else the
    /// member name; lists always flattened, and empty ones not written.
    Ec2,
}

impl QueryDialect {
    /// The key segment of a value whose reference has `form`, or `default`
    /// when the model names none (`_get_serialized_name`).
    fn name(self, form: &XmlForm, default: &str) -> String {
        match self {
            QueryDialect::Query => form.name.clone(),
            QueryDialect::Ec2 => form.query_name.clone().or_else(|| {
                form.name.as_deref().map(|name| {
                    let mut chars = name.chars();
                    chars
                        .next()
                        .map(|first| first.to_uppercase().chain(chars).collect())
                        .unwrap_or_default()
                })
            }),
        }
        .unwrap_or_else(|| default.to_owned())
    }
}

/// `write_query` for a structure or union an operation input reaches.
pub fn write_query_impl(
    service: &Service,
    type_def: &TypeDef,
    def: &StructDef,
    dialect: QueryDialect,
) -> TokenStream {
    let name = ident(&type_def.rust_name);
    let model_name = &type_def.model_name;
    let writes = def.members.iter().map(|member| {
        let key = dialect.name(&member.xml, &member.model_name);
        let write = write_value(
            service,
            dialect,
            &member.ty,
            &member.xml,
            member.explicit_timestamp_format,
            &format_ident!("value"),
            0,
        );
        (
            member,
            quote! {
                let key = ::awsgen_runtime::query::key(prefix, #key);
                #write
            },
        )
    });
    let body = match &type_def.kind {
        TypeKind::Union(_) => {
            let arms = writes.map(|(member, write)| {
                let variant = ident(&member.variant_name);
                quote! { #name::#variant(value) => { #write } }
            });
            quote! {
                match self {
                    #(#arms)*
                    #name::Unknown => {
                        return ::std::result::Result::Err(::awsgen_runtime::protocol::RequestError::UnknownUnionMember { union: #model_name });
                    }
                }
            }
        }
        _ => {
            let steps = writes.map(|(member, write)| {
                let field = ident(&member.field_name);
                quote! {
                    if let ::std::option::Option::Some(value) = &self.#field {
                        #write
                    }
                }
            });
            quote! { #(#steps)* }
        }
    };
    let doc = format!(" Writes the `{model_name}` as query form pairs under `prefix`.");
    quote! {
        impl #name {
            #[doc = #doc]
            pub(crate) fn write_query(
                &self,
                body: &mut ::awsgen_runtime::query::FormBody,
                prefix: &str,
            ) -> ::std::result::Result<(), ::awsgen_runtime::protocol::RequestError> {
                #body
                ::std::result::Result::Ok(())
            }
        }
    }
}

/// Writes `value` (a reference to a `ty`) under the `String` in the binding
/// `key`; `depth` keeps the bindings of nested lists and maps apart.
fn write_value(
    service: &Service,
    dialect: QueryDialect,
    ty: &RustType,
    form: &XmlForm,
    explicit: Option<TimestampFormat>,
    value: &Ident,
    depth: usize,
) -> TokenStream {
    let text = |text: TokenStream| quote! { body.push(&key, #text); };
    match ty {
        RustType::String => text(quote!(#value)),
        RustType::Bool => text(quote!(::awsgen_runtime::query::bool_text(*#value))),
        RustType::Byte
        | RustType::Short
        | RustType::Integer
        | RustType::Long
        | RustType::BigInteger => text(quote!(&#value.to_string())),
        RustType::Float => text(quote!(&::awsgen_runtime::protocol::float32_text(*#value))),
        RustType::Double | RustType::BigDecimal => {
            text(quote!(&::awsgen_runtime::protocol::float_text(*#value)))
        }
        RustType::Timestamp => {
            let format = timestamp_text_format(explicit);
            text(quote!(&::awsgen_runtime::protocol::timestamp_text(#value, #format)))
        }
        RustType::Blob => text(quote!(&::awsgen_runtime::protocol::base64_text(#value.as_bytes()))),
        RustType::Document => text(quote!(&#value.to_string())),
        RustType::Named(name) => match &service.types[name].kind {
            TypeKind::Enum(_) => text(quote!(#value.as_str())),
            // A structure without members writes nothing (and has no `write_query`).
            TypeKind::Struct(def) if def.members.is_empty() => quote! {
                let _ = (#value, key);
            },
            TypeKind::Struct(_) | TypeKind::Union(_) => quote! {
                #value.write_query(body, &key)?;
            },
        },
        RustType::List(item) => {
            let item_form = match &form.items {
                XmlItems::List(item_form) => item_form.as_ref(),
                _ => &XmlForm::default(),
            };
            let item_ident = format_ident!("item_{depth}");
            let index = format_ident!("index_{depth}");
            let write_item = write_value(
                service,
                dialect,
                item,
                item_form,
                explicit,
                &item_ident,
                depth + 1,
            );
            let each = quote! {
                for (#index, #item_ident) in #value.iter().enumerate() {
                    let key = ::awsgen_runtime::query::indexed(&list_prefix, #index + 1);
                    #write_item
                }
            };
            match dialect {
                QueryDialect::Ec2 => quote! {
                    let list_prefix = key;
                    #each
                },
                QueryDialect::Query => {
                    let list_prefix = if form.flattened {
                        match &item_form.name {
                            // A flattened list's member name replaces the
                            // member's own as the last segment.
                            Some(name) => quote! {
                                ::awsgen_runtime::query::rename_last(&key, #name)
                            },
                            None => quote!(key.clone()),
                        }
                    } else {
                        let name = dialect.name(item_form, "member");
                        quote!(::awsgen_runtime::query::key(&key, #name))
                    };
                    // botocore writes an empty list as an empty value.
                    quote! {
                        if #value.is_empty() {
                            body.push(&key, "");
                        } else {
                            let list_prefix = #list_prefix;
                            #each
                        }
                    }
                }
            }
        }
        RustType::Map(key_ty, value_ty) => {
            let (key_form, value_form) = match &form.items {
                XmlItems::Map(key_form, value_form) => (key_form.as_ref(), value_form.as_ref()),
                _ => (&XmlForm::default(), &XmlForm::default()),
            };
            let key_name = dialect.name(key_form, "key");
            let value_name = dialect.name(value_form, "value");
            let entry_key = format_ident!("entry_key_{depth}");
            let entry_value = format_ident!("entry_value_{depth}");
            let index = format_ident!("index_{depth}");
            let write_key = write_value(
                service,
                dialect,
                key_ty,
                key_form,
                explicit,
                &entry_key,
                depth + 1,
            );
            let write_entry_value = write_value(
                service,
                dialect,
                value_ty,
                value_form,
                explicit,
                &entry_value,
                depth + 1,
            );
            let entries = if form.flattened {
                quote!(key)
            } else {
                quote!(::awsgen_runtime::query::key(&key, "entry"))
            };
            quote! {
                let entries = #entries;
                for (#index, (#entry_key, #entry_value)) in #value.iter().enumerate() {
                    let entry = ::awsgen_runtime::query::indexed(&entries, #index + 1);
                    {
                        let key = ::awsgen_runtime::query::key(&entry, #key_name);
                        #write_key
                    }
                    {
                        let key = ::awsgen_runtime::query::key(&entry, #value_name);
                        #write_entry_value
                    }
                }
            }
        }
    }
}

/// The runtime's text format for a timestamp: the member's own, else ISO 8601.
fn timestamp_text_format(explicit: Option<TimestampFormat>) -> TokenStream {
    match explicit.unwrap_or(TimestampFormat::Iso8601) {
        TimestampFormat::EpochSeconds => {
            quote!(::awsgen_runtime::protocol::TimestampText::EpochSeconds)
        }
        TimestampFormat::Iso8601 => quote!(::awsgen_runtime::protocol::TimestampText::Iso8601),
        TimestampFormat::HttpDate => quote!(::awsgen_runtime::protocol::TimestampText::HttpDate),
    }
}
