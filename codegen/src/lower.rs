//! Lowering: a validated model becomes the [`ir`](crate::ir), with every name,
//! Rust type, box and module placement decided here and nowhere else.

use std::collections::{BTreeMap, BTreeSet};

use crate::docs::html_to_markdown;
use crate::error::{Error, Problem};
use crate::ir::{
    Binding, ErrorDef, MemberDef, Module, OperationDef, PaginatorDef, Protocol, RustType, Service,
    StructDef, TimestampFormat, TypeDef, TypeKind, XmlForm, XmlItems, XmlNamespace,
};
use crate::model::{Location, Member, Metadata, Operation, ServiceModel, Shape, ShapeType};
use crate::naming::{
    disambiguate, enum_variant, field_name, snake_case, type_name, ERROR_ENUM_VARIANTS,
    EXCEPTION_TRAIT_METHODS, TRAIT_METHODS,
};
use crate::paginators::PaginatorsModel;
use crate::subset::OperationSubset;
use crate::waiters::WaitersModel;

/// What the caller knows about the model beyond its contents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceSource {
    /// Short service name, e.g. `apigateway` (the model's folder name).
    pub service: String,
    /// Path of the model file as it should appear in generated headers.
    pub path: String,
    /// The operations to generate, when not all of them.
    pub subset: Option<OperationSubset>,
}

/// Whether [`lower_with`] converts documentation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Docs {
    /// Convert every documentation string (what generation needs).
    Convert,
    /// Leave docs empty: for callers that only need names and types, as
    /// conversion is most of the cost of lowering.
    Skip,
}

/// Lowers a validated model into the IR.
pub fn lower(
    model: &ServiceModel,
    paginators: &PaginatorsModel,
    source: &ServiceSource,
) -> Result<Service, Error> {
    lower_with(model, paginators, source, Docs::Convert)
}

/// Lowers a validated model into the IR, converting documentation or not.
pub fn lower_with(
    model: &ServiceModel,
    paginators: &PaginatorsModel,
    source: &ServiceSource,
    with_docs: Docs,
) -> Result<Service, Error> {
    lower_with_waiters(
        model,
        paginators,
        &WaitersModel::default(),
        source,
        with_docs,
    )
}

