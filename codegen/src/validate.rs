//! Consistency checks on a parsed model, run before anything is lowered or emitted.
//!
//! Every check records a [`Problem`] with the JSON path of the bad value rather
//! than stopping at the first, so one run shows a model author everything to fix.

use std::collections::BTreeSet;

use crate::error::{Error, Problem};
use crate::model::{Location, Member, ServiceModel, Shape, ShapeType};
use crate::paginators::PaginatorsModel;

const TIMESTAMP_FORMATS: [&str; 3] = ["iso8601", "rfc822", "unixTimestamp"];
const HTTP_METHODS: [&str; 7] = ["GET", "PUT", "POST", "DELETE", "PATCH", "HEAD", "OPTIONS"];

/// A warning for every key the model mirror does not know, at its JSON path:
/// the generator ignores it, and the model's author should hear about it.
fn unknown_keys(model: &ServiceModel) -> Vec<Problem> {
    use std::collections::BTreeMap;
    let mut found = Vec::new();
    let mut report = |path: String, keys: &BTreeMap<String, serde_json::Value>| {
        for key in keys.keys() {
            let at = if path.is_empty() {
                key.clone()
            } else {
                format!("{path}.{key}")
            };
            found.push(Problem::new(
                at,
                "a key this generator does not know; it is ignored, which may leave \
                 requests or responses incomplete",
            ));
        }
    };
    report(String::new(), &model.unknown_keys);
    report("metadata".into(), &model.metadata.unknown_keys);
    for (name, op) in &model.operations {
        let path = format!("operations.{name}");
        report(path.clone(), &op.unknown_keys);
        report(format!("{path}.http"), &op.http.unknown_keys);
        if let Some(endpoint) = &op.endpoint {
            report(format!("{path}.endpoint"), &endpoint.unknown_keys);
        }
        for (role, reference) in [("input", &op.input), ("output", &op.output)] {
            if let Some(reference) = reference {
                report(format!("{path}.{role}"), &reference.unknown_keys);
            }
        }
        for (index, reference) in op.errors.iter().enumerate() {
            report(format!("{path}.errors[{index}]"), &reference.unknown_keys);
        }
    }
    for (name, shape) in &model.shapes {
        let path = format!("shapes.{name}");
        report(path.clone(), &shape.unknown_keys);
        if let Some(error) = &shape.error {
            report(format!("{path}.error"), &error.unknown_keys);
        }
        for (member_name, member) in &shape.members {
            report(
                format!("{path}.members.{member_name}"),
                &member.unknown_keys,
            );
        }
        for (part, member) in [
            ("member", &shape.member),
            ("key", &shape.key),
            ("value", &shape.value),
        ] {
            if let Some(member) = member {
                report(format!("{path}.{part}"), &member.unknown_keys);
            }
        }
    }
    found
}

