//! The endpoint-rules parameters an operation sets, read from the model's
//! three forms of them: `staticContextParams` on the operation (a fixed
//! value), `contextParam` on an input member (the member's value), and
//! `operationContextParams` (a JMESPath expression over the input).
//!
//! Validation and lowering both read them through [`operation_params`], so
//! the forms are known in one place.

use proc_macro2::TokenStream;
use quote::quote;

use crate::error::Problem;
use crate::ir::{EndpointParamDef, EndpointParamSource, OperationDef, RustType, Service};
use crate::model::{Operation, ServiceModel};

/// The operation's endpoint parameters, in botocore's order of precedence
/// (static, then members, then paths; a later one replaces an earlier one of
/// the same name), or every malformed entry with its JSON path.
pub fn operation_params(
    model: &ServiceModel,
    name: &str,
    op: &Operation,
) -> Result<Vec<EndpointParamDef>, Vec<Problem>> {
    let mut params: Vec<EndpointParamDef> = Vec::new();
    let mut problems = Vec::new();
    let path = format!("operations.{name}");
    let mut set = |param: EndpointParamDef| {
        params.retain(|existing| existing.name != param.name);
        params.push(param);
    };
    if let Some(statics) = &op.static_context_params {
        for (param, entry) in entries(
            statics,
            &format!("{path}.staticContextParams"),
            &mut problems,
        ) {
            match entry.get("value") {
                Some(value) if value.is_boolean() || value.is_string() || is_string_list(value) => {
                    set(EndpointParamDef {
                        name: param.clone(),
                        source: EndpointParamSource::Literal(value.clone()),
                    })
                }
                _ => problems.push(Problem::new(
                    format!("{path}.staticContextParams.{param}.value"),
                    "expected a boolean, a string or a list of strings",
                )),
            }
        }
    }
    if let Some(input) = op.input.as_ref().and_then(|r| model.shapes.get(&r.shape)) {
        for (member_name, member) in &input.members {
            let Some(context) = &member.context_param else {
                continue;
            };
            let member_path = format!(
                "shapes.{}.members.{member_name}.contextParam",
                op.input
                    .as_ref()
                    .map(|r| r.shape.as_str())
                    .unwrap_or_default()
            );
            match context.get("name").and_then(|n| n.as_str()) {
                Some(param) => set(EndpointParamDef {
                    name: param.to_owned(),
                    source: EndpointParamSource::Member(member_name.clone()),
                }),
                None => problems.push(Problem::new(
                    format!("{member_path}.name"),
                    "expected the parameter's name",
                )),
            }
        }
    }
    if let Some(paths) = &op.operation_context_params {
        for (param, entry) in entries(
            paths,
            &format!("{path}.operationContextParams"),
            &mut problems,
        ) {
            match entry.get("path").and_then(|p| p.as_str()) {
                Some(expression) => set(EndpointParamDef {
                    name: param.clone(),
                    source: EndpointParamSource::Path(expression.to_owned()),
                }),
                None => problems.push(Problem::new(
                    format!("{path}.operationContextParams.{param}.path"),
                    "expected a JMESPath expression",
                )),
            }
        }
    }
    if problems.is_empty() {
        Ok(params)
    } else {
        Err(problems)
    }
}

/// The entries of an object of parameters, each itself an object.
fn entries<'a>(
    value: &'a serde_json::Value,
    path: &str,
    problems: &mut Vec<Problem>,
) -> Vec<(&'a String, &'a serde_json::Map<String, serde_json::Value>)> {
    let Some(object) = value.as_object() else {
        problems.push(Problem::new(path, "expected an object of parameters"));
        return Vec::new();
    };
    object
        .iter()
        .filter_map(|(name, entry)| match entry.as_object() {
            Some(entry) => Some((name, entry)),
            None => {
                problems.push(Problem::new(format!("{path}.{name}"), "expected an object"));
                None
            }
        })
        .collect()
}

fn is_string_list(value: &serde_json::Value) -> bool {
    value
        .as_array()
        .is_some_and(|items| items.iter().all(serde_json::Value::is_string))
}

/// The Rust expression of an `operationContextParams` path over `input` (a
/// `&` of the operation's input): a `client::jmespath::Value`, compiled
/// against the input's types.
pub fn compile_path(
    service: &Service,
    op: &OperationDef,
    expression: &str,
) -> Result<TokenStream, String> {
    let input = op
        .input
        .as_ref()
        .ok_or("the operation has no input for the path to read")?;
    let tree = crate::jmespath::parse(expression).map_err(|err| err.to_string())?;
    crate::jmespath::compile_value(
        &tree,
        &RustType::Named(input.clone()),
        quote!(input),
        service,
    )
    .map_err(|err| err.to_string())
}