/// Lowers a validated model and its validated waiters into the IR,
/// converting documentation or not.
pub fn lower_with_waiters(
    model: &ServiceModel,
    paginators: &PaginatorsModel,
    waiters: &WaitersModel,
    source: &ServiceSource,
    with_docs: Docs,
) -> Result<Service, Error> {
    let mut problems = Vec::new();
    let protocol = resolve_protocol(&model.metadata).unwrap_or_else(|problem| {
        problems.push(problem);
        Protocol::RestJson
    });
    // Names are decided over the whole model, so a subset's types are named
    // as the full crate's are.
    let named = named_shapes(model);
    let placement = place_types(model, &named);
    let kept_shapes = match &source.subset {
        Some(subset) => {
            subset.check(model)?;
            Some(subset.kept_shapes(model))
        }
        None => None,
    };
    let is_kept = |name: &str| kept_shapes.as_ref().is_none_or(|kept| kept.contains(name));
    let link_target = |name: &str| {
        placement
            .get(name)
            .filter(|_| is_kept(name))
            .map(|(module, rust_name, _)| format!("crate::{}::{rust_name}", module.name()))
    };
    let docs = |html: &Option<String>| match (html.as_deref(), with_docs) {
        (Some(h), Docs::Convert) => html_to_markdown(h, &link_target),
        _ => String::new(),
    };
    let (input_reach, output_reach) = reachability(model);
    let recursive = recursive_edges(model);
    let code_owners = code_owners(model);
    // Only operations with wire code read and write their inputs and outputs.
    let wire_operations = || {
        model
            .operations
            .iter()
            .filter(|(_, op)| !streams_events(model, op))
    };
    let request_body_reach = reach(
        model,
        wire_operations().filter_map(|(_, op)| request_body_root(model, op)),
    );
    // Any error can answer any operation (see `reachability`).
    let response_body_reach = reach(
        model,
        wire_operations()
            .filter_map(|(_, op)| op.output.as_ref())
            .map(|output| output.shape.as_str())
            .chain(error_shapes(model))
            .filter_map(|shape| response_body_root(model, shape)),
    );
    let wire_inputs: BTreeSet<&str> = wire_operations()
        .filter_map(|(_, op)| op.input.as_ref().map(|r| r.shape.as_str()))
        .collect();
    // Reading an output is crate-private, so a subset reads only its own
    // operations' outputs; `json_body()` is public API and stays on every input.
    let wire_outputs: BTreeSet<&str> = wire_operations()
        .filter(|(name, _)| {
            source
                .subset
                .as_ref()
                .is_none_or(|subset| subset.contains(name))
        })
        .filter_map(|(_, op)| op.output.as_ref().map(|r| r.shape.as_str()))
        .collect();

    let mut types = BTreeMap::new();
    for name in named.iter().filter(|name| is_kept(name)) {
        let shape = &model.shapes[name];
        let (module, rust_name, file_stem) = placement[name].clone();
        let deprecated = deprecation(shape.deprecated, &shape.deprecated_message);
        let kind = if shape.shape_type == ShapeType::String {
            lower_enum(name, shape, &mut problems)
        } else {
            let members = lower_members(
                model,
                &protocol,
                name,
                shape,
                &docs,
                &recursive,
                &mut problems,
            );
            let error = shape.exception.then(|| ErrorDef {
                code: error_code(name, shape).to_owned(),
                answers_code: code_owners.get(error_code(name, shape)) == Some(&name.as_str()),
                http_status: shape.error.as_ref().and_then(|e| e.http_status_code),
                fault: shape.fault,
                retryable_throttling: shape.retryable.as_ref().map(|retryable| {
                    retryable.get("throttling").and_then(|t| t.as_bool()) == Some(true)
                }),
                message_field: message_member(model, shape).and_then(|name| {
                    members
                        .iter()
                        .find(|m| m.model_name == name)
                        .map(|m| m.field_name.clone())
                }),
            });
            let def = StructDef {
                members,
                error,
                is_operation_input: wire_inputs.contains(name.as_str()),
                is_operation_output: wire_outputs.contains(name.as_str()),
                in_input: input_reach.contains(name),
                in_request_body: request_body_reach.contains(name),
                in_response_body: response_body_reach.contains(name),
                in_output: output_reach.contains(name),
            };
            if shape.union {
                TypeKind::Union(def)
            } else {
                TypeKind::Struct(def)
            }
        };
        let type_def = TypeDef {
            model_name: name.clone(),
            rust_name,
            module,
            file_stem,
            docs: docs(&shape.documentation),
            deprecated,
            kind,
        };
        types.insert(name.clone(), type_def);
    }

    let mut operations = lower_operations(model, paginators, &docs);
    if let Some(subset) = &source.subset {
        operations.retain(|op| subset.contains(&op.model_name));
    }
    if !problems.is_empty() {
        problems.sort();
        return Err(Error::Invalid(problems));
    }
    let metadata = &model.metadata;
    let endpoint_prefix = metadata
        .endpoint_prefix
        .clone()
        .unwrap_or_else(|| source.service.clone());
    let mut service = Service {
        crate_name: format!("awsgen-{}", source.service.replace('_', "-")),
        lib_name: format!("awsgen_{}", snake_case(&source.service)),
        full_name: metadata
            .service_full_name
            .clone()
            .unwrap_or_else(|| source.service.clone()),
        api_version: metadata.api_version.clone(),
        protocol,
        query_compatible: metadata.aws_query_compatible.is_some(),
        service_id: metadata
            .service_id
            .clone()
            .unwrap_or_else(|| source.service.clone()),
        signing_name: metadata
            .signing_name
            .clone()
            .unwrap_or_else(|| endpoint_prefix.clone()),
        endpoint_prefix,
        docs: docs(&model.documentation),
        source: source.path.clone(),
        error_shapes: error_shapes(model)
            .into_iter()
            .filter(|name| types.contains_key(*name))
            .map(str::to_owned)
            .collect(),
        types,
        operations,
        subset_of: source.subset.as_ref().map(|_| model.operations.len()),
        endpoint_rules: None,
        waiters: Vec::new(),
    };
    // Waiters compile their expressions against the finished types.
    service.waiters = crate::waiters::lower_waiters(waiters, &service, &docs)?;
    Ok(service)
}

/// The protocol botocore speaks to the service: the first of
/// [`Protocol::PREFERENCE`] that `metadata.protocols` lists, else `metadata.protocol`.
pub fn resolve_protocol(metadata: &Metadata) -> Result<Protocol, Problem> {
    let name = if metadata.protocols.is_empty() {
        metadata.protocol.as_str()
    } else {
        Protocol::PREFERENCE
            .into_iter()
            .find(|candidate| metadata.protocols.iter().any(|p| p == candidate))
            .ok_or_else(|| {
                Problem::new(
                    "metadata.protocols",
                    format!(
                        "none of {:?} is a protocol this generator knows ({})",
                        metadata.protocols,
                        Protocol::PREFERENCE.join(", ")
                    ),
                )
            })?
    };
    Ok(match name {
        "rest-json" => Protocol::RestJson,
        "json" | "smithy-rpc-v2-cbor" => {
            let missing = |key: &str| {
                Problem::new(
                    format!("metadata.{key}"),
                    format!("the {name} protocol needs it (botocore reads it for every request)"),
                )
            };
            if name == "smithy-rpc-v2-cbor" {
                return Ok(Protocol::RpcV2Cbor {
                    target_prefix: metadata
                        .target_prefix
                        .clone()
                        .ok_or_else(|| missing("targetPrefix"))?,
                });
            }
            Protocol::AwsJson {
                version: metadata
                    .json_version
                    .clone()
                    .ok_or_else(|| missing("jsonVersion"))?,
                target_prefix: metadata
                    .target_prefix
                    .clone()
                    .ok_or_else(|| missing("targetPrefix"))?,
            }
        }
        "rest-xml" => Protocol::RestXml,
        "query" => Protocol::AwsQuery,
        "ec2" => Protocol::Ec2Query,
        other => {
            return Err(Problem::new(
                "metadata.protocol",
                format!(
                    "unknown protocol {other:?} (known: {})",
                    Protocol::PREFERENCE.join(", ")
                ),
            ))
        }
    })
}

