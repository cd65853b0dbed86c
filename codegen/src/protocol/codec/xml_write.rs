//! XML request bodies (restXml): every structure and union that travels in
//! a request body gets a `write_xml` method writing itself as one element,
//! with the element names, namespaces, attributes and list and map layouts
//! of botocore's `RestXMLSerializer`.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use crate::emit::rust_types::ident;
use crate::ir::{
    Binding, MemberDef, OperationDef, RustType, Service, StructDef, TimestampFormat, TypeDef,
    TypeKind, XmlForm, XmlItems, XmlNamespace,
};

use super::xml::reads_nothing;

/// The `(attribute, uri)` of the declaration a form makes: `("xmlns", uri)`
/// or `("xmlns:prefix", uri)`.
fn declaration(namespace: &XmlNamespace) -> (String, &str) {
    let attribute = match &namespace.prefix {
        Some(prefix) => format!("xmlns:{prefix}"),
        None => "xmlns".to_owned(),
    };
    (attribute, &namespace.uri)
}

/// `Some((attribute, uri))` for the declaration a form makes, else `None`:
/// the `namespace` argument of `write_xml`.
fn namespace_argument(namespace: Option<&XmlNamespace>) -> TokenStream {
    match namespace.map(declaration) {
        Some((attribute, uri)) => quote!(::std::option::Option::Some((#attribute, #uri))),
        None => quote!(::std::option::Option::None),
    }
}

/// Opens `element`, with the declaration of `namespace` if any.
fn open_element(element: &str, namespace: Option<&XmlNamespace>) -> TokenStream {
    match namespace.map(declaration) {
        Some((attribute, uri)) => quote! {
            writer.start(#element);
            writer.attribute(#attribute, #uri);
        },
        None => quote! { writer.start(#element); },
    }
}

/// The element a member is written as: its `locationName`, else its name.
fn element_name(member: &MemberDef) -> String {
    member
        .xml
        .name
        .clone()
        .unwrap_or_else(|| member.model_name.clone())
}

/// `write_xml` for a structure or union that travels in a request body.
/// A structure writes only its members bound to the body: the others of an
/// operation input travel in the URI, query string and headers.
pub fn write_xml_impl(service: &Service, type_def: &TypeDef, def: &StructDef) -> TokenStream {
    let name = ident(&type_def.rust_name);
    let context = type_def.model_name.as_str();
    let body_members = def.members.iter().filter(|m| m.binding == Binding::Body);
    let content = if let TypeKind::Union(_) = type_def.kind {
        let arms = def.members.iter().map(|member| {
            let variant = ident(&member.variant_name);
            let write = write_value(
                service,
                member,
                &member.ty,
                &member.xml,
                &element_name(member),
                &format_ident!("value"),
                0,
            );
            quote! { #name::#variant(value) => { #write } }
        });
        quote! {
            match self {
                #(#arms)*
                #name::Unknown => {
                    return ::std::result::Result::Err(::awsgen_runtime::protocol::RequestError::UnknownUnionMember { union: #context });
                }
            }
        }
    } else {
        let (attributes, children): (Vec<&MemberDef>, Vec<&MemberDef>) =
            body_members.partition(|m| m.xml.attribute);
        let attributes = attributes.into_iter().map(|member| {
            let field = ident(&member.field_name);
            let attribute = element_name(member);
            let text = text_expr(member, &member.ty, &format_ident!("value"));
            quote! {
                if let ::std::option::Option::Some(value) = &self.#field {
                    writer.attribute(#attribute, #text);
                }
            }
        });
        let children = children.into_iter().map(|member| {
            let field = ident(&member.field_name);
            let write = write_value(
                service,
                member,
                &member.ty,
                &member.xml,
                &element_name(member),
                &format_ident!("value"),
                0,
            );
            quote! {
                if let ::std::option::Option::Some(value) = &self.#field {
                    #write
                }
            }
        });
        quote! {
            #(#attributes)*
            #(#children)*
        }
    };
    let doc = format!(
        " Writes a `{context}` as the element `name`, declaring `namespace` (`(attribute, uri)`) on it when given."
    );
    quote! {
        impl #name {
            #[doc = #doc]
            pub(crate) fn write_xml(
                &self,
                writer: &mut ::awsgen_runtime::xml::XmlWriter,
                name: &str,
                namespace: ::std::option::Option<(&str, &str)>,
            ) -> ::std::result::Result<(), ::awsgen_runtime::protocol::RequestError> {
                writer.start_declaring(name, namespace);
                #content
                writer.end(name);
                ::std::result::Result::Ok(())
            }
        }
    }
}

/// Statements writing `value` (a reference to a `ty`) as the element
/// `element` of the form `form`; `member` is the structure member it
/// belongs to (its timestamp format).
fn write_value(
    service: &Service,
    member: &MemberDef,
    ty: &RustType,
    form: &XmlForm,
    element: &str,
    value: &Ident,
    depth: usize,
) -> TokenStream {
    let namespace = form.namespace.as_ref();
    match ty {
        RustType::Named(name) if !matches!(service.types[name].kind, TypeKind::Enum(_)) => {
            if reads_nothing(&service.types[name]) {
                let start = open_element(element, namespace);
                quote! {
                    let _ = #value;
                    #start
                    writer.end(#element);
                }
            } else {
                let namespace = namespace_argument(namespace);
                quote! { #value.write_xml(writer, #element, #namespace)?; }
            }
        }
        RustType::List(item) => {
            let item_form = match &form.items {
                XmlItems::List(item_form) => item_form.as_ref(),
                _ => &XmlForm::default(),
            };
            let item_value = format_ident!("item_{depth}");
            if form.flattened {
                // Each item repeats the list's own element; there is no
                // wrapper to declare the list's namespace on.
                let write = write_value(
                    service,
                    member,
                    item,
                    item_form,
                    element,
                    &item_value,
                    depth + 1,
                );
                quote! {
                    for #item_value in #value {
                        #write
                    }
                }
            } else {
                let item_element = item_form.name.as_deref().unwrap_or("member");
                let write = write_value(
                    service,
                    member,
                    item,
                    item_form,
                    item_element,
                    &item_value,
                    depth + 1,
                );
                let start = open_element(element, namespace);
                quote! {
                    #start
                    for #item_value in #value {
                        #write
                    }
                    writer.end(#element);
                }
            }
        }
        RustType::Map(key, item) => {
            let (key_form, item_form) = match &form.items {
                XmlItems::Map(key_form, item_form) => (key_form.as_ref(), item_form.as_ref()),
                _ => (&XmlForm::default(), &XmlForm::default()),
            };
            let key_value = format_ident!("key_{depth}");
            let item_value = format_ident!("value_{depth}");
            let key_element = key_form.name.as_deref().unwrap_or("key");
            let item_element = item_form.name.as_deref().unwrap_or("value");
            let write_key = write_value(
                service,
                member,
                key,
                key_form,
                key_element,
                &key_value,
                depth + 1,
            );
            let write_item = write_value(
                service,
                member,
                item,
                item_form,
                item_element,
                &item_value,
                depth + 1,
            );
            if form.flattened {
                quote! {
                    for (#key_value, #item_value) in #value {
                        writer.start(#element);
                        #write_key
                        #write_item
                        writer.end(#element);
                    }
                }
            } else {
                let start = open_element(element, namespace);
                quote! {
                    #start
                    for (#key_value, #item_value) in #value {
                        writer.start("entry");
                        #write_key
                        #write_item
                        writer.end("entry");
                    }
                    writer.end(#element);
                }
            }
        }
        _ => {
            let text = text_expr(member, ty, value);
            match namespace {
                Some(_) => {
                    let start = open_element(element, namespace);
                    quote! {
                        #start
                        writer.text(#text);
                        writer.end(#element);
                    }
                }
                None => quote! { writer.element(#element, #text); },
            }
        }
    }
}

/// A `&str` expression giving the text of the scalar `value` (a reference
/// to a `ty`), in the form botocore writes in XML bodies: ISO 8601
/// timestamps unless the member says otherwise.
fn text_expr(member: &MemberDef, ty: &RustType, value: &Ident) -> TokenStream {
    match ty {
        RustType::String | RustType::Named(_) => quote!(#value.as_str()),
        RustType::Bool => quote!(if *#value { "true" } else { "false" }),
        RustType::Float => quote!(&::awsgen_runtime::protocol::float32_text(*#value)),
        RustType::Double | RustType::BigDecimal => {
            quote!(&::awsgen_runtime::protocol::float_text(*#value))
        }
        RustType::Timestamp => {
            let format = match member
                .explicit_timestamp_format
                .unwrap_or(TimestampFormat::Iso8601)
            {
                TimestampFormat::EpochSeconds => quote!(EpochSeconds),
                TimestampFormat::Iso8601 => quote!(Iso8601),
                TimestampFormat::HttpDate => quote!(HttpDate),
            };
            quote!(&::awsgen_runtime::protocol::timestamp_text(#value, ::awsgen_runtime::protocol::TimestampText::#format))
        }
        RustType::Blob => quote!(&::awsgen_runtime::protocol::base64_text(#value.as_bytes())),
        _ => quote!(&#value.to_string()),
    }
}

/// The root element of a body that is the payload `member`: the member's
/// `locationName`, else its shape's name.
pub fn payload_element(service: &Service, member: &MemberDef) -> String {
    match (&member.xml.name, &member.ty) {
        (Some(name), _) => name.clone(),
        (None, RustType::Named(name)) => service.types[name].model_name.clone(),
        (None, _) => member.model_name.clone(),
    }
}

/// The root element of a body made of the input's members: the input
/// reference's (or shape's) `locationName`, else the input shape's name.
pub fn body_element(op: &OperationDef) -> String {
    op.input_xml
        .name
        .clone()
        .or_else(|| op.input.clone())
        .unwrap_or_default()
}

/// Writes `value` (a reference to the structure or union `ty`) as the
/// whole body, the root element named by the payload member's form.
pub fn write_document(
    service: &Service,
    member: &MemberDef,
    ty: &RustType,
    value: TokenStream,
) -> TokenStream {
    let element = payload_element(service, member);
    let write = match ty {
        RustType::Named(name) if reads_nothing(&service.types[name]) => {
            let start = open_element(&element, member.xml.namespace.as_ref());
            quote! {
                let _ = #value;
                #start
                writer.end(#element);
            }
        }
        _ => {
            let namespace = namespace_argument(member.xml.namespace.as_ref());
            quote! { #value.write_xml(&mut writer, #element, #namespace)?; }
        }
    };
    quote! {
        let mut writer = ::awsgen_runtime::xml::XmlWriter::new();
        #write
        request.body("application/xml", writer.finish());
    }
}

/// Writes the input's members bound to the body, as the root element the
/// operation's input reference names (else the input shape's name).
pub fn write_body_members(op: &OperationDef) -> TokenStream {
    let element = body_element(op);
    let namespace = namespace_argument(op.input_xml.namespace.as_ref());
    quote! {
        let mut writer = ::awsgen_runtime::xml::XmlWriter::new();
        input.write_xml(&mut writer, #element, #namespace)?;
        request.body("application/xml", writer.finish());
    }
}