/// Every `operationContextParams` path that does not compile against its
/// operation's input, by the JSON path of the expression.
pub fn check_paths(service: &Service) -> Vec<Problem> {
    let mut problems = Vec::new();
    for op in &service.operations {
        for param in &op.endpoint_params {
            if let EndpointParamSource::Path(expression) = &param.source {
                if let Err(message) = compile_path(service, op, expression) {
                    problems.push(Problem::new(
                        format!(
                            "operations.{}.operationContextParams.{}.path",
                            op.model_name, param.name
                        ),
                        format!("{expression:?}: {message}"),
                    ));
                }
            }
        }
    }
    problems
}

/// Whether the operation's requests are signed, as botocore decides
/// (`OperationModel.resolved_auth_type`): the first auth scheme in the
/// operation's `auth`, else its legacy `authtype`; the service's own default
/// otherwise, which signs. `smithy.api#noAuth` and `authtype: none` mean unsigned.
pub fn signs_requests(op: &Operation) -> bool {
    match op
        .auth
        .iter()
        .find(|scheme| KNOWN_AUTH.contains(&scheme.as_str()))
    {
        Some(first) => first != "smithy.api#noAuth",
        None => op.authtype.as_deref() != Some("none"),
    }
}

/// The auth schemes botocore knows (`botocore.auth.AUTH_TYPE_TO_SIGNATURE_VERSION`
/// and `smithy.api#noAuth`).
const KNOWN_AUTH: &[&str] = &[
    "aws.auth#sigv4",
    "aws.auth#sigv4a",
    "smithy.api#httpBearerAuth",
    "smithy.api#noAuth",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn model(json: serde_json::Value) -> ServiceModel {
        crate::model::parse_service_model(&json.to_string()).unwrap()
    }

    fn sample() -> ServiceModel {
        model(serde_json::json!({
            "metadata": {"protocol": "json", "apiVersion": "2020-01-01", "auth": ["aws.auth#sigv4"]},
            "operations": {
                "Get": {
                    "name": "Get", "http": {"method": "POST", "requestUri": "/"},
                    "input": {"shape": "GetInput"},
                    "staticContextParams": {"IsRead": {"value": true}, "TableName": {"value": "x"}},
                    "operationContextParams": {"ResourceArnList": {"path": "keys(Items)"}}
                },
                "Anonymous": {"name": "Anonymous", "http": {"method": "POST", "requestUri": "/"}, "authtype": "none"},
                "NoAuthFirst": {"name": "NoAuthFirst", "http": {"method": "POST", "requestUri": "/"},
                    "auth": ["smithy.api#noAuth", "aws.auth#sigv4"]},
                "Bad": {"name": "Bad", "http": {"method": "POST", "requestUri": "/"},
                    "staticContextParams": {"X": {"value": 3}}, "operationContextParams": {"Y": {}}}
            },
            "shapes": {
                "GetInput": {"type": "structure", "members": {
                    "Table": {"shape": "S", "contextParam": {"name": "TableName"}},
                    "Items": {"shape": "S"}
                }},
                "S": {"type": "string"}
            }
        }))
    }

    #[test]
    fn the_three_forms_in_botocores_order() {
        let model = sample();
        let params = operation_params(&model, "Get", &model.operations["Get"]).unwrap();
        assert_eq!(
            params,
            vec![
                EndpointParamDef {
                    name: "IsRead".into(),
                    source: EndpointParamSource::Literal(serde_json::json!(true)),
                },
                EndpointParamDef {
                    name: "TableName".into(),
                    source: EndpointParamSource::Member("Table".into()),
                },
                EndpointParamDef {
                    name: "ResourceArnList".into(),
                    source: EndpointParamSource::Path("keys(Items)".into()),
                },
            ]
        );
    }

    #[test]
    fn malformed_entries_are_named() {
        let model = sample();
        let problems = operation_params(&model, "Bad", &model.operations["Bad"]).unwrap_err();
        let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "operations.Bad.staticContextParams.X.value",
                "operations.Bad.operationContextParams.Y.path"
            ]
        );
    }

    #[test]
    fn unsigned_operations() {
        let model = sample();
        assert!(signs_requests(&model.operations["Get"]));
        assert!(!signs_requests(&model.operations["Anonymous"]));
        assert!(!signs_requests(&model.operations["NoAuthFirst"]));
    }
}