/// Shapes that become named Rust types: structures (not documents) and string enums.
fn named_shapes(model: &ServiceModel) -> Vec<String> {
    model
        .shapes
        .iter()
        .filter(|(_, shape)| is_named(shape))
        .map(|(name, _)| name.clone())
        .collect()
}

/// Whether `shape` becomes a named Rust type (a struct, union, error or enum).
pub fn is_named(shape: &Shape) -> bool {
    match shape.shape_type {
        ShapeType::Structure => !shape.document,
        ShapeType::String => shape.enum_values.is_some(),
        _ => false,
    }
}

/// Shapes that become variants of the error enums: every exception, and any
/// other shape an operation lists as an error.
pub fn error_shapes(model: &ServiceModel) -> BTreeSet<&str> {
    let listed = model
        .operations
        .values()
        .flat_map(|op| op.errors.iter().map(|error| error.shape.as_str()));
    model
        .shapes
        .iter()
        .filter(|(_, shape)| shape.exception)
        .map(|(name, _)| name.as_str())
        .chain(listed)
        .collect()
}

/// The code an exception answers to: its `error.code`, else its name.
fn error_code<'m>(name: &'m str, shape: &'m Shape) -> &'m str {
    shape
        .error
        .as_ref()
        .and_then(|error| error.code.as_deref())
        .unwrap_or(name)
}

/// Which exception each error code reads as: botocore's code lookup
/// (`ServiceModel._error_code_cache`) keeps the last exception in the
/// document with the code (CloudWatch models `DashboardNotFoundError` and
/// `ResourceNotFound` both as `ResourceNotFound`).
fn code_owners(model: &ServiceModel) -> BTreeMap<&str, &str> {
    model
        .shapes
        .document_order()
        .into_iter()
        .filter_map(|name| {
            let (name, shape) = model.shapes.get_key_value(name)?;
            shape
                .exception
                .then(|| (error_code(name, shape), name.as_str()))
        })
        .collect()
}

/// Decides each named shape's module, Rust name and file stem, collisions resolved in name order.
fn place_types(
    model: &ServiceModel,
    named: &[String],
) -> BTreeMap<String, (Module, String, String)> {
    let names: Vec<&str> = named.iter().map(String::as_str).collect();
    let mut rust_names = disambiguate(&names, type_name);
    let error_shapes = error_shapes(model);
    let mut taken: BTreeSet<String> = rust_names.iter().cloned().collect();
    for (name, rust_name) in named.iter().zip(rust_names.iter_mut()) {
        if error_shapes.contains(name.as_str()) && ERROR_ENUM_VARIANTS.contains(&rust_name.as_str())
        {
            // Unique names never run out, so the search always ends.
            let free = (2..)
                .map(|n| format!("{rust_name}{n}"))
                .find(|candidate| !taken.contains(candidate))
                .unwrap_or_default();
            taken.insert(free.clone());
            *rust_name = free;
        }
    }
    let module_of = |name: &str| {
        if model.shapes[name].exception {
            Module::Error
        } else {
            Module::Types
        }
    };
    let mut placement = BTreeMap::new();
    for module in Module::ALL {
        let in_module: Vec<usize> = (0..named.len())
            .filter(|&i| module_of(&named[i]) == module)
            .collect();
        let rust: Vec<&str> = in_module.iter().map(|&i| rust_names[i].as_str()).collect();
        // `mod.rs` and `builders` are taken by the module itself.
        let mut stems_input = vec!["mod", "builders"];
        stems_input.extend(rust.iter().copied());
        // Stems are module names too, so they follow the keyword policy of fields.
        let stems = disambiguate(&stems_input, field_name);
        for (position, &index) in in_module.iter().enumerate() {
            placement.insert(
                named[index].clone(),
                (
                    module,
                    rust_names[index].clone(),
                    stems[position + 2].clone(),
                ),
            );
        }
    }
    placement
}

