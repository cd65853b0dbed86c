//! botocore protocol compliance suites as Rust tests.
//!
//! A suite file holds suites, each a small model (`metadata`, `shapes`) and
//! cases whose `given` is an operation. Each suite becomes a model for the
//! generator; each case becomes a `#[test]` that builds the input from the
//! case's `params` and compares the serialized request with the expected one.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use serde_json::{json, Map, Value};

use std::collections::BTreeSet;

use crate::ir::{Binding, OperationDef, RustType, Service, TypeKind, XmlForm, XmlItems};
use crate::naming::field_name;
use crate::protocol::codec::xml_write;
use crate::protocol::BodyFormat;

/// Whether a suite file describes requests (`input`) or responses (`output`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SuiteKind {
    /// params → expected HTTP request.
    Input,
    /// HTTP response → expected result or error.
    Output,
}

/// One case, ready to run.
#[derive(Debug, Clone, PartialEq)]
pub struct Case {
    /// The case's id (or a made-up one for suites without ids).
    pub id: String,
    /// Rust test function name.
    pub test_name: String,
    /// The operation the case exercises, as named in the suite's model.
    pub operation: String,
    /// The case as written in the suite file.
    pub json: Value,
    /// The endpoint the suite's client uses (`clientEndpoint`), when it names one.
    pub client_endpoint: Option<String>,
}

/// One suite: its model and cases.
#[derive(Debug, Clone, PartialEq)]
pub struct Suite {
    /// The suite's description.
    pub description: String,
    /// The `service-2.json` text of the suite's model.
    pub model_json: String,
    /// The protocol of the suite.
    pub protocol: String,
    /// The cases.
    pub cases: Vec<Case>,
}

/// The shapes of one suite, as written.
#[derive(serde::Deserialize)]
struct RawShapes {
    #[serde(default)]
    shapes: Option<Box<serde_json::value::RawValue>>,
}