/// Checks that the model is consistent enough to generate code from.
///
/// Returns the warnings: inconsistencies that real AWS models have shipped with
/// (a URI label no member fills, say), which code can still be generated for.
pub fn validate(model: &ServiceModel, paginators: &PaginatorsModel) -> Result<Vec<Problem>, Error> {
    let mut problems = Vec::new();
    let mut warnings = unknown_keys(model);
    for (name, shape) in &model.shapes {
        check_shape(model, name, shape, &mut problems);
    }
    for (name, operation) in &model.operations {
        let path = format!("operations.{name}");
        if !HTTP_METHODS.contains(&operation.http.method.as_str()) {
            problems.push(Problem::new(
                format!("{path}.http.method"),
                format!("{:?} is not an HTTP method", operation.http.method),
            ));
        }
        if !operation.http.request_uri.starts_with('/') {
            problems.push(Problem::new(
                format!("{path}.http.requestUri"),
                format!("{:?} does not start with '/'", operation.http.request_uri),
            ));
        }
        let refs = [("input", &operation.input), ("output", &operation.output)];
        for (role, shape_ref) in refs {
            if let Some(shape_ref) = shape_ref {
                check_structure_ref(
                    model,
                    &format!("{path}.{role}.shape"),
                    &shape_ref.shape,
                    &mut problems,
                );
            }
        }
        for (index, error) in operation.errors.iter().enumerate() {
            check_structure_ref(
                model,
                &format!("{path}.errors[{index}].shape"),
                &error.shape,
                &mut problems,
            );
        }
        check_uri_labels(model, name, &mut warnings);
        if let Err(found) = crate::endpoint_params::operation_params(model, name, operation) {
            problems.extend(found);
        }
    }
    for (name, paginator) in &paginators.pagination {
        let path = format!("paginators-1.json:pagination.{name}");
        let Some(operation) = model.operations.get(name) else {
            problems.push(Problem::new(path, format!("no operation named {name:?}")));
            continue;
        };
        let input = operation
            .input
            .as_ref()
            .and_then(|r| model.shapes.get(&r.shape));
        let mut input_keys = paginator.input_token.to_vec();
        input_keys.extend(paginator.limit_key.clone());
        for key in input_keys {
            if !input.is_some_and(|shape| shape.members.contains_key(&key)) {
                problems.push(Problem::new(
                    path.clone(),
                    format!("the input of {name} has no member named {key:?}"),
                ));
            }
        }
    }
    if problems.is_empty() {
        warnings.sort();
        Ok(warnings)
    } else {
        problems.sort();
        problems.dedup();
        Err(Error::Invalid(problems))
    }
}

fn check_structure_ref(model: &ServiceModel, path: &str, name: &str, problems: &mut Vec<Problem>) {
    match model.shapes.get(name) {
        None => problems.push(Problem::new(path, format!("no shape named {name:?}"))),
        Some(shape) if shape.shape_type != ShapeType::Structure => problems.push(Problem::new(
            path,
            format!(
                "shape {name:?} is {}, not a structure",
                with_article(shape.shape_type)
            ),
        )),
        Some(_) => {}
    }
}

fn check_target(model: &ServiceModel, path: &str, member: &Member, problems: &mut Vec<Problem>) {
    if !model.shapes.contains_key(&member.shape) {
        problems.push(Problem::new(
            format!("{path}.shape"),
            format!("no shape named {:?}", member.shape),
        ));
    }
    if let Some(format) = &member.timestamp_format {
        check_timestamp_format(&format!("{path}.timestampFormat"), format, problems);
    }
}

fn check_timestamp_format(path: &str, format: &str, problems: &mut Vec<Problem>) {
    if !TIMESTAMP_FORMATS.contains(&format) {
        problems.push(Problem::new(
            path,
            format!("{format:?} is not one of {}", TIMESTAMP_FORMATS.join(", ")),
        ));
    }
}