fn deprecation(deprecated: bool, message: &Option<String>) -> Option<String> {
    deprecated.then(|| {
        message
            .clone()
            .unwrap_or_else(|| "deprecated by the service model".to_string())
    })
}

fn lower_enum(name: &str, shape: &Shape, problems: &mut Vec<Problem>) -> TypeKind {
    let values: Vec<String> = shape
        .enum_values
        .iter()
        .flatten()
        .filter_map(|v| v.as_str().map(str::to_string))
        .collect();
    if values.is_empty() {
        problems.push(Problem::new(
            format!("shapes.{name}.enum"),
            "an enum needs at least one value",
        ));
    }
    let refs: Vec<&str> = values.iter().map(String::as_str).collect();
    let variants = disambiguate(&refs, enum_variant);
    TypeKind::Enum(crate::ir::EnumDef {
        variants: variants.into_iter().zip(values).collect(),
    })
}

/// The string member an exception's message is in, as botocore reads it
/// (`message`, any case), when the exception has one.
fn message_member<'m>(model: &ServiceModel, shape: &'m Shape) -> Option<&'m str> {
    shape
        .members
        .iter()
        .find(|(name, member)| {
            name.eq_ignore_ascii_case("message")
                && model.shapes.get(&member.shape).is_some_and(|target| {
                    target.shape_type == ShapeType::String && target.enum_values.is_none()
                })
        })
        .map(|(name, _)| name.as_str())
}

fn lower_members(
    model: &ServiceModel,
    protocol: &Protocol,
    shape_name: &str,
    shape: &Shape,
    docs: &dyn Fn(&Option<String>) -> String,
    recursive: &BTreeSet<(String, String)>,
    problems: &mut Vec<Problem>,
) -> Vec<MemberDef> {
    // An exception keeps the response's metadata in a field of its own, `meta`;
    // a member that would take the name gets another.
    let reserved: &[&str] = if shape.exception { &["meta"] } else { &[] };
    let member_names: Vec<&str> = shape.members.keys().map(String::as_str).collect();
    let with_reserved: Vec<&str> = reserved
        .iter()
        .copied()
        .chain(member_names.iter().copied())
        .collect();
    let fields = disambiguate(&with_reserved, field_name).split_off(reserved.len());
    // Builder methods share one namespace: `foo`, `set_foo`, `get_foo` per member, plus `build`.
    // They must not shadow the builder's trait methods either (`builder.clone()`).
    let builder_taken: Vec<String> = std::iter::once("build")
        .chain(TRAIT_METHODS.iter().copied())
        .map(str::to_owned)
        .collect();
    let mut method_names = builder_taken.clone();
    for field in &fields {
        method_names.extend([
            field.clone(),
            format!("set_{field}"),
            format!("get_{field}"),
        ]);
    }
    let method_refs: Vec<&str> = method_names.iter().map(String::as_str).collect();
    let methods = disambiguate(&method_refs, |name| name.to_string());
    // Accessors share the structure's namespace with its own methods and must
    // not shadow those of its traits.
    let own: &[&str] = if shape.exception {
        &["builder", "json_body", "from_response", "message", "meta"]
    } else {
        &["builder", "json_body", "from_response"]
    };
    let exception_traits: &[&str] = if shape.exception {
        EXCEPTION_TRAIT_METHODS
    } else {
        &[]
    };
    let taken: Vec<&str> = own
        .iter()
        .chain(TRAIT_METHODS)
        .chain(exception_traits)
        .copied()
        .collect();
    let accessor_refs: Vec<&str> = taken
        .iter()
        .copied()
        .chain(fields.iter().map(String::as_str))
        .collect();
    let accessors = disambiguate(&accessor_refs, |name| name.to_string()).split_off(taken.len());
    let message_member = shape
        .exception
        .then(|| message_member(model, shape))
        .flatten();
    let variants = disambiguate(&member_names, type_name);
    let protocol_default = default_timestamp_format(protocol);
    let serde_names = serde_keys(model, protocol, shape, &fields);

    let mut members = Vec::new();
    for (index, (member_name, member)) in shape.members.iter().enumerate() {
        let path = format!("shapes.{shape_name}.members.{member_name}");
        let Some(ty) = rust_type(model, &member.shape, &path, problems) else {
            continue;
        };
        let target = &model.shapes[&member.shape];
        let location = model.member_location(member);
        let wire_name = model
            .member_location_name(member)
            .map_or_else(|| member_name.clone(), str::to_owned);
        let binding = if !protocol.has_http_bindings() {
            // RPC protocols carry every member in the body; botocore's serializers
            // for them never read `location` or `payload`.
            Binding::Body
        } else if shape.payload.as_deref() == Some(member_name.as_str()) {
            Binding::Payload
        } else {
            match location {
                None => Binding::Body,
                Some(Location::Uri) => Binding::Uri {
                    label: wire_name.clone(),
                    greedy: false,
                },
                Some(Location::Querystring) => Binding::Query(wire_name.clone()),
                Some(Location::Header) => Binding::Header(wire_name.clone()),
                Some(Location::Headers) => Binding::PrefixHeaders(
                    model
                        .member_location_name(member)
                        .unwrap_or_default()
                        .to_owned(),
                ),
                Some(Location::StatusCode) => Binding::StatusCode,
            }
        };
        let explicit_timestamp_format = contains_timestamp(&ty)
            .then(|| {
                member
                    .timestamp_format
                    .as_deref()
                    .or_else(|| element_timestamp_format(model, &member.shape))
                    .map(parse_timestamp_format)
            })
            .flatten();
        // CBOR documents have one timestamp form, whatever the model says.
        let timestamp_format = contains_timestamp(&ty).then(|| match protocol {
            Protocol::RpcV2Cbor { .. } => TimestampFormat::EpochSeconds,
            _ => explicit_timestamp_format.unwrap_or(protocol_default),
        });
        let member_docs = docs(&member.documentation);
        let json_name = serde_names[index].clone();
        members.push(MemberDef {
            model_name: member_name.clone(),
            field_name: fields[index].clone(),
            setter: methods[builder_taken.len() + 3 * index].clone(),
            option_setter: methods[builder_taken.len() + 1 + 3 * index].clone(),
            getter: methods[builder_taken.len() + 2 + 3 * index].clone(),
            accessor: (message_member != Some(member_name.as_str()))
                .then(|| accessors[index].clone()),
            variant_name: variants[index].clone(),
            json_name,
            docs: member_docs,
            boxed: recursive.contains(&(shape_name.to_string(), member.shape.clone())),
            required: shape.required.contains(member_name),
            binding,
            sensitive: target.sensitive,
            deprecated: deprecation(member.deprecated, &member.deprecated_message),
            idempotency_token: member.idempotency_token,
            jsonvalue: member.jsonvalue,
            host_label: member.host_label,
            ty,
            timestamp_format,
            explicit_timestamp_format,
            xml: xml_form(model, member, 0),
        });
    }
    mark_greedy_labels(model, shape_name, &mut members);
    members
}