/// Reads a suite file: its kind and its suites.
pub fn parse_suite_file(text: &str) -> Result<(SuiteKind, Vec<Suite>), String> {
    let suites: Vec<Value> =
        serde_json::from_str(text).map_err(|err| format!("not a suite file: {err}"))?;
    // The shapes as written: a `Value` map sorts members by name, and the
    // query protocols write members in model order.
    let raw_shapes: Vec<RawShapes> =
        serde_json::from_str(text).map_err(|err| format!("not a suite file: {err}"))?;
    let is_output = suites
        .iter()
        .flat_map(|suite| suite["cases"].as_array().into_iter().flatten())
        .any(|case| case.get("response").is_some());
    let kind = if is_output {
        SuiteKind::Output
    } else {
        SuiteKind::Input
    };
    let mut out = Vec::new();
    let mut used_names = std::collections::BTreeSet::new();
    for (suite_index, suite) in suites.iter().enumerate() {
        let cases = suite["cases"]
            .as_array()
            .ok_or_else(|| format!("suite {suite_index}: no cases"))?;
        let mut operations = Map::new();
        let mut suite_cases = Vec::new();
        let suite_protocol = suite["metadata"]["protocol"].as_str().unwrap_or_default();
        for (case_index, case) in cases.iter().enumerate() {
            let mut given = case["given"].clone();
            let base = given["name"].as_str().unwrap_or("Operation").to_string();
            // As botocore's runner: a query output with members is read from
            // `<{operation}Result>`, which the suites' models leave unsaid.
            if kind == SuiteKind::Output && suite_protocol == "query" {
                let output_shape = given["output"]["shape"].as_str().unwrap_or_default();
                let has_members = suite["shapes"][output_shape]["members"]
                    .as_object()
                    .is_some_and(|members| !members.is_empty());
                if has_members {
                    given["output"]["resultWrapper"] = json!(format!("{base}Result"));
                }
            }
            // Cases of a suite may describe the same operation differently; keep each apart.
            let mut name = base.clone();
            if operations
                .get(&name)
                .is_some_and(|existing| existing != &given)
            {
                name = format!("{base}{case_index}");
                given["name"] = json!(name);
            }
            operations.insert(name.clone(), given);
            let id = case["id"].as_str().map_or_else(
                || format!("{}-{suite_index}-{case_index}", base),
                str::to_string,
            );
            let mut test_name = format!("case_{}", field_name(&id));
            while !used_names.insert(test_name.clone()) {
                test_name.push('_');
            }
            let client_endpoint = case
                .get("clientEndpoint")
                .or_else(|| suite.get("clientEndpoint"))
                .and_then(Value::as_str)
                .map(str::to_owned);
            suite_cases.push(Case {
                id,
                test_name,
                operation: name,
                json: case.clone(),
                client_endpoint,
            });
        }
        let mut metadata = suite["metadata"].clone();
        if metadata.get("apiVersion").is_none() {
            metadata["apiVersion"] = json!("2014-01-01");
        }
        let protocol = metadata["protocol"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        let shapes = raw_shapes
            .get(suite_index)
            .and_then(|raw| raw.shapes.as_deref())
            .map_or("{}", |shapes| shapes.get());
        let model_json = format!(
            r#"{{"metadata": {metadata}, "operations": {}, "shapes": {shapes}}}"#,
            Value::Object(operations)
        );
        out.push(Suite {
            description: suite["description"]
                .as_str()
                .unwrap_or_default()
                .to_string(),
            model_json,
            protocol,
            cases: suite_cases,
        });
    }
    Ok((kind, out))
}

/// The `#[test]` for one input case: build the input, serialize, compare.
pub fn input_case_test(service: &Service, case: &Case) -> Result<TokenStream, String> {
    let op = service
        .operations
        .iter()
        .find(|op| op.model_name == case.operation)
        .ok_or_else(|| format!("no operation {}", case.operation))?;
    let lib = format_ident!("{}", service.lib_name);
    let op_type = format_ident!("{}", op.rust_name);
    let params = &case.json["params"];
    let input = match &op.input {
        Some(shape) => value_expr(service, &RustType::Named(shape.clone()), params)?,
        None => quote!(()),
    };
    let serialized = &case.json["serialized"];
    let expected = serialized.to_string();
    let test_name = format_ident!("{}", case.test_name);
    let id = &case.id;
    let same_body = match crate::protocol::request_body_format(service) {
        Some(BodyFormat::Xml) => {
            let map_entries = xml_map_entry_paths(service, op, params);
            quote!(&|expected, actual| xml_support::same_xml(expected, actual, &[#(#map_entries),*]))
        }
        Some(BodyFormat::Form) => quote!(&support::same_form),
        Some(BodyFormat::Cbor) => {
            let expected = base64_body(&case.json["serialized"]["body"])?;
            let expected = proc_macro2::Literal::byte_string(&expected);
            quote!(&|_, actual| cbor_support::same_cbor(#expected, actual))
        }
        Some(BodyFormat::Json) | None => quote!(&support::same_json_or_bytes),
    };
    // botocore's runner reads the host off the suite's endpoint, and
    // compares list headers with the spaces after commas removed.
    let endpoint_host = endpoint_host(case.client_endpoint.as_deref());
    let list_headers = list_headers(service, op)
        .into_iter()
        .map(|(name, timestamps)| {
            quote! { (#name, #timestamps) }
        });
    Ok(quote! {
        #[test]
        fn #test_name() {
            let input = #input;
            let request = <#lib::operation::#op_type as #lib::operation::Operation>::serialize_request(&input);
            support::check_request(
                #id,
                request,
                |request| request.extensions().get::<#lib::protocol::HostPrefix>().map(|prefix| prefix.0.clone()),
                support::Expectation {
                    json: #expected,
                    endpoint_host: #endpoint_host,
                    list_headers: &[#(#list_headers),*],
                    same_body: #same_body,
                },
            );
        }
    })
}

/// The bytes of a body the suite writes in base64 (binary protocols); none is empty.
fn base64_body(body: &Value) -> Result<Vec<u8>, String> {
    use base64::Engine as _;
    let text = body.as_str().unwrap_or_default();
    base64::engine::general_purpose::STANDARD
        .decode(text)
        .map_err(|err| format!("the body is not base64: {err}"))
}

/// The paths (local names from the root, `/`-joined) of the map entries in
/// the XML body of a request made from `params`: their order is not part of
/// the document.
fn xml_map_entry_paths(service: &Service, op: &OperationDef, params: &Value) -> Vec<String> {
    let mut paths = BTreeSet::new();
    let Some(input) = &op.input else {
        return Vec::new();
    };
    let TypeKind::Struct(def) = &service.types[input].kind else {
        return Vec::new();
    };
    match def.members.iter().find(|m| m.binding == Binding::Payload) {
        Some(member) => {
            let root = xml_write::payload_element(service, member);
            walk_xml_maps(
                service,
                &member.ty,
                &member.xml,
                &root,
                &params[&member.model_name],
                &mut paths,
            );
        }
        None => {
            let root = xml_write::body_element(op);
            walk_xml_maps(
                service,
                &RustType::Named(input.clone()),
                &XmlForm::default(),
                &root,
                params,
                &mut paths,
            );
        }
    }
    paths.into_iter().collect()
}

/// Adds the map-entry paths under the element at `path`, which holds
/// `value`, a `ty` of the form `form`.
fn walk_xml_maps(
    service: &Service,
    ty: &RustType,
    form: &XmlForm,
    path: &str,
    value: &Value,
    paths: &mut BTreeSet<String>,
) {
    match ty {
        RustType::Named(name) => {
            let (TypeKind::Struct(def) | TypeKind::Union(def)) = &service.types[name].kind else {
                return;
            };
            for member in &def.members {
                let Some(member_value) = value.get(&member.model_name) else {
                    continue;
                };
                let element = member.xml.name.as_deref().unwrap_or(&member.model_name);
                walk_xml_maps(
                    service,
                    &member.ty,
                    &member.xml,
                    &format!("{path}/{element}"),
                    member_value,
                    paths,
                );
            }
        }
        RustType::List(item) => {
            let item_form = match &form.items {
                XmlItems::List(item_form) => item_form.as_ref(),
                _ => &XmlForm::default(),
            };
            // A flattened list's items repeat its own element.
            let item_path = if form.flattened {
                path.to_owned()
            } else {
                format!("{path}/{}", item_form.name.as_deref().unwrap_or("member"))
            };
            for item_value in value.as_array().into_iter().flatten() {
                walk_xml_maps(service, item, item_form, &item_path, item_value, paths);
            }
        }
        RustType::Map(_, item) => {
            let item_form = match &form.items {
                XmlItems::Map(_, item_form) => item_form.as_ref(),
                _ => &XmlForm::default(),
            };
            let entry = if form.flattened {
                path.to_owned()
            } else {
                format!("{path}/entry")
            };
            let item_path = format!("{entry}/{}", item_form.name.as_deref().unwrap_or("value"));
            paths.insert(entry);
            for item_value in value.as_object().into_iter().flatten().map(|(_, v)| v) {
                walk_xml_maps(service, item, item_form, &item_path, item_value, paths);
            }
        }
        _ => {}
    }
}

/// The host of a `clientEndpoint` URL (`https://example.com/custom` gives
/// `example.com`), or botocore's suites' usual `example.com`.
fn endpoint_host(client_endpoint: Option<&str>) -> String {
    let Some(url) = client_endpoint else {
        return "example.com".to_owned();
    };
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    rest.split(['/', '?']).next().unwrap_or(rest).to_owned()
}

/// The input's members bound to a header that are lists: `(header, items are timestamps)`.
fn list_headers(service: &Service, op: &crate::ir::OperationDef) -> Vec<(String, bool)> {
    let Some(TypeKind::Struct(def)) = op.input.as_ref().map(|shape| &service.types[shape].kind)
    else {
        return Vec::new();
    };
    def.members
        .iter()
        .filter_map(|member| match (&member.binding, &member.ty) {
            (crate::ir::Binding::Header(name), RustType::List(item)) => {
                Some((name.clone(), matches!(item.as_ref(), RustType::Timestamp)))
            }
            _ => None,
        })
        .collect()
}

/// The `#[test]` for one output case: parse the response, compare the result or error.
pub fn output_case_test(service: &Service, case: &Case) -> Result<TokenStream, String> {
    let op = service
        .operations
        .iter()
        .find(|op| op.model_name == case.operation)
        .ok_or_else(|| format!("no operation {}", case.operation))?;
    let lib = format_ident!("{}", service.lib_name);
    let op_type = format_ident!("{}", op.rust_name);
    let error_type = format_ident!("{}Error", op.rust_name);
    let response = case.json["response"].to_string();
    // Binary bodies are base64 in the suites, as botocore's runner decodes them.
    let binary_body = match crate::protocol::request_body_format(service) {
        Some(BodyFormat::Cbor) => {
            let body = base64_body(&case.json["response"]["body"])?;
            let body = proc_macro2::Literal::byte_string(&body);
            quote!(::std::option::Option::Some(#body))
        }
        _ => quote!(::std::option::Option::None),
    };
    let test_name = format_ident!("{}", case.test_name);
    let id = &case.id;
    let check = if let Some(error) = case.json.get("error") {
        let code = case.json["errorCode"]
            .as_str()
            .ok_or("an error case without errorCode")?;
        let shape = op
            .errors
            .iter()
            .find(|shape| match &service.types[*shape].kind {
                TypeKind::Struct(def) => {
                    def.error
                        .as_ref()
                        .map_or(shape.as_str(), |e| e.code.as_str())
                        == code
                }
                _ => false,
            })
            .ok_or_else(|| format!("the operation documents no error {code}"))?;
        let variant = format_ident!("{}", service.types[shape].rust_name);
        let expected = value_expr(service, &RustType::Named(shape.clone()), error)?;
        let message_check = case.json.get("errorMessage").and_then(|m| m.as_str()).map(|message| {
            quote! {
                let shown = error.to_string();
                assert!(shown.contains(#message), "{}: message {:?} not in {:?}", #id, #message, shown);
            }
        });
        quote! {
            match parsed {
                ::std::result::Result::Err(error) => {
                    assert_eq!(error.code(), ::std::option::Option::Some(#code), "{}: error code", #id);
                    #message_check
                    match error {
                        #lib::operation::#error_type::#variant(actual) => {
                            let expected = #expected;
                            response_support::check_value(#id, &actual, &expected);
                        }
                        other => panic!("{}: expected the {} variant, got {other:?}", #id, #code),
                    }
                }
                ::std::result::Result::Ok(output) => panic!("{}: expected error {}, got output {output:?}", #id, #code),
            }
        }
    } else if let Some(code) = case.json.get("errorCode") {
        // An error the model does not describe (EC2 models none): botocore
        // raises a plain ClientError with the code, message and request id.
        let code = code.as_str().ok_or("errorCode is not a string")?;
        let message = case.json["errorMessage"]
            .as_str()
            .ok_or("an unmodeled error case without errorMessage")?;
        let request_id = case.json["errorRequestId"]
            .as_str()
            .ok_or("an unmodeled error case without errorRequestId")?;
        quote! {
            match parsed {
                ::std::result::Result::Err(#lib::operation::#error_type::Unhandled(meta)) => {
                    assert_eq!(meta.code.as_deref(), ::std::option::Option::Some(#code), "{}: error code", #id);
                    assert_eq!(meta.message.as_deref(), ::std::option::Option::Some(#message), "{}: error message", #id);
                    assert_eq!(meta.request_id.as_deref(), ::std::option::Option::Some(#request_id), "{}: request id", #id);
                }
                other => panic!("{}: expected an unhandled error {}, got {other:?}", #id, #code),
            }
        }
    } else {
        let expected = match &op.output {
            Some(shape) => value_expr(
                service,
                &RustType::Named(shape.clone()),
                &case.json["result"],
            )?,
            None => quote!(()),
        };
        quote! {
            match parsed {
                ::std::result::Result::Ok(output) => {
                    let expected = #expected;
                    response_support::check_value(#id, &output, &expected);
                }
                ::std::result::Result::Err(error) => panic!("{}: expected an output, got error {error} ({error:?})", #id),
            }
        }
    };
    Ok(quote! {
        #[test]
        fn #test_name() {
            let response = response_support::response_with_body(#response, #binary_body);
            let parsed = <#lib::operation::#op_type as #lib::operation::Operation>::parse_response(&response);
            #check
        }
    })
}

/// A Rust expression of type `ty` for a `params` value.
fn value_expr(service: &Service, ty: &RustType, value: &Value) -> Result<TokenStream, String> {
    let lib = format_ident!("{}", service.lib_name);
    Ok(match ty {
        RustType::String => {
            let text = value
                .as_str()
                .ok_or_else(|| format!("expected a string, found {value}"))?;
            quote! { ::std::string::String::from(#text) }
        }
        RustType::Bool => {
            let flag = value
                .as_bool()
                .ok_or_else(|| format!("expected a boolean, found {value}"))?;
            quote! { #flag }
        }
        RustType::Byte
        | RustType::Short
        | RustType::Integer
        | RustType::Long
        | RustType::BigInteger => {
            let number = value
                .as_i64()
                .ok_or_else(|| format!("expected an integer, found {value}"))?;
            let literal = proc_macro2::Literal::i64_unsuffixed(number);
            let rust = match ty {
                RustType::Byte => quote!(i8),
                RustType::Short => quote!(i16),
                RustType::Integer => quote!(i32),
                RustType::Long => quote!(i64),
                _ => quote!(i128),
            };
            quote! { (#literal as #rust) }
        }
        RustType::Float | RustType::Double | RustType::BigDecimal => {
            let rust = if *ty == RustType::Float {
                quote!(f32)
            } else {
                quote!(f64)
            };
            match value {
                Value::String(special) => match special.as_str() {
                    "NaN" => quote! { #rust::NAN },
                    "Infinity" => quote! { #rust::INFINITY },
                    "-Infinity" => quote! { #rust::NEG_INFINITY },
                    other => return Err(format!("unexpected float {other:?}")),
                },
                other => {
                    let number = other
                        .as_f64()
                        .ok_or_else(|| format!("expected a number, found {other}"))?;
                    let literal = proc_macro2::Literal::f64_unsuffixed(number);
                    quote! { (#literal as #rust) }
                }
            }
        }
        RustType::Timestamp => {
            let seconds = value
                .as_f64()
                .ok_or_else(|| format!("expected epoch seconds, found {value}"))?;
            let nanos = ((seconds * 1_000_000.0).round() as i128) * 1_000;
            let literal = proc_macro2::Literal::i128_unsuffixed(nanos);
            quote! { ::awsgen_runtime::time::OffsetDateTime::from_unix_timestamp_nanos(#literal).unwrap() }
        }
        RustType::Blob => {
            let text = value
                .as_str()
                .ok_or_else(|| format!("expected blob text, found {value}"))?;
            quote! { #lib::primitives::Blob::from(#text) }
        }
        RustType::Document => {
            let text = value.to_string();
            quote! { ::awsgen_runtime::serde_json::from_str::<::awsgen_runtime::serde_json::Value>(#text).unwrap() }
        }
        RustType::List(item) => {
            let items = value
                .as_array()
                .ok_or_else(|| format!("expected a list, found {value}"))?;
            let item_ty = crate_type(service, item);
            let exprs = items
                .iter()
                .map(|v| value_expr(service, item, v))
                .collect::<Result<Vec<_>, _>>()?;
            quote! { ::std::vec::Vec::<#item_ty>::from([#(#exprs),*]) }
        }
        RustType::Map(key, item) => {
            let entries = value
                .as_object()
                .ok_or_else(|| format!("expected a map, found {value}"))?;
            let key_ty = crate_type(service, key);
            let item_ty = crate_type(service, item);
            let mut pairs = Vec::new();
            for (k, v) in entries {
                let k = value_expr(service, key, &Value::String(k.clone()))?;
                let v = value_expr(service, item, v)?;
                pairs.push(quote! { (#k, #v) });
            }
            quote! { ::std::collections::BTreeMap::<#key_ty, #item_ty>::from([#(#pairs),*]) }
        }
        RustType::Named(name) => {
            let type_def = &service.types[name];
            let path = crate_path(service, name);
            match &type_def.kind {
                TypeKind::Enum(_) => {
                    let text = match value {
                        Value::String(text) => text.clone(),
                        other => other.to_string(),
                    };
                    quote! { #path::from(#text) }
                }
                TypeKind::Union(def) => {
                    let object = value
                        .as_object()
                        .ok_or_else(|| format!("expected a union object, found {value}"))?;
                    let (key, inner) = object.iter().next().ok_or("empty union")?;
                    let member = def
                        .members
                        .iter()
                        .find(|m| &m.model_name == key)
                        .ok_or(format!("no union member {key}"))?;
                    let variant = format_ident!("{}", member.variant_name);
                    let inner = member_value_expr(service, member, inner)?;
                    quote! { #path::#variant(#inner) }
                }
                TypeKind::Struct(def) => {
                    let object = value
                        .as_object()
                        .ok_or_else(|| format!("expected an object, found {value}"))?;
                    let mut assignments = Vec::new();
                    for (key, inner) in object {
                        if inner.is_null() {
                            continue;
                        }
                        let member = def
                            .members
                            .iter()
                            .find(|m| &m.model_name == key)
                            .ok_or(format!("no member {key} in {name}"))?;
                        let field = format_ident!("{}", member.field_name);
                        let inner = member_value_expr(service, member, inner)?;
                        assignments
                            .push(quote! { value.#field = ::std::option::Option::Some(#inner); });
                    }
                    let binding = if assignments.is_empty() {
                        quote!(let value)
                    } else {
                        quote!(let mut value)
                    };
                    quote! {{
                        #binding = <#path as ::std::default::Default>::default();
                        #(#assignments)*
                        value
                    }}
                }
            }
        }
    })
}

/// A member's value, boxed where the member is.
fn member_value_expr(
    service: &Service,
    member: &crate::ir::MemberDef,
    value: &Value,
) -> Result<TokenStream, String> {
    // A `jsonvalue` member holds JSON text; suites give it as text or as the
    // JSON value itself, which botocore writes compactly (`separators=(',', ':')`).
    let text;
    let value = if member.jsonvalue && !value.is_string() {
        text = Value::String(value.to_string());
        &text
    } else {
        value
    };
    let inner = value_expr(service, &member.ty, value)?;
    Ok(if member.boxed {
        quote!(::std::boxed::Box::new(#inner))
    } else {
        inner
    })
}

fn crate_path(service: &Service, name: &str) -> TokenStream {
    let lib = format_ident!("{}", service.lib_name);
    let type_def = &service.types[name];
    let module = format_ident!("{}", type_def.module.name());
    let rust = format_ident!("{}", type_def.rust_name);
    quote! { #lib::#module::#rust }
}

fn crate_type(service: &Service, ty: &RustType) -> TokenStream {
    match ty {
        RustType::String => quote!(::std::string::String),
        RustType::Bool => quote!(bool),
        RustType::Byte => quote!(i8),
        RustType::Short => quote!(i16),
        RustType::Integer => quote!(i32),
        RustType::Long => quote!(i64),
        RustType::Float => quote!(f32),
        RustType::Double | RustType::BigDecimal => quote!(f64),
        RustType::BigInteger => quote!(i128),
        RustType::Timestamp => quote!(::awsgen_runtime::time::OffsetDateTime),
        RustType::Blob => {
            let lib = format_ident!("{}", service.lib_name);
            quote!(#lib::primitives::Blob)
        }
        RustType::Document => quote!(::awsgen_runtime::serde_json::Value),
        RustType::Named(name) => crate_path(service, name),
        RustType::List(item) => {
            let item = crate_type(service, item);
            quote!(::std::vec::Vec<#item>)
        }
        RustType::Map(key, value) => {
            let key = crate_type(service, key);
            let value = crate_type(service, value);
            quote!(::std::collections::BTreeMap<#key, #value>)
        }
    }
}
