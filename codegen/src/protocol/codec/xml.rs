//! XML responses (awsQuery and ec2Query): every structure and union an
//! output or error reaches gets a `from_xml` method reading its members from
//! an element of the parsed body, with the element names and list and map
//! layouts botocore's `BaseXMLResponseParser` reads.

use std::collections::BTreeMap;

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use crate::emit::rust_types::{ident, type_tokens};
use crate::ir::{
    Binding, MemberDef, RustType, Service, StructDef, TypeDef, TypeKind, XmlForm, XmlItems,
};

/// The element a member's value is read from (`_member_key_name`): a
/// flattened list's items carry the list member's name when it has one.
fn element_name(member: &MemberDef) -> String {
    if let (RustType::List(_), XmlItems::List(item)) = (&member.ty, &member.xml.items) {
        if member.xml.flattened {
            if let Some(name) = &item.name {
                return name.clone();
            }
        }
    }
    member
        .xml
        .name
        .clone()
        .unwrap_or_else(|| member.model_name.clone())
}

/// Whether each occurrence of the member's element is one more item or
/// entry (a flattened list or map) rather than the whole value.
fn repeats(member: &MemberDef) -> bool {
    member.xml.flattened && matches!(member.ty, RustType::List(_) | RustType::Map(..))
}

/// Whether a member bound to `binding` is read from the XML document: all
/// but those in headers and the status code, which botocore's
/// `BaseXMLResponseParser` leaves to the HTTP message (a member bound to the
/// URI or query string of requests is read from the body of responses), and
/// the payload, which is the document itself.
pub fn reads_from_body(binding: &Binding) -> bool {
    !matches!(
        binding,
        Binding::Header(_) | Binding::PrefixHeaders(_) | Binding::StatusCode | Binding::Payload
    )
}

/// Whether a structure has no members, and so reads as empty: it has no
/// `FromXml` impl unless it is a query operation's output.
pub fn reads_nothing(type_def: &TypeDef) -> bool {
    matches!(&type_def.kind, TypeKind::Struct(def) if def.members.is_empty())
}