/// The XML and query form of a reference to a shape: the reference's
/// serialization keys over its shape's, and inside lists and maps the forms
/// of their member, key and value. Structures stop the descent (their
/// members have forms of their own); so does a collection cycle, which
/// `rust_type` reports.
fn xml_form(model: &ServiceModel, member: &Member, depth: usize) -> XmlForm {
    let shape = model.shapes.get(&member.shape);
    let inner = |part: &Option<Member>| {
        part.as_ref()
            .map(|part| Box::new(xml_form(model, part, depth + 1)))
            .unwrap_or_default()
    };
    let items = match shape {
        Some(shape) if depth <= MAX_COLLECTION_DEPTH => match shape.shape_type {
            ShapeType::List => XmlItems::List(inner(&shape.member)),
            ShapeType::Map => XmlItems::Map(inner(&shape.key), inner(&shape.value)),
            _ => XmlItems::None,
        },
        _ => XmlItems::None,
    };
    XmlForm {
        name: model.member_location_name(member).map(str::to_owned),
        query_name: member.query_name.clone(),
        flattened: member.flattened || shape.is_some_and(|shape| shape.flattened),
        attribute: member.xml_attribute,
        namespace: member
            .xml_namespace
            .as_ref()
            .or_else(|| shape.and_then(|shape| shape.xml_namespace.as_ref()))
            .map(xml_namespace),
        items,
    }
}

fn xml_namespace(namespace: &crate::model::XmlNamespace) -> XmlNamespace {
    match namespace {
        crate::model::XmlNamespace::Uri(uri) => XmlNamespace {
            prefix: None,
            uri: uri.clone(),
        },
        crate::model::XmlNamespace::Full { prefix, uri } => XmlNamespace {
            prefix: prefix.clone(),
            uri: uri.clone(),
        },
    }
}