fn check_shape(model: &ServiceModel, name: &str, shape: &Shape, problems: &mut Vec<Problem>) {
    let path = format!("shapes.{name}");
    let misplaced = |key: &str, problems: &mut Vec<Problem>| {
        problems.push(Problem::new(
            format!("{path}.{key}"),
            format!(
                "{} shape cannot have {key:?}",
                with_article(shape.shape_type)
            ),
        ));
    };
    if shape.shape_type != ShapeType::Structure && !shape.members.is_empty() {
        misplaced("members", problems);
    }
    if shape.shape_type != ShapeType::List && shape.member.is_some() {
        misplaced("member", problems);
    }
    if shape.shape_type != ShapeType::Map && (shape.key.is_some() || shape.value.is_some()) {
        misplaced(if shape.key.is_some() { "key" } else { "value" }, problems);
    }
    if shape.shape_type != ShapeType::String && shape.enum_values.is_some() {
        misplaced("enum", problems);
    }
    if let Some(format) = &shape.timestamp_format {
        check_timestamp_format(&format!("{path}.timestampFormat"), format, problems);
    }
    match shape.shape_type {
        ShapeType::Structure => {
            for (member_name, member) in &shape.members {
                let member_path = format!("{path}.members.{member_name}");
                check_target(model, &member_path, member, problems);
                if model.member_location(member) == Some(Location::Headers) {
                    let is_map = model
                        .shapes
                        .get(&member.shape)
                        .is_some_and(|t| t.shape_type == ShapeType::Map);
                    if !is_map {
                        problems.push(Problem::new(
                            format!("{member_path}.location"),
                            "\"headers\" binds a map, but the member's shape is not a map",
                        ));
                    }
                }
            }
            for (index, required) in shape.required.iter().enumerate() {
                if !shape.members.contains_key(required) {
                    problems.push(Problem::new(
                        format!("{path}.required[{index}]"),
                        format!("no member named {required:?}"),
                    ));
                }
            }
            if let Some(payload) = &shape.payload {
                if !shape.members.contains_key(payload) {
                    problems.push(Problem::new(
                        format!("{path}.payload"),
                        format!("no member named {payload:?}"),
                    ));
                }
            }
            if shape.union && shape.members.is_empty() {
                problems.push(Problem::new(
                    path.clone(),
                    "a union needs at least one member",
                ));
            }
        }
        ShapeType::List => match &shape.member {
            Some(member) => check_target(model, &format!("{path}.member"), member, problems),
            None => problems.push(Problem::new(path.clone(), "a list needs \"member\"")),
        },
        ShapeType::Map => {
            for (key, part) in [("key", &shape.key), ("value", &shape.value)] {
                match part {
                    Some(member) => check_target(model, &format!("{path}.{key}"), member, problems),
                    None => {
                        problems.push(Problem::new(path.clone(), format!("a map needs {key:?}")))
                    }
                }
            }
            if let Some(key) = &shape.key {
                let key_type = model.shapes.get(&key.shape).map(|s| s.shape_type);
                if key_type.is_some_and(|t| t != ShapeType::String) {
                    problems.push(Problem::new(
                        format!("{path}.key.shape"),
                        format!("map keys must be strings, but {:?} is not", key.shape),
                    ));
                }
            }
        }
        ShapeType::String => {
            if let Some(values) = &shape.enum_values {
                let mut seen = BTreeSet::new();
                for (index, value) in values.iter().enumerate() {
                    let value_path = format!("{path}.enum[{index}]");
                    match value.as_str() {
                        None => problems.push(Problem::new(
                            value_path,
                            format!("enum values must be strings, found {value}"),
                        )),
                        Some(text) if !seen.insert(text) => {
                            problems.push(Problem::new(
                                value_path,
                                format!("{text:?} is listed twice"),
                            ));
                        }
                        Some(_) => {}
                    }
                }
            }
        }
        _ => {}
    }
}

/// Every `{label}` of a request URI must be a `uri` member of the input, and back.
fn check_uri_labels(model: &ServiceModel, operation_name: &str, problems: &mut Vec<Problem>) {
    let operation = &model.operations[operation_name];
    let path = format!("operations.{operation_name}.http.requestUri");
    let uri = &operation.http.request_uri;
    let labels: BTreeSet<String> = crate::uri_template::labels(uri)
        .into_iter()
        .map(|(label, _)| label.to_string())
        .collect();
    let input = operation
        .input
        .as_ref()
        .and_then(|r| model.shapes.get(&r.shape));
    let mut bound = BTreeSet::new();
    if let Some(input) = input {
        for (member_name, member) in &input.members {
            if model.member_location(member) == Some(Location::Uri) {
                let label = model
                    .member_location_name(member)
                    .map_or_else(|| member_name.clone(), str::to_owned);
                if !labels.contains(&label) {
                    problems.push(Problem::new(
                        format!(
                            "shapes.{}.members.{member_name}.locationName",
                            operation.input.as_ref().map_or("", |r| &r.shape)
                        ),
                        format!(
                            "URI label {label:?} is not in {operation_name}'s requestUri {uri:?}"
                        ),
                    ));
                }
                bound.insert(label);
            }
        }
    }
    for label in labels.difference(&bound) {
        problems.push(Problem::new(
            path.clone(),
            format!("label {{{label}}} has no input member with location \"uri\""),
        ));
    }
}

/// "a list", "an integer": the shape type as the model spells it, with its article.
fn with_article(shape_type: ShapeType) -> String {
    let word = format!("{shape_type:?}").to_lowercase();
    let article = if word.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {word}")
}