/// The `FromXml` impl of a structure or union an output or error reaches.
pub fn from_xml_impl(service: &Service, type_def: &TypeDef, def: &StructDef) -> TokenStream {
    let name = ident(&type_def.rust_name);
    let context = type_def.model_name.as_str();
    let is_union = matches!(type_def.kind, TypeKind::Union(_));
    // Element name → what its occurrence sets; two members may read the same element.
    let mut arms: BTreeMap<String, Vec<TokenStream>> = BTreeMap::new();
    let mut order = Vec::new();
    let mut attributes = Vec::new();
    for member in def.members.iter().filter(|m| reads_from_body(&m.binding)) {
        let field = ident(&member.field_name);
        let child = format_ident!("child");
        if member.xml.attribute {
            let attribute = element_name(member);
            let read = read_text_value(service, &member.ty, quote!(text), quote!(element), context);
            attributes.push(quote! {
                if let ::std::option::Option::Some(text) = element.attribute(#attribute) {
                    value.#field = ::std::option::Option::Some(#read);
                }
            });
            continue;
        }
        let element = element_name(member);
        let step = if is_union {
            let variant = ident(&member.variant_name);
            let read = boxed(
                member,
                read_value(service, &member.ty, &member.xml, &child, context, 0),
            );
            quote! { return ::std::result::Result::Ok(#name::#variant(#read)); }
        } else if repeats(member) {
            match (&member.ty, &member.xml.items) {
                (RustType::List(item), XmlItems::List(item_form)) => {
                    let read = read_value(service, item, item_form, &child, context, 0);
                    quote! { value.#field.get_or_insert_with(::std::vec::Vec::new).push(#read); }
                }
                (RustType::Map(key, item), XmlItems::Map(key_form, item_form)) => {
                    let entry = read_entry(
                        service,
                        (key, key_form),
                        (item, item_form),
                        &child,
                        context,
                        0,
                    );
                    quote! {
                        if let ::std::option::Option::Some((key, item)) = #entry {
                            value.#field.get_or_insert_with(::std::collections::BTreeMap::new).insert(key, item);
                        }
                    }
                }
                _ => quote! {},
            }
        } else if let Some(reader) = slot_reader(service, member) {
            quote! { ::awsgen_runtime::xml::#reader(#child, &mut value.#field)?; }
        } else {
            let read = boxed(
                member,
                read_value(service, &member.ty, &member.xml, &child, context, 0),
            );
            quote! { value.#field = ::std::option::Option::Some(#read); }
        };
        if !arms.contains_key(&element) {
            order.push(element.clone());
        }
        arms.entry(element).or_default().push(step);
    }
    let dispatch = match order.as_slice() {
        [] => quote! {},
        // One element: an `if`, as clippy prefers to a one-arm `match`.
        [element] => {
            let steps = &arms[element];
            quote! {
                for child in element.children() {
                    if child.name() == #element {
                        #(#steps)*
                    }
                }
            }
        }
        _ => {
            let match_arms = order.iter().map(|element| {
                let steps = &arms[element];
                quote! { #element => { #(#steps)* } }
            });
            quote! {
                for child in element.children() {
                    match child.name() {
                        #(#match_arms)*
                        _ => {}
                    }
                }
            }
        }
    };
    if !is_union && order.is_empty() && attributes.is_empty() {
        // Every member travels in headers: the element holds nothing to read.
        return empty_from_xml_impl(type_def);
    }
    let body = if is_union {
        quote! {
            #dispatch
            // No member this crate knows: a member added to the union later.
            ::std::result::Result::Ok(#name::Unknown)
        }
    } else {
        quote! {
            let mut value = <Self as ::std::default::Default>::default();
            #dispatch
            #(#attributes)*
            ::std::result::Result::Ok(value)
        }
    };
    quote! {
        impl ::awsgen_runtime::xml::FromXml for #name {
            fn from_xml(
                element: ::awsgen_runtime::xml::XmlElement<'_>,
            ) -> ::std::result::Result<Self, ::awsgen_runtime::protocol::ResponseError> {
                #body
            }
        }
    }
}

/// `FromXml` for a structure that reads nothing from its element: it is
/// its default. Operation outputs of query protocols get it even without
/// members, for the `Operation` trait.
pub fn empty_from_xml_impl(type_def: &TypeDef) -> TokenStream {
    let name = ident(&type_def.rust_name);
    quote! {
        impl ::awsgen_runtime::xml::FromXml for #name {
            fn from_xml(
                _: ::awsgen_runtime::xml::XmlElement<'_>,
            ) -> ::std::result::Result<Self, ::awsgen_runtime::protocol::ResponseError> {
                ::std::result::Result::Ok(<Self as ::std::default::Default>::default())
            }
        }
    }
}

/// The runtime function that reads a structure member into its field, for
/// the members most responses hold: a structure (`read_into`) or a list of
/// structures (`read_list_into`), unboxed. One call per member costs rustc
/// less to check than the read written out.
fn slot_reader(service: &Service, member: &MemberDef) -> Option<Ident> {
    if member.boxed {
        return None;
    }
    match &member.ty {
        ty if reads_with_from_xml(service, ty) => Some(format_ident!("read_into")),
        RustType::List(item) if reads_with_from_xml(service, item) => {
            Some(format_ident!("read_list_into"))
        }
        _ => None,
    }
}

/// Whether a `ty` is read by its own `FromXml` impl: a structure or union
/// with something to read (an enum is read from text, an empty structure is
/// its default).
fn reads_with_from_xml(service: &Service, ty: &RustType) -> bool {
    match ty {
        RustType::Named(name) => {
            let type_def = &service.types[name];
            !matches!(type_def.kind, TypeKind::Enum(_)) && !reads_nothing(type_def)
        }
        _ => false,
    }
}

fn boxed(member: &MemberDef, read: TokenStream) -> TokenStream {
    if member.boxed {
        quote!(::std::boxed::Box::new(#read))
    } else {
        read
    }
}

/// The expression reading a `ty` from the element bound to `element`.
fn read_value(
    service: &Service,
    ty: &RustType,
    form: &XmlForm,
    element: &Ident,
    context: &str,
    depth: usize,
) -> TokenStream {
    match ty {
        RustType::Named(name) if !matches!(service.types[name].kind, TypeKind::Enum(_)) => {
            let path = type_tokens(service, ty);
            if reads_nothing(&service.types[name]) {
                quote!(<#path as ::std::default::Default>::default())
            } else {
                quote!(<#path as ::awsgen_runtime::xml::FromXml>::from_xml(#element)?)
            }
        }
        RustType::List(item) => {
            let item_form = match &form.items {
                XmlItems::List(item_form) => item_form.as_ref(),
                _ => &XmlForm::default(),
            };
            // Every child of the wrapper is an item, whatever its name, as botocore reads them.
            match &**item {
                RustType::String => {
                    return quote!(::awsgen_runtime::xml::text_list::<::std::string::String>(#element))
                }
                RustType::Named(name) => {
                    let path = type_tokens(service, item);
                    if matches!(service.types[name].kind, TypeKind::Enum(_)) {
                        return quote!(::awsgen_runtime::xml::text_list::<#path>(#element));
                    }
                    if reads_with_from_xml(service, item) {
                        return quote!(::awsgen_runtime::xml::list(#element, <#path as ::awsgen_runtime::xml::FromXml>::from_xml)?);
                    }
                }
                _ => {}
            }
            let child = format_ident!("item_{depth}");
            let read = read_value(service, item, item_form, &child, context, depth + 1);
            quote! {{
                let mut items = ::std::vec::Vec::with_capacity(#element.children().len());
                for #child in #element.children() {
                    items.push(#read);
                }
                items
            }}
        }
        RustType::Map(key, item) => {
            let (key_form, item_form) = match &form.items {
                XmlItems::Map(key_form, item_form) => (key_form.as_ref(), item_form.as_ref()),
                _ => (&XmlForm::default(), &XmlForm::default()),
            };
            let child = format_ident!("entry_{depth}");
            let entry = read_entry(
                service,
                (key, key_form),
                (item, item_form),
                &child,
                context,
                depth + 1,
            );
            quote! {{
                let mut map = ::std::collections::BTreeMap::new();
                for #child in #element.children() {
                    if let ::std::option::Option::Some((key, item)) = #entry {
                        map.insert(key, item);
                    }
                }
                map
            }}
        }
        _ => read_text_value(
            service,
            ty,
            quote!(#element.text()),
            quote!(#element),
            context,
        ),
    }
}

/// The expression reading one map entry (`<entry><key/><value/></entry>`, the
/// names from the model) as `Option<(key, value)>`: an entry without both is
/// skipped.
fn read_entry(
    service: &Service,
    (key_ty, key_form): (&RustType, &XmlForm),
    (item_ty, item_form): (&RustType, &XmlForm),
    entry: &Ident,
    context: &str,
    depth: usize,
) -> TokenStream {
    let key_name = key_form.name.clone().unwrap_or_else(|| "key".to_owned());
    let item_name = item_form.name.clone().unwrap_or_else(|| "value".to_owned());
    let part = format_ident!("part_{depth}");
    let read_key = read_value(service, key_ty, key_form, &part, context, depth + 1);
    let read_item = read_value(service, item_ty, item_form, &part, context, depth + 1);
    quote! {{
        let mut key = ::std::option::Option::None;
        let mut item = ::std::option::Option::None;
        for #part in #entry.children() {
            match #part.name() {
                #key_name => key = ::std::option::Option::Some(#read_key),
                #item_name => item = ::std::option::Option::Some(#read_item),
                _ => return ::std::result::Result::Err(::awsgen_runtime::xml::unexpected(#part, #context)),
            }
        }
        key.zip(item)
    }}
}

/// The expression reading a scalar `ty` from `text` (a `&str`) found at the
/// element `at` (named in errors).
fn read_text_value(
    service: &Service,
    ty: &RustType,
    text: TokenStream,
    at: TokenStream,
    context: &str,
) -> TokenStream {
    match ty {
        RustType::String => quote!(::std::string::String::from(#text)),
        RustType::Document => {
            quote!(::awsgen_runtime::serde_json::Value::String(::std::string::String::from(#text)))
        }
        // botocore reads anything but `true` as false.
        RustType::Bool => quote!(#text == "true"),
        RustType::Float => quote!(::awsgen_runtime::xml::float(#text, #at, #context)? as f32),
        RustType::Double | RustType::BigDecimal => {
            quote!(::awsgen_runtime::xml::float(#text, #at, #context)?)
        }
        RustType::Timestamp => quote!(::awsgen_runtime::xml::timestamp(#text, #at, #context)?),
        RustType::Blob => quote!(::awsgen_runtime::xml::blob(#text, #at, #context)?),
        RustType::Named(_) => {
            let path = type_tokens(service, ty);
            quote!(#path::from(#text))
        }
        other => {
            let ty = type_tokens(service, other);
            quote!(::awsgen_runtime::xml::number::<#ty>(#text, #at, #context)?)
        }
    }
}

/// The body as an `Option` of the payload type `ty` (its root element);
/// an empty body is an absent payload.
pub fn read_payload(ty: TokenStream, boxed: bool, context: &str) -> TokenStream {
    let read = quote!(<#ty as ::awsgen_runtime::xml::FromXml>::from_xml(document.root())?);
    let read = if boxed {
        quote!(::std::boxed::Box::new(#read))
    } else {
        read
    };
    quote! {
        if response.body().is_empty() {
            ::std::option::Option::None
        } else {
            let document = ::awsgen_runtime::xml::parse_body(response.body(), #context)?;
            ::std::option::Option::Some(#read)
        }
    }
}

/// The body's members into a fresh `Self`: an error's from the error
/// element (`<ErrorResponse><Error>`, EC2's `<Response><Errors><Error>`),
/// an output's from its result wrapper (`<OperationResult>`) when the
/// operation names one, else from the root; an empty body reads as empty.
pub fn read_body_members(service: &Service, type_def: &TypeDef, def: &StructDef) -> TokenStream {
    let context = type_def.model_name.as_str();
    let wrapper = service
        .operations
        .iter()
        .find(|op| op.output.as_deref() == Some(type_def.model_name.as_str()))
        .and_then(|op| op.result_wrapper.as_deref());
    let at = if def.error.is_some() {
        quote!(Error)
    } else if let Some(wrapper) = wrapper {
        quote!(Child(#wrapper))
    } else {
        quote!(Root)
    };
    quote! {
        ::awsgen_runtime::xml::read_body(
            response.body(),
            #context,
            ::awsgen_runtime::xml::MembersAt::#at,
            <Self as ::awsgen_runtime::xml::FromXml>::from_xml,
        )?
    }
}