/// Keys of the members in the serde form. Body members use their JSON wire key
/// (`locationName`), so real service JSON parses; HTTP-bound members use their
/// model name, or, where a body key already has it, their Rust field name, then a
/// numbered suffix.
fn serde_keys(
    model: &ServiceModel,
    protocol: &Protocol,
    shape: &Shape,
    fields: &[String],
) -> Vec<String> {
    let is_body =
        |member: &Member| model.member_location(member).is_none() || !protocol.has_http_bindings();
    let key_of = |name: &String, member: &Member| {
        model
            .member_location_name(member)
            .map_or_else(|| name.clone(), str::to_owned)
    };
    let mut taken: BTreeSet<String> = shape
        .members
        .iter()
        .filter(|(_, member)| is_body(member))
        .map(|(name, member)| key_of(name, member))
        .collect();
    // A body member keeps its wire name unless an earlier body member has it
    // (S3's deprecated `Event` and the `Events` list named `Event` in XML).
    let mut claimed = BTreeSet::new();
    let free_key = |name: &String, field: &String, taken: &mut BTreeSet<String>| {
        // Lazily: the first candidate is nearly always free.
        let key = [name.clone(), field.clone()]
            .into_iter()
            .chain((2..=1001).map(|n| format!("{name}{n}")))
            .find(|candidate| !taken.contains(candidate))
            .unwrap_or_else(|| name.clone());
        taken.insert(key.clone());
        key
    };
    shape
        .members
        .iter()
        .zip(fields)
        .map(|((name, member), field)| {
            if is_body(member) {
                let key = key_of(name, member);
                if claimed.insert(key.clone()) {
                    return key;
                }
            }
            free_key(name, field, &mut taken)
        })
        .collect()
}

/// A URI label is greedy when some operation's template writes it `{label+}`.
fn mark_greedy_labels(model: &ServiceModel, shape_name: &str, members: &mut [MemberDef]) {
    let greedy: BTreeSet<String> = model
        .operations
        .values()
        .filter(|op| {
            op.input
                .as_ref()
                .is_some_and(|input| input.shape == shape_name)
        })
        .flat_map(|op| crate::uri_template::labels(&op.http.request_uri))
        .filter(|(_, greedy)| *greedy)
        .map(|(label, _)| label.to_string())
        .collect();
    for member in members {
        if let Binding::Uri {
            label,
            greedy: is_greedy,
        } = &mut member.binding
        {
            *is_greedy = greedy.contains(label.as_str());
        }
    }
}

/// The `timestampFormat` of the timestamp shape itself, or of the list element or
/// map value reference leading to it, for members that hold timestamps in a collection.
fn element_timestamp_format<'m>(model: &'m ServiceModel, shape_name: &str) -> Option<&'m str> {
    let shape = model.shapes.get(shape_name)?;
    match shape.shape_type {
        ShapeType::Timestamp => shape.timestamp_format.as_deref(),
        ShapeType::List | ShapeType::Map => {
            let element = shape.member.as_ref().or(shape.value.as_ref())?;
            element
                .timestamp_format
                .as_deref()
                .or_else(|| element_timestamp_format(model, &element.shape))
        }
        _ => None,
    }
}

fn default_timestamp_format(protocol: &Protocol) -> TimestampFormat {
    match protocol {
        Protocol::AwsJson { .. } | Protocol::RestJson | Protocol::RpcV2Cbor { .. } => {
            TimestampFormat::EpochSeconds
        }
        Protocol::RestXml | Protocol::AwsQuery | Protocol::Ec2Query => TimestampFormat::Iso8601,
    }
}

fn parse_timestamp_format(format: &str) -> TimestampFormat {
    match format {
        "unixTimestamp" => TimestampFormat::EpochSeconds,
        "rfc822" => TimestampFormat::HttpDate,
        // Validation has refused anything else.
        _ => TimestampFormat::Iso8601,
    }
}

fn contains_timestamp(ty: &RustType) -> bool {
    match ty {
        RustType::Timestamp => true,
        RustType::List(inner) => contains_timestamp(inner),
        RustType::Map(_, value) => contains_timestamp(value),
        _ => false,
    }
}

/// Why a shape reference has no Rust type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UnresolvedType {
    /// The model names a shape it does not define.
    Missing(String),
    /// A list without `member`, or a map without `key` or `value`.
    Incomplete(String),
    /// Lists and maps nest in a cycle with no structure in between.
    Cycle(String),
}

/// Lists and maps cannot contain themselves without a structure in between,
/// so a deeper nest of them means a cycle the model should not have.
const MAX_COLLECTION_DEPTH: usize = 32;

/// The Rust type of the shape called `name` where a member, list element or
/// map part refers to it: the one mapping from model shapes to Rust types,
/// shared by lowering and the model diff. It works on any model that parses,
/// so the diff can compare models the generator would refuse.
pub fn rust_type_of(model: &ServiceModel, name: &str) -> Result<RustType, UnresolvedType> {
    rust_type_at_depth(model, name, 0)
}

