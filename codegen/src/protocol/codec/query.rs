//! Query requests (awsQuery and ec2Query): every structure and union an
//! input reaches implements the runtime's `WriteQuery`, writing its members as
//! form pairs under dotted keys, with the names and list and map layouts
//! botocore's `QuerySerializer` and `EC2Serializer` give them.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use crate::emit::rust_types::{ident, type_tokens};
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

/// The `WriteQuery` impl of a structure or union an operation input reaches.
/// One without members needs none, unless it is an operation's input, which
/// gets the trait's provided method, writing nothing.
pub fn write_query_impl(
    service: &Service,
    type_def: &TypeDef,
    def: &StructDef,
    dialect: QueryDialect,
) -> TokenStream {
    let name = ident(&type_def.rust_name);
    if def.members.is_empty() {
        return quote! { impl ::awsgen_runtime::query::WriteQuery for #name {} };
    }
    let model_name = &type_def.model_name;
    let writes = def.members.iter().map(|member| {
        let key = dialect.name(&member.xml, &member.model_name);
        let writer = Writer {
            service,
            dialect,
            explicit: member.explicit_timestamp_format,
        };
        let write = writer.write_under(&key, &member.ty, &member.xml, &format_ident!("value"), 0);
        (member, key, write)
    });
    let body = match &type_def.kind {
        TypeKind::Union(_) => {
            let arms = writes.map(|(member, _, write)| {
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
            let steps = writes.map(|(member, key, write)| {
                let field = ident(&member.field_name);
                let value = format_ident!("value");
                match written(
                    service,
                    &member.ty,
                    member.explicit_timestamp_format,
                    &value,
                ) {
                    Written::Scalar(_, Some(call)) if !member.boxed => {
                        let call = format_ident!("{call}");
                        quote! { body.#call(#key, &self.#field); }
                    }
                    _ => quote! {
                        if let ::std::option::Option::Some(value) = &self.#field {
                            #write
                        }
                    },
                }
            });
            quote! { #(#steps)* }
        }
    };
    quote! {
        impl ::awsgen_runtime::query::WriteQuery for #name {
            fn write_query(
                &self,
                body: &mut ::awsgen_runtime::query::FormBody,
            ) -> ::std::result::Result<(), ::awsgen_runtime::protocol::RequestError> {
                #body
                ::std::result::Result::Ok(())
            }
        }
    }
}

/// How a value of some type is written.
enum Written<'t> {
    /// As one pair: the expression of its text, and the `FormBody` method
    /// that writes an optional member of the type in one call, where the
    /// runtime has one (text, booleans and integers).
    Scalar(TokenStream, Option<&'static str>),
    /// By its type's `WriteQuery` impl, or (without members) not at all.
    Structure { has_members: bool },
    /// Its items under indexed keys.
    List(&'t RustType),
    /// Its entries under indexed keys, a key and a value each.
    Map(&'t RustType, &'t RustType),
}

/// How `value` (a reference to a `ty`) is written.
fn written<'t>(
    service: &Service,
    ty: &'t RustType,
    explicit: Option<TimestampFormat>,
    value: &Ident,
) -> Written<'t> {
    let (text, optional) = match ty {
        RustType::String => (quote!(#value), Some("optional_text")),
        RustType::Bool => (
            quote!(::awsgen_runtime::query::bool_text(*#value)),
            Some("optional_bool"),
        ),
        RustType::Byte
        | RustType::Short
        | RustType::Integer
        | RustType::Long
        | RustType::BigInteger => (quote!(&#value.to_string()), Some("optional_integer")),
        RustType::Document => (quote!(&#value.to_string()), None),
        RustType::Float => (
            quote!(&::awsgen_runtime::protocol::float32_text(*#value)),
            None,
        ),
        RustType::Double | RustType::BigDecimal => (
            quote!(&::awsgen_runtime::protocol::float_text(*#value)),
            None,
        ),
        RustType::Timestamp => {
            let format = timestamp_text_format(explicit);
            (
                quote!(&::awsgen_runtime::protocol::timestamp_text(#value, #format)),
                None,
            )
        }
        RustType::Blob => (
            quote!(&::awsgen_runtime::protocol::base64_text(#value.as_bytes())),
            None,
        ),
        RustType::Named(name) => match &service.types[name].kind {
            TypeKind::Enum(_) => (quote!(#value.as_str()), Some("optional_text")),
            TypeKind::Struct(def) => {
                return Written::Structure {
                    has_members: !def.members.is_empty(),
                }
            }
            TypeKind::Union(_) => return Written::Structure { has_members: true },
        },
        RustType::List(item) => return Written::List(item),
        RustType::Map(key, value) => return Written::Map(key, value),
    };
    Written::Scalar(text, optional)
}

/// What the writing of one member's value depends on besides the value.
struct Writer<'s> {
    service: &'s Service,
    dialect: QueryDialect,
    /// The member's own timestamp format, if it has one.
    explicit: Option<TimestampFormat>,
}

impl Writer<'_> {
    /// Writes `value` (a reference to a `ty`) under the segment `name` of the
    /// body's current key: one call for a scalar, else entering the segment,
    /// writing there and leaving it.
    fn write_under(
        &self,
        name: &str,
        ty: &RustType,
        form: &XmlForm,
        value: &Ident,
        depth: usize,
    ) -> TokenStream {
        if let Written::Scalar(text, _) = written(self.service, ty, self.explicit, value) {
            return quote! { body.member(#name, #text); };
        }
        let mark = format_ident!("member_{depth}");
        let write = self.write_value(ty, form, value, depth);
        quote! {
            let #mark = body.enter(#name);
            #write
            body.leave(#mark);
        }
    }

    /// The one call writing the list `value` of `item`s at the body's current
    /// key, when the runtime has one for such items: strings and string enums
    /// as text, structures by their `WriteQuery` impl.
    fn list_call(&self, item: &RustType, value: &Ident) -> Option<TokenStream> {
        match item {
            RustType::String => Some(quote! { body.text_items(#value); }),
            RustType::Named(name) => match &self.service.types[name].kind {
                TypeKind::Enum(_) => Some(quote! { body.text_items(#value); }),
                TypeKind::Struct(def) if def.members.is_empty() => None,
                TypeKind::Struct(_) | TypeKind::Union(_) => {
                    let path = type_tokens(self.service, item);
                    Some(
                        quote! { body.items(#value, <#path as ::awsgen_runtime::query::WriteQuery>::write_query)?; },
                    )
                }
            },
            _ => None,
        }
    }

    /// Writes `value` (a reference to a `ty`) at the body's current key; `depth`
    /// keeps the bindings of nested lists and maps apart.
    fn write_value(
        &self,
        ty: &RustType,
        form: &XmlForm,
        value: &Ident,
        depth: usize,
    ) -> TokenStream {
        match written(self.service, ty, self.explicit, value) {
            Written::Scalar(text, _) => quote! { body.value(#text); },
            Written::Structure { has_members: true } => quote! {
                ::awsgen_runtime::query::WriteQuery::write_query(#value, body)?;
            },
            // A structure without members writes nothing.
            Written::Structure { has_members: false } => quote! {
                let _ = #value;
            },
            Written::List(item) => {
                let item_form = match &form.items {
                    XmlItems::List(item_form) => item_form.as_ref(),
                    _ => &XmlForm::default(),
                };
                let item_ident = format_ident!("item_{depth}");
                let each = match self.list_call(item, value) {
                    Some(call) => call,
                    None => {
                        let index = format_ident!("index_{depth}");
                        let entry = format_ident!("entry_{depth}");
                        let write_item = self.write_value(item, item_form, &item_ident, depth + 1);
                        quote! {
                            for (#index, #item_ident) in #value.iter().enumerate() {
                                let #entry = body.enter_index(#index + 1);
                                #write_item
                                body.leave(#entry);
                            }
                        }
                    }
                };
                match self.dialect {
                    QueryDialect::Ec2 => each,
                    QueryDialect::Query => {
                        let list = format_ident!("list_{depth}");
                        let enter = if form.flattened {
                            // A flattened list's member name replaces the
                            // member's own as the last segment.
                            item_form
                                .name
                                .as_ref()
                                .map(|name| quote! { body.enter_renamed(#name) })
                        } else {
                            let name = self.dialect.name(item_form, "member");
                            Some(quote! { body.enter(#name) })
                        };
                        let each = match enter {
                            Some(enter) => quote! {
                                let #list = #enter;
                                #each
                                body.leave(#list);
                            },
                            None => each,
                        };
                        // botocore writes an empty list as an empty value.
                        quote! {
                            if #value.is_empty() {
                                body.value("");
                            } else {
                                #each
                            }
                        }
                    }
                }
            }
            Written::Map(key_ty, value_ty) => {
                let (key_form, value_form) = match &form.items {
                    XmlItems::Map(key_form, value_form) => (key_form.as_ref(), value_form.as_ref()),
                    _ => (&XmlForm::default(), &XmlForm::default()),
                };
                let key_name = self.dialect.name(key_form, "key");
                let value_name = self.dialect.name(value_form, "value");
                let entry_key = format_ident!("entry_key_{depth}");
                let entry_value = format_ident!("entry_value_{depth}");
                let index = format_ident!("index_{depth}");
                let entry = format_ident!("entry_{depth}");
                let write_key =
                    self.write_under(&key_name, key_ty, key_form, &entry_key, depth + 1);
                let write_entry_value =
                    self.write_under(&value_name, value_ty, value_form, &entry_value, depth + 1);
                let each = quote! {
                    for (#index, (#entry_key, #entry_value)) in #value.iter().enumerate() {
                        let #entry = body.enter_index(#index + 1);
                        #write_key
                        #write_entry_value
                        body.leave(#entry);
                    }
                };
                if form.flattened {
                    each
                } else {
                    let entries = format_ident!("entries_{depth}");
                    quote! {
                        let #entries = body.enter("entry");
                        #each
                        body.leave(#entries);
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