fn rust_type_at_depth(
    model: &ServiceModel,
    name: &str,
    depth: usize,
) -> Result<RustType, UnresolvedType> {
    let shape = model
        .shapes
        .get(name)
        .ok_or_else(|| UnresolvedType::Missing(name.to_string()))?;
    if depth > MAX_COLLECTION_DEPTH {
        return Err(UnresolvedType::Cycle(name.to_string()));
    }
    let part = |member: &Option<Member>| match member {
        Some(member) => rust_type_at_depth(model, &member.shape, depth + 1),
        None => Err(UnresolvedType::Incomplete(name.to_string())),
    };
    Ok(match shape.shape_type {
        ShapeType::Structure if shape.document => RustType::Document,
        ShapeType::Structure => RustType::Named(name.to_string()),
        ShapeType::String if shape.enum_values.is_some() => RustType::Named(name.to_string()),
        ShapeType::String => RustType::String,
        ShapeType::Boolean => RustType::Bool,
        ShapeType::Byte => RustType::Byte,
        ShapeType::Short => RustType::Short,
        ShapeType::Integer => RustType::Integer,
        ShapeType::Long => RustType::Long,
        ShapeType::Float => RustType::Float,
        ShapeType::Double => RustType::Double,
        ShapeType::Biginteger => RustType::BigInteger,
        ShapeType::Bigdecimal => RustType::BigDecimal,
        ShapeType::Timestamp => RustType::Timestamp,
        ShapeType::Blob => RustType::Blob,
        ShapeType::List => RustType::List(Box::new(part(&shape.member)?)),
        ShapeType::Map => RustType::Map(Box::new(part(&shape.key)?), Box::new(part(&shape.value)?)),
    })
}

/// The Rust type of a member's shape, with what the generator cannot emit yet
/// reported as problems at `path`. Missing and incomplete shapes give `None`
/// silently: validation has reported them.
fn rust_type(
    model: &ServiceModel,
    name: &str,
    path: &str,
    problems: &mut Vec<Problem>,
) -> Option<RustType> {
    let ty = match rust_type_of(model, name) {
        Ok(ty) => ty,
        Err(UnresolvedType::Cycle(shape)) => {
            problems.push(Problem::new(
                path,
                format!("shape {shape:?} nests lists and maps in a cycle"),
            ));
            return None;
        }
        Err(UnresolvedType::Missing(_) | UnresolvedType::Incomplete(_)) => return None,
    };
    let nested_collection = match &ty {
        RustType::List(inner) | RustType::Map(_, inner) => Some(inner.as_ref()),
        _ => None,
    };
    if nested_collection.is_some_and(|inner| {
        matches!(inner, RustType::List(_) | RustType::Map(..)) && contains_timestamp(inner)
    }) {
        problems.push(Problem::new(
            path,
            "timestamps nested two collections deep are not supported yet",
        ));
        return None;
    }
    Some(ty)
}

/// Structure members whose target structure contains the holder again: those need a `Box`.
fn recursive_edges(model: &ServiceModel) -> BTreeSet<(String, String)> {
    let direct = |shape: &Shape| -> Vec<String> {
        shape
            .members
            .values()
            .map(|member: &Member| member.shape.clone())
            .filter(|target| {
                model
                    .shapes
                    .get(target)
                    .is_some_and(|t| t.shape_type == ShapeType::Structure)
            })
            .collect()
    };
    let graph: BTreeMap<&String, Vec<String>> = model
        .shapes
        .iter()
        .filter(|(_, s)| s.shape_type == ShapeType::Structure)
        .map(|(name, shape)| (name, direct(shape)))
        .collect();
    let reaches = |from: &str, to: &str| -> bool {
        let mut seen = BTreeSet::new();
        let mut stack = vec![from.to_string()];
        while let Some(next) = stack.pop() {
            if next == to {
                return true;
            }
            if seen.insert(next.clone()) {
                stack.extend(graph.get(&next).into_iter().flatten().cloned());
            }
        }
        false
    };
    let mut edges = BTreeSet::new();
    for (holder, targets) in &graph {
        for target in targets {
            if reaches(target, holder) {
                edges.insert(((*holder).clone(), target.clone()));
            }
        }
    }
    edges
}

/// Shapes reachable from operation inputs, and from outputs and errors.
fn reachability(model: &ServiceModel) -> (BTreeSet<String>, BTreeSet<String>) {
    let operations = model.operations.values();
    let inputs: Vec<String> = operations
        .clone()
        .filter_map(|op| op.input.as_ref().map(|r| r.shape.clone()))
        .collect();
    // Any exception of the service can answer any operation, as botocore looks
    // error codes up service-wide; listed errors are roots for the same reason.
    let outputs: Vec<String> = operations
        .filter_map(|op| op.output.as_ref().map(|r| r.shape.clone()))
        .chain(error_shapes(model).into_iter().map(str::to_owned))
        .collect();
    (reach(model, inputs), reach(model, outputs))
}

/// The shape a request of `op` carries as its body: the input's payload
/// member's, else the input itself when any member has no HTTP location
/// (RPC and query inputs: all of them).
fn request_body_root(model: &ServiceModel, op: &Operation) -> Option<String> {
    let input = model.shapes.get(&op.input.as_ref()?.shape)?;
    if let Some(payload) = &input.payload {
        return input
            .members
            .get(payload)
            .map(|member| member.shape.clone());
    }
    input
        .members
        .values()
        .any(|member| member.location.is_none())
        .then(|| op.input.as_ref().map(|r| r.shape.clone()))
        .flatten()
}

/// The shape a response carries as its body when `shape` is what it reads
/// (an output or error): its payload member's, else `shape` itself when
/// any member is outside the headers and the status code.
fn response_body_root(model: &ServiceModel, shape: &str) -> Option<String> {
    let structure = model.shapes.get(shape)?;
    if let Some(payload) = &structure.payload {
        return structure
            .members
            .get(payload)
            .map(|member| member.shape.clone());
    }
    structure
        .members
        .values()
        .any(|member| {
            !matches!(
                member.location,
                Some(Location::Header | Location::Headers | Location::StatusCode)
            )
        })
        .then(|| shape.to_owned())
}

/// Every shape reachable from `roots` through members, list elements and map
/// parts, roots included; names of missing shapes are left out.
pub fn reach(model: &ServiceModel, roots: impl IntoIterator<Item = String>) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    let mut stack: Vec<String> = roots.into_iter().collect();
    while let Some(name) = stack.pop() {
        let Some(shape) = model.shapes.get(&name) else {
            continue;
        };
        if seen.insert(name) {
            let parts = shape
                .members
                .values()
                .chain(&shape.member)
                .chain(&shape.key)
                .chain(&shape.value);
            stack.extend(parts.map(|m| m.shape.clone()));
        }
    }
    seen
}

/// Whether the operation's input or output has an event-stream member
/// (`eventstream` on the member's shape). The generator writes no wire code
/// for such operations yet; their types are still generated.
fn streams_events(model: &ServiceModel, op: &Operation) -> bool {
    [&op.input, &op.output]
        .into_iter()
        .flatten()
        .filter_map(|reference| model.shapes.get(&reference.shape))
        .flat_map(|shape| shape.members.values())
        .any(|member| {
            model
                .shapes
                .get(&member.shape)
                .is_some_and(|target| target.eventstream)
        })
}

fn lower_operations(
    model: &ServiceModel,
    paginators: &PaginatorsModel,
    docs: &dyn Fn(&Option<String>) -> String,
) -> Vec<OperationDef> {
    let names: Vec<&str> = model.operations.keys().map(String::as_str).collect();
    let rust_names = disambiguate(&names, type_name);
    let fn_names = disambiguate(&names, field_name);
    model
        .operations
        .iter()
        .enumerate()
        .map(|(index, (key, op))| OperationDef {
            model_name: key.clone(),
            wire_name: op.name.clone().unwrap_or_else(|| key.clone()),
            rust_name: rust_names[index].clone(),
            fn_name: fn_names[index].clone(),
            docs: docs(&op.documentation),
            method: op.http.method.clone(),
            uri: op.http.request_uri.clone(),
            success_code: op.http.response_code.unwrap_or(200),
            input: op.input.as_ref().map(|r| r.shape.clone()),
            output: op.output.as_ref().map(|r| r.shape.clone()),
            errors: op.errors.iter().map(|r| r.shape.clone()).collect(),
            deprecated: deprecation(op.deprecated, &op.deprecated_message),
            idempotent: op.idempotent,
            host_prefix: op.endpoint.as_ref().and_then(|e| e.host_prefix.clone()),
            streams_events: streams_events(model, op),
            signed: crate::endpoint_params::signs_requests(op),
            // Validation has reported any malformed entry already.
            endpoint_params: crate::endpoint_params::operation_params(model, key, op)
                .unwrap_or_default(),
            // The reference's keys over its shape's, as botocore merges them.
            input_xml: op.input.as_ref().map_or_else(XmlForm::default, |input| {
                let shape = model.shapes.get(&input.shape);
                XmlForm {
                    name: input
                        .location_name
                        .clone()
                        .or_else(|| shape.and_then(|shape| shape.location_name.clone())),
                    namespace: input
                        .xml_namespace
                        .as_ref()
                        .or_else(|| shape.and_then(|shape| shape.xml_namespace.as_ref()))
                        .map(xml_namespace),
                    ..XmlForm::default()
                }
            }),
            result_wrapper: op
                .output
                .as_ref()
                .and_then(|output| output.result_wrapper.clone()),
            paginator: paginators.pagination.get(key).map(|p| PaginatorDef {
                input_tokens: p.input_token.to_vec(),
                output_tokens: p.output_token.to_vec(),
                limit_key: p.limit_key.clone(),
                result_keys: p
                    .result_key
                    .as_ref()
                    .map(|k| k.to_vec())
                    .unwrap_or_default(),
                more_results: p.more_results.clone(),
            }),
        })
        .collect()
}
